// The cold-start steps of bench/cold-cpu.mjs in one fresh process,
// stopping after step STEP (0: import, 1: ready(), 2: new PromptFilter(),
// 3: the first screenPrompt, 4: the first push of the filter's first
// response scanner), for instruction counts: run it under callgrind once
// per step, and a step costs count(STEP) - count(STEP - 1). Prints
// nothing.
//
//   valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//     node --single-threaded --predictable-gc-schedule --hash-seed=1 \
//     --random-seed=1 [--liftoff-only] bench/cold-steps.mjs PKG_DIR STEP
//
// `--liftoff-only` leaves out V8's tier-up: with `--single-threaded` the
// TurboFan jobs a step triggers run at exit, so they count in that step.
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pkg, stepArg] = process.argv.slice(2);
const step = Number(stepArg ?? 4);
const text = "Hi David Johnson, mail ana.lopez@example.com or call (415) 555-0132, card 4111 1111 1111 1111.";
const m = await import(pathToFileURL(path.join(path.resolve(pkg ?? "pkg"), "node.js")).href);
if (step >= 1) await m.ready();
const f = step >= 2 ? new m.PromptFilter() : null;
if (step >= 3) f.screenPrompt(text);
if (step >= 4) f.responseScanner().push("Sure, here is the summary you asked for: ");
process.exit(0);
