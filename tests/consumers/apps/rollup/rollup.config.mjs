// Rollup: node-resolve with the browser condition. Rollup keeps
// new URL("./promptfence_bg.wasm", import.meta.url) as written, so the
// .wasm is copied next to the bundle (the README's one line).
import { nodeResolve } from "@rollup/plugin-node-resolve";

export default {
  input: "../shared/main.mjs",
  output: { dir: process.env.OUT_DIR, format: "es" },
  plugins: [nodeResolve({ browser: true })],
};
