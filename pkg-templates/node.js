// Node entry: reads the .wasm from disk and instantiates it synchronously.
import { readFileSync } from "node:fs";
import { initSync } from "./wasm/promptfence.js";
import { markReady } from "./api.js";

export { PromptFilter, ResponseScanner } from "./api.js";
export { openAIChatSSE, openAIResponsesSSE, anthropicSSE } from "./sse.js";
export { detectorTypes } from "./types.js";

let done = false;

/** Instantiates the wasm module once; safe to call again. */
export async function ready() {
  if (!done) {
    const bytes = readFileSync(new URL("./promptfence_bg.wasm", import.meta.url));
    initSync({ module: bytes });
    markReady();
    done = true;
  }
}
