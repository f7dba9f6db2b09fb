//! The public API: compile a policy into a [`Filter`], screen text through
//! a [`Session`].
//!
//! Owns the pipeline after raw detection: policy (types, thresholds,
//! allow/deny lists), overlap resolution, actions and verdicts, and the
//! response-side steps (token restoration). It calls `engine` for matches
//! and `inject` for injection risk, and knows nothing of the JS binding.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::digest;
use crate::engine::{Detection, Engine, Rule};
use crate::error::Error;
use crate::inject;
use crate::policy::{FamilyPolicy, Policy};
use crate::report::{Action, Finding, Kind, Report, Verdict};
use crate::rules;
use crate::synth;
use crate::vault::Vault;

/// A compiled policy. Cheap to clone; immutable; shareable across threads.
#[derive(Clone, Debug)]
pub struct Filter {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    policy: Policy,
    engine: Engine,
    /// rule index -> action override from a custom rule
    rule_actions: Vec<Option<Action>>,
    deny: Option<AhoCorasick>,
    allow: HashSet<String>,
    /// allowList `{regex}` entries, anchored to the whole value.
    allow_re: Vec<regex::Regex>,
    hash_key: Vec<u8>,
}

/// Which side of the conversation a text is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    Prompt,
    Response,
}

/// A candidate finding before actions are applied.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub kind: Kind,
    pub type_name: String,
    pub span: Range<usize>,
    pub score: f32,
    pub rule: String,
    pub action: Action,
}

