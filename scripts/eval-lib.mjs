// eval-lib.mjs: what the dev-corpus evaluation scripts share (eval-names,
// eval-secrets): offset conversion and screening a list of items through a
// built package or the native probe.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";

// UTF-16 offset -> code-point offset, for every offset of `text`.
export function u16ToCp(text) {
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) { map[i + 1] = cp; i++; }
    cp++;
  }
  map[text.length] = cp;
  return map;
}

// The findings of screenPrompt for each item's text: from the package in
// `pkg` (its node.js entry), or with `native` from `pii_probe --jsonl`
// under `root`/target/release/examples.
// `policy` (pkg only) is passed to the filter as it is, with `pii` merged
// into its `pii` part.
export async function screenAll(items, { native, pkg, root, namesData, tagger, pii, policy }) {
  if (native) {
    const bin = path.join(root, "target", "release", "examples", "pii_probe");
    if (!fs.existsSync(bin)) { console.error(`${bin} missing: cargo build --release --example pii_probe`); process.exit(2); }
    const input = items.map((it) => JSON.stringify({ text: it.text })).join("\n") + "\n";
    const pre = (namesData ? ["--names-data", namesData] : []).concat(tagger ? ["--tagger", tagger] : []);
    const r = spawnSync(bin, [...pre, "--jsonl"], { input, maxBuffer: 1 << 30 });
    if (r.status !== 0) { console.error(String(r.stderr)); process.exit(1); }
    return String(r.stdout).split("\n").filter(Boolean).map((l) => JSON.parse(l).findings);
  }
  const mod = await import(pathToFileURL(path.resolve(pkg, "node.js")).href);
  await mod.ready();
  if (namesData) await mod.loadNamesData(fs.readFileSync(namesData));
  if (tagger) await mod.loadNamesData(fs.readFileSync(tagger));
  const names = (namesData ? ["large"] : []).concat(tagger ? ["tagger"] : []).join("+");
  const piiPolicy = { ...(names ? { names } : {}), ...(pii || {}) };
  const full = { ...(policy || {}) };
  if (Object.keys(piiPolicy).length) full.pii = { ...(full.pii || {}), ...piiPolicy };
  const filter = new mod.PromptFilter(Object.keys(full).length ? full : undefined);
  return items.map((it) => filter.screenPrompt(it.text).findings);
}

// Exits after one `skip:` line (status 0, or 1 under PF_REQUIRE_SHARED)
// when one of `files` is missing.
export function requireFiles(files, script) {
  const missing = files.filter((f) => !fs.existsSync(f));
  if (!missing.length) return;
  console.log(`skip: ${script}: ${missing[0]} not found (set PF_SHARED)`);
  process.exit(process.env.PF_REQUIRE_SHARED ? 1 : 0);
}
