// The import renaming and custom-section dropping of scripts/pkg-glue.mjs,
// also run by scripts/build on each function order it tries, so that the
// order kept is the smallest as shipped: the rename moves deflate's blocks
// over the ordered module, by -1.4 KB to +0.4 KB (docs/PERFORMANCE.md,
// size23 and size24).
//
//   node scripts/wasm-imports.mjs IN.wasm OUT.wasm
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { cursor, uleb } from "./wasm-read.mjs";

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [input, output] = process.argv.slice(2);
  fs.writeFileSync(output, renameImports(fs.readFileSync(input)).wasm);
}

// `bytes` without the `producers` and `target_features` sections, and
// its import section with each function import of the glue's
// module ("./promptfence_bg.js") renamed: `__wbg_` and wasm-bindgen's
// own `__wbindgen_` prefix and the `_<16 hex>` hash dropped, a number
// added to a name already taken. Each export but `memory` (which the
// glue's comments name too) is renamed, to a short name in the order of
// the export section (`a`..`z`, `A`..`Z`, then `a0`..): the glue reads
// each as `wasm.NAME` and nothing else names
// them (~240 B gzipped: `promptfilter_screenPromptInput` and the like
// are text gzip cannot predict; docs/PERFORMANCE.md, size45). Returns
// the module, the imports' [from, to] pairs (`names`) and the exports'
// (`exports`).
export function renameImports(bytes) {
  const c = cursor(bytes, 8);
  const { u32: leb, str, byte } = c;
  const parts = [bytes.subarray(0, 8)];
  const names = [];
  const exports = [];
  const taken = new Set();
  while (c.p < bytes.length) {
    const start = c.p;
    const id = byte();
    const len = leb();
    const end = c.p + len;
    if (id === 0) {
      // Custom sections the runtime never reads: rustc's and
      // wasm-bindgen's `producers` and the `target_features` wasm-opt
      // reads on its input (~200 B gzipped).
      const name = str();
      c.p = end;
      if (name !== "producers" && name !== "target_features") parts.push(bytes.subarray(start, end));
      continue;
    }
    if (id === 7) {
      const count = leb();
      const body = [uleb(count)];
      let short = 0;
      for (let i = 0; i < count; i++) {
        const from = str();
        const to = from === "memory" ? from : shortName(short++);
        const descStart = c.p;
        byte();
        leb();
        if (to !== from) exports.push([from, to]);
        const b = Buffer.from(to);
        body.push(uleb(b.length), b, bytes.subarray(descStart, c.p));
      }
      if (c.p !== end) { console.error("error: the export section did not read to its end"); process.exit(1); }
      const content = Buffer.concat(body);
      parts.push(Buffer.from([7]), uleb(content.length), content);
      continue;
    }
    if (id !== 2) { parts.push(bytes.subarray(start, end)); c.p = end; continue; }
    const count = leb();
    const body = [uleb(count)];
    for (let i = 0; i < count; i++) {
      const module = str();
      let name = str();
      const descStart = c.p;
      const kind = byte();
      if (kind === 0) leb();
      else { console.error("error: an import that is not a function; did wasm-bindgen change?"); process.exit(1); }
      const desc = bytes.subarray(descStart, c.p);
      if (module === "./promptfence_bg.js") {
        let short = name.replace(/^__wbg_/, "").replace(/^__wbindgen_/, "").replace(/_[0-9a-f]{16}$/, "");
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(short)) short = "import";
        let n = 1, to = short;
        while (taken.has(to)) to = `${short}${++n}`;
        taken.add(to);
        names.push([name, to]);
        name = to;
      }
      for (const s of [module, name]) { const b = Buffer.from(s); body.push(uleb(b.length), b); }
      body.push(desc);
    }
    if (c.p !== end) { console.error("error: the import section did not read to its end"); process.exit(1); }
    const content = Buffer.concat(body);
    parts.push(Buffer.from([2]), uleb(content.length), content);
  }
  return { wasm: Buffer.concat(parts), names, exports };
}

// The `i`th short export name: `a`..`z`, `A`..`Z`, then with a digit.
function shortName(i) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const n = letters.length;
  return i < n ? letters[i] : letters[i % n] + Math.floor(i / n - 1);
}