impl Filter {
    /// Compiles a policy.
    ///
    /// # Errors
    ///
    /// Only for conditions a validated [`Policy`] cannot rule out (e.g. no
    /// randomness source for the hash key).
    pub fn new(policy: Policy) -> Result<Filter, Error> {
        let mut rules_list: Vec<Rule> =
            rules::builtin().map(Rule::from_def).collect();
        let mut rule_actions = vec![None; rules_list.len()];
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
            rules_list.push(rule);
            rule_actions.push(c.action);
        }
        let deny = if policy.deny_list.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(policy.deny_list.iter().map(|d| d.value.as_str()))
                .ok()
        };
        let allow =
            policy.allow_list.iter().map(|s| s.to_ascii_lowercase()).collect();
        let allow_re = policy
            .allow_patterns
            .iter()
            .filter_map(|p| {
                crate::engine::compile(&format!("^(?:{})$", p)).ok()
            })
            .collect();
        let hash_key = match &policy.hash_key {
            Some(k) => k.as_bytes().to_vec(),
            None => random_bytes(32)?,
        };
        Ok(Filter {
            inner: Arc::new(Inner {
                engine: Engine::new(rules_list),
                rule_actions,
                deny,
                allow,
                allow_re,
                hash_key,
                policy,
            }),
        })
    }

    /// The policy this filter was compiled from.
    pub fn policy(&self) -> &Policy {
        &self.inner.policy
    }

    /// Number of detection rules (built-in and custom).
    pub fn rules_len(&self) -> usize {
        self.inner.engine.rules().len()
    }

    /// A new conversation with its own vault.
    pub fn session(&self) -> Session {
        Session {
            filter: self.clone(),
            vault: Vault::new(),
            canaries: Vec::new(),
        }
    }

    fn family(&self, side: Side, kind: Kind) -> Option<&FamilyPolicy> {
        let p = &self.inner.policy;
        match (side, kind) {
            (Side::Prompt, Kind::Pii) => Some(&p.pii),
            (Side::Prompt, Kind::Secret) => Some(&p.secrets),
            (Side::Response, Kind::Pii) => Some(&p.response.pii),
            (Side::Response, Kind::Secret) => Some(&p.response.secrets),
            _ => None,
        }
    }

    /// PII and secret candidates after policy, overlaps resolved.
    pub(crate) fn candidates(&self, text: &str, side: Side) -> Vec<Candidate> {
        self.candidates_with(text, side, false)
    }

    pub(crate) fn candidates_with(
        &self,
        text: &str,
        side: Side,
        all_rules: bool,
    ) -> Vec<Candidate> {
        let detections = self.detections(text, side, all_rules);
        self.candidates_from(text, side, detections)
    }

    /// The engine's detections, or none when no rule's finding could be
    /// kept on `side` (PII and secrets both off: an injection-only policy).
    fn detections(
        &self,
        text: &str,
        side: Side,
        all_rules: bool,
    ) -> Vec<Detection> {
        let wanted = [Kind::Pii, Kind::Secret]
            .iter()
            .any(|&k| self.family(side, k).is_some_and(|f| f.enabled));
        if wanted {
            self.inner.engine.detect_with(text, all_rules)
        } else {
            Vec::new()
        }
    }

    fn candidates_from(
        &self,
        text: &str,
        side: Side,
        detections: Vec<Detection>,
    ) -> Vec<Candidate> {
        let inner = &self.inner;
        let mut out = Vec::new();
        for Detection { rule, span, score } in detections {
            let r = &inner.engine.rules()[rule];
            let Some(fam) = self.family(side, r.kind) else { continue };
            if !fam.wants(&r.type_name)
                || fam.disabled_rules.iter().any(|d| *d == r.id)
            {
                continue;
            }
            let action = inner.rule_actions[rule]
                .unwrap_or_else(|| fam.action_for(&r.type_name));
            out.push(Candidate {
                kind: r.kind,
                type_name: r.type_name.clone(),
                span,
                score,
                rule: r.id.clone(),
                action,
            });
        }
        let names_wanted = self
            .family(side, Kind::Pii)
            .filter(|f| rules::pii::EXTRA_TYPES.iter().any(|t| f.wants(t)));
        if let Some(fam) = names_wanted {
            for d in crate::names::detect(text) {
                if !fam.wants(d.type_name) {
                    continue;
                }
                out.push(Candidate {
                    kind: Kind::Pii,
                    type_name: d.type_name.to_string(),
                    span: d.span,
                    score: d.score,
                    rule: d.rule.to_string(),
                    action: fam.action_for(d.type_name),
                });
            }
        }
        // Overlaps are resolved before thresholds and the allow list: the
        // strongest reading of a span decides what it is. A card number
        // below a raised CREDIT_CARD threshold, or an allow-listed email,
        // must not surface as an Aadhaar number or a URL inside it.
        let mut out = resolve_overlaps(out);
        out.retain(|c| {
            self.family(side, c.kind)
                .map_or(false, |f| c.score >= f.threshold_for(&c.type_name))
                && !self.allowed(&text[c.span.clone()])
        });
        if let Some(ac) = &inner.deny {
            for m in ac.find_iter(text) {
                let d = &inner.policy.deny_list[m.pattern().as_usize()];
                let Some(fam) = self.family(side, d.kind) else { continue };
                if !fam.enabled {
                    continue;
                }
                out.push(Candidate {
                    kind: d.kind,
                    type_name: d.type_name.clone(),
                    span: m.range(),
                    score: 1.0,
                    rule: "deny-list".to_string(),
                    action: fam.action_for(&d.type_name),
                });
            }
        }
        if side == Side::Prompt {
            out.extend(repeats_of_secrets(text, &out));
            out.extend(self.tenant_endpoints(text, side, &out));
        }
        resolve_overlaps(out)
    }

    /// Tenant endpoints (`rules::tenants`) of the providers whose
    /// credentials are among `found`. Prompts only, for the reason given at
    /// `repeats_of_secrets`.
    fn tenant_endpoints(
        &self,
        text: &str,
        side: Side,
        found: &[Candidate],
    ) -> Vec<Candidate> {
        let Some(fam) = self.family(side, Kind::Secret) else {
            return Vec::new();
        };
        let has = |t: &str| {
            found.iter().any(|c| c.kind == Kind::Secret && c.type_name == t)
        };
        // Below a provider key's own score: the endpoint is the lesser
        // half of the credential.
        const SCORE: f32 = 0.9;
        crate::engine::tenants::endpoints(text, has)
            .into_iter()
            .filter(|(def, span)| {
                fam.wants(def.type_name)
                    && SCORE >= fam.threshold_for(def.type_name)
                    && !self.allowed(&text[span.clone()])
            })
            .map(|(def, span)| Candidate {
                kind: Kind::Secret,
                type_name: def.type_name.to_string(),
                span,
                score: SCORE,
                rule: def.id.to_string(),
                action: fam.action_for(def.type_name),
            })
            .collect()
    }

    /// Streaming support: the candidates plus the spans of every raw
    /// regex detection that could become a finding on `side` (types the
    /// policy wants, any score, before thresholds and overlap resolution)
    /// and of deny-list matches, and the longest deny-list entry in bytes.
    /// One detection pass serves both. The response stream scanner never
    /// cuts inside one of these spans.
    pub(crate) fn stream_candidates(
        &self,
        text: &str,
        side: Side,
    ) -> (Vec<Candidate>, Vec<Range<usize>>, usize) {
        let inner = &self.inner;
        let detections = self.detections(text, side, false);
        let mut raw = Vec::new();
        for d in &detections {
            let r = &inner.engine.rules()[d.rule];
            if self.family(side, r.kind).is_some_and(|f| f.wants(&r.type_name))
            {
                raw.push(d.span.clone());
            }
        }
        let mut deny_max = 0;
        if let Some(ac) = &inner.deny {
            raw.extend(ac.find_iter(text).map(|m| m.range()));
            deny_max = inner
                .policy
                .deny_list
                .iter()
                .map(|d| d.value.len())
                .max()
                .unwrap_or(0);
        }
        (self.candidates_from(text, side, detections), raw, deny_max)
    }

    /// Raw engine detections (rule id, type, span, score) before policy
    /// and overlap resolution; for the rule-table tests.
    pub(crate) fn raw_detections(
        &self,
        text: &str,
    ) -> Vec<(String, String, Range<usize>, f32)> {
        let rules = self.inner.engine.rules();
        self.inner
            .engine
            .detect_with(text, false)
            .into_iter()
            .map(|d| {
                let r = &rules[d.rule];
                (r.id.clone(), r.type_name.clone(), d.span, d.score)
            })
            .collect()
    }

    fn allowed(&self, value: &str) -> bool {
        (!self.inner.allow.is_empty()
            && self.inner.allow.contains(&value.trim().to_ascii_lowercase()))
            || self.inner.allow_re.iter().any(|r| r.is_match(value.trim()))
    }

    fn replacement(
        &self,
        c: &Candidate,
        value: &str,
        vault: &mut Vault,
    ) -> (Action, String) {
        let p = &self.inner.policy;
        match c.action {
            Action::Redact => (Action::Redact, format!("[{}]", c.type_name)),
            Action::Mask => {
                (Action::Mask, mask(value, p.mask_char, p.mask_keep_last))
            }
            Action::Hash => {
                let mut msg = c.type_name.as_bytes().to_vec();
                msg.push(0);
                msg.extend_from_slice(value.as_bytes());
                let d = digest::hmac_sha256(&self.inner.hash_key, &msg);
                (
                    Action::Hash,
                    format!("[{}:{}]", c.type_name, digest::hex(&d[..4])),
                )
            }
            Action::Pseudonymize => {
                match vault.tokenize(&c.type_name, value) {
                    Some(t) => (Action::Pseudonymize, t),
                    None => (Action::Redact, format!("[{}]", c.type_name)),
                }
            }
            Action::Synthesize => (
                Action::Synthesize,
                synth::synthesize(&c.type_name, value, &self.inner.hash_key),
            ),
            other => (other, String::new()),
        }
    }

    /// Applies candidate actions and extra edits, builds the report.
    pub(crate) fn finish(
        &self,
        text: &str,
        candidates: Vec<Candidate>,
        extra_edits: Vec<(Range<usize>, String)>,
        extra_findings: Vec<Finding>,
        risk: f32,
        vault: &mut Vault,
    ) -> Report {
        let mut findings =
            Vec::with_capacity(candidates.len() + extra_findings.len());
        let mut edits: Vec<(Range<usize>, String)> = extra_edits;
        for c in candidates {
            let value = &text[c.span.clone()];
            let (action, rep) = self.replacement(&c, value, vault);
            let replacement = if action.rewrites() {
                edits.push((c.span.clone(), rep.clone()));
                Some(rep)
            } else {
                None
            };
            findings.push(Finding {
                kind: c.kind,
                type_name: c.type_name,
                span: c.span,
                score: c.score,
                action,
                rule: c.rule,
                replacement,
            });
        }
        findings.extend(extra_findings);
        findings.sort_by(|a, b| {
            (a.span.start, a.span.end, a.kind).cmp(&(
                b.span.start,
                b.span.end,
                b.kind,
            ))
        });
        let blocked = findings.iter().any(|f| f.action == Action::Block);
        let verdict = if blocked {
            Verdict::Block
        } else if !edits.is_empty() {
            Verdict::Redact
        } else {
            Verdict::Allow
        };
        let out_text =
            if blocked { String::new() } else { apply_edits(text, edits) };
        Report { verdict, text: out_text, risk, findings }
    }

    fn over_limit(&self, text: &str) -> Option<Report> {
        let p = &self.inner.policy;
        if text.len() <= p.max_input_bytes {
            return None;
        }
        let action = if p.fail_closed { Action::Block } else { Action::Allow };
        let finding = Finding {
            kind: Kind::Limit,
            type_name: "INPUT_TOO_LARGE".to_string(),
            span: 0..text.len(),
            score: 1.0,
            action,
            rule: "max-input-bytes".to_string(),
            replacement: None,
        };
        Some(Report {
            verdict: if p.fail_closed {
                Verdict::Block
            } else {
                Verdict::Allow
            },
            text: if p.fail_closed { String::new() } else { text.to_string() },
            risk: 0.0,
            findings: vec![finding],
        })
    }

    fn injection(&self, text: &str) -> (f32, Vec<Finding>) {
        let p = &self.inner.policy.injection;
        if !p.enabled {
            return (0.0, Vec::new());
        }
        let a = inject::assess(text);
        let action = if a.risk >= p.block_threshold {
            Action::Block
        } else if a.risk >= p.flag_threshold {
            Action::Flag
        } else {
            Action::Allow
        };
        let findings = a
            .signals
            .into_iter()
            .map(|s| Finding {
                kind: Kind::Injection,
                type_name: s.type_name.to_string(),
                span: s.span,
                score: s.score,
                action,
                rule: s.rule.to_string(),
                replacement: None,
            })
            .collect();
        (a.risk, findings)
    }
}

