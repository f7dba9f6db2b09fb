// promptfence/fetch (screenedFetch) against the built package, with a fake
// upstream fetch: the request body is screened before it leaves, the
// streamed (SSE) or JSON answer on the way back, for the OpenAI Chat,
// OpenAI Responses and Anthropic Messages shapes.
// Run: scripts/build && node --test tests/js/fetch.test.mjs
import assert from "node:assert/strict";
import { test } from "node:test";

import { PromptBlockedError, screenedFetch } from "../../pkg/fetch.js";
import { PromptFilter, ready } from "../../pkg/node.js";

await ready();

const EMAIL = "ana.lopez@example.com";
const KEY = "AKIAZ7QWERTYUIOP2345";
const enc = new TextEncoder();

/** A fake upstream: records what it was sent, answers with `reply(body)`. */
function upstream(reply) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url: String(url), init, body: init.body === undefined ? undefined : JSON.parse(init.body) });
    return reply(calls.at(-1));
  };
  return { fetch, calls };
}

/** An SSE body delivered in small byte pieces (split mid-line and mid-UTF-8). */
function sse(events, piece = 7) {
  const bytes = enc.encode(events.map((e) => (e.event ? `event: ${e.event}\n` : "") + `data: ${e.data}\n\n`).join(""));
  return new Response(new ReadableStream({
    start(c) {
      for (let i = 0; i < bytes.length; i += piece) c.enqueue(bytes.slice(i, i + piece));
      c.close();
    },
  }), { headers: { "content-type": "text/event-stream", "content-length": String(bytes.length) } });
}

/** The text deltas of an OpenAI Chat SSE body, joined. */
function chatText(body) {
  return body.split("\n").filter((l) => l.startsWith("data: {"))
    .map((l) => JSON.parse(l.slice(6)).choices[0]?.delta?.content ?? "").join("");
}

test("OpenAI Chat: the prompt is pseudonymized before it is sent, the streamed answer restored and a leaked key redacted", async () => {
  const filter = new PromptFilter();
  const up = upstream(() => sse([
    ...["Sent to [EM", "AIL_1]. Your key ", KEY.slice(0, 8), KEY.slice(8), " works. 日本"].map((t) => ({
      data: JSON.stringify({ choices: [{ index: 0, delta: { content: t } }] }),
    })),
    { data: JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }) },
    { data: "[DONE]" },
  ]));
  const f = screenedFetch(filter, { fetch: up.fetch });
  const res = await f("https://api.openai.test/v1/chat/completions", {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": "999" },
    body: JSON.stringify({ model: "m", stream: true, messages: [
      { role: "system", content: "Be brief." },
      { role: "user", content: `Write to ${EMAIL} please` },
    ] }),
  });
  const sent = up.calls[0].body;
  assert.equal(sent.messages[0].content, "Be brief.");
  assert.equal(sent.messages[1].content, "Write to [EMAIL_1] please");
  assert.equal(sent.model, "m");
  assert.ok(!new Headers(up.calls[0].init.headers).has("content-length"), "the old length must not be sent");
  assert.equal(res.promptfence.request.verdict, "redact");
  assert.equal(res.headers.get("content-length"), null);
  const text = chatText(await res.text());
  assert.equal(text, `Sent to ${EMAIL}. Your key [AWS_ACCESS_KEY_ID] works. 日本`);
  assert.ok(res.promptfence.findings().some((x) => x.type === "AWS_ACCESS_KEY_ID"));
});

