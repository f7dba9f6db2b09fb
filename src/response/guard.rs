//! Hold-back guards: where could a match that is not finished yet start?
//!
//! A guard is derived from a rule's pattern *text* (no regex internals):
//! a superset of the characters a match can contain and, when the pattern
//! begins with a literal, that literal. A match that is still growing at
//! the end of the buffer contains only class characters from its start to
//! the end, so its start is at or after the start of the trailing run of
//! class characters; a match that must begin with a literal starts at an
//! occurrence of it (or at a partial occurrence at the very end).
//!
//! The analysis is deliberately conservative: anything it does not
//! understand (`.`, `\s`, `\p{..}`, negated classes, ...) widens the class
//! to "any character", which only makes the hold-back longer, never wrong.

/// Longest match the stream scanner waits for, in bytes. Every built-in
/// pattern's maximum match length is below this (tested with
/// `regex-syntax`); a custom rule whose match is longer may be split.
pub(crate) const MAX_MATCH: usize = 68 * 1024;

/// Hold-back for custom patterns whose class is "any character" and that
/// do not start with a literal: 4 KiB. A longer match may be split.
pub(crate) const ANY_HOLD: usize = 4 * 1024;

use super::class::{self, Class};
use crate::filter::Rule;

#[derive(Clone)]
pub(crate) struct Guard {
    /// The pattern's reading (its `prefix` range cleared: the bytes are
    /// in `prefix`).
    class: Class,
    /// Literal the match starts with (compared ASCII case-insensitively).
    prefix: Option<Vec<u8>>,
    /// Longest match in bytes: a match still forming at the end of the
    /// text starts no earlier than this before it.
    max_len: Option<usize>,
    /// The pattern read as `H M D` (`filter::Rule::tail`), when its
    /// class alone would hold prose: the longest `H` and the longest `D`
    /// less one, in bytes (both 0 otherwise), and `class` is `M`'s. `M`, the token of most secret
    /// rules, holds no space, while `H` (a keyword, a name, a separator)
    /// and `D` (a closing delimiter) may hold anything but are short. A
    /// match still forming at the end of the text ends in `H` (it starts
    /// at most `H` before the end), in `M` (at most `H` before the
    /// trailing run of `M` characters) or in `D` (then at most the last
    /// `D - 1` bytes are `D`'s, and it starts at most `H` before the run
    /// of `M` characters that ends where they begin). A run ending at any
    /// of those points starts no earlier than the one ending `D - 1`
    /// bytes before the end, so a match starts no earlier than `H` before
    /// that run. `generic-api-key` (a `\s` in its delimiter reads as any
    /// character; ~2 KB longest match) then holds its keyword, name,
    /// separator and the current token, ~100 bytes, not 2 KB of prose.
    tail: (usize, usize),
}

impl Guard {
    /// Conservative analysis of a regex pattern whose longest match is
    /// `max_len` bytes (`None`: unbounded).
    pub(crate) fn of_pattern(p: &str, max_len: Option<usize>) -> Guard {
        Guard::new(class::read(p), p, max_len)
    }

    /// The guard of rule `r`'s pattern, read as `H M D` (`tail`) when its
    /// class alone would hold prose. Only for guards that are never
    /// folded (`same_class` does not compare tails): the keyed rules'.
    pub(crate) fn of_rule(r: &Rule) -> Guard {
        let mut g = Guard::of_pattern(r.pattern(), r.max_len());
        if g.class.any || g.class.has(u32::from(b' ')) {
            if let Some((set, head, rest)) = r.tail() {
                let k = &mut g.class;
                (k.ascii, k.non_ascii) =
                    ([set[0], set[1]], set[2] | set[3] != 0);
                // A found match at its literal prefix still ends it.
                k.terminated |= k.any;
                (k.any, k.lead) = (false, false);
                // A match still forming leaves at most `D - 1` bytes.
                g.tail = (head, rest.saturating_sub(1));
            }
        }
        g
    }

    /// The guard of pattern `p` read as `class` (`class::read(p)`, made
    /// at compile time for the built-in PII rules).
    pub(crate) fn new(
        mut class: Class,
        p: &str,
        max_len: Option<usize>,
    ) -> Guard {
        let (a, b) = class.prefix;
        let prefix = p.as_bytes().get(a as usize..b as usize);
        let prefix = prefix.filter(|x| !x.is_empty()).map(<[u8]>::to_vec);
        class.prefix = (0, 0);
        Guard { class, prefix, max_len, tail: (0, 0) }
    }

    /// Same characters and literal prefix as `o` (length bounds aside).
    pub(crate) fn same_class(&self, o: &Guard) -> bool {
        self.class == o.class && self.prefix == o.prefix
    }

    /// The longest match, in bytes (`None`: unbounded).
    pub(crate) fn max_len(&self) -> Option<usize> {
        self.max_len
    }

