// The same app on `promptfence/inline` (the .wasm inlined as base64), for
// bundles that do not emit the .wasm (an esbuild IIFE).
import { ready, PromptFilter } from "promptfence/inline";

ready().then(
  () => {
    const out = new PromptFilter().screenPrompt("Mail me at ana.lopez@example.com please");
    window.__pf = { verdict: out.verdict, text: out.text, types: out.findings.map((f) => f.type) };
  },
  (e) => { window.__pf = { error: String((e && e.stack) || e) }; },
);
