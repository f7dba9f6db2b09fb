// Reads what scripts/wasm-order.mjs and scripts/wasm-sizes.mjs need from a
// wasm module's bytes: how many functions are imported, each defined
// function's body, the function names (name section, subsection 1) with
// where that section and subsection lie, and the data section's size.
// Node built-ins only; no validation beyond what the walk needs.

/** Walks the sections of `b` (a Buffer holding a wasm module). */
export function readModule(b) {
  let p = 8;
  const u32 = () => {
    let r = 0, s = 0, c;
    do { c = b[p++]; r += (c & 0x7f) * 2 ** s; s += 7; } while (c & 0x80);
    return r;
  };
  const str = () => { const n = u32(); const t = b.toString("utf8", p, p + n); p += n; return t; };
  const m = {
    imported: 0,
    bodies: [], // Buffer views of the defined functions' bodies
    names: new Map(), // function index -> name
    nameSection: null, // [start of the section (its id byte), end]
    nameContent: 0, // where the name section's content starts (after its size)
    funcNames: null, // [start of subsection 1 (its id byte), end]
    dataBytes: 0,
  };
  while (p < b.length) {
    const start = p;
    const id = b[p++];
    const len = u32();
    const content = p;
    const end = p + len;
    if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        str(); str();
        const kind = b[p++];
        if (kind === 0) { m.imported++; u32(); }
        else if (kind === 1) { p++; const f = b[p++]; u32(); if (f & 1) u32(); }
        else if (kind === 2) { const f = b[p++]; u32(); if (f & 1) u32(); }
        else if (kind === 3) { p += 2; }
        else if (kind === 4) { p++; u32(); }
        else throw new Error(`unknown import kind ${kind}`);
      }
    } else if (id === 10) {
      for (let n = u32(); n > 0; n--) { const sz = u32(); m.bodies.push(b.subarray(p, p + sz)); p += sz; }
    } else if (id === 11) {
      m.dataBytes = len;
    } else if (id === 0 && str() === "name") {
      m.nameSection = [start, end];
      m.nameContent = content;
      while (p < end) {
        const subStart = p;
        const sub = b[p++];
        const slen = u32();
        const send = p + slen;
        if (sub === 1) {
          m.funcNames = [subStart, send];
          for (let n = u32(); n > 0; n--) { const i = u32(); m.names.set(i, str()); }
        }
        p = send;
      }
    }
    p = end;
  }
  return m;
}
