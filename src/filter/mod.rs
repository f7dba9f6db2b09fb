//! The compiled policy, and the pipeline that screens one text.
//!
//! A [`Filter`] compiles a [`Policy`] once: detectors, allow list, hash
//! key. It is immutable, cheap to clone and shared by every conversation
//! (`session::PromptFilter`) made from it.
//!
//! Screening one text runs four stages, one module each, in one
//! direction:
//!
//! 1. **detect** (`detect`): the regex engine (built-in and custom rules,
//!    decoded runs), the names detectors, the deny list and, on prompts,
//!    the injection assessment say what is in the text;
//! 2. **resolve** (`resolve`): thresholds and the allow list, repeats of
//!    found secrets and tenant endpoints, then one overlap resolution
//!    decide which candidates stand; the injection risk gets its action;
//! 3. **act** (`act`): each standing candidate's action becomes a
//!    replacement (the vault issues pseudonyms) and the edits are applied;
//! 4. **report**: the [`ScreenResult`] with findings in text order and the
//!    verdict (`report`).
//!
//! [`Filter::screen_prompt`] runs all four. The response side
//! (`response`) runs detect and resolve through [`Filter::candidates`],
//! adds its own checks (restored tokens, canaries, leaks, links) and
//! finishes with [`Filter::act`]. This module knows nothing of sessions,
//! responses or the JS binding.

mod act;
mod candidate;
mod detect;
mod resolve;

use std::ops::Range;
use std::sync::Arc;

pub(crate) use crate::engine::Rule;
use crate::error::Error;
use crate::policy::Policy;
use crate::report::{Action, Finding, Kind, ScreenResult, Verdict};
use crate::vault::Vault;

pub(crate) use act::{Extras, Text};
pub(crate) use candidate::{Candidate, Side};

use act::Actor;
use detect::Detectors;
use resolve::Resolver;

/// The policy's `hash.key`; a random per-filter key when the policy
/// asks for the `hash` or `synthesize` action anywhere; else none yet
/// (drawn on first use, see `Actor`).
fn hash_key(policy: &Policy) -> Result<Option<Vec<u8>>, Error> {
    match &policy.hash_key {
        Some(k) => Ok(Some(k.as_bytes().to_vec())),
        None if uses_key(policy) => {
            crate::random::bytes(act::KEY_BYTES).map(Some)
        }
        None => Ok(None),
    }
}

/// Whether some action of the policy needs the hash key.
fn uses_key(policy: &Policy) -> bool {
    let keyed = |a: &Action| matches!(a, Action::Hash | Action::Synthesize);
    let r = &policy.response;
    [&policy.pii, &policy.secrets, &r.pii, &r.secrets]
        .iter()
        .any(|f| keyed(&f.action) || f.actions.values().any(keyed))
        || policy.rules.iter().any(|c| c.action.as_ref().is_some_and(keyed))
}

/// Type of the finding on a text over `limits.maxInputBytes`.
pub(crate) const INPUT_TOO_LARGE: &str = "INPUT_TOO_LARGE";

/// A compiled policy. Cheap to clone; immutable; shareable across threads.
#[derive(Clone, Debug)]
pub struct Filter {
    inner: Arc<Inner>,
    /// The keyed part, apart so [`Filter::with_fresh_key`] can share the
    /// compiled rest.
    actor: Arc<Actor>,
}

#[derive(Debug)]
struct Inner {
    policy: Policy,
    detectors: Detectors,
    resolver: Resolver,
}

/// What [`load_names_data`] loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NamesDataInfo {
    /// Entries in the file.
    pub entries: usize,
    /// Distinct folded words and phrases looked up.
    pub keys: usize,
}

/// Parses and installs the large names data (`names-data.bin` of the
/// package) for this process: filters compiled afterwards whose policy
/// sets `pii.names: "large"` consult it. Given the names tagger
/// (`names-tagger.bin`, told apart by its magic) it installs that, for
/// `pii.names: "tagger"` or `"large+tagger"`; `entries` is then its
/// number of weight rows and `keys` 0. Loading the same bytes again
/// is cheap; other bytes once data is loaded are an error (one file a
/// process).
///
/// # Errors
///
/// A `DataError` saying what is wrong when `bytes` are not a valid names
/// data file (wrong file, truncated, corrupted, unknown version).
pub fn load_names_data(bytes: &[u8]) -> Result<NamesDataInfo, Error> {
    if crate::names::tagger::is_tagger(bytes) {
        let rows = crate::names::tagger::install(bytes)
            .map_err(|e| Error::data(e.0))?;
        return Ok(NamesDataInfo { entries: rows, keys: 0 });
    }
    let (entries, keys) =
        crate::names::install(bytes).map_err(|e| Error::data(e.0))?;
    Ok(NamesDataInfo { entries, keys })
}

