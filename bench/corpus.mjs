// A generated chat-prompt corpus for bench/side-by-side.mjs: the same
// prompts on every run and every machine (fixed seed, own PRNG, no
// Math.random, no locale or clock). Prose written for this file; the names,
// domains and numbers are synthetic (reserved example domains, 555 phone
// numbers, card test numbers with a valid Luhn digit, private IP ranges).
//
//   node bench/corpus.mjs [--count N] [--seed S]   prints a summary and the sha256

import { createHash } from "node:crypto";

/** mulberry32: a small 32-bit PRNG, deterministic for a given seed. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Ana", "Bob", "Chen", "Dmitri", "Elena", "Farah", "George", "Hana", "Ivan", "Julia",
  "Kwame", "Laura", "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Samuel", "Tomoko",
  "Ulrich", "Valeria", "William", "Ximena", "Yusuf", "Zoe", "Maria", "James", "Sofia", "Daniel"];
const LAST = ["Lopez", "Smith", "Wang", "Ivanova", "Rossi", "Khan", "Miller", "Sato", "Petrov",
  "Schneider", "Mensah", "Garcia", "Nguyen", "Okafor", "Fischer", "Haddad", "Martin", "Kowalski",
  "Johnson", "Brown", "Silva", "Dubois", "Andersen", "Moreau", "Tanaka", "Wilson"];
const DOMAINS = ["example.com", "example.org", "example.net", "mail.example.com", "corp.example.org"];
const TOPICS = ["the quarterly report", "our onboarding checklist", "the release notes",
  "a customer complaint", "the migration plan", "my cover letter", "the SQL query below",
  "the travel itinerary", "this support ticket", "the meeting minutes", "a product description",
  "the budget spreadsheet", "an apology email", "the incident summary", "the test plan"];
const ASKS = ["Can you summarize", "Please rewrite", "Help me draft a reply about",
  "Translate into plain English", "Make a short bullet list from", "Check the tone of",
  "Suggest three titles for", "Find the mistakes in", "Explain in simple words",
  "Turn into a polite message"];
const FILLER = [
  "It needs to be friendly but firm, and no longer than one paragraph.",
  "We talked about this last week and nobody remembers the details.",
  "The deadline moved to Friday, so keep it short.",
  "I pasted the relevant part below; ignore the signature.",
  "The tone should suit a manager who reads on a phone.",
  "There were three open questions and two of them are answered now.",
  "Please keep the numbers as they are, they were checked twice.",
  "Thanks a lot, this saves me an hour of back and forth.",
  "The previous version was too long and a bit repetitive.",
  "Our team lead wants it before the stand-up tomorrow morning.",
  "Make sure the action items are at the end, each with an owner.",
  "If something is unclear, say so instead of guessing.",
];

/** One synthetic PII value of each kind. */
function makers(r) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  const digits = (n) => Array.from({ length: n }, () => Math.floor(r() * 10)).join("");
  const name = () => `${pick(FIRST)} ${pick(LAST)}`;
  const luhn = (body) => {
    let sum = 0;
    for (let i = 0; i < body.length; i++) {
      let d = Number(body[body.length - 1 - i]);
      if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
      sum += d;
    }
    return body + String((10 - (sum % 10)) % 10);
  };
  return {
    name,
    email: () => {
      const f = pick(FIRST).toLowerCase();
      const l = pick(LAST).toLowerCase();
      return `${pick([`${f}.${l}`, `${f}${Math.floor(r() * 100)}`, `${f[0]}${l}`])}@${pick(DOMAINS)}`;
    },
    phone: () => {
      const n = `${200 + Math.floor(r() * 700)}`;
      const line = `01${digits(2)}`;
      return pick([`(${n}) 555-${line}`, `+1 ${n} 555 ${line}`, `${n}-555-${line}`, `${n}.555.${line}`]);
    },
    card: () => {
      const body = pick(["4", "51", "37", "6011"]);
      const len = body === "37" ? 15 : 16;
      const num = luhn(body + digits(len - body.length - 1));
      return r() < 0.5 ? num : num.replace(/(\d{4})(?=\d)/g, "$1 ");
    },
    ip: () => pick([
      `10.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${1 + Math.floor(r() * 254)}`,
      `192.168.${Math.floor(r() * 256)}.${1 + Math.floor(r() * 254)}`,
    ]),
  };
}

/** Sentences that carry one PII value each. */
function piiSentence(r, m) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  const forms = [
    () => `My colleague ${m.name()} will join the call.`,
    () => `You can reach me at ${m.email()} if anything is missing.`,
    () => `Send the signed copy to ${m.email()} and cc ${m.name()}.`,
    () => `Call ${m.name()} on ${m.phone()} before noon.`,
    () => `Her mobile is ${m.phone()}, but she prefers email.`,
    () => `The refund went to card ${m.card()} last Tuesday.`,
    () => `Charge ${m.card()} for the renewal, same as last year.`,
    () => `The server at ${m.ip()} keeps timing out.`,
    () => `Requests from ${m.ip()} were blocked by the firewall.`,
    () => `Dear ${m.name()}, thank you for your patience.`,
  ];
  return pick(forms)();
}

/** `count` prompts of 50 to 1,000 characters, the same for a given seed. */
export function corpus({ count = 2000, seed = 20261205 } = {}) {
  const r = prng(seed);
  const m = makers(r);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const out = [];
  for (let i = 0; i < count; i++) {
    // Lengths spread over 50..1000, more short prompts than long ones.
    const target = 50 + Math.floor(950 * r() * r());
    let s = `${pick(ASKS)} ${pick(TOPICS)}?`;
    while (s.length < target) {
      s += " " + (r() < 0.35 ? piiSentence(r, m) : pick(FILLER));
    }
    if (s.length > 1000) s = s.slice(0, 1000);
    out.push(s);
  }
  return out;
}

/** sha256 of the corpus (prompts joined with "\n"), to show it is unchanged. */
export function corpusHash(prompts) {
  return createHash("sha256").update(prompts.join("\n")).digest("hex");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (k, d) => {
    const i = process.argv.indexOf(k);
    return i > 0 ? Number(process.argv[i + 1]) : d;
  };
  const p = corpus({ count: arg("--count", 2000), seed: arg("--seed", 20261205) });
  const bytes = p.reduce((n, s) => n + Buffer.byteLength(s), 0);
  const lens = p.map((s) => s.length).sort((a, b) => a - b);
  console.log(`${p.length} prompts, ${bytes} bytes, length min ${lens[0]} median ${lens[lens.length >> 1]} max ${lens.at(-1)}`);
  console.log(`sha256 ${corpusHash(p)}`);
  console.log(p.slice(0, 3).join("\n---\n"));
}
