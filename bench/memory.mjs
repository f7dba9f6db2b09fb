#!/usr/bin/env node
// Wasm memory per PromptFilter: creates N filters of one policy, keeps them
// alive, and prints how much the module's WebAssembly.Memory grew per
// filter, after creating them and after one screenPrompt each. Prints
// figures; asserts nothing (tests/js/memory.test.mjs asserts the bound).
//
//   node bench/memory.mjs [pkgDir] [N] [policy JSON]
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.resolve(process.argv[2] ?? path.join(ROOT, "pkg"));
const N = Number(process.argv[3] ?? 1000);
const policy = process.argv[4] ? JSON.parse(process.argv[4]) : undefined;

// Instantiate through the glue directly: its initSync returns the exports,
// and with them the memory.
const glue = await import(pathToFileURL(path.join(dir, "wasm/promptfence.js")).href);
const api = await import(pathToFileURL(path.join(dir, "api.js")).href);
const exports = glue.initSync({ module: readFileSync(path.join(dir, "promptfence_bg.wasm")) });
api.markReady();
const size = () => exports.memory.buffer.byteLength;

// One filter and one screen first: what every later filter would share.
new api.PromptFilter(policy).screenPrompt("I am ana@example.com");
const start = size();
const keep = [];
for (let i = 0; i < N; i++) keep.push(new api.PromptFilter(policy));
const created = size();
for (const f of keep) f.screenPrompt("I am ana@example.com");
const screened = size();
const per = (b) => Math.round((b - start) / N);
console.log(`${N} filters: wasm memory ${start} -> ${created} B after creating (${per(created)} B per filter), ` +
  `${screened} B after one screenPrompt each (${per(screened)} B per filter)`);
