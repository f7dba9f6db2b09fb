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

export class PromptFilter extends wasm.PromptFilter {
  constructor(policy) {
    assertReady();
    super(policy);
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
