#!/usr/bin/env node
// eval-names.mjs: PERSON / LOCATION / ORGANIZATION (and ADDRESS, DATE_TIME)
// precision and recall per source and per language on the shared dev PII
// files, plus the two guard figures of issue 14: structured-type micro-F1 on
// the presidio dev source and false alarms on span-less items.
//
//   node scripts/eval-names.mjs [--pkg pkg | --native] [--json OUT.json]
//        [--misses OUT.jsonl] [--limit N] [--files A.jsonl,B.jsonl]
//        [--names-data FILE] [--tagger FILE] [--pii JSON] [--part seen|held]
//
// --pkg DIR  scores a built package (scripts/build), imported from DIR/node.js.
// --names-data FILE  loads the large names data (scripts/names-large.mjs;
//            pkg/names-data.bin) and screens with pii.names "large".
// --tagger FILE  loads the names tagger (pkg/names-tagger.bin) and screens
//            with pii.names "tagger" (or "large+tagger" with --names-data).
// --pii JSON  merges JSON into the policy's pii section (e.g.
//            '{"thresholds":{"LOCATION":0.4}}' to see findings under the
//            default threshold).
// --misses OUT  writes one JSON line per item with a miss or a finding: the
//            missed truth spans, false positives and found (true-positive)
//            findings, each with its rule and score (for
//            scripts/names-tagger-margins.mjs).
// --part keeps one side of a fixed hold-out split (as eval-secrets.mjs): an
//            item is `held` when the MD5 of its text, read as a number, is 0
//            modulo 5 (about a fifth), else `seen`; tune on `seen` only.
// --native   scores the native engine through `pii_probe --jsonl`
//            (cargo build --release --example pii_probe first; no wasm build).
// Scoring is the shared harness's (../shared/eval/score.mjs): a truth span is
// found when a finding of the same type overlaps it; a finding is a true
// positive when it overlaps a truth span of its type; each item is scored only
// on its annotated_types; corpus offsets are code points. No item of these
// files is used to tune anything (none is train_ok): every figure is held out.
// Without the shared data it prints one `skip:` line and exits 0.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { u16ToCp, screenAll } from "./eval-lib.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = process.env.PF_SHARED || path.join(ROOT, "..", "shared");
const o = { pii: null, tagger: null, namesData: null, pkg: "pkg", native: false, json: null, misses: null, limit: 0, files: null, part: null };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i], v = () => process.argv[++i];
  if (a === "--pkg") o.pkg = v();
  else if (a === "--native") o.native = true;
  else if (a === "--names-data") o.namesData = v();
  else if (a === "--tagger") o.tagger = v();
  else if (a === "--pii") o.pii = JSON.parse(v());
  else if (a === "--json") o.json = v();
  else if (a === "--misses") o.misses = v();
  else if (a === "--limit") o.limit = parseInt(v(), 10) || 0;
  else if (a === "--files") o.files = v().split(",");
  else if (a === "--part" && ["seen", "held"].includes(process.argv[i + 1])) o.part = v();
  else { console.error(`unknown argument ${a}`); process.exit(2); }
}
const files = o.files || ["pii_extra.jsonl", "pii_dev.jsonl"].map((f) => path.join(SHARED, "corpus", "dev", f));
const missing = files.filter((f) => !fs.existsSync(f));
if (missing.length) {
  console.log(`skip: eval-names: ${missing[0]} not found (set PF_SHARED)`);
  process.exit(process.env.PF_REQUIRE_SHARED ? 1 : 0);
}

// Type mapping, as in the shared harness.
const ALIAS = {
  EMAIL_ADDRESS: "EMAIL", PHONE_NUMBER: "PHONE", IP: "IP_ADDRESS", IBAN_CODE: "IBAN", SSN: "US_SSN",
  DATE_OF_BIRTH: "DATE_TIME", DOB: "DATE_TIME", DATE: "DATE_TIME", SG_NRIC: "SG_NRIC_FIN",
  US_BANK_ROUTING: "ABA_ROUTING_NUMBER", UK_DRIVER_LICENSE: "UK_DRIVING_LICENCE", ORG: "ORGANIZATION",
};
const FAMILY = {
  PHONE: (t) => t === "PHONE" || /_(PHONE|MOBILE)_NUMBER$/.test(t),
  PASSPORT: (t) => t === "PASSPORT" || /_PASSPORT$/.test(t),
  DRIVER_LICENSE: (t) => t === "DRIVER_LICENSE" || /_(DRIVER_LICENSE|DRIVING_LICENCE)$/.test(t),
};
const SOFT = new Set(["PERSON", "ADDRESS", "LOCATION", "ORGANIZATION", "DATE_TIME", "NRP", "TITLE", "AGE", "ZIP_CODE"]);
const NAMES = ["PERSON", "LOCATION", "ORGANIZATION", "ADDRESS", "DATE_TIME"];

