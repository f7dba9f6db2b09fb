// Node as CommonJS: require() of the ES module package (Node >= 20.19).
const { ready, PromptFilter } = require("promptfence");

ready().then(() => {
  const out = new PromptFilter().screenPrompt("Mail me at ana.lopez@example.com please");
  console.log(JSON.stringify({ verdict: out.verdict, text: out.text, types: out.findings.map((f) => f.type) }));
});
