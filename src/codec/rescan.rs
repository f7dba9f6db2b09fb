//! The engine's secret rescan: secrets hidden in base64 or
//! percent-encoding.
//!
//! gitleaks decodes fragments and rescans them (`detect/codec/`); the
//! engine does the same, bounded: runs of at most [`MAX_RUN`] encoded
//! bytes, at most [`MAX_DEPTH`] nested decodings, at most [`MAX_TOTAL`]
//! decoded bytes per scanned text. Only secret rules run on decoded text,
//! and a hit is reported at the span of the whole encoded run in the
//! original text, so redacting it removes the encoded secret.
//!
//! Decoded text must be valid UTF-8 and mostly printable
//! ([`SECRET_TEXT`]); random tokens that merely look like base64 decode
//! to binary and are dropped early.

use std::ops::Range;

use super::base64::{self as b64, Padding};
use super::class::{self, BASE64, PAD, PERCENT};
use super::percent;
use super::text::{readable, Readable};

/// Nested decodings (base64 inside percent-encoding, ...).
pub(crate) const MAX_DEPTH: u8 = 2;
/// Shortest encoded run worth decoding (12 decoded bytes).
pub(crate) const MIN_RUN: usize = 16;
/// Longest encoded run decoded; longer runs are skipped, not truncated.
pub(crate) const MAX_RUN: usize = 8192;
/// Decoded bytes per top-level text, over all runs and depths.
pub(crate) const MAX_TOTAL: usize = 1 << 20;

/// A decoded secret need only be printable: at most 5% control chars
/// (form feed is one), no other test of what it says.
pub(crate) static SECRET_TEXT: Readable = Readable {
    min_chars: 8,
    max_control_percent: 5,
    form_feed_is_space: false,
    prose: false,
};

/// Bytes of a run: base64 (standard or URL-safe) or percent-encoding.
const RUN: u8 = BASE64 | PERCENT;

/// Decoded bytes left for one top-level text (all runs, all depths).
/// It only goes down while the text is searched, which [`Memo`] relies on.
#[derive(Debug)]
pub(crate) struct Budget {
    left: usize,
}

impl Budget {
    /// [`MAX_TOTAL`] bytes.
    pub(crate) fn new() -> Budget {
        Budget::of(MAX_TOTAL)
    }

    fn of(left: usize) -> Budget {
        Budget { left }
    }
}

/// The outcome of the last decoded run searched, reused when the next
/// run decodes to the same text (a block repeated: 1 MB of one nested
/// base64 block was ~3,400 searches of the same text, each rescanning
/// the level below).
///
/// Searching a decoded text depends on the text and on the budget left
/// at its start, which decides which nested runs still fit. The first
/// search started with `L1` and spent `U`; a later one starts with `L2 <=
/// L1 - U` (the budget only goes down). If `L2 >= U`, each nested run
/// gets the same answer in the same order: one that fit before fits
/// again (the runs that fit spend `U` in all, at most `L2`), and one that
/// did not fit before does not now (less is left at each step). So the
/// outcome, and the `U` spent, are the same; findings are those of
/// searching again (a test compares).
pub(crate) struct Memo<T> {
    last: Option<(String, usize, T)>,
}

impl<T> Default for Memo<T> {
    fn default() -> Memo<T> {
        Memo { last: None }
    }
}

impl<T: Clone> Memo<T> {
    /// `search(decoded, budget)`, or the last outcome when it is the same.
    pub(crate) fn get_or(
        &mut self,
        decoded: String,
        budget: &mut Budget,
        search: impl FnOnce(&str, &mut Budget) -> T,
    ) -> T {
        if let Some((seen, used, value)) = &self.last {
            if budget.left >= *used && *seen == decoded {
                budget.left -= used;
                return value.clone();
            }
        }
        let left = budget.left;
        let value = search(&decoded, budget);
        self.last = Some((decoded, left - budget.left, value.clone()));
        value
    }
}

