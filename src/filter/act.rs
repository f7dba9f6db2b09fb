//! Stage 3, act: what happens to each standing candidate, and the
//! screened text.
//!
//! Each candidate's action becomes a replacement (`mask`, `redact`,
//! `hash`, `pseudonymize` through the vault, `synthesize`) or none
//! (`allow`, `flag`, `block`). The edits are applied once, left to right,
//! over the original text, and the [`ScreenResult`] is assembled: every
//! finding in text order and the verdict (`report::Verdict::of`).

use std::ops::Range;
use std::sync::OnceLock;

use super::candidate::Candidate;
use crate::digest;
use crate::order;
use crate::policy::Policy;
use crate::report::{Action, Finding, ScreenResult, Verdict};
use crate::synth;
use crate::vault::Vault;

/// What the act stage gets besides the candidates: findings that rewrite
/// nothing by themselves (injection signals; a response's canary, leak and
/// link findings), edits decided elsewhere (a response's restored tokens
/// and defanged links), and the injection risk.
#[derive(Debug, Default)]
pub(crate) struct Extras {
    pub findings: Vec<Finding>,
    pub edits: Vec<(Range<usize>, String)>,
    pub risk: f32,
}

/// Bytes of a random hash key.
pub(crate) const KEY_BYTES: usize = 32;

/// The keyed parts of acting.
#[derive(Debug)]
pub(crate) struct Actor {
    /// Key of the `hash` action and of `synthesize`'s generator: the
    /// policy's, or random bytes drawn when the filter is compiled if the
    /// policy asks for either action anywhere, else on first use. (In
    /// Node the first `crypto.getRandomValues` loads the WebCrypto
    /// modules, ~11 ms: a cold start with the default policy, which uses
    /// neither action, never pays for it.)
    hash_key: OnceLock<Vec<u8>>,
}

impl Actor {
    /// `key`: the key when it is known now.
    pub(crate) fn new(key: Option<Vec<u8>>) -> Actor {
        let hash_key = OnceLock::new();
        if let Some(k) = key {
            let _ = hash_key.set(k);
        }
        Actor { hash_key }
    }

    /// The key, drawn now if it was not; `None` when there is no
    /// randomness source (the action then redacts: never a weak key).
    fn key(&self) -> Option<&[u8]> {
        if let Some(k) = self.hash_key.get() {
            return Some(k);
        }
        let k = crate::random::bytes(KEY_BYTES).ok()?;
        Some(self.hash_key.get_or_init(|| k))
    }

    /// Applies the candidates' actions and `extras` to `text`.
    pub(crate) fn act(
        &self,
        policy: &Policy,
        text: &str,
        candidates: Vec<Candidate>,
        extras: Extras,
        vault: &mut Vault,
    ) -> ScreenResult {
        let Extras { findings: extra_findings, edits, risk } = extras;
        let mut findings =
            Vec::with_capacity(candidates.len() + extra_findings.len());
        // A blocked text is never sent: its values stay out of the vault.
        let blocked = candidates.iter().any(|c| c.action == Action::Block)
            || extra_findings.iter().any(|f| f.action == Action::Block);
        for c in candidates {
            let value = &text[c.span.clone()];
            let (action, rep) =
                self.replacement(policy, &c, value, vault, blocked);
            findings.push(Finding {
                kind: c.kind,
                type_name: c.type_name,
                span: c.span,
                score: c.score,
                action,
                rule: c.rule,
                replacement: action.rewrites().then_some(rep),
            });
        }
        let ours = findings.len();
        let rewritten = !edits.is_empty()
            || findings.iter().any(|f| f.replacement.is_some());
        findings.extend(extra_findings);
        let verdict = Verdict::of(&findings, rewritten);
        let out_text = if verdict == Verdict::Block {
            String::new()
        } else {
            // The edits borrow the findings' replacements (no copy per
            // finding): the extras' first, then the candidates' in order,
            // as `apply_edits` keeps the earlier of two on one span.
            let mut all = Vec::with_capacity(edits.len() + ours);
            for (r, s) in &edits {
                all.push((r.clone(), s.as_str()));
            }
            for f in &findings[..ours] {
                if let Some(s) = &f.replacement {
                    all.push((f.span.clone(), s.as_str()));
                }
            }
            apply_edits(text, all)
        };
        order::sort_by(&mut findings, |a, b| {
            (a.span.start, a.span.end, a.kind).cmp(&(
                b.span.start,
                b.span.end,
                b.kind,
            ))
        });
        ScreenResult { verdict, text: out_text, risk, findings }
    }

