// Rate limits: RATE_LIMIT requests per client per 60-second window. The
// client is the SHA-256 of its API key, or of its IP when it sends none
// (raw keys and IPs are never stored, logged or used as object names).
//
// What each limiter guarantees (see README.md, "Edge proxy"):
//  - IsolateLimiter (always on when RATE_LIMIT > 0): exact within one
//    isolate, nothing across isolates. Cloudflare runs many isolates (per
//    data centre, and several in one), and may evict one at any time, which
//    resets its counts: a client spread over k isolates gets up to k times
//    the limit. It is a cheap first line that stops a flood hitting one
//    isolate, not a quota.
//  - RateLimiterDO (binding RATE_LIMITER): one Durable Object per client,
//    which runs single-threaded in one place, so its count is exact for the
//    whole deployment; the window survives eviction (kept in storage).
//    Costs one round trip to the object per request.
//  - KV (binding RATE_LIMIT_KV): a read-then-write counter per client and
//    minute. KV is eventually consistent (a write can take 60 s or more to
//    reach other locations) and has no atomic increment, so concurrent
//    requests and other locations over-admit: a coarse global brake on
//    sustained abuse, not an exact limit.
import { DurableObject } from "cloudflare:workers";

const WINDOW_MS = 60_000;
const MAX_CLIENTS = 10_000;

/** Fixed windows that open at a client's first request, per isolate. */
export class IsolateLimiter {
  constructor(limit, maxClients = MAX_CLIENTS) {
    this.limit = limit;
    this.maxClients = maxClients;
    this.windows = new Map(); // client -> { start, count }, oldest first
  }

  /** Counts one request; returns { ok, retryAfter } (seconds). */
  hit(client, now = Date.now()) {
    let w = this.windows.get(client);
    if (!w || now - w.start >= WINDOW_MS) {
      if (w) this.windows.delete(client);
      else if (this.windows.size >= this.maxClients) this.evict(now);
      w = { start: now, count: 0 };
      this.windows.set(client, w);
    }
    if (w.count >= this.limit) return { ok: false, retryAfter: Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000)) };
    w.count++;
    return { ok: true, retryAfter: 0 };
  }

  /** Bounded memory: drops closed windows, else the oldest one. */
  evict(now) {
    for (const [k, w] of this.windows) {
      if (now - w.start >= WINDOW_MS) this.windows.delete(k);
    }
    if (this.windows.size >= this.maxClients) this.windows.delete(this.windows.keys().next().value);
  }
}

/** One instance per client (idFromName(client hash)). */
export class RateLimiterDO extends DurableObject {
  /** Counts one request; returns { ok, retryAfter } (seconds). */
  async hit(limit) {
    const now = Date.now();
    let w = await this.ctx.storage.get("w");
    if (!w || now - w.start >= WINDOW_MS) w = { start: now, count: 0 };
    if (w.count >= limit) return { ok: false, retryAfter: Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000)) };
    w.count++;
    await this.ctx.storage.put("w", w);
    return { ok: true, retryAfter: 0 };
  }
}

/** Counts one request in the shared limiter, when one is bound. */
export async function sharedHit(cfg, client) {
  if (cfg.rateLimiterDO) {
    // A call to a Durable Object can fail for a moment (the object was
    // reset or moved; the error says `retryable`). Cloudflare's advice is
    // to retry such an error with a new stub, but not when the object is
    // `overloaded`. One retry: a count the failed call may have made
    // stays, which errs towards limiting.
    for (let attempt = 0; ; attempt++) {
      const stub = cfg.rateLimiterDO.get(cfg.rateLimiterDO.idFromName(client));
      try {
        return await stub.hit(cfg.rateLimit);
      } catch (e) {
        if (attempt > 0 || !e?.retryable || e?.overloaded) throw e;
      }
    }
  }
  if (cfg.rateLimitKV) {
    const minute = Math.floor(Date.now() / WINDOW_MS);
    const key = `rl:${client}:${minute}`;
    const count = Number((await cfg.rateLimitKV.get(key)) ?? 0);
    if (count >= cfg.rateLimit) return { ok: false, retryAfter: Math.max(1, 60 - Math.floor((Date.now() % WINDOW_MS) / 1000)) };
    await cfg.rateLimitKV.put(key, String(count + 1), { expirationTtl: 120 });
    return { ok: true, retryAfter: 0 };
  }
  return { ok: true, retryAfter: 0 };
}
