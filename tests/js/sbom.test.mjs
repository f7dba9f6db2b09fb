// The CycloneDX SBOM shipped in the package (pkg/sbom.cdx.json, written by
// scripts/sbom.mjs from scripts/build): valid CycloneDX 1.5 structure,
// every component pinned by Cargo.lock (name, version, SHA-256), exactly the
// crates compiled into the wasm (no dev-only or proc-macro crates), the
// dependency graph closed, the same bytes as a fresh run (not stale), and
// listed in the package's files so `npm pack` ships it.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";

import { PKG, ROOT } from "./helpers.mjs";

const SBOM = path.join(PKG, "sbom.cdx.json");

function lockPackages() {
  const lock = fs.readFileSync(path.join(ROOT, "Cargo.lock"), "utf8");
  const out = new Map();
  for (const block of lock.split("[[package]]").slice(1)) {
    const get = (k) => block.match(new RegExp(`^${k} = "([^"]+)"`, "m"))?.[1];
    out.set(`${get("name")}@${get("version")}`, { source: get("source"), checksum: get("checksum") });
  }
  return out;
}

test("pkg/sbom.cdx.json is a CycloneDX 1.5 SBOM of the crates in the wasm, pinned by Cargo.lock", () => {
  assert.ok(fs.existsSync(SBOM), "pkg/sbom.cdx.json is missing: run scripts/build");
  const bom = JSON.parse(fs.readFileSync(SBOM, "utf8"));
  assert.equal(bom.bomFormat, "CycloneDX");
  assert.equal(bom.specVersion, "1.5");
  assert.equal(bom.version, 1);
  assert.match(bom.serialNumber, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const cargoVersion = fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];
  assert.equal(bom.metadata.component.name, "promptfence");
  assert.equal(bom.metadata.component.version, cargoVersion);
  assert.equal(bom.metadata.component.purl, `pkg:cargo/promptfence@${cargoVersion}`);

  const lock = lockPackages();
  const refs = new Set([bom.metadata.component["bom-ref"]]);
  for (const c of bom.components) {
    const where = `${c.name}@${c.version}`;
    assert.equal(c.type, "library", where);
    assert.equal(c.purl, `pkg:cargo/${c.name}@${c.version}`, where);
    assert.equal(c["bom-ref"], c.purl, where);
    assert.ok(!refs.has(c["bom-ref"]), `duplicate ${where}`);
    refs.add(c["bom-ref"]);
    const pinned = lock.get(where);
    assert.ok(pinned, `${where} is not in Cargo.lock`);
    assert.deepEqual(c.hashes, [{ alg: "SHA-256", content: pinned.checksum }], where);
    assert.equal(c.licenses?.length, 1, `${where} has no licence`);
    assert.match(c.licenses[0].expression, /^[()A-Za-z0-9.\- ]+$/, where);
  }
  const names = new Set(bom.components.map((c) => c.name));
  for (const n of ["wasm-bindgen", "js-sys", "regex-lite", "serde", "getrandom"]) {
    assert.ok(names.has(n), `${n} is compiled into the wasm but missing`);
  }
  // Dev-dependencies, host-only tools and proc macros are not in the module.
  for (const n of ["proptest", "aho-corasick", "serde_json", "regex-syntax", "wasm-bindgen-test", "serde_derive", "wasm-bindgen-macro", "syn"]) {
    assert.ok(!names.has(n), `${n} is not compiled into the wasm but listed`);
  }
  // The dependency graph: one entry per component, every ref resolves.
  assert.equal(bom.dependencies.length, refs.size);
  for (const d of bom.dependencies) {
    assert.ok(refs.has(d.ref), d.ref);
    for (const r of d.dependsOn) assert.ok(refs.has(r), `${d.ref} -> ${r}`);
  }
  const rootDeps = bom.dependencies.find((d) => d.ref === bom.metadata.component["bom-ref"]).dependsOn;
  assert.ok(rootDeps.includes(bom.components.find((c) => c.name === "wasm-bindgen").purl));
});

test("the SBOM is current (a fresh scripts/sbom.mjs gives the same bytes) and is in the package's files", () => {
  const fresh = execFileSync(process.execPath, [path.join(ROOT, "scripts/sbom.mjs")], { cwd: ROOT, encoding: "utf8" });
  assert.equal(fs.readFileSync(SBOM, "utf8"), fresh, "pkg/sbom.cdx.json is stale: run scripts/build");
  const [packed] = JSON.parse(execFileSync("npm", ["pack", PKG, "--dry-run", "--json", "--loglevel=error"],
    { cwd: ROOT, encoding: "utf8" }));
  assert.ok(packed.files.some((f) => f.path === "sbom.cdx.json"), "npm pack leaves sbom.cdx.json out");
});
