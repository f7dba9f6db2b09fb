// Node entry: reads the .wasm from disk and instantiates it synchronously.
import { readFileSync } from "node:fs";
import { initSync } from "./wasm/promptfence.js";
import { markReady, loadNamesDataFrom, loadInjectionModelFrom } from "./api.js";

export { PromptFilter, ResponseScanner } from "./api.js";
export { openAIChatSSE, openAIResponsesSSE, anthropicSSE } from "./sse.js";
export { detectorTypes } from "./types.js";

let done = false;

function wasmFile() {
  // Bundlers (Turbopack, webpack) emit the .wasm this names as an asset.
  const asset = new URL("./promptfence_bg.wasm", import.meta.url);
  if (asset.protocol === "file:") return asset;
  // Next.js' webpack server build makes it a relative URL with no file
  // behind it; this module's own location still names the shipped file.
  const here = import.meta.url;
  return new URL("./promptfence_bg.wasm", here);
}

/** Instantiates the wasm module once (optionally from given bytes or a
 * WebAssembly.Module); safe to call again. */
export async function ready(moduleOrBytes) {
  if (!done) {
    const bytes = moduleOrBytes ?? readFileSync(wasmFile());
    initSync({ module: bytes });
    markReady();
    done = true;
  }
}

/** Loads the large names data (see README, "Large names data"): `source`
 * is its bytes, a Response, a URL or a file path; without it, the
 * package's names-data.bin. */
export async function loadNamesData(source) {
  await ready();
  const src = readIfFile(source, "names-data.bin");
  return loadNamesDataFrom(src, () => src);
}

/** Loads the optional large injection model (see README, "Large
 * injection model"): `source` is its bytes, a Response, a URL or a file
 * path; without it, the package's injection-model.bin. */
export async function loadInjectionModel(source) {
  await ready();
  const src = readIfFile(source, "injection-model.bin");
  return loadInjectionModelFrom(src, () => src);
}

/** `source` (or the package's `file`) read when it names a file (a path
 * or a file: URL); else as given. */
function readIfFile(source, file) {
  const src = source ?? new URL("./" + file, import.meta.url);
  const isFile = (src instanceof URL && src.protocol === "file:") ||
    (typeof src === "string" && !/^[a-z][a-z0-9+.-]*:/i.test(src));
  return isFile ? readFileSync(src) : src;
}
