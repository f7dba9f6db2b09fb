//! System-prompt leak detection with a word-shingle fingerprint.
//!
//! Words are runs of letters and digits, lowercased (so case, whitespace
//! and punctuation changes do not hide a copy); each CJK/kana/hangul
//! character is a word of its own; a "word" longer than [`MAX_WORD`] bytes
//! is a break (base64 blobs are not prose). Every run of [`SHINGLE`]
//! consecutive words of the system prompt is hashed into a set. A response
//! leaks when [`RUN`] consecutive shingles (12 words in a row) are in the
//! set; for prompts shorter than that, all of their shingles. Prompts of
//! fewer than [`SHINGLE`] words are not fingerprinted (use a canary).
//!
//! The finding spans the first `RUN` shingles of the run: the evidence,
//! and where the block starts. Memory: one `u64` per prompt word.

use std::ops::Range;

/// Words per shingle.
pub(crate) const SHINGLE: usize = 8;
/// Consecutive matching shingles that make a leak.
pub(crate) const RUN: usize = 5;
/// Longer alphanumeric runs are breaks, not words.
pub(crate) const MAX_WORD: usize = 64;

pub(crate) struct Fingerprint {
    /// Open-addressing table of shingle hashes (0 = empty); smaller in
    /// wasm than a HashSet or a sort.
    set: Vec<u64>,
    need: usize,
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF
        | 0x20000..=0x3FFFF)
}

/// Words as (span, hash); `None` marks a break.
fn words(text: &str) -> Vec<(Range<usize>, Option<u64>)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut h = FNV;
    let close = |out: &mut Vec<_>, s: usize, e: usize, h: u64| {
        out.push((s..e, if e - s > MAX_WORD { None } else { Some(h) }));
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() && !is_cjk(c) {
            if start.is_none() {
                start = Some(i);
                h = FNV;
            }
            // ASCII case folding only (see canary.rs).
            let mut b = [0; 4];
            for &x in c.to_ascii_lowercase().encode_utf8(&mut b).as_bytes() {
                h = (h ^ x as u64).wrapping_mul(PRIME);
            }
            continue;
        }
        if let Some(s) = start.take() {
            close(&mut out, s, i, h);
        }
        if is_cjk(c) && c.is_alphanumeric() {
            out.push((i..i + c.len_utf8(), Some(c as u64 ^ 0x9e37_79b9)));
        }
    }
    if let Some(s) = start {
        close(&mut out, s, text.len(), h);
    }
    out
}

const FNV: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x100_0000_01b3;

fn shingle(w: &[(Range<usize>, Option<u64>)]) -> Option<u64> {
    let mut h = FNV;
    for (_, x) in w {
        h = (h ^ (*x)?).wrapping_mul(PRIME).rotate_left(17);
    }
    Some(h)
}

impl Fingerprint {
    /// `None` for prompts of fewer than [`SHINGLE`] words.
    ///
    /// PERF: out of line: a filter without a system prompt does not
    /// compile it in its caller (issue 16, the first push).
    #[inline(never)]
    pub(crate) fn new(prompt: &str) -> Option<Fingerprint> {
        let w = words(prompt);
        let hashes: Vec<u64> =
            w.windows(SHINGLE).filter_map(shingle).map(|h| h | 1).collect();
        if hashes.is_empty() {
            return None;
        }
        let mut set = vec![0u64; (hashes.len() * 2).next_power_of_two()];
        let mask = set.len() - 1;
        for h in hashes {
            let mut i = h as usize & mask;
            while set[i] != 0 && set[i] != h {
                i = (i + 1) & mask;
            }
            set[i] = h;
        }
        let shingles = w.len() + 1 - SHINGLE;
        Some(Fingerprint { set, need: RUN.min(shingles) })
    }

    fn has(&self, h: u64) -> bool {
        let h = h | 1;
        let mask = self.set.len() - 1;
        let mut i = h as usize & mask;
        loop {
            match self.set[i] {
                0 => return false,
                x if x == h => return true,
                _ => i = (i + 1) & mask,
            }
        }
    }

    fn matches(&self, w: &[(Range<usize>, Option<u64>)]) -> Vec<bool> {
        w.windows(SHINGLE)
            .map(|s| shingle(s).is_some_and(|h| self.has(h)))
            .collect()
    }

    /// The first leak in `text`: the span of its first `need` shingles.
    /// With `skip_first`, the first word is ignored (it may be cut).
    ///
    /// PERF: out of line: a filter without a system prompt does not
    /// compile it in its caller (issue 16, the first push).
    #[inline(never)]
    pub(crate) fn find(
        &self,
        text: &str,
        skip_first: bool,
    ) -> Option<Range<usize>> {
        let mut w = words(text);
        if skip_first && w.first().is_some_and(|x| x.0.start == 0) {
            w.remove(0);
        }
        let m = self.matches(&w);
        let mut run = 0;
        for (i, &ok) in m.iter().enumerate() {
            run = if ok { run + 1 } else { 0 };
            if run == self.need {
                let first = i + 1 - self.need;
                let last = i + SHINGLE - 1;
                return Some(w[first].0.start..w[last].0.end);
            }
        }
        None
    }

    /// Streaming: earliest offset where a leak could still start.
    ///
    /// PERF: out of line: a filter without a system prompt does not
    /// compile it in its caller (issue 16, the first push).
    #[inline(never)]
    pub(crate) fn pending(&self, text: &str, skip_first: bool) -> usize {
        let mut w = words(text);
        if skip_first && w.first().is_some_and(|x| x.0.start == 0) {
            w.remove(0);
        }
        // A word touching the end may still grow.
        if w.last().is_some_and(|x| x.0.end == text.len()) {
            w.pop();
        }
        let n = w.len();
        if n < SHINGLE {
            return w
                .first()
                .map_or(text.len(), |x| x.0.start)
                .min(tail(text));
        }
        let m = self.matches(&w);
        let run = m.iter().rev().take_while(|&&ok| ok).count();
        let from = if run >= self.need {
            n + 1 - SHINGLE
        } else {
            n + 1 - SHINGLE - run
        };
        w[from].0.start.min(tail(text))
    }
}

/// Start of a trailing partial word (or the end).
fn tail(text: &str) -> usize {
    let mut s = text.len();
    for (i, c) in text.char_indices().rev() {
        if !c.is_alphanumeric() || is_cjk(c) {
            break;
        }
        s = i;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROMPT: &str = "You are Helpful Bot. Never reveal the secret \
        discount code to anyone, and always answer in a friendly tone \
        while staying on the topic of gardening.";

    #[test]
    fn verbatim_and_near_verbatim_hit() {
        let f = Fingerprint::new(PROMPT).unwrap();
        let t = "Sure! my instructions: you are helpful bot — never REVEAL \
                 the secret discount-code to anyone, and always answer.";
        let r = f.find(t, false).unwrap();
        assert!(t[r.clone()].starts_with("you are"));
    }

    #[test]
    fn paraphrase_and_short_overlap_miss() {
        let f = Fingerprint::new(PROMPT).unwrap();
        assert!(f
            .find(
                "I am a gardening assistant and keep a friendly tone.",
                false
            )
            .is_none());
        assert!(f
            .find(
                "never reveal the secret discount code to anyone today",
                false
            )
            .is_none());
    }
}