/// One conversation: a filter plus its vault and canaries.
#[derive(Clone, Debug)]
pub struct Session {
    filter: Filter,
    vault: Vault,
    canaries: Vec<String>,
}

impl Session {
    /// The compiled filter.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The vault of pseudonyms.
    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    /// The vault, for import.
    pub fn vault_mut(&mut self) -> &mut Vault {
        &mut self.vault
    }

    /// Canary markers issued by [`Session::canary`] plus policy ones.
    pub fn canaries(&self) -> impl Iterator<Item = &str> {
        self.canaries.iter().map(String::as_str).chain(
            self.filter
                .inner
                .policy
                .response
                .canaries
                .iter()
                .map(String::as_str),
        )
    }

    /// Screens a user prompt: detects, applies actions, scores injection.
    pub fn screen_prompt(&mut self, text: &str) -> Report {
        let f = &self.filter;
        if let Some(r) = f.over_limit(text) {
            return r;
        }
        let candidates = f.candidates(text, Side::Prompt);
        let (risk, inj) = f.injection(text);
        f.finish(text, candidates, Vec::new(), inj, risk, &mut self.vault)
    }

    /// Screens a model response: restores pseudonyms, applies the output
    /// policy.
    pub fn screen_response(&mut self, text: &str) -> Report {
        let f = self.filter.clone();
        if let Some(r) = f.over_limit(text) {
            return r;
        }
        crate::response::screen(&f, text, self)
    }

