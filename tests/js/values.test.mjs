// JS values the package reads (policies, audit inputs, vault dumps) are
// converted by hand in src/wasm/value.rs: every odd shape a caller can
// pass ends in a clear Error, never a dead module, and the ordinary
// shapes still work.
// Run: scripts/build && node --test tests/js/values.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { ready, PromptFilter } from "../../pkg/node.js";

await ready();

const policyError = (re) => (e) => {
  assert.equal(e.name, "PolicyError", e.message);
  assert.match(e.message, re);
  return true;
};

function stillWorks() {
  const f = new PromptFilter();
  assert.equal(f.screenPrompt("I am ana@example.com").text, "I am [EMAIL_1]");
}

test("policies that are not plain data are refused with what they held", () => {
  assert.throws(() => new PromptFilter({ pii: () => 1 }), policyError(/not a plain object: a function/));
  assert.throws(() => new PromptFilter({ pii: Symbol("x") }), policyError(/a symbol/));
  assert.throws(() => new PromptFilter({ version: 1n }), policyError(/a bigint/));
  let deep = {};
  for (let i = 0; i < 100; i++) deep = { a: deep };
  assert.throws(() => new PromptFilter(deep), policyError(/nested too deeply/));
  const getter = { get pii() { throw new Error("boom"); } };
  assert.throws(() => new PromptFilter(getter), policyError(/could not be read/));
  stillWorks();
});

test("numbers keep their ranges and fingerprints stay stable and distinct", () => {
  assert.throws(() => new PromptFilter({ pii: { minScore: 1.5 } }), policyError(/expected a number from 0 to 1/));
  const a = new PromptFilter({ pii: { minScore: 0.5 } });
  const b = new PromptFilter({ pii: { minScore: 0.5 } });
  const c = new PromptFilter({ pii: { minScore: 0.25 } });
  const fp = (f) => f.audit(f.screenPrompt("hi")).policy;
  assert.equal(fp(a), fp(b));
  assert.notEqual(fp(a), fp(c));
  assert.equal(fp(new PromptFilter({ pii: { minScore: 0 } })), fp(new PromptFilter({ pii: { minScore: -0 } })));
});

test("audit reads results and refuses other shapes", () => {
  const f = new PromptFilter();
  const out = f.screenPrompt("Mail ana@example.com please");
  const audit = f.audit(out);
  assert.equal(audit.verdict, "redact");
  assert.equal(audit.findings, 1);
  assert.equal(f.audit({ verdict: "allow" }).findings, 0);
  for (const bad of [null, 42, "x", {}, { verdict: 1 }, { verdict: "allow", findings: 3 },
    { verdict: "allow", findings: [{ kind: 5 }] }, { verdict: "allow", risk: "high" }]) {
    assert.throws(() => f.audit(bad), (e) => e instanceof TypeError, JSON.stringify(bad));
  }
  stillWorks();
});

test("importVault takes what exportVault gave and refuses other shapes", () => {
  const a = new PromptFilter();
  const sent = a.screenPrompt("Mail ana@example.com please").text;
  const b = new PromptFilter();
  assert.equal(b.importVault(a.exportVault()), 1);
  assert.equal(b.restore(sent), "Mail ana@example.com please");
  for (const bad of [null, {}, { version: 1 }, { version: 1.5, entries: [] }, { version: 1, entries: {} },
    { version: 1, entries: [{ token: "[EMAIL_1]" }] }, { version: "1", entries: [] }]) {
    assert.throws(() => b.importVault(bad), (e) => e instanceof TypeError, JSON.stringify(bad));
  }
  assert.throws(() => b.importVault({ version: 2, entries: [] }), /unsupported vault version 2/);
  stillWorks();
});
