// The public JS surface shared by every entry point. The wasm-bindgen
// classes do the work; this file adds what is pure JS (Web streams) and
// the "used before ready()" error.
import * as wasm from "./wasm/promptfence.js";

let initialized = false;

/** @internal marks the module instantiated (called by entry points). */
export function markReady() {
  initialized = true;
}

function assertReady() {
  if (!initialized) {
    throw new Error("promptfence: call `await ready()` before creating a PromptFilter");
  }
}

// Long prompts cross into wasm as UTF-8 from the platform encoder: the
// generated glue copies a string one character at a time, which cost
// about 5% of screenPrompt on a 2 KB prompt. The bytes are the same (a
// lone surrogate becomes U+FFFD either way). They are encoded straight
// into wasm memory (`inputView`), not into a JS copy first: 10 MB less
// for a 10 MiB prompt.
const utf8 = new TextEncoder();
const ENCODE_FROM = 256;

/** Encodes `text` into `filter`'s input buffer; returns its byte length. */
function encodeInput(filter, text) {
  // One byte per UTF-16 unit is all an ASCII text needs. encodeInto stops
  // where the view is full (never inside a character); the rest then needs
  // at most 3 bytes per unit (a surrogate pair: 4 bytes for 2 units). Each
  // view is made after the call that may grow wasm memory, never before.
  let { read, written } = utf8.encodeInto(text, filter.inputView(0, text.length));
  while (read < text.length) {
    const rest = text.length - read;
    const more = utf8.encodeInto(text.slice(read), filter.inputView(written, rest * 3));
    if (more.read === 0) break;
    read += more.read;
    written += more.written;
  }
  return written;
}

/**
 * The findings of `screenPromptInput` (a long ASCII prompt's result),
 * packed by the binding as `[numbers, strings]`: 8 numbers a finding, in
 * the order of its keys, strings by index (replacement -1: none). One
 * object literal a finding holds its properties in the object itself, a
 * smaller JS heap for a long prompt's many findings than setting them
 * one by one from wasm (issue 16). Offsets go in as `| 0` (they are
 * below 2^31): a Float64Array element is read as a heap number, which
 * the object would hold in a 16-byte box of its own; an int32 is held in
 * the object (a 10 MiB prompt's 63,790 findings: 143 -> 111 B each).
 * Other results pass through. `text`: the prompt screened.
 */
function unpack(result, text) {
  // An allowed prompt's text is the caller's string unchanged: it comes
  // back as undefined rather than decoded from wasm memory.
  if (result.text === undefined) result.text = text;
  const packed = result.findings;
  if (Array.isArray(packed) && packed[0] instanceof Float64Array) {
    const [n, s] = packed;
    const out = [];
    for (let b = 0; b < n.length; b += 8) {
      out.push(n[b + 7] < 0
        ? { kind: s[n[b]], type: s[n[b + 1]], start: n[b + 2] | 0, end: n[b + 3] | 0, score: n[b + 4], action: s[n[b + 5]], rule: s[n[b + 6]] }
        : { kind: s[n[b]], type: s[n[b + 1]], start: n[b + 2] | 0, end: n[b + 3] | 0, score: n[b + 4], action: s[n[b + 5]], rule: s[n[b + 6]], replacement: s[n[b + 7]] });
    }
    result.findings = out;
  }
  return result;
}

const STRICTNESS = { allow: 0, redact: 1, block: 2 };

// The vault's limit (src/vault.rs MAX_ENTRIES).
const MAX_VAULT_ENTRIES = 100_000;

function stricter(a, b) {
  return STRICTNESS[b] > STRICTNESS[a] ? b : a;
}

export class PromptFilter extends wasm.PromptFilter {
  constructor(policy) {
    assertReady();
    super(policy);
  }

  // Types and rule ids this filter reported: the only names audit()
  // repeats (any other reads "OTHER" / "other"), so a result handed to
  // audit() cannot smuggle text into a log.
  #names = new Set();

