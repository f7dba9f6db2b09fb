// Streams every dev-corpus item through two packages at several chunk
// sizes (UTF-16 units) and compares each package's stream with its own
// screenResponse, and the new package's outputs with the base's.
//
//   node bench/stream-compare.mjs BASE_PKG NEW_PKG   (default policy)
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
const [baseDir, newDir] = process.argv.slice(2);
const load = async (d) => { const m = await import(pathToFileURL(path.resolve(d, "node.js")).href); await m.ready(); return m; };
const A = await load(baseDir), B = await load(newDir);
const fa = new A.PromptFilter(), fb = new B.PromptFilter();
const sizes = [1, 5, 64, 300];
const shared = process.env.PF_SHARED || path.join(path.dirname(new URL(import.meta.url).pathname), "../../shared");
const files = ["pii_dev", "pii_extra", "injection_dev", "injection_extra"].map((f) => path.join(shared, "corpus/dev", f + ".jsonl"));
let items = 0, runs = 0, selfDiff = 0, crossDiff = 0;
const stream = (f, text, n) => {
  const s = f.responseScanner();
  let out = "";
  for (let i = 0; i < text.length; i += n) out += s.push(text.slice(i, i + n));
  out += s.finish();
  const r = JSON.stringify({ text: out, findings: s.findings, verdict: s.verdict });
  s.free();
  return r;
};
for (const file of files) {
  for (const line of fs.readFileSync(file, "utf8").split("\n").filter(Boolean)) {
    const text = JSON.parse(line).text;
    if (typeof text !== "string") continue;
    items++;
    const oa = fa.screenResponse(text), ob = fb.screenResponse(text);
    const ja = JSON.stringify({ text: oa.text, findings: oa.findings, verdict: oa.verdict });
    const jb = JSON.stringify({ text: ob.text, findings: ob.findings, verdict: ob.verdict });
    if (ja !== jb) crossDiff++;
    for (const n of sizes) {
      runs++;
      const sa = stream(fa, text, n), sb = stream(fb, text, n);
      if (sb !== jb) { selfDiff++; if (selfDiff < 4) console.log("new stream != one-shot", path.basename(file), n, text.slice(0, 80)); }
      if (sa !== sb) crossDiff++;
    }
  }
}
console.log(`${items} items, ${runs} streams per package (chunks ${sizes.join(", ")}): new stream != new one-shot: ${selfDiff}; new != base (one-shot and streams): ${crossDiff}`);
