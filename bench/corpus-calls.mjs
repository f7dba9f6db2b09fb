#!/usr/bin/env node
// Workload for instruction counts on short chat prompts: PASSES passes of
// screenPrompt (default policy, one filter) over the first COUNT prompts
// (default 200) of the side-by-side corpus (bench/corpus.mjs), or only
// those of at least MIN_BYTES UTF-8 bytes among them (the slow tail).
// Prints nothing. Run it under callgrind at two values of PASSES and
// subtract (docs/PERFORMANCE.md):
//
//   node bench/corpus-calls.mjs PKG_DIR PASSES [COUNT [MIN_BYTES]]
import path from "node:path";
import { pathToFileURL } from "node:url";
import { corpus } from "./corpus.mjs";

const [pkgArg = "pkg", passesArg = "1", countArg = "200", minArg = "0"] =
  process.argv.slice(2);
const { ready, PromptFilter } = await import(
  pathToFileURL(path.join(path.resolve(pkgArg), "node.js")).href
);
await ready();
const filter = new PromptFilter();
const prompts = corpus()
  .slice(0, Number(countArg))
  .filter((p) => Buffer.byteLength(p) >= Number(minArg));
for (let i = 0; i < Number(passesArg); i++) {
  for (const p of prompts) filter.screenPrompt(p);
}
