#!/usr/bin/env node
// names-tagger-margins.mjs: chooses the names tagger's minimum margins
// (scripts/names-tagger --min PER,LOC,ORG) by leaving out one source (or
// one language) at a time, from the scored findings of a tagger file built
// with every minimum at -500 (so each tagger span is reported, its margin
// recoverable from its score).
//
//   scripts/names-tagger --min -500,-500,-500 --out /tmp/all.bin
//   node scripts/eval-names.mjs --native --names-data pkg/names-data.bin \
//        --tagger /tmp/all.bin --misses /tmp/all.jsonl
//   node scripts/names-tagger-margins.mjs /tmp/all.jsonl [--ref P,L,O] [--min P,L,O[,P,L,O] ...]
//
// Each type has two minimums: one for a span with a word of a names list
// (rule id name-tagger), one for a span without (name-tagger-unlisted;
// the file holds one for the core lists and one for the large data: run
// this once on findings without --names-data and once with). The
// objective, per type: the most truth spans found minus false findings
// (a tagger span is worth reporting when it is more often right than
// wrong). For each held-out group the pair of minimums is chosen on the
// other groups and scored on the group; the held-out figures pool those.
// "At kept precision": the pair with the most recall whose precision on
// the other groups is at least that of one minimum for both, --ref
// (default 40,20,1e9: the first passes' choice). Also
// prints P/R per minimum on all items, and P/R and span-less false alarms
// for each `--min` given. Scoring is eval-names.mjs's (overlap, per
// annotated type). Without the shared data it prints one `skip:` line.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = process.env.PF_SHARED || path.join(ROOT, "..", "shared");
const args = process.argv.slice(2);
const file = args[0];
const combos = [];
let ref = [40, 20, 1e9];
for (let i = 1; i < args.length; i++) {
  if (args[i] === "--min") combos.push(args[++i].split(",").map(Number));
  else if (args[i] === "--ref") ref = args[++i].split(",").map(Number);
  else { console.error(`unknown argument ${args[i]}`); process.exit(2); }
}
if (!file) { console.error("usage: names-tagger-margins.mjs FINDINGS.jsonl [--min P,L,O ...]"); process.exit(2); }
const dev = Object.fromEntries(["pii_extra.jsonl", "pii_dev.jsonl"].map((f) => [f, path.join(SHARED, "corpus", "dev", f)]));
if (!Object.values(dev).every((f) => fs.existsSync(f))) {
  console.log(`skip: names-tagger-margins: ${SHARED}/corpus/dev not found (set PF_SHARED)`);
  process.exit(process.env.PF_REQUIRE_SHARED ? 1 : 0);
}
const read = (f) => fs.readFileSync(f, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const corpus = Object.fromEntries(Object.entries(dev).map(([k, f]) => [k, read(f)]));

const TYPES = ["PERSON", "LOCATION", "ORGANIZATION"];
const ALIAS = { ORG: "ORGANIZATION" };
// The score of a span of a file built with minimum -500 (src/names/tagger.rs:
// score = 0.6 + 0.2 * s / (1 + s), s = margin - minimum).
const margin = (score) => { const x = (score - 0.6) / 0.2; return -500 + x / (1 - x); };
const rows = new Map(read(file).map((r) => [`${r.file}\t${r.idx}`, r]));
const items = [];
for (const [name, list] of Object.entries(corpus)) list.forEach((it, idx) => {
  const r = rows.get(`${name}\t${idx}`);
  const f = r ? [...(r.found || []), ...r.false_positives] : [];
  items.push({
    src: it.source ?? "?", lang: it.lang ?? "-", ann: new Set(it.annotated_types || []), neg: !(it.spans || []).length,
    truth: (it.spans || []).map((s) => ({ type: ALIAS[s.type] ?? s.type, s: s.start, e: s.end })),
    f: f.map((x) => ({
      type: x.type, s: x.start, e: x.end, u: x.rule === "name-tagger-unlisted",
      m: String(x.rule).startsWith("name-tagger") ? margin(x.score) : Infinity,
    })),
  });
});

const ov = (a, b) => a.s < b.e && b.s < a.e;
// min: [listed, unlisted] (or one number for both).
const pass = (x, min) => x.m >= (Array.isArray(min) ? min[x.u ? 1 : 0] : min);
function count(sel, t, min) {
  const c = { truth: 0, found: 0, tp: 0, fp: 0 };
  for (const it of sel) {
    if (!it.ann.has(t)) continue;
    const ts = it.truth.filter((x) => x.type === t), fs_ = it.f.filter((x) => x.type === t && pass(x, min));
    c.truth += ts.length;
    c.found += ts.filter((s) => fs_.some((x) => ov(x, s))).length;
    for (const x of fs_) ts.some((s) => ov(x, s)) ? c.tp++ : c.fp++;
  }
  return c;
}
const pr = (c) => `${(c.tp / (c.tp + c.fp || 1)).toFixed(3)}/${(c.found / (c.truth || 1)).toFixed(3)}`;
const GRID = [-Infinity, -100, 0, 20, 40, 60, 80, 100, 130, 160, 200, 250, 300, 400, 600, Infinity];
const label = (m) => (m === -Infinity ? "all" : m >= 1e9 ? "off" : String(m));
// crit: "one" (one minimum, most found - fp), "split" (a pair, the same),
// or "kept" (a pair, most recall at the precision of minimum r for both).
function choose(sel, t, crit, r) {
  let best = null;
  const P = (c) => c.tp / (c.tp + c.fp || 1);
  const floor = crit === "kept" ? P(count(sel, t, r)) - 1e-9 : 0;
  for (const a of GRID) for (const b of crit === "one" ? [a] : GRID) {
    const c = count(sel, t, [a, b]);
    if (crit === "kept" && P(c) < floor) continue;
    const v = crit === "kept" ? [c.found, P(c)] : [c.found - c.fp, 0];
    if (!best || v[0] > best.v[0] || (v[0] === best.v[0] && v[1] > best.v[1])) best = { m: [a, b], v };
  }
  return best ? best.m : [r, r];
}
const pair = (m) => (m[0] === m[1] ? label(m[0]) : `${label(m[0])}/${label(m[1])}`);

for (const [ti, t] of TYPES.entries()) {
  const r = ref[ti];
  const CRIT = { one: "one minimum", split: "listed/unlisted", kept: `listed/unlisted at the precision of ${r}` };
  console.log(`\n${t}: P/R per minimum margin (all items)`);
  console.log(GRID.map((m) => `${label(m)} ${pr(count(items, t, m))}`).join("  "));
  console.log(`listed spans at any minimum, unlisted ones per minimum:`);
  console.log(GRID.map((m) => `${label(m)} ${pr(count(items, t, [-Infinity, m]))}`).join("  "));
  for (const crit of Object.keys(CRIT)) for (const [by, key] of [["source", (i) => i.src], ["language", (i) => i.lang]]) {
    const groups = [...new Set(items.filter((i) => i.ann.has(t)).map(key))].sort();
    const pool = { truth: 0, found: 0, tp: 0, fp: 0 }, picks = [];
    for (const g of groups) {
      const m = choose(items.filter((i) => key(i) !== g), t, crit, r), c = count(items.filter((i) => key(i) === g), t, m);
      for (const k in pool) pool[k] += c[k];
      picks.push(`${g}:${pair(m)}`);
    }
    console.log(`${CRIT[crit]}, held out by ${by}: P/R ${pr(pool)} (chosen without the group: ${picks.join(" ")})`);
  }
  console.log(`chosen on all items: ${Object.entries(CRIT).map(([c, n]) => { const m = choose(items, t, c, r); return `${n} ${pair(m)} (${pr(count(items, t, m))})`; }).join("; ")}`);
}
for (const mins of combos) {
  const min = Object.fromEntries(TYPES.map((t, i) => [t, [mins[i], mins[mins.length > 3 ? i + 3 : i]]]));
  const neg = items.filter((i) => i.neg);
  const fa = neg.filter((i) => i.f.some((x) => i.ann.has(x.type) && pass(x, min[x.type]))).length;
  console.log(`\n--min ${mins.join(",")}: ${TYPES.map((t) => `${t} ${pr(count(items, t, min[t]))}`).join(" | ")} | span-less FA ${(100 * fa / neg.length).toFixed(2)}% (${fa}/${neg.length})`);
}