    /// Takes the longer of its length bound and `n` (`None`: unbounded).
    pub(crate) fn widen(&mut self, n: Option<usize>) {
        self.max_len = match (self.max_len, n) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
    }

    pub(crate) fn contains(&self, c: char) -> bool {
        let k = &self.class;
        k.any
            || if c.is_ascii() {
                k.has(c as u32)
            } else {
                k.non_ascii || (k.folds && matches!(c, '\u{212A}' | '\u{17F}'))
            }
    }

    /// Earliest byte offset in `text` at which a match that may still grow
    /// past the end could start, or `text.len()` when there is none.
    /// `floor` is the earliest position worth reporting (older matches are
    /// complete by the length bound).
    ///
    /// SECURITY/NOTE: a pattern that starts with a literal and may contain
    /// any character, or whose lazy run ends at a literal terminator (PEM
    /// blocks), is assumed to end at its own terminator: once the engine
    /// reports a match at an occurrence (`found`), that occurrence is no
    /// longer pending.
    pub(crate) fn pending(
        &self,
        text: &str,
        floor: usize,
        found: &dyn Fn(usize) -> bool,
    ) -> usize {
        let end = text.len();
        let floor = match self.max_len {
            Some(n) => floor.max(floor_char(text, end.saturating_sub(n))),
            None => floor,
        };
        let (any, lead) = (self.class.any, self.class.lead);
        let (head, rest) = self.tail;
        let run = if any {
            floor
        } else {
            let mut start = floor_char(text, end.saturating_sub(rest));
            while let Some((i, c)) = char_before(text, start) {
                if i < floor || !self.contains(c) {
                    break;
                }
                start = i;
            }
            match char_before(text, start) {
                Some((i, _)) if lead && i >= floor => i,
                _ => floor_char(text, start.saturating_sub(head)).max(floor),
            }
        };
        if let Some(pre) = &self.prefix {
            let t = text.as_bytes();
            let mut i = run;
            while i < end {
                let p = prefix_pending(t, pre, i);
                if p >= end || !((any || self.class.terminated) && found(p)) {
                    return p;
                }
                i = p + 1;
            }
            return end;
        }
        if any {
            return floor_char(text, end.saturating_sub(ANY_HOLD)).max(run);
        }
        run
    }
}

/// Start of the first occurrence of `pre` at or after `floor`, or of a
/// proper prefix of `pre` at the end of `text`; `text.len()` when none.
fn prefix_pending(t: &[u8], pre: &[u8], floor: usize) -> usize {
    let Some(&first) = pre.first() else { return floor.min(t.len()) };
    let first = first.to_ascii_lowercase();
    let mut i = floor;
    while let Some(&b) = t.get(i) {
        // PERF: the first byte alone rejects almost every position (the
        // slice compare at each byte was ~1% of a 64-char stream in V8).
        if b.to_ascii_lowercase() == first {
            let rest = &t[i..];
            let n = rest.len().min(pre.len());
            if rest[..n].eq_ignore_ascii_case(&pre[..n]) {
                return i;
            }
        }
        i += 1;
    }
    t.len()
}

/// The char of `text` that ends at byte offset `i`, with its start.
///
/// PERF: inlined into the hold-back's loops, the non-ASCII case out of
/// line.
#[inline(always)]
pub(crate) fn char_before(text: &str, i: usize) -> Option<(usize, char)> {
    let b = text.as_bytes();
    match i.checked_sub(1).and_then(|j| b.get(j)) {
        Some(&c) if c < 0x80 => Some((i - 1, c as char)),
        Some(_) => wide_before(text, i),
        None => None,
    }
}

#[inline(never)]
fn wide_before(text: &str, i: usize) -> Option<(usize, char)> {
    let c = text.get(..i)?.chars().next_back()?;
    Some((i - c.len_utf8(), c))
}