/// Encoded runs of `text` with their decoded text, in text order.
pub(crate) fn runs(
    text: &str,
    budget: &mut Budget,
) -> Vec<(Range<usize>, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() && budget.left > 0 {
        if !class::is(b[i], RUN) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && class::is(b[i], RUN) {
            i += 1;
        }
        // Absorb base64 padding, unless the `=` separates `key=value`.
        let mut pad = i;
        while pad < b.len() && pad - i < 2 && b[pad] == b'=' {
            pad += 1;
        }
        if pad == b.len() || !class::is(b[pad], RUN) {
            i = pad;
        }
        let end = i;
        let len = end - start;
        if !(MIN_RUN..=MAX_RUN).contains(&len) {
            continue;
        }
        let run = &b[start..end];
        let decoded =
            if run.contains(&b'%') { percent(run) } else { base64(run) };
        if let Some(d) = decoded {
            if d.len() <= budget.left {
                budget.left -= d.len();
                out.push((start..end, d));
            }
        }
    }
    out
}

/// Percent-decodes a whole run with at least two escapes; a `%` that
/// starts no escape is kept as text, and so are `+` and end padding.
fn percent(run: &[u8]) -> Option<String> {
    let d = percent::decode(run, 0, usize::MAX, RUN | PAD, false);
    if d.escapes < 2 {
        return None;
    }
    readable(d.bytes, &SECRET_TEXT)
}

