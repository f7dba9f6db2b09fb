// Stream versus one-shot for two packages in one process, interleaved:
// each round screens the side-by-side text (64 KiB of bench/corpus.mjs,
// as bench/stream-calls.mjs builds it) with screenResponse and with a
// ResponseScanner fed 64-char chunks, package A then B; prints each
// package's fastest one-shot and stream times and their ratio. On a busy
// machine run it in both orders (A B, then B A). Figures only.
//
//   node bench/stream-ab.mjs PKG_A PKG_B [ROUNDS]   (default 15)
import path from "node:path";
import { pathToFileURL } from "node:url";
import { corpus } from "./corpus.mjs";

const [a, b, rounds = "15"] = process.argv.slice(2);
const prompts = corpus({ count: 400 });
let text = "";
for (let i = 0; text.length < 65536; i++) text += prompts[i % prompts.length] + "\n\n";
const pkgs = [a, b];
const filters = [];
for (const p of pkgs) {
  const m = await import(pathToFileURL(path.resolve(p, "node.js")).href);
  await m.ready();
  filters.push(new m.PromptFilter());
}
// The joined output of a scanner fed 64-char chunks.
const streamed = (f) => {
  const s = f.responseScanner();
  const parts = [];
  for (let i = 0; i < text.length; i += 64) parts.push(s.push(text.slice(i, i + 64)));
  parts.push(s.finish());
  s.free();
  return parts.join("");
};
// Milliseconds of `fn()`, and its result.
const timed = (fn) => {
  const t0 = performance.now();
  const out = fn();
  return [performance.now() - t0, out];
};
const times = filters.map(() => ({ one: [], stream: [] }));
for (let r = 0; r < Number(rounds); r++) {
  filters.forEach((f, k) => {
    const [t1, whole] = timed(() => f.screenResponse(text).text);
    const [t2, out] = timed(() => streamed(f));
    times[k].one.push(t1);
    times[k].stream.push(t2);
    if (out !== whole) console.log(`warning: ${pkgs[k]}: stream output differs from one-shot`);
  });
}
pkgs.forEach((p, k) => {
  const o = Math.min(...times[k].one), s = Math.min(...times[k].stream);
  console.log(`${p}: one-shot ${o.toFixed(1)} ms, 64-char stream ${s.toFixed(1)} ms: stream = ${(o / s).toFixed(2)}× one-shot (fastest of ${rounds})`);
});
