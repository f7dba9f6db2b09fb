// Types for promptfence/react (react.js).
import type { Policy, PromptFilter, ScreenResult } from "./index.js";

export interface UsePromptFilter {
  /** True once the wasm is loaded and the filter exists. */
  ready: boolean;
  /** Why loading or the policy failed (a PolicyError for a bad policy). */
  error: Error | null;
  /** This component's filter (null until ready); freed on unmount. */
  filter: PromptFilter | null;
  /** `filter.screenPrompt(text)`, or null until ready. */
  screenPrompt(text: string): ScreenResult | null;
}

/** One PromptFilter per component, made after `ready()`; a new one when the
 * policy's JSON changes. */
export function usePromptFilter(policy?: Policy | null): UsePromptFilter;
