#!/usr/bin/env node
// Serves this example and the built package (pkg/, at /pkg/) on 127.0.0.1,
// without dependencies. Usage: PORT=8000 node examples/browser/serve.mjs
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PKG = path.resolve(HERE, "../../pkg");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  // ready() compiles the module while it downloads, which needs this type.
  ".wasm": "application/wasm",
};

const server = http.createServer((req, res) => {
  const { pathname } = new URL(req.url, "http://localhost");
  const [base, rel] = pathname.startsWith("/pkg/") ? [PKG, pathname.slice(5)] : [HERE, pathname.slice(1)];
  let file;
  try {
    file = path.resolve(base, decodeURIComponent(rel) || "index.html");
  } catch {
    file = ""; // malformed %-escape
  }
  if (!file.startsWith(base + path.sep)) {
    res.writeHead(404).end("not found\n");
    return;
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      res.writeHead(404).end(err.code === "ENOENT" && base === PKG ? "pkg/ is missing: run scripts/build\n" : "not found\n");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(data);
  });
});
server.listen(Number(process.env.PORT ?? 8000), "127.0.0.1", () => {
  console.log(`serving on http://127.0.0.1:${server.address().port}/`);
});
