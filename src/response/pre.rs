//! The built-in PII rules' hold-back guards, read at compile time.
//!
//! Every PII rule counts in a stream's hold-back from its first push on,
//! so the first push of a filter's first stream read ~90 patterns twice
//! (the guard's reading, `class::read`, and the engine's pattern facts
//! for the longest match and digit count): ~1.1M native instructions, and
//! ~9M in V8's baseline code, where a cold stream starts. Here `read`
//! runs in the compiler instead (it is a `const fn`), and the lengths come
//! from the table in `pii_lengths.rs`, which a test keeps equal to the
//! engine's reading. A pattern the table does not know (edited since the
//! table was written) falls back to reading it at run time: same guard,
//! only slower; the test says how to write the table again.

use super::class::{self, Class};
use crate::filter::Rule;
use crate::rules::pii::RULES;

mod lengths {
    include!("pii_lengths.rs");
}

/// Longest match `u32::MAX`: unbounded.
const UNBOUNDED: u32 = u32::MAX;

// FNV-1a (64 bits) of a pattern: the table's key (shared with the PII
// rules' packing, which reads the same table).
use crate::rules::pattern_key as fnv;

/// A built-in PII rule's guard reading and, when the table knows its
/// pattern, its longest match and digit count, packed (~100 of them in
/// the module's data).
#[derive(Clone, Copy)]
pub(super) struct Pre {
    /// Index of its ASCII set in `SETS`.
    set: u8,
    /// `Class`'s flags: non-ASCII, any, folds, terminated, lead; then
    /// `KNOWN`.
    flags: u8,
    prefix: (u8, u8),
    /// Longest match, `u16::MAX`: unbounded.
    max_len: u16,
    digits: u8,
}

/// Flag: the table had the pattern (else its lengths are read at run
/// time).
const KNOWN: u8 = 1 << 5;

impl Pre {
    /// The pattern's reading.
    pub(super) fn class(&self) -> Class {
        let f = |b: u8| self.flags & (1 << b) != 0;
        Class {
            ascii: SETS.get(self.set as usize).copied().unwrap_or([!0; 2]),
            non_ascii: f(0),
            any: f(1),
            folds: f(2),
            terminated: f(3),
            lead: f(4),
            prefix: (self.prefix.0 as u32, self.prefix.1 as u32),
        }
    }

    /// The longest match (`None`: unbounded) and the digits every match
    /// holds, from the table or else from `rule`'s own reading.
    pub(super) fn lengths(&self, rule: &Rule) -> (Option<usize>, usize) {
        if self.flags & KNOWN == 0 {
            return (rule.max_len(), rule.min_digits());
        }
        let n = (self.max_len != u16::MAX).then_some(self.max_len as usize);
        (n, self.digits as usize)
    }
}

const fn lookup(p: &str) -> Option<(u32, u32)> {
    let h = fnv(p);
    let t = lengths::LENGTHS;
    let mut i = 0;
    while i < t.len() {
        if t[i].0 == h {
            return Some((t[i].1, t[i].2));
        }
        i += 1;
    }
    None
}

const N: usize = RULES.len();

/// Every built-in PII pattern's reading.
const CLASSES: [Class; N] = {
    let mut out = [class::read(""); N];
    let mut i = 0;
    while i < N {
        out[i] = class::read(RULES[i].pattern);
        i += 1;
    }
    out
};

/// Index of the first reading with the ASCII set of reading `i`.
const fn first_set(i: usize) -> usize {
    let mut j = 0;
    while j < i {
        let (a, b) = (CLASSES[j].ascii, CLASSES[i].ascii);
        if a[0] == b[0] && a[1] == b[1] {
            return j;
        }
        j += 1;
    }
    i
}

/// Distinct ASCII sets.
const DISTINCT: usize = {
    let (mut n, mut i) = (0, 0);
    while i < N {
        if first_set(i) == i {
            n += 1;
        }
        i += 1;
    }
    n
};

/// The distinct ASCII sets, in order of first use.
static SETS: [[u64; 2]; DISTINCT] = {
    let mut out = [[0; 2]; DISTINCT];
    let (mut n, mut i) = (0, 0);
    while i < N {
        if first_set(i) == i {
            out[n] = CLASSES[i].ascii;
            n += 1;
        }
        i += 1;
    }
    out
};

/// Index in `SETS` of reading `i`'s set.
const fn set_index(i: usize) -> usize {
    let f = first_set(i);
    let (mut n, mut j) = (0, 0);
    while j < f {
        if first_set(j) == j {
            n += 1;
        }
        j += 1;
    }
    n
}