    /// Replaces vault tokens in `text` with their values.
    pub fn restore(&self, text: &str) -> String {
        self.vault.restore(text)
    }

    /// A fresh random marker to embed in a system prompt; a response that
    /// echoes it is blocked.
    ///
    /// # Errors
    ///
    /// When no randomness source is available.
    pub fn canary(&mut self) -> Result<String, Error> {
        let bytes = random_bytes(8)?;
        let c = format!("pf-canary-{}", digest::hex(&bytes));
        self.canaries.push(c.clone());
        Ok(c)
    }

    /// A privacy-safe summary of a report.
    pub fn audit(&self, report: &Report) -> Audit {
        let mut counts = BTreeMap::new();
        let mut rules = Vec::new();
        for f in &report.findings {
            *counts.entry(f.type_name.clone()).or_insert(0usize) += 1;
            if !rules.contains(&f.rule) {
                rules.push(f.rule.clone());
            }
        }
        Audit {
            verdict: report.verdict,
            risk: report.risk,
            findings: report.findings.len(),
            counts,
            rules,
            policy: self.filter.inner.policy.fingerprint(),
        }
    }

    pub(crate) fn vault_for_response(&mut self) -> &mut Vault {
        &mut self.vault
    }
}

/// A summary of a report safe to log: no values, no text.
#[derive(Clone, Debug, PartialEq)]
pub struct Audit {
    /// The verdict.
    pub verdict: Verdict,
    /// Injection risk.
    pub risk: f32,
    /// Number of findings.
    pub findings: usize,
    /// Findings per type.
    pub counts: BTreeMap<String, usize>,
    /// Rule ids that fired, in order of first appearance.
    pub rules: Vec<String>,
    /// Policy fingerprint (16 hex digits).
    pub policy: String,
}

