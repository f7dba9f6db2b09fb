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

const args = process.argv.slice(2);
const topIdx = args.indexOf("--top");
const top = topIdx >= 0 ? Number(args.splice(topIdx, 2)[1]) : 30;
if (args.length < 1 || args.length > 2) {
  console.error("usage: node scripts/wasm-sizes.mjs A.wasm [B.wasm] [--top N]");
  process.exit(2);
}

function sizes(file) {
  const b = fs.readFileSync(file);
  let p = 8;
  const u32 = () => {
    let r = 0, s = 0, c;
    do { c = b[p++]; r |= (c & 0x7f) << s; s += 7; } while (c & 0x80);
    return r >>> 0;
  };
  const str = () => { const n = u32(); const t = b.toString("utf8", p, p + n); p += n; return t; };
  let imported = 0;
  const bodies = [];
  const names = new Map();
  let dataBytes = 0;
  while (p < b.length) {
    const id = b[p++];
    const len = u32();
    const end = p + len;
    if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        str(); str();
        const kind = b[p++];
        if (kind === 0) { imported++; u32(); }
        else if (kind === 1) { p++; const f = b[p++]; u32(); if (f & 1) u32(); }
        else if (kind === 2) { const f = b[p++]; u32(); if (f & 1) u32(); }
        else if (kind === 3) { p += 2; }
        else if (kind === 4) { p++; u32(); }
      }
    } else if (id === 10) {
      for (let n = u32(); n > 0; n--) { const sz = u32(); bodies.push(sz); p += sz; }
    } else if (id === 11) {
      dataBytes = len;
    } else if (id === 0) {
      const name = str();
      if (name === "name") {
        while (p < end) {
          const sub = b[p++];
          const slen = u32();
          const send = p + slen;
          if (sub === 1) {
            for (let n = u32(); n > 0; n--) { const i = u32(); names.set(i, str()); }
          }
          p = send;
        }
      }
    }
    p = end;
  }
  const out = new Map();
  bodies.forEach((sz, i) => {
    const raw = names.get(imported + i) || `func[${imported + i}]`;
    const name = raw.replace(/17h[0-9a-f]{16}E$/, "").replace(/::h[0-9a-f]{16}$/, "");
    out.set(name, (out.get(name) || 0) + sz);
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
