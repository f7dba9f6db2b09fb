//! One sort for the whole crate.
//!
//! `slice::sort_by` and friends instantiate the whole driftsort (or
//! ipnsort) once per element type and comparator: nine call sites cost
//! ~45 KB of wasm code. Here every sort orders indices with the same one
//! `sort_unstable_by` (its comparator is a `dyn` call) and then moves the
//! elements, which per element type is a few swaps. Ties are broken by
//! position, so for a comparator that is a total order (every one in the
//! crate) the result is exactly that of a stable sort, in O(n log n) time
//! in the worst case. Depends on nothing else in the crate.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably: what `v.sort_by(cmp)` does.
pub(crate) fn sort_by<T>(
    v: &mut [T],
    mut cmp: impl FnMut(&T, &T) -> Ordering,
) {
    if let Some(order) = permutation(v.len(), &mut |a, b| cmp(&v[a], &v[b])) {
        apply(v, order);
    }
}

/// Sorts `v` by a key, stably: what `v.sort_by_key(key)` does.
pub(crate) fn sort_by_key<T, K: Ord>(
    v: &mut [T],
    mut key: impl FnMut(&T) -> K,
) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..n` in the stable order `cmp` gives them: element
/// `order[k]` goes to position `k`; `None` when they are in that order
/// already (most lists the crate sorts are: no copy, no allocation). Not
/// generic, so compiled once.
fn permutation(
    n: usize,
    cmp: &mut dyn FnMut(usize, usize) -> Ordering,
) -> Option<Vec<usize>> {
    if (1..n).all(|k| cmp(k - 1, k) != Ordering::Greater) {
        return None;
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    Some(order)
}

/// Moves element `order[k]` of `v` to position `k`, following each cycle
/// of the permutation once (at most `n` swaps).
fn apply<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at];
            // Visited: a later pass over this position does nothing.
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
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
            let mut want = v.clone();
            want.sort_by_key(|a| std::cmp::Reverse(a.0));
            let mut got = v;
            sort_by_key(&mut got, |a| std::cmp::Reverse(a.0));
            assert_eq!(got, want);
        }
    }
}
