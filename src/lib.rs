//! promptfence: a prompt firewall for LLM chat that runs where the user is.
//!
//! It screens what a person types before it leaves the device (PII
//! pseudonymized, secrets removed, prompt injections scored) and what the
//! model sends back before it is shown (pseudonyms restored, leaked PII and
//! secrets redacted, canaries caught).
//!
//! If you just want the API: compile a [`Policy`] into a [`Filter`], open a
//! [`PromptFilter`] per conversation and call
//! [`PromptFilter::screen_prompt`]. The names are the JS package's:
//! `PromptFilter`, `ScreenResult`, `Finding`, `AuditRecord`,
//! `ResponseScanner`.
//!
//! ```
//! use promptfence::{Filter, Policy, PromptFilter, Verdict};
//!
//! let filter = Filter::new(Policy::default())?;
//! let mut chat = PromptFilter::new(&filter);
//! let out = chat.screen_prompt("Mail me at ana.lopez@example.com ok");
//! assert_eq!(out.verdict, Verdict::Redact);
//! assert_eq!(out.text, "Mail me at [EMAIL_1] ok");
//! assert_eq!(chat.restore(&out.text), "Mail me at ana.lopez@example.com ok");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # API themes
//!
//! - Spans are byte offsets into the text you passed. The JS binding
//!   converts them to UTF-16 code units.
//! - Screening never fails: over-limit input gives a `block` result (or,
//!   with `failClosed: false`, an `allow` result saying it was not
//!   screened). Only building a filter returns errors, and those name the
//!   policy key path.
//! - Nothing here prints or formats a detected value: `Debug` of findings,
//!   vaults and results shows offsets, types and counts only.
//!
//! # How a text is screened
//!
//! One pipeline, one direction: **detect** (regex engine, names, deny
//! list, injection) → **resolve** (thresholds, allow list, repeats of
//! secrets, tenant endpoints, one overlap resolution) → **act** (mask,
//! redact, hash, pseudonymize, synthesize, block; edits applied once) →
//! **report** ([`ScreenResult`], verdict). A [`Filter`] holds the compiled
//! stages; a [`PromptFilter`] adds one conversation's vault and canaries
//! and screens prompts through the filter and responses through the
//! response checks (restored tokens, canaries, system-prompt leaks,
//! exfiltration links), which take the filter and the vault it lends
//! ([`PromptFilter::response_context`]). The repository's
//! `docs/ARCHITECTURE.md` maps every module.
//!
//! # Untrusted input
//!
//! Text of any size up to `limits.maxInputBytes` (16 MiB by default) is
//! scanned in time linear in its length (regexes are finite automata, no
//! backtracking). Policies are untrusted too: at most 256 custom rules,
//! patterns of at most 4 KiB, each compiled to at most 1 MiB.
//!
//! # Streaming responses
//!
//! A [`ResponseScanner`] screens a model response as it arrives
//! (`chat.response_scanner()`, then `push(&mut chat.response_context(),
//! chunk)` per chunk and `finish` at the end): `push`
//! returns the text that is safe to show now, `finish` the rest, and the
//! joined output equals [`PromptFilter::screen_response`] of the joined input
//! for every way of splitting it (property-tested). It holds back only
//! what could still become a finding: usually the current word (plus the
//! last 7 words when a system prompt is fingerprinted); an unclosed
//! markdown link or pseudonym token from its `[`; a PEM block from its
//! `-----BEGIN`. The hold-back never exceeds 72 KiB (the longest built-in
//! match plus context); a custom rule whose match can be longer may be
//! split at that bound. A blocked response (canary, system-prompt leak,
//! a `block` action) reads as the screened text before the block point
//! followed by `[blocked]`, in one-shot and stream alike.

#![deny(missing_docs)]
#![deny(unsafe_code)]
#![warn(missing_debug_implementations)]

mod codec;
mod digest;
mod engine;
mod error;
mod filter;
mod inject;
mod links;
mod literals;
mod names;
mod normalize;
mod order;
mod policy;
mod random;
mod report;
mod response;
mod rules;
mod session;
mod span;
mod synth;
mod trie;
mod validate;
mod vault;
mod work;

#[cfg(feature = "wasm")]
#[allow(unsafe_code)]
mod wasm;

