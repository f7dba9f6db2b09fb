// promptfence edge proxy: deploy in front of an OpenAI-compatible API.
// Every request is screened before it is forwarded (PII pseudonymized with
// a vault of its own, secrets redacted, injection blocked), every answer
// (JSON or server-sent events) is screened before the client sees it
// (pseudonyms restored, leaks redacted, exfiltrating links stopped, canary
// and system-prompt leaks blocked), and each request leaves one audit line
// without a raw value. Fail-closed: a request that could not be screened is
// answered with an error and never forwarded. See README.md.
import { env as startupEnv } from "cloudflare:workers";
import { PromptFilter, openAIChatSSE, openAIResponsesSSE } from "promptfence";

import { coalesceSSE } from "./coalesce.js";
import { ConfigError, configWarnings, parseConfig } from "./config.js";
import { IsolateLimiter, sharedHit } from "./ratelimit.js";
import {
  BadRequest,
  Blocked,
  Tally,
  makeScreener,
  screenChat,
  screenChatJSON,
  screenResponses,
  screenResponsesJSON,
  systemText,
} from "./screen.js";

export { RateLimiterDO as RateLimiter } from "./ratelimit.js";

const ROUTES = { "/v1/chat/completions": "chat", "/v1/responses": "responses" };
const FORWARDED_HEADERS = ["openai-organization", "openai-project", "openai-beta"];
const UPSTREAM_RESPONSE_HEADERS = ["x-request-id", "openai-processing-ms", "openai-model"];

// --- configuration: parsed once per isolate --------------------------------

let loaded; // { cfg, limiter } or { error }

function load(env) {
  if (loaded) return loaded;
  try {
    const cfg = parseConfig(env);
    loaded = { cfg, limiter: cfg.rateLimit > 0 ? new IsolateLimiter(cfg.rateLimit) : undefined };
    for (const w of configWarnings(cfg)) console.warn(`promptfence edge: warning: ${w}`);
  } catch (e) {
    const message = e instanceof ConfigError ? e.message : `configuration failed: ${e && e.name}`;
    loaded = { error: message };
    console.error(`promptfence edge: configuration error: ${message}`);
  }
  return loaded;
}

// Validate at startup, so `wrangler dev` and the deployment's logs show a
// configuration error before the first request (it is answered with it too).
try {
  if (startupEnv && startupEnv.UPSTREAM_URL !== undefined) load(startupEnv);
} catch {
  // env is not importable in this runtime: the first request validates.
}

// --- responses --------------------------------------------------------------

// Our error responses' codes, for the audit line.
const CODES = new WeakMap();

/** An OpenAI-shaped error body. */
function error(status, type, code, message, { param = null, headers = {} } = {}) {
  const res = Response.json({ error: { message, type, param, code } }, { status, headers: { "cache-control": "no-store", ...headers } });
  CODES.set(res, code);
  return res;
}

const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");
const sha256 = async (s) => hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s)));

/** The request body as text, at most `max` bytes; null when over. */
async function readBody(request, max) {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder("utf-8", { fatal: true }).decode(all);
}

/** Passes `readable` through and calls `onEnd(outcome)` once at its end,
 * error or cancellation. */
function tap(readable, onEnd) {
  const reader = readable.getReader();
  let ended = false;
  const end = (outcome) => {
    if (!ended) {
      ended = true;
      onEnd(outcome);
    }
  };
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          end("complete");
          controller.close();
        } else controller.enqueue(value);
      } catch (e) {
        end("stream_error");
        controller.error(e);
      }
    },
    cancel(reason) {
      end("client_cancelled");
      return reader.cancel(reason);
    },
  });
}

// --- the proxy --------------------------------------------------------------

/** One request's audit line: counts by type, verdicts, risk, rule ids,
 * latency. Only fixed vocabulary and numbers: never a raw value, a key,
 * an IP or a client-supplied string. */
class Audit {
  constructor(route) {
    this.t0 = Date.now();
    this.line = { promptfence: "audit", id: crypto.randomUUID(), route, status: 0 };
    this.request = new Tally();
    this.response = new Tally();
  }

  write(status, extra = {}) {
    const line = { ...this.line, ...extra, status, latency_ms: Date.now() - this.t0 };
    if (this.request.findings || this.line.screened) line.request = this.request.toJSON();
    if (this.response.findings || this.line.upstream_ms !== undefined) line.response = this.response.toJSON();
    delete line.screened;
    console.log(JSON.stringify(line));
  }
}

