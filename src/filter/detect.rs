//! Stage 1, detect: what is in the text.
//!
//! Runs the detectors the policy wants over one text and returns what
//! they found, unjudged:
//! - the regex engine: built-in and custom rules, with their validators,
//!   context words and the decode pass (secrets inside base64 or
//!   percent-encoded runs);
//! - the names detectors: PERSON, ADDRESS, LOCATION, ORGANIZATION,
//!   DATE_OF_BIRTH;
//! - the deny list: literal values the policy always reports;
//! - on prompts, the injection assessment.
//!
//! A detection of a type the policy does not want, or of a rule it
//! switched off, is dropped here; nothing is dropped for its score or for
//! overlapping another (that is `resolve`). Each candidate carries the
//! action its family gives its type (a custom rule may set its own).

use std::any::Any;
use std::ops::Range;
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::{Arc, OnceLock};

use super::candidate::{Candidate, Side};
use super::resolve::Standing;
use crate::engine::{Detection, Engine, Parts, Rule};
use crate::error::Error;
use crate::inject;
use crate::literals::{Literals, MatchKind};
use crate::policy::Policy;
use crate::report::{Action, Kind};
use crate::rules;

/// The detectors compiled from a policy.
#[derive(Debug)]
pub(crate) struct Detectors {
    engine: Engine,
    /// Per engine rule: the custom rule's own action, if it set one.
    rule_actions: Vec<Option<Action>>,
    /// The deny list's values, in policy order.
    deny: Option<Literals>,
    /// Tables a later stage derives from the rules once per filter (the
    /// response stream's guards and keyword automaton), built on first
    /// use and shared by every stream. Type-erased: this layer does not
    /// know the response layer's types.
    derived: Derived,
    /// The policy asks for the large names data (installed: checked at
    /// compile).
    large_names: bool,
    /// Some side's policy asks for the names tagger.
    tagger: bool,
    /// Per engine rule, bit 0 (prompt) and bit 1 (response): whether the
    /// side keeps its type (`FamilyPolicy::wants`); bit 2: the rule runs
    /// on a response (bit 1, and no credential part: a response drops
    /// every part). The engine runs only the rules of its side's bit,
    /// found once per filter rather than dropping findings per call.
    wanted: Vec<u8>,
}

/// See [`Detectors::derived`].
#[derive(Default)]
struct Derived(OnceLock<Arc<Shared>>);

/// What [`Derived`] holds: a filter stays `Send`, `Sync` and unwind-safe.
type Shared = dyn Any + Send + Sync + RefUnwindSafe + UnwindSafe;

impl std::fmt::Debug for Derived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.get().is_some() {
            "Derived(built)"
        } else {
            "Derived(unset)"
        })
    }
}

/// What the detectors found in one text.
#[derive(Debug, Default)]
pub(crate) struct Detected {
    /// Engine and names candidates: any score, possibly overlapping;
    /// their standing is set by `resolve` (`Kept` until then).
    pub found: Vec<(Candidate, Standing)>,
    /// Deny-list matches.
    pub denied: Vec<Candidate>,
    /// The spans of every engine detection of a wanted type (switched-off
    /// rules included; the whole match, not only its group) and of every
    /// deny-list match: the response stream scanner never cuts inside one.
    pub raw: Vec<Range<usize>>,
}

/// Per rule, the sides whose family wants its type (bit 0 prompt, bit 1
/// response) and whether it runs on a response (bit 2: see
/// [`Detectors::wanted`]). Out of line (issue 16): inlined, this loop
/// over every rule made V8 tier up the whole filter constructor.
#[inline(never)]
fn wanted(policy: &Policy, rules: &[Rule]) -> Vec<u8> {
    let mut wanted = Vec::new();
    for r in rules {
        let mut w = 0;
        for (bit, side) in [Side::Prompt, Side::Response].iter().enumerate() {
            if side
                .family(policy, r.kind)
                .is_some_and(|f| f.wants(&r.type_name))
            {
                w |= 1 << bit;
            }
        }
        if w & 2 != 0 && !r.part {
            w |= RUNS_ON_RESPONSE;
        }
        wanted.push(w);
    }
    wanted
}

/// The bit of [`Detectors::wanted`] a response's engine pass runs by.
const RUNS_ON_RESPONSE: u8 = 4;