/// Largest char boundary at or below `i`.
#[inline(never)]
pub(crate) fn floor_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(p: &str) -> Guard {
        Guard::of_pattern(p, crate::engine::syntax::facts(p).max_len)
    }

    #[test]
    fn classes_and_prefixes() {
        let email = of(r"\b[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@");
        assert!(!email.class.any);
        assert!(email.contains('a') && email.contains('@'));
        assert!(!email.contains(' '));
        let no = |_: usize| false;
        assert_eq!(email.pending("mail ana@exa", 0, &no), 5);
        assert_eq!(email.pending("mail ana@exa ", 0, &no), 13);
        let pem = of(r"-----BEGIN[ A-Z]{0,4}[\s\S]{1,9}");
        assert_eq!(pem.prefix.as_deref(), Some(&b"-----BEGIN"[..]));
        assert_eq!(pem.pending("abc ---", 0, &no), 4);
        assert_eq!(pem.pending("abc -----BEGIN x", 0, &no), 4);
        assert_eq!(pem.pending("abc -----BEGIN x", 0, &|s| s == 4), 16);
        assert_eq!(pem.pending("abc - x", 0, &no), 7);
        // A leading group is looked into; a lazy body closed by a
        // literal ends at it (a reported match is complete).
        let key = of(
            r"(-----BEGIN[ A-Z]{0,9} KEY-----[A-Za-z0-9 \n]{4,99}?-----END KEY-----)",
        );
        assert_eq!(key.prefix.as_deref(), Some(&b"-----BEGIN"[..]));
        assert!(key.class.terminated && !key.class.any);
        let pem =
            "x -----BEGIN A KEY-----\nabcd\n-----END KEY-----\nmore text";
        assert_eq!(key.pending(pem, 0, &no), 2);
        assert_eq!(key.pending(pem, 0, &|s| s == 2), pem.len());
        assert!(of(r"(abc)?def").prefix.is_none());
        assert!(of(r"(abc|def)x").prefix.is_none());
        assert!(!of(r"-----BEGIN[a-z]+-----END").class.terminated);
        // One-character delimiters around a token do not make the class
        // "any character"; a leading one is held with the run.
        let tok = of(r"\b(AIza[A-Za-z0-9_\-]{35})(?:[^A-Za-z0-9_\-]|$)");
        assert!(!tok.class.any && !tok.contains(' '));
        assert_eq!(tok.prefix.as_deref(), Some(&b"AIza"[..]));
        assert_eq!(tok.pending("key AIzaSyA1", 0, &no), 4);
        assert_eq!(tok.pending("key AIzaSyA1 ok", 0, &no), 15);
        let lead = of(
            r"(?:^|[^A-Za-z0-9~.])([A-Za-z0-9~.]{3}\dQ~[A-Za-z0-9~.]{31,34})(?:[^A-Za-z0-9~.]|$)",
        );
        assert!(lead.class.lead && !lead.class.any);
        assert_eq!(lead.pending("id: abc1Q~x", 0, &no), 3);
        assert_eq!(lead.pending("id: abc1Q~x", 4, &no), 4);
        let dot = of(r"a.b|c");
        assert!(dot.class.any && dot.prefix.is_none());
        let neg = of(r"x[^a]");
        assert!(neg.class.any);
        let ci = of(r"(?i)\bab");
        assert!(ci.contains('A') && ci.contains('\u{212A}'));
    }

    /// The hold-back bound covers every built-in rule, and each guard's
    /// class contains every character of the rule's example matches.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn guards_cover_builtin_rules() {
        for r in crate::rules::builtin() {
            let max = crate::engine::syntax::facts(r.pattern).max_len;
            assert!(
                max.is_some_and(|m| m <= MAX_MATCH),
                "rule {} max len {:?} > {}",
                r.id,
                max,
                MAX_MATCH
            );
        }
        let f = crate::Filter::new(crate::Policy::default()).unwrap();
        for r in crate::rules::builtin() {
            let g = of(r.pattern);
            for hit in r.hits {
                for c in
                    f.candidates_with(hit, crate::filter::Side::Prompt, true)
                {
                    if c.rule != r.id {
                        continue;
                    }
                    let v = &hit[c.span.clone()];
                    assert!(
                        v.chars().all(|ch| g.contains(ch)),
                        "rule {}: class misses a char of its example",
                        r.id
                    );
                    if let Some(p) = &g.prefix {
                        assert!(
                            v.as_bytes()[..p.len()].eq_ignore_ascii_case(p)
                        );
                    }
                }
            }
        }
    }

    /// A guard that reads its pattern's tail holds the start of every
    /// match of the rule's examples at each cut inside the match, and
    /// the generic key rule holds ~100 bytes of prose, not 2 KB.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn tails_hold_every_cut_of_a_match() {
        let no = |_: usize| false;
        let mut checked = 0;
        let f = crate::Filter::new(crate::Policy::default()).unwrap();
        for def in crate::rules::builtin() {
            let Some(r) = f.rules().iter().find(|r| r.id == def.id) else {
                continue;
            };
            let g = Guard::of_rule(r);
            if r.tail().is_none() {
                continue;
            }
            let re = regex::Regex::new(r.pattern()).expect("pattern");
            for hit in def.hits {
                let text = format!("Sure, here it is: {hit} and more");
                for m in re.find_iter(&text) {
                    for c in m.start() + 1..m.end() {
                        if !text.is_char_boundary(c) {
                            continue;
                        }
                        let p = g.pending(&text[..c], 0, &no);
                        assert!(p <= m.start(), "{}: cut {c}", def.id);
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 500, "{checked}");
        let key = f
            .rules()
            .iter()
            .find(|r| r.id == "generic-api-key")
            .map(Guard::of_rule)
            .expect("rule");
        assert!(key.tail.0 > 0);
        let prose = format!(
            "Your API key must stay secret. {}",
            "The quick brown fox jumps over the lazy dog. ".repeat(60)
        );
        assert!(prose.len() - key.pending(&prose, 0, &no) < 200);
    }
}
