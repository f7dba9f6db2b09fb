#!/usr/bin/env node
// Prints the SHA-256 hex digest of each key given, for CLIENT_KEYS: the
// proxy stores and compares digests, never the keys themselves.
//   node hash-key.mjs KEY [KEY...]      (or one key per line on stdin)
import { createHash } from "node:crypto";
import fs from "node:fs";

const keys = process.argv.length > 2 ? process.argv.slice(2) : fs.readFileSync(0, "utf8").split("\n").filter((l) => l.trim());
if (keys.length === 0) {
  console.error("usage: node hash-key.mjs KEY [KEY...]");
  process.exit(2);
}
console.log(keys.map((k) => createHash("sha256").update(k.trim()).digest("hex")).join(","));
