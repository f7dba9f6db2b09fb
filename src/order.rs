//! One sort for the whole crate.
//!
//! `slice::sort_by` and friends instantiate the whole driftsort (or
//! ipnsort) once per element type and comparator: nine call sites cost
//! ~45 KB of wasm code. Here every sort orders indices with the same one
//! non-generic sort, which reaches the elements through a `dyn` [`Sort`]
//! (compare two positions, swap two), and then moves the elements along
//! the permutation's cycles. It is stable: the result is exactly that of
//! `sort_by`, in O(n log n) time in the worst case. Depends on nothing
//! else in the crate.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably: what `v.sort_by(cmp)` does.
pub(crate) fn sort_by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    sort(&mut Slice { v, cmp });
}

/// Sorts `v` by a key, stably: what `v.sort_by_key(key)` does.
pub(crate) fn sort_by_key<T, K: Ord>(
    v: &mut [T],
    mut key: impl FnMut(&T) -> K,
) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// What the one sort sees of a list: its length, the order of two
/// positions, and a swap.
trait Sort {
    fn len(&self) -> usize;
    fn cmp(&mut self, a: usize, b: usize) -> Ordering;
    fn swap(&mut self, a: usize, b: usize);
}

/// A slice and its comparator.
struct Slice<'a, T, F> {
    v: &'a mut [T],
    cmp: F,
}

impl<T, F: FnMut(&T, &T) -> Ordering> Sort for Slice<'_, T, F> {
    fn len(&self) -> usize {
        self.v.len()
    }
    fn cmp(&mut self, a: usize, b: usize) -> Ordering {
        (self.cmp)(&self.v[a], &self.v[b])
    }
    fn swap(&mut self, a: usize, b: usize) {
        self.v.swap(a, b);
    }
}

/// Sorts the list stably. Not generic, so compiled once. A list in
/// order already (most lists the crate sorts are) costs one scan: no
/// copy, no allocation. A list of at most [`SMALL`] (the many short
/// lists of a prompt: each rule's windows, a few findings) is sorted
/// by insertion in a permutation on the stack, no allocation either;
/// a longer one by [`permutation`].
fn sort(s: &mut dyn Sort) {
    let n = s.len();
    let Some(first_end) = (1..n).find(|&k| descent(k, s)) else {
        return;
    };
    if n <= SMALL {
        let mut order = [0; SMALL];
        let order = &mut order[..n];
        for (k, slot) in order.iter_mut().enumerate() {
            *slot = k;
        }
        insert(order, first_end, s);
        apply(order, s);
    } else {
        let mut order = permutation(n, first_end, s);
        apply(&mut order, s);
    }
}

/// Lists this long or shorter are sorted by insertion on the stack (see
/// [`sort`]): at most `SMALL * (SMALL - 1) / 2` comparisons.
const SMALL: usize = 32;

/// Whether positions `k - 1` and `k` are out of order.
fn descent(k: usize, s: &mut dyn Sort) -> bool {
    s.cmp(k - 1, k) == Ordering::Greater
}

