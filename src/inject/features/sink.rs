//! Where the featurizer's codes go: each bucket once, in first
//! occurrence order, through a small local batch.

/// Bits of the hashed feature space.
pub(crate) const BUCKET_BITS: u32 = 14;
/// Number of hashed buckets.
pub(crate) const BUCKETS: usize = 1 << BUCKET_BITS;

/// Bucket of a feature code.
#[inline(always)]
pub(crate) fn bucket_of(code: u32) -> usize {
    (code >> (32 - BUCKET_BITS)) as usize
}

/// Codes on their way to a `Vec`: stored in a local array and appended
/// [`BATCH`] at a time. Taking a code is then a store and a count, not a
/// call of `Vec::push`, which the size-optimized wasm keeps out of line
/// (~5,000 calls for a 2 KB prompt of several sentences). The codes
/// reach the `Vec` in the order they were taken, when the array is full
/// and when the batch is dropped.
pub(super) struct Batch<'a> {
    out: &'a mut Vec<u32>,
    buf: [u32; BATCH],
    n: usize,
}

/// Codes a [`Batch`] holds before it appends them.
const BATCH: usize = 64;

impl<'a> Batch<'a> {
    pub(super) fn new(out: &'a mut Vec<u32>) -> Batch<'a> {
        Batch { out, buf: [0; BATCH], n: 0 }
    }

    #[inline(always)]
    fn push(&mut self, code: u32) {
        if let Some(s) = self.buf.get_mut(self.n) {
            *s = code;
            self.n += 1;
        } else {
            self.flush();
            self.buf[0] = code;
            self.n = 1;
        }
    }

    #[inline(never)]
    fn flush(&mut self) {
        self.out.extend_from_slice(self.buf.get(..self.n).unwrap_or_default());
        self.n = 0;
    }
}

impl Drop for Batch<'_> {
    fn drop(&mut self) {
        self.flush();
    }
}

/// Collects feature codes, each bucket once (binary features), in first
/// occurrence order. Deduplicating as codes arrive keeps the list to the
/// distinct buckets (a 2 KB prompt yields ~4,000 codes, mostly repeats).
/// With `keep` 0 instead of `!0` it takes every code (the large model's
/// own pass, which deduplicates them by its own buckets afterwards).
pub(super) struct Sink<'a> {
    pub out: Batch<'a>,
    pub seen: &'a mut [u64; BUCKETS / 64],
    pub keep: u64,
}

impl Sink<'_> {
    #[inline(always)]
    pub(super) fn push(&mut self, code: u32) {
        let b = bucket_of(code);
        let (w, bit) = (b / 64, 1u64 << (b % 64));
        if self.seen[w] & bit == 0 {
            self.seen[w] |= bit & self.keep;
            self.out.push(code);
        }
    }
}

/// Where feature codes go, each bucket once.
pub(super) trait Push {
    fn push(&mut self, code: u32);
}

impl Push for Sink<'_> {
    #[inline(always)]
    fn push(&mut self, code: u32) {
        Sink::push(self, code);
    }
}

/// As [`Sink`], for one segment of several: a bucket is taken when its
/// stamp is not the segment's number `k` (and gets it), so nothing needs
/// clearing between segments.
pub(super) struct Stamped<'a> {
    pub out: Batch<'a>,
    pub stamp: &'a mut [u8],
    pub k: u8,
    /// As [`Sink`]'s (`!0` or 0).
    pub keep: u8,
}

impl Push for Stamped<'_> {
    #[inline(always)]
    fn push(&mut self, code: u32) {
        if let Some(s) = self.stamp.get_mut(bucket_of(code)) {
            if *s != self.k {
                *s = self.k & self.keep;
                self.out.push(code);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A batch hands on every code, in order, across its flushes.
    #[test]
    fn batch_keeps_every_code_in_order() {
        for n in [0u32, 1, 63, 64, 65, 128, 129, 1000] {
            let mut out = vec![7];
            let mut b = Batch::new(&mut out);
            for c in 0..n {
                b.push(c);
            }
            drop(b);
            let want: Vec<u32> = std::iter::once(7).chain(0..n).collect();
            assert_eq!(out, want, "{n} codes");
        }
    }
}
