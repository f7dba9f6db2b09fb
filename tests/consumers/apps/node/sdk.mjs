// The real openai and @anthropic-ai/sdk clients with promptfence/fetch as
// their fetch, streaming from a mock provider on 127.0.0.1 (no network):
// prints what the provider received and what the client showed.
import http from "node:http";
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { ready, PromptFilter } from "promptfence";
import { screenedFetch } from "promptfence/fetch";

const KEY = "AKIAZ7QWERTYUIOP2345";
const PIECES = ["I wrote to [EMA", "IL_1]; your key ", KEY.slice(0, 7), KEY.slice(7), " works."];
const received = {};

const ev = (event, data) => (event ? `event: ${event}\n` : "") + `data: ${JSON.stringify(data)}\n\n`;
const server = http.createServer(async (req, res) => {
  let body = "";
  for await (const c of req) body += c;
  received[req.url] = JSON.parse(body);
  res.writeHead(200, { "content-type": "text/event-stream" });
  if (req.url === "/v1/chat/completions") {
    for (const t of PIECES) res.write(ev(null, { id: "c1", object: "chat.completion.chunk", created: 0, model: "m", choices: [{ index: 0, delta: { content: t }, finish_reason: null }] }));
    res.write(ev(null, { id: "c1", object: "chat.completion.chunk", created: 0, model: "m", choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }));
    res.end("data: [DONE]\n\n");
  } else {
    res.write(ev("message_start", { type: "message_start", message: { id: "m1", type: "message", role: "assistant", model: "c", content: [], stop_reason: null, usage: { input_tokens: 1, output_tokens: 0 } } }));
    res.write(ev("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }));
    for (const t of PIECES) res.write(ev("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: t } }));
    res.write(ev("content_block_stop", { type: "content_block_stop", index: 0 }));
    res.write(ev("message_delta", { type: "message_delta", delta: { stop_reason: "end_turn" }, usage: { output_tokens: 5 } }));
    res.end(ev("message_stop", { type: "message_stop" }));
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

await ready();
const prompt = "Please mail ana.lopez@example.com the report";

const openai = new OpenAI({ apiKey: "test", baseURL: `${base}/v1`, fetch: screenedFetch(new PromptFilter()), maxRetries: 0 });
let openaiText = "";
const stream = await openai.chat.completions.create({ model: "m", stream: true, messages: [{ role: "user", content: prompt }] });
for await (const chunk of stream) openaiText += chunk.choices[0]?.delta?.content ?? "";

const anthropic = new Anthropic({ apiKey: "test", baseURL: base, fetch: screenedFetch(new PromptFilter()), maxRetries: 0 });
let anthropicText = "";
const astream = await anthropic.messages.create({ model: "c", max_tokens: 50, stream: true, messages: [{ role: "user", content: prompt }] });
for await (const e of astream) if (e.type === "content_block_delta" && e.delta.type === "text_delta") anthropicText += e.delta.text;

server.close();
console.log(JSON.stringify({
  openaiSent: received["/v1/chat/completions"].messages[0].content,
  anthropicSent: received["/v1/messages"].messages[0].content,
  openaiText,
  anthropicText,
}));
