// A/B of two built packages on 2 KB of prose: the median screenPrompt time
// of each, measured in interleaved rounds in one Node process (the budget
// of issue 14: the names work must not make this slower). Prints figures;
// never asserts on time.
//
//   node bench/names-ab.mjs OLD_PKG_DIR NEW_PKG_DIR [rounds]
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const [oldDir, newDir, roundsArg] = process.argv.slice(2);
if (!oldDir || !newDir) {
  console.error("usage: node bench/names-ab.mjs OLD_PKG_DIR NEW_PKG_DIR [rounds]");
  process.exit(2);
}
const ROUNDS = parseInt(roundsArg ?? "30", 10);

// About 2 KB of prose: an e-mail with names, places, organizations, dates.
const PARA = [
  "Hi Marta, thanks for the quick reply yesterday. I talked to Jonas Weber from the Berlin office",
  "and he agrees that the Q3 report should go out before the board meeting on 12 March 2025.",
  "Could you ask Dr. Okafor whether the clinic in Lagos has sent the updated figures? The team at",
  "Northwind Traders Ltd said they would share the invoice by Friday, but nothing has arrived yet.",
  "We also need to book flights to Lisbon for the conference; Priya suggested the Tuesday morning",
  "slot, which works for me. Please remind Mr. Tanaka that the contract with Globex GmbH renews",
  "next month and that legal wants a summary of the changes. If anything is unclear, call me.",
  "Best regards,\nAna Lopez\nOperations, Contoso S.A.\n",
].join(" ");
let text = "";
while (text.length < 2048) text += PARA + "\n";
text = text.slice(0, 2048);

async function load(dir) {
  const mod = await import(pathToFileURL(path.resolve(dir, "node.js")).href);
  await mod.ready();
  return new mod.PromptFilter();
}
const filters = [await load(oldDir), await load(newDir)];
const times = [[], []];
for (const f of filters) for (let i = 0; i < 200; i++) f.screenPrompt(text);
for (let r = 0; r < ROUNDS; r++) {
  for (let k = 0; k < 2; k++) {
    const f = filters[(k + r) % 2];
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) f.screenPrompt(text);
    times[(k + r) % 2].push((performance.now() - t0) / 50);
  }
}
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const [a, b] = times.map(med);
console.log(`2 KB prose, median screenPrompt: old ${a.toFixed(4)} ms, new ${b.toFixed(4)} ms ` +
  `(${(100 * (b / a - 1)).toFixed(1)}%)`);
