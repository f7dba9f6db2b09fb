// Merges text deltas that arrive in the same network read before they
// reach the package's SSE adapter. The adapter screens each delta with one
// ResponseScanner.push, and a push has a fixed cost (see README.md,
// "Tests and benchmark"); when the upstream is faster than the proxy,
// dozens of events come in one read and are screened as one. Nothing is
// held back longer than the adapter holds it: an event is complete at its
// blank line either way.
//
// Merged: consecutive chat chunks with one choice whose delta is only
// `content`, with no finish_reason or logprobs and the same envelope;
// consecutive response.output_text.delta events of the same output without
// logprobs. Everything else passes as it came.

const ENC = new TextEncoder();

/** The merge key of an event block, or undefined if it is not mergeable. */
function mergeable(block) {
  const lines = block.split("\n");
  let event;
  let data;
  for (const l of lines) {
    if (l.startsWith("data:")) {
      if (data !== undefined) return undefined; // multi-line data
      data = l.slice(5).trimStart();
    } else if (l.startsWith("event:")) event = l.slice(6).trim();
    else return undefined; // id:, retry:, comments
  }
  if (data === undefined || data[0] !== "{") return undefined;
  let obj;
  try {
    obj = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (obj.type === "response.output_text.delta") {
    if (typeof obj.delta !== "string" || obj.logprobs?.length) return undefined;
    const { delta, sequence_number, logprobs, ...rest } = obj;
    return { event, obj, key: `r:${event}:${JSON.stringify(rest)}`, text: delta, set: (o, t) => (o.delta = t) };
  }
  if (Array.isArray(obj.choices) && obj.choices.length === 1 && obj.usage == null) {
    const ch = obj.choices[0];
    if (!ch || ch.finish_reason != null || ch.logprobs != null || !ch.delta) return undefined;
    const keys = Object.keys(ch.delta);
    if (keys.length !== 1 || keys[0] !== "content" || typeof ch.delta.content !== "string") return undefined;
    const { choices, ...top } = obj;
    return { event, obj, key: `c:${event}:${ch.index}:${JSON.stringify(top)}`, text: ch.delta.content, set: (o, t) => (o.choices[0].delta.content = t) };
  }
  return undefined;
}

function serialize(m, text) {
  m.set(m.obj, text);
  return `${m.event !== undefined ? `event: ${m.event}\n` : ""}data: ${JSON.stringify(m.obj)}\n\n`;
}

/** A TransformStream<Uint8Array, Uint8Array> over an event stream. */
export function coalesceSSE() {
  const decoder = new TextDecoder("utf-8");
  let buf = "";
  const transformText = (text, final) => {
    buf += text;
    // Line ends to LF; a CR at the very end may be half of a CRLF.
    let upto = buf.length;
    if (!final && buf.endsWith("\r")) upto--;
    let s = buf.slice(0, upto).replace(/\r\n?/g, "\n");
    buf = buf.slice(upto);
    const end = final ? s.length : s.lastIndexOf("\n\n") + 2;
    if (end < 2 && !final) {
      buf = s + buf;
      return "";
    }
    buf = s.slice(end) + buf;
    s = s.slice(0, end);
    let out = "";
    let run; // { m, text, raw, n }
    const close = () => {
      if (run) out += run.n === 1 ? run.raw + "\n\n" : serialize(run.m, run.text);
      run = undefined;
    };
    for (const block of s.split("\n\n")) {
      if (block === "") continue;
      const m = mergeable(block);
      if (m && run && run.m.key === m.key) {
        run.text += m.text;
        run.n++;
        continue;
      }
      close();
      if (m) run = { m, text: m.text, raw: block, n: 1 };
      else out += block + "\n\n";
    }
    close();
    return out;
  };
  return new TransformStream({
    transform(chunk, controller) {
      const out = transformText(decoder.decode(chunk, { stream: true }), false);
      if (out) controller.enqueue(ENC.encode(out));
    },
    flush(controller) {
      const out = transformText(decoder.decode(), true);
      if (out) controller.enqueue(ENC.encode(out));
    },
  });
}
