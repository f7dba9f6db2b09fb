#!/usr/bin/env node
// eval-secrets.mjs: SECRET recall and precision per source on the shared dev
// PII files, and false alarms on the span-less secret negatives (the "Done
// when" figures of issue 15).
//
//   node scripts/eval-secrets.mjs [--pkg pkg | --native] [--misses OUT.jsonl]
//        [--json OUT.json] [--files A.jsonl,B.jsonl] [--part seen|held]
//
// --pkg DIR  scores a built package (scripts/build), imported from DIR/node.js.
// --native   scores the native engine through `pii_probe --jsonl`
//            (cargo build --release --example pii_probe first; no wasm build).
// Items: those of pii_dev.jsonl and pii_extra.jsonl whose annotated_types
// name SECRET. Scoring is the shared harness's: a truth span is found when a
// secret finding overlaps it; a finding is a true positive when it overlaps
// a SECRET truth span (findings in span-less items count as false
// positives too); findings of other kinds are not scored here. A span-less
// item raises a false alarm when any secret finding is made in it; the
// summary also gives that rate for the clean negatives alone.
// --part keeps one side of a fixed hold-out split: an item is `held` when
// the MD5 of its text, read as a number, is 0 modulo 5 (about a fifth),
// else `seen`; rules are tuned on `seen` only.
// Corpus offsets are code points, findings' offsets UTF-16 (converted).
// --misses writes per item the missed spans and false positives (rule ids
// and offsets, with the text) for a rule author to read; no item text is
// ever printed to stdout. Without the shared data it prints one `skip:`
// line and exits 0.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { requireFiles, u16ToCp, screenAll } from "./eval-lib.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = process.env.PF_SHARED || path.join(ROOT, "..", "shared");
const { values: o } = parseArgs({
  options: {
    pkg: { type: "string", default: "pkg" },
    native: { type: "boolean", default: false },
    json: { type: "string" },
    misses: { type: "string" },
    files: { type: "string" },
    part: { type: "string" },
  },
});
const files = o.files ? o.files.split(",") : ["pii_dev.jsonl", "pii_extra.jsonl"].map((f) => path.join(SHARED, "corpus", "dev", f));
requireFiles(files, "eval-secrets");

const held = (it) => BigInt("0x" + crypto.createHash("md5").update(it.text).digest("hex")) % 5n === 0n;
const inPart = (it) => !o.part || (o.part === "held") === held(it);
const isSecretItem = (it) => (it.annotated_types || []).includes("SECRET") && inPart(it);

function scoreItem(item, findings) {
  const truth = (item.spans || []).filter((s) => s.type === "SECRET").map((s) => [s.start, s.end, s.subtype ?? s.rule ?? ""]);
  const map = u16ToCp(item.text);
  const fs_ = findings
    .filter((f) => String(f.kind ?? "").toLowerCase() === "secret")
    .map((f) => ({ rule: f.rule, type: f.type, cp: [map[f.start] ?? 0, map[f.end] ?? 0] }));
  const ov = (a, b) => a[0] < b[1] && b[0] < a[1];
  const c = { truth: truth.length, found: 0, tp: 0, fp: 0 };
  const missed = [], fps = [];
  for (const s of truth) {
    if (fs_.some((x) => ov(x.cp, s))) c.found++;
    else missed.push({ start: s[0], end: s[1], subtype: s[2] });
  }
  for (const x of fs_) {
    if (truth.some((s) => ov(x.cp, s))) c.tp++;
    else { c.fp++; fps.push({ start: x.cp[0], end: x.cp[1], rule: x.rule }); }
  }
  return { c, missed, fps };
}

const f3 = (x) => (x === null || Number.isNaN(x) ? "-" : x.toFixed(3));
const prf = (c) => ({ P: c.tp + c.fp ? c.tp / (c.tp + c.fp) : null, R: c.truth ? c.found / c.truth : null });
const bySource = new Map(), all = { truth: 0, found: 0, tp: 0, fp: 0 };
const neg = new Map(), negAll = { items: 0, fa: 0 };
const misses = [];
for (const file of files) {
  const items = fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l)).filter(isSecretItem);
  const outs = await screenAll(items, { native: o.native, pkg: o.pkg, root: ROOT });
  items.forEach((it, idx) => {
    const r = scoreItem(it, outs[idx] || []);
    const src = it.source ?? "?";
    const a = bySource.get(src) || { truth: 0, found: 0, tp: 0, fp: 0 };
    for (const k in r.c) { a[k] += r.c[k]; all[k] += r.c[k]; }
    bySource.set(src, a);
    if (!r.c.truth) {
      const n = neg.get(src) || { items: 0, fa: 0 };
      n.items++; negAll.items++;
      if (r.fps.length) { n.fa++; negAll.fa++; }
      neg.set(src, n);
    }
    if (o.misses && (r.missed.length || r.fps.length))
      misses.push({ file: path.basename(file), source: src, text: it.text, missed: r.missed, false_positives: r.fps });
  });
}

const rows = [["source", "spans", "found", "tpF", "fpF", "R", "P", "neg items", "false alarms", "FA rate"]];
const srcs = [...new Set([...bySource.keys(), ...neg.keys()])].sort();
const results = { sources: {}, all: null };
const pct = (n) => (n.items ? ((100 * n.fa) / n.items).toFixed(2) + "%" : "-");
for (const s of [...srcs, "all"]) {
  const c = s === "all" ? all : bySource.get(s) || { truth: 0, found: 0, tp: 0, fp: 0 };
  const n = s === "all" ? negAll : neg.get(s) || { items: 0, fa: 0 };
  const { P, R } = prf(c);
  rows.push([s, c.truth, c.found, c.tp, c.fp, f3(R), f3(P), n.items, n.fa, pct(n)]);
  results.sources[s] = { ...c, R, P, neg_items: n.items, false_alarms: n.fa };
}
const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
for (const [k, r] of rows.entries()) {
  console.log(r.map((x, i) => (i ? String(x).padStart(w[i]) : String(x).padEnd(w[i]))).join("  "));
  if (k === 0) console.log(w.map((n) => "-".repeat(n)).join("  "));
}
// The trufflehog negatives are near-miss keys (a detector's wrong length or
// alphabet, often beside a credential name); the others are clean (no rule
// set flags them: placeholders, references, docs URLs).
const clean = { items: 0, fa: 0 };
for (const [s, n] of neg) if (s !== "trufflehog_detector_tests") { clean.items += n.items; clean.fa += n.fa; }
results.clean_negatives = clean;
const t = prf(all);
console.log(`summary: SECRET R ${f3(t.R)} P ${f3(t.P)} | span-less FA ${pct(negAll)} (${negAll.fa}/${negAll.items}); clean negatives ${pct(clean)} (${clean.fa}/${clean.items})`);
if (o.json) fs.writeFileSync(o.json, JSON.stringify(results, null, 1));
if (o.misses) fs.writeFileSync(o.misses, misses.map((x) => JSON.stringify(x)).join("\n") + "\n");
