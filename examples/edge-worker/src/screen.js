// What the proxy screens in an OpenAI-style request and response, and the
// privacy-safe tally the audit line is made of.
//
// Requests, by role:
//   user                       screenPrompt: PII pseudonymized, secrets
//                              redacted, injection blocks the request;
//   tool, function,            screenContext (source "tool"/"function"):
//   function_call_output       the same, with the planted-instruction
//                              assessment for content the user did not write;
//   system, developer,         PII and secrets replaced the same way (so a
//   assistant, instructions,   value restored into an earlier answer goes
//   tool-call arguments        back as its pseudonym), injection reported in
//                              the audit but not enforced: these are the
//                              application's and the model's own words.
// A part the proxy cannot read (image, audio, file) or an unknown role or
// item type fails the request (400 unscreenable_content): nothing that was
// not screened is forwarded.

/** A request the policy blocks: 400 prompt_blocked. */
export class Blocked extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** A request the proxy cannot screen or that is malformed: 400. */
export class BadRequest extends Error {
  constructor(code, message, param = null) {
    super(message);
    this.code = code;
    this.param = param;
  }
}

const STRICT = { allow: 0, redact: 1, block: 2 };
const REPLACING = new Set(["redact", "mask", "hash", "pseudonymize", "synthesize"]);
const TEXT_PARTS = new Set(["text", "input_text", "output_text"]);

/** Counts, rule ids, strictest verdict and highest risk over many results. */
export class Tally {
  constructor() {
    this.verdict = "allow";
    this.risk = 0;
    this.findings = 0;
    this.counts = {};
    this.rules = new Set();
  }

  /** Adds findings; `verdict` is what was enforced for them. */
  add(findings, verdict, risk = 0) {
    if (STRICT[verdict] > STRICT[this.verdict]) this.verdict = verdict;
    if (risk > this.risk) this.risk = risk;
    for (const f of findings) {
      this.findings++;
      this.counts[f.type] = (this.counts[f.type] ?? 0) + 1;
      if (f.rule) this.rules.add(f.rule);
    }
  }

  /** Adds stream findings, deriving the verdict from their actions. */
  addFindings(findings) {
    let verdict = "allow";
    for (const f of findings) {
      if (f.action === "block") verdict = "block";
      else if (REPLACING.has(f.action) && verdict === "allow") verdict = "redact";
    }
    this.add(findings, verdict);
  }

  toJSON() {
    return {
      verdict: this.verdict,
      risk: Math.round(this.risk * 1000) / 1000,
      findings: this.findings,
      counts: this.counts,
      rules: [...this.rules].sort(),
    };
  }
}

const blockCode = (f, mode) => {
  if (f.kind === "injection") return mode === "context" ? "context_injection" : "prompt_injection";
  if (f.kind === "limit") return "input_too_large";
  return `${f.kind}_blocked`;
};

/** The text with every non-injection replacement applied (the package's
 * `text` is empty when an injection blocked it). */
function applyReplacements(text, findings) {
  const spans = findings
    .filter((f) => f.kind !== "injection" && typeof f.replacement === "string")
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = "";
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue; // nested in one already applied
    out += text.slice(at, f.start) + f.replacement;
    at = f.end;
  }
  return out + text.slice(at);
}

/**
 * Screens the texts of one request with one filter (one vault).
 * mode: "prompt" (user), "context" (tool output) or "data" (PII and
 * secrets only). Returns the text to forward; throws Blocked.
 */
export function makeScreener(filter, tally) {
  return function screen(text, mode, where, source) {
    const r = mode === "context" ? filter.screenContext(text, { source }) : filter.screenPrompt(text);
    if (r.verdict !== "block") {
      tally.add(r.findings, r.verdict, r.risk);
      return r.text;
    }
    const enforced = mode === "data" ? r.findings.filter((f) => f.kind !== "injection") : r.findings;
    const blocking = enforced.filter((f) => f.action === "block");
    if (blocking.length === 0) {
      // data mode, blocked by injection only: apply the other actions.
      const replaced = r.findings.some((f) => f.kind !== "injection" && typeof f.replacement === "string");
      tally.add(r.findings, replaced ? "redact" : "allow", r.risk);
      return applyReplacements(text, r.findings);
    }
    tally.add(r.findings, "block", r.risk);
    const types = [...new Set(blocking.map((f) => f.type))].join(", ");
    throw new Blocked(blockCode(blocking[0], mode), `${where} was blocked by the prompt firewall (${types})`);
  };
}