/// Parses and installs the optional large injection model
/// (`injection-model.bin` of the package) for this process: filters
/// compiled afterwards whose policy sets `injection.model: "large"` use
/// it for the classifier's vote. Returns its number of hashed buckets.
/// Loading the same bytes again is cheap; other bytes once a model is
/// loaded are an error (one file a process).
///
/// # Errors
///
/// A `DataError` saying what is wrong when `bytes` are not a valid
/// injection model file (wrong file, truncated, corrupted, unknown
/// version, or built for another release).
pub fn load_injection_model(bytes: &[u8]) -> Result<usize, Error> {
    crate::inject::large::install(bytes).map_err(Error::data)
}

/// Whether `bytes` claim to be an injection model file (its magic): the
/// JS binding's one loader tells the files apart with it.
#[cfg(feature = "wasm")]
pub(crate) fn is_injection_model(bytes: &[u8]) -> bool {
    crate::inject::large::is_model(bytes)
}

impl Filter {
    /// Compiles a policy.
    ///
    /// # Errors
    ///
    /// Only for conditions a validated [`Policy`] cannot rule out (e.g. no
    /// randomness source for the hash key).
    pub fn new(policy: Policy) -> Result<Filter, Error> {
        let detectors = Detectors::new(&policy)?;
        let resolver = Resolver::new(&policy);
        let actor = Arc::new(Actor::new(hash_key(&policy)?));
        Ok(Filter {
            inner: Arc::new(Inner { policy, detectors, resolver }),
            actor,
        })
    }

    /// The same compiled policy with its own hash key: a fresh random
    /// one unless the policy sets `hash.key`. Costs a key, not a compile.
    ///
    /// # Errors
    ///
    /// When no randomness source is available.
    pub(crate) fn with_fresh_key(&self) -> Result<Filter, Error> {
        let actor = match self.inner.policy.hash_key {
            Some(_) => self.actor.clone(),
            None => Arc::new(Actor::new(hash_key(&self.inner.policy)?)),
        };
        Ok(Filter { inner: self.inner.clone(), actor })
    }

    /// The policy this filter was compiled from.
    pub fn policy(&self) -> &Policy {
        &self.inner.policy
    }

    /// Number of detection rules (built-in and custom).
    pub fn rules_len(&self) -> usize {
        self.inner.detectors.rules().len()
    }

    /// The compiled engine rules, built-in then custom (the response
    /// stream reads a rule's pattern when its keyword first shows up).
    pub(crate) fn rules(&self) -> &[Rule] {
        self.inner.detectors.rules()
    }

    /// A table derived from the compiled engine rules (built-in then
    /// custom) once per filter and shared by its response streams (their
    /// guards and keyword automaton): see `Detectors::derived`.
    pub(crate) fn derived<
        T: std::any::Any
            + Send
            + Sync
            + std::panic::RefUnwindSafe
            + std::panic::UnwindSafe,
    >(
        &self,
        init: impl FnOnce(&[Rule]) -> T,
    ) -> Arc<T> {
        self.inner.detectors.derived(init)
    }

    /// The keyword automaton of the engine's prefilter (lowercase words,
    /// searched in ASCII-lowercased text) and, per pattern id, the index
    /// of the same word in `words` (`u32::MAX`: none). `None` when some
    /// word of `words` is no rule keyword or there is no automaton.
    pub(crate) fn keyword_map(
        &self,
        words: &[String],
    ) -> Option<(Arc<crate::literals::Literals>, Vec<u32>)> {
        self.inner.detectors.keyword_map(words)
    }

    /// Screens a prompt: detect, resolve, act, report. Pseudonyms go into
    /// `vault`.
    pub(crate) fn screen_prompt(
        &self,
        text: &str,
        vault: &mut Vault,
    ) -> ScreenResult {
        self.screen_input(Text::Borrowed(text), vault, detect::injection)
    }

