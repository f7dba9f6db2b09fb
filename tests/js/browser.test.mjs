// The demo page in headless Chromium: the package loads in a real browser,
// a typed email is screened before sending and the streamed answer is shown.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
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

test("demo page screens a prompt and the streamed answer", { timeout: 60_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 860 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
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
