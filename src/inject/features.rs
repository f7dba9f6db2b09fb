//! The classifier's featurizer, shared by inference and the trainer
//! (`examples/train_injection.rs` reaches it through `__private`), so
//! train and serve cannot drift.
//!
//! Sparse features are hashed (FNV-1a, `BUCKET_BITS` bits, sign from one
//! hash bit) from the normalized text: word unigrams, word bigrams and
//! byte 4-grams. Each occurrence adds `sign / sqrt(total occurrences)`.
//! Only the first `HEAD` and last `TAIL` bytes of the normalized text are
//! featurized, so cost is bounded. Dense features come from the rules and
//! the normalizer (see [`Dense`]).

/// Bits of the hashed feature space.
pub(crate) const BUCKET_BITS: u32 = 14;
/// Number of hashed buckets.
pub(crate) const BUCKETS: usize = 1 << BUCKET_BITS;
const HEAD: usize = 6 * 1024;
const TAIL: usize = 2 * 1024;

/// Dense feature slots.
pub(crate) const N_DENSE: usize = 10;

/// Indices of dense features.
#[allow(dead_code)]
pub(crate) mod dense {
    pub const OVERRIDE: usize = 0;
    pub const PERSONA: usize = 1;
    pub const EXTRACT: usize = 2;
    pub const MARKER: usize = 3;
    pub const INDIRECT: usize = 4;
    pub const HIDDEN_TAGS: usize = 5;
    pub const INVISIBLES: usize = 6;
    pub const PAYLOAD: usize = 7;
    pub const PAYLOAD_RISK: usize = 8;
    pub const LENGTH: usize = 9;
}

#[inline]
fn fnv(seed: u32, bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5 ^ seed.wrapping_mul(0x0100_0193);
    for &b in bytes {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    // final avalanche
    h ^= h >> 15;
    h = h.wrapping_mul(0x2c1b_3c6d);
    h ^= h >> 12;
    h
}

#[inline]
fn push(out: &mut Vec<u32>, h: u32) {
    out.push(h);
}

/// Appends hashed feature codes of `norm` (bucket in the high bits,
/// sign in bit 0) to `out`.
pub(crate) fn hashed(norm: &str, out: &mut Vec<u32>) {
    let b = norm.as_bytes();
    if b.len() <= HEAD + TAIL {
        hashed_part(b, out);
    } else {
        hashed_part(&b[..HEAD], out);
        hashed_part(&b[b.len() - TAIL..], out);
    }
}

fn hashed_part(b: &[u8], out: &mut Vec<u32>) {
    // Byte 4-grams.
    if b.len() >= 4 {
        for w in b.windows(4) {
            push(out, fnv(1, w));
        }
    }
    // Words: runs of ASCII alphanumerics or any non-ASCII byte that is not
    // CJK punctuation; CJK text becomes byte 4-grams above.
    let mut prev: Option<&[u8]> = None;
    let mut i = 0;
    while i < b.len() {
        if !is_word_byte(b[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len() && is_word_byte(b[i]) {
            i += 1;
        }
        let w = &b[s..i.min(s + 24)];
        push(out, fnv(2, w));
        if let Some(p) = prev {
            let h = fnv(3, p) ^ fnv(4, w).rotate_left(7);
            push(out, fnv(5, &h.to_le_bytes()));
        }
        prev = Some(w);
    }
}

#[inline]
fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

/// Bucket and sign of a feature code.
#[inline]
pub(crate) fn bucket(code: u32) -> (usize, f32) {
    ((code >> (32 - BUCKET_BITS)) as usize, if code & 1 == 1 { 1.0 } else { -1.0 })
}

/// Per-occurrence weight for `n` occurrences.
#[inline]
pub(crate) fn occurrence_weight(n: usize) -> f32 {
    if n == 0 {
        0.0
    } else {
        1.0 / (n as f32).sqrt()
    }
}