const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/** Screens `content` (a string, null, or an array of parts). */
function screenContent(screen, content, mode, where, source) {
  if (content === undefined || content === null) return content;
  if (typeof content === "string") return screen(content, mode, where, source);
  if (!Array.isArray(content)) throw new BadRequest("invalid_request", `${where}.content must be a string or an array of parts`);
  return content.map((p, j) => {
    const at = `${where}.content[${j}]`;
    if (!isObj(p)) throw new BadRequest("invalid_request", `${at} must be an object`);
    if (TEXT_PARTS.has(p.type) && typeof p.text === "string") return { ...p, text: screen(p.text, mode, at, source) };
    if (p.type === "refusal" && typeof p.refusal === "string") return { ...p, refusal: screen(p.refusal, "data", at) };
    throw new BadRequest(
      "unscreenable_content",
      `${at} has type ${JSON.stringify(String(p.type).slice(0, 40))}, which the proxy cannot screen (only text parts are forwarded)`,
    );
  });
}

/** Screens tool-call arguments (JSON text the model wrote). */
function screenToolCalls(screen, calls, where) {
  if (calls === undefined || calls === null) return calls;
  if (!Array.isArray(calls)) throw new BadRequest("invalid_request", `${where}.tool_calls must be an array`);
  return calls.map((c, k) => {
    if (!isObj(c) || !isObj(c.function) || typeof c.function.arguments !== "string") return c;
    return { ...c, function: { ...c.function, arguments: screen(c.function.arguments, "data", `${where}.tool_calls[${k}]`) } };
  });
}

const CHAT_MODES = { user: "prompt", tool: "context", function: "context", system: "data", developer: "data", assistant: "data" };

/** The system prompt a chat or responses request carries (for the leak check). */
export function systemText(route, body) {
  const parts = [];
  const take = (c) => {
    if (typeof c === "string") parts.push(c);
    else if (Array.isArray(c)) for (const p of c) if (isObj(p) && typeof p.text === "string") parts.push(p.text);
  };
  if (route === "responses") {
    if (typeof body.instructions === "string") parts.push(body.instructions);
    if (Array.isArray(body.input)) for (const it of body.input) if (isObj(it) && (it.role === "system" || it.role === "developer")) take(it.content);
  } else if (Array.isArray(body.messages)) {
    for (const m of body.messages) if (isObj(m) && (m.role === "system" || m.role === "developer")) take(m.content);
  }
  return parts.join("\n");
}

/** POST /v1/chat/completions: returns the body to forward. */
export function screenChat(screen, body, canary) {
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    throw new BadRequest("invalid_request", "messages must be a non-empty array", "messages");
  }
  if (body.prediction !== undefined && body.prediction !== null) {
    throw new BadRequest("unscreenable_content", "prediction is not supported by the proxy", "prediction");
  }
  const messages = body.messages.map((m, i) => {
    const where = `messages[${i}]`;
    if (!isObj(m)) throw new BadRequest("invalid_request", `${where} must be an object`);
    const mode = Object.hasOwn(CHAT_MODES, m.role) ? CHAT_MODES[m.role] : undefined;
    if (!mode) throw new BadRequest("unscreenable_content", `${where}.role is not one the proxy screens`);
    const out = { ...m, content: screenContent(screen, m.content, mode, `${where} (${m.role})`, m.role) };
    if (m.role === "assistant") {
      out.tool_calls = screenToolCalls(screen, m.tool_calls, where);
      if (out.tool_calls === undefined) delete out.tool_calls;
      if (isObj(m.function_call) && typeof m.function_call.arguments === "string") {
        out.function_call = { ...m.function_call, arguments: screen(m.function_call.arguments, "data", where) };
      }
    }
    if (m.content === undefined) delete out.content;
    return out;
  });
  if (canary) {
    const first = messages[0];
    if ((first.role === "system" || first.role === "developer") && typeof first.content === "string") {
      messages[0] = { ...first, content: `${first.content}\n${canary}` };
    } else {
      messages.unshift({ role: "system", content: canary });
    }
  }
  return { ...body, messages };
}