/// Decodes a strictly padded base64 run to printable text (`validate`
/// reads JWT headers with it).
pub(crate) fn base64(run: &[u8]) -> Option<String> {
    readable(b64::decode(run, Padding::Strict)?, &SECRET_TEXT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_base64_and_percent() {
        let mut budget = Budget::new();
        let r = runs("x aGVsbG8gd29ybGQgc2VjcmV0 y", &mut budget);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].1, "hello world secret");
        let r = runs("q=token%3Dabc%2Fdef%2Bghi0123", &mut budget);
        assert_eq!(r.len(), 1);
        // `q=` is a key, not part of the run.
        assert_eq!(r[0].1, "token=abc/def+ghi0123");
    }

    #[test]
    fn rejects_binary_and_words() {
        let mut budget = Budget::new();
        assert!(runs("ghp_R4nd0mT0k3nV4lu3sAr3N0tR34lAbCd12345", &mut budget)
            .is_empty());
        assert!(runs("abcdefghijklmnopqrstuvwxyz", &mut budget).is_empty());
        assert!(runs("%", &mut budget).is_empty());
        assert!(runs("%%%%%%%%%%%%%%%%%%%%%%%%%%", &mut budget).is_empty());
    }

    /// (text, budget, rendered runs: `start..end decoded` joined by ` | `).
    /// Pinned from the engine's decoder before the codec module existed.
    const RUN_CASES: &[(&str, usize, &str)] = &[
        (
            "x aGVsbG8gd29ybGQgc2VjcmV0 y",
            MAX_TOTAL,
            "2..26 \"hello world secret\"",
        ),
        // Padding is part of the run, unless `=` starts a value.
        (
            "aGVsbG8gd29ybGQgc2VjcmV0IQ==",
            MAX_TOTAL,
            "0..28 \"hello world secret!\"",
        ),
        (
            "aGVsbG8gd29ybGQgc2VjcmV0IQ=x",
            MAX_TOTAL,
            "0..26 \"hello world secret!\"",
        ),
        (
            "aGVsbG8gd29ybGQgc2VjcmV0IQ==x",
            MAX_TOTAL,
            "0..26 \"hello world secret!\"",
        ),
        (
            "aGVsbG8gd29ybGQgc2VjcmV0IQ===",
            MAX_TOTAL,
            "0..28 \"hello world secret!\"",
        ),
        ("aGVsbG8=d29ybGQgc2VjcmV0IQ==", MAX_TOTAL, "8..28 \"world secret!\""),
        // Standard and URL-safe alphabets.
        (
            "dG9rZW49YWJjPz8+Pn5+IHNlY3JldA==",
            MAX_TOTAL,
            "0..32 \"token=abc??>>~~ secret\"",
        ),
        (
            "dG9rZW49YWJjPz8-Pn5-IHNlY3JldA==",
            MAX_TOTAL,
            "0..32 \"token=abc??>>~~ secret\"",
        ),
        // Binary, control chars, UTF-8.
        ("//4gYmluYXJ5IGp1bmsgaGVyZSEh", MAX_TOTAL, ""),
        (
            "bGluZSBvbmUMbGluZSB0d28gb2s=",
            MAX_TOTAL,
            "0..28 \"line one\\u{c}line two ok\"",
        ),
        ("bGluZSBvbmUMDGxpbmUgdHdv", MAX_TOTAL, ""),
        (
            "Y2Fmw6kgYXUgbGFpdCBzw6ljcmV0",
            MAX_TOTAL,
            "0..28 \"café au lait sécret\"",
        ),
        // Length 4n+1 never decodes, nor a run under MIN_RUN, nor one of
        // one letter case (a word or a constant, not an encoding).
        ("aGVsbG8gd29ybGQgc2VjcmV0a", MAX_TOTAL, ""),
        ("aGVsbG8gd29ybGQ", MAX_TOTAL, ""),
        ("abcdefghijklmnopqrstuvwxyz", MAX_TOTAL, ""),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123", MAX_TOTAL, ""),
        // Percent-encoding: `+` stays, a bad escape is kept as text.
        (
            "q=token%3Dabc%2Fdef%2Bghi0123",
            MAX_TOTAL,
            "2..29 \"token=abc/def+ghi0123\"",
        ),
        (
            "a%20b+c%20d%20efgh-ij_kl",
            MAX_TOTAL,
            "0..24 \"a b+c d efgh-ij_kl\"",
        ),
        (
            "pass%20word%zz%2Fabcdefgh",
            MAX_TOTAL,
            "0..25 \"pass word%zz/abcdefgh\"",
        ),
        ("abcdefghij%41%42%", MAX_TOTAL, "0..17 \"abcdefghijAB%\""),
        ("a%20b%20c%20d%20efgh== x", MAX_TOTAL, "0..22 \"a b c d efgh==\""),
        ("abcdefghijklmn%41op", MAX_TOTAL, ""),
        ("%41%42%43%44%45%46%47%48%0C%0Cxyz", MAX_TOTAL, ""),
        ("%", MAX_TOTAL, ""),
        ("%%%%%%%%%%%%%%%%%%%%%%%%%%", MAX_TOTAL, ""),
        // Two runs; the budget counts decoded bytes over both.
        (
            "aGVsbG8gd29ybGQgc2VjcmV0 and a%20b%20c%20d%20efgh",
            MAX_TOTAL,
            "0..24 \"hello world secret\" | 29..49 \"a b c d efgh\"",
        ),
        (
            "aGVsbG8gd29ybGQgc2VjcmV0 and a%20b%20c%20d%20efgh",
            20,
            "0..24 \"hello world secret\"",
        ),
        ("aGVsbG8gd29ybGQgc2VjcmV0 and a%20b%20c%20d%20efgh", 10, ""),
        ("aGVsbG8gd29ybGQgc2VjcmV0 and a%20b%20c%20d%20efgh", 0, ""),
    ];

    fn render_runs(text: &str, budget: usize) -> String {
        let mut budget = Budget::of(budget);
        runs(text, &mut budget)
            .iter()
            .map(|(span, d)| format!("{}..{} {:?}", span.start, span.end, d))
            .collect::<Vec<_>>()
            .join(" | ")
    }

    #[test]
    fn pinned_runs() {
        for &(text, budget, want) in RUN_CASES {
            assert_eq!(render_runs(text, budget), want, "{text:?} {budget}");
        }
    }

    #[test]
    fn runs_longer_than_max_run_are_skipped() {
        // 512 * 12 bytes encode to exactly MAX_RUN base64 bytes.
        let plain = "Hello world ".repeat(512);
        let at_max = b64_of(plain.as_bytes());
        assert_eq!(at_max.len(), MAX_RUN);
        let mut budget = Budget::new();
        let r = runs(&at_max, &mut budget);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].1, plain);
        assert_eq!(budget.left, MAX_TOTAL - plain.len());
        let over = b64_of(format!("{plain}!").as_bytes());
        assert!(runs(&over, &mut budget).is_empty());
    }

    #[test]
    fn base64_alone() {
        // `validate` reads JWT headers with it.
        assert_eq!(
            base64(b"eyJhbGciOiJIUzI1NiJ9").as_deref(),
            Some(r#"{"alg":"HS256"}"#)
        );
        assert_eq!(
            base64(b"aGVsbG8gd29ybGQgc2VjcmV0IQ==").as_deref(),
            Some("hello world secret!")
        );
        for no in [
            &b"aGVsbG8gd29ybGQgc2VjcmV0IQ==="[..],
            b"aGVsbG8=d29ybGQgc2VjcmV0IQ",
            b"aGVsbG8gd29ybGQgc2VjcmV0a",
            b"aGVsbG8gd29y bGQgc2VjcmV0",
            b"eyJhbGciOi",
            b"",
        ] {
            assert_eq!(base64(no), None, "{:?}", std::str::from_utf8(no));
        }
    }

    /// Every decoded text found in `text`, nested ones after their run,
    /// the way the engine walks them (two levels), with or without the
    /// memo.
    fn walk(
        text: &str,
        depth: u8,
        budget: &mut Budget,
        memo: bool,
    ) -> Vec<String> {
        let mut out = Vec::new();
        if depth >= MAX_DEPTH {
            return out;
        }
        let mut seen = Memo::default();
        for (_, decoded) in runs(text, budget) {
            let search = |d: &str, b: &mut Budget| {
                let mut v = vec![d.to_string()];
                v.extend(walk(d, depth + 1, b, memo));
                v
            };
            let found = if memo {
                seen.get_or(decoded, budget, search)
            } else {
                search(&decoded, budget)
            };
            out.extend(found);
        }
        out
    }

    #[test]
    fn memo_gives_what_searching_again_gives() {
        // Nested blocks repeated, a different one between, at budgets that
        // run out before, inside and after the repeats.
        let inner = b64_of(b"ignore previous instructions, key=abcdef");
        let outer = b64_of(inner.as_bytes());
        let other =
            b64_of(b64_of(b"something else entirely, 12345").as_bytes());
        let mut texts = vec![
            [outer.as_str(); 6].join(" "),
            format!("{outer} {outer} {other} {outer} {outer}"),
            format!("{inner} {outer} {outer} {inner} {inner}"),
        ];
        texts.push(texts[0].replace(' ', "%20"));
        for text in &texts {
            for left in (0..=600).step_by(7).chain([MAX_TOTAL]) {
                let (mut a, mut b) = (Budget::of(left), Budget::of(left));
                let plain = walk(text, 0, &mut a, false);
                let memo = walk(text, 0, &mut b, true);
                assert_eq!(plain, memo, "{left}");
                assert_eq!(a.left, b.left, "{left}");
            }
        }
    }

    /// Standard base64 with padding, for building test inputs.
    fn b64_of(bytes: &[u8]) -> String {
        const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ\
            abcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().fold(0u32, |n, &b| n << 8 | u32::from(b))
                << (8 * (3 - chunk.len()));
            for k in 0..4 {
                out.push(if k <= chunk.len() {
                    char::from(ABC[(n >> (18 - 6 * k) & 63) as usize])
                } else {
                    '='
                });
            }
        }
        out
    }
}
