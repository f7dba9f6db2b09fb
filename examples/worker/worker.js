// promptfence in an edge worker (workerd, Cloudflare Workers): POST a JSON
// body {"prompt": "..."}; the answer is the screened prompt, the text that
// may be forwarded to a model. Run: see README.md next to this file.
import { ready, PromptFilter } from "promptfence";

export default {
  async fetch(request) {
    if (request.method !== "POST") {
      return new Response('POST a JSON body {"prompt": "..."}\n', { status: 405, headers: { allow: "POST" } });
    }
    let prompt;
    try {
      ({ prompt } = await request.json());
    } catch {
      return Response.json({ error: "the body is not JSON" }, { status: 400 });
    }
    if (typeof prompt !== "string") {
      return Response.json({ error: "prompt must be a string" }, { status: 400 });
    }
    await ready(); // a no-op in workers (the wasm is instantiated at import)
    const filter = new PromptFilter();
    try {
      const out = filter.screenPrompt(prompt);
      // A real worker would now send out.text to the model, and the
      // model's answer through filter.responseStream() back to the client.
      return Response.json(
        {
          verdict: out.verdict,
          risk: out.risk,
          text: out.text,
          // Offsets into the prompt (JS string indices), no raw values.
          findings: out.findings.map(({ kind, type, start, end, action }) => ({ kind, type, start, end, action })),
        },
        { status: out.verdict === "block" ? 403 : 200 },
      );
    } finally {
      filter.free(); // release the wasm memory now, not at garbage collection
    }
  },
};
