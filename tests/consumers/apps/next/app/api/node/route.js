// A Node.js route handler: the "node" entry.
import { ready, PromptFilter } from "promptfence";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request) {
  await ready();
  const out = new PromptFilter().screenPrompt(await request.text());
  return Response.json({ verdict: out.verdict, text: out.text, types: out.findings.map((f) => f.type) });
}
