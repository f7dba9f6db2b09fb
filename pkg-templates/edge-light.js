// Vercel Edge / Next.js edge routes entry (the "edge-light" condition):
// these runtimes refuse to compile wasm from bytes, so the .wasm is
// imported as a WebAssembly.Module (`?module`, which Next.js (webpack and
// Turbopack) and Vercel's bundlers understand). Turbopack hands over a
// promise of the module, so ready() awaits it before instantiating.
import wasmModule from "./promptfence_bg.wasm?module";
import { initSync } from "./wasm/promptfence.js";
import { markReady, loadNamesDataFrom, noDefaultNamesData, loadInjectionModelFrom, noDefaultInjectionModel } from "./api.js";

export { PromptFilter, ResponseScanner } from "./api.js";
export { openAIChatSSE, openAIResponsesSSE, anthropicSSE } from "./sse.js";
export { detectorTypes } from "./types.js";

let pending;

/** Instantiates the wasm module once; safe to call again. */
export function ready() {
  if (!pending) {
    pending = Promise.resolve(wasmModule).then((module) => {
      initSync({ module });
      markReady();
    });
    pending.catch(() => { pending = undefined; });
  }
  return pending;
}

/** Loads the large names data (see README, "Large names data") from its
 * bytes, a Response or a URL. */
export async function loadNamesData(source) {
  await ready();
  return loadNamesDataFrom(source, noDefaultNamesData);
}

/** Loads the optional large injection model (see README, "Large
 * injection model") from its bytes, a Response or a URL. */
export async function loadInjectionModel(source) {
  await ready();
  return loadInjectionModelFrom(source, noDefaultInjectionModel);
}
