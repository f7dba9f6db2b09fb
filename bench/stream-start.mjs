// Cost of starting a response stream: the first push() of each new
// scanner from one filter (it prepares the per-stream checks), median and
// minimum over 40 scanners. Figures only, no assertions.
//
//   node bench/stream-start.mjs [PKG_DIR ...]   (default: pkg)
import path from "node:path";
import { pathToFileURL } from "node:url";

const dirs = process.argv.length > 2 ? process.argv.slice(2) : ["pkg"];
for (const dir of dirs) {
  const m = await import(pathToFileURL(path.resolve(dir, "node.js")).href);
  await m.ready();
  const f = new m.PromptFilter();
  f.screenPrompt("mail ana.lopez@example.com");
  const chunk = "Sure! I sent it to [EMAIL_1] and to bob@example.org, call me at +1 415 555 0132 later today. ";
  const times = [];
  for (let i = 0; i < 40; i++) {
    const s = f.responseScanner();
    const t0 = performance.now();
    s.push(chunk);
    times.push(performance.now() - t0);
    s.finish();
    s.free();
  }
  times.sort((a, b) => a - b);
  console.log(`${dir}: first push of a new scanner: median ${times[20].toFixed(2)} ms, min ${times[0].toFixed(2)} ms`);
  f.free();
}
