// Configuration from the worker's vars and secrets, validated once per
// isolate. Every problem is reported by name; the worker then answers
// 500 config_error to every request and forwards nothing.
import { PromptFilter } from "promptfence";

/** A configuration problem; `message` names the variable. */
export class ConfigError extends Error {
  constructor(message) {
    super(message);
    this.name = "ConfigError";
  }
}

const DEFAULT_MAX_BODY_BYTES = 1 << 20;
const DEFAULT_UPSTREAM_TIMEOUT_MS = 60_000;
const HEX64 = /^[0-9a-f]{64}$/;

/** A var that may be absent: undefined and "" both mean unset. */
function opt(env, name) {
  const v = env[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string" && v.trim() === "") return undefined;
  return v;
}

function integer(env, name, { min, fallback }) {
  const v = opt(env, name);
  if (v === undefined) return fallback;
  const n = typeof v === "number" ? v : Number(String(v).trim());
  if (!Number.isSafeInteger(n) || n < min) {
    throw new ConfigError(`${name} must be an integer >= ${min} (got ${JSON.stringify(String(v).slice(0, 40))})`);
  }
  return n;
}

function flag(env, name) {
  const v = opt(env, name);
  if (v === undefined || v === false) return false;
  if (v === true) return true;
  const s = String(v).trim().toLowerCase();
  if (s === "true" || s === "1" || s === "on") return true;
  if (s === "false" || s === "0" || s === "off") return false;
  throw new ConfigError(`${name} must be true or false`);
}

/** UPSTREAM_URL: an http(s) base URL; a trailing "/v1" is dropped since
 * the routes carry it. */
function upstreamUrl(env) {
  const v = opt(env, "UPSTREAM_URL");
  if (v === undefined) throw new ConfigError("UPSTREAM_URL is not set (the upstream's base URL, e.g. https://api.openai.com)");
  let url;
  try {
    url = new URL(String(v).trim());
  } catch {
    throw new ConfigError("UPSTREAM_URL is not a valid URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError("UPSTREAM_URL must be an http: or https: URL");
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError("UPSTREAM_URL must not carry a query, fragment or credentials");
  }
  return url.href.replace(/\/+$/, "").replace(/\/v1$/, "");
}

/** POLICY: the package's policy, as a JSON string or (from wrangler.toml
 * [vars]) an object; compiled once here so a bad policy fails now. */
function policy(env) {
  let v = opt(env, "POLICY");
  if (v === undefined) return {};
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch (e) {
      throw new ConfigError(`POLICY is not valid JSON: ${e.message}`);
    }
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new ConfigError("POLICY must be a JSON object");
  let filter;
  try {
    filter = new PromptFilter(v);
  } catch (e) {
    throw new ConfigError(`POLICY is invalid${e.path ? ` at ${e.path}` : ""}: ${e.message}`);
  } finally {
    filter?.free();
  }
  return v;
}

/** CLIENT_KEYS: SHA-256 hex digests of the allowed bearer tokens,
 * separated by commas or white space (or a JSON array). */
function clientKeys(env) {
  const v = opt(env, "CLIENT_KEYS");
  if (v === undefined) return new Set();
  let list;
  if (Array.isArray(v)) list = v;
  else if (String(v).trim().startsWith("[")) {
    try {
      list = JSON.parse(String(v));
    } catch {
      throw new ConfigError("CLIENT_KEYS starts with '[' but is not a JSON array");
    }
  } else list = String(v).split(/[\s,]+/);
  const out = new Set();
  for (const [i, item] of list.entries()) {
    const h = String(item).trim().toLowerCase();
    if (h === "") continue;
    if (!HEX64.test(h)) {
      // Never echo the entry: it may be a raw key pasted by mistake.
      throw new ConfigError(
        `CLIENT_KEYS entry ${i + 1} is not a SHA-256 hex digest (64 hex digits); store hashes, not keys: ` +
          "node examples/edge-worker/hash-key.mjs KEY",
      );
    }
    out.add(h);
  }
  return out;
}

/** Parses and checks every var; throws ConfigError on the first problem. */
export function parseConfig(env) {
  const cfg = {
    upstreamUrl: upstreamUrl(env),
    upstreamKey: opt(env, "UPSTREAM_KEY") === undefined ? undefined : String(env.UPSTREAM_KEY).trim(),
    policy: policy(env),
    rateLimit: integer(env, "RATE_LIMIT", { min: 0, fallback: 0 }),
    clientKeys: clientKeys(env),
    maxBodyBytes: integer(env, "MAX_BODY_BYTES", { min: 1, fallback: DEFAULT_MAX_BODY_BYTES }),
    upstreamTimeoutMs: integer(env, "UPSTREAM_TIMEOUT_MS", { min: 1, fallback: DEFAULT_UPSTREAM_TIMEOUT_MS }),
    canary: flag(env, "CANARY"),
    rateLimiterDO: env.RATE_LIMITER,
    rateLimitKV: env.RATE_LIMIT_KV,
  };
  if (cfg.rateLimiterDO !== undefined && typeof cfg.rateLimiterDO?.idFromName !== "function") {
    throw new ConfigError("RATE_LIMITER must be a Durable Object namespace binding (class RateLimiter)");
  }
  if (cfg.rateLimitKV !== undefined && typeof cfg.rateLimitKV?.get !== "function") {
    throw new ConfigError("RATE_LIMIT_KV must be a KV namespace binding");
  }
  if (cfg.upstreamKey !== undefined && /[\r\n]/.test(cfg.upstreamKey)) {
    throw new ConfigError("UPSTREAM_KEY must be one line");
  }
  return cfg;
}

/** The warnings worth a log line at startup (not errors). */
export function configWarnings(cfg) {
  const w = [];
  if (cfg.upstreamKey !== undefined && cfg.clientKeys.size === 0) {
    w.push("UPSTREAM_KEY is set and CLIENT_KEYS is empty: every proxied request gets 401 (set CLIENT_KEYS to the SHA-256 of each client's key)");
  }
  if (cfg.upstreamKey === undefined && cfg.clientKeys.size === 0) {
    w.push("CLIENT_KEYS is empty: anyone may use the proxy with their own upstream key");
  }
  if (cfg.upstreamUrl.startsWith("http:") && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|$)/.test(cfg.upstreamUrl)) {
    w.push("UPSTREAM_URL is plain http: prompts cross the network unencrypted");
  }
  return w;
}
