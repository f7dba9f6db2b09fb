// Server-sent-event adapters: screen an LLM provider's streaming HTTP
// body (bytes in, bytes out) with a PromptFilter's response scanner.
//
//   const res = await fetch(url, init);              // stream: true
//   const safe = res.body.pipeThrough(openAIChatSSE(filter));
//   return new Response(safe, { headers: res.headers });
//
// Each adapter parses the event stream (lines may be split anywhere, also
// inside a UTF-8 sequence; CRLF, LF and CR line ends), screens the text
// deltas through one scanner per output (choice / content part / content
// block), and re-emits valid events: text deltas carry the screened text
// (possibly "" while a few characters are held back), all other events
// pass through unchanged, and the held-back rest is emitted as one extra
// text-delta event just before the event that ends that output
// (finish_reason chunk / response.output_text.done / content_block_stop)
// or, at the latest, before the terminal event ([DONE] /
// response.completed / message_stop) or the end of the body. Summary
// fields that repeat the whole text (response.output_text.done.text,
// content_part.done, output_item.done, response.completed) are replaced
// by the screened text. After a block the scanner emits "[blocked]" once
// and then only empty deltas. Tool-call arguments, refusals and thinking
// deltas are passed through unscanned. Events whose data is not JSON pass
// through unchanged. Re-serialized events use LF line ends.
//
// The returned TransformStream has a `findings()` method: every finding
// so far, each with the `output` key it belongs to.

const ENC = new TextEncoder();

/** Serializes one event. */
function format(ev) {
  let s = "";
  for (const l of ev.other) s += l + "\n";
  if (ev.event !== undefined) s += "event: " + ev.event + "\n";
  if (ev.data !== undefined) {
    for (const l of ev.data.split("\n")) s += "data: " + l + "\n";
  }
  return s + "\n";
}

/**
 * Generic SSE transform: `handler(ev, emit)` gets each parsed event and
 * calls `emit(ev)` for every event to write; `handler.end(emit)` runs at
 * the end of the body.
 */
