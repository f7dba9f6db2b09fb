// promptfence next to peer redaction libraries, in one process, on the
// generated corpus of bench/corpus.mjs (fixed seed). Prints figures only,
// never asserts on time. Method and figures: docs/PERFORMANCE.md, "Side by
// side with peers".
//
//   node bench/side-by-side.mjs [--quick] [--pkg DIR]
//
// Peers come from bench/peers/node_modules (scripts/bench installs them
// with `npm ci` from bench/peers/package-lock.json); a peer that is missing
// or fails to load prints one "skip:" line and the rest still runs.
//
// - Throughput and latency: 3 interleaved passes (for each prompt, every
//   library in turn, the order rotating per prompt); each prompt's fastest
//   of its 3 times. MB/s = corpus UTF-8 bytes / sum of those fastest times.
// - Cold start: fresh child processes, median of 5 (3 with --quick), each
//   phase timed on its own.
// - Stream: ResponseScanner fed 64-char chunks versus one screenResponse
//   of the same text (5 interleaved passes, fastest of each).
// - Documents: 1 MiB and 10 MiB (--quick: 1 and 2 MiB), one screenPrompt
//   each in a fresh child process (then a second call, warm); time, RSS growth after a GC (the result
//   held), its JS-heap part, and peak RSS growth during the call.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { corpus, corpusHash } from "./corpus.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const pkgArg = argv.includes("--pkg") ? argv[argv.indexOf("--pkg") + 1] : "pkg";
const PKG = path.resolve(ROOT, pkgArg);
const ENTRY = pathToFileURL(path.join(PKG, "node.js")).href;
const LOADER = pathToFileURL(path.join(HERE, "peers", "load.mjs")).href;

/** promptfence's PII-only policy: secrets and injection off. */
const PII_ONLY = { secrets: { enabled: false }, injection: { enabled: false } };

// ---- Child modes: one cold start or one big document, printed as JSON ----

if (argv[0] === "--cold") {
  const lib = argv[1];
  const text = "Hi David Johnson, mail ana.lopez@example.com or call (415) 555-0132, card 4111 1111 1111 1111.";
  const ph = {};
  let t = performance.now();
  const lap = (k) => { const n = performance.now(); ph[k] = n - t; t = n; };
  if (lib === "promptfence" || lib === "promptfence-pii") {
    const m = await import(ENTRY); lap("import");
    await m.ready(); lap("ready");
    const f = new m.PromptFilter(lib === "promptfence" ? undefined : PII_ONLY); lap("constructor");
    f.screenPrompt(text); lap("first call");
  } else {
    const { load } = await import(LOADER);
    const mod = await load(lib); lap("import");
    if (lib === "@redactpii/node") {
      const r = new mod.Redactor(); lap("constructor");
      r.redact(text); lap("first call");
    } else if (lib === "redact-pii") {
      const r = new (mod.SyncRedactor ?? mod.default.SyncRedactor)(); lap("constructor");
      r.redact(text); lap("first call");
    } else if (lib === "@arcjet/redact") {
      // No constructor: every redact() call instantiates the wasm module.
      await mod.redact(text); lap("first call");
    }
  }
  process.stdout.write(JSON.stringify(ph));
  process.exit(0);
}

if (argv[0] === "--doc") {
  const mib = Number(argv[1]);
  const m = await import(ENTRY);
  await m.ready();
  // The glue hands back the instance's exports once it is instantiated.
  const glue = await import(pathToFileURL(path.join(PKG, "wasm", "promptfence.js")).href);
  const memory = () => glue.initSync({ module: new Uint8Array(0) }).memory.buffer.byteLength;
  const f = new m.PromptFilter();
  f.screenPrompt("warm up: ana.lopez@example.com");
  const wasm0 = memory();
  const prompts = corpus();
  let doc = "";
  for (let i = 0; doc.length < mib * 1048576; i++) doc += prompts[i % prompts.length] + "\n\n";
  doc = doc.slice(0, mib * 1048576); // ASCII corpus: characters = bytes
  globalThis.gc?.();
  const { rss: rss0, heapUsed: heap0 } = process.memoryUsage();
  const peak0 = process.resourceUsage().maxRSS * 1024;
  const t0 = performance.now();
  const r = f.screenPrompt(doc);
  const ms = performance.now() - t0;
  const peak1 = process.resourceUsage().maxRSS * 1024;
  globalThis.gc?.(); // garbage of the call goes; the result stays (used below)
  const { rss: rss1, heapUsed: heap1 } = process.memoryUsage();
  const wasm1 = memory();
  // A second call on the same text: wasm memory already grown, JIT warm.
  const t1 = performance.now();
  f.screenPrompt(doc);
  const again = performance.now() - t1;
  process.stdout.write(JSON.stringify({ ms, again, rss: rss1 - rss0, heap: heap1 - heap0, peak: peak1 - Math.max(peak0, rss0), wasm: wasm1 - wasm0, findings: r.findings.length }));
  process.exit(0);
}

