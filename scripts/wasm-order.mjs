#!/usr/bin/env node
// Picks an order of a wasm module's functions in which gzip finds more
// repeats, and writes it as the module's function names, for
// `wasm-opt --reorder-functions-by-name` to apply:
//
//   node scripts/wasm-order.mjs IN.wasm OUT.wasm [K SHARE]
//
// IN must have a name section (wasm-opt -g). OUT is IN with each defined
// function renamed to its zero-padded rank in the new order; nothing else
// changes. Order changes no behaviour: calls, exports and the table name
// functions by index, and wasm-opt renumbers them all when it reorders.
//
// Why: gzip matches repeats within its 32 KB window only. rustc lays out
// the instances of one generic (Vec::push for each T, each sort, each
// hash-table rehash) and the near-identical bodies LLVM makes of small
// helpers far apart; next to each other gzip codes the second copy as
// back-references. On 42423f1 this took the gzipped module from 298,554
// to 293,444 bytes (scripts/build; docs/PERFORMANCE.md, branch size21).
//
// How: each body is the set of its K-byte substrings (K = 6 unless given),
// leaving out those that more than SHARE of the bodies hold (0.02 unless
// given; locals headers, common call sequences: they pair everything with
// everything). Starting from the
// first function by name, the next function is the unplaced one with the
// highest Jaccard similarity to the last placed (ties, and no shared
// substring at all: the first by name). Deterministic: no hashing, no
// randomness; node built-ins only.
//
// The gzipped size moves by ±1 KB between nearby K and SHARE, and which
// pair wins changes with the code (wasm-opt renumbers the calls in every
// body to the new order): scripts/build tries several and keeps the
// smallest.
import fs from "node:fs";
import { readModule, uleb } from "./wasm-read.mjs";

const [input, output, k = "6", share = "0.02"] = process.argv.slice(2);
const K = Number(k);
const MAX_SHARE = Number(share);
if (!input || !output || !(K >= 1 && K <= 6) || !(MAX_SHARE > 0 && MAX_SHARE <= 1)) {
  console.error("usage: node scripts/wasm-order.mjs IN.wasm OUT.wasm [K (1-6) SHARE (0-1]]");
  process.exit(2);
}

const b = fs.readFileSync(input);
const { imported, bodies, names, nameSection, nameContent, funcNames } = readModule(b);
if (!nameSection || !funcNames) {
  console.error(`${input}: no function names (run wasm-opt with -g)`);
  process.exit(1);
}

const n = bodies.length;
const byName = [...Array(n).keys()].sort((x, y) => {
  const a = names.get(imported + x) ?? "", c = names.get(imported + y) ?? "";
  return a < c ? -1 : a > c ? 1 : x - y;
});
const nameRank = new Int32Array(n);
byName.forEach((f, r) => { nameRank[f] = r; });

// 6 bytes fit a double exactly: the substrings themselves are the keys.
const sets = bodies.map((body) => {
  const s = new Set();
  for (let i = 0; i + K <= body.length; i++) {
    s.add(body.readUIntLE(i, K));
  }
  return s;
});
const holders = new Map();
sets.forEach((s, f) => {
  for (const k of s) {
    const l = holders.get(k);
    if (l) l.push(f); else holders.set(k, [f]);
  }
});
const limit = Math.max(2, Math.floor(MAX_SHARE * n));
for (const [k, l] of holders) if (l.length > limit) holders.delete(k);

const placed = new Uint8Array(n);
const order = [];
const shared = new Int32Array(n);
let nextByName = 0;
let cur = byName[0];
for (;;) {
  order.push(cur);
  placed[cur] = 1;
  if (order.length === n) break;
  const touched = [];
  for (const k of sets[cur]) {
    const l = holders.get(k);
    if (!l) continue;
    for (const f of l) {
      if (placed[f]) continue;
      if (shared[f] === 0) touched.push(f);
      shared[f]++;
    }
  }
  let best = -1, bestScore = 0;
  for (const f of touched) {
    const c = shared[f];
    shared[f] = 0;
    const score = c / (sets[f].size + sets[cur].size - c);
    if (score > bestScore || (score === bestScore && nameRank[f] < nameRank[best])) {
      best = f;
      bestScore = score;
    }
  }
  if (best < 0) {
    while (placed[byName[nextByName]]) nextByName++;
    best = byName[nextByName];
  }
  cur = best;
}

// The new function-name subsection: every defined function's rank,
// imports keep their names (wasm-opt does not move imports).
const width = String(n).length;
const entries = [];
for (let i = 0; i < imported; i++) {
  if (names.has(i)) entries.push([i, names.get(i)]);
}
order.forEach((f, r) => entries.push([imported + f, String(r).padStart(width, "0")]));
entries.sort((x, y) => x[0] - y[0]);
const payload = Buffer.concat([
  uleb(entries.length),
  ...entries.flatMap(([i, s]) => { const t = Buffer.from(s, "utf8"); return [uleb(i), uleb(t.length), t]; }),
]);
const sub = Buffer.concat([Buffer.from([1]), uleb(payload.length), payload]);
// The name section's content: its name, the subsections before and after
// the function names unchanged.
const content = Buffer.concat([
  b.subarray(nameContent, funcNames[0]),
  sub,
  b.subarray(funcNames[1], nameSection[1]),
]);
fs.writeFileSync(output, Buffer.concat([
  b.subarray(0, nameSection[0]),
  Buffer.from([0]),
  uleb(content.length),
  content,
  b.subarray(nameSection[1]),
]));
