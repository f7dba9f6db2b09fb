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
// lone surrogate becomes U+FFFD either way).
const utf8 = new TextEncoder();
const ENCODE_FROM = 256;

export class PromptFilter extends wasm.PromptFilter {
  constructor(policy) {
    assertReady();
    super(policy);
  }

  screenPrompt(text) {
    if (typeof text === "string" && text.length >= ENCODE_FROM) {
      return this.screenPromptUtf8(utf8.encode(text));
    }
    return super.screenPrompt(text);
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
