#!/usr/bin/env node
// eval-secrets.mjs: SECRET recall and precision per source on the shared dev
// PII files, and false alarms on the span-less secret negatives (the "Done
// when" figures of issue 15).
//
//   node scripts/eval-secrets.mjs [--pkg pkg | --native] [--misses OUT.jsonl]
//        [--json OUT.json] [--files A.jsonl,B.jsonl] [--part seen|held]
//        [--families] [--rules] [--conflicts] [--tradeoff]
//        [--policy JSON]
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
// --families also prints the false alarms (span-less items) by the family
// of the rule that raised them, and the missed spans by the shape of the
// missed value (counts only, no text): the per-family table of a closing
// note, safe to print for the held part.
// --rules prints per rule id its findings that overlap a truth span (tp),
// those that do not (fp) and the span-less items it raised a false alarm
// in (counts only): which rules earn their false alarms.
// --conflicts prints, for the span-less items with a false alarm, how many
// hold a flagged value that is labelled SECRET in another item (and how
// many truth spans share those values), and the fewest truth spans a
// detector would give up to bring false alarms to 2% by dropping the
// alarms that cost least (counts only): how far the FA target and the
// labels agree.
// --tradeoff prints what the FA target would cost with the two knobs a
// user has (counts only): the secrets `minScore` (R, P and FA at each
// finding score), and `disabledRules` (rules dropped one at a time, the
// one losing the fewest found spans per alarm removed first, until false
// alarms are at 2% of the span-less items). The minScore table leaves
// findings out of this run's; with --pkg each rule dropped is screened
// again with the policy (a disabled rule can let an overlapping finding
// of another rule stand), with --native its findings are only left out.
// --policy JSON screens with that policy (--pkg only), e.g.
// '{"secrets":{"disabledRules":["jwt"]}}'.
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
    families: { type: "boolean", default: false },
    rules: { type: "boolean", default: false },
    conflicts: { type: "boolean", default: false },
    tradeoff: { type: "boolean", default: false },
    policy: { type: "string" },
  },
});
const files = o.files ? o.files.split(",") : ["pii_dev.jsonl", "pii_extra.jsonl"].map((f) => path.join(SHARED, "corpus", "dev", f));
requireFiles(files, "eval-secrets");
if (o.policy && o.native) { console.error("--policy needs --pkg"); process.exit(2); }
const policy = o.policy ? JSON.parse(o.policy) : undefined;

const held = (it) => BigInt("0x" + crypto.createHash("md5").update(it.text).digest("hex")) % 5n === 0n;
const inPart = (it) => !o.part || (o.part === "held") === held(it);
const isSecretItem = (it) => (it.annotated_types || []).includes("SECRET") && inPart(it);

// Rule id -> validator and template, read from the rule data.
const RULES = new Map();
{
  let id = null;
  const src = path.join(ROOT, "src", "rules", "secrets.rules");
  for (const l of fs.existsSync(src) ? fs.readFileSync(src, "utf8").split("\n") : []) {
    if (l.startsWith("[")) { id = l.slice(1, -1); RULES.set(id, {}); }
    else if (id && /^(validator|template|part_of) /.test(l)) RULES.get(id)[l.split(" ")[0]] = l.slice(l.indexOf(" ") + 1);
  }
}
// The family of the rule that raised a false alarm.
function ruleFamily(id) {
  // Rows built from src/rules/secrets.vendors are not in secrets.rules.
  if (!RULES.has(id)) return "vendor table row (name + shape)";
  const r = RULES.get(id) || {};
  if (r.part_of) return "credential part (id, e-mail, host beside its secret)";
  if (/^generic-password(-quoted)?$|^(uri|url)-credentials$|connection|jdbc|netrc|npmrc|pypirc|docker-config|password-hash|private-key|authorization-/.test(id)) return "structure (password, URL, header, key file)";
  if (id.startsWith("generic-")) return "generic assignment";
  if (/webhook|-url$/.test(id)) return "webhook URL";
  if (id.startsWith("jwt")) return "JWT";
  if (r.template === "context") return "vendor name + value";
  if (r.validator === "prefixed") return "self-naming prefix";
  return "vendor shape (other)";
}
// The shape of a missed value.
function missShape(v) {
  if (/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(v)) return "email address";
  if (/^jdbc:/i.test(v)) return "JDBC URL without password";
  if (/^(https?:?|\/\/[\w.-]+|[\w-]+(\.[\w-]+)+)$/i.test(v)) return "host name or URL piece";
  if (/^eyJ/.test(v)) return "corrupted JWT";
  const a = v.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (/(.)\1{7}/.test(v) || /a1b2c3|1a2b3c|abcdefgh|12345678|fake|test|example/i.test(a)) return "typed placeholder";
  if (/[^A-Za-z0-9_\-.+\/=:~]/.test(v)) return "characters outside key alphabets";
  if (/^[0-9]+$/.test(v)) return "digits only (ids)";
  return "other";
}
const famFA = new Map(), famMiss = new Map(), perRule = new Map();
const bump = (m, k) => m.set(k, (m.get(k) || 0) + 1);

