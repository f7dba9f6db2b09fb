// Reads what scripts/wasm-order.mjs and scripts/wasm-sizes.mjs need from a
// wasm module's bytes: how many functions are imported, each defined
// function's body, the function names (name section, subsection 1) with
// where that section and subsection lie, and the data section's size.
// Also the module's unsigned LEB128 numbers and strings, read and written,
// for every script that walks or rewrites a module (wasm-order,
// wasm-imports). Node built-ins only; no validation beyond what the walk
// needs.

/** A reader over `b` from byte `at`: `u32()` an unsigned LEB128 number,
 * `str()` a length-prefixed UTF-8 string, `byte()` one byte; `p` is the
 * position, which the caller may move. */
export function cursor(b, at) {
  const c = { p: at };
  c.byte = () => b[c.p++];
  c.u32 = () => {
    let r = 0, s = 0, x;
    do { x = b[c.p++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
    return r;
  };
  c.str = () => { const n = c.u32(); const t = b.toString("utf8", c.p, c.p + n); c.p += n; return t; };
  return c;
}

/** `n` as an unsigned LEB128 number. */
export function uleb(n) {
  const out = [];
  do { let x = n % 128; n = Math.floor(n / 128); if (n) x |= 0x80; out.push(x); } while (n);
  return Buffer.from(out);
}

/** Walks the sections of `b` (a Buffer holding a wasm module). */
export function readModule(b) {
  const c = cursor(b, 8);
  const { u32, str } = c;
  const m = {
    imported: 0,
    bodies: [], // Buffer views of the defined functions' bodies
    names: new Map(), // function index -> name
    nameSection: null, // [start of the section (its id byte), end]
    nameContent: 0, // where the name section's content starts (after its size)
    funcNames: null, // [start of subsection 1 (its id byte), end]
    dataBytes: 0,
  };
  while (c.p < b.length) {
    const start = c.p;
    const id = b[c.p++];
    const len = u32();
    const content = c.p;
    const end = c.p + len;
    if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        str(); str();
        const kind = b[c.p++];
        if (kind === 0) { m.imported++; u32(); }
        else if (kind === 1) { c.p++; const f = b[c.p++]; u32(); if (f & 1) u32(); }
        else if (kind === 2) { const f = b[c.p++]; u32(); if (f & 1) u32(); }
        else if (kind === 3) { c.p += 2; }
        else if (kind === 4) { c.p++; u32(); }
        else throw new Error(`unknown import kind ${kind}`);
      }
    } else if (id === 10) {
      for (let n = u32(); n > 0; n--) { const sz = u32(); m.bodies.push(b.subarray(c.p, c.p + sz)); c.p += sz; }
    } else if (id === 11) {
      m.dataBytes = len;
    } else if (id === 0 && str() === "name") {
      m.nameSection = [start, end];
      m.nameContent = content;
      while (c.p < end) {
        const subStart = c.p;
        const sub = b[c.p++];
        const slen = u32();
        const send = c.p + slen;
        if (sub === 1) {
          m.funcNames = [subStart, send];
          for (let n = u32(); n > 0; n--) { const i = u32(); m.names.set(i, str()); }
        }
        c.p = send;
      }
    }
    c.p = end;
  }
  return m;
}
