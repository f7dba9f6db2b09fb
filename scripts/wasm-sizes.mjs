#!/usr/bin/env node
// Code size per function of a wasm module that still has its name section
// (wasm-bindgen's output in target/bindgen/, before wasm-opt), or the
// difference between two such modules: where did the bytes go?
//
//   node scripts/wasm-sizes.mjs A.wasm [B.wasm] [--top N]
//
// One module: the N largest functions. Two: the N largest changes by
// function name (demangled names are not needed: Rust's v0/legacy mangled
// names are printed with their hash suffix stripped, so the same function
// matches across builds). Uses only node built-ins.
import fs from "node:fs";
import { readModule } from "./wasm-read.mjs";

const args = process.argv.slice(2);
const topIdx = args.indexOf("--top");
const top = topIdx >= 0 ? Number(args.splice(topIdx, 2)[1]) : 30;
if (args.length < 1 || args.length > 2) {
  console.error("usage: node scripts/wasm-sizes.mjs A.wasm [B.wasm] [--top N]");
  process.exit(2);
}

function sizes(file) {
  const { imported, bodies, names, dataBytes } = readModule(fs.readFileSync(file));
  const out = new Map();
  bodies.forEach((body, i) => {
    const raw = names.get(imported + i) || `func[${imported + i}]`;
    const name = raw.replace(/17h[0-9a-f]{16}E$/, "").replace(/::h[0-9a-f]{16}$/, "");
    out.set(name, (out.get(name) || 0) + body.length);
  });
  out.set("<data section>", dataBytes);
  return out;
}

const a = sizes(args[0]);
const total = (m) => [...m.values()].reduce((x, y) => x + y, 0);
if (args.length === 1) {
  console.log(`${args[0]}: ${a.size} functions, ${total(a)} bytes of code and data`);
  for (const [n, s] of [...a].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(String(s).padStart(8), n);
} else {
  const bm = sizes(args[1]);
  const keys = new Set([...a.keys(), ...bm.keys()]);
  const d = [...keys].map((k) => [k, (bm.get(k) || 0) - (a.get(k) || 0), a.get(k) || 0, bm.get(k) || 0]).filter((x) => x[1] !== 0);
  console.log(`total ${total(a)} -> ${total(bm)} (${total(bm) - total(a) >= 0 ? "+" : ""}${total(bm) - total(a)} bytes)`);
  for (const [n, dd, x, y] of d.sort((p, q) => Math.abs(q[1]) - Math.abs(p[1])).slice(0, top)) {
    console.log(String(dd > 0 ? "+" + dd : dd).padStart(8), String(x).padStart(7), "->", String(y).padEnd(7), n);
  }
}