impl Detectors {
    /// Compiles the built-in rules, the policy's custom rules and its
    /// deny list.
    ///
    /// # Errors
    ///
    /// A custom rule whose regex does not compile (the policy checked it
    /// already; this is the compiled-size limit).
    pub(crate) fn new(policy: &Policy) -> Result<Detectors, Error> {
        let mut rules = crate::engine::builtin_rules();
        let mut rule_actions = vec![None; rules.len()];
        for c in &policy.rules {
            let rule = Rule::custom(
                c.id.clone(),
                c.kind,
                c.type_name.clone(),
                &c.regex,
                c.keywords.clone(),
                c.group,
                c.validator,
                c.score,
                c.context.clone(),
            )
            .map_err(|m| Error::policy(format!("rules[{}].regex", c.id), m))?;
            rules.push(rule);
            rule_actions.push(c.action);
        }
        let deny = if policy.deny_list.is_empty() {
            None
        } else {
            let values: Vec<&str> =
                policy.deny_list.iter().map(|d| d.value.as_str()).collect();
            Some(Literals::lowercase(&values, MatchKind::LeftmostLongest))
        };
        let large_names =
            policy.pii.large_names || policy.response.pii.large_names;
        if large_names && !crate::names::loaded() {
            let path = if policy.pii.large_names {
                "pii.names"
            } else {
                "response.pii.names"
            };
            return Err(Error::policy(
                path,
                "names data not loaded (call loadNamesData first)",
            ));
        }
        let tagger =
            policy.pii.names_tagger || policy.response.pii.names_tagger;
        if tagger && !crate::names::tagger::loaded() {
            let path = if policy.pii.names_tagger {
                "pii.names"
            } else {
                "response.pii.names"
            };
            return Err(Error::policy(
                path,
                "names tagger not loaded (call loadNamesData first)",
            ));
        }
        if policy.injection.large_model && inject::large::get().is_none() {
            return Err(Error::policy(
                "injection.model",
                "injection model not loaded (call loadInjectionModel first)",
            ));
        }
        let wanted = wanted(policy, &rules);
        Ok(Detectors {
            large_names,
            tagger,
            wanted,
            engine: Engine::new(rules),
            rule_actions,
            deny,
            derived: Derived::default(),
        })
    }

    /// The engine rules, built-in then custom.
    pub(crate) fn rules(&self) -> &[Rule] {
        self.engine.rules()
    }

    /// The engine's keyword automaton, for `words` (see
    /// `Prefilter::keyword_map`).
    pub(crate) fn keyword_map(
        &self,
        words: &[String],
    ) -> Option<(Arc<Literals>, Vec<u32>)> {
        self.engine.keyword_map(words)
    }

    /// The one table of type `T` derived from these rules, built by
    /// `init` on first use. The slot holds one type: a second type gets
    /// its own copy, unshared.
    pub(crate) fn derived<
        T: Any + Send + Sync + RefUnwindSafe + UnwindSafe,
    >(
        &self,
        init: impl FnOnce(&[Rule]) -> T,
    ) -> Arc<T> {
        if let Some(t) = self.derived.0.get() {
            let t: Arc<dyn Any + Send + Sync> = t.clone();
            if let Ok(t) = t.downcast::<T>() {
                return t;
            }
        }
        let t = Arc::new(init(self.rules()));
        // Already set (another type, or another thread first): keep it.
        let _ = self.derived.0.set(Arc::clone(&t) as Arc<Shared>);
        t
    }

