// Node (also Bun and Deno) as ESM: the "node" entry.
import { ready, PromptFilter } from "promptfence";

await ready();
const out = new PromptFilter().screenPrompt("Mail me at ana.lopez@example.com please");
console.log(JSON.stringify({ verdict: out.verdict, text: out.text, types: out.findings.map((f) => f.type) }));
