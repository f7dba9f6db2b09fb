// Process CPU time of each cold-start phase in fresh Node processes:
// import, ready(), new PromptFilter(), the first screenPrompt, the first
// push of the filter's first response scanner. CPU time (process.cpuUsage)
// rather than wall clock, and `--single-threaded` so V8's compilation
// counts in the phase that causes it: on a shared machine wall-clock
// cold starts move by ±50%. Median of RUNS per phase. Figures only.
//
//   node bench/cold-cpu.mjs [PKG_DIR ...] [--runs N]   (default: pkg, 5)
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);

if (argv[0] === "--child") {
  const text = "Hi David Johnson, mail ana.lopez@example.com or call (415) 555-0132, card 4111 1111 1111 1111.";
  const ph = {};
  let c = process.cpuUsage();
  const lap = (k) => {
    const d = process.cpuUsage(c);
    ph[k] = (d.user + d.system) / 1000;
    c = process.cpuUsage();
  };
  const m = await import(pathToFileURL(path.join(argv[1], "node.js")).href); lap("import");
  await m.ready(); lap("ready");
  const f = new m.PromptFilter(); lap("constructor");
  f.screenPrompt(text); lap("first call");
  f.responseScanner().push("Sure, here is the summary you asked for: "); lap("first push");
  process.stdout.write(JSON.stringify(ph));
  process.exit(0);
}

const runsAt = argv.indexOf("--runs");
const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 5;
const pkgs = argv.filter((a, i) => !a.startsWith("--") && (runsAt < 0 || i !== runsAt + 1));
if (pkgs.length === 0) pkgs.push(path.resolve(HERE, "..", "pkg"));
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const samples = pkgs.map(() => []);
for (let r = 0; r < runs; r++) {
  pkgs.forEach((p, i) => {
    const out = execFileSync(process.execPath, ["--single-threaded", fileURLToPath(import.meta.url), "--child", path.resolve(p)], { encoding: "utf8" });
    samples[i].push(JSON.parse(out));
  });
}
pkgs.forEach((p, i) => {
  const s = samples[i];
  const keys = Object.keys(s[0]);
  const parts = keys.map((k) => `${k} ${median(s.map((o) => o[k])).toFixed(1)}`);
  const total = median(s.map((o) => Object.values(o).reduce((a, b) => a + b, 0)));
  console.log(`${p}: ms CPU, median of ${runs}: ${parts.join(", ")}; total ${total.toFixed(1)}`);
});
