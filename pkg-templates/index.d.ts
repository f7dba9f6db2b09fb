// Type declarations for promptfence (hand-written; checked against
// src/wasm/ and src/policy/mod.rs). Every entry point (browser, node,
// workerd) exports the same names.

/** What a screening decided for the whole text. */
export type Verdict = "allow" | "redact" | "block";

/** What happens to one finding's text. */
export type Action =
  | "allow"
  | "flag"
  | "mask"
  | "redact"
  | "hash"
  | "pseudonymize"
  | "synthesize"
  | "block";

/** Detection family. */
export type Kind = "pii" | "secret" | "injection" | "canary" | "leak" | "exfiltration" | "limit";

/** One detection. Offsets are UTF-16 code units (JS string indices) into the
 * ORIGINAL input: `input.slice(start, end)` is the detected text. */
export interface Finding {
  kind: Kind;
  /** Canonical UPPER_SNAKE type, e.g. "EMAIL", "CREDIT_CARD", "AWS_ACCESS_KEY_ID". */
  type: string;
  start: number;
  end: number;
  /** Confidence in [0, 1]. */
  score: number;
  action: Action;
  /** Id of the rule that matched. */
  rule: string;
  /** The text that replaced the value in `text`, when it was replaced. */
  replacement?: string;
}

/** Result of `screenPrompt` / `screenResponse`. */
export interface ScreenResult {
  verdict: Verdict;
  /** The text with every action applied (what may be sent or shown). Lone
   * surrogates in the input come back as U+FFFD. */
  text: string;
  /** Prompt-injection risk in [0, 1]. */
  risk: number;
  /** Every detection, including those whose action is "allow" or "flag". */
  findings: Finding[];
}

/** Privacy-safe summary of a result: never contains a raw value. */
export interface AuditRecord {
  verdict: Verdict;
  risk: number;
  /** Number of findings. */
  findings: number;
  /** Findings counted by type, e.g. { EMAIL: 1 }. */
  counts: Record<string, number>;
  /** Ids of the rules that matched. */
  rules: string[];
  /** Fingerprint of the compiled policy. */
  policy: string;
}

/** One vault entry: a pseudonym token and the value it stands for. */
export interface VaultEntry {
  token: string;
  value: string;
  type: string;
}

/** The vault as returned by `exportVault()`. Holds original values: store it
 * only where the conversation itself is stored. */
export interface VaultDump {
  version: 1;
  entries: VaultEntry[];
}

/** Settings for one detection family (PII or secrets). */
export interface FamilyPolicy {
  /** Detect this family at all. Default true. */
  enabled?: boolean;
  /** Restrict detection to these types; default: every type. */
  types?: string[];
  /** Action for types without their own entry. */
  action?: Action;
  /** Per-type actions, e.g. { EMAIL: "mask" }. */
  actions?: Record<string, Action>;
  /** Findings scoring below this are dropped. Default 0.5. */
  minScore?: number;
  /** Per-type minimum scores. */
  thresholds?: Record<string, number>;
}

/** Secrets also accept built-in rule ids to switch off. */
export interface SecretsPolicy extends FamilyPolicy {
  disabledRules?: string[];
}

/** Validators a custom rule may name: every built-in validator, in the
 * order of the Rust table (src/validate/mod.rs). Extension: the secret
 * shapes the built-in rules use ("generic_token", "jwt", "bare_run",
 * "prefixed") can now be named too. */
export type ValidatorName =
  | "none"
  | "luhn"
  | "iban"
  | "us_ssn"
  | "ipv4"
  | "ipv6"
  | "phone"
  | "token"
  | "aba_routing"
  | "au_abn"
  | "au_acn"
  | "au_tfn"
  | "au_medicare"
  | "credit_card"
  | "phone_nanp"
  | "phone_trunk"
  | "phone_br"
  | "pl_nip"
  | "br_cpf"
  | "br_cnpj"
  | "ca_sin"
  | "crypto_wallet"
  | "date"
  | "dea"
  | "de_kvnr"
  | "de_lanr"
  | "de_rvnr"
  | "de_tax_id"
  | "es_nif"
  | "fi_hetu"
  | "fr_nir"
  | "icao"
  | "in_gstin"
  | "it_fiscal_code"
  | "it_vat"
  | "kr_brn"
  | "kr_driver"
  | "kr_frn"
  | "kr_rrn"
  | "mac"
  | "nl_bsn"
  | "not_placeholder"
  | "pl_pesel"
  | "se_org"
  | "se_pnr"
  | "sg_nric"
  | "sg_uen"
  | "th_tnin"
  | "tr_plate"
  | "tr_phone"
  | "tr_tckn"
  | "uk_driving"
  | "uk_nhs"
  | "uk_nino"
  | "uk_plate"
  | "url"
  | "us_itin"
  | "us_npi"
  | "verhoeff"
  | "za_id"
  | "generic_token"
  | "jwt"
  | "bare_run"
  | "prefixed";

