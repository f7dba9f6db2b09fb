// promptfence/fetch: a fetch wrapper for chat frontends and route
// handlers. It screens an OpenAI- or Anthropic-style request body before
// it is sent and the model's answer (streamed SSE or one JSON body)
// before it is returned:
//
//   const safeFetch = screenedFetch(filter);                 // after await ready()
//   const res = await safeFetch("https://api.openai.com/v1/chat/completions", init);
//   // or: new OpenAI({ fetch: safeFetch }), new Anthropic({ fetch: safeFetch })
//
// Which API a call speaks comes from `options.api` or the URL path:
// ".../messages" is Anthropic Messages, ".../responses" the OpenAI
// Responses API, anything else OpenAI Chat Completions. Only JSON string
// bodies with `messages` (or `input` for Responses) are screened; other
// requests (GET /models, uploads) pass unchanged. A blocked prompt throws
// a PromptBlockedError before anything is sent. Error responses pass
// unchanged. The returned Response carries `promptfence`:
// `{ request, findings() }` (the request's MessagesResult and the
// response findings so far).
import { anthropicSSE, openAIChatSSE, openAIResponsesSSE } from "./sse.js";

/** Thrown when the prompt is blocked; `result` says why (no raw values). */
export class PromptBlockedError extends Error {
  constructor(result) {
    super("promptfence: the prompt was blocked");
    this.name = "PromptBlockedError";
    this.result = result;
  }
}

const ADAPTERS = {
  "openai-chat": openAIChatSSE,
  "openai-responses": openAIResponsesSSE,
  anthropic: anthropicSSE,
};

function apiOf(url, api) {
  if (api) return api;
  const path = new URL(url, "http://localhost/").pathname.replace(/\/+$/, "");
  if (path.endsWith("/messages")) return "anthropic";
  if (path.endsWith("/responses")) return "openai-responses";
  return "openai-chat";
}

// The Responses API's `input`: a string, or items where user messages
// carry a string or `input_text` parts and tool results are
// `function_call_output` items; mapped onto screenMessages' shape.
function screenRequest(filter, api, body) {
  if (api !== "openai-responses") {
    if (!Array.isArray(body.messages)) return null;
    const r = filter.screenMessages(body.messages);
    return { result: r, body: { ...body, messages: r.messages } };
  }
  if (typeof body.input === "string") {
    const r = filter.screenMessages([{ role: "user", content: body.input }]);
    return { result: r, body: { ...body, input: r.messages.length ? r.messages[0].content : "" } };
  }
  if (!Array.isArray(body.input)) return null;
  // input_text parts read as text parts; function_call_output as a tool message.
  const asChat = body.input.map((item) => {
    if (item && item.type === "function_call_output" && typeof item.output === "string") {
      return { role: "tool", content: item.output };
    }
    if (item && Array.isArray(item.content)) {
      return { ...item, content: item.content.map((p) => (p && p.type === "input_text" ? { ...p, type: "text" } : p)) };
    }
    return item;
  });
  const r = filter.screenMessages(asChat);
  const input = r.messages.length === 0 ? [] : body.input.map((item, i) => {
    const m = r.messages[i];
    if (m === asChat[i]) return item;
    if (item.type === "function_call_output") return { ...item, output: m.content };
    if (typeof item.content === "string") return { ...item, content: m.content };
    return { ...item, content: item.content.map((p, j) => (p && p.type === "input_text" ? { ...p, text: m.content[j].text } : p)) };
  });
  return { result: r, body: { ...body, input } };
}

// A whole (non-streamed) answer: the text fields each API puts it in.
function screenJsonAnswer(filter, api, json, findings) {
  const screen = (text, output) => {
    const r = filter.screenResponse(text);
    for (const f of r.findings) findings.push({ output, ...f });
    return r.text;
  };
  if (api === "openai-chat" && Array.isArray(json.choices)) {
    json.choices = json.choices.map((c, i) =>
      c && c.message && typeof c.message.content === "string"
        ? { ...c, message: { ...c.message, content: screen(c.message.content, c.index ?? i) } }
        : c);
  } else if (api === "anthropic" && Array.isArray(json.content)) {
    json.content = json.content.map((b, i) =>
      b && b.type === "text" && typeof b.text === "string" ? { ...b, text: screen(b.text, i) } : b);
  } else if (api === "openai-responses" && Array.isArray(json.output)) {
    json.output = json.output.map((item) =>
      item && Array.isArray(item.content)
        ? { ...item, content: item.content.map((p, j) =>
          p && p.type === "output_text" && typeof p.text === "string" ? { ...p, text: screen(p.text, `${item.id}:${j}`) } : p) }
        : item);
    if (typeof json.output_text === "string") json.output_text = screen(json.output_text, "output_text");
  }
  return json;
}

function withoutLengthAndEncoding(headers) {
  const h = new Headers(headers);
  h.delete("content-length");
  h.delete("content-encoding");
  return h;
}

/**
 * Wraps `options.fetch` (default: the global fetch) so each chat request
 * is screened with `filter` and its answer screened on the way back.
 */
export function screenedFetch(filter, options = {}) {
  if (options.api !== undefined && !ADAPTERS[options.api]) {
    throw new TypeError(`promptfence: unknown api "${options.api}"`);
  }
  const baseFetch = options.fetch ?? ((...a) => globalThis.fetch(...a));
  return async function fetchScreened(input, init = {}) {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    let raw = init.body;
    if (raw === undefined && typeof Request === "function" && input instanceof Request && input.body) {
      raw = await input.clone().text();
    }
    let parsed;
    if (typeof raw === "string") {
      try { parsed = JSON.parse(raw); } catch { parsed = undefined; }
    }
    const api = apiOf(url, options.api);
    const screened = parsed && typeof parsed === "object" ? screenRequest(filter, api, parsed) : null;
    if (!screened) return baseFetch(input, init);
    if (screened.result.verdict === "block") throw new PromptBlockedError(screened.result);

    const headers = withoutLengthAndEncoding(init.headers ?? (input instanceof Request ? input.headers : undefined));
    const res = await baseFetch(input instanceof Request ? input.url : input,
      { ...init, method: init.method ?? (input instanceof Request ? input.method : "POST"), headers,
        signal: init.signal ?? (input instanceof Request ? input.signal : undefined), body: JSON.stringify(screened.body) });
    if (!res.ok || !res.body) return res;

    const type = res.headers.get("content-type") || "";
    let out;
    let findings;
    if (type.includes("text/event-stream")) {
      const adapter = ADAPTERS[api](filter);
      out = new Response(res.body.pipeThrough(adapter), {
        status: res.status, statusText: res.statusText, headers: withoutLengthAndEncoding(res.headers),
      });
      findings = () => adapter.findings();
    } else if (type.includes("json")) {
      const list = [];
      const json = screenJsonAnswer(filter, api, await res.json(), list);
      out = new Response(JSON.stringify(json), {
        status: res.status, statusText: res.statusText, headers: withoutLengthAndEncoding(res.headers),
      });
      findings = () => list.slice();
    } else {
      return res;
    }
    Object.defineProperty(out, "promptfence", { value: { request: screened.result, findings } });
    return out;
  };
}
