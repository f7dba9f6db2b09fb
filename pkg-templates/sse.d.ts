// Types for the server-sent-event adapters (sse.js).
import type { PromptFilter } from "./index.js";

/** A finding from an SSE adapter, tagged with the output it belongs to
 * (choice index, `itemId:contentIndex`, or content block index). */
export interface SSEFinding {
  output: string | number;
  kind: string;
  type: string;
  start: number;
  end: number;
  score: number;
  action: string;
  rule: string;
  replacement?: string;
}

/** Bytes in, bytes out; `findings()` lists what was found so far. */
export interface SSETransformStream
  extends TransformStream<Uint8Array, Uint8Array> {
  findings(): SSEFinding[];
}

/** Screens an OpenAI Chat Completions event stream (`stream: true`). */
export function openAIChatSSE(filter: PromptFilter): SSETransformStream;
/** Screens an OpenAI Responses API event stream (`stream: true`). */
export function openAIResponsesSSE(filter: PromptFilter): SSETransformStream;
/** Screens an Anthropic Messages event stream (`stream: true`). */
export function anthropicSSE(filter: PromptFilter): SSETransformStream;