pub use crate::error::Error;
pub use crate::filter::{
    load_injection_model, load_names_data, Filter, NamesDataInfo,
};
pub use crate::policy::{
    CustomRule, DenyEntry, FamilyPolicy, InjectionPolicy, Policy,
    ResponsePolicy, Value,
};
pub use crate::report::{
    Action, AuditRecord, Finding, Kind, ScreenResult, TypeMap, Verdict,
    CONTEXT_SOURCES,
};
pub use crate::response::{ResponseContext, ResponseScanner};
pub use crate::session::PromptFilter;
pub use crate::span::{utf16_len, utf16_offsets};
pub use crate::vault::{Vault, VaultEntry};

#[doc(hidden)]
pub mod __private {
    //! Internals exposed for the crate's own tests and benches only.
    //! Not API: may change in any release.
    use crate::filter::Side;

    /// The JS binding's classes, for the wasm-bindgen tests (tests/wasm.rs).
    #[cfg(feature = "wasm")]
    pub use crate::wasm::{PromptFilter, ResponseScanner};
    /// Rows in the built-in secret table (all must parse).
    pub const SECRET_RULES_LEN: usize = crate::rules::secrets::RULES_LEN;

    /// Every type a built-in PII (`pii`) or secret (`secret`) detector
    /// reports, sorted: the vocabulary of `PiiType` / `SecretType` in
    /// `index.d.ts`.
    pub fn builtin_types(kind: crate::Kind) -> Vec<String> {
        crate::policy::known_types(kind, &[], &[])
    }