    /// Runs every detector `side` wants over `text`; with `all_rules`,
    /// every engine rule runs as if the keyword prefilter had picked it
    /// (the prefilter soundness test). Engine matches start at or after
    /// `from` (0: anywhere): the text before it is their context only; the
    /// other detectors see the whole text. With `all_parts`, credential
    /// parts run whatever the text holds (a test's reference); without,
    /// on a prompt only beside a secret, on a response never: it drops
    /// them all, so neither one-shot nor the stream's cuts need them
    /// (`engine::Parts`; on a response, [`wanted`]'s bit 2).
    pub(crate) fn detect(
        &self,
        policy: &Policy,
        text: &str,
        side: Side,
        (all_rules, all_parts): (bool, bool),
        from: usize,
    ) -> Detected {
        let mut out = Detected::default();
        let engine_found = self.engine_detections(
            policy,
            text,
            side,
            (all_rules, all_parts),
            from,
        );
        // Whether the family wants a rule's type was computed per rule
        // when the filter was built (`wanted`); the action is remembered
        // for the last rule (a text of numbers gives runs of one rule's
        // matches: a map lookup per match otherwise).
        let bit = 1 << u8::from(side == Side::Response);
        let names_wanted = side
            .family(policy, Kind::Pii)
            .filter(|f| rules::pii::EXTRA_TYPES.iter().any(|t| f.wants(t)));
        let names = names_wanted.map_or_else(Vec::new, |fam| {
            let large = self.large_names && fam.large_names;
            let tagger = self.tagger && fam.names_tagger;
            crate::names::detect_with(text, large, tagger)
        });
        // Room for every candidate at once: a doubling list of a long
        // prompt's candidates went above the scan's memory (issue 16).
        out.found.reserve_exact(engine_found.len() + names.len());
        let mut last: Option<(usize, Action)> = None;
        for Detection { rule, span, score, start } in engine_found {
            if span.is_empty() {
                // A turned-down match: the stream does not cut inside it.
                out.raw.push(start..span.end);
                continue;
            }
            let r = &self.engine.rules()[rule];
            let Some(fam) = side.family(policy, r.kind) else { continue };
            if self.wanted.get(rule).is_none_or(|w| w & bit == 0) {
                continue;
            }
            let action = match last {
                Some((i, a)) if i == rule => a,
                _ => {
                    let a = self.rule_actions[rule]
                        .unwrap_or_else(|| fam.action_for(&r.type_name));
                    last = Some((rule, a));
                    a
                }
            };
            out.raw.push(start.min(span.start)..span.end);
            if fam.disabled_rules.iter().any(|d| *d == r.id) {
                continue;
            }
            let candidate = Candidate {
                kind: r.kind,
                type_name: r.type_name.to_string(),
                span,
                score,
                rule: r.id.to_string(),
                action,
            };
            out.found.push((candidate, Standing::Kept));
        }
        if let Some(fam) = names_wanted {
            for d in names {
                if !fam.wants(d.type_name) {
                    continue;
                }
                let candidate = Candidate {
                    kind: Kind::Pii,
                    type_name: d.type_name.to_string(),
                    span: d.span,
                    score: d.score,
                    rule: d.rule.to_string(),
                    action: fam.action_for(d.type_name),
                };
                out.found.push((candidate, Standing::Kept));
            }
        }
        if let Some(ac) = &self.deny {
            for m in ac.find_iter(&crate::literals::lower(text)) {
                out.raw.push(m.range());
                let d = &policy.deny_list[m.literal()];
                let Some(fam) = side.family(policy, d.kind) else { continue };
                if !fam.enabled {
                    continue;
                }
                out.denied.push(Candidate {
                    kind: d.kind,
                    type_name: d.type_name.clone(),
                    span: m.range(),
                    score: 1.0,
                    rule: "deny-list".to_string(),
                    action: fam.action_for(&d.type_name),
                });
            }
        }
        out
    }

    /// The engine's detections, or none when no engine finding could be
    /// kept on `side` (PII and secrets both off: an injection-only
    /// policy).
    fn engine_detections(
        &self,
        policy: &Policy,
        text: &str,
        side: Side,
        (all_rules, all_parts): (bool, bool),
        from: usize,
    ) -> Vec<Detection> {
        let wanted = [Kind::Pii, Kind::Secret]
            .iter()
            .any(|&k| side.family(policy, k).is_some_and(|f| f.enabled));
        if wanted {
            // A response runs no credential part (their response bit is
            // clear: `wanted`), unless the test's reference asks for all.
            let bit = match (side, all_parts) {
                (Side::Prompt, _) => 1,
                (_, true) => 2,
                _ => RUNS_ON_RESPONSE,
            };
            let w = (&self.wanted[..], bit);
            let parts = if all_parts { Parts::All } else { Parts::Lazy };
            self.engine.detect_with(text, all_rules, from, w, parts)
        } else {
            Vec::new()
        }
    }

    /// Raw engine detections (rule id, type, span, score) before policy,
    /// for the rule-table tests.
    pub(crate) fn raw_detections(
        &self,
        text: &str,
    ) -> Vec<(String, String, Range<usize>, f32)> {
        let rules = self.engine.rules();
        self.engine
            .detect_with(text, false, 0, (&[], 0), Parts::All)
            .into_iter()
            .filter(|d| !d.span.is_empty())
            .map(|d| {
                let r = &rules[d.rule];
                (r.id.to_string(), r.type_name.to_string(), d.span, d.score)
            })
            .collect()
    }
}

/// The injection assessment of a prompt, when the policy scores
/// injection.
pub(crate) fn injection(
    policy: &Policy,
    text: &str,
) -> Option<inject::Assessment> {
    policy.injection.enabled.then(|| inject::assess_with(text, large(policy)))
}

/// The large injection model, when the policy asks for it (a filter is
/// only built when it is loaded).
fn large(policy: &Policy) -> Option<&'static inject::large::Large> {
    policy.injection.large_model.then(inject::large::get).flatten()
}

/// [`injection`] of untrusted content (see [`inject::assess_context`]).
pub(crate) fn injection_in_context(
    policy: &Policy,
    text: &str,
) -> Option<inject::Assessment> {
    policy
        .injection
        .enabled
        .then(|| inject::assess_context(text, large(policy)))
}
