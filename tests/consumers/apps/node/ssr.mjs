// React server rendering of a component using usePromptFilter: effects
// do not run on the server, so it renders the not-ready state.
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { usePromptFilter } from "promptfence/react";

function App() {
  const { ready, screenPrompt } = usePromptFilter();
  return h("pre", null, ready ? screenPrompt("x").text : "loading");
}

console.log(renderToString(h(App)));
