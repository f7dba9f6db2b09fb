// The cold start cut finer than bench/cold-steps.mjs, for instruction
// counts in one fresh process stopping after step STEP: 0 nothing,
// 1 import the Node entry, 2 read the .wasm, 3 compile it
// (`new WebAssembly.Module`, or `WebAssembly.compile` with "async"),
// 4 instantiate and `ready()`, 5 `new PromptFilter()`, 6 the first
// screenPrompt, 7 the first push. Prints nothing. A step costs
// count(STEP) - count(STEP - 1). Under callgrind with `--single-threaded`
// every thread's work counts; without it and with
// `--separate-threads=yes`, the main thread's file (`OUT-01`) is what a
// wall clock waits for on an idle machine (TurboFan and the module's
// validation run on worker threads): docs/PERFORMANCE.md, cold45.
//
//   valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file=OUT \
//     node --predictable-gc-schedule --hash-seed=1 --random-seed=1 \
//     bench/cold-phases.mjs PKG_DIR STEP [async]
import path from "node:path";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const pkg = path.resolve(process.argv[2] ?? "pkg");
const step = Number(process.argv[3] ?? 7);
const asyncCompile = process.argv[4] === "async";
const text = "Hi David Johnson, mail ana.lopez@example.com or call (415) 555-0132, card 4111 1111 1111 1111.";
const url = (f) => pathToFileURL(path.join(pkg, f)).href;
if (step >= 1) {
  const m = await import(url("node.js"));
  if (step >= 2) {
    // The Node entry loaded the glue already: this import costs nothing.
    const glue = await import(url("wasm/promptfence.js"));
    const bytes = readFileSync(path.join(pkg, "promptfence_bg.wasm"));
    if (step >= 3) {
      const mod = asyncCompile ? await WebAssembly.compile(bytes) : new WebAssembly.Module(bytes);
      if (step >= 4) {
        glue.initSync({ module: mod });
        await m.ready();
        const f = step >= 5 ? new m.PromptFilter() : null;
        if (step >= 6) f.screenPrompt(text);
        if (step >= 7) f.responseScanner().push("Sure, here is the summary you asked for: ");
      }
    }
  }
}
process.exit(0);