/// The positions `0..n` in the stable order of `s`, whose first
/// `first_end` are in order and `first_end < n`: element `order[k]`
/// goes to position `k`.
///
/// A merge sort of the list's ascending runs, found by the same scan that
/// tells a sorted list: the lists sorted here are mostly a few sorted
/// runs one after another (each rule's matches, then the names
/// detector's; each keyword group's windows), which it orders in
/// n log(runs) comparisons where `sort_unstable_by` spent n log n. Runs
/// shorter than [`MIN_RUN`] are joined by insertion into chunks of at
/// least that many first. Stable by construction, O(n log n)
/// comparisons at worst, and no second sort in the module
/// (`sort_unstable_by` was ~1 KB of gzipped wasm).
fn permutation(n: usize, first_end: usize, s: &mut dyn Sort) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // Chunks of whole ascending runs, sorted by insertion when they hold
    // more than one: short runs are joined until the chunk is MIN_RUN
    // long; a run that long stands alone. Each element moves past fewer
    // than MIN_RUN others: those of the short runs before its own, which
    // is sorted.
    let mut runs = vec![0];
    // The chunk's start, the end of its first run (0: none yet) and of
    // the run before.
    let (mut lo, mut first, mut prev) = (0, 0, 0);
    for e in first_end..=n {
        if e < n && !descent(e, s) {
            continue;
        }
        if e - prev >= MIN_RUN && prev > lo {
            if first < prev {
                insert(&mut order[lo..prev], first - lo, s);
            }
            runs.push(prev);
            (lo, first) = (prev, 0);
        }
        if first == 0 {
            first = e;
        }
        prev = e;
        if e - lo < MIN_RUN && e < n {
            continue;
        }
        if first < e {
            insert(&mut order[lo..e], first - lo, s);
        }
        runs.push(e);
        (lo, first) = (e, 0);
    }
    let mut buf = vec![0; if runs.len() > 2 { n } else { 0 }];
    while runs.len() > 2 {
        // Runs `j` and `j + 1` into one, for each even `j`; a last odd
        // run is copied as it is.
        let mut merged = Vec::with_capacity(runs.len() / 2 + 2);
        for pair in runs.windows(3).step_by(2) {
            let (lo, mid, hi) = (pair[0], pair[1], pair[2]);
            let (mut a, mut b) = (lo, mid);
            for slot in &mut buf[lo..hi] {
                // The left one on ties: stable.
                let left = b >= hi
                    || a < mid
                        && s.cmp(order[a], order[b]) != Ordering::Greater;
                if left {
                    *slot = order[a];
                    a += 1;
                } else {
                    *slot = order[b];
                    b += 1;
                }
            }
            merged.push(lo);
        }
        if runs.len() % 2 == 0 {
            let lo = runs[runs.len() - 2];
            buf[lo..n].copy_from_slice(&order[lo..n]);
            merged.push(lo);
        }
        merged.push(n);
        runs = merged;
        std::mem::swap(&mut order, &mut buf);
    }
    order
}

/// Sorts `order` (stably), whose first `sorted` are in order, by
/// inserting each later one where it goes.
fn insert(order: &mut [usize], sorted: usize, s: &mut dyn Sort) {
    for k in sorted.max(1)..order.len() {
        let x = order[k];
        let mut j = k;
        while j > 0 && s.cmp(order[j - 1], x) == Ordering::Greater {
            order[j] = order[j - 1];
            j -= 1;
        }
        order[j] = x;
    }
}

/// Runs shorter than this are sorted together by insertion before the
/// merges (see [`permutation`]).
const MIN_RUN: usize = 16;

/// Moves element `order[k]` of the list to position `k`, following each
/// cycle of the permutation once (at most `n` swaps).
fn apply(order: &mut [usize], s: &mut dyn Sort) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            // Visited: a later pass over this position does nothing.
            order[at] = at;
            if from == start {
                break;
            }
            s.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so failures reproduce.
    fn next(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }

    #[test]
    fn equals_the_standard_stable_sort() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for len in 0..300 {
            // Few distinct keys, so ties are common; the payload tells
            // equal keys apart.
            let keys = 1 + next(&mut seed) % 8;
            let v: Vec<(u64, usize)> =
                (0..len).map(|i| (next(&mut seed) % keys, i)).collect();
            let mut want = v.clone();
            want.sort_by_key(|a| a.0);
            let mut got = v.clone();
            sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, want);
            // Sorted already: left as it is.
            let mut again = got.clone();
            sort_by(&mut again, |a, b| a.0.cmp(&b.0));
            assert_eq!(again, got);
            // A few sorted runs one after another (the usual input).
            let mut runs = v.clone();
            runs.chunks_mut(1 + len / 4).for_each(|c| c.sort_by_key(|a| a.0));
            let mut want = runs.clone();
            want.sort_by_key(|a| a.0);
            sort_by(&mut runs, |a, b| a.0.cmp(&b.0));
            assert_eq!(runs, want);
            // Short runs, then a long one, then short ones.
            let mut mixed = v.clone();
            mixed[len / 4..len * 3 / 4].sort_by_key(|a| a.0);
            let mut want = mixed.clone();
            want.sort_by_key(|a| a.0);
            sort_by(&mut mixed, |a, b| a.0.cmp(&b.0));
            assert_eq!(mixed, want);
            let mut want = v.clone();
            want.sort_by_key(|a| std::cmp::Reverse(a.0));
            let mut got = v;
            sort_by_key(&mut got, |a| std::cmp::Reverse(a.0));
            assert_eq!(got, want);
        }
    }
}
