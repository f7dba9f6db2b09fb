// Type-checks every export subpath of the package (tsc --strict, under
// moduleResolution bundler, node16 and nodenext).
import { ready, PromptFilter, detectorTypes, type ScreenResult } from "promptfence";
import * as inline from "promptfence/inline";
import { openAIChatSSE, anthropicSSE, type SSEFinding } from "promptfence/sse";
import { screenedFetch, PromptBlockedError, type ScreenedResponse } from "promptfence/fetch";
import { usePromptFilter, type UsePromptFilter } from "promptfence/react";

export async function main(): Promise<void> {
  await ready();
  await ready(new URL("https://cdn.example/promptfence_bg.wasm"));
  await inline.ready();
  const filter = new PromptFilter({ pii: { actions: { EMAIL: "mask" } } });
  const out: ScreenResult = filter.screenPrompt("hi");
  const types: readonly string[] = detectorTypes.pii;
  const t1 = openAIChatSSE(filter);
  const t2 = anthropicSSE(filter);
  const found: SSEFinding[] = [...t1.findings(), ...t2.findings()];
  const safeFetch = screenedFetch(filter, { api: "anthropic" });
  try {
    const res = await safeFetch("https://api.example/v1/messages", { method: "POST", body: "{}" });
    if ("promptfence" in res) {
      const r = res as ScreenedResponse;
      console.log(r.promptfence.request.verdict, r.promptfence.findings().length);
    }
  } catch (e) {
    if (e instanceof PromptBlockedError) console.log(e.result.verdict);
  }
  console.log(out.verdict, types.length, found.length);
}

export function useIt(): string {
  const hook: UsePromptFilter = usePromptFilter({ injection: { blockThreshold: 0.9 } });
  return hook.ready ? hook.screenPrompt("x")?.text ?? "" : "loading";
}