static PII: [Pre; N] = {
    let none = Pre { set: 0, flags: 0, prefix: (0, 0), max_len: 0, digits: 0 };
    let mut out = [none; N];
    let mut i = 0;
    while i < N {
        let c = CLASSES[i];
        let flags = (c.non_ascii as u8)
            | (c.any as u8) << 1
            | (c.folds as u8) << 2
            | (c.terminated as u8) << 3
            | (c.lead as u8) << 4;
        let mut p = Pre {
            set: set_index(i) as u8,
            flags,
            prefix: (c.prefix.0 as u8, c.prefix.1 as u8),
            ..none
        };
        // Lengths that do not fit are read at run time.
        if let Some((n, d)) = lookup(RULES[i].pattern) {
            if (n == UNBOUNDED || n < u16::MAX as u32) && d <= u8::MAX as u32 {
                p.max_len = if n == UNBOUNDED { u16::MAX } else { n as u16 };
                p.digits = d as u8;
                p.flags |= KNOWN;
            }
        }
        // A prefix past what u8 holds, or 255 sets or more: not packed,
        // read at run time.
        if c.prefix.1 <= u8::MAX as u32 && set_index(i) < u8::MAX as usize {
            out[i] = p;
        } else {
            out[i] = Pre { set: u8::MAX, ..none };
        }
        i += 1;
    }
    out
};

/// The reading of `rule`, the filter's rule number `i`, when it is the
/// built-in PII rule of that number (a filter's rules start with them, in
/// table order).
pub(super) fn get(i: usize, rule: &Rule) -> Option<&'static Pre> {
    let def = crate::rules::pii::rules().get(i)?;
    let p = rule.pattern();
    // The same table entry: its pattern is borrowed, not copied.
    (p.as_ptr() == def.pattern.as_ptr() && p.len() == def.pattern.len())
        .then(|| PII.get(i))
        .flatten()
        .filter(|p| p.set != u8::MAX)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::engine::syntax::facts;

    /// `pii_lengths.rs` holds every built-in PII pattern's longest match
    /// and digit count as the engine reads them. `PF_WRITE_LENGTHS=1`
    /// writes it again (after a PII pattern changed).
    #[test]
    fn pii_lengths_table_is_current() {
        let rows: Vec<(u64, u32, u32)> = RULES
            .iter()
            .map(|r| {
                let f = facts(r.pattern);
                let n = f.max_len.map_or(UNBOUNDED, |n| n as u32);
                (fnv(r.pattern), n, f.min_digits as u32)
            })
            .collect();
        if std::env::var_os("PF_WRITE_LENGTHS").is_some() {
            let mut s = String::from(concat!(
                "// Generated by `PF_WRITE_LENGTHS=1 cargo test --lib ",
                "pii_lengths_table_is_current`: per built-in PII\n",
                "// pattern (FNV-1a 64 of its text), its longest match ",
                "(u32::MAX: unbounded) and the\n",
                "// ASCII digits every match holds, as ",
                "`engine::syntax::facts` reads them.\n",
                "pub(super) const LENGTHS: &[(u64, u32, u32)] = &[\n",
            ));
            for (h, n, d) in &rows {
                s.push_str(&format!("    ({h:#018x}, {n}, {d}),\n"));
            }
            s.push_str("];\n");
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/response/pii_lengths.rs"
            );
            std::fs::write(path, s).expect("write pii_lengths.rs");
            return;
        }
        for (r, row) in RULES.iter().zip(&rows) {
            assert_eq!(
                lookup(r.pattern),
                Some((row.1, row.2)),
                "rule {}: src/response/pii_lengths.rs is out of date; \
                 write it again with PF_WRITE_LENGTHS=1 cargo test --lib \
                 pii_lengths_table_is_current",
                r.id
            );
        }
    }

    /// The compile-time readings are the run-time ones, and a filter's
    /// rules find theirs.
    #[test]
    fn compile_time_readings_are_found() {
        let f = crate::Filter::new(crate::Policy::default()).expect("filter");
        let mut found = 0;
        for (i, r) in f.rules().iter().enumerate() {
            if let Some(pre) = get(i, r) {
                assert_eq!(pre.class(), class::read(r.pattern()), "{}", r.id);
                assert_eq!(pre.lengths(r), (r.max_len(), r.min_digits()));
                found += 1;
            }
        }
        assert_eq!(found, RULES.len());
    }
}
