// Types for promptfence/fetch (fetch.js).
import type { MessagesResult, PromptFilter } from "./index.js";
import type { SSEFinding } from "./sse.js";

/** The API a request speaks; by default inferred from the URL path. */
export type ChatApi = "openai-chat" | "openai-responses" | "anthropic";

export interface ScreenedFetchOptions {
  /** The fetch to wrap (default: globalThis.fetch at call time). */
  fetch?: typeof fetch;
  /** Overrides the URL-path inference (".../messages" is Anthropic,
   * ".../responses" OpenAI Responses, anything else OpenAI Chat). */
  api?: ChatApi;
}

/** What the wrapper did, on the Response it returns for a screened call. */
export interface ScreenedResponse extends Response {
  readonly promptfence: {
    /** The request's screening (messages as sent). */
    request: MessagesResult;
    /** Response findings so far (all of them once the body is read). */
    findings(): SSEFinding[];
  };
}

/** Thrown before sending when the prompt's verdict is "block". */
export class PromptBlockedError extends Error {
  name: "PromptBlockedError";
  result: MessagesResult;
}

/** A fetch that screens chat requests and their (streamed) answers. */
export function screenedFetch(
  filter: PromptFilter,
  options?: ScreenedFetchOptions,
): (input: string | URL | Request, init?: RequestInit) => Promise<ScreenedResponse | Response>;
