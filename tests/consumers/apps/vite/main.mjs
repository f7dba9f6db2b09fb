// Vite + React: the usePromptFilter hook screens a prompt once ready;
// the rendered result is published on window.__pf for the test.
import { createElement as h, useEffect } from "react";
import { createRoot } from "react-dom/client";
import { usePromptFilter } from "promptfence/react";

function App() {
  const { ready, error, screenPrompt } = usePromptFilter({ pii: { actions: { EMAIL: "pseudonymize" } } });
  const out = ready ? screenPrompt("Mail me at ana.lopez@example.com please") : null;
  useEffect(() => {
    if (error) window.__pf = { error: String(error) };
    else if (out) window.__pf = { verdict: out.verdict, text: out.text, types: out.findings.map((f) => f.type) };
  }, [error, out && out.text]);
  return h("pre", { id: "out" }, error ? String(error) : out ? out.text : "loading");
}

createRoot(document.getElementById("root")).render(h(App));