  #note(result) {
    for (const f of result.findings) {
      this.#names.add(f.type);
      this.#names.add(f.rule);
    }
    return result;
  }

  screenPrompt(text) {
    if (typeof text === "string" && text.length >= ENCODE_FROM) {
      return this.#note(unpack(this.screenPromptInput(encodeInput(this, text)), text));
    }
    return this.#note(super.screenPrompt(text));
  }

  screenContext(text, options) {
    return this.#note(super.screenContext(text, options));
  }

  screenResponse(text) {
    return this.#note(super.screenResponse(text));
  }

  audit(result) {
    if (result && Array.isArray(result.findings)) {
      const name = (n, other) => (this.#names.has(n) ? n : other);
      const findings = result.findings.map((f) => ({
        ...f,
        type: name(f?.type, "OTHER"),
        rule: name(f?.rule, "other"),
      }));
      result = { ...result, findings };
    }
    return super.audit(result);
  }

  /** Screens an OpenAI-style message list (see index.d.ts). */
  screenMessages(messages) {
    if (!Array.isArray(messages)) {
      throw new TypeError("screenMessages expects an array of messages");
    }
    const results = [];
    let verdict = "allow";
    let risk = 0;
    const screen = (role, text, index, part) => {
      const result =
        role === "user"
          ? this.screenPrompt(text)
          : this.screenContext(text, { source: role });
      results.push({ index, part, result });
      verdict = stricter(verdict, result.verdict);
      risk = Math.max(risk, result.risk);
      return result.text;
    };
    const out = messages.map((m, index) => {
      const role = m && m.role;
      if (role !== "user" && role !== "tool" && role !== "function") return m;
      if (typeof m.content === "string") {
        return { ...m, content: screen(role, m.content, index, -1) };
      }
      if (Array.isArray(m.content)) {
        const content = m.content.map((p, part) =>
          p && p.type === "text" && typeof p.text === "string"
            ? { ...p, text: screen(role, p.text, index, part) }
            : p,
        );
        return { ...m, content };
      }
      return m;
    });
    return { verdict, risk, messages: verdict === "block" ? [] : out, results };
  }

  /** Adds entries from exportVault(); a dump over the vault's limit is
   * refused before any entry is copied into wasm. */
  importVault(dump) {
    const n = dump && Array.isArray(dump.entries) ? dump.entries.length : 0;
    if (n > MAX_VAULT_ENTRIES) {
      const e = new Error(`entries: more than ${MAX_VAULT_ENTRIES} vault entries`);
      e.name = "LimitError";
      e.path = "entries";
      throw e;
    }
    return super.importVault(dump);
  }

  /** A Web TransformStream<string, string> that screens a response stream. */
  responseStream() {
    const scanner = this.responseScanner();
    return new TransformStream({
      transform(chunk, controller) {
        const out = scanner.push(String(chunk));
        if (out) controller.enqueue(out);
      },
      flush(controller) {
        const out = scanner.finish();
        if (out) controller.enqueue(out);
      },
    });
  }
}

export const ResponseScanner = wasm.ResponseScanner;

/** @internal loadNamesData() of every entry: `source` (bytes, a Response,
 * a URL) or, when absent, what `readDefault()` gives (the entry's way to
 * reach the package's names-data.bin). */
export async function loadNamesDataFrom(source, readDefault) {
  return { entries: await loadFileFrom(source, readDefault, NAMES) };
}

/** @internal loadInjectionModel() of every entry, as loadNamesDataFrom
 * for injection-model.bin. */
export async function loadInjectionModelFrom(source, readDefault) {
  return { buckets: await loadFileFrom(source, readDefault, INJECTION) };
}

// What a file is called in errors, the loader's name, the file and the
// module's export that installs it.
const NAMES = ["names data", "loadNamesData", "names-data.bin", "loadNamesDataBytes"];
// The module has one loader for every data file (told apart by their
// magic); loadInjectionModel refuses other files itself.
const INJECTION = ["injection model", "loadInjectionModel", "injection-model.bin", "loadNamesDataBytes", "PFINJMD1"];

async function loadFileFrom(source, readDefault, [what, fn, file, install, magic]) {
  let data = source ?? (await readDefault());
  if (typeof data === "string" || data instanceof URL ||
      (typeof Request !== "undefined" && data instanceof Request)) {
    data = await fetch(data);
  }
  if (typeof Response !== "undefined" && data instanceof Response) {
    if (!data.ok) throw new Error(`promptfence: ${what}: HTTP ${data.status} for ${data.url}`);
    data = await data.arrayBuffer();
  }
  if (data instanceof ArrayBuffer) {
    data = new Uint8Array(data);
  } else if (ArrayBuffer.isView(data)) {
    data = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } else {
    throw new TypeError(`${fn} expects the bytes of promptfence/${file} (Uint8Array or ArrayBuffer), a Response or a URL`);
  }
  if (!initialized) {
    throw new Error(`promptfence: call \`await ready()\` before ${fn}`);
  }
  if (magic && String.fromCharCode(...data.subarray(0, 8)) !== magic) {
    throw Object.assign(new Error(`not an ${what} (bad magic)`), { name: "DataError", path: "" });
  }
  return wasm[install](data);
}

/** @internal for entries without a default location of the data file. */
export function noDefaultNamesData() {
  throw new TypeError(
    "loadNamesData: pass the bytes here, e.g. `import data from \"promptfence/names-data.bin\"` (a Data module in workerd/wrangler)",
  );
}

/** @internal as noDefaultNamesData, for injection-model.bin. */
export function noDefaultInjectionModel() {
  throw new TypeError(
    "loadInjectionModel: pass the bytes here, e.g. `import model from \"promptfence/injection-model.bin\"` (a Data module in workerd/wrangler)",
  );
}

// Explicit resource management: `using f = new PromptFilter()` frees the
// wasm memory when the scope ends (free() is the same, by hand; filters
// never freed are freed after garbage collection). Disposing twice is a
// no-op. Symbol.for is the key TypeScript's `using` helper falls back to
// where the runtime has no Symbol.dispose.
const DISPOSE = Symbol.dispose ?? Symbol.for("Symbol.dispose");
for (const cls of [PromptFilter, wasm.ResponseScanner]) {
  Object.defineProperty(cls.prototype, DISPOSE, {
    value() {
      if (this.__wbg_ptr) this.free();
    },
    writable: true,
    configurable: true,
  });
}
