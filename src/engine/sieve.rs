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
//! same positions as before; the rest it would have skipped. A rule no
//! start passes does not run at all (its windows are not worked out):
//! in a chat prompt with a phone number and a date, most of them. Every
//! text with a digit is sifted (issue 16: the ~60 numeric rules' own
//! walks and setups were a fifth of a short prompt's instructions).
//!
//! Which built-in rules the sieve holds, and each one's bytes per
//! offset, are read from their patterns ahead of time (`sieve_rows.rs`,
//! written by a test): reading ~50 patterns and shapes at the first text
//! with a digit took the pattern reader over V8's tier-up budget, ~20M
//! V8 instructions of the first call (issue 16, cold start). A policy's
//! rules are not in the sieve: they walk every start, as a rule past
//! the sieve's 128 does (the same findings).

use super::rule::Rule;

// SETS, ROWS, RULES.
include!("sieve_rows.rs");

/// Sets the sieve rows of `rules`, the built-in rules in table order
/// ([`Rule::builtin`]; `engine::builtin_rules`).
pub(super) fn mark_rows(rules: &mut [Rule]) {
    for &(i, k) in RULES {
        if let Some(r) = rules.get_mut(usize::from(i)) {
            r.sieve_row = Some(k);
        }
    }
}

/// Adds row `row` (`ROWS`) to the sieve as its rule `n`: bit `n` of the
/// masks of each offset's bytes (`SETS`), or of `any` at the offsets any
/// byte passes.
#[inline(never)]
fn add_row(
    masks: &mut [[u64; 2]],
    any: &mut [[u64; 2]; OFFSETS],
    row: &[u8; OFFSETS],
    n: usize,
) {
    let (w, m) = (n / 64, 1u64 << (n % 64));
    for (j, &k) in row.iter().enumerate() {
        let Some(&set) = SETS.get(usize::from(k)) else {
            if let Some(a) = any.get_mut(j) {
                a[w] |= m;
            }
            continue;
        };
        let mut bits = set;
        while bits != 0 {
            let b = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if let Some(x) = masks.get_mut(j * 256 + b) {
                x[w] |= m;
            }
        }
    }
}

/// Rules the sieve holds at most (two words of mask); later ones walk
/// every start as before.
const MAX_RULES: usize = 128;
/// Offsets the sieve reads: the first byte and the shape's seven.
pub(super) const OFFSETS: usize = 8;

pub(super) struct Sieve {
    /// Rule index -> its bit, or `u8::MAX` (not in the sieve).
    bit: Vec<u8>,
    /// `masks[j * 256 + b]`: the rules whose matches may have byte `b` at
    /// offset `j`.
    masks: Vec<[u64; 2]>,
    /// `ends[j]`: the rules whose tests do not read offset `j` (any byte
    /// passes there), for starts whose text ends before it.
    ends: [[u64; 2]; OFFSETS],
    rules: usize,
}

// Not derived: the tables say nothing useful in a dump.
impl std::fmt::Debug for Sieve {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sieve").field("rules", &self.rules).finish()
    }
}