    /// Every injection signal type: the vocabulary of `InjectionType` in
    /// `index.d.ts`.
    pub fn injection_types() -> Vec<&'static str> {
        crate::inject::rules::TYPES.to_vec()
    }

    /// Finding types of the response checks and of the input limit: the
    /// vocabulary of `CheckType` in `index.d.ts`.
    pub fn check_types() -> Vec<&'static str> {
        let mut t = crate::response::TYPES.to_vec();
        t.push(crate::filter::INPUT_TOO_LARGE);
        t
    }

    /// Checks and decodes a large names data file without installing it
    /// (the fuzz target): its number of entries, or the error message.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn names_data_decode(bytes: &[u8]) -> Result<usize, &'static str> {
        crate::names::decode_data(bytes)
    }

    /// The names tagger's view of `text` for its trainer
    /// (`tools/train_names_tagger.rs`): each token's byte span and hashed
    /// features, the first few of which are the word's own, and whether
    /// it is always O.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn tagger_features(
        text: &str,
    ) -> Vec<(usize, usize, Vec<u32>, usize, bool)> {
        crate::names::tagger::token_features(text)
    }

    /// Writes a names tagger file: table bits, scale, minimum margins
    /// per type (core lists: listed, unlisted; large data: the same),
    /// transitions (8 x 7) and weights (2^bits x 7).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn tagger_encode(
        bits: u32,
        scale: f32,
        min: [f32; 12],
        trans: &[i8],
        weights: &[i8],
    ) -> Vec<u8> {
        crate::names::tagger::encode(bits, scale, min, trans, weights)
    }

    /// Checks a names tagger file without installing it: its weight rows
    /// or the error message.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn tagger_check(bytes: &[u8]) -> Result<usize, &'static str> {
        crate::names::tagger::check(bytes).map_err(|e| e.0)
    }

    /// The installed names tagger's spans of `text`: (byte start, end,
    /// type, mean margin), whatever the margin.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn tagger_spans(text: &str) -> Vec<(usize, usize, &'static str, f32)> {
        crate::names::tagger::raw_spans(text)
    }

    /// The tagger's tags for emission scores (rows of 7), transitions
    /// (`trans(from, to)`, from 7 = the start) and tokens that are
    /// always O.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn tagger_decode(
        emit: &[f32],
        trans: &dyn Fn(usize, usize) -> f32,
        cut: &[bool],
        tags: &mut [u8],
    ) {
        crate::names::tagger::decode_cuts(emit, trans, cut, tags)
    }

    /// Every validator's policy name, in the table's order (the
    /// TypeScript `ValidatorName` type lists the same, in this order).
    pub fn validator_names() -> Vec<&'static str> {
        crate::validate::Validator::all().map(|v| v.name()).collect()
    }

    /// The name of the validator that `name` selects in a policy, or
    /// `None` if no validator has that name (`name(by_name(name))`).
    pub fn validator_name_round_trip(name: &str) -> Option<&'static str> {
        crate::validate::Validator::by_name(name).map(|v| v.name())
    }

    /// A built-in rule's (id, type, kind name, hits, misses).
    pub type RuleExamples = (
        &'static str,
        &'static str,
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
    );

    /// Every built-in rule's (id, type, kind name, hits, misses).
    pub fn builtin_examples() -> Vec<RuleExamples> {
        crate::rules::builtin()
            .map(|r| (r.id, r.type_name, r.kind.as_str(), r.hits, r.misses))
            .collect()
    }

    /// Injection classifier features of `text`: (hashed feature codes,
    /// dense features, rule floor). For `tools/train_injection.rs`.
    pub fn inject_features(text: &str) -> (Vec<u32>, Vec<f32>, f32) {
        let (f, _) = crate::inject::analyze(text, false);
        (f.hashed, f.dense.to_vec(), f.floor)
    }

    /// As [`inject_features`], with the hashed codes of each segment
    /// (line or sentence) of `text` after the whole text's.
    #[allow(clippy::type_complexity)]
    pub fn inject_features_segments(
        text: &str,
    ) -> (Vec<u32>, Vec<Vec<u32>>, Vec<f32>, f32) {
        let (f, _) = crate::inject::analyze(text, false);
        let mut from = 0;
        let segs = f
            .seg_ends
            .iter()
            .map(|&e| {
                let e = e as usize;
                let s = f.seg_codes[from..e].to_vec();
                from = e;
                s
            })
            .collect();
        (f.hashed, segs, f.dense.to_vec(), f.floor)
    }

    /// As [`inject_features_segments`], with the large model's own pass
    /// over `2^bits` buckets (`features::wide` in `src/inject/features.rs`).
    #[cfg(not(target_arch = "wasm32"))]
    #[allow(clippy::type_complexity)]
    pub fn inject_features_wide(
        text: &str,
        bits: u32,
    ) -> (Vec<u32>, Vec<Vec<u32>>, Vec<f32>, f32) {
        let (f, _) = crate::inject::analyze(text, true);
        let (h, c, e) = f
            .view
            .as_ref()
            .map(|(v, s)| crate::inject::features::wide(v, *s, bits))
            .unwrap_or_default();
        let mut from = 0;
        let segs = e
            .iter()
            .map(|&e| {
                let e = (e as usize).min(c.len());
                let s = c[from.min(e)..e].to_vec();
                from = e;
                s
            })
            .collect();
        (h, segs, f.dense.to_vec(), f.floor)
    }

    /// Bucket and sign of a hashed injection feature code.
    pub fn inject_bucket(code: u32) -> (usize, f32) {
        crate::inject::features::bucket(code)
    }

    /// (hashed buckets, dense features) of the injection classifier.
    pub const INJECT_DIMS: (usize, usize) =
        (crate::inject::features::BUCKETS, crate::inject::features::N_DENSE);

    /// A large injection model file (`src/inject/large.rs`'s format):
    /// bucket bits, weight scale, intercept, dense weights, calibration
    /// knots (logits, risks) and the 4-bit weights. For
    /// `tools/train_injection.rs`.
    #[cfg(not(target_arch = "wasm32"))]
    pub use crate::inject::large::encode as inject_large_encode;

    /// A large injection model read from its file but not installed
    /// (tests, the trainer's check).
    #[cfg(not(target_arch = "wasm32"))]
    #[allow(missing_debug_implementations)]
    pub struct InjectLarge(crate::inject::large::Large);

    #[cfg(not(target_arch = "wasm32"))]
    impl InjectLarge {
        /// Parses a file, or says what is wrong with it.
        pub fn parse(bytes: &[u8]) -> Result<InjectLarge, &'static str> {
            crate::inject::large::parsed(bytes).map(InjectLarge)
        }

        /// The calibrated classifier vote alone (no rules, no damping).
        pub fn classifier(&self, text: &str) -> f32 {
            let f = crate::inject::analyze(text, true).0;
            crate::inject::large_risk(&self.0, &f)
        }

        /// Injection risk of `text` as [`inject_risk`], with this model's
        /// vote.
        pub fn risk(&self, text: &str) -> f32 {
            crate::inject::assess_with(text, Some(&self.0)).risk
        }
    }

    /// Injection risk of `text` with the shipped model.
    pub fn inject_risk(text: &str) -> f32 {
        crate::inject::assess(text).risk
    }

    /// Injection signals of `text`: (rule id, type, byte span, score).
    pub fn inject_signals(
        text: &str,
    ) -> Vec<(&'static str, &'static str, std::ops::Range<usize>, f32)> {
        crate::inject::assess(text)
            .signals
            .into_iter()
            .map(|s| (s.rule, s.type_name, s.span, s.score))
            .collect()
    }

    /// Injection rules: (id, type, hits, misses).
    pub fn inject_rules() -> Vec<(
        &'static str,
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
    )> {
        crate::inject::rules::RULES
            .iter()
            .map(|r| (r.id, r.type_name, r.hits, r.misses))
            .collect()
    }

    /// Injection phrase rules (`Squashed` view only): (id, phrases).
    pub fn inject_rule_phrases() -> Vec<(&'static str, &'static str)> {
        crate::inject::rules::DEFS
            .iter()
            .filter(|r| r.view == crate::inject::rules::View::Squashed)
            .map(|r| (r.id, r.phrases))
            .collect()
    }

    /// The normalized view of `text` and the original span of each of its
    /// chars: (normalized text, [(normalized byte, original span)]).
    pub fn normalize_map(
        text: &str,
    ) -> (String, Vec<(usize, std::ops::Range<usize>)>) {
        let n = crate::normalize::normalize(text);
        let spans = n
            .text
            .char_indices()
            .map(|(i, c)| (i, n.to_original(text, i..i + c.len_utf8())))
            .collect();
        (n.text, spans)
    }

    /// The engine's work count on this thread (bytes its searches were
    /// handed): `tests/pathological.rs` checks it grows linearly.
    pub fn engine_work() -> u64 {
        crate::work::get(crate::work::Work::Engine)
    }

    /// Bytes the names detector's chunk contexts read on this thread
    /// (native builds; 0 in wasm): the pathological-input test's count.
    pub fn names_work() -> u64 {
        crate::work::get(crate::work::Work::Names)
    }

    /// Every built-in pattern as the engine compiles it (context rows with
    /// their template applied), by rule id.
    pub fn builtin_patterns() -> Vec<(&'static str, String)> {
        crate::rules::builtin()
            .map(|r| (r.id, r.pattern.to_string()))
            .collect()
    }

    /// The built-in rules whose pattern the engine's regex (regex-lite)
    /// does not compile, with its error: such a rule would match nothing
    /// (`regex_syntax` accepts more, e.g. class intersection).
    pub fn builtin_compile_errors() -> Vec<(&'static str, String)> {
        crate::rules::builtin()
            .filter_map(|r| {
                let err = crate::engine::compile_builtin(r.pattern).err()?;
                Some((r.id, err))
            })
            .collect()
    }

    /// Raw detections as (rule, type, span, score): after validators,
    /// entropy and stopwords, before policy and overlap resolution.
    pub fn detections(
        filter: &crate::Filter,
        text: &str,
    ) -> Vec<(String, String, std::ops::Range<usize>, f32)> {
        filter.raw_detections(text)
    }

    /// Every built-in rule's (id, validator policy name).
    pub fn builtin_validators() -> Vec<(&'static str, &'static str)> {
        crate::rules::builtin().map(|r| (r.id, r.validator.name())).collect()
    }

    /// Every built-in rule's declared match window (0: whole text), by id.
    pub fn builtin_windows() -> Vec<(&'static str, usize)> {
        crate::rules::builtin().map(|r| (r.id, r.window)).collect()
    }

    /// Candidate findings as (rule, type, span) with the prefilter on or
    /// with every rule forced to be a candidate.
    pub fn candidates(
        filter: &crate::Filter,
        text: &str,
        all_rules: bool,
    ) -> Vec<(String, String, std::ops::Range<usize>)> {
        filter
            .candidates_with(text, Side::Prompt, all_rules)
            .into_iter()
            .map(|c| (c.rule, c.type_name, c.span))
            .collect()
    }
}
