// The consumer matrix: a tiny app per bundler and runtime (apps/), built
// and run against the packed promptfence tarball, which scripts/test-consumers
// extracts into tests/consumers/node_modules/promptfence beside the pinned
// tools (package.json / package-lock.json here). Each app screens
// "Mail me at ana.lopez@example.com please" and the test checks the
// result; browser bundles run in headless Chromium. A build that prints a
// warning mentioning promptfence fails. Outputs go to .out/ (git-ignored);
// servers bind 127.0.0.1 on free ports and are stopped at the end.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import { CHROMIUM, CHROMIUM_ARGS, ROOT, freePort, startServer, stop } from "../js/helpers.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const APPS = path.join(HERE, "apps");
const OUT = path.join(HERE, ".out");
const BIN = (name) => path.join(HERE, "node_modules/.bin", name);
const PROMPT = "Mail me at ana.lopez@example.com please";
const ENV = {
  NEXT_TELEMETRY_DISABLED: "1",
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_LOG_PATH: path.join(OUT, "wrangler-logs"),
  NO_COLOR: "1",
  FORCE_COLOR: "0",
  DO_NOT_TRACK: "1",
};

/** The screened prompt, as each app reports it. */
function assertScreened(r, where) {
  assert.ok(r && !r.error, `${where}: ${r && r.error}`);
  assert.equal(r.verdict, "redact", `${where}: ${JSON.stringify(r)}`);
  assert.equal(r.text, "Mail me at [EMAIL_1] please", where);
  assert.ok(r.types.includes("EMAIL"), where);
}

/** Output paragraphs that are a warning and name promptfence. */
function promptfenceWarnings(output) {
  return output.split(/\n\s*\n/).filter((p) => /warn/i.test(p) && /promptfence/i.test(p));
}

/** Runs a build or script to completion; fails on a non-zero exit or a
 * warning about promptfence. Returns its combined output. */
function run(cmd, args, { cwd, env = {}, timeout = 300_000 } = {}) {
  const r = spawnSync(cmd, args, { cwd, env: { ...process.env, ...ENV, ...env }, encoding: "utf8", timeout });
  const output = `${r.stdout}\n${r.stderr}`;
  assert.equal(r.status, 0, `${path.basename(cmd)} ${args.join(" ")} failed (${r.error?.message ?? r.status}):\n${output}`);
  assert.deepEqual(promptfenceWarnings(output), [], `${path.basename(cmd)} warned about promptfence:\n${output}`);
  return output;
}

const MIME = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };

/** Serves `dir` statically on 127.0.0.1; returns { base, close }. */
async function serve(dir) {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = path.join(dir, rel.endsWith("/") ? rel + "index.html" : rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": MIME[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

let browser;

/** Opens `url` in Chromium, waits for window.__pf; fails on page errors,
 * console errors and failed requests. */
async function resultInChromium(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  await page.route("**/favicon.ico", (r) => r.fulfill({ status: 204 }));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__pf, null, { timeout: 30_000 }).catch(() => {});
    const r = await page.evaluate(() => window.__pf);
    assert.deepEqual(problems, [], `${url}: ${problems.join("\n")}`);
    return r;
  } finally {
    await page.close();
  }
}

/** Builds nothing; serves `dir` and checks the app in Chromium. */
async function checkBundle(dir, where, pagePath = "/") {
  const srv = await serve(dir);
  try {
    assertScreened(await resultInChromium(srv.base + pagePath), where);
  } finally {
    await srv.close();
  }
}

/** POSTs the prompt and returns the JSON answer. */
async function postPrompt(url) {
  const res = await fetch(url, { method: "POST", body: PROMPT, signal: AbortSignal.timeout(30_000) });
  const body = await res.text();
  assert.equal(res.status, 200, `${url}: ${body}`);
  return JSON.parse(body);
}

/** The page written by the bundlers that do not generate HTML. */
function writeHtml(dir, script = "main.js", type = "module") {
  fs.writeFileSync(path.join(dir, "index.html"),
    `<!doctype html><meta charset="utf-8"><title>consumer</title><script type="${type}" src="./${script}"></script>\n`);
}

/** The README's one line for bundlers that leave the .wasm behind. */
function copyWasm(dir) {
  fs.copyFileSync(path.join(HERE, "node_modules/promptfence/promptfence_bg.wasm"), path.join(dir, "promptfence_bg.wasm"));
}

const version = (name) =>
  JSON.parse(fs.readFileSync(path.join(HERE, "node_modules", name, "package.json"), "utf8")).version;

before(async () => {
  assert.ok(fs.existsSync(path.join(HERE, "node_modules/promptfence/package.json")),
    "run scripts/test-consumers (it installs the tools and the packed package)");
  fs.mkdirSync(OUT, { recursive: true });
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
});

after(async () => {
  await browser?.close();
});

