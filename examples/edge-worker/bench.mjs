#!/usr/bin/env node
// Latency the edge proxy adds per request (a benchmark, not a test).
// Starts the mock upstream (tests/js/mock-upstream.mjs) and two `wrangler
// dev` instances on 127.0.0.1: this worker, and a bare pass-through worker
// (fetch and return, no screening) that shows what wrangler dev's local
// plumbing costs by itself. Then, for non-streaming and streaming chat
// completions with a 1 KB and a 20 KB prompt (prose with an e-mail, a
// phone number and a card number in it), sends N requests one at a time to
// each of: the mock directly, the pass-through worker, the proxy (the three
// interleaved), timing each until the whole answer (a 400-character reply,
// in ~70 events when streamed) is read. "stream": the mock writes all events
// at once (the proxy screens the deltas of one read together); "paced": one
// write per event, 1 ms apart (one scanner push per event, as with a model
// that generates slower than the proxy screens). Prints median and p99 per target
// and what the proxy adds over the direct call and over the pass-through.
//
//   npm ci && node bench.mjs            (in examples/edge-worker; pkg/ built)
//   BENCH_N=1000 (default) BENCH_WARMUP=50
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

import { startMockUpstream } from "../../tests/js/mock-upstream.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const N = Number(process.env.BENCH_N ?? 1000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 50);
const KEY = "sk-bench-client-key";

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function wrangler(dir, toml, secrets) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "wrangler.toml"), toml);
  fs.writeFileSync(path.join(dir, "secrets.env"), Object.entries(secrets).map(([k, v]) => `${k}=${v}\n`).join(""));
  const port = await freePort();
  const child = spawn(path.join(HERE, "node_modules/.bin/wrangler"), ["dev", "--config", path.join(dir, "wrangler.toml"),
    "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(await freePort()), "--env-file", path.join(dir, "secrets.env"),
    "--persist-to", path.join(dir, "state"), "--show-interactive-dev-session=false", "--log-level", "error"], {
    cwd: dir, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_LOG_PATH: path.join(dir, "logs") },
  });
  let err = "";
  child.stderr.on("data", (d) => { err += d; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      await (await fetch(`${url}/healthz`)).arrayBuffer();
      return { url, child };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill();
  throw new Error(`wrangler dev did not start:\n${err}`);
}

/** About `bytes` of chat prose with three PII values in it. */
function prompt(bytes) {
  const head = "Hi, I'm writing about my order. You can reach me at ana.lopez@example.com or +1 415 555 0134; " +
    "the card on file is 4111 1111 1111 1111. ";
  const prose = "The parcel arrived two days late and the box was dented, but the kettle itself works fine. " +
    "I would like to know whether I can still get the discount that was advertised last week. ";
  let s = head;
  while (s.length < bytes) s += prose;
  return s.slice(0, bytes);
}

async function once(url, body, auth) {
  const t = performance.now();
  const r = await fetch(`${url}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${auth}` },
    body,
  });
  await r.arrayBuffer();
  if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
  return performance.now() - t;
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x) => x.toFixed(2).padStart(7);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pf-edge-bench-"));
const mock = await startMockUpstream();
const vars = (v) => Object.entries(v).map(([k, x]) => `${k} = ${JSON.stringify(x)}`).join("\n");
let proxy, bare;
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    for (const s of [proxy, bare]) s?.child.kill();
    process.exit(130);
  });
}
try {
  [proxy, bare] = await Promise.all([
    wrangler(path.join(tmp, "proxy"), `name = "pf-edge-bench"\nmain = ${JSON.stringify(path.join(HERE, "src/worker.js"))}\n` +
      `compatibility_date = "2025-09-01"\n[vars]\n${vars({
        UPSTREAM_URL: mock.url, RATE_LIMIT: "0", CANARY: "false",
        CLIENT_KEYS: createHash("sha256").update(KEY).digest("hex"),
      })}\n`, { UPSTREAM_KEY: "sk-bench-upstream" }),
    (() => {
      const dir = path.join(tmp, "bare");
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, "bare.js"), `export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/healthz") return new Response("ok");
    const res = await fetch(env.UPSTREAM_URL + url.pathname, { method: "POST", headers: request.headers, body: await request.text() });
    return new Response(res.body, { status: res.status, headers: { "content-type": res.headers.get("content-type") } });
  },
};\n`);
      return wrangler(dir, `name = "pf-edge-bare"\nmain = "bare.js"\ncompatibility_date = "2025-09-01"\n[vars]\n${vars({ UPSTREAM_URL: mock.url })}\n`, {});
    })(),
  ]);

  console.log(`edge proxy latency, ${N} requests per cell, one at a time, after ${WARMUP} warm-up; ms per request`);
  console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0].model}), wrangler dev (local workerd)`);
  console.log("");
  console.log("mode    prompt | direct p50   p99 | pass-through p50   p99 | proxy p50   p99 | added vs direct p50   p99 | vs pass-through p50   p99");
  for (const [stream, model] of [[false, "short"], [true, "short"], [true, "short-paced"]]) {
    for (const size of [1024, 20 * 1024]) {
      const body = JSON.stringify({ model, stream, messages: [{ role: "user", content: prompt(size) }] });
      const t = { direct: [], bare: [], proxy: [] };
      for (let i = 0; i < WARMUP + N; i++) {
        const d = await once(mock.url, body, "sk-bench-upstream");
        const b = await once(bare.url, body, "sk-bench-upstream");
        const p = await once(proxy.url, body, KEY);
        if (i >= WARMUP) {
          t.direct.push(d);
          t.bare.push(b);
          t.proxy.push(p);
        }
      }
      const q = (k) => [quantile(t[k], 0.5), quantile(t[k], 0.99)];
      const [d50, d99] = q("direct");
      const [b50, b99] = q("bare");
      const [p50, p99] = q("proxy");
      console.log(`${(stream ? (model === "short" ? "stream" : "paced") : "json").padEnd(6)} ${String(size / 1024).padStart(4)} KB | ${ms(d50)} ${ms(d99)} | ${ms(b50)} ${ms(b99)} | ` +
        `${ms(p50)} ${ms(p99)} | ${ms(p50 - d50)} ${ms(p99 - d99)} | ${ms(p50 - b50)} ${ms(p99 - b99)}`);
    }
  }
} finally {
  for (const s of [proxy, bare]) s?.child.kill();
  await mock.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
