// Shared helpers for the package tests: pack pkg/ the way it is published,
// install the tarball into a throwaway project, find free ports, start
// servers on 127.0.0.1, the headless Chromium settings.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const PKG = path.join(ROOT, "pkg");

const npm = (args, cwd) =>
  execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/**
 * `npm pack ./pkg` into a temp dir, then `npm install` the tarball into a
 * fresh project there. Returns { dir, project, tarball, files, cleanup }.
 */
export function packAndInstall(label = "pf") {
  if (!fs.existsSync(path.join(PKG, "package.json"))) {
    throw new Error("pkg/ is missing: run scripts/build first");
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
  const [packed] = JSON.parse(npm(["pack", PKG, "--pack-destination", dir, "--json", "--loglevel=error"], ROOT));
  const tarball = path.join(dir, packed.filename);
  const project = path.join(dir, "project");
  fs.mkdirSync(project);
  fs.writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({ name: "pf-consumer", version: "1.0.0", private: true, type: "module" }, null, 2),
  );
  npm(["install", tarball, "--no-audit", "--no-fund", "--no-package-lock", "--prefer-offline", "--loglevel=error"], project);
  return {
    dir,
    project,
    tarball,
    files: packed.files.map((f) => f.path),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers (any status) or `ms` pass. */
export async function waitForHttp(url, ms, child) {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    if (child && child.exitCode !== null) {
      throw new Error(`server exited early with code ${child.exitCode}`);
    }
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await r.arrayBuffer();
      return;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${ms} ms: ${last?.message}`);
}

/** Kills a child process (group) and waits for it, bounded. */
export async function stop(child, ms = 3000) {
  if (!child || child.exitCode !== null || child.signalCode) return;
  const gone = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const t = setTimeout(() => child.kill("SIGKILL"), ms);
  await gone;
  clearTimeout(t);
}

/** Headless Chromium (Debian's) for playwright-core: the binary and the
 * flags that run it in a container without a GPU or network. */
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
  "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * Starts a server process on `port` (127.0.0.1) and waits until `url`
 * answers. Returns { child, log() }; the child is killed if this process
 * exits first, and `stop(child)` ends it.
 */
export async function startServer(cmd, args, { url, cwd = ROOT, env = {}, ms = 30_000 }) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (d) => { log += d; });
  child.stderr.on("data", (d) => { log += d; });
  process.on("exit", () => child.kill("SIGKILL"));
  try {
    await waitForHttp(url, ms, child);
  } catch (e) {
    await stop(child);
    throw new Error(`${e.message}\n${path.basename(cmd)} output:\n${log}`);
  }
  return { child, log: () => log };
}
