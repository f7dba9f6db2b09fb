// Browser and bundler entry: fetches and instantiates the .wasm next to
// this file on the first ready().
import init from "./wasm/promptfence.js";
import { markReady } from "./api.js";

export { PromptFilter, ResponseScanner } from "./api.js";
export { openAIChatSSE, openAIResponsesSSE, anthropicSSE } from "./sse.js";
export { detectorTypes } from "./types.js";

let pending;

/** Instantiates the wasm module once; safe to call again. */
export function ready(moduleOrPath) {
  if (!pending) {
    const source = moduleOrPath ?? new URL("./promptfence_bg.wasm", import.meta.url);
    pending = init({ module_or_path: source }).then(() => markReady());
    pending.catch(() => { pending = undefined; });
  }
  return pending;
}