function baseMap(f) {
  const kind = String(f.kind ?? "").toLowerCase();
  if (kind === "secret") return "SECRET";
  if (kind === "injection") return null;
  const t = String(f.type ?? "").toUpperCase();
  return ALIAS[t] ?? t;
}
function itemMap(base, annotated, cp, truthByType) {
  if (base === null || annotated.has(base)) return base;
  const fam = FAMILY[base];
  if (!fam) return base;
  const cands = [...annotated].filter(fam);
  for (const c of cands) if ((truthByType.get(c) || []).some((s) => s[0] < cp[1] && cp[0] < s[1])) return c;
  return cands[0] ?? base;
}
function scoreItem(item, findings) {
  const spans = item.spans || [];
  const annotated = new Set(item.annotated_types?.length ? item.annotated_types : spans.map((s) => s.type));
  const map = u16ToCp(item.text);
  const truthByType = new Map();
  for (const s of spans) {
    if (!annotated.has(s.type)) continue;
    if (!truthByType.has(s.type)) truthByType.set(s.type, []);
    truthByType.get(s.type).push([s.start, s.end]);
  }
  const fs_ = findings.map((f) => {
    const cp = [map[f.start] ?? 0, map[f.end] ?? 0];
    return { f, cp, mapped: itemMap(baseMap(f), annotated, cp, truthByType) };
  });
  const ov = (a, b) => a[0] < b[1] && b[0] < a[1];
  const per = new Map();
  const get = (t) => per.get(t) || (per.set(t, { truth: 0, found: 0, tp: 0, fp: 0 }), per.get(t));
  const missed = [], fps = [], tps = [];
  for (const [t, ts] of truthByType) for (const s of ts) {
    const r = get(t); r.truth++;
    if (fs_.some((x) => x.mapped === t && ov(x.cp, s))) r.found++;
    else missed.push({ type: t, start: s[0], end: s[1] });
  }
  for (const x of fs_) {
    if (x.mapped === null || !annotated.has(x.mapped)) continue;
    const r = get(x.mapped);
    if ((truthByType.get(x.mapped) || []).some((s) => ov(x.cp, s))) { r.tp++; tps.push({ type: x.mapped, start: x.cp[0], end: x.cp[1], rule: x.f.rule, score: x.f.score }); }
    else { r.fp++; fps.push({ type: x.mapped, start: x.cp[0], end: x.cp[1], rule: x.f.rule, score: x.f.score }); }
  }
  return { per, missed, fps, tps };
}

const held = (it) => BigInt("0x" + crypto.createHash("md5").update(it.text).digest("hex")) % 5n === 0n;
const inPart = (it) => !o.part || (o.part === "held") === held(it);
function readJsonl(file) {
  const items = fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l)).filter(inPart);
  if (!o.limit || o.limit >= items.length) return items;
  return Array.from({ length: o.limit }, (_, k) => items[Math.floor((k * items.length) / o.limit)]);
}

const f3 = (x) => (x === null || Number.isNaN(x) ? "-" : x.toFixed(3));
const prf = (c) => {
  const P = c.tp + c.fp ? c.tp / (c.tp + c.fp) : null, R = c.truth ? c.found / c.truth : null;
  return { P, R, F: P === null || R === null ? null : P + R ? (2 * P * R) / (P + R) : 0 };
};
function table(title, headers, rows) {
  console.log(`\n${title}`);
  const cells = [headers, ...rows].map((r) => r.map(String));
  const w = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i < 2 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ");
  console.log(line(cells[0]));
  console.log(w.map((n) => "-".repeat(n)).join("  "));
  for (const r of cells.slice(1)) console.log(line(r));
}