    /// The action actually taken and the replacement text. `pseudonymize`
    /// falls back to `redact` when the vault is full or the text is
    /// `blocked`.
    fn replacement(
        &self,
        policy: &Policy,
        c: &Candidate,
        value: &str,
        vault: &mut Vault,
        blocked: bool,
    ) -> (Action, String) {
        match c.action {
            Action::Redact | Action::Pseudonymize => {
                let token = (c.action == Action::Pseudonymize && !blocked)
                    .then(|| vault.tokenize(&c.type_name, value))
                    .flatten();
                match token {
                    Some(t) => (Action::Pseudonymize, t),
                    None => (Action::Redact, label(&c.type_name)),
                }
            }
            Action::Mask => (
                Action::Mask,
                mask(value, policy.mask_char, policy.mask_keep_last),
            ),
            Action::Hash | Action::Synthesize => {
                let Some(key) = self.key() else {
                    return (Action::Redact, label(&c.type_name));
                };
                if c.action == Action::Synthesize {
                    let s = synth::synthesize(&c.type_name, value, key);
                    return (Action::Synthesize, s);
                }
                let mut msg = c.type_name.as_bytes().to_vec();
                msg.push(0);
                msg.extend_from_slice(value.as_bytes());
                let d = digest::hmac_sha256(key, &msg);
                (
                    Action::Hash,
                    format!("[{}:{}]", c.type_name, digest::hex(&d[..4])),
                )
            }
            other => (other, String::new()),
        }
    }
}

/// `[TYPE]`, the redaction of a value of `name`: built directly, not
/// through the formatter (a text of values redacts one per group).
fn label(name: &str) -> String {
    let mut s = String::with_capacity(name.len() + 2);
    s.push('[');
    s.push_str(name);
    s.push(']');
    s
}

/// Applies non-overlapping edits (overlapping ones: the earlier wins).
fn apply_edits(text: &str, mut edits: Vec<(Range<usize>, &str)>) -> String {
    order::sort_by_key(&mut edits, |e| (e.0.start, e.0.end));
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (r, rep) in edits {
        if r.start < last || r.end > text.len() {
            continue;
        }
        out.push_str(&text[last..r.start]);
        out.push_str(rep);
        last = r.end;
    }
    out.push_str(&text[last..]);
    out
}

/// Masks letters and digits, keeping separators and the last `keep` of
/// them, so the format stays readable: `**** **** **** 1111`. At most
/// half of them are ever kept, whatever `keep` says: a mask never shows
/// the whole value (`mask.keepLast: 64` on a card number keeps 8).
fn mask(value: &str, ch: char, keep: usize) -> String {
    let total = value.chars().filter(|c| c.is_alphanumeric()).count();
    // No letters or digits to hide: hide every char.
    let all = total == 0;
    let keep = keep.min(total / 2);
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if all || c.is_alphanumeric() {
                seen += 1;
                if !all && seen > total - keep {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_keeps_separators_and_the_end() {
        assert_eq!(mask("4111 1111 1111 1234", '*', 4), "**** **** **** 1234");
        assert_eq!(mask("ana@x.io", '#', 0), "###@#.##");
        assert_eq!(
            mask("4111 1111 1111 1234", '*', 64),
            "**** **** 1111 1234"
        );
        assert_eq!(mask("a", '*', 64), "*");
        assert_eq!(mask("@-@", '*', 2), "***");
    }

    #[test]
    fn a_label_is_the_type_in_brackets() {
        assert_eq!(label("EMAIL"), format!("[{}]", "EMAIL"));
    }

    #[test]
    fn a_key_not_given_is_drawn_once_on_first_use() {
        let a = Actor::new(None);
        assert!(a.hash_key.get().is_none());
        let k = a.key().map(<[u8]>::to_vec);
        assert_eq!(k.as_ref().map(Vec::len), Some(KEY_BYTES));
        assert_eq!(a.key().map(<[u8]>::to_vec), k);
        let given = Actor::new(Some(b"k".to_vec()));
        assert_eq!(given.key(), Some(&b"k"[..]));
    }

    #[test]
    fn edits_apply_once_and_the_earlier_wins() {
        let e = vec![(4..8, "B"), (0..2, "A"), (6..9, "X")];
        assert_eq!(apply_edits("0123456789", e), "A23B89");
    }
}
