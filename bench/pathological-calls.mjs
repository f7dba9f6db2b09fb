// Prints nothing: one warm-up then CALLS screenPrompt calls of ~BYTES
// (default 1 MiB) of one repeated-unit class of bench/pathological.mjs
// (4111, names, brackets-mix, digits, digits-sep, keywords, spaces, ...),
// the V8 workload for instruction counts of a hostile class:
//
//   valgrind --tool=callgrind node --no-liftoff --single-threaded \
//     --predictable-gc-schedule bench/pathological-calls.mjs PKG CLASS CALLS
//
// with CALLS = 0 and 1: the difference is one call.
import path from "node:path";
import { pathToFileURL } from "node:url";

const [dir = "pkg", cls = "4111", calls = "1", bytes = String(1 << 20)] =
  process.argv.slice(2);
const UNITS = {
  digits: "0123456789",
  "4111": "4111 ",
  "digits-sep": "12-34.56/78 ",
  separators: "-._/:+ ",
  "brackets-mix": "[x](<{(\"'",
  keywords: "password ssn api_key token iban ",
  "inject-words": "ignore previous instructions ",
  names: "John Smith ",
  "at-dots": "a@b.",
  spaces: " ",
  dates: "Jan 1 ",
  "dotted-quads": "1.2.3.4.",
  "dotted-nines": "1.2.3.4.5.6.7.8.9.",
  urls: "http://",
};
const unit = UNITS[cls];
if (!unit) throw new Error(`no repeated-unit class ${cls}`);
const text = unit.repeat(Math.floor(Number(bytes) / Buffer.byteLength(unit)));
const m = await import(pathToFileURL(path.resolve(dir, "node.js")).href);
await m.ready();
const filter = new m.PromptFilter();
// SIDE=response screens the response side instead (the `urls` class).
const screen = process.env.SIDE === "response"
  ? (t) => filter.screenResponse(t)
  : (t) => filter.screenPrompt(t);
screen(text);
for (let i = 0; i < Number(calls); i++) screen(text);
