// Next.js with no promptfence-specific settings; only the roots are
// pinned to tests/consumers (where node_modules is) so Next does not
// guess among the repository's lock files.
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export default {
  distDir: process.env.NEXT_DIST_DIR || ".next",
  outputFileTracingRoot: root,
  turbopack: { root },
};