/** A user-defined regex rule. `\d`, `\w`, `\b` are ASCII-only. */
export interface CustomRule {
  /** Unique id, reported in findings. */
  id: string;
  /** UPPER_SNAKE type reported in findings. */
  type: string;
  regex: string;
  /** Default "pii". */
  kind?: "pii" | "secret";
  /** Prefilter keywords; empty: the rule always runs. */
  keywords?: string[];
  /** Capture group reported (0: whole match). */
  group?: number;
  validator?: ValidatorName;
  /** Score of a match. Default 0.9. */
  score?: number;
  action?: Action;
  /** Context words that raise the score. */
  context?: string[];
}

/** The policy: every key optional; unknown keys throw a PolicyError. */
export interface Policy {
  version?: 1;
  /** Over-limit input is blocked (default true). */
  failClosed?: boolean;
  limits?: { maxInputBytes?: number };
  pii?: FamilyPolicy;
  secrets?: SecretsPolicy;
  injection?: {
    enabled?: boolean;
    /** Risk at or above which signals are flagged. Default 0.5. */
    flagThreshold?: number;
    /** Risk at or above which the prompt is blocked. Default 0.8. */
    blockThreshold?: number;
  };
  /** Values never flagged. */
  allowList?: string[];
  /** Values always flagged as `type`. */
  denyList?: { value: string; type: string; kind?: "pii" | "secret" }[];
  rules?: CustomRule[];
  mask?: { char?: string; keepLast?: number };
  /** Key for the "hash" action; default: a random per-filter key. */
  hash?: { key?: string };
  response?: {
    pii?: FamilyPolicy;
    secrets?: SecretsPolicy;
    /** Hosts links and images may point to; others are stopped. */
    allowedHosts?: string[];
    /** Fingerprinted; a response that leaks it is blocked. */
    systemPrompt?: string;
    /** Extra canary markers (at least 6 characters each). */
    canaries?: string[];
    /** Restore pseudonyms in responses. Default true. */
    restore?: boolean;
  };
}

/** Thrown by `new PromptFilter(policy)` for an invalid policy. `name` is
 * "PolicyError" (or "LimitError" for a policy over a size limit); `path` is
 * the key path of the offending value, e.g. "pii.actions.EMAIL". */
export interface PolicyError extends Error {
  name: "PolicyError" | "LimitError";
  message: string;
  path: string;
}

/** Incremental response screening. Everything `push` and `finish` return,
 * joined, equals `screenResponse` of the joined chunks. */
export class ResponseScanner {
  private constructor();
  /** Adds a chunk; returns the text that is safe to show now. */
  push(chunk: string): string;
  /** Ends the stream; returns the rest. */
  finish(): string;
  /** Findings so far; offsets are UTF-16 units into the joined input. */
  readonly findings: Finding[];
  /** The verdict so far: "block" once a blocking finding was seen. */
  readonly verdict: Verdict;
  /** Releases the wasm memory now instead of at garbage collection. */
  free(): void;
}

/** A prompt filter for one conversation: compiled policy plus the vault of
 * pseudonyms. Create it after `await ready()`. */
export class PromptFilter {
  /** @throws {PolicyError} for an invalid policy; Error if used before ready(). */
  constructor(policy?: Policy | null);
  /** Screens a user prompt before it is sent. */
  screenPrompt(text: string): ScreenResult;
  /** Screens a complete model response: pseudonyms restored, output policy applied. */
  screenResponse(text: string): ScreenResult;
  /** Replaces vault tokens ([EMAIL_1], …) with the original values. */
  restore(text: string): string;
  /** A privacy-safe summary of a result, fit for logs. */
  audit(result: ScreenResult): AuditRecord;
  /** A fresh random marker to embed in a system prompt; a response echoing it is blocked. */
  canary(): string;
  /** A streaming scanner sharing this filter's vault. */
  responseScanner(): ResponseScanner;
  /** The same as a Web TransformStream<string, string>. */
  responseStream(): TransformStream<string, string>;
  /** The vault (original values!) as a plain object. */
  exportVault(): VaultDump;
  /** Adds entries from `exportVault()`; returns how many were added. */
  importVault(dump: VaultDump): number;
  /** Number of detection rules compiled into this filter. */
  readonly ruleCount: number;
  /** Releases the wasm memory now instead of at garbage collection. */
  free(): void;
}

/** Instantiates the wasm module once; safe to call again. In browsers an
 * optional URL, Response or WebAssembly.Module may replace the default
 * `promptfence_bg.wasm` next to the entry file. */
export function ready(
  moduleOrPath?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;

export * from "./sse.js";
