// Called by scripts/build after the templates and pkg/types.js are in
// place: moves the code of sse.js and types.js into api.js, leaves those
// two files as re-exports of api.js (the `promptfence/sse` subpath and
// any importer by path still work, with the same function and object
// identities), and points the entries' imports of them at api.js.
//
// Why (issue 16, docs/PERFORMANCE.md, cold45): every ES module Node loads
// costs its resolve, read, compile and link, ~1M V8 instructions each on
// the main thread; the two modules were ~4.3M of the 12.4M that importing
// the Node entry costs, and joined into api.js (which every entry imports
// anyway) they cost ~1.75M there: 9.8M in all.
//   node scripts/pkg-join.mjs PKG_DIR
import fs from "node:fs";
import path from "node:path";

const [pkg] = process.argv.slice(2);
const file = (f) => path.join(pkg, f);
const read = (f) => fs.readFileSync(file(f), "utf8");
const fail = (msg) => {
  console.error(`error: pkg-join: ${msg}`);
  process.exit(1);
};

/** The module's exported names (`export function X` / `export const X`). */
const exported = (src) => [...src.matchAll(/^export (?:async function|function|const|class) (\w+)/gm)].map((m) => m[1]);

const parts = ["sse.js", "types.js"];
let api = read("api.js");
for (const f of parts) {
  const src = read(f);
  // Joined code shares api.js's scope: it must bring no imports of its
  // own and no top-level name api.js (or an earlier part) already has.
  if (/^\s*import\b/m.test(src)) fail(`${f} imports something; join it by hand or not at all`);
  const names = [...src.matchAll(/^(?:export )?(?:async function|function|const|let|var|class) (\w+)/gm)].map((m) => m[1]);
  for (const n of names) {
    if (new RegExp(`^(?:export )?(?:async function|function|const|let|var|class) ${n}\\b`, "m").test(api)) {
      fail(`${f} defines ${n}, which api.js already has`);
    }
  }
  const out = exported(src);
  if (out.length === 0) fail(`${f} exports nothing`);
  api += `\n// ---- ${f} (joined by scripts/pkg-join.mjs) ----\n${src}`;
  fs.writeFileSync(file(f), `// Joined into api.js by scripts/pkg-join.mjs (one module fewer to load).\nexport { ${out.join(", ")} } from "./api.js";\n`);
}
fs.writeFileSync(file("api.js"), api);

// Entries that import the joined files take the names from api.js.
for (const f of fs.readdirSync(pkg).filter((x) => x.endsWith(".js"))) {
  if (parts.includes(f) || f === "api.js") continue;
  const src = read(f);
  const next = src.replace(/from "\.\/(sse|types)\.js";/g, 'from "./api.js";');
  if (next !== src) fs.writeFileSync(file(f), next);
}
