// A fetch handler for the standalone edge-runtime (Vercel's Edge Runtime
// as a library): it evaluates one classic script, so the app is bundled
// to an IIFE with promptfence/inline (the .wasm inside the bundle).
import { ready, PromptFilter } from "promptfence/inline";

addEventListener("fetch", (event) => {
  event.respondWith((async () => {
    await ready();
    const out = new PromptFilter().screenPrompt(await event.request.text());
    return Response.json({ verdict: out.verdict, text: out.text, types: out.findings.map((f) => f.type) });
  })());
});
