//! Decode stage: secrets hidden in base64 or percent-encoding.
//!
//! gitleaks decodes fragments and rescans them (`detect/codec/`); we do the
//! same, bounded: runs of at most [`MAX_RUN`] encoded bytes, at most
//! [`MAX_DEPTH`] nested decodings, at most [`MAX_TOTAL`] decoded bytes per
//! scanned text. Only secret rules run on decoded text, and a hit is
//! reported at the span of the whole encoded run in the original text, so
//! redacting it removes the encoded secret.
//!
//! Decoded text must be valid UTF-8 and mostly printable; random tokens
//! that merely look like base64 decode to binary and are dropped early.

use std::ops::Range;

/// Nested decodings (base64 inside percent-encoding, ...).
pub(crate) const MAX_DEPTH: u8 = 2;
/// Shortest encoded run worth decoding (12 decoded bytes).
pub(crate) const MIN_RUN: usize = 16;
/// Longest encoded run decoded; longer runs are skipped, not truncated.
pub(crate) const MAX_RUN: usize = 8192;
/// Decoded bytes per top-level text, over all runs and depths.
pub(crate) const MAX_TOTAL: usize = 1 << 20;

/// Encoded runs of `text` with their decoded text, in text order.
pub(crate) fn runs(
    text: &str,
    budget: &mut usize,
) -> Vec<(Range<usize>, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() && *budget > 0 {
        if !is_run_byte(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && is_run_byte(b[i]) {
            i += 1;
        }
        // Absorb base64 padding, unless the `=` separates `key=value`.
        let mut pad = i;
        while pad < b.len() && pad - i < 2 && b[pad] == b'=' {
            pad += 1;
        }
        if pad == b.len() || !is_run_byte(b[pad]) {
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
            if d.len() <= *budget {
                *budget -= d.len();
                out.push((start..end, d));
            }
        }
    }
    out
}

/// Bytes that may occur in a base64 (standard or URL-safe) or
/// percent-encoded run.
#[inline(always)]
fn is_run_byte(c: u8) -> bool {
    RUN_BYTES[usize::from(c)]
}

static RUN_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric()
            || matches!(b, b'+' | b'/' | b'_' | b'-' | b'%');
        c += 1;
    }
    t
};

fn printable(s: &str) -> bool {
    let total = s.chars().count();
    if total < 8 {
        return false;
    }
    let bad = s
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    bad * 20 <= total
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Percent-decodes a run with at least two escapes.
fn percent(run: &[u8]) -> Option<String> {
    let mut out = Vec::with_capacity(run.len());
    let mut escapes = 0;
    let mut i = 0;
    while i < run.len() {
        if run[i] == b'%' && i + 2 < run.len() {
            if let (Some(h), Some(l)) = (hex(run[i + 1]), hex(run[i + 2])) {
                out.push(h << 4 | l);
                escapes += 1;
                i += 3;
                continue;
            }
        }
        out.push(run[i]);
        i += 1;
    }
    if escapes < 2 {
        return None;
    }
    let s = String::from_utf8(out).ok()?;
    printable(&s).then_some(s)
}

fn b64val(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    } as u32)
}

/// Decodes standard or URL-safe base64, padding optional. Runs that are
/// all letters or all digits are words or numbers, not encodings.
pub(crate) fn base64(run: &[u8]) -> Option<String> {
    let body = match run.iter().position(|&c| c == b'=') {
        Some(p)
            if run[p..].iter().all(|&c| c == b'=') && run.len() - p <= 2 =>
        {
            &run[..p]
        }
        Some(_) => return None,
        None => run,
    };
    if body.len() % 4 == 1 {
        return None;
    }
    let upper = body.iter().any(u8::is_ascii_uppercase);
    let lower = body.iter().any(u8::is_ascii_lowercase);
    if !(upper && lower) {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0u32;
    for &c in body {
        acc = (acc << 6) | b64val(c)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    printable(&s).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_base64_and_percent() {
        let mut budget = MAX_TOTAL;
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
        let mut budget = MAX_TOTAL;
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
        let mut budget = budget;
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
        let mut budget = MAX_TOTAL;
        let r = runs(&at_max, &mut budget);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].1, plain);
        assert_eq!(budget, MAX_TOTAL - plain.len());
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
