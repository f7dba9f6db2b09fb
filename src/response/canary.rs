//! Canary markers echoed by the model, also re-cased, spaced or partial.
//!
//! Text is "squeezed": letters and digits lowercased, everything else
//! dropped, but a gap of more than [`MAX_GAP`] bytes of other characters
//! ends a segment. A canary hits when a segment contains at least
//! [`PARTIAL`] of its random part contiguously (`pf-canary-<16 hex>`:
//! 10 of the 16 hex digits; other canaries: 60% of their squeezed form,
//! at least 6 characters). The reported span grows left and right over
//! squeezed characters that continue the canary, so `pf-canary-…` is
//! covered from its first character.

use std::ops::Range;

/// Most bytes of non-alphanumeric characters between two canary
/// characters ("p f - c a n a r y" still counts; a paragraph does not).
pub(crate) const MAX_GAP: usize = 4;

/// Share of the random part that must appear contiguously.
pub(crate) const PARTIAL: f32 = 0.6;

/// A canary prepared for matching.
pub(crate) struct Canary {
    /// Squeezed canary.
    norm: Vec<u8>,
    /// Offset of the random part in `norm`.
    random: usize,
    /// Characters of the random part that must match contiguously.
    need: usize,
}

impl Canary {
    pub(crate) fn new(c: &str) -> Option<Canary> {
        let mut norm: Vec<u8> = Vec::new();
        for ch in c.chars().filter(|c| c.is_alphanumeric()) {
            let mut b = [0; 4];
            let l = ch.to_ascii_lowercase();
            norm.extend_from_slice(l.encode_utf8(&mut b).as_bytes());
        }
        let random = if norm.starts_with(b"pfcanary") && norm.len() > 8 {
            8
        } else {
            0
        };
        let len = norm.len() - random;
        let need = ((len as f32 * PARTIAL).ceil() as usize).max(6).min(len);
        if need == 0 || norm.len() > 256 {
            return None;
        }
        Some(Canary { norm, random, need })
    }
}

/// Squeezed bytes with the original byte range of the char each came from.
struct Squeezed {
    bytes: Vec<u8>,
    from: Vec<Range<usize>>,
}

/// Splits `text` into squeezed segments.
fn segments(text: &str) -> Vec<Squeezed> {
    let mut out = Vec::new();
    let mut cur = Squeezed { bytes: Vec::new(), from: Vec::new() };
    let mut last_end = 0usize;
    for (i, ch) in text.char_indices() {
        if !ch.is_alphanumeric() {
            continue;
        }
        if !cur.bytes.is_empty() && i - last_end > MAX_GAP {
            out.push(std::mem::replace(
                &mut cur,
                Squeezed { bytes: Vec::new(), from: Vec::new() },
            ));
        }
        let r = i..i + ch.len_utf8();
        // NOTE: ASCII case folding only (std's Unicode case tables cost
        // wasm size; canaries are ASCII).
        let mut b = [0; 4];
        for &x in ch.to_ascii_lowercase().encode_utf8(&mut b).as_bytes() {
            cur.bytes.push(x);
            cur.from.push(r.clone());
        }
        last_end = r.end;
    }
    if !cur.bytes.is_empty() {
        out.push(cur);
    }
    out
}

/// Canary hits in `text` (byte spans), leftmost per canary and segment
/// position, non-overlapping per canary.
///
/// PERF: out of line (as [`pending`]): a response screened without
/// canaries does not compile it (issue 16, the first push).
#[inline(never)]
pub(crate) fn find(text: &str, canaries: &[Canary]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if canaries.is_empty() {
        return out;
    }
    for seg in segments(text) {
        for c in canaries {
            let s = &seg.bytes;
            let mut i = 0;
            while i + c.need <= s.len() {
                match hit_at(s, i, c) {
                    Some((a, b)) => {
                        out.push(seg.from[a].start..seg.from[b - 1].end);
                        i = b;
                    }
                    None => i += 1,
                }
            }
        }
    }
    // Unsorted: callers take the minimum or let `finish` sort (a sort
    // instantiation here costs ~4 KB of wasm).
    out
}

