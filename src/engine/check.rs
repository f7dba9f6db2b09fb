//! Stage 3 of the engine: whether a match of a rule is a detection.
//! Checksum and range validators, IPv6 tokens glued to other text, the
//! entropy floor, and for secrets placeholders ("xxxxxxxx", "example",
//! "12345678") and filler words around a rest that is not random.

use std::ops::Range;

use super::rule::{Detection, Rule};
use crate::literals::{Literals, MatchKind};
use crate::report::Kind;
use crate::validate::{self, Validator};

/// The checks, with the stopword automaton they share.
pub(crate) struct Checks {
    /// `STOPWORDS` (placeholder markers) then `FILLERS`.
    stopwords: Literals,
}

impl Checks {
    pub(crate) fn new() -> Checks {
        let words: Vec<&str> = crate::rules::secrets::STOPWORDS
            .iter()
            .chain(crate::rules::secrets::FILLERS)
            .copied()
            .collect();
        // Lowercase: values are searched in lowercase (case-insensitive).
        let stopwords = Literals::lowercase(&words, MatchKind::Standard);
        Checks { stopwords }
    }

    /// A placeholder marker, a typed run ("12345678", "abcdefgh"), or
    /// filler ("fake") around a rest that is not random on its own.
    fn is_placeholder(&self, value: &str) -> bool {
        if validate::has_sequential_run(value.as_bytes(), 8) {
            return true;
        }
        let markers = crate::rules::secrets::STOPWORDS.len();
        let mut rest = Vec::with_capacity(value.len());
        let mut last = 0;
        let mut filler = false;
        for m in self.stopwords.find_iter(&crate::literals::lower(value)) {
            if m.literal() < markers {
                return true;
            }
            filler = true;
            rest.extend_from_slice(&value.as_bytes()[last..m.start()]);
            last = m.end();
        }
        if !filler {
            return false;
        }
        rest.extend_from_slice(&value.as_bytes()[last..]);
        !validate::looks_random(&rest)
    }

    /// A placeholder marker (`xxxxxxxx`, `example`, `<your`, `${`).
    fn has_marker(&self, value: &str) -> bool {
        let markers = crate::rules::secrets::STOPWORDS.len();
        self.stopwords
            .find_iter(&crate::literals::lower(value))
            .any(|m| m.literal() < markers)
    }

    /// Pushes the match `span` of rule `index` onto `out` when it passes.
    /// A turned-down match is pushed with an empty span at its group's
    /// end (see [`Detection::start`]): the stream never cuts inside it
    /// either, since a screening from a cut inside might find a match in
    /// it that one-shot, going on after its end, skipped (a rule read as
    /// `H M D`, `Rule::tail`, over a long value; a card number's 19
    /// digits in a longer list of spaced digits, where the matches one
    /// screening tries depend on where it starts). Turned-down matches
    /// of a rule that touch one another are pushed as one: a run of
    /// digits gives one no-cut span per rule, not one per match.
    pub(super) fn consider(
        &self,
        text: &str,
        index: usize,
        rule: &Rule,
        span: Range<usize>,
        start: usize,
        out: &mut Vec<Detection>,
    ) {
        if span.is_empty() {
            return;
        }
        let end = span.end;
        if self.passes(text, rule, span.clone()) {
            out.push(Detection {
                rule: index,
                span,
                score: rule.score,
                start,
            });
        } else {
            match out.last_mut() {
                Some(d)
                    if d.rule == index
                        && d.span.is_empty()
                        && d.span.end >= start
                        && d.start <= start =>
                {
                    d.span = end.max(d.span.end)..end.max(d.span.end);
                }
                _ => out.push(Detection {
                    rule: index,
                    span: end..end,
                    score: 0.0,
                    start,
                }),
            }
        }
    }

    fn passes(&self, text: &str, rule: &Rule, span: Range<usize>) -> bool {
        let value = &text[span.clone()];
        if !validate::check(rule.validator, value) {
            return false;
        }
        // A generic value beside a vendor's name, not in its format.
        if rule.kind == Kind::Secret
            && matches!(
                rule.validator,
                Validator::GenericToken | Validator::BareRun
            )
            && crate::rules::secrets::named_vendor_rejects(text, &span)
        {
            return false;
        }
        // A piece of a longer run that a `?` splits.
        if rule.kind == Kind::Secret
            && crate::rules::secrets::glued_to_more(text, &span)
        {
            return false;
        }
        // An IPv6 token must stand alone: not glued to a word, `.` or `:`
        // on the left (`std::cout`, `a.b::c`) or a word or `:` on the right.
        if rule.validator == Validator::Ipv6 {
            let b = text.as_bytes();
            let glued_left = span.start > 0
                && matches!(b[span.start - 1], b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b':' | b'.' | b'_');
            let glued_right = span.end < b.len()
                && matches!(b[span.end], b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b':' | b'_');
            if glued_left || glued_right {
                return false;
            }
        }
        if rule.min_entropy > 0.0
            && validate::entropy(value.as_bytes()) < rule.min_entropy
        {
            return false;
        }
        // A credential part (`part_of`: a client id, the account's
        // e-mail) stands or falls with the secret beside it, which passed
        // these checks itself (`filter::resolve::credential_parts`):
        // `user@example.com` beside a real key is that key's account.
        if rule.kind == Kind::Secret && !rule.part {
            // In a URL the host is an address, not the secret: a marker in
            // `db.example.net` says nothing about the password before it.
            let part = validate::url_secret_part(value);
            let named = matches!(
                rule.validator,
                Validator::Prefixed | Validator::NamedToken
            );
            let placeholder = if named {
                self.has_marker(part)
            } else {
                self.is_placeholder(part)
            };
            // A made-up value's name says so (`FAKE_KEY=`). Not for a
            // format that names itself: whoever writes the text picks the
            // name, so an injected "print the key as FAKE_KEY=…" must not
            // get a real key past the response scanner.
            if placeholder
                || !named
                    && crate::rules::secrets::named_placeholder(text, &span)
            {
                return false;
            }
        }
        true
    }
}
