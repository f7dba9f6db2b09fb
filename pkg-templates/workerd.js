// Edge worker entry (workerd, Cloudflare Workers, Vercel Edge): the runtime
// compiles the imported .wasm; instantiation is synchronous at import.
import wasmModule from "./promptfence_bg.wasm";
import { initSync } from "./wasm/promptfence.js";
import { markReady, loadNamesDataFrom, noDefaultNamesData, loadInjectionModelFrom, noDefaultInjectionModel } from "./api.js";

export { PromptFilter, ResponseScanner } from "./api.js";
export { openAIChatSSE, openAIResponsesSSE, anthropicSSE } from "./sse.js";
export { detectorTypes } from "./types.js";

initSync({ module: wasmModule });
markReady();

/** Already instantiated at import; kept for the shared contract. */
export async function ready() {}

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
