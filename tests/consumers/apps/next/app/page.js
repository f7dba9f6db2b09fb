"use client";
// A client page: the usePromptFilter hook loads the browser entry and
// screens a prompt; the result is published on window.__pf for the test.
import { useEffect } from "react";
import { usePromptFilter } from "promptfence/react";

export default function Page() {
  const { ready, error, screenPrompt } = usePromptFilter();
  const out = ready ? screenPrompt("Mail me at ana.lopez@example.com please") : null;
  useEffect(() => {
    if (error) window.__pf = { error: String(error) };
    else if (out) window.__pf = { verdict: out.verdict, text: out.text, types: out.findings.map((f) => f.type) };
  }, [error, out && out.text]);
  return <pre id="out">{error ? String(error) : out ? out.text : "loading"}</pre>;
}
