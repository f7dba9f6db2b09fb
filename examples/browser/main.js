// promptfence in a browser page, no bundler: screen what the user types,
// then stream a (pretend) model answer through a ResponseScanner.
import { ready, PromptFilter } from "promptfence";

const $ = (id) => document.getElementById(id);

await ready(); // fetches promptfence_bg.wasm next to the package's index.js
// One filter per conversation: its vault maps [EMAIL_1] back to the value.
const filter = new PromptFilter();
let sent = "";

function screen() {
  const out = filter.screenPrompt($("prompt").value);
  $("verdict").textContent = out.verdict;
  $("risk").textContent = out.risk.toFixed(2);
  sent = out.verdict === "block" ? "" : out.text;
  $("sent").textContent = out.verdict === "block" ? "(blocked: nothing is sent)" : out.text;
  $("ask").disabled = out.verdict === "block";
}

// The pretend model echoes the pseudonyms it was sent and leaks an address
// of its own; a real page would read a fetch() body instead.
function* pretendModel(prompt) {
  const tokens = prompt.match(/\[[A-Z_]+_\d+\]/g) ?? [];
  const answer = `Sure${tokens.length ? ", " + tokens.join(" and ") : ""}: done. ` +
    "For access, write to ops.admin@corp-internal.example.";
  for (let i = 0; i < answer.length; i += 6) yield answer.slice(i, i + 6);
}

async function ask() {
  const scanner = filter.responseScanner();
  const view = $("answer");
  view.textContent = "";
  view.dataset.done = "0";
  for (const chunk of pretendModel(sent)) {
    view.textContent += scanner.push(chunk); // only what is safe to show now
    await new Promise((r) => setTimeout(r, 20));
  }
  view.textContent += scanner.finish();
  view.dataset.done = "1";
}

$("prompt").addEventListener("input", screen);
$("ask").addEventListener("click", ask);
screen();
document.body.dataset.ready = "1";
