// Inlined entry (`promptfence/inline`): the .wasm travels inside this
// module as base64, for bundles and runtimes that cannot serve or read a
// separate .wasm file (an esbuild IIFE bundle, a single-file script). It
// costs about a third more bytes than the .wasm and cannot be cached
// apart from the code; prefer the default entry where assets work. Not
// for Vercel Edge / Cloudflare Workers, which refuse to compile wasm from
// bytes: their entries (edge-light, workerd) import the .wasm as a module.
import init from "./wasm/promptfence.js";
import base64 from "./wasm/inline.js";
import { markReady, loadNamesDataFrom, noDefaultNamesData, loadInjectionModelFrom, noDefaultInjectionModel } from "./api.js";

export { PromptFilter, ResponseScanner } from "./api.js";
export { openAIChatSSE, openAIResponsesSSE, anthropicSSE } from "./sse.js";
export { detectorTypes } from "./types.js";

let pending;

function decode(b64) {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Instantiates the inlined wasm module once; safe to call again. */
export function ready() {
  if (!pending) {
    pending = init({ module_or_path: decode(base64) }).then(() => markReady());
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
