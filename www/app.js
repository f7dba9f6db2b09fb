// Demo page: screens what the user types with promptfence, sends the screened
// text to the mock model, and screens the streamed answer before showing it.
import { ready, PromptFilter } from "/pkg/index.js";

const $ = (id) => document.getElementById(id);
const el = (tag, cls, text) => {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text !== undefined) n.textContent = text;
  return n;
};

let filter;

/** Renders `text` with each finding's UTF-16 span wrapped in <mark>. */
function highlight(target, text, findings) {
  target.replaceChildren();
  const spans = findings.filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue; // overlapping: keep the first
    target.append(text.slice(at, f.start));
    const m = el("mark", f.kind, text.slice(f.start, f.end));
    m.title = `${f.kind} ${f.type} → ${f.action}`;
    target.append(m);
    at = f.end;
  }
  target.append(text.slice(at));
}

function inspect(text) {
  const out = filter.screenPrompt(text);
  const v = $("verdict");
  v.textContent = out.verdict;
  v.className = `badge ${out.verdict}`;
  $("risk").textContent = out.risk.toFixed(2);
  $("count").textContent = String(out.findings.length);
  highlight($("highlighted"), text, out.findings);
  $("sent-text").textContent = out.verdict === "block" ? "(blocked: nothing is sent)" : out.text;
  const list = $("findings");
  list.replaceChildren();
  for (const f of out.findings) {
    const li = el("li");
    li.append(el("b", null, f.type), ` ${f.kind}, ${f.action}, score ${f.score} `, el("code", null, `[${f.start}, ${f.end}) ${f.rule}`));
    list.append(li);
  }
  return out;
}

function addMessage(cls, text, meta) {
  const m = el("div", `msg ${cls}`, text);
  if (meta) m.append(el("span", "meta", meta));
  $("log").append(m);
  m.scrollIntoView({ block: "end" });
  return m;
}

/** Reads an SSE body and yields each `data:` payload's delta. */
async function* sse(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buf += value;
    let i;
    while ((i = buf.indexOf("\n\n")) >= 0) {
      const event = buf.slice(0, i);
      buf = buf.slice(i + 2);
      for (const line of event.split("\n")) {
        if (!line.startsWith("data:")) continue;
        const data = line.slice(5).trim();
        if (data === "[DONE]") return;
        yield JSON.parse(data).delta ?? "";
      }
    }
  }
}

async function send(text) {
  const out = inspect(text);
  if (out.verdict === "block") {
    addMessage("blocked", text, `blocked before sending (risk ${out.risk.toFixed(2)}): ${out.findings.map((f) => f.type).join(", ")}`);
    return;
  }
  const changed = out.text !== text;
  addMessage("user", out.text, changed ? `sent screened (${out.findings.length} finding${out.findings.length === 1 ? "" : "s"}); the original never left this page` : "sent as typed");

  const bubble = addMessage("assistant", "");
  bubble.dataset.done = "0";
  const scanner = filter.responseScanner();
  const body = el("span", "text");
  bubble.replaceChildren(body);
  try {
    const r = await fetch("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ prompt: out.text }),
    });
    if (!r.ok) throw new Error(`mock model: HTTP ${r.status}`);
    for await (const delta of sse(r.body)) {
      body.textContent += scanner.push(delta);
      bubble.scrollIntoView({ block: "end" });
    }
    body.textContent += scanner.finish();
    const found = scanner.findings;
    const types = [...new Set(found.map((f) => `${f.type}→${f.action}`))];
    bubble.append(el("span", "meta", found.length
      ? `response screened: ${types.join(", ")}`
      : "response screened: nothing to change"));
  } catch (e) {
    bubble.append(el("span", "meta", `error: ${e.message}`));
  }
  bubble.dataset.done = "1";
}

async function main() {
  try {
    await ready();
    filter = new PromptFilter();
  } catch (e) {
    $("status").textContent = `failed to load promptfence: ${e.message}`;
    $("status").classList.add("error");
    return;
  }
  $("status").textContent = `ready: ${filter.ruleCount} rules, screening runs in this page`;
  const input = $("prompt");
  const button = $("send");
  button.disabled = false;
  input.addEventListener("input", () => inspect(input.value));
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); $("form").requestSubmit(); }
  });
  $("form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    button.disabled = true;
    try { await send(text); } finally { button.disabled = false; input.focus(); }
  });
  inspect("");
  window.pfReady = true;
}

main();
