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

/// The text `act` screens. A borrowed one is copied into the screened
/// text; an owned one (a long prompt's buffer, which the binding no
/// longer needs) becomes the screened text, edited in place: a 10 MiB
/// prompt's screened text then takes no second 10 MB of wasm memory,
/// which landed above the scan's freed lists and set the memory's top
/// (issue 16, docs/PERFORMANCE.md "mem40").
#[derive(Debug)]
pub(crate) enum Text<'a> {
    Borrowed(&'a str),
    Owned(String),
}

impl Text<'_> {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Text::Borrowed(t) => t,
            Text::Owned(t) => t,
        }
    }
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
        source: Text<'_>,
        candidates: Vec<Candidate>,
        extras: Extras,
        vault: &mut Vault,
    ) -> ScreenResult {
        let text = source.as_str();
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
            match source {
                Text::Borrowed(text) => apply_edits(text, all),
                Text::Owned(text) => apply_edits_in_place(text, all),
            }
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

/// [`apply_edits`] in `text`'s own buffer (grown only when the result is
/// longer). Each stretch of text between two edits moves by the
/// difference the edits before it make: those moving left (or staying)
/// are moved first, left to right, then those moving right, right to
/// left, each followed by writing the replacement before it. No move or
/// replacement lands on text still to be moved: a stretch moving left
/// lands before its old place and after the new place of the one before
/// it, a stretch moving right after its old place and before the new
/// place of the one after it (the test checks this against
/// [`apply_edits`] on random edits).
fn apply_edits_in_place(
    text: String,
    mut edits: Vec<(Range<usize>, &str)>,
) -> String {
    order::sort_by_key(&mut edits, |e| (e.0.start, e.0.end));
    let n = text.len();
    // The edits `apply_edits` applies; the result's length.
    let (mut last, mut len) = (0, n);
    edits.retain(|(r, rep)| {
        let keep = r.start >= last && r.end <= n && r.start <= r.end;
        if keep {
            last = r.end;
            len = len - (r.end - r.start) + rep.len();
        }
        keep
    });
    let mut buf = text.into_bytes();
    buf.resize(n.max(len), 0);
    // The stretch of text after edit `i`: where it is and its length.
    let stretch = |i: usize| {
        let from = edits.get(i).map_or(n, |e| e.0.end);
        let to = edits.get(i + 1).map_or(n, |e| e.0.start);
        (from, to - from)
    };
    // Moves the stretch after edit `i` to `to` and writes the edit's
    // replacement before it.
    let place = |buf: &mut Vec<u8>, i: usize, to: usize| {
        let (from, count) = stretch(i);
        buf.copy_within(from..from + count, to);
        if let Some((_, rep)) = edits.get(i) {
            if let Some(d) = buf.get_mut(to - rep.len()..to) {
                d.copy_from_slice(rep.as_bytes());
            }
        }
    };
    // Left to right, the stretches going left (or staying).
    let mut to = edits.first().map_or(n, |e| e.0.start);
    for (i, (_, rep)) in edits.iter().enumerate() {
        to += rep.len();
        let (from, count) = stretch(i);
        if to <= from {
            place(&mut buf, i, to);
        }
        to += count;
    }
    // Right to left, those going right.
    let mut end = len;
    for (i, (_, rep)) in edits.iter().enumerate().rev() {
        let (from, count) = stretch(i);
        let to = end - count;
        if to > from {
            place(&mut buf, i, to);
        }
        end = to - rep.len();
    }
    buf.truncate(len);
    // Valid UTF-8 by construction (whole chars moved, whole strings
    // written); never empty instead when it is not.
    String::from_utf8(buf).unwrap_or_default()
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
    fn edits_in_place_equal_the_copy() {
        // Random texts and edits (overlapping, out of range, longer and
        // shorter replacements, empty ones): the same text either way.
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |m: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m as u64) as usize
        };
        let reps = ["", "X", "[EMAIL]", "[PERSON_12]", "é中", "****"];
        for _ in 0..3000 {
            let n = next(40);
            let text: String =
                (0..n).map(|i| (b'a' + (i % 26) as u8) as char).collect();
            let mut edits = Vec::new();
            for _ in 0..next(8) {
                let a = next(n + 3);
                let b = a + next(6);
                edits.push((a..b, reps[next(reps.len())]));
            }
            let want = apply_edits(&text, edits.clone());
            assert_eq!(apply_edits_in_place(text.clone(), edits), want);
        }
        let e = vec![(4..8, "B"), (0..2, "A"), (6..9, "X")];
        assert_eq!(apply_edits_in_place("0123456789".into(), e), "A23B89");
    }

    #[test]
    fn edits_apply_once_and_the_earlier_wins() {
        let e = vec![(4..8, "B"), (0..2, "A"), (6..9, "X")];
        assert_eq!(apply_edits("0123456789", e), "A23B89");
    }
}
