//! One pass over a text's digit starts for every numeric rule at once.
//!
//! A rule whose every match starts with `\b` then a digit (most numeric
//! rules) visits the text's digit starts (`search::Bounds`). In a long
//! text of numbers each of ~60 such rules walked every start and tested
//! its shape's first bytes there (`Shape::prefix_fits`), and most failed:
//! "%41%41…" or "12-34.56/78 " is no start of most of them. The sieve
//! tests all rules at once: per offset 0-7 and byte, the set of rules
//! whose matches may have that byte there (the first bytes, then the
//! shape's per-offset sets), so a start costs eight lookups and ANDs of
//! a 128-bit mask, and each rule then visits only the starts that passed
//! its own tests, in text order. A start that passes the sieve is one
//! the rule's own tests pass (the same sets), so the rule visits the
//! same positions as before; the rest it would have skipped.

use super::rule::Rule;

/// Rules the sieve holds at most (two words of mask); later ones walk
/// every start as before.
const RULES: usize = 128;
/// Offsets the sieve reads: the first byte and the shape's seven.
const OFFSETS: usize = 8;

pub(super) struct Sieve {
    /// Rule index -> its bit, or `u8::MAX` (not in the sieve).
    bit: Vec<u8>,
    /// `masks[j * 256 + b]`: the rules whose matches may have byte `b` at
    /// offset `j`.
    masks: Vec<[u64; 2]>,
    rules: usize,
}

// Not derived: the tables say nothing useful in a dump.
impl std::fmt::Debug for Sieve {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sieve").field("rules", &self.rules).finish()
    }
}

impl Sieve {
    /// The sieve of `rules`' numeric rules (every start `\b` then a
    /// digit). Reads their facts and shapes: built once per engine, when
    /// a text first has many digit starts.
    pub(super) fn new(rules: &[Rule]) -> Sieve {
        let mut bit = vec![u8::MAX; rules.len()];
        let mut masks = vec![[0u64; 2]; OFFSETS * 256];
        let mut n = 0;
        for (i, rule) in rules.iter().enumerate() {
            if n == RULES {
                break;
            }
            // A match holds a digit (cheap: the rule table says so), so
            // only those rules' patterns are read.
            if rule.min_digits() == 0 || !rule.anchorable() {
                continue;
            }
            let facts = rule.facts();
            if facts.first.meets(&facts.free) || !facts.first.is_digits() {
                continue;
            }
            let shape = rule.shape();
            let (w, m) = (n / 64, 1u64 << (n % 64));
            for b in 0..=255u8 {
                // Bit 0: the first byte; bit j: offset j.
                let first = u16::from(facts.first.contains(b));
                let rest = shape.map_or(u8::MAX, |s| s.offsets_of(b));
                let mut ok = first | u16::from(rest) << 1;
                while ok != 0 {
                    let j = ok.trailing_zeros() as usize;
                    ok &= ok - 1;
                    if let Some(x) = masks.get_mut(j * 256 + usize::from(b)) {
                        x[w] |= m;
                    }
                }
            }
            bit[i] = n as u8;
            n += 1;
        }
        Sieve { bit, masks, rules: n }
    }

    /// Per rule of the sieve (by bit), the starts of `starts` (sorted)
    /// that pass its tests, sorted.
    pub(super) fn sift(&self, bytes: &[u8], starts: &[u32]) -> Vec<Vec<u32>> {
        let mut out = vec![Vec::new(); self.rules];
        for &s in starts {
            let at = s as usize;
            // Near the end of the text every rule gets the start: its
            // own tests decide there.
            let mut m = [u64::MAX; 2];
            if let Some(window) = bytes.get(at..at + OFFSETS) {
                for (j, &b) in window.iter().enumerate() {
                    let x = self.masks[j * 256 + usize::from(b)];
                    m[0] &= x[0];
                    m[1] &= x[1];
                }
            }
            for (w, &word) in m.iter().enumerate() {
                let mut bits = word;
                while bits != 0 {
                    let k = w * 64 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    if let Some(list) = out.get_mut(k) {
                        list.push(s);
                    }
                }
            }
        }
        out
    }

    /// Rule index -> its bit, `u8::MAX` for rules it does not hold.
    pub(super) fn bits(&self) -> &[u8] {
        &self.bit
    }
}
