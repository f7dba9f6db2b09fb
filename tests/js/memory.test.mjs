// Memory and limits of the built package (issue 17): filters share the
// compiled policy, the module survives 50,000 filters nobody frees, a call
// that cannot get memory throws instead of killing the module, and
// oversized inputs are refused before they are converted.
// Run: scripts/build && node --test tests/js/memory.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { ready, PromptFilter } from "../../pkg/node.js";

await ready();

const limitError = (path) => (e) => {
  assert.equal(e.name, "LimitError", e.message);
  assert.equal(e.path, path, e.message);
  return true;
};

function screensNormally() {
  const f = new PromptFilter();
  const out = f.screenPrompt("I am ana@example.com");
  assert.equal(out.text, "I am [EMAIL_1]");
  assert.equal(f.restore(out.text), "I am ana@example.com");
  f.free();
}

test("50,000 filters without free() leave the module working", () => {
  let last;
  for (let i = 0; i < 50_000; i++) last = new PromptFilter();
  assert.equal(last.screenPrompt("mail bo@example.com").text, "mail [EMAIL_1]");
  screensNormally();
});

test("filters with one policy share the compiled rules: vault-sized cost", () => {
  const policy = { pii: { action: "redact" }, rules: [{ id: "c", type: "CODENAME", regex: "(?i)nightjar" }] };
  const keep = [new PromptFilter(policy)];
  keep[0].screenPrompt("warm up: Nightjar 1");
  const mem = () => process.memoryUsage().arrayBuffers;
  const before = mem();
  for (let i = 0; i < 2000; i++) keep.push(new PromptFilter(policy));
  for (const f of keep) assert.equal(f.screenPrompt("Nightjar").text, "[CODENAME]");
  const perFilter = (mem() - before) / 2000;
  // One compile is ~620 KB; a shared one leaves a vault and a few words.
  assert.ok(perFilter < 16_000, `wasm memory grew ${perFilter} B per filter`);
  for (const f of keep) f.free();
});

test("a call that cannot get its memory throws a LimitError; the module lives on", () => {
  const f = new PromptFilter({ limits: { maxInputBytes: 1 << 30 } });
  // 200 MiB of text needs about 5 GB of working memory: more than wasm32 has.
  const huge = "a".repeat(200 << 20);
  assert.throws(() => f.screenPrompt(huge), limitError("memory"));
  assert.equal(f.screenPrompt("I am ana@example.com").text, "I am [EMAIL_1]");
  screensNormally();
  f.free();
});

test("Symbol.dispose frees a filter and a scanner; twice is a no-op", () => {
  const f = new PromptFilter();
  const s = f.responseScanner();
  assert.equal(typeof f[Symbol.dispose], "function");
  s[Symbol.dispose]();
  s[Symbol.dispose]();
  f[Symbol.dispose]();
  f[Symbol.dispose]();
  assert.throws(() => f.screenPrompt("x"));
  screensNormally();
});

test("custom rules without keywords run on text without digits", () => {
  const f = new PromptFilter({ rules: [{ id: "c", type: "CODENAME", regex: "(?i)project\\s+falcon" }] });
  for (const text of ["Status of Project Falcon?", "Status of Project Falcon? 1"]) {
    const out = f.screenPrompt(text);
    assert.ok(out.findings.some((x) => x.type === "CODENAME"), `${text}: ${JSON.stringify(out.findings)}`);
    assert.ok(!out.text.includes("Falcon"), out.text);
  }
  f.free();
});

test("mask.keepLast: 64 never shows the whole value", () => {
  const f = new PromptFilter({ pii: { action: "mask" }, mask: { keepLast: 64 } });
  const out = f.screenPrompt("card 4111 1111 1111 1111 and ana@example.com");
  assert.ok(out.findings.length >= 2, JSON.stringify(out.findings));
  for (const x of out.findings) {
    assert.ok(!x.replacement.includes("ana@example.com"), x.replacement);
    assert.ok(!x.replacement.includes("4111 1111 1111 1111"), x.replacement);
  }
  assert.ok(!out.text.includes("ana@example.com") && !out.text.includes("4111 1111 1111 1111"), out.text);
  f.free();
});

test("restore output is bounded by limits.maxInputBytes", () => {
  const f = new PromptFilter({
    limits: { maxInputBytes: 1 << 20 },
    rules: [{ id: "blob", type: "BLOB", regex: "blob:x{100,}", action: "pseudonymize" }],
  });
  const value = "blob:" + "x".repeat(60_000);
  const out = f.screenPrompt(`keep ${value} safe`);
  assert.equal(out.text, "keep [BLOB_1] safe");
  assert.ok(f.restore("[BLOB_1]".repeat(10)) === value.repeat(10), "10 copies fit");
  assert.throws(() => f.restore("[BLOB_1]".repeat(600)), limitError("restore"));
  screensNormally();
  f.free();
});

test("a 7-digit vault token restores", () => {
  const f = new PromptFilter();
  f.importVault({ version: 1, entries: [{ token: "[EMAIL_999999]", value: "ana@example.com", type: "EMAIL" }] });
  const out = f.screenPrompt("I am bo@example.com");
  assert.equal(out.text, "I am [EMAIL_1000000]");
  assert.equal(f.restore(out.text), "I am bo@example.com");
  f.free();
});

test("a 1e7-element allowList fails fast, before conversion", () => {
  const allowList = new Array(1e7).fill("v");
  assert.throws(() => new PromptFilter({ allowList }), limitError("allowList"));
  screensNormally();
});

test("importVault of 1e6 entries is refused before conversion", () => {
  const f = new PromptFilter();
  const entries = new Array(1e6).fill({ token: "[EMAIL_1]", value: "a@b.co", type: "EMAIL" });
  assert.throws(() => f.importVault({ version: 1, entries }), limitError("entries"));
  assert.equal(f.exportVault().entries.length, 0);
  f.free();
});

test("a one-character denyList value is a PolicyError naming its path", () => {
  assert.throws(
    () => new PromptFilter({ denyList: [{ value: "e", type: "LETTER" }] }),
    (e) => e.name === "PolicyError" && e.path === "denyList[0].value",
  );
});

test("audit() repeats only names the filter reported", () => {
  const f = new PromptFilter();
  const out = f.screenPrompt("I am ana@example.com");
  const forged = {
    verdict: "redact",
    risk: 0,
    findings: [
      ...out.findings,
      { kind: "pii", type: "ana@example.com", rule: "SSN 536-22-1234", action: "redact" },
    ],
  };
  const audit = f.audit(forged);
  const json = JSON.stringify(audit);
  assert.ok(!json.includes("ana@example.com") && !json.includes("536-22-1234"), json);
  assert.equal(audit.counts.EMAIL, 1);
  assert.equal(audit.counts.OTHER, 1);
  assert.ok(audit.rules.includes("other"), json);
  f.free();
});

test("a blocked prompt adds nothing to the vault", () => {
  const f = new PromptFilter({ secrets: { action: "block" } });
  const out = f.screenPrompt("I am ana@example.com, key AKIAZ7QWERTYUIOP2345 for the deploy");
  assert.equal(out.verdict, "block");
  assert.equal(f.exportVault().entries.length, 0);
  assert.equal(f.restore("[EMAIL_1]"), "[EMAIL_1]");
  f.free();
});