describe("browser bundles in headless Chromium", () => {
  test(`webpack ${version("webpack")} (no promptfence settings)`, async () => {
    const out = path.join(OUT, "webpack");
    const log = run(BIN("webpack"), ["--config", "webpack.config.mjs"], { cwd: path.join(APPS, "webpack"), env: { OUT_DIR: out } });
    assert.ok(fs.readdirSync(out).some((f) => f.endsWith(".wasm")), `the .wasm is emitted as an asset:\n${log}`);
    writeHtml(out);
    await checkBundle(out, "webpack");
  });

  test(`Vite ${version("vite")} + React ${version("react")} (usePromptFilter)`, async () => {
    const out = path.join(OUT, "vite");
    const log = run(BIN("vite"), ["build", "--outDir", out, "--emptyOutDir"], { cwd: path.join(APPS, "vite") });
    assert.match(log, /promptfence_bg-[\w-]+\.wasm/, "the .wasm is emitted as an asset");
    await checkBundle(out, "vite");
  });

  test(`Vite ${version("vite")} dev server (dependency pre-bundling)`, async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const srv = await startServer(BIN("vite"), ["--host", "127.0.0.1", "--port", String(port), "--strictPort",
      "--force"], { url: base, cwd: path.join(APPS, "vite"), env: ENV }); // --force: a rebuilt tarball has the same version
    try {
      assertScreened(await resultInChromium(`${base}/`), "vite dev");
      assert.deepEqual(promptfenceWarnings(srv.log()), [], srv.log());
    } finally {
      await stop(srv.child);
    }
  });

  test(`esbuild ${version("esbuild")}: ES module bundle + the README's copy line`, async () => {
    const out = path.join(OUT, "esbuild");
    fs.rmSync(out, { recursive: true, force: true });
    run(BIN("esbuild"), ["../shared/main.mjs", "--bundle", "--format=esm", `--outfile=${out}/main.js`], { cwd: path.join(APPS, "esbuild") });
    copyWasm(out);
    writeHtml(out);
    await checkBundle(out, "esbuild esm");
  });

  test(`esbuild ${version("esbuild")}: IIFE bundle of promptfence/inline (nothing to copy)`, async () => {
    const out = path.join(OUT, "esbuild-inline");
    fs.rmSync(out, { recursive: true, force: true });
    run(BIN("esbuild"), ["../shared/inline.mjs", "--bundle", `--outfile=${out}/main.js`], { cwd: path.join(APPS, "esbuild") });
    writeHtml(out, "main.js", "text/javascript");
    await checkBundle(out, "esbuild iife inline");
  });

  test(`esbuild ${version("esbuild")}: an IIFE of the default entry fails with a clear message`, async () => {
    const out = path.join(OUT, "esbuild-iife");
    fs.rmSync(out, { recursive: true, force: true });
    run(BIN("esbuild"), ["../shared/main.mjs", "--bundle", `--outfile=${out}/main.js`], { cwd: path.join(APPS, "esbuild") });
    writeHtml(out, "main.js", "text/javascript");
    const srv = await serve(out);
    try {
      const r = await resultInChromium(srv.base + "/");
      assert.match(r.error, /no import\.meta\.url[^]*promptfence\/inline/);
    } finally {
      await srv.close();
    }
  });

  test(`Rollup ${version("rollup")} + @rollup/plugin-node-resolve ${version("@rollup/plugin-node-resolve")} + the README's copy line`, async () => {
    const out = path.join(OUT, "rollup");
    fs.rmSync(out, { recursive: true, force: true });
    run(BIN("rollup"), ["-c", "rollup.config.mjs"], { cwd: path.join(APPS, "rollup"), env: { OUT_DIR: out } });
    copyWasm(out);
    writeHtml(out);
    await checkBundle(out, "rollup");
  });

  test(`Parcel ${version("parcel")}`, async () => {
    const out = path.join(OUT, "parcel");
    fs.rmSync(out, { recursive: true, force: true });
    const log = run(BIN("parcel"), ["build", "index.html", "--dist-dir", out, "--no-cache",
      "--no-autoinstall", "--public-url", "./"], { cwd: path.join(APPS, "parcel") });
    assert.match(log, /promptfence_bg\.\w+\.wasm/, "the .wasm is emitted as an asset");
    await checkBundle(out, "parcel");
  });
});

describe(`Next.js ${version("next")}: client page (usePromptFilter), Node route, edge route`, () => {
  for (const bundler of ["turbopack", "webpack"]) {
    test(`next build --${bundler} && next start`, async () => {
      const cwd = path.join(APPS, "next");
      const env = { NEXT_DIST_DIR: `.next-${bundler}` };
      // Its caches take node_modules as immutable: a rebuilt tarball would not show.
      fs.rmSync(path.join(cwd, env.NEXT_DIST_DIR), { recursive: true, force: true });
      run(BIN("next"), ["build", `--${bundler}`], { cwd, env, timeout: 600_000 });
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const srv = await startServer(BIN("next"), ["start", "-H", "127.0.0.1", "-p", String(port)],
        { url: base, cwd, env: { ...ENV, ...env } });
      try {
        assertScreened(await postPrompt(`${base}/api/node`), `${bundler} node route`);
        assertScreened(await postPrompt(`${base}/api/edge`), `${bundler} edge route`);
        assertScreened(await resultInChromium(`${base}/`), `${bundler} page`);
        assert.deepEqual(promptfenceWarnings(srv.log()), [], srv.log());
      } finally {
        await stop(srv.child);
      }
    });
  }
});

