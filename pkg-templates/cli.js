#!/usr/bin/env node
// promptfence command-line scanner: screens files, directories or stdin
// with the same wasm engine as the library. No dependencies. Input is
// streamed: plain text is screened in chunks of at most 64 KiB cut on line
// boundaries, JSONL one line at a time, so memory stays bounded whatever
// the input size. `promptfence --help` lists the options.
import fs from "node:fs";
import path from "node:path";
import { ready, PromptFilter, detectorTypes } from "./node.js";

const HELP = `promptfence: a prompt firewall on the command line

Usage:
  promptfence scan [options] [FILE|DIR|-]...   screen files, directories (recursive) or stdin (-)
  promptfence --types [--json]                 list every built-in detector type by family
  promptfence --help | --version

With no paths, scan reads piped stdin. Plain text is screened in chunks of at
most 64 KiB cut on line boundaries; with --field the input is JSONL, one item a
line. Findings are listed on stdout (FILE:LINE:COL: kind TYPE action), the
summary (counts by type, verdicts, time) goes to stderr.

Options:
  --policy FILE        policy JSON (see the package README); a bad policy is an error with its key path
  --field PATH         JSONL: screen the string(s) at PATH in each line: text, a.b, messages[].content,
                       items[0].body ([] walks an array; content-part arrays [{type:"text",text}] are read too)
  --as MODE            prompt (default), response, or context from a source: tool, function, web, email,
                       document, retrieval, other; auto (JSONL chat logs): by the message's role, user and
                       system as prompt, assistant as response, tool/function as context
  --json               one JSON result per item (JSONL line, or text chunk) on stdout: file, line, verdict,
                       risk, the screened text and findings (offsets relative to the item; "line" per finding)
  --redact             write the screened text (JSONL: each line with the field(s) replaced) to stdout
  --fail-on LEVEL      exit 1 if any item is at LEVEL or worse: block, redact (redact or block),
                       flag (anything flagged, redacted or blocked)
  --quiet, -q          no findings listing, no summary
  --no-progress        no progress line (it shows only when stderr is a terminal)
  --types              list the detector types

Exit status: 0 done, 1 --fail-on matched, 2 bad usage or input (missing file, bad JSON, bad policy).
Output never contains a detected value: the listing and summary give types and positions, --json and
--redact give the screened text.`;

const CHUNK = 64 * 1024;
const READ_SIZE = 1 << 20;
const MAX_LINE = 64 << 20;
const RENEW_ITEMS = 1000;
const RENEW_CHARS = 8 << 20;
const BLOCKED = "[BLOCKED]";
const SOURCES = ["tool", "function", "web", "email", "document", "retrieval", "other"];
const LEVELS = ["block", "redact", "flag"];

class UsageError extends Error {}

function fail(message) {
  throw new UsageError(message);
}

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const o = { paths: [], json: false, redact: false, quiet: false, progress: true, as: "prompt" };
  let command = null;
  const takes = new Set(["--policy", "--field", "--as", "--fail-on"]);
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let value;
    if (a.startsWith("--") && a.includes("=")) {
      value = a.slice(a.indexOf("=") + 1);
      a = a.slice(0, a.indexOf("="));
    }
    if (takes.has(a) && value === undefined) {
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      value = argv[++i];
    }
    switch (a) {
      case "--policy": o.policy = value; break;
      case "--field": o.field = value; break;
      case "--as": o.as = value; break;
      case "--fail-on": o.failOn = value; break;
      case "--json": o.json = true; break;
      case "--redact": o.redact = true; break;
      case "--quiet": case "-q": o.quiet = true; break;
      case "--no-progress": o.progress = false; break;
      case "--types": o.types = true; break;
      case "--help": case "-h": o.help = true; break;
      case "--version": case "-V": o.version = true; break;
      case "--": o.paths.push(...argv.slice(i + 1)); i = argv.length; break;
      default:
        if (a !== "-" && a.startsWith("-")) fail(`unknown option ${a} (see promptfence --help)`);
        if (command === null && o.paths.length === 0 && a === "scan") command = "scan";
        else if (command === null) fail(`unknown command ${JSON.stringify(a)} (see promptfence --help)`);
        else o.paths.push(a);
    }
  }
  o.command = command;
  if (o.failOn !== undefined && !LEVELS.includes(o.failOn)) {
    fail(`--fail-on must be one of ${LEVELS.join(", ")}, not ${JSON.stringify(o.failOn)}`);
  }
  if (o.as !== "prompt" && o.as !== "response" && o.as !== "auto" && !SOURCES.includes(o.as)) {
    fail(`--as must be prompt, response, auto or one of ${SOURCES.join(", ")}, not ${JSON.stringify(o.as)}`);
  }
  if (o.json && o.redact) fail("--json and --redact both write to stdout: choose one");
  if (o.field !== undefined) o.fieldPath = parseField(o.field);
  return o;
}

