// The browser consumers' app: screens one prompt with the package's
// default entry and publishes the result on window.__pf for the test.
import { ready, PromptFilter } from "promptfence";

const PROMPT = "Mail me at ana.lopez@example.com please";

async function main() {
  await ready();
  const out = new PromptFilter().screenPrompt(PROMPT);
  return { verdict: out.verdict, text: out.text, types: out.findings.map((f) => f.type) };
}

main().then(
  (r) => { window.__pf = r; },
  (e) => { window.__pf = { error: String((e && e.stack) || e) }; },
);
