// webpack 5 with no promptfence-specific settings: the browser entry's
// new URL("./promptfence_bg.wasm", import.meta.url) becomes an asset.
import path from "node:path";

export default {
  mode: "production",
  entry: "../shared/main.mjs",
  output: { path: path.resolve(process.env.OUT_DIR), filename: "main.js", clean: true },
};
