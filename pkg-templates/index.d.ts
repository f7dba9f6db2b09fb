// (response branch) Only the SSE adapter exports; the full typings live on
// the typings branch. Merge: keep this line in the full index.d.ts.
export * from "./sse.js";