/** Whether the client may use the proxy; its rate-limit identity. */
async function authenticate(request, cfg) {
  const auth = request.headers.get("authorization") ?? "";
  const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
  const keyHash = m ? await sha256(m[1]) : undefined;
  let allowed;
  if (cfg.clientKeys.size > 0) allowed = keyHash !== undefined && cfg.clientKeys.has(keyHash);
  else allowed = cfg.upstreamKey === undefined && keyHash !== undefined; // the client's own upstream key
  const ip = request.headers.get("cf-connecting-ip");
  const client = keyHash ? `k:${keyHash}` : ip ? `ip:${await sha256(ip)}` : "anonymous";
  return { allowed, client, clientKey: m ? m[1] : undefined, kind: keyHash ? "key" : ip ? "ip" : "none" };
}

async function rateLimit(st, client) {
  const { cfg, limiter } = st;
  if (!limiter) return undefined;
  let r = limiter.hit(client);
  if (r.ok) {
    try {
      r = await sharedHit(cfg, client);
    } catch (e) {
      // What failed, without values: the operator's clue to a 503.
      console.log(JSON.stringify({ promptfence: "rate_limiter_error", error: e?.name ?? "unknown", retryable: Boolean(e?.retryable) }));
      return error(503, "server_error", "rate_limiter_unavailable", "the shared rate limiter did not answer; the request was not forwarded");
    }
  }
  if (r.ok) return undefined;
  return error(429, "rate_limit_exceeded", "rate_limit_exceeded", `more than ${cfg.rateLimit} requests per minute from this client`, {
    headers: { "retry-after": String(r.retryAfter) },
  });
}

