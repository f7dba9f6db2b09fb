// Type-checked (never run) by package.test.mjs against the installed
// tarball's index.d.ts: every public name, used the way the docs show.
import {
  ready,
  PromptFilter,
  ResponseScanner,
  detectorTypes,
  type Finding,
  type Policy,
  type PolicyError,
  type ScreenResult,
  type ContextResult,
  type ContextSource,
  type MessagesResult,
  type AuditRecord,
  type VaultDump,
} from "promptfence";

export async function demo(): Promise<string> {
  await ready();
  const secretTypes: readonly string[] = detectorTypes.secret;
  const firstPii: string | undefined = detectorTypes.pii[0];
  void secretTypes;
  void firstPii;
  await ready(new URL("https://cdn.example/promptfence_bg.wasm"));
  const policy: Policy = {
    version: 1,
    failClosed: true,
    limits: { maxInputBytes: 1 << 20 },
    pii: { actions: { EMAIL: "mask" }, minScore: 0.6, thresholds: { PHONE: 0.7 } },
    secrets: { action: "redact", disabledRules: ["generic-api-key"] },
    injection: { flagThreshold: 0.4, blockThreshold: 0.9 },
    allowList: ["support@example.com"],
    denyList: [{ value: "Project Falcon", type: "CODENAME" }],
    rules: [{ id: "ticket", type: "TICKET_ID", regex: "TCK-\\d{6}", keywords: ["tck-"], validator: "none" }],
    mask: { char: "#", keepLast: 4 },
    hash: { key: "k" },
    response: { allowedHosts: ["example.com"], systemPrompt: "You are…", canaries: ["canary-123"], restore: true },
  };
  let filter: PromptFilter;
  try {
    filter = new PromptFilter(policy);
  } catch (e) {
    const err = e as PolicyError;
    return `${err.name} at ${err.path}: ${err.message}`;
  }
  const out: ScreenResult = filter.screenPrompt("hi");
  const f: Finding | undefined = out.findings[0];
  const span: [number, number] = f ? [f.start, f.end] : [0, 0];
  const verdict: "allow" | "redact" | "block" = out.verdict;
  const audit: AuditRecord = filter.audit(out);
  const back: ScreenResult = filter.screenResponse("[EMAIL_1]");
  const ctx: ContextResult = filter.screenContext("tool output", { source: "tool" });
  const src: ContextSource = ctx.source;
  const msgs: MessagesResult = filter.screenMessages([
    { role: "system", content: "You are helpful." },
    { role: "user", content: "hi" },
    { role: "tool", content: [{ type: "text", text: "42" }], tool_call_id: "1" },
  ]);
  const firstRole: string = msgs.messages[0]?.role ?? src;
  void firstRole;
  // @ts-expect-error: sources are a closed set
  filter.screenContext("x", { source: "rumour" });
  const restored: string = filter.restore(back.text);
  const s: ResponseScanner = filter.responseScanner();
  const shown: string = s.push("a") + s.finish();
  const found: Finding[] = s.findings;
  const stream: TransformStream<string, string> = filter.responseStream();
  const dump: VaultDump = filter.exportVault();
  const added: number = filter.importVault(dump);
  const n: number = filter.ruleCount + added + found.length + span[0] + audit.findings;
  const c: string = filter.canary();
  s.free();
  filter.free();
  const disposable: () => void = filter[Symbol.dispose];
  void disposable;
  // @ts-expect-error: unknown policy keys are rejected at compile time too
  new PromptFilter({ bogusKey: 1 });
  // @ts-expect-error: actions are a closed set
  new PromptFilter({ pii: { action: "vaporize" } });
  void stream;
  return `${verdict} ${restored} ${shown} ${n} ${c}`;
}