    /// [`Filter::screen_prompt`] of a text the caller gives up: the
    /// screened text is `text` edited in place (`act::Text`).
    pub(crate) fn screen_prompt_owned(
        &self,
        text: String,
        vault: &mut Vault,
    ) -> ScreenResult {
        self.screen_input(Text::Owned(text), vault, detect::injection)
    }

    /// Screens content the model will read but the user did not write
    /// (tool output, a web page, an e-mail, a retrieved chunk): the
    /// prompt policy's PII and secret actions, and the injection
    /// assessment for planted instructions, whose classifier signal spans
    /// the segment that scores highest.
    pub(crate) fn screen_context(
        &self,
        text: &str,
        vault: &mut Vault,
    ) -> ScreenResult {
        self.screen_input(
            Text::Borrowed(text),
            vault,
            detect::injection_in_context,
        )
    }

    /// Detect, resolve, act, report for text on its way to the model,
    /// with `assess` judging injection.
    fn screen_input(
        &self,
        source: Text<'_>,
        vault: &mut Vault,
        assess: fn(&Policy, &str) -> Option<crate::inject::Assessment>,
    ) -> ScreenResult {
        let text = source.as_str();
        if let Some(r) = self.over_limit(text) {
            return r;
        }
        let p = &self.inner.policy;
        let candidates = self.candidates(text, Side::Prompt);
        let (risk, findings) = resolve::injection(p, assess(p, text));
        let extras = Extras { findings, risk, ..Extras::default() };
        self.actor.act(p, source, candidates, extras, vault)
    }

    /// Detect and resolve: the PII and secret candidates of `text` that
    /// stand on `side`, non-overlapping, in text order.
    pub(crate) fn candidates(&self, text: &str, side: Side) -> Vec<Candidate> {
        self.candidates_with(text, side, false)
    }

    /// [`Filter::candidates`]; with `all_rules`, every engine rule runs as
    /// if the prefilter had picked it (the prefilter soundness test).
    pub(crate) fn candidates_with(
        &self,
        text: &str,
        side: Side,
        all_rules: bool,
    ) -> Vec<Candidate> {
        let i = &self.inner;
        let d =
            i.detectors.detect(&i.policy, text, side, (all_rules, false), 0);
        i.resolver.resolve(&i.policy, text, side, d.found, d.denied)
    }

    /// Streaming support: the candidates, the spans of every raw detection
    /// that could become a finding on `side` (types the policy wants, any
    /// score, before resolution) and of deny-list matches, and the longest
    /// deny-list entry in bytes. One detection pass serves both. The
    /// response stream scanner never cuts inside one of these spans.
    /// Engine matches start at or after `from` (the text before it was
    /// shown and is context only).
    pub(crate) fn stream_candidates(
        &self,
        text: &str,
        side: Side,
        from: usize,
    ) -> (Vec<Candidate>, Vec<Range<usize>>, usize) {
        let i = &self.inner;
        let d =
            i.detectors.detect(&i.policy, text, side, (false, false), from);
        let deny_max = i
            .policy
            .deny_list
            .iter()
            .map(|d| d.value.len())
            .max()
            .unwrap_or(0);
        let candidates =
            i.resolver.resolve(&i.policy, text, side, d.found, d.denied);
        (candidates, d.raw, deny_max)
    }

    /// Act and report: applies the candidates' actions and `extras` to
    /// `text`.
    pub(crate) fn act(
        &self,
        text: &str,
        candidates: Vec<Candidate>,
        extras: Extras,
        vault: &mut Vault,
    ) -> ScreenResult {
        let text = Text::Borrowed(text);
        self.actor.act(&self.inner.policy, text, candidates, extras, vault)
    }

    /// Raw engine detections (rule id, type, span, score) before policy
    /// and resolution; for the rule-table tests.
    pub(crate) fn raw_detections(
        &self,
        text: &str,
    ) -> Vec<(String, String, Range<usize>, f32)> {
        self.inner.detectors.raw_detections(text)
    }