// ---- Main run ----

const fmt = (x, d = 2) => (x >= 100 ? x.toFixed(0) : x.toFixed(d));
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const child = (args, flags = []) =>
  JSON.parse(execFileSync(process.execPath, [...flags, fileURLToPath(import.meta.url), ...args, "--pkg", PKG], { encoding: "utf8" }));

if (!fs.existsSync(path.join(PKG, "node.js"))) {
  console.error(`${pkgArg}/node.js is missing: run scripts/build first`);
  process.exit(1);
}

const prompts = corpus({ count: quick ? 400 : 2000 });
const bytes = prompts.reduce((n, s) => n + Buffer.byteLength(s), 0);
console.log(`Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
console.log(`corpus: ${prompts.length} prompts, ${bytes} bytes, sha256 ${corpusHash(prompts).slice(0, 16)}`);

// Libraries under test: name -> { call(text) (sync or async), changed(out) }.
const libs = [];
const pf = await import(ENTRY);
await pf.ready();
const fDefault = new pf.PromptFilter();
const fPii = new pf.PromptFilter(PII_ONLY);
libs.push({ name: "promptfence (default)", call: (s) => fDefault.screenPrompt(s), hit: (r) => r.findings.length > 0 });
libs.push({ name: "promptfence (PII only)", call: (s) => fPii.screenPrompt(s), hit: (r) => r.findings.length > 0 });

const peerNames = [];
let loader = null;
if (fs.existsSync(path.join(HERE, "peers", "node_modules"))) {
  loader = await import(LOADER);
} else {
  console.log("skip: peer libraries (bench/peers/node_modules is missing: scripts/bench installs it)");
}
const peers = {
  "@redactpii/node": async (mod) => { const r = new mod.Redactor(); return (s) => r.redact(s); },
  "@arcjet/redact": async (mod) => (s) => mod.redact(s).then((x) => x[0]),
  "redact-pii": async (mod) => { const r = new (mod.SyncRedactor ?? mod.default.SyncRedactor)(); return (s) => r.redact(s); },
};
for (const [name, make] of Object.entries(peers)) {
  if (!loader) break;
  try {
    const call = await make(await loader.load(name));
    const probe = await call("mail ana.lopez@example.com");
    if (typeof probe !== "string") throw new Error("unexpected result type");
    libs.push({ name, call, hit: (out, s) => out !== s });
    peerNames.push(name);
  } catch (e) {
    console.log(`skip: ${name} (${e.message.split("\n")[0]})`);
  }
}

// Interleaved passes: each prompt's fastest of 3.
const best = libs.map(() => new Float64Array(prompts.length).fill(Infinity));
const hits = libs.map(() => 0);
for (let pass = 0; pass < 3; pass++) {
  for (let i = 0; i < prompts.length; i++) {
    const s = prompts[i];
    for (let k = 0; k < libs.length; k++) {
      const j = (k + i + pass) % libs.length;
      const t0 = performance.now();
      let out = libs[j].call(s);
      if (out instanceof Promise) out = await out;
      const dt = performance.now() - t0;
      if (dt < best[j][i]) best[j][i] = dt;
      if (pass === 0 && libs[j].hit(out, s)) hits[j]++;
    }
  }
}
const rows = libs.map((l, j) => {
  const total = best[j].reduce((a, b) => a + b, 0);
  const sorted = Array.from(best[j]).sort((a, b) => a - b);
  return { name: l.name, mbs: bytes / 1e6 / (total / 1e3), p50: pct(sorted, 50), p99: pct(sorted, 99), hits: hits[j] };
});
const anchor = rows.find((r) => r.name === "@redactpii/node");
console.log("\nthroughput and latency per prompt (each prompt's fastest of 3 interleaved passes)");
console.log("| library | MB/s | × @redactpii/node | p50 ms | p99 ms | prompts changed/flagged |");
console.log("|---|---|---|---|---|---|");
for (const r of rows) {
  const ratio = anchor ? `${(r.mbs / anchor.mbs).toFixed(3)}×` : "n/a";
  console.log(`| ${r.name} | ${fmt(r.mbs)} | ${ratio} | ${r.p50.toFixed(3)} | ${r.p99.toFixed(3)} | ${r.hits}/${prompts.length} |`);
}

// Cold start, each phase, median over fresh processes.
const runs = quick ? 3 : 5;
console.log(`\ncold start in fresh processes (median of ${runs}, ms)`);
console.log("| library | import | ready | constructor | first call | total |");
console.log("|---|---|---|---|---|---|");
for (const name of ["promptfence", "promptfence-pii", ...peerNames]) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(child(["--cold", name]));
  const keys = ["import", "ready", "constructor", "first call"];
  const med = Object.fromEntries(keys.map((k) => [k, !Object.hasOwn(samples[0], k) ? undefined : median(samples.map((s) => s[k]))]));
  const total = median(samples.map((s) => Object.values(s).reduce((a, b) => a + b, 0)));
  const label = name === "promptfence" ? "promptfence (default)" : name === "promptfence-pii" ? "promptfence (PII only)" : name;
  console.log(`| ${label} | ${keys.map((k) => (med[k] === undefined ? "–" : med[k].toFixed(1))).join(" | ")} | ${total.toFixed(1)} |`);
}

// Stream versus one-shot on the same response text.
{
  let text = "";
  for (let i = 0; text.length < 65536; i++) text += prompts[i % prompts.length] + "\n\n";
  const f = new pf.PromptFilter();
  const oneShot = [], stream = [];
  for (let pass = 0; pass < 5; pass++) {
    let t0 = performance.now();
    const a = f.screenResponse(text).text;
    oneShot.push(performance.now() - t0);
    t0 = performance.now();
    const s = f.responseScanner();
    let b = "";
    for (let i = 0; i < text.length; i += 64) b += s.push(text.slice(i, i + 64));
    b += s.finish();
    s.free();
    stream.push(performance.now() - t0);
    if (a !== b) console.log("warning: stream output differs from one-shot");
  }
  const o = Math.min(...oneShot), st = Math.min(...stream);
  const kb = Buffer.byteLength(text) / 1024;
  console.log(`\nstream vs one-shot on ${kb.toFixed(0)} KiB (fastest of 5, interleaved): screenResponse ${o.toFixed(1)} ms (${fmt(kb / 1024 / (o / 1e3))} MiB/s), ` +
    `ResponseScanner 64-char chunks ${st.toFixed(1)} ms (${fmt(kb / 1024 / (st / 1e3))} MiB/s): stream = ${(o / st).toFixed(2)}× one-shot`);
  f.free();
}

// Big documents, one screenPrompt each in a fresh process.
{
  const sizes = quick ? [1, 2] : [1, 10];
  const res = sizes.map((mib) => ({ mib, ...child(["--doc", String(mib)], ["--expose-gc"]) }));
  console.log("\nbig documents (promptfence default policy, one screenPrompt each, fresh process)");
  console.log("| size | time ms | MiB/s | 2nd call ms | RSS growth MB | peak RSS growth MB | of it JS heap (the result) MB | wasm memory growth MB | findings |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const r of res) {
    console.log(`| ${r.mib} MiB | ${r.ms.toFixed(0)} | ${fmt(r.mib / (r.ms / 1e3))} | ${r.again.toFixed(0)} | ${(r.rss / 1e6).toFixed(1)} | ${(r.peak / 1e6).toFixed(1)} | ${(r.heap / 1e6).toFixed(1)} | ${(r.wasm / 1e6).toFixed(1)} | ${r.findings} |`);
  }
  const [a, b] = res;
  console.log(`time ratio ${b.mib} MiB / ${a.mib} MiB: first call ${(b.ms / a.ms).toFixed(2)}×, second call ${(b.again / a.again).toFixed(2)}× (linear: ${b.mib / a.mib}×)`);
}
fDefault.free();
fPii.free();