function scoreItem(item, findings) {
  const truth = (item.spans || []).filter((s) => s.type === "SECRET").map((s) => [s.start, s.end, s.subtype ?? s.rule ?? ""]);
  const map = u16ToCp(item.text);
  const fs_ = findings
    .filter((f) => String(f.kind ?? "").toLowerCase() === "secret")
    .map((f) => ({ rule: f.rule, type: f.type, score: f.score, cp: [map[f.start] ?? 0, map[f.end] ?? 0] }));
  const ov = (a, b) => a[0] < b[1] && b[0] < a[1];
  const c = { truth: truth.length, found: 0, tp: 0, fp: 0 };
  const missed = [], fps = [];
  for (const s of truth) {
    if (fs_.some((x) => ov(x.cp, s))) c.found++;
    else missed.push({ start: s[0], end: s[1], subtype: s[2] });
  }
  for (const x of fs_) {
    const r = perRule.get(x.rule) || { tp: 0, fp: 0, fa: 0 };
    perRule.set(x.rule, r);
    if (truth.some((s) => ov(x.cp, s))) { c.tp++; r.tp++; }
    else { c.fp++; r.fp++; fps.push({ start: x.cp[0], end: x.cp[1], rule: x.rule }); }
  }
  if (!truth.length) for (const id of new Set(fs_.map((x) => x.rule))) perRule.get(id).fa++;
  if (o.tradeoff) scored.push({ truth, fs: fs_ });
  return { c, missed, fps };
}
// For --tradeoff: each item's truth spans and findings, and the items.
const scored = [], tradeItems = [];

