#!/usr/bin/env node
// Prints a CycloneDX 1.5 SBOM (JSON) of the Rust crates compiled into the
// wasm module: the crate's normal dependencies, resolved for
// wasm32-unknown-unknown with the `wasm` feature, as Cargo.lock pins them.
// Proc-macro crates and build dependencies run on the build machine and
// leave no code in the module, so they are not listed (nor what only they
// pull in); dev-dependencies are not compiled into it either.
// Each component: name, version, licence (the crate's SPDX expression),
// purl (pkg:cargo/NAME@VERSION), SHA-256 from Cargo.lock. The output is
// deterministic (no timestamp; the serial number is derived from the
// content), so the same Cargo.lock gives the same file.
// Usage: node scripts/sbom.mjs > pkg/sbom.cdx.json   (from the repo root;
// needs cargo; offline once the crates are fetched, else it fetches them)
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TARGET = "wasm32-unknown-unknown";

// `cargo metadata` reads the manifest of every package in Cargo.lock for
// the target, dev-dependencies included (wasm-bindgen-test's `cast`, say),
// though none of those reach the SBOM. On a fresh machine some are not
// fetched yet when the package is first built (scripts/demo builds before
// any wasm test ran), so an offline read that fails is tried once more
// with the network allowed; a warm cache never gets there.
function cargoMetadata(offline) {
  return execFileSync("cargo", [
    "metadata", "--format-version", "1", "--features", "wasm",
    "--filter-platform", TARGET, "--locked", ...(offline ? ["--offline"] : []),
  ], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", offline ? "ignore" : "inherit"] });
}
let metaJson;
try {
  metaJson = cargoMetadata(true);
} catch {
  metaJson = cargoMetadata(false);
}
const meta = JSON.parse(metaJson);

const byId = new Map(meta.packages.map((p) => [p.id, p]));
const nodes = new Map(meta.resolve.nodes.map((n) => [n.id, n]));
const isProcMacro = (p) => p.targets.some((t) => t.kind.includes("proc-macro"));

// Cargo.lock checksums by name@version.
const lock = fs.readFileSync(path.join(ROOT, "Cargo.lock"), "utf8");
const checksums = new Map();
for (const block of lock.split("[[package]]").slice(1)) {
  const get = (k) => block.match(new RegExp(`^${k} = "([^"]+)"`, "m"))?.[1];
  if (get("checksum")) checksums.set(`${get("name")}@${get("version")}`, get("checksum"));
}

// Walk normal (non-dev, non-build) edges from the root, not into proc macros.
const rootId = meta.resolve.root;
const seen = new Set([rootId]);
const edges = new Map();
const queue = [rootId];
while (queue.length) {
  const id = queue.shift();
  const out = [];
  for (const d of nodes.get(id).deps) {
    if (!d.dep_kinds.some((k) => k.kind === null)) continue;
    if (isProcMacro(byId.get(d.pkg))) continue;
    out.push(d.pkg);
    if (!seen.has(d.pkg)) { seen.add(d.pkg); queue.push(d.pkg); }
  }
  edges.set(id, out);
}

const purl = (p) => `pkg:cargo/${p.name}@${p.version}`;
const component = (p) => {
  const c = { type: "library", "bom-ref": purl(p), name: p.name, version: p.version };
  if (p.description) c.description = p.description.replace(/\s+/g, " ").trim();
  if (p.license) c.licenses = [{ expression: p.license }];
  c.purl = purl(p);
  const sum = checksums.get(`${p.name}@${p.version}`);
  if (sum) c.hashes = [{ alg: "SHA-256", content: sum }];
  if (p.repository) c.externalReferences = [{ type: "vcs", url: p.repository }];
  return c;
};

const root = byId.get(rootId);
const deps = [...seen].filter((id) => id !== rootId).map((id) => byId.get(id))
  .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
const bom = {
  bomFormat: "CycloneDX",
  specVersion: "1.5",
  serialNumber: "",
  version: 1,
  metadata: {
    tools: { components: [{ type: "application", name: "scripts/sbom.mjs", description: "cargo metadata + Cargo.lock" }] },
    component: component(root),
    properties: [
      { name: "promptfence:target", value: TARGET },
      { name: "promptfence:features", value: "wasm" },
      { name: "promptfence:scope", value: "crates compiled into promptfence_bg.wasm (no proc macros, build or dev dependencies)" },
    ],
  },
  components: deps.map(component),
  dependencies: [root, ...deps].map((p) => ({
    ref: purl(p),
    dependsOn: [...new Set(edges.get(p.id).map((id) => purl(byId.get(id))))].sort(),
  })),
};
// A v4-shaped UUID from the content: stable for the same inputs.
const h = crypto.createHash("sha256").update(JSON.stringify(bom)).digest("hex");
bom.serialNumber = `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
process.stdout.write(JSON.stringify(bom, null, 2) + "\n");
