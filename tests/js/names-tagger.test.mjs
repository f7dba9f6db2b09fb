// The optional names tagger through the package's Node entry: the
// PolicyError before it is loaded, a DataError for a truncated or corrupted
// file, loadNamesData() with the package's names-tagger.bin (a file path),
// what it adds, the default unchanged. pkg/names-tagger.bin is written by
// scripts/build from ../shared; without it the tests are skipped (one line
// says so).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

import { PKG } from "./helpers.mjs";

const FILE = path.join(PKG, "names-tagger.bin");
const have = fs.existsSync(FILE);
if (!have) console.log("skip: names-tagger tests: pkg/names-tagger.bin not built (no ../shared)");
const pf = await import(pathToFileURL(path.join(PKG, "node.js")).href);
await pf.ready();

const TAGGER = { pii: { names: "tagger" } };
const TEXT = "Mein Kollege Brannigan Kesterholt kommt morgen.";

test("the names tagger: errors, loading, what it adds", { skip: !have && "pkg/names-tagger.bin not built" }, async () => {
  assert.throws(() => new pf.PromptFilter(TAGGER), (e) => e.name === "PolicyError" && e.path === "pii.names");
  const bytes = fs.readFileSync(FILE);
  await assert.rejects(pf.loadNamesData(bytes.subarray(0, 1000)), (e) => e.name === "DataError" && /names tagger: truncated/.test(e.message));
  const bad = Uint8Array.from(bytes);
  bad[bad.length - 1] ^= 1;
  await assert.rejects(pf.loadNamesData(bad), (e) => e.name === "DataError" && /checksum/.test(e.message));
  const before = new pf.PromptFilter().screenPrompt(TEXT);

  const info = await pf.loadNamesData(FILE);
  assert.equal(info.entries, 1 << 18);
  const r = new pf.PromptFilter(TAGGER).screenPrompt(TEXT);
  assert.ok(r.findings.some((f) => f.rule.startsWith("name-tagger") && f.type === "PERSON"), JSON.stringify(r.findings));
  // The default policy does not consult it.
  assert.deepEqual(new pf.PromptFilter().screenPrompt(TEXT), before);
});