    /// The result for a text over `limits.maxInputBytes`, which is not
    /// screened: blocked when the policy fails closed, else passed through
    /// with a finding that says so.
    pub(crate) fn over_limit(&self, text: &str) -> Option<ScreenResult> {
        let p = &self.inner.policy;
        if text.len() <= p.max_input_bytes {
            return None;
        }
        let action = if p.fail_closed { Action::Block } else { Action::Allow };
        let finding = Finding {
            kind: Kind::Limit,
            type_name: INPUT_TOO_LARGE.to_string(),
            span: 0..text.len(),
            score: 1.0,
            action,
            rule: "max-input-bytes".to_string(),
            replacement: None,
        };
        let findings = vec![finding];
        let verdict = Verdict::of(&findings, false);
        Some(ScreenResult {
            verdict,
            text: if p.fail_closed { String::new() } else { text.to_string() },
            risk: 0.0,
            findings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(json: &str) -> Policy {
        let v: crate::policy::Value = serde_json::from_str(json).unwrap();
        Policy::from_value(&v).unwrap()
    }

    /// Credential parts run on a prompt only beside a secret that is no
    /// part, and never on a response (`engine::Parts`, `detect::wanted`):
    /// both give the candidates of a detection that runs them always, on
    /// both sides.
    /// Every rule example; each part's examples beside other
    /// rules' examples, in one block and across a blank line; and
    /// percent-encoded, where a decoded run's best hit may be a part.
    #[test]
    fn held_back_parts_change_no_candidate() {
        let filter = Filter::new(Policy::default()).unwrap();
        let defs: Vec<_> = crate::rules::builtin().collect();
        let examples = |d: &crate::rules::RuleDef| {
            d.hits.iter().chain(d.misses).copied().collect::<Vec<&str>>()
        };
        let all: Vec<&str> = defs.iter().flat_map(|d| examples(d)).collect();
        let mut texts: Vec<(&str, String)> =
            all.iter().map(|t| ("example", t.to_string())).collect();
        let parts: Vec<&crate::rules::RuleDef> = defs
            .iter()
            .copied()
            .filter(|d| crate::rules::secrets::part_of(d.id).is_some())
            .collect();
        assert!(!parts.is_empty());
        let key = all.iter().find(|t| t.contains("sk-ant-")).unwrap();
        for d in &parts {
            for p in examples(d) {
                for other in all.iter().step_by(13) {
                    texts.push((d.id, format!("{p}\n{other}")));
                    texts.push((d.id, format!("{other}\n\n{p}")));
                }
                // Each line alone: a hit's other lines hold its secret.
                for line in p.lines() {
                    let encoded: String =
                        line.bytes().map(|b| format!("%{b:02X}")).collect();
                    texts.push((d.id, encoded.clone()));
                    texts.push((d.id, format!("{encoded} {key}")));
                }
            }
        }
        let i = &filter.inner;
        let eager = |text: &str, side| {
            let d =
                i.detectors.detect(&i.policy, text, side, (false, true), 0);
            i.resolver.resolve(&i.policy, text, side, d.found, d.denied)
        };
        let mut paired = 0;
        for (id, text) in &texts {
            for side in [Side::Prompt, Side::Response] {
                let lazy = filter.candidates(text, side);
                let eager = eager(text, side);
                assert_eq!(format!("{lazy:?}"), format!("{eager:?}"), "{id}");
                paired += lazy
                    .iter()
                    .filter(|c| parts.iter().any(|d| d.id == c.rule))
                    .count();
            }
        }
        // Parts that stood beside their secrets: the test saw both cases.
        assert!(paired > 100, "{paired}");
    }

    /// The key is drawn when the filter is compiled only for a policy
    /// with a keyed action (so a missing randomness source is still an
    /// error there); the default policy draws none.
    #[test]
    fn the_key_is_drawn_up_front_only_for_keyed_actions() {
        assert!(!uses_key(&Policy::default()));
        assert!(hash_key(&Policy::default()).unwrap().is_none());
        for json in [
            r#"{"pii":{"action":"hash"}}"#,
            r#"{"secrets":{"actions":{"OPENAI_API_KEY":"synthesize"}}}"#,
            r#"{"response":{"pii":{"action":"synthesize"}}}"#,
            r#"{"rules":[{"id":"x","type":"X","regex":"x\\d","action":"hash"}]}"#,
        ] {
            let p = policy(json);
            assert!(uses_key(&p), "{json}");
            assert_eq!(hash_key(&p).unwrap().map(|k| k.len()), Some(32));
        }
        let given = policy(r#"{"hash":{"key":"abcdefgh"}}"#);
        assert_eq!(hash_key(&given).unwrap(), Some(b"abcdefgh".to_vec()));
    }
}