/** Parses a field path (`a.b`, `messages[].content`, `x[2].y`) into steps:
 * strings are keys, numbers indices, "*" every element of an array. */
function parseField(spec) {
  const steps = [];
  let i = 0;
  const bad = (why) => fail(`bad --field ${JSON.stringify(spec)}: ${why}`);
  if (!spec) bad("empty");
  while (i < spec.length) {
    if (spec[i] === "[") {
      const close = spec.indexOf("]", i);
      if (close < 0) bad("unclosed [");
      const inner = spec.slice(i + 1, close);
      if (inner === "") steps.push("*");
      else if (/^\d+$/.test(inner)) steps.push(Number(inner));
      else bad(`[${inner}] is not [] or [N]`);
      i = close + 1;
      if (i < spec.length && spec[i] !== "." && spec[i] !== "[") bad(`expected . or [ after ]`);
      if (spec[i] === ".") {
        i++;
        if (i >= spec.length) bad("ends with .");
      }
      continue;
    }
    let j = i;
    while (j < spec.length && spec[j] !== "." && spec[j] !== "[") j++;
    if (j === i) bad("empty key");
    steps.push(spec.slice(i, j));
    i = j;
    if (spec[i] === ".") {
      i++;
      if (i >= spec.length) bad("ends with .");
    }
  }
  return steps;
}

/** The strings at `steps` in `value`: [{ holder, key, where, role }]
 * where holder[key] is the string, `where` its concrete path and `role`
 * the `role` of the nearest object around it (chat messages). Arrays of
 * content parts ({ type: "text", text }) at the end count as strings. */
function collect(value, steps, i, where, out, holder, key, role) {
  if (i === steps.length) {
    if (typeof value === "string") out.push({ holder, key, where, role });
    else if (Array.isArray(value)) {
      value.forEach((p, n) => {
        if (p && typeof p === "object" && typeof p.text === "string" && (p.type === undefined || p.type === "text")) {
          out.push({ holder: p, key: "text", where: `${where}[${n}].text`, role });
        }
      });
    }
    return;
  }
  const s = steps[i];
  if (s === "*") {
    if (!Array.isArray(value)) return;
    value.forEach((v, n) => collect(v, steps, i + 1, `${where}[${n}]`, out, value, n, role));
  } else if (typeof s === "number") {
    if (Array.isArray(value) && s < value.length) collect(value[s], steps, i + 1, `${where}[${s}]`, out, value, s, role);
  } else if (value && typeof value === "object" && !Array.isArray(value) && Object.hasOwn(value, s)) {
    const inner = typeof value.role === "string" ? value.role : role;
    collect(value[s], steps, i + 1, where ? `${where}.${s}` : s, out, value, s, inner);
  }
}

/** --as auto: how a chat message is screened, by its role (as
 * screenMessages does, and assistant turns as responses). */
function modeForRole(role) {
  if (role === "assistant") return "response";
  if (role === "tool" || role === "function") return role;
  return "prompt";
}

// ---------------------------------------------------------------- inputs

/** Expands the command-line paths into [{ name, file|null }] (null: stdin),
 * failing before any output on a path that does not exist. Directories are
 * walked recursively in name order, skipping hidden entries,
 * node_modules and symbolic links (a path given by name is followed). */
