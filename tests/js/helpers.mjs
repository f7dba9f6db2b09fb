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

/** `n` distinct TCP ports that were free a moment ago on 127.0.0.1 (held
 * together while they are picked, so no two are the same). */
export async function freePorts(n) {
  const servers = [];
  try {
    for (let i = 0; i < n; i++) {
      const srv = net.createServer();
      srv.unref();
      await new Promise((resolve, reject) => {
        srv.once("error", reject);
        srv.listen(0, "127.0.0.1", resolve);
      });
      servers.push(srv);
    }
    return servers.map((srv) => srv.address().port);
  } finally {
    await Promise.all(servers.map((srv) => new Promise((r) => srv.close(() => r()))));
  }
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

/**
 * Ends a child process and waits for it, bounded: SIGTERM, then SIGKILL
 * after `ms`. A child started by `startServer` leads its own process group,
 * and the whole group is signalled, so what it started (workerd under
 * wrangler) cannot outlive it. Its pipes are closed afterwards: a leftover
 * grandchild holding them would keep this process (and the test file)
 * alive forever.
 */
export async function stop(child, ms = 3000) {
  if (!child) return;
  const signal = (sig) => {
    try {
      if (child.pfGroup) process.kill(-child.pid, sig);
      else child.kill(sig);
    } catch { /* already gone */ }
  };
  if (child.exitCode === null && !child.signalCode) {
    const gone = new Promise((r) => child.once("exit", r));
    signal("SIGTERM");
    const t = setTimeout(() => signal("SIGKILL"), ms);
    await gone;
    clearTimeout(t);
  }
  if (child.pfGroup) signal("SIGKILL");
  child.stdout?.destroy();
  child.stderr?.destroy();
}

/** Headless Chromium (Debian's) for playwright-core: the binary and the
 * flags that run it in a container without a GPU or network. */
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
  "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * Starts a server process on `port` (127.0.0.1) and waits until `url`
 * answers. Returns { child, log() }; the child (and all it started) is
 * killed if this process exits first, and `stop(child)` ends it.
 */
export async function startServer(cmd, args, { url, cwd = ROOT, env = {}, ms = 30_000 }) {
  // detached: the child leads a new process group, which `stop` ends whole.
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.pfGroup = true;
  let log = "";
  child.stdout.on("data", (d) => { log += d; });
  child.stderr.on("data", (d) => { log += d; });
  process.on("exit", () => {
    try { process.kill(-child.pid, "SIGKILL"); } catch { /* already gone */ }
  });
  try {
    await waitForHttp(url, ms, child);
  } catch (e) {
    await stop(child);
    throw new Error(`${e.message}\n${path.basename(cmd)} output:\n${log}`);
  }
  return { child, log: () => log };
}
