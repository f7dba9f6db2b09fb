// promptfence/react: the `usePromptFilter` hook. React is an optional
// peer dependency; only this subpath imports it.
//
//   const { ready, error, screenPrompt } = usePromptFilter(policy);
//   const out = screenPrompt(text);          // null until the wasm is ready
//
// The hook calls ready() once, makes one PromptFilter per component (a
// new one when the policy's JSON changes) and frees it on unmount. The
// filter keeps the conversation's pseudonym vault, so use one hook per
// conversation. During server rendering effects do not run: `ready` is
// false and `screenPrompt` returns null.
import { useCallback, useEffect, useState } from "react";
import { PromptFilter, ready as load } from "promptfence";

/** `policy` may be a new object each render: it is compared by JSON. */
export function usePromptFilter(policy) {
  const key = policy == null ? "" : JSON.stringify(policy);
  const [state, setState] = useState({ filter: null, error: null });

  useEffect(() => {
    let live = true;
    let made = null;
    load().then(
      () => {
        if (!live) return;
        try {
          made = new PromptFilter(key === "" ? undefined : JSON.parse(key));
          setState({ filter: made, error: null });
        } catch (error) {
          setState({ filter: null, error });
        }
      },
      (error) => { if (live) setState({ filter: null, error }); },
    );
    return () => {
      live = false;
      if (made) {
        const gone = made;
        setState((s) => (s.filter === gone ? { filter: null, error: null } : s));
        gone.free();
      }
    };
  }, [key]);

  const { filter, error } = state;
  const screenPrompt = useCallback((text) => (filter ? filter.screenPrompt(text) : null), [filter]);
  return { ready: filter !== null, error, filter, screenPrompt };
}
