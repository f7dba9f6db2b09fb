// Edge: workerd (the Cloudflare Workers runtime) serves a worker that imports
// the packed package's workerd entry, found through its exports map.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";

import { ROOT, freePort, packAndInstall, stop, waitForHttp } from "./helpers.mjs";

const WORKERD = path.join(ROOT, "node_modules/.bin/workerd");
let inst;
let child;
let base;
let log = "";

// The optional names data as a Data module (what wrangler makes of a .bin
// import), when the build wrote it.
const HAVE_NAMES = fs.existsSync(path.join(ROOT, "pkg", "names-data.bin"));
const WORKER = `
import { ready, PromptFilter, loadNamesData } from "promptfence";
${HAVE_NAMES ? 'import namesData from "promptfence/names-data.bin";' : "const namesData = null;"}

export default {
  async fetch(request) {
    await ready();
    const url = new URL(request.url);
    const prompt = url.searchParams.get("q") ?? (await request.text());
    if (url.pathname === "/large") {
      const { entries } = await loadNamesData(namesData);
      const out = new PromptFilter({ pii: { names: "large" } }).screenPrompt(prompt);
      return Response.json({ entries, findings: out.findings });
    }
    const filter = new PromptFilter();
    const out = filter.screenPrompt(prompt);
    let policyError = null;
    try { new PromptFilter({ bogusKey: 1 }); } catch (e) { policyError = { name: e.name, path: e.path }; }
    return Response.json({
      ...out,
      restored: filter.restore(out.text),
      audit: filter.audit(out),
      policyError,
    });
  },
};
`;

before(async () => {
  inst = packAndInstall("pf-edge");
  const dir = path.join(inst.project, "node_modules/promptfence");
  const pj = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const entry = pj.exports["."].workerd; // what wrangler/esbuild would pick
  assert.ok(entry, "exports map has no workerd condition");
  // workerd resolves imports by module name: the package is laid out under
  // its bare name, relative imports resolve inside it.
  // Every shipped module except the other runtimes' entry points and the
  // Node command line.
  const entries = new Set(["index.js", "node.js", "workerd.js", "cli.js"]);
  const files = pj.files.filter((f) => f.endsWith(".js") && !entries.has(f));
  const mod = (name, file, kind = "esModule") => `(name = "${name}", ${kind} = embed "${file}")`;
  const modules = [
    mod("worker.js", "worker.js"),
    mod("promptfence", `node_modules/promptfence/${entry.replace(/^\.\//, "")}`),
    ...files.map((f) => mod(f, `node_modules/promptfence/${f}`)),
    mod("promptfence_bg.wasm", "node_modules/promptfence/promptfence_bg.wasm", "wasm"),
    ...(HAVE_NAMES ? [mod("promptfence/names-data.bin", "node_modules/promptfence/names-data.bin", "data")] : []),
  ];
  fs.writeFileSync(path.join(inst.project, "worker.js"), WORKER);
  fs.writeFileSync(path.join(inst.project, "config.capnp"), `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .mainWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const mainWorker :Workerd.Worker = (
  modules = [
    ${modules.join(",\n    ")}
  ],
  compatibilityDate = "2025-09-01",
);
`);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(WORKERD, ["serve", "config.capnp", "--socket-addr", `http=127.0.0.1:${port}`], {
    cwd: inst.project,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => { log += d; });
  child.stderr.on("data", (d) => { log += d; });
  process.on("exit", () => child.kill("SIGKILL"));
  try {
    await waitForHttp(base, 30_000, child);
  } catch (e) {
    throw new Error(`${e.message}\nworkerd output:\n${log}`);
  }
});

after(async () => {
  await stop(child);
  inst?.cleanup();
});

test("the worker screens a prompt with the packed package", { timeout: 30_000 }, async () => {
  const prompt = "Mail me at ana.lopez@example.com 😀 ok";
  const r = await fetch(`${base}/?q=${encodeURIComponent(prompt)}`, { signal: AbortSignal.timeout(10_000) });
  assert.equal(r.status, 200, log);
  const out = await r.json();
  assert.equal(out.verdict, "redact");
  const email = out.findings.find((f) => f.type === "EMAIL");
  assert.equal(prompt.slice(email.start, email.end), "ana.lopez@example.com");
  assert.ok(!out.text.includes("ana.lopez@example.com"));
  assert.equal(out.restored, prompt);
  assert.ok(!JSON.stringify(out.audit).includes("ana.lopez"));
  assert.deepEqual(out.policyError, { name: "PolicyError", path: "bogusKey" });
});

test("POST body and a benign prompt", { timeout: 30_000 }, async () => {
  const r = await fetch(base, { method: "POST", body: "What is the boiling point of water?", signal: AbortSignal.timeout(10_000) });
  const out = await r.json();
  assert.equal(out.verdict, "allow");
  assert.equal(out.text, "What is the boiling point of water?");
});

test("the large names data as a Data module", { timeout: 30_000, skip: !HAVE_NAMES && "pkg/names-data.bin not built" }, async () => {
  const prompt = "Oluwaseun Kvaranova will call about the contract.";
  const r = await fetch(`${base}/large?q=${encodeURIComponent(prompt)}`, { signal: AbortSignal.timeout(20_000) });
  assert.equal(r.status, 200, log);
  const out = await r.json();
  assert.ok(out.entries > 100_000);
  const person = out.findings.find((f) => f.type === "PERSON");
  assert.equal(prompt.slice(person.start, person.end), "Oluwaseun Kvaranova");
});