/// Every other occurrence of a found secret's value, as the same finding:
/// redacting the one the rule matched (`key = v`) while a bare repeat of
/// `v` two lines down goes out would leak it anyway.
///
/// Prompts only. The response stream scanner screens a bounded window, so
/// a repeat further back than the window could not be matched the same way
/// one-shot and streamed.
fn repeats_of_secrets(text: &str, found: &[Candidate]) -> Vec<Candidate> {
    // Shorter values are too likely to recur by chance (`admin`, `secret`).
    const MIN_LEN: usize = 8;
    let secrets: Vec<&Candidate> = found
        .iter()
        .filter(|c| c.kind == Kind::Secret && c.span.len() >= MIN_LEN)
        .collect();
    if secrets.is_empty() {
        return Vec::new();
    }
    let values: Vec<&str> =
        secrets.iter().map(|c| &text[c.span.clone()]).collect();
    let Ok(ac) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&values)
    else {
        return Vec::new();
    };
    // A repeat glued to more letters or digits is another token that
    // shares a run with the secret, not the secret.
    let bytes = text.as_bytes();
    let standalone = |r: &Range<usize>| {
        !(r.start > 0 && bytes[r.start - 1].is_ascii_alphanumeric())
            && !bytes.get(r.end).is_some_and(u8::is_ascii_alphanumeric)
    };
    ac.find_iter(text)
        .filter(|m| {
            standalone(&m.range())
                && !secrets.iter().any(|c| c.span.start == m.start())
        })
        .map(|m| Candidate {
            span: m.range(),
            ..secrets[m.pattern().as_usize()].clone()
        })
        .collect()
}

/// Keeps the strongest of overlapping candidates: higher score, then
/// secrets over PII, then longer, then earlier. Result is in text order.
pub(crate) fn resolve_overlaps(mut c: Vec<Candidate>) -> Vec<Candidate> {
    // A PII span inside a longer PII or secret span is part of it: the
    // postcode of an address, the digits of a card that also look like an
    // id (Presidio's "merge contained"), thirteen digits that pass Luhn at
    // the start of a token. Sweep in (start, longest) order, keeping the
    // furthest-reaching PII or secret span seen.
    c.sort_by(|a, b| {
        a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end))
    });
    let mut reach: Option<(usize, usize)> = None;
    c.retain(|x| {
        if !matches!(x.kind, Kind::Pii | Kind::Secret) {
            return true;
        }
        let inside = reach
            .is_some_and(|(s, e)| x.span.end <= e && x.span.len() < e - s);
        if inside && x.kind == Kind::Pii {
            return false;
        }
        if reach.map_or(true, |(_, e)| x.span.end > e) {
            reach = Some((x.span.start, x.span.end));
        }
        true
    });
    c.sort_by(|a, b| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then((b.kind == Kind::Secret).cmp(&(a.kind == Kind::Secret)))
            .then(b.span.len().cmp(&a.span.len()))
            .then(a.span.start.cmp(&b.span.start))
            .then(a.rule.cmp(&b.rule))
    });
    // Kept spans are disjoint, so only the kept span with the greatest
    // start before `x.end` can overlap `x`.
    let mut taken: std::collections::BTreeMap<usize, usize> =
        std::collections::BTreeMap::new();
    let mut kept: Vec<Candidate> = Vec::with_capacity(c.len());
    for x in c {
        let clash = taken
            .range(..x.span.end)
            .next_back()
            .map_or(false, |(_, &end)| end > x.span.start);
        if !clash && !x.span.is_empty() {
            taken.insert(x.span.start, x.span.end);
            kept.push(x);
        }
    }
    kept.sort_by_key(|k| (k.span.start, k.span.end));
    kept
}

/// Applies non-overlapping edits (overlapping ones: the earlier wins).
pub(crate) fn apply_edits(
    text: &str,
    mut edits: Vec<(Range<usize>, String)>,
) -> String {
    edits.sort_by_key(|e| (e.0.start, e.0.end));
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (r, rep) in edits {
        if r.start < last || r.end > text.len() {
            continue;
        }
        out.push_str(&text[last..r.start]);
        out.push_str(&rep);
        last = r.end;
    }
    out.push_str(&text[last..]);
    out
}

/// Masks letters and digits, keeping separators and the last `keep` of
/// them, so the format stays readable: `**** **** **** 1111`.
pub(crate) fn mask(value: &str, ch: char, keep: usize) -> String {
    let total = value.chars().filter(|c| c.is_alphanumeric()).count();
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                seen += 1;
                if seen > total.saturating_sub(keep) {
                    c
                } else {
                    ch
                }
            } else {
                c
            }
        })
        .collect()
}

pub(crate) fn random_bytes(n: usize) -> Result<Vec<u8>, Error> {
    let mut b = vec![0u8; n];
    getrandom::fill(&mut b)
        .map_err(|_| Error::state("no randomness source available"))?;
    Ok(b)
}