const RESPONSES_MODES = { user: "prompt", system: "data", developer: "data", assistant: "data" };

/** POST /v1/responses: returns the body to forward. */
export function screenResponses(screen, body, canary) {
  if (body.prompt !== undefined && body.prompt !== null) {
    throw new BadRequest("unscreenable_content", "prompt templates are not supported by the proxy (their variables are not screened)", "prompt");
  }
  const out = { ...body };
  if (typeof body.input === "string") {
    out.input = screen(body.input, "prompt", "input");
  } else if (Array.isArray(body.input)) {
    out.input = body.input.map((it, i) => {
      const where = `input[${i}]`;
      if (!isObj(it)) throw new BadRequest("invalid_request", `${where} must be an object`);
      const type = it.type ?? "message";
      if (type === "message") {
        const mode = Object.hasOwn(RESPONSES_MODES, it.role) ? RESPONSES_MODES[it.role] : undefined;
        if (!mode) throw new BadRequest("unscreenable_content", `${where}.role is not one the proxy screens`);
        return { ...it, content: screenContent(screen, it.content, mode, `${where} (${it.role})`) };
      }
      if (type === "function_call") {
        return typeof it.arguments === "string" ? { ...it, arguments: screen(it.arguments, "data", where) } : it;
      }
      if (type === "function_call_output") {
        if (typeof it.output === "string") return { ...it, output: screen(it.output, "context", `${where} (function output)`, "function") };
        return { ...it, output: screenContent(screen, it.output, "context", `${where} (function output)`, "function") };
      }
      if (type === "item_reference") return it;
      throw new BadRequest("unscreenable_content", `${where} has type ${JSON.stringify(String(type).slice(0, 40))}, which the proxy cannot screen`);
    });
  } else if (body.input !== undefined && body.input !== null) {
    throw new BadRequest("invalid_request", "input must be a string or an array", "input");
  }
  if (body.instructions !== undefined && body.instructions !== null) {
    if (typeof body.instructions !== "string") throw new BadRequest("invalid_request", "instructions must be a string", "instructions");
    out.instructions = screen(body.instructions, "data", "instructions");
  }
  if (canary) out.instructions = out.instructions ? `${out.instructions}\n${canary}` : canary;
  return out;
}

/** Screens a JSON chat completion in place; returns it. */
export function screenChatJSON(filter, tally, obj) {
  if (!isObj(obj) || !Array.isArray(obj.choices)) throw new Error("not a chat completion");
  for (const ch of obj.choices) {
    const msg = isObj(ch) ? ch.message : undefined;
    if (!isObj(msg)) continue;
    let blocked = false;
    for (const key of ["content", "refusal"]) {
      if (typeof msg[key] !== "string") continue;
      const r = filter.screenResponse(msg[key]);
      tally.add(r.findings, r.verdict);
      msg[key] = r.text;
      blocked ||= r.verdict === "block";
    }
    if (blocked) ch.finish_reason = "content_filter";
  }
  return obj;
}

/** Screens a JSON Responses API object in place; returns it. */
export function screenResponsesJSON(filter, tally, obj) {
  if (!isObj(obj) || !Array.isArray(obj.output)) throw new Error("not a response object");
  const texts = [];
  for (const item of obj.output) {
    if (!isObj(item) || !Array.isArray(item.content)) continue;
    for (const part of item.content) {
      if (!isObj(part)) continue;
      for (const key of ["text", "refusal"]) {
        if (typeof part[key] !== "string") continue;
        const r = filter.screenResponse(part[key]);
        tally.add(r.findings, r.verdict);
        part[key] = r.text;
        if (key === "text" && part.type === "output_text") texts.push(r.text);
      }
    }
  }
  if (typeof obj.output_text === "string") obj.output_text = texts.join("");
  return obj;
}
