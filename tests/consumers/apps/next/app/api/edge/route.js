// The same handler as an edge route: the "edge-light" entry.
export { POST } from "../node/route.js";

export const runtime = "edge";
export const dynamic = "force-dynamic";