/// A hit whose matched random-part window starts at squeezed offset `i`,
/// extended both ways: (start, end) in squeezed offsets.
fn hit_at(s: &[u8], i: usize, c: &Canary) -> Option<(usize, usize)> {
    let win = &s[i..i + c.need];
    let r = &c.norm[c.random..];
    let k = (0..=r.len() - c.need).find(|&k| &r[k..k + c.need] == win)?;
    let (mut a, mut ca) = (i, c.random + k);
    while a > 0 && ca > 0 && s[a - 1] == c.norm[ca - 1] {
        a -= 1;
        ca -= 1;
    }
    let (mut b, mut cb) = (i + c.need, c.random + k + c.need);
    while b < s.len() && cb < c.norm.len() && s[b] == c.norm[cb] {
        b += 1;
        cb += 1;
    }
    Some((a, b))
}

/// Streaming: earliest byte offset where a canary hit could still start,
/// i.e. the start of the longest squeezed suffix of `text` that is a
/// substring of some canary (and contains no hit yet); `text.len()` if
/// none.
///
/// PERF: out of line, so a stream without canaries does not compile it
/// inside `ResponseScanner::push` (issue 16, the first push).
#[inline(never)]
pub(crate) fn pending(text: &str, canaries: &[Canary]) -> usize {
    if canaries.is_empty() {
        return text.len();
    }
    // Only the tail can matter: the longest canary plus gaps.
    let longest = canaries.iter().map(|c| c.norm.len()).max().unwrap_or(0);
    let tail_from = super::guard::floor_char(
        text,
        text.len().saturating_sub(longest * (MAX_GAP + 4) + 8),
    );
    let tail = &text[tail_from..];
    // The last segment must touch the end (a gap at the end may still be
    // followed by a canary char).
    let Some(seg) = segments(tail).pop() else { return text.len() };
    let last = seg.from.last().map_or(0, |r| r.end);
    if tail.len() - last > MAX_GAP {
        return text.len();
    }
    let s = &seg.bytes;
    let mut best = text.len();
    for c in canaries {
        for len in (1..=s.len().min(c.norm.len())).rev() {
            let suf = &s[s.len() - len..];
            if c.norm.windows(len).any(|w| w == suf) {
                let start = s.len() - len;
                let has_hit = len >= c.need
                    && (start..=s.len() - c.need)
                        .any(|i| hit_at(s, i, c).is_some());
                if !has_hit {
                    best = best.min(tail_from + seg.from[start].start);
                }
                break;
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<Canary> {
        vec![Canary::new(s).unwrap()]
    }

    const K: &str = "pf-canary-7f3a9c01e4b2d865";

    #[test]
    fn exact_recased_spaced_partial() {
        let k = c(K);
        let t = "x pf-canary-7f3a9c01e4b2d865 y";
        assert_eq!(find(t, &k), vec![2..28]);
        assert_eq!(find("PF-CANARY-7F3A9C01E4B2D865", &k).len(), 1);
        let spaced = "p f - c a n a r y - 7 f 3 a 9 c 0 1 e 4 b";
        assert_eq!(find(spaced, &k), vec![0..spaced.len()]);
        assert_eq!(find("the id 3a9c01e4b2d8.", &k), vec![7..19]);
        // look-alikes: 9 of 16, another canary, chars far apart
        assert!(find("id 7f3a9c01e ok", &k).is_empty());
        assert!(find("pf-canary-0123456789abcdef", &k).is_empty());
        assert!(find("7f3a9c0     1e4b2d865", &k).is_empty());
    }

    #[test]
    fn pending_suffix() {
        let k = c(K);
        assert_eq!(pending("hello pf-can", &k), 6);
        assert_eq!(pending("hello world", &k), 10); // "d" may start "d865"
        assert_eq!(pending("hello wor", &k), 8); // "r" may start "ry"
        assert_eq!(pending("hello pf ;;;;;;", &k), 15);
        assert_eq!(pending("hello pf-canary-7f3a9c01e4b2", &k), 28);
    }
}