describe("edge runtimes", () => {
  test(`edge-runtime ${version("edge-runtime")} (Vercel's Edge Runtime): an esbuild IIFE of promptfence/inline`, async () => {
    const out = path.join(OUT, "edge-runtime");
    fs.rmSync(out, { recursive: true, force: true });
    run(BIN("esbuild"), ["worker.mjs", "--bundle", "--conditions=edge-light", `--outfile=${out}/worker.js`],
      { cwd: path.join(APPS, "edge-runtime") });
    const { EdgeRuntime } = await import(path.join(HERE, "node_modules/edge-runtime/dist/index.js"));
    const runtime = new EdgeRuntime({ initialCode: fs.readFileSync(path.join(out, "worker.js"), "utf8") });
    const res = await runtime.dispatchFetch("http://127.0.0.1/", { method: "POST", body: PROMPT });
    await res.waitUntil();
    assertScreened(await res.json(), "edge-runtime");
  });

  test(`wrangler ${version("wrangler")}: deploy --dry-run`, () => {
    const out = path.join(OUT, "wrangler-dry-run");
    fs.rmSync(out, { recursive: true, force: true });
    const log = run(BIN("wrangler"), ["deploy", "--dry-run", "--outdir", out], { cwd: path.join(APPS, "wrangler") });
    assert.match(log, /--dry-run: exiting now/, log);
    const files = fs.readdirSync(out);
    assert.ok(files.some((f) => f.endsWith(".wasm")), `no .wasm module in ${files}`);
  });

  test(`wrangler ${version("wrangler")}: dev (local workerd)`, async () => {
    const port = await freePort();
    const inspector = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const srv = await startServer(BIN("wrangler"), ["dev", "--ip", "127.0.0.1", "--port", String(port),
      "--inspector-port", String(inspector), "--show-interactive-dev-session=false"],
    { url: base, cwd: path.join(APPS, "wrangler"), env: ENV, ms: 90_000 });
    try {
      assertScreened(await postPrompt(base), "wrangler dev");
      assert.deepEqual(promptfenceWarnings(srv.log()), [], srv.log());
    } finally {
      await stop(srv.child);
    }
  });
});

describe("server runtimes", () => {
  const nodeApp = path.join(APPS, "node");
  const lastJson = (out) => JSON.parse(out.trim().split("\n").pop());

  test(`Node ${process.version} ESM`, () => {
    assertScreened(lastJson(run(process.execPath, ["esm.mjs"], { cwd: nodeApp })), "node esm");
  });

  test(`Node ${process.version} CommonJS (require of the ES module package)`, () => {
    assertScreened(lastJson(run(process.execPath, ["cjs.cjs"], { cwd: nodeApp })), "node cjs");
  });

  test(`Bun ${version("bun")} (the bun npm package)`, () => {
    assertScreened(lastJson(run(BIN("bun"), ["esm.mjs"], { cwd: nodeApp })), "bun");
  });

  test(`Deno ${version("deno")} (the deno npm package)`, () => {
    assertScreened(lastJson(run(BIN("deno"), ["run", "--allow-read", "--allow-env", "esm.mjs"],
      { cwd: nodeApp, env: { DENO_NO_UPDATE_CHECK: "1", DENO_DIR: path.join(OUT, "deno-cache") } })), "deno");
  });

  test(`openai ${version("openai")} and @anthropic-ai/sdk ${version("@anthropic-ai/sdk")} streaming through promptfence/fetch`, () => {
    const r = lastJson(run(process.execPath, ["sdk.mjs"], { cwd: nodeApp }));
    const shown = "I wrote to ana.lopez@example.com; your key [AWS_ACCESS_KEY_ID] works.";
    assert.deepEqual(r, {
      openaiSent: "Please mail [EMAIL_1] the report",
      anthropicSent: "Please mail [EMAIL_1] the report",
      openaiText: shown,
      anthropicText: shown,
    });
  });

  test(`React ${version("react-dom")} server rendering: usePromptFilter renders its loading state`, () => {
    const out = run(process.execPath, ["ssr.mjs"], { cwd: nodeApp });
    assert.match(out, /<pre>loading<\/pre>/, out);
  });
});

describe(`TypeScript ${version("typescript")}: every subpath type-checks`, () => {
  for (const resolution of ["bundler", "node16", "nodenext"]) {
    test(`moduleResolution ${resolution}`, () => {
      const dir = path.join(APPS, "ts");
      const config = path.join(OUT, `tsconfig.${resolution}.json`);
      fs.writeFileSync(config, JSON.stringify({
        compilerOptions: {
          noEmit: true, strict: true, target: "es2022", lib: ["es2022", "dom"], types: [],
          module: resolution === "bundler" ? "esnext" : resolution, moduleResolution: resolution,
          skipLibCheck: false, jsx: "react-jsx",
        },
        files: [path.join(dir, "consumer.mts")],
      }));
      run(BIN("tsc"), ["-p", config], { cwd: dir });
    });
  }
});
