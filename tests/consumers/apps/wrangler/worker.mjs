// A Cloudflare Worker: wrangler resolves the "workerd" entry, which
// imports the .wasm as a module.
import { ready, PromptFilter } from "promptfence";

export default {
  async fetch(request) {
    await ready();
    const out = new PromptFilter().screenPrompt(await request.text());
    return Response.json({ verdict: out.verdict, text: out.text, types: out.findings.map((f) => f.type) });
  },
};
