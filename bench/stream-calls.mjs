// Workload for instruction counts of streaming: one filter screens 64 KiB
// of the side-by-side corpus text (`bench/corpus.mjs`) twice as a warm-up,
// then RUNS more times, as a `ResponseScanner` fed 64-char chunks
// (`stream`) or as one `screenResponse` (`oneshot`). Prints nothing. Run
// it under callgrind at two values of RUNS and subtract:
//
//   valgrind --tool=callgrind node --no-liftoff --single-threaded \
//     --predictable-gc-schedule bench/stream-calls.mjs PKG stream 1   (then 3)
//
// one run = (count at 3 - count at 1) / 2.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { corpus } from "./corpus.mjs";

const [pkg = "pkg", mode = "stream", runs = "1"] = process.argv.slice(2);
const prompts = corpus({ count: 400 });
let text = "";
for (let i = 0; text.length < 65536; i++) text += prompts[i % prompts.length] + "\n\n";
const m = await import(pathToFileURL(path.resolve(pkg, "node.js")).href);
await m.ready();
const f = new m.PromptFilter();
const run = () => {
  if (mode === "oneshot") return f.screenResponse(text).text;
  const s = f.responseScanner();
  let b = "";
  for (let i = 0; i < text.length; i += 64) b += s.push(text.slice(i, i + 64));
  b += s.finish();
  s.free();
  return b;
};
run();
run();
for (let i = 0; i < Number(runs); i++) run();