#[cfg(test)]
/// Whether `pattern` may be one whose every match starts with a digit,
/// read from its text alone: `(?i)`, then `\b`, then an optional group
/// opening, then `\d`, a digit or a class whose first item is a digit.
/// A rule it turns down is not read for the sieve and walks every start
/// as before (the same findings): reading the pattern of a rule that
/// begins with a letter, `+` or `(` only to leave it out cost the first
/// call with a digit ~2M native instructions (issue 16, cold start). A
/// test checks that it turns down no built-in rule the sieve holds.
fn may_start_with_digit(pattern: &str) -> bool {
    let p = pattern.strip_prefix("(?i)").unwrap_or(pattern);
    let Some(p) = p.strip_prefix("\\b") else { return false };
    let p = p.strip_prefix("(?:").or_else(|| p.strip_prefix('(')).unwrap_or(p);
    let p = p.strip_prefix('[').unwrap_or(p);
    p.starts_with("\\d")
        || p.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

#[cfg(test)]
/// Sets rule bit `m` of word `w` in `masks` at offset `j` for byte `b`
/// wherever bit `j - 1` of `table[b]` is set, for offsets 1 to 8 (the
/// entries' low bytes; a shape's table, see `Shape::offsets`; offsets
/// past the masks are left out). Visits the table four entries at a time
/// and only their set bits: a few dozen a rule, where a loop over every
/// byte and offset (256 × 7 a rule, ~46 rules) took the sieve's build
/// over V8's tier-up budget in the first screen with a digit (issue 16).
fn mark(masks: &mut [[u64; 2]], table: &[u16; 256], w: usize, m: u64) {
    for (c, four) in table.chunks_exact(4).enumerate() {
        let mut bits =
            four.iter().rev().fold(0u64, |acc, &e| acc << 16 | u64::from(e))
                & 0x00ff_00ff_00ff_00ff;
        while bits != 0 {
            let k = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            // Byte `c * 4 + k / 16`, offset `k % 16 + 1`.
            let at = (k % 16 + 1) * 256 + c * 4 + k / 16;
            if let Some(x) = masks.get_mut(at) {
                x[w] |= m;
            }
        }
    }
}

#[cfg(test)]
/// Whether the sieve may hold `rule`. The pattern's text first: a few
/// prefix tests turn down most rules before their keywords are read.
/// A rule whose keywords are words (context words, a key's prefix) runs
/// only where one occurs: reading its pattern here would cost the first
/// call with a digit, whether or not it does (cold start). Only rules a
/// digit anchors (no keywords, or digits among them) are read, and of
/// those the ones whose matches hold a digit (cheap: the rule table
/// says so).
#[inline(never)]
fn sifted(rule: &Rule) -> bool {
    may_start_with_digit(rule.pattern())
        && by_digit(rule)
        && rule.min_digits() != 0
        && rule.anchorable()
}

#[cfg(test)]
/// Whether `rule` has no keywords or a keyword with a digit.
#[inline(never)]
fn by_digit(rule: &Rule) -> bool {
    rule.keywords.is_empty()
        || rule.keywords.iter().any(|k| k.bytes().any(|b| b.is_ascii_digit()))
}

#[cfg(test)]
/// Adds `rule` to the sieve as its rule `n` (bit `n` of the masks of
/// its bytes at each offset, or of `any` at the offsets any byte passes),
/// or returns false when its facts keep it out (a first byte that needs
/// no boundary, or one that is not a digit).
#[inline(never)]
fn add(
    masks: &mut [[u64; 2]],
    any: &mut [[u64; 2]; OFFSETS],
    rule: &Rule,
    n: usize,
) -> bool {
    let facts = rule.facts();
    if facts.first.meets(&facts.free) || !facts.first.is_digits() {
        return false;
    }
    let (w, m) = (n / 64, 1u64 << (n % 64));
    for b in facts.first.bytes() {
        if let Some(x) = masks.get_mut(usize::from(b)) {
            x[w] |= m;
        }
    }
    // Offsets 1-7: the shape's table, and the offsets any byte passes.
    let (table, past) = rule.shape().map_or((None, u8::MAX), |s| {
        let (t, p) = s.offsets();
        (Some(t), p)
    });
    for (j, a) in any.iter_mut().enumerate().skip(1) {
        if past >> (j - 1) & 1 != 0 {
            a[w] |= m;
        }
    }
    if let Some(t) = table.filter(|_| past != u8::MAX) {
        mark(masks, t, w, m);
    }
    true
}

impl Sieve {
    /// The sieve of `rules`' numeric built-in rules (every start `\b`
    /// then a digit), from their rows (`sieve_rows.rs`): no pattern is
    /// read. Built once per engine, when a text first has a digit start.
    pub(super) fn new(rules: &[Rule]) -> Sieve {
        Sieve::build(rules, |masks, any, rule, n| {
            let row = rule.sieve_row.and_then(|k| ROWS.get(usize::from(k)));
            row.map(|row| add_row(masks, any, row, n)).is_some()
        })
    }

    /// The sieve of `rules` read from their patterns (what `ROWS` holds
    /// for the built-in rules).
    #[cfg(test)]
    fn read(rules: &[Rule]) -> Sieve {
        Sieve::build(rules, |masks, any, rule, n| {
            sifted(rule) && add(masks, any, rule, n)
        })
    }

    /// The sieve of the rules `add(masks, any, rule, n)` adds as rule `n`.
    fn build(
        rules: &[Rule],
        mut add: impl FnMut(
            &mut [[u64; 2]],
            &mut [[u64; 2]; OFFSETS],
            &Rule,
            usize,
        ) -> bool,
    ) -> Sieve {
        let mut bit = vec![u8::MAX; rules.len()];
        let mut masks = vec![[0u64; 2]; OFFSETS * 256];
        // Per offset, the rules any byte passes there: set in every
        // byte's mask once, after the rules.
        let mut any = [[0u64; 2]; OFFSETS];
        let mut n = 0;
        for (i, rule) in rules.iter().enumerate() {
            if n == MAX_RULES {
                break;
            }
            // Each rule in a small function of its own: V8 charges a
            // loop's whole body at each turn (issue 16: the ~700 turns
            // of the body with it inline took this build over its
            // tier-up budget in the first screen with a digit).
            if add(&mut masks, &mut any, rule, n) {
                bit[i] = n as u8;
                n += 1;
            }
        }
        for (j, a) in any.iter().enumerate().skip(1) {
            if a[0] | a[1] != 0 {
                for x in masks.iter_mut().skip(j * 256).take(256) {
                    x[0] |= a[0];
                    x[1] |= a[1];
                }
            }
        }
        let mut ends = [[0u64; 2]; OFFSETS];
        for (j, e) in ends.iter_mut().enumerate().skip(1) {
            *e = [u64::MAX; 2];
            for x in masks.iter().skip(j * 256).take(256) {
                e[0] &= x[0];
                e[1] &= x[1];
            }
        }
        Sieve { bit, masks, ends, rules: n }
    }

    /// The rules whose tests the start at `at` passes (bit per rule). A
    /// text that ends before offset `j` passes the rules that do not read
    /// it (`ends`); the others' own tests need the byte there.
    #[inline(always)]
    fn mask(&self, bytes: &[u8], at: usize) -> [u64; 2] {
        let mut m = [u64::MAX; 2];
        if let Some(window) = bytes.get(at..at + OFFSETS) {
            for (j, &b) in window.iter().enumerate() {
                let x = self.masks[j * 256 + usize::from(b)];
                m[0] &= x[0];
                m[1] &= x[1];
            }
            return m;
        }
        for (j, e) in self.ends.iter().enumerate() {
            let x = match bytes.get(at + j) {
                Some(&b) => self.masks[j * 256 + usize::from(b)],
                None => *e,
            };
            m[0] &= x[0];
            m[1] &= x[1];
        }
        m
    }

    /// Per rule of the sieve (by bit), the starts of `starts` (sorted)
    /// that pass its tests, sorted: rule `k`'s are
    /// `list[from[k]..from[k + 1]]` of the returned `(from, list)`. Two
    /// passes (count, then fill) over the starts, so a short text makes
    /// two allocations, not one per rule, and holds no masks.
    pub(super) fn sift(
        &self,
        bytes: &[u8],
        starts: &[u32],
    ) -> (Vec<usize>, Vec<u32>) {
        let mut from = vec![0usize; self.rules + 1];
        self.each_pass(bytes, starts, |k, _| {
            if let Some(c) = from.get_mut(k + 1) {
                *c += 1;
            }
        });
        for k in 1..from.len() {
            from[k] += from[k - 1];
        }
        let mut list = vec![0u32; from.last().copied().unwrap_or(0)];
        // Per rule, where its next start goes.
        let mut next = from.clone();
        self.each_pass(bytes, starts, |k, s| {
            if let Some(n) = next.get_mut(k) {
                if let Some(slot) = list.get_mut(*n) {
                    *slot = s;
                }
                *n += 1;
            }
        });
        (from, list)
    }

    /// `f(rule bit, start)` for each start of `starts` and each rule
    /// whose tests it passes, in order.
    #[inline(always)]
    fn each_pass(
        &self,
        bytes: &[u8],
        starts: &[u32],
        mut f: impl FnMut(usize, u32),
    ) {
        for &s in starts {
            let m = self.mask(bytes, s as usize);
            for (w, &word) in m.iter().enumerate() {
                let mut bits = word;
                while bits != 0 {
                    f(w * 64 + bits.trailing_zeros() as usize, s);
                    bits &= bits - 1;
                }
            }
        }
    }

    /// Rule index -> its bit, `u8::MAX` for rules it does not hold.
    pub(super) fn bits(&self) -> &[u8] {
        &self.bit
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Per built-in rule of the sieve, the starts it keeps are those
    /// where the rule's own first tests (`first` at the start, the
    /// shape's prefix after it) pass, in order; near the end of the
    /// text it may keep more (the search tests those itself), never
    /// fewer. Texts of digits, separators and letters, cut anywhere.
    fn check(text: &str) {
        let rules = super::super::builtin_rules();
        let sieve = Sieve::new(&rules);
        let bytes = text.as_bytes();
        let starts: Vec<u32> = (0..bytes.len())
            .filter(|&i| {
                bytes[i].is_ascii_digit()
                    && (i == 0 || {
                        let b = bytes[i - 1];
                        !(b.is_ascii_alphanumeric() || b == b'_')
                    })
            })
            .map(|i| i as u32)
            .collect();
        let (from, list) = sieve.sift(bytes, &starts);
        assert!(sieve.rules > 20, "{} rules in the sieve", sieve.rules);
        assert_eq!(from.len(), sieve.rules + 1);
        for (i, rule) in rules.iter().enumerate() {
            let Some(&b) = sieve.bits().get(i).filter(|&&b| b != u8::MAX)
            else {
                continue;
            };
            let b = usize::from(b);
            let kept = &list[from[b]..from[b + 1]];
            let facts = rule.facts();
            let shape = rule.shape();
            // The sieve reads the shape's first seven offsets; a longer
            // prefix is tested at the visit.
            let passes = |s: usize| {
                facts.first.contains(bytes[s])
                    && (1..OFFSETS).all(|j| {
                        let bit = 1 << (j - 1);
                        let at = |b: &u8| {
                            shape.is_none_or(|sh| {
                                let (table, past) = sh.offsets();
                                (table[usize::from(*b)] as u8 | past) & bit
                                    != 0
                            })
                        };
                        bytes.get(s + j).is_some_and(at)
                    })
            };
            let fits = |s: usize| {
                facts.first.contains(bytes[s])
                    && shape.is_none_or(|sh| sh.prefix_fits(&bytes[s..]))
            };
            let pick = |f: &dyn Fn(usize) -> bool| -> Vec<u32> {
                starts.iter().copied().filter(|&s| f(s as usize)).collect()
            };
            let near_end = |s: u32| s as usize + OFFSETS > bytes.len();
            let far = |v: &[u32]| -> Vec<u32> {
                v.iter().copied().filter(|&s| !near_end(s)).collect()
            };
            assert_eq!(far(kept), far(&pick(&passes)), "{}", rule.id);
            for s in &pick(&fits) {
                assert!(kept.contains(s), "{}: start {s} dropped", rule.id);
            }
            assert!(kept.windows(2).all(|w| w[0] < w[1]), "{}", rule.id);
        }
    }

    /// `sieve_rows.rs` is the patterns' reading: the sieve of the
    /// built-in rules from its rows is the one from their patterns.
    /// `PF_WRITE_SIEVE=1 cargo test --lib sieve_rows_are_current` writes
    /// it again (after a built-in rule changed).
    #[test]
    fn sieve_rows_are_current() {
        let rules = super::super::builtin_rules();
        let read = Sieve::read(&rules);
        if std::env::var_os("PF_WRITE_SIEVE").is_some() {
            write_rows(&rules, &read);
            return;
        }
        let rows = Sieve::new(&rules);
        assert!(read.rules > 20, "{} rules in the sieve", read.rules);
        assert!(
            rows.rules == read.rules
                && rows.bit == read.bit
                && rows.masks == read.masks
                && rows.ends == read.ends,
            "src/engine/sieve_rows.rs is out of date; write it again with \
             PF_WRITE_SIEVE=1 cargo test --lib sieve_rows_are_current"
        );
        // A policy's rule is not in the sieve.
        let custom = Rule::custom(
            "c".into(),
            crate::report::Kind::Pii,
            "C".into(),
            "\\b\\d{4}",
            vec![],
            0,
            crate::validate::Validator::None,
            0.9,
            vec![],
        );
        assert!(Sieve::new(&[custom.expect("rule")]).rules == 0);
    }

    /// Writes `sieve_rows.rs` from `read`, the patterns' sieve of `rules`.
    fn write_rows(rules: &[Rule], read: &Sieve) {
        let (mut sets, mut rows, mut out) = (vec![], vec![], vec![]);
        let mut set_of = |f: &dyn Fn(u8) -> bool| -> u8 {
            let mut set = 0u128;
            for b in 0..=255u8 {
                if f(b) {
                    assert!(b < 128, "a sieve byte {b} is not ASCII");
                    set |= 1 << b;
                }
            }
            let k = sets.iter().position(|&s| s == set).unwrap_or_else(|| {
                sets.push(set);
                sets.len() - 1
            });
            u8::try_from(k).expect("fewer than 255 sets")
        };
        for (i, rule) in rules.iter().enumerate() {
            if read.bit[i] == u8::MAX {
                continue;
            }
            let mut row = [u8::MAX; OFFSETS];
            row[0] = set_of(&|b| rule.facts().first.contains(b));
            if let Some(shape) = rule.shape() {
                let (table, past) = shape.offsets();
                for (j, r) in row.iter_mut().enumerate().skip(1) {
                    if past >> (j - 1) & 1 == 0 {
                        *r = set_of(&|b| {
                            table[usize::from(b)] >> (j - 1) & 1 != 0
                        });
                    }
                }
            }
            let k = rows.iter().position(|&r| r == row).unwrap_or_else(|| {
                rows.push(row);
                rows.len() - 1
            });
            out.push((i, k));
        }
        let mut s = String::from(concat!(
            "// Generated by `PF_WRITE_SIEVE=1 cargo test --lib ",
            "sieve_rows_are_current`\n",
            "// from the built-in rules' patterns (`Sieve::read`).\n",
            "/// Byte sets, bit `b` for byte `b` (all ASCII).\n",
            "pub(super) const SETS: &[u128] = &[\n",
        ));
        for set in &sets {
            s.push_str(&format!("    {set:#x},\n"));
        }
        s.push_str(concat!(
            "];\n/// Per offset 0-7, the `SETS` entry of the bytes a match ",
            "may have there;\n/// `u8::MAX`: any byte.\n",
            "pub(super) const ROWS: &[[u8; OFFSETS]] = &[\n",
        ));
        for row in &rows {
            let row: Vec<String> = row.iter().map(u8::to_string).collect();
            s.push_str(&format!("    [{}],\n", row.join(", ")));
        }
        s.push_str(concat!(
            "];\n/// (built-in rule, its row) for the rules the sieve ",
            "holds, in rule order.\n",
            "pub(super) const RULES: &[(u16, u8)] = &[\n",
        ));
        for (i, k) in &out {
            s.push_str(&format!("    ({i}, {k}),\n"));
        }
        s.push_str("];\n");
        let path =
            concat!(env!("CARGO_MANIFEST_DIR"), "/src/engine/sieve_rows.rs");
        std::fs::write(path, s).expect("write sieve_rows.rs");
    }

    /// The masks are those of a loop over every byte and offset (the
    /// build before `mark` and the offsets any byte passes).
    #[test]
    fn masks_are_each_bytes_offsets() {
        let rules = super::super::builtin_rules();
        let sieve = Sieve::new(&rules);
        let mut want = vec![[0u64; 2]; OFFSETS * 256];
        for (i, rule) in rules.iter().enumerate() {
            let Some(&n) = sieve.bits().get(i).filter(|&&b| b != u8::MAX)
            else {
                continue;
            };
            let (w, m) = (usize::from(n) / 64, 1u64 << (n % 64));
            for b in 0..=255u8 {
                let rest = rule.shape().map_or(u8::MAX, |s| {
                    let (table, past) = s.offsets();
                    table[usize::from(b)] as u8 | past
                });
                let first = u16::from(rule.facts().first.contains(b));
                let ok = first | u16::from(rest) << 1;
                for j in 0..OFFSETS {
                    if ok >> j & 1 != 0 {
                        want[j * 256 + usize::from(b)][w] |= m;
                    }
                }
            }
        }
        assert!(sieve.rules > 20);
        assert!(sieve.masks == want);
    }

    /// The pattern's text test turns down no built-in rule that the
    /// sieve's own reading keeps.
    #[test]
    fn text_test_keeps_every_sifted_rule() {
        let rules = super::super::builtin_rules();
        let sieve = Sieve::new(&rules);
        let mut kept = 0;
        for rule in &rules {
            let facts = rule.facts();
            let sifted = rule.min_digits() > 0
                && rule.anchorable()
                && !facts.first.meets(&facts.free)
                && facts.first.is_digits();
            if sifted {
                assert!(may_start_with_digit(rule.pattern()), "{}", rule.id);
                kept += 1;
            }
        }
        assert!(sieve.rules > 20 && kept >= sieve.rules, "{kept}");
        assert!(may_start_with_digit("\\b\\d{3}"));
        assert!(may_start_with_digit("(?i)\\b(?:[1-9]x|0)"));
        assert!(!may_start_with_digit("\\b[A-Z]\\d"));
        assert!(!may_start_with_digit("(?:\\+1)?\\d"));
        assert!(!may_start_with_digit(""));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn sifted_starts_are_the_rules_own_tests(v in proptest::collection::vec(
            prop_oneof![
                Just("4111"), Just("1"), Just("0"), Just("9"), Just("55"),
                Just(" "), Just("-"), Just("."), Just("/"), Just(":"),
                Just("("), Just(")"), Just("+"), Just("x"), Just("Q"),
                Just("é"), Just("\n"), Just("2024"), Just("555-0174"),
            ],
            0..80,
        )) {
            check(&v.concat());
        }
    }
}
