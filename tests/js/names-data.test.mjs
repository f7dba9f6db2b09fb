// The optional large names data through the package's Node entry:
// loadNamesData() from the package's own names-data.bin, the PolicyError
// before it is loaded, DataErrors for wrong bytes, and what it adds.
// pkg/names-data.bin is written by scripts/build from ../shared; without
// it the tests that need it are skipped (one line says so).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

import { PKG } from "./helpers.mjs";

const DATA = path.join(PKG, "names-data.bin");
const have = fs.existsSync(DATA);
if (!have) console.log("skip: names-data tests: pkg/names-data.bin not built (no ../shared)");
const pf = await import(pathToFileURL(path.join(PKG, "node.js")).href);
await pf.ready();

const LARGE = { pii: { names: "large" } };
// "Oluwaseun" is in the large data only; the core does not report a
// given name it does not know before an unknown word.
const TEXT = "Oluwaseun Kvaranova will call about the contract.";

test("a policy asking for the large data before it is loaded is a PolicyError at its key", () => {
  assert.throws(() => new pf.PromptFilter(LARGE), (e) => e.name === "PolicyError" && e.path === "pii.names");
  assert.throws(
    () => new pf.PromptFilter({ pii: { names: "huge" } }),
    (e) => e.name === "PolicyError" && e.path === "pii.names",
  );
});

test("wrong bytes are a DataError and install nothing", async () => {
  for (const bad of [new Uint8Array(0), new TextEncoder().encode("PFNAMES1 but not really a names data file")]) {
    await assert.rejects(pf.loadNamesData(bad), (e) => e.name === "DataError" && /names data/.test(e.message));
  }
  await assert.rejects(pf.loadNamesData(42), TypeError);
  if (have) {
    const bytes = fs.readFileSync(DATA);
    const cut = bytes.subarray(0, bytes.length - 10);
    await assert.rejects(pf.loadNamesData(cut), (e) => e.name === "DataError" && /truncated/.test(e.message));
    const flipped = Uint8Array.from(bytes);
    flipped[1000] ^= 0x55;
    await assert.rejects(pf.loadNamesData(flipped), (e) => e.name === "DataError" && /checksum/.test(e.message));
  }
  assert.throws(() => new pf.PromptFilter(LARGE), (e) => e.name === "PolicyError");
});

test("loadNamesData() loads the package's file; the large policy then finds more names", { skip: !have }, async () => {
  const core = new pf.PromptFilter();
  const before = core.screenPrompt(TEXT).findings.filter((f) => f.type === "PERSON");
  const info = await pf.loadNamesData();
  assert.ok(info.entries > 100_000, `${info.entries} entries`);
  // Again, from bytes: the same file is accepted (no second copy).
  assert.equal((await pf.loadNamesData(fs.readFileSync(DATA))).entries, info.entries);
  // The other sources the browser and worker entries take: a Response (what
  // fetch gives), an ArrayBuffer, a file path (Node).
  const buf = fs.readFileSync(DATA);
  assert.equal((await pf.loadNamesData(new Response(buf))).entries, info.entries);
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  assert.equal((await pf.loadNamesData(ab)).entries, info.entries);
  assert.equal((await pf.loadNamesData(DATA)).entries, info.entries);
  await assert.rejects(pf.loadNamesData(new Response("nope", { status: 404 })), /HTTP 404/);

  const large = new pf.PromptFilter(LARGE);
  const out = large.screenPrompt(TEXT);
  const person = out.findings.find((f) => f.type === "PERSON");
  assert.ok(person, JSON.stringify(out.findings));
  assert.equal(TEXT.slice(person.start, person.end), "Oluwaseun Kvaranova");
  assert.ok(!out.text.includes("Oluwaseun"));
  assert.equal(before.length, 0);
  // The default policy is unchanged by loading.
  assert.deepEqual(new pf.PromptFilter().screenPrompt(TEXT).findings.filter((f) => f.type === "PERSON"), before);

  // Streaming equals one-shot with the data, for every split.
  const policy = { pii: { names: "large" }, response: { pii: { names: "large" } } };
  const f = new pf.PromptFilter(policy);
  // (ASCII: a chunk ending inside a name of other letters is a known
  // stream/one-shot divergence of the response hold-back, with or without
  // the data; see the branch report.)
  const reply = "Sure: Oluwaseun Kvaranova from Reykjavik signed it.";
  const one = f.screenResponse(reply).text;
  for (let cut = 1; cut < reply.length; cut++) {
    const s = f.responseScanner();
    const got = s.push(reply.slice(0, cut)) + s.push(reply.slice(cut)) + s.finish();
    assert.equal(got, one, `cut at ${cut}`);
  }
});

test("the large data holds Chinese place names in traditional script too", { skip: !have }, async () => {
  await pf.loadNamesData();
  const large = new pf.PromptFilter(LARGE);
  // 奧地利 (Austria) is the traditional form of GeoNames' 奥地利
  // (scripts/names-zh-trad); 勝利 ("victory", also a town) is a word.
  const loc = (t) => large.screenPrompt(t).findings.filter((f) => f.type === "LOCATION").map((f) => t.slice(f.start, f.end));
  assert.deepEqual(loc("他住在奧地利"), ["奧地利"]);
  assert.deepEqual(loc("他住在奥地利"), ["奥地利"]);
  assert.deepEqual(loc("抗戰勝利後，兼辦報紙"), []);
});