async function proxy(request, route, st, audit) {
  const { cfg } = st;
  const who = await authenticate(request, cfg);
  audit.line.client = who.kind;
  if (!who.allowed) {
    return error(401, "invalid_request_error", "invalid_api_key", "missing or unknown API key for this proxy (Authorization: Bearer KEY)");
  }
  const limited = await rateLimit(st, who.client);
  if (limited) return limited;

  let text;
  try {
    text = await readBody(request, cfg.maxBodyBytes);
  } catch {
    return error(400, "invalid_request_error", "invalid_body", "the body could not be read as UTF-8");
  }
  if (text === null) {
    return error(413, "invalid_request_error", "body_too_large", `the body is over ${cfg.maxBodyBytes} bytes`);
  }
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return error(400, "invalid_request_error", "invalid_json", "the body is not valid JSON");
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return error(400, "invalid_request_error", "invalid_json", "the body must be a JSON object");
  }
  audit.line.stream = body.stream === true;

  // One filter, and so one vault, per request: concurrent requests never
  // share pseudonyms. The request's own system prompt is fingerprinted for
  // the leak check unless POLICY names one.
  let policy = cfg.policy;
  const system = systemText(route, body);
  if (system && !(policy.response && policy.response.systemPrompt)) {
    policy = { ...policy, response: { ...policy.response, systemPrompt: system } };
  }
  let filter;
  try {
    filter = new PromptFilter(policy);
  } catch (e) {
    if (e && e.name === "LimitError") return error(400, "prompt_blocked", "input_too_large", "the system prompt is over the policy's limits");
    return error(500, "server_error", "screening_failed", "the request could not be screened; it was not forwarded");
  }
  let streaming = false;
  try {
    let forward;
    try {
      const screen = makeScreener(filter, audit.request);
      audit.line.screened = true;
      const canary = cfg.canary ? filter.canary() : undefined;
      forward = route === "chat" ? screenChat(screen, body, canary) : screenResponses(screen, body, canary);
    } catch (e) {
      if (e instanceof Blocked) return error(400, "prompt_blocked", e.code, e.message);
      if (e instanceof BadRequest) return error(400, "invalid_request_error", e.code, e.message, { param: e.param });
      return error(500, "server_error", "screening_failed", "the request could not be screened; it was not forwarded");
    }

    const headers = { "content-type": "application/json", accept: forward.stream === true ? "text/event-stream" : "application/json" };
    if (cfg.upstreamKey !== undefined) headers.authorization = `Bearer ${cfg.upstreamKey}`;
    else {
      headers.authorization = `Bearer ${who.clientKey}`;
      for (const h of FORWARDED_HEADERS) {
        const v = request.headers.get(h);
        if (v !== null) headers[h] = v;
      }
    }
    const t1 = Date.now();
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), cfg.upstreamTimeoutMs);
    let res;
    try {
      res = await fetch(`${cfg.upstreamUrl}/v1/${route === "chat" ? "chat/completions" : "responses"}`, {
        method: "POST",
        headers,
        body: JSON.stringify(forward),
        redirect: "manual",
        signal: abort.signal,
      });
    } catch {
      clearTimeout(timer);
      audit.line.upstream_ms = Date.now() - t1;
      return error(502, "upstream_error", abort.signal.aborted ? "upstream_timeout" : "upstream_unreachable", "the upstream could not be reached");
    }
    clearTimeout(timer);
    audit.line.upstream_ms = Date.now() - t1;
    audit.line.upstream_status = res.status;

    const out = new Headers({ "cache-control": "no-store" });
    for (const h of UPSTREAM_RESPONSE_HEADERS) {
      const v = res.headers.get(h);
      if (v !== null) out.set(h, v);
    }
    const type = res.headers.get("content-type") ?? "";
    if (res.status >= 500 || (res.status >= 300 && res.status < 400)) {
      // A redirect is not followed: the body and key go to UPSTREAM_URL only.
      await res.body?.cancel();
      return error(502, "upstream_error", "upstream_error", `the upstream answered ${res.status}`);
    }
    if (res.status >= 400) {
      // The upstream's own error (bad model, quota...): it only ever saw
      // screened text. Passed on as it is.
      out.set("content-type", type || "application/json");
      const passed = new Response(await res.text(), { status: res.status, headers: out });
      CODES.set(passed, "upstream_status");
      return passed;
    }
    if (type.includes("text/event-stream") && res.body) {
      const sse = route === "chat" ? openAIChatSSE(filter) : openAIResponsesSSE(filter);
      const f = filter;
      const body = tap(res.body.pipeThrough(coalesceSSE()).pipeThrough(sse), (outcome) => {
        try {
          audit.response.addFindings(sse.findings());
        } catch {
          // findings unavailable after an error: the line says so.
        }
        audit.write(res.status, { stream_end: outcome });
        f.free();
      });
      streaming = true;
      audit.deferred = true;
      out.set("content-type", "text/event-stream; charset=utf-8");
      return new Response(body, { status: res.status, headers: out });
    }
    let obj;
    try {
      obj = JSON.parse(await res.text());
      obj = route === "chat" ? screenChatJSON(filter, audit.response, obj) : screenResponsesJSON(filter, audit.response, obj);
    } catch {
      // Not JSON, or not the shape asked for: it cannot be screened.
      return error(502, "upstream_error", "upstream_invalid_response", "the upstream's answer could not be screened");
    }
    out.set("content-type", "application/json");
    return new Response(JSON.stringify(obj), { status: res.status, headers: out });
  } finally {
    if (!streaming) filter.free();
  }
}

async function handle(request, st, audit, route) {
  if (route === "healthz") {
    if (request.method !== "GET" && request.method !== "HEAD") {
      return error(405, "invalid_request_error", "method_not_allowed", "use GET /healthz", { headers: { allow: "GET, HEAD" } });
    }
    if (st.error) return error(503, "server_error", "config_error", st.error);
    return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  }
  if (!route) return error(404, "invalid_request_error", "not_found", "no such route; the proxy serves POST /v1/chat/completions, POST /v1/responses and GET /healthz");
  if (request.method !== "POST") {
    return error(405, "invalid_request_error", "method_not_allowed", "use POST", { headers: { allow: "POST" } });
  }
  if (st.error) return error(500, "server_error", "config_error", st.error);
  return proxy(request, route, st, audit);
}

export default {
  async fetch(request, env) {
    const st = load(env);
    const path = new URL(request.url).pathname;
    const route = path === "/healthz" ? "healthz" : ROUTES[path];
    const audit = new Audit(route ?? "unknown");
    let res;
    try {
      res = await handle(request, st, audit, route);
    } catch {
      // Fail closed: whatever went wrong, nothing was forwarded after it.
      res = error(500, "server_error", "internal_error", "the proxy failed; the request was not forwarded");
    }
    res.headers.set("x-promptfence-id", audit.line.id);
    // A stream's line is written when it ends.
    if (!audit.deferred) audit.write(res.status, CODES.has(res) ? { error: CODES.get(res) } : {});
    return res;
  },
};