const f3 = (x) => (x === null || Number.isNaN(x) ? "-" : x.toFixed(3));
const prf = (c) => ({ P: c.tp + c.fp ? c.tp / (c.tp + c.fp) : null, R: c.truth ? c.found / c.truth : null });
const bySource = new Map(), all = { truth: 0, found: 0, tp: 0, fp: 0 };
const neg = new Map(), negAll = { items: 0, fa: 0 };
const misses = [];
// For --conflicts: every truth value, and the flagged values of each
// span-less item with a false alarm.
const truthValues = [], alarmValues = [];
for (const file of files) {
  const items = fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l)).filter(isSecretItem);
  const outs = await screenAll(items, { native: o.native, pkg: o.pkg, root: ROOT, policy });
  if (o.tradeoff) tradeItems.push(...items);
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
      // An item's false alarm is counted once, under its first finding's family.
      if (r.fps.length) bump(famFA, ruleFamily(r.fps[0].rule));
    }
    if (o.conflicts) {
      const cps = [...it.text];
      for (const s of it.spans || []) if (s.type === "SECRET") truthValues.push(cps.slice(s.start, s.end).join(""));
      if (!r.c.truth && r.fps.length) alarmValues.push(r.fps.map((x) => cps.slice(x.start, x.end).join("")));
    }
    for (const m of r.missed) bump(famMiss, missShape([...it.text].slice(m.start, m.end).join("")));
    if (o.misses && (r.missed.length || r.fps.length))
      misses.push({ file: path.basename(file), source: src, spans: r.c.truth, text: it.text, missed: r.missed, false_positives: r.fps });
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
if (o.families) {
  for (const [title, m] of [["false alarms (span-less items) by rule family", famFA], ["missed spans by value shape", famMiss]]) {
    console.log(`\n${title}:`);
    for (const [k, n] of [...m].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${k}`);
  }
}
if (o.rules) {
  console.log("\nper rule (findings overlapping a truth span, others, span-less items alarmed):");
  console.log("    tp    fp    fa  rule");
  for (const [id, r] of [...perRule].sort((a, b) => b[1].fp - a[1].fp || b[1].tp - a[1].tp || (a[0] < b[0] ? -1 : 1)))
    console.log(`${String(r.tp).padStart(6)}${String(r.fp).padStart(6)}${String(r.fa).padStart(6)}  ${id}`);
}
if (o.conflicts) {
  // A truth span shares a flagged value when it contains it, or (12+
  // chars) lies inside it.
  const shares = (vals) => truthValues.filter((t) => vals.some((v) => t.includes(v) || (t.length >= 12 && v.includes(t)))).length;
  const costs = alarmValues.map(shares).sort((a, b) => a - b);
  const labelled = costs.filter((c) => c > 0);
  const limit = Math.floor(0.02 * negAll.items);
  const drop = Math.max(0, costs.length - limit);
  const lost = costs.slice(0, drop).reduce((a, b) => a + b, 0);
  console.log(`\nfalse alarms whose value is labelled SECRET elsewhere: ${labelled.length} of ${costs.length} items (${labelled.reduce((a, b) => a + b, 0)} truth spans share those values)`);
  console.log(`to reach ${limit} false alarms (2%): give up ${drop} alarms, the cheapest of which cost ${lost} truth spans: R ${f3((all.found - lost) / all.truth)} at best`);
}
if (o.tradeoff) {
  const ov = (a, b) => a[0] < b[1] && b[0] < a[1];
  // An item's truth spans and secret findings, as scoreItem reads them.
  const toScored = (it, findings) => {
    const map = u16ToCp(it.text);
    return {
      truth: (it.spans || []).filter((s) => s.type === "SECRET").map((s) => [s.start, s.end]),
      fs: findings.filter((f) => String(f.kind ?? "").toLowerCase() === "secret")
        .map((f) => ({ rule: f.rule, score: f.score, cp: [map[f.start] ?? 0, map[f.end] ?? 0] })),
    };
  };
  // R, P and FA of `rows` when only the findings `keep` accepts are made.
  const tally = (rows, keep) => {
    const t = { truth: 0, found: 0, tp: 0, fp: 0, fa: 0 };
    for (const { truth, fs: all_ } of rows) {
      const k = all_.filter(keep);
      t.truth += truth.length;
      t.found += truth.filter((s) => k.some((x) => ov(x.cp, s))).length;
      for (const x of k) if (truth.some((s) => ov(x.cp, s))) t.tp++; else t.fp++;
      if (!truth.length && k.length) t.fa++;
    }
    return { ...t, ...prf(t) };
  };
  const limit = Math.floor(0.02 * negAll.items);
  const line = (t) => `R ${f3(t.R)} (${t.found}/${t.truth}) P ${f3(t.P)} FA ${t.fa}/${negAll.items}`;
  console.log(`\nsecrets minScore (findings below it left out):`);
  const scores = [...new Set(scored.flatMap((x) => x.fs.map((f) => Math.round(f.score * 1000) / 1000)))].sort((a, b) => a - b);
  let best = null;
  for (const th of scores) {
    const t = tally(scored, (f) => f.score >= th - 1e-6);
    console.log(`  ${th.toFixed(3)}  ${line(t)}`);
    if (!best && t.fa <= limit) best = [th, t];
  }
  console.log(best ? `  at FA <= ${limit} (2%): minScore ${best[0].toFixed(3)}, ${line(best[1])}` : `  FA ${limit} not reached`);
  // disabledRules: each step disables the rule that costs the fewest
  // found spans per false alarm removed. With a package, a candidate is
  // tried by screening again, with it disabled too, the items where it
  // made a finding (no other item can change: a rule only acts where it
  // matches), since another rule's finding may stand in its place; the
  // chosen list is then screened whole. Natively its findings are only
  // left out.
  console.log(`\ndisabledRules, one rule at a time until FA <= ${limit} (2%)${o.native ? " (findings left out, not screened again)" : ""}:`);
  const off = [];
  const pol = (ids) => ({ ...(policy || {}), secrets: { ...((policy || {}).secrets || {}), disabledRules: ids } });
  let rows = scored;
  let cur = tally(rows, () => true);
  const refused = new Set();
  while (cur.fa > limit) {
    const cands = [...new Set(rows.filter((x) => !x.truth.length).flatMap((x) => x.fs.map((f) => f.rule)))].filter((r) => !refused.has(r)).sort();
    let pick = null;
    for (const r of cands) {
      let t;
      if (o.native) t = tally(rows, (f) => f.rule !== r);
      else {
        const idx = rows.flatMap((x, k) => (x.fs.some((f) => f.rule === r) ? [k] : []));
        let outs;
        try { outs = await screenAll(idx.map((k) => tradeItems[k]), { pkg: o.pkg, root: ROOT, policy: pol([...off, r]) }); }
        catch { refused.add(r); continue; } // not a rule id: a tenant row, which stands with its vendor's key
        const next = rows.slice();
        idx.forEach((k, n) => { next[k] = toScored(tradeItems[k], outs[n] || []); });
        t = tally(next, () => true);
      }
      const gain = cur.fa - t.fa, loss = cur.found - t.found;
      if (gain <= 0) continue;
      if (!pick || loss / gain < pick.cost || (loss / gain === pick.cost && gain > pick.gain)) pick = { r, t, gain, cost: loss / gain };
    }
    if (!pick) { console.log("  no rule left that removes an alarm"); break; }
    off.push(pick.r);
    if (o.native) rows = rows.map((x) => ({ ...x, fs: x.fs.filter((f) => f.rule !== pick.r) }));
    else {
      const outs = await screenAll(tradeItems, { pkg: o.pkg, root: ROOT, policy: pol([...off]) });
      rows = tradeItems.map((it, k) => toScored(it, outs[k] || []));
    }
    cur = tally(rows, () => true);
    console.log(`  - ${pick.r.padEnd(28)} ${line(cur)}`);
  }
  console.log(`  policy: '${JSON.stringify({ secrets: { disabledRules: off } })}'`);
}
if (o.json) fs.writeFileSync(o.json, JSON.stringify(results, null, 1));
if (o.misses) fs.writeFileSync(o.misses, misses.map((x) => JSON.stringify(x)).join("\n") + "\n");