function sseTransform(handler) {
  const decoder = new TextDecoder("utf-8");
  let buf = "";
  let ev = { event: undefined, data: undefined, other: [] };
  let controller;
  const emit = (e) => controller.enqueue(ENC.encode(format(e)));
  const dispatch = () => {
    const e = ev;
    ev = { event: undefined, data: undefined, other: [] };
    if (e.event === undefined && e.data === undefined) {
      if (e.other.length) emit(e); // comments only (keep-alives)
      return;
    }
    handler.event(e, emit);
  };
  const line = (l) => {
    if (l === "") return dispatch();
    const i = l.indexOf(":");
    const field = i < 0 ? l : l.slice(0, i);
    let value = i < 0 ? "" : l.slice(i + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") ev.event = value;
    else if (field === "data") ev.data = ev.data === undefined ? value : ev.data + "\n" + value;
    else ev.other.push(l);
  };
  const feed = (text, final) => {
    buf += text;
    let start = 0;
    for (;;) {
      let i = start;
      while (i < buf.length && buf[i] !== "\n" && buf[i] !== "\r") i++;
      if (i >= buf.length) break;
      if (buf[i] === "\r" && i + 1 >= buf.length && !final) break; // CR LF split
      line(buf.slice(start, i));
      start = i + (buf[i] === "\r" && buf[i + 1] === "\n" ? 2 : 1);
    }
    buf = buf.slice(start);
    if (final) {
      if (buf) line(buf);
      buf = "";
      dispatch();
    }
  };
  const ts = new TransformStream({
    start(c) {
      controller = c;
    },
    transform(chunk, c) {
      controller = c;
      const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
      feed(text, false);
    },
    flush(c) {
      controller = c;
      feed(decoder.decode(), true);
      handler.end(emit);
    },
  });
  ts.findings = () => handler.findings();
  return ts;
}

/** One scanner per output key; joined screened text per key. */
function scanners(filter) {
  const open = new Map();
  const text = new Map();
  const found = [];
  const get = (key) => {
    let s = open.get(key);
    if (!s) {
      s = filter.responseScanner();
      open.set(key, s);
      text.set(key, "");
    }
    return s;
  };
  return {
    push(key, chunk) {
      const out = get(key).push(chunk);
      text.set(key, text.get(key) + out);
      return out;
    },
    /** Finishes `key`; returns the held-back rest ("" if none / unknown). */
    finish(key) {
      const s = open.get(key);
      if (!s) return "";
      const out = s.finish();
      text.set(key, text.get(key) + out);
      for (const f of s.findings) found.push({ output: key, ...f });
      open.delete(key);
      if (typeof s.free === "function") s.free();
      return out;
    },
    keys: () => [...open.keys()],
    has: (key) => open.has(key) || text.has(key),
    text: (key) => text.get(key),
    findings() {
      const live = [];
      for (const [k, s] of open) for (const f of s.findings) live.push({ output: k, ...f });
      return found.concat(live);
    },
  };
}

function parse(data) {
  if (data === undefined) return undefined;
  try {
    const v = JSON.parse(data);
    return v && typeof v === "object" ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * OpenAI Chat Completions (`stream: true`): `data: {choices:[{index,
 * delta:{content}, finish_reason}]}` ... `data: [DONE]`.
 * @returns {TransformStream<Uint8Array, Uint8Array>}
 */
export function openAIChatSSE(filter) {
  const sc = scanners(filter);
  let envelope; // last chunk's top-level fields, for synthetic chunks
  const flushChoice = (index, emit) => {
    const rest = sc.finish(index);
    if (!rest || !envelope) return;
    const { choices, usage, ...top } = envelope;
    const chunk = {
      ...top,
      choices: [{ index, delta: { content: rest }, logprobs: null, finish_reason: null }],
    };
    emit({ event: undefined, data: JSON.stringify(chunk), other: [] });
  };
  const flushAll = (emit) => {
    for (const k of sc.keys()) flushChoice(k, emit);
  };
  return sseTransform({
    event(ev, emit) {
      if (ev.data !== undefined && ev.data.trim() === "[DONE]") {
        flushAll(emit);
        return emit(ev);
      }
      const obj = parse(ev.data);
      if (!obj || !Array.isArray(obj.choices)) return emit(ev);
      envelope = obj;
      const finishing = [];
      for (const ch of obj.choices) {
        if (!ch || typeof ch !== "object") continue;
        const index = typeof ch.index === "number" ? ch.index : 0;
        const done = ch.finish_reason != null;
        if (ch.delta && typeof ch.delta.content === "string") {
          ch.delta.content = sc.push(index, ch.delta.content);
          // The finishing chunk carries text itself: append the rest.
          if (done) ch.delta.content += sc.finish(index);
        } else if (done) {
          finishing.push(index);
        }
      }
      // Otherwise the rest goes out in its own chunk just before.
      for (const i of finishing) flushChoice(i, emit);
      emit({ ...ev, data: JSON.stringify(obj) });
    },
    end: flushAll,
    findings: () => sc.findings(),
  });
}

/**
 * OpenAI Responses API (`stream: true`): `response.output_text.delta`
 * events, closed by `response.output_text.done`, ... `response.completed`.
 * Sequence numbers are renumbered so they stay consecutive.
 * @returns {TransformStream<Uint8Array, Uint8Array>}
 */
export function openAIResponsesSSE(filter) {
  const sc = scanners(filter);
  const lastDelta = new Map(); // key -> last delta event object
  let seq; // next sequence number to assign
  const send = (emit, ev, obj) => {
    if (obj && typeof obj.sequence_number === "number") {
      if (seq === undefined) seq = obj.sequence_number;
      obj.sequence_number = seq++;
    }
    emit(obj ? { ...ev, data: JSON.stringify(obj) } : ev);
  };
  const keyOf = (o) => `${o.item_id}:${o.content_index ?? 0}`;
  const flushKey = (key, emit) => {
    const rest = sc.finish(key);
    const last = lastDelta.get(key);
    if (!rest || !last) return;
    const obj = { ...last, delta: rest };
    send(emit, { event: "response.output_text.delta", data: undefined, other: [] }, obj);
  };
  const screened = (key, original) => (sc.has(key) ? sc.text(key) : original);
  const fixContent = (item) => {
    if (!item || !Array.isArray(item.content)) return;
    item.content.forEach((part, ci) => {
      if (part && part.type === "output_text" && typeof part.text === "string") {
        part.text = screened(`${item.id}:${ci}`, part.text);
      }
    });
  };
  return sseTransform({
    event(ev, emit) {
      const obj = parse(ev.data);
      const type = (obj && obj.type) || ev.event;
      if (!obj) return emit(ev);
      switch (type) {
        case "response.output_text.delta": {
          if (typeof obj.delta === "string") {
            const key = keyOf(obj);
            obj.delta = sc.push(key, obj.delta);
            lastDelta.set(key, { ...obj });
          }
          break;
        }
        case "response.output_text.done": {
          const key = keyOf(obj);
          flushKey(key, emit);
          if (typeof obj.text === "string") obj.text = screened(key, obj.text);
          break;
        }
        case "response.content_part.done": {
          const key = keyOf(obj);
          flushKey(key, emit);
          if (obj.part && typeof obj.part.text === "string") obj.part.text = screened(key, obj.part.text);
          break;
        }
        case "response.output_item.done":
          fixContent(obj.item);
          break;
        case "response.completed":
        case "response.incomplete":
        case "response.failed":
          for (const k of sc.keys()) flushKey(k, emit);
          if (obj.response && Array.isArray(obj.response.output)) obj.response.output.forEach(fixContent);
          break;
      }
      send(emit, ev, obj);
    },
    end(emit) {
      for (const k of sc.keys()) flushKey(k, emit);
    },
    findings: () => sc.findings(),
  });
}

/**
 * Anthropic Messages (`stream: true`): `content_block_delta` events with
 * `text_delta`, closed by `content_block_stop`, ... `message_stop`.
 * @returns {TransformStream<Uint8Array, Uint8Array>}
 */
export function anthropicSSE(filter) {
  const sc = scanners(filter);
  const flushIndex = (index, emit) => {
    const rest = sc.finish(index);
    if (!rest) return;
    const obj = { type: "content_block_delta", index, delta: { type: "text_delta", text: rest } };
    emit({ event: "content_block_delta", data: JSON.stringify(obj), other: [] });
  };
  const flushAll = (emit) => {
    for (const k of sc.keys()) flushIndex(k, emit);
  };
  return sseTransform({
    event(ev, emit) {
      const obj = parse(ev.data);
      const type = (obj && obj.type) || ev.event;
      if (!obj) return emit(ev);
      if (type === "content_block_delta" && obj.delta && obj.delta.type === "text_delta" && typeof obj.delta.text === "string") {
        obj.delta.text = sc.push(obj.index ?? 0, obj.delta.text);
        return emit({ ...ev, data: JSON.stringify(obj) });
      }
      if (type === "content_block_stop") flushIndex(obj.index ?? 0, emit);
      if (type === "message_stop" || type === "message_delta") flushAll(emit);
      emit(ev);
    },
    end: flushAll,
    findings: () => sc.findings(),
  });
}