test("Anthropic Messages (inferred from /v1/messages): content parts screened, the SSE answer screened", async () => {
  const filter = new PromptFilter();
  const up = upstream(() => sse([
    { event: "message_start", data: JSON.stringify({ type: "message_start", message: { id: "m1", content: [] } }) },
    { event: "content_block_start", data: JSON.stringify({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }) },
    ...["Mailed [EMAIL", "_1], key ", KEY].map((t) => ({
      event: "content_block_delta",
      data: JSON.stringify({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: t } }),
    })),
    { event: "content_block_stop", data: JSON.stringify({ type: "content_block_stop", index: 0 }) },
    { event: "message_stop", data: JSON.stringify({ type: "message_stop" }) },
  ], 5));
  const res = await screenedFetch(filter, { fetch: up.fetch })("https://api.anthropic.test/v1/messages", {
    method: "POST",
    body: JSON.stringify({ model: "c", system: "S", messages: [{ role: "user", content: [{ type: "text", text: `mail ${EMAIL}` }] }] }),
  });
  assert.equal(up.calls[0].body.messages[0].content[0].text, "mail [EMAIL_1]");
  assert.equal(up.calls[0].body.system, "S");
  const text = (await res.text()).split("\n").filter((l) => l.startsWith("data: {"))
    .map((l) => JSON.parse(l.slice(6))).filter((e) => e.type === "content_block_delta")
    .map((e) => e.delta.text).join("");
  assert.equal(text, `Mailed ${EMAIL}, key [AWS_ACCESS_KEY_ID]`);
});

test("OpenAI Responses: string and item input, and a JSON (non-streamed) answer", async () => {
  const filter = new PromptFilter();
  const up = upstream(() => Response.json({
    id: "r1",
    output: [{ id: "msg_1", type: "message", content: [{ type: "output_text", text: `Done: [EMAIL_1], ${KEY}` }] }],
  }));
  const f = screenedFetch(filter, { fetch: up.fetch });
  const res = await f("https://api.openai.test/v1/responses", { method: "POST", body: JSON.stringify({ input: `to ${EMAIL}` }) });
  assert.equal(up.calls[0].body.input, "to [EMAIL_1]");
  const json = await res.json();
  assert.equal(json.output[0].content[0].text, `Done: ${EMAIL}, [AWS_ACCESS_KEY_ID]`);
  assert.ok(res.promptfence.findings().some((x) => x.type === "AWS_ACCESS_KEY_ID" && x.output === "msg_1:0"));

  await f("https://api.openai.test/v1/responses", { method: "POST", body: JSON.stringify({ input: [
    { role: "user", content: [{ type: "input_text", text: `again ${EMAIL}` }] },
    { type: "function_call_output", call_id: "c1", output: `key ${KEY}` },
  ] }) });
  const items = up.calls[1].body.input;
  assert.deepEqual(items[0].content, [{ type: "input_text", text: "again [EMAIL_1]" }]);
  assert.equal(items[1].output, "key [AWS_ACCESS_KEY_ID]");
  assert.equal(items[1].call_id, "c1");
});

test("a blocked prompt throws PromptBlockedError and nothing is sent", async () => {
  const up = upstream(() => Response.json({}));
  const filter = new PromptFilter({ secrets: { action: "block" } });
  await assert.rejects(
    screenedFetch(filter, { fetch: up.fetch })("https://api.openai.test/v1/chat/completions", {
      method: "POST", body: JSON.stringify({ messages: [{ role: "user", content: `my key ${KEY}` }] }),
    }),
    (e) => e instanceof PromptBlockedError && e.name === "PromptBlockedError" && e.result.verdict === "block"
      && !JSON.stringify(e.result).includes(KEY) && !e.message.includes(KEY),
  );
  assert.equal(up.calls.length, 0);
});

test("requests that are not chat requests, and error answers, pass unchanged", async () => {
  const filter = new PromptFilter();
  const up = upstream(() => new Response("nope", { status: 429, headers: { "content-type": "application/json" } }));
  const f = screenedFetch(filter, { fetch: up.fetch });
  const get = await f("https://api.openai.test/v1/models", { method: "GET" });
  assert.equal(get.status, 429);
  assert.equal(up.calls[0].init.method, "GET");
  const err = await f("https://api.openai.test/v1/chat/completions", {
    method: "POST", body: JSON.stringify({ messages: [{ role: "user", content: "hi" }] }),
  });
  assert.equal(err.status, 429);
  assert.equal(await err.text(), "nope");
  assert.equal(err.promptfence, undefined);
  assert.throws(() => screenedFetch(filter, { api: "gemini" }), /unknown api/);
});
