// Browser and bundler entry: fetches and instantiates the .wasm next to
// this file on the first ready(). The new URL("./promptfence_bg.wasm",
// import.meta.url) below is the one pattern webpack 5, Vite, Rollup,
// Parcel and Next.js/Turbopack all emit as an asset: keep it literal.
// ready(x) takes a URL, string, Request, Response, bytes or a
// WebAssembly.Module instead (esbuild, CDNs).
import init from "./wasm/promptfence.js";
import { markReady, loadNamesDataFrom, loadInjectionModelFrom } from "./api.js";

export { PromptFilter, ResponseScanner } from "./api.js";
export { openAIChatSSE, openAIResponsesSSE, anthropicSSE } from "./sse.js";
export { detectorTypes } from "./types.js";

let pending;

/** Instantiates the wasm module once; safe to call again. */
export function ready(moduleOrPath) {
  if (!pending) {
    let source = moduleOrPath;
    if (source == null) {
      try {
        source = new URL("./promptfence_bg.wasm", import.meta.url);
      } catch {
        // An IIFE or CommonJS bundle (esbuild's default format) has no
        // import.meta.url: say what to do instead of "Invalid URL".
        return Promise.reject(new Error(
          "promptfence: this bundle has no import.meta.url to find promptfence_bg.wasm: " +
          "bundle as an ES module, pass the .wasm's URL to ready(url), or import promptfence/inline"));
      }
    }
    pending = init({ module_or_path: source }).then(() => markReady());
    pending.catch(() => { pending = undefined; });
  }
  return pending;
}

/** Loads the large names data (see README, "Large names data"): `source`
 * is its bytes, a Response or a URL; without it, names-data.bin next to
 * this module (bundlers: pass the URL their asset import gives). */
export async function loadNamesData(source) {
  await ready();
  // Not the literal new URL("./names-data.bin", ...) pattern: bundlers
  // would emit the 2 MB file into every build.
  const file = ["names-data", "bin"].join(".");
  return loadNamesDataFrom(source, () => new URL("./" + file, import.meta.url));
}

/** Loads the optional large injection model (see README, "Large
 * injection model"): `source` is its bytes, a Response or a URL; without
 * it, injection-model.bin next to this module. */
export async function loadInjectionModel(source) {
  await ready();
  const file = ["injection-model", "bin"].join(".");
  return loadInjectionModelFrom(source, () => new URL("./" + file, import.meta.url));
}