const results = { groups: {}, guards: {} };
const misses = [];
const add = (m, key, t, c) => {
  const k = `${t}\t${key}`;
  const a = m.get(k) || { truth: 0, found: 0, tp: 0, fp: 0 };
  for (const f in c) a[f] += c[f];
  m.set(k, a);
};
const bySource = new Map(), byLang = new Map(), total = new Map();
const negBySource = new Map();
const presidio = { truth: 0, found: 0, tp: 0, fp: 0 };
for (const file of files) {
  const items = readJsonl(file);
  const t0 = Date.now();
  const outs = await screenAll(items, { native: o.native, pkg: o.pkg, root: ROOT, namesData: o.namesData, tagger: o.tagger, pii: o.pii });
  console.log(`${path.basename(file)}: ${items.length} items screened in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  items.forEach((it, idx) => {
    const r = scoreItem(it, outs[idx] || []);
    const src = it.source ?? "?", lang = it.lang ?? "-";
    for (const [t, c] of r.per) {
      add(bySource, src, t, c); add(byLang, lang, t, c); add(total, "all", t, c);
      if (src === "presidio_recognizer_tests" && !SOFT.has(t)) for (const f in c) presidio[f] += c[f];
    }
    if (!(it.spans || []).length) {
      const n = negBySource.get(src) || { items: 0, fa: 0 };
      n.items++; if (r.fps.length) n.fa++;
      negBySource.set(src, n);
    }
    if (o.misses && (r.missed.length || r.fps.length || r.tps.length))
      misses.push({ file: path.basename(file), idx, source: src, lang, text: it.text, missed: r.missed, false_positives: r.fps, found: r.tps });
  });
}

const rowsOf = (m) => {
  const rows = [];
  for (const t of NAMES) {
    const keys = [...m.keys()].filter((k) => k.startsWith(t + "\t")).sort();
    for (const k of keys) {
      const c = m.get(k);
      if (!c.truth && !c.tp && !c.fp) continue;
      const { P, R, F } = prf(c);
      rows.push([t, k.split("\t")[1], c.truth, c.tp, c.fp, f3(P), f3(R), f3(F)]);
      results.groups[k] = { ...c, P, R, F1: F };
    }
  }
  return rows;
};
const H = ["type", "group", "truth", "tpF", "fpF", "P", "R", "F1"];
table("per type and source (truth=spans; tpF/fpF=findings)", H, rowsOf(bySource));
table("per type and language (lang '-' = pii_dev.jsonl, no lang field)", H, rowsOf(byLang));
table("per type, all items", H, rowsOf(total));
const ps = prf(presidio);
let negItems = 0, negFa = 0;
const negRows = [...negBySource].sort().map(([s, n]) => { negItems += n.items; negFa += n.fa; return [s, "", n.items, n.fa, (100 * n.fa / n.items).toFixed(2) + "%"]; });
negRows.push(["all", "", negItems, negFa, (100 * negFa / Math.max(1, negItems)).toFixed(2) + "%"]);
table("false alarms on span-less items (a finding of an annotated type)", ["source", "", "items", "false alarm", "rate"], negRows);
console.log(`\nstructured types, presidio_recognizer_tests: truth ${presidio.truth} P ${f3(ps.P)} R ${f3(ps.R)} micro-F1 ${f3(ps.F)}`);
results.guards = { presidio_structured: { ...presidio, ...ps }, spanless: { items: negItems, false_alarms: negFa, rate: negFa / Math.max(1, negItems) } };
const tot = (t) => prf(total.get(`${t}\tall`) || { truth: 0, found: 0, tp: 0, fp: 0 });
console.log(
  "summary: " + ["PERSON", "LOCATION", "ORGANIZATION"].map((t) => { const x = tot(t); return `${t} P ${f3(x.P)} R ${f3(x.R)}`; }).join(" | ") +
  ` | presidio structured F1 ${f3(ps.F)} | span-less FA ${(100 * negFa / Math.max(1, negItems)).toFixed(2)}%`,
);
if (o.json) fs.writeFileSync(o.json, JSON.stringify(results, null, 1));
if (o.misses) fs.writeFileSync(o.misses, misses.map((x) => JSON.stringify(x)).join("\n") + "\n");