function expandPaths(paths) {
  const out = [];
  if (paths.length === 0 && process.stdin.isTTY) {
    fail("nothing to scan: give FILE, DIR or - (stdin), or pipe text in");
  }
  const list = paths.length ? paths : ["-"];
  for (const p of list) {
    if (p === "-") {
      out.push({ name: "<stdin>", file: null, size: null });
      continue;
    }
    let st;
    try {
      st = fs.statSync(p);
    } catch (e) {
      fail(e.code === "ENOENT" ? `no such file or directory: ${p}` : `cannot read ${p}: ${e.code || e.message}`);
    }
    if (st.isDirectory()) walk(p, out);
    else out.push({ name: p, file: p, size: st.size });
  }
  return out;
}

function walk(dir, out) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    fail(`cannot read directory ${dir}: ${e.code || e.message}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push({ name: p, file: p, size: fs.statSync(p).size });
  }
}

function openInput(input) {
  if (input.file === null) return process.stdin;
  return fs.createReadStream(input.file, { highWaterMark: READ_SIZE });
}

/** Byte chunks of at most `max` bytes, cut after a newline when the window
 * has one, else on a UTF-8 character boundary. Each chunk keeps its
 * newline, so the chunks joined are the input. */
async function* textChunks(stream, max) {
  let carry = null;
  for await (const data of stream) {
    const buf = carry ? Buffer.concat([carry, data]) : data;
    let start = 0;
    while (buf.length - start >= max) {
      const end = start + max;
      let cut = buf.lastIndexOf(10, end - 1);
      if (cut < start) {
        cut = end;
        while (cut > start && (buf[cut] & 0xc0) === 0x80) cut--;
        if (cut === start) cut = end;
      } else {
        cut += 1;
      }
      yield buf.subarray(start, cut);
      start = cut;
    }
    carry = start < buf.length ? Buffer.from(buf.subarray(start)) : null;
  }
  if (carry) yield carry;
}

/** The lines of a byte stream, each with its newline (the last may have
 * none). */
async function* byteLines(stream, name) {
  let carry = null;
  let lineNo = 0;
  for await (const data of stream) {
    const buf = carry ? Buffer.concat([carry, data]) : data;
    let start = 0;
    let nl;
    while ((nl = buf.indexOf(10, start)) !== -1) {
      lineNo++;
      yield buf.subarray(start, nl + 1);
      start = nl + 1;
    }
    carry = start < buf.length ? Buffer.from(buf.subarray(start)) : null;
    if (carry && carry.length > MAX_LINE) {
      fail(`${name}:${lineNo + 1}: line longer than ${MAX_LINE >> 20} MiB`);
    }
  }
  if (carry) yield carry;
}

// ---------------------------------------------------------------- output

const out = {
  /** Writes to stdout, waiting for a slow reader (bounded memory). */
  async write(s) {
    if (!process.stdout.write(s)) {
      await new Promise((resolve) => process.stdout.once("drain", resolve));
    }
  },
};

/** Decimal units, like the MB/s figure. */
function fmtBytes(n) {
  if (n < 1e3) return `${n} B`;
  if (n < 1e6) return `${(n / 1e3).toFixed(1)} KB`;
  if (n < 1e9) return `${(n / 1e6).toFixed(1)} MB`;
  return `${(n / 1e9).toFixed(2)} GB`;
}

function fmtTime(s) {
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
}

class Progress {
  constructor(enabled, total) {
    this.enabled = enabled;
    this.total = total;
    this.t0 = performance.now();
    this.last = 0;
    this.shown = false;
  }

  tick(stats) {
    if (!this.enabled) return;
    const now = performance.now();
    // Only for inputs that take a while, and at most 5 times a second.
    if (now - this.t0 < 500 || now - this.last < 200) return;
    this.last = now;
    const secs = (now - this.t0) / 1000;
    const rate = stats.bytes / secs;
    let line = `${fmtBytes(stats.bytes)}`;
    if (this.total) line += ` / ${fmtBytes(this.total)}`;
    line += `  ${stats.items.toLocaleString("en-US")} items  ${(rate / 1e6).toFixed(1)} MB/s`;
    if (this.total && rate > 0) line += `  ETA ${fmtTime(Math.max(0, this.total - stats.bytes) / rate)}`;
    process.stderr.write(`\r\x1b[K${line}`);
    this.shown = true;
  }

  clear() {
    if (this.shown) process.stderr.write("\r\x1b[K");
  }
}

// ---------------------------------------------------------------- screening

/** A JSON.parse error without the text it quotes (V8 quotes the input,
 * which may hold the very values being screened). */
function jsonError(e) {
  return String(e.message).replace(/, ".*" is not valid JSON$/s, "").replace(/^Unexpected token '(.)'$/s, "unexpected character")
    .replace(/ in JSON at position (\d+).*$/s, (_, n) => ` at column ${Number(n) + 1}`);
}

function loadPolicy(file) {
  if (file === undefined) return undefined;
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    fail(e.code === "ENOENT" ? `no such policy file: ${file}` : `cannot read policy ${file}: ${e.code || e.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    fail(`policy ${file} is not valid JSON: ${jsonError(e)}`);
  }
}

function makeFilter(policy, file) {
  try {
    return new PromptFilter(policy);
  } catch (e) {
    if (e && (e.name === "PolicyError" || e.name === "LimitError")) {
      fail(`bad policy ${file}${e.path ? ` at ${e.path}` : ""}: ${e.message}`);
    }
    throw e;
  }
}

const RANK = { allow: 0, redact: 1, block: 2 };

class Scanner {
  constructor(opts, policy) {
    this.opts = opts;
    this.policy = policy;
    this.stats = {
      files: 0, items: 0, bytes: 0, empty: 0, binary: 0,
      verdicts: { allow: 0, redact: 0, block: 0 }, flagged: 0, types: new Map(),
    };
    this.failed = false;
    this.human = !opts.json && !opts.redact && !opts.quiet;
    this.filter = makeFilter(policy, opts.policy);
    this.batchItems = 0;
    this.batchChars = 0;
  }

  /** Screens one text. Compiling a filter takes tens of ms, so one filter
   * screens a batch of items; it is renewed every RENEW_ITEMS items or
   * RENEW_CHARS characters so its pseudonym vault (and memory) stays
   * bounded. Pseudonym numbers ([EMAIL_3]) run on within a batch. */
  screen(text, mode = this.opts.as === "auto" ? "prompt" : this.opts.as) {
    if (!this.filter || this.batchItems >= RENEW_ITEMS || this.batchChars >= RENEW_CHARS) {
      this.filter?.free();
      this.filter = new PromptFilter(this.policy);
      this.batchItems = 0;
      this.batchChars = 0;
    }
    this.batchItems++;
    this.batchChars += text.length;
    const f = this.filter;
    if (mode === "prompt") return f.screenPrompt(text);
    if (mode === "response") return f.screenResponse(text);
    return f.screenContext(text, { source: mode });
  }

  /** --redact of a blocked chunk: a blocked text has nothing to send, but
   * one bad line should not take the chunk's other lines with it. Each
   * line is screened on its own; lines that block become a marker. If no
   * single line blocks (the reason spans lines), the whole chunk does.
   * Markers keep their newlines, so line numbers still match. */
  redactBlocked(text) {
    const lines = text.split(/(?<=\n)/);
    const marker = (s) => BLOCKED + "\n".repeat((s.match(/\n/g) || []).length);
    const results = lines.map((l) => this.screen(l));
    if (!results.some((r) => r.verdict === "block")) return marker(text);
    return results.map((r, i) => (r.verdict === "block" ? marker(lines[i]) : r.text)).join("");
  }

  account(result) {
    const s = this.stats;
    s.items++;
    s.verdicts[result.verdict]++;
    const flagged = result.findings.some((f) => f.action === "flag");
    if (flagged) s.flagged++;
    for (const f of result.findings) s.types.set(f.type, (s.types.get(f.type) || 0) + 1);
    const level = this.opts.failOn;
    if (level && !this.failed) {
      if (level === "block") this.failed = result.verdict === "block";
      else if (level === "redact") this.failed = RANK[result.verdict] >= 1;
      else this.failed = RANK[result.verdict] >= 1 || flagged;
    }
  }

  /** The findings listing: `FILE:LINE[:COL]: [FIELD [START,END): ]kind
   * TYPE action (rule, score)`; never the detected text. */
  async listFindings(name, field, findings, posOf, spanOf = () => "") {
    if (!this.human || findings.length === 0) return;
    let s = "";
    for (const [i, f] of findings.entries()) {
      const where = field ? `${field}${spanOf(f)}: ` : "";
      s += `${name}:${posOf(f, i)}: ${where}${f.kind} ${f.type} ${f.action} (rule ${f.rule}, score ${Number(f.score).toFixed(2)})\n`;
    }
    await out.write(s);
  }

  async scanText(input, stream, progress) {
    const decoder = new TextDecoder("utf-8");
    let line = 1;
    let first = true;
    for await (const bytes of textChunks(stream, CHUNK)) {
      this.stats.bytes += bytes.length;
      if (first) {
        first = false;
        if (bytes.subarray(0, 8192).includes(0)) {
          this.stats.binary++;
          if (this.human) process.stderr.write(`${input.name}: skipped (binary)\n`);
          return;
        }
      }
      const text = decoder.decode(bytes);
      const r = this.screen(text);
      this.account(r);
      const startLine = line;
      // Line and column (1-based, UTF-16) of each finding, in one pass.
      const order = r.findings.map((f, i) => [f.start, i]).sort((a, b) => a[0] - b[0]);
      const pos = new Array(r.findings.length);
      let at = 0;
      let ln = startLine;
      let lineStart = 0;
      for (const [start, i] of order) {
        for (; at < start; at++) {
          if (text.charCodeAt(at) === 10) {
            ln++;
            lineStart = at + 1;
          }
        }
        pos[i] = [ln, start - lineStart + 1];
      }
      for (let k = text.indexOf("\n"); k !== -1; k = text.indexOf("\n", k + 1)) line++;
      if (this.opts.json) {
        const findings = r.findings.map((f, i) => ({ ...f, line: pos[i][0], column: pos[i][1] }));
        await out.write(JSON.stringify({ file: input.name, line: startLine, verdict: r.verdict, risk: r.risk, text: r.text, findings }) + "\n");
      } else if (this.opts.redact) {
        await out.write(r.verdict === "block" ? this.redactBlocked(text) : r.text);
      } else {
        await this.listFindings(input.name, "", r.findings, (f, i) => `${pos[i][0]}:${pos[i][1]}`);
      }
      progress.tick(this.stats);
    }
  }

  async scanJsonl(input, stream, progress) {
    const decoder = new TextDecoder("utf-8");
    let lineNo = 0;
    for await (const bytes of byteLines(stream, input.name)) {
      lineNo++;
      this.stats.bytes += bytes.length;
      const raw = decoder.decode(bytes);
      if (raw.trim() === "") {
        if (this.opts.redact) await out.write(raw);
        continue;
      }
      let value;
      try {
        value = JSON.parse(raw);
      } catch (e) {
        fail(`${input.name}:${lineNo}: bad JSON: ${jsonError(e)}`);
      }
      const slots = [];
      collect(value, this.opts.fieldPath, 0, "", slots, null, null, undefined);
      if (slots.length === 0) this.stats.empty++;
      let changed = false;
      for (const slot of slots) {
        const r = this.opts.as === "auto"
          ? this.screen(slot.holder[slot.key], modeForRole(slot.role))
          : this.screen(slot.holder[slot.key]);
        this.account(r);
        if (this.opts.json) {
          await out.write(JSON.stringify({ file: input.name, line: lineNo, field: slot.where, role: slot.role, verdict: r.verdict, risk: r.risk, text: r.text, findings: r.findings }) + "\n");
        } else if (this.opts.redact) {
          if (r.text !== slot.holder[slot.key]) {
            slot.holder[slot.key] = r.text;
            changed = true;
          }
        } else {
          await this.listFindings(input.name, slot.where, r.findings, () => `${lineNo}`, (f) => ` [${f.start},${f.end})`);
        }
      }
      // A line with nothing to change is written as it came.
      if (this.opts.redact) await out.write(changed ? JSON.stringify(value) + "\n" : raw.endsWith("\n") ? raw : raw + "\n");
      progress.tick(this.stats);
    }
  }

  async run(inputs) {
    const total = inputs.every((i) => i.size !== null) ? inputs.reduce((a, i) => a + i.size, 0) : null;
    const progress = new Progress(this.opts.progress && !this.opts.quiet && process.stderr.isTTY === true, total);
    const t0 = performance.now();
    try {
      for (const input of inputs) {
        this.stats.files++;
        const stream = openInput(input);
        try {
          if (this.opts.fieldPath) await this.scanJsonl(input, stream, progress);
          else await this.scanText(input, stream, progress);
        } catch (e) {
          if (e && e.code && !(e instanceof UsageError)) fail(`cannot read ${input.name}: ${e.code}`);
          throw e;
        } finally {
          if (input.file !== null) stream.destroy();
        }
      }
    } finally {
      progress.clear();
    }
    this.seconds = (performance.now() - t0) / 1000;
  }

  summary() {
    const s = this.stats;
    const secs = this.seconds;
    const lines = [];
    const mbs = secs > 0 ? (s.bytes / 1e6 / secs).toFixed(1) : "-";
    lines.push(`promptfence: ${s.files} input${s.files === 1 ? "" : "s"}, ${s.items.toLocaleString("en-US")} items, ${fmtBytes(s.bytes)} in ${secs.toFixed(2)}s (${mbs} MB/s)`);
    lines.push(`verdicts: allow ${s.verdicts.allow}, redact ${s.verdicts.redact}, block ${s.verdicts.block}; flagged ${s.flagged}`);
    const types = [...s.types].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    lines.push(`findings by type: ${types.length ? types.map(([t, n]) => `${t} ${n}`).join(", ") : "none"}`);
    if (s.empty) lines.push(`note: ${s.empty} line${s.empty === 1 ? "" : "s"} had no string at --field ${this.opts.field}`);
    if (s.binary) lines.push(`note: ${s.binary} binary file${s.binary === 1 ? "" : "s"} skipped`);
    if (this.opts.failOn) lines.push(`--fail-on ${this.opts.failOn}: ${this.failed ? "matched (exit 1)" : "no match"}`);
    return lines.join("\n") + "\n";
  }
}

function listTypes(json) {
  if (json) return JSON.stringify(detectorTypes) + "\n";
  let s = "";
  for (const [kind, list] of Object.entries(detectorTypes)) {
    s += `# ${kind} (${list.length})\n`;
    for (const t of list) s += `${kind}\t${t}\n`;
  }
  return s;
}

async function main(argv) {
  // `promptfence scan … | head`: a closed pipe ends the scan quietly.
  process.stdout.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  const o = parseArgs(argv);
  if (o.help || (argv.length === 0)) {
    process.stdout.write(HELP + "\n");
    return 0;
  }
  if (o.version) {
    const pj = JSON.parse(fs.readFileSync(new URL("./package.json", import.meta.url), "utf8"));
    process.stdout.write(`promptfence ${pj.version}\n`);
    return 0;
  }
  if (o.types) {
    process.stdout.write(listTypes(o.json));
    return 0;
  }
  if (o.command !== "scan") fail("missing command: promptfence scan [FILE|DIR|-]... (see promptfence --help)");
  const policy = loadPolicy(o.policy);
  const inputs = expandPaths(o.paths);
  await ready();
  const scanner = new Scanner(o, policy);
  await scanner.run(inputs);
  if (!o.quiet) process.stderr.write(scanner.summary());
  return scanner.failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => {
    if (e instanceof UsageError) {
      process.stderr.write(`promptfence: ${e.message}\n`);
    } else {
      process.stderr.write(`promptfence: internal error: ${e && e.stack ? e.stack : e}\n`);
    }
    process.exitCode = 2;
  },
);
