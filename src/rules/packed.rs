//! A `RuleDef` table packed into one string at compile time, and read
//! back into `RuleDef`s once at run time.
//!
//! Why: a static `RuleDef` is 96 bytes in wasm, most of them pointers
//! (to its id, type, pattern and word lists, each list an array of
//! more pointers). Pointers are absolute addresses that gzip cannot
//! predict: the PII table cost ~2.6 KB gzipped for its 99 rows alone.
//! Packed, a row is its strings in a row with a few small numbers
//! between them, and its lists are written once each (`NOT_PII` is
//! shared by dozens of rules).
//!
//! Numbers are ASCII bytes between whole strings, so the packing is a
//! `&str` (checked at compile time) and reading it back validates
//! nothing: the strings are slices of it at char boundaries. Reading
//! allocates the rows, all the lists' words (one `Vec`), and each type
//! name that was left out.
//!
//! The format, in order:
//! - the number of distinct word lists, the number of words in all of
//!   them, then each list: its word count, then each word (a string);
//! - the number of rules, then each rule: id, type name (empty when it
//!   is the id in upper case with `_` for `-`), pattern (strings),
//!   keywords, context, anti-context (list numbers), group, validator,
//!   kind (0 PII, 1 secret; plus 2 when `letters_in_match`, plus 4 times
//!   one more than `keyword_lead` when it has one), window, min entropy and score (in hundredths),
//!   lengths (0 for `None`, else 1, the maximum length and the digits).
//!
//! A number is base-64 digits, lowest first, 6 bits a byte with 0x40 set
//! on every byte but the last; a string is its length then its bytes.
//! Examples (`hits`, `misses`) are not packed: the native build, which
//! has them, takes them from the table itself.

use super::def::RuleDef;
use crate::report::Kind;
use crate::validate::Validator;

/// The three word lists of a rule, by number: 0 keywords, 1 context,
/// 2 anti-context.
const fn list<'a>(r: &RuleDef, which: usize) -> &'a [&'static str] {
    match which {
        0 => r.keywords,
        1 => r.context,
        _ => r.anti_context,
    }
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn list_eq(a: &[&str], b: &[&str]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if !str_eq(a[i], b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// The per-pattern lengths the response side reads at compile time
/// (`response::pre`; a test keeps the file equal to the engine's reading
/// of each pattern).
mod pii_lengths {
    include!("../response/pii_lengths.rs");
}

/// FNV-1a (64 bits) of a pattern: the key of `pii_lengths.rs` (and of
/// `response::pre`, which reads the same table).
pub(crate) const fn pattern_key(p: &str) -> u64 {
    let b = p.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < b.len() {
        h ^= b[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

/// A row's longest match and digit count: its own, or, for a bounded
/// pattern `pii_lengths.rs` knows (by the FNV-1a 64 of its text), the
/// table's. Packed with the row, so a filter's prefilter learns them
/// without reading the pattern: reading ~80 PII patterns for them was
/// most of a cold start's first screen, and a search then read each
/// pattern again for its shape (it now reads facts and shape at once).
const fn lengths(r: &RuleDef) -> Option<(u32, u32)> {
    if r.lengths.is_some() {
        return r.lengths;
    }
    let h = pattern_key(r.pattern);
    let table = pii_lengths::LENGTHS;
    let mut k = 0;
    while k < table.len() {
        let (key, n, d) = table[k];
        if key == h && n != u32::MAX {
            return Some((n, d));
        }
        k += 1;
    }
    None
}

/// Most list slots a table may have (3 a rule).
const MAX_SLOTS: usize = 3 * 256;

/// The list number of every slot (rule `slot / 3`, list `slot % 3`), and
/// whether the slot is the first with its words (numbers count those).
const fn numbers(rules: &[RuleDef]) -> ([u16; MAX_SLOTS], [bool; MAX_SLOTS]) {
    let (mut number, mut first) = ([0u16; MAX_SLOTS], [false; MAX_SLOTS]);
    let slots = rules.len() * 3;
    assert!(slots <= MAX_SLOTS, "more rules than a packing holds");
    let (mut next, mut s) = (0, 0);
    while s < slots {
        let l = list(&rules[s / 3], s % 3);
        let mut t = 0;
        while t < s && !(first[t] && list_eq(list(&rules[t / 3], t % 3), l)) {
            t += 1;
        }
        if t < s {
            number[s] = number[t];
        } else {
            (number[s], first[s]) = (next, true);
            next += 1;
        }
        s += 1;
    }
    (number, first)
}

/// Whether `type_name` is `id`, ASCII, in upper case with `_` for `-`
/// (`us-ssn`: `US_SSN`, two rules in three); packed as an empty string.
const fn is_derived(type_name: &str, id: &str) -> bool {
    let (t, id) = (type_name.as_bytes(), id.as_bytes());
    if t.len() != id.len() {
        return false;
    }
    let mut i = 0;
    while i < t.len() {
        let want =
            if id[i] == b'-' { b'_' } else { id[i].to_ascii_uppercase() };
        if id[i] >= 0x80 || t[i] != want {
            return false;
        }
        i += 1;
    }
    true
}

/// The type of a rule whose type was packed empty (see [`is_derived`]).
fn derived(id: &str) -> Option<&'static str> {
    // Bytes, then one UTF-8 check: pushing chars cost ~1,000 instructions
    // a type.
    let t: Vec<u8> = id
        .bytes()
        .map(|b| if b == b'-' { b'_' } else { b.to_ascii_uppercase() })
        .collect();
    Some(Box::leak(String::from_utf8(t).ok()?.into_boxed_str()))
}

const fn kind_code(k: Kind) -> usize {
    match k {
        Kind::Pii => 0,
        Kind::Secret => 1,
        _ => panic!("a rule table holds PII and secret rules only"),
    }
}

/// `x` in hundredths, for a number of at most two decimals (as the rule
/// tables write them; a build with another fails here): 1-2 bytes a
/// number where its `f32` bits took 5-6 that gzip could not predict
/// (~0.15 KB of the gzipped module; issue 16, branch sizedata44).
/// [`Reader::hundredths`] gives the same `f32` back: `n / 100` is the
/// `f32` nearest the decimal, as the literal is.
const fn hundredths(x: f32) -> usize {
    assert!(x >= 0.0 && x < 1000.0, "a score or entropy out of range");
    let n = (x * 100.0 + 0.5) as usize;
    assert!(
        (n as f32 / 100.0).to_bits() == x.to_bits(),
        "a score or entropy with more than two decimals"
    );
    n
}

/// Writes the packing into `out` (`None`: only counts its bytes).
struct Writer<'a> {
    out: Option<&'a mut [u8]>,
    len: usize,
}

impl Writer<'_> {
    const fn byte(&mut self, b: u8) {
        if let Some(out) = &mut self.out {
            out[self.len] = b;
        }
        self.len += 1;
    }

    const fn num(&mut self, mut n: usize) {
        while n >= 64 {
            self.byte(0x40 | (n & 63) as u8);
            n >>= 6;
        }
        self.byte(n as u8);
    }

    const fn str(&mut self, s: &str) {
        let b = s.as_bytes();
        self.num(b.len());
        let mut i = 0;
        while i < b.len() {
            self.byte(b[i]);
            i += 1;
        }
    }

    const fn write(&mut self, rules: &[RuleDef]) {
        let slots = rules.len() * 3;
        let (number, first) = numbers(rules);
        let (mut lists, mut words, mut s) = (0, 0, 0);
        while s < slots {
            if first[s] {
                lists += 1;
                words += list(&rules[s / 3], s % 3).len();
            }
            s += 1;
        }
        self.num(lists);
        self.num(words);
        s = 0;
        while s < slots {
            if first[s] {
                let l = list(&rules[s / 3], s % 3);
                self.num(l.len());
                let mut i = 0;
                while i < l.len() {
                    self.str(l[i]);
                    i += 1;
                }
            }
            s += 1;
        }
        self.num(rules.len());
        let mut i = 0;
        while i < rules.len() {
            let r = &rules[i];
            self.str(r.id);
            assert!(!r.type_name.is_empty(), "a rule without a type");
            if is_derived(r.type_name, r.id) {
                self.str("");
            } else {
                self.str(r.type_name);
            }
            self.str(r.pattern);
            self.num(number[i * 3] as usize);
            self.num(number[i * 3 + 1] as usize);
            self.num(number[i * 3 + 2] as usize);
            self.num(r.group);
            self.num(r.validator as usize);
            let lead = match r.keyword_lead {
                Some(l) => l as usize + 1,
                None => 0,
            };
            self.num(
                kind_code(r.kind)
                    | (r.letters_in_match as usize) << 1
                    | lead << 2,
            );
            self.num(r.window);
            self.num(hundredths(r.min_entropy));
            self.num(hundredths(r.score));
            match lengths(r) {
                None => self.num(0),
                Some((n, d)) => {
                    self.num(1);
                    self.num(n as usize);
                    self.num(d as usize);
                }
            }
            i += 1;
        }
    }
}

/// The packing's length in bytes.
pub(crate) const fn packed_len(rules: &[RuleDef]) -> usize {
    let mut w = Writer { out: None, len: 0 };
    w.write(rules);
    w.len
}

/// The packing; `N` is [`packed_len`].
pub(crate) const fn pack<const N: usize>(rules: &[RuleDef]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut w = Writer { out: Some(&mut out), len: 0 };
    w.write(rules);
    assert!(w.len == N);
    out
}

/// Reads a packing back. `None` only for a packing this module did not
/// write (a test reads the shipped one).
struct Reader {
    s: &'static str,
    at: usize,
}

impl Reader {
    fn num(&mut self) -> Option<usize> {
        let (mut n, mut shift) = (0usize, 0);
        loop {
            let b = *self.s.as_bytes().get(self.at)?;
            self.at += 1;
            n |= usize::from(b & 63).checked_shl(shift)?;
            if b & 0x40 == 0 {
                return Some(n);
            }
            shift += 6;
        }
    }

    fn str(&mut self) -> Option<&'static str> {
        let n = self.num()?;
        let s = self.s.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }

    /// A number [`hundredths`] wrote.
    fn hundredths(&mut self) -> Option<f32> {
        Some(u16::try_from(self.num()?).ok()? as f32 / 100.0)
    }
}

/// The rules of packing `s`, without examples.
pub(crate) fn unpack(s: &'static str) -> Option<Vec<RuleDef>> {
    let mut r = Reader { s, at: 0 };
    let lists = r.num()?;
    let words = r.num()?;
    // Every word of every list, then each list as a range of them.
    // (Each list and word takes a byte at least: a damaged packing
    // cannot ask for more room than its length.)
    let mut all: Vec<&'static str> = Vec::with_capacity(words.min(s.len()));
    let mut ranges = Vec::with_capacity(lists.min(s.len()));
    for _ in 0..lists {
        let n = r.num()?;
        let start = all.len();
        for _ in 0..n {
            all.push(r.str()?);
        }
        ranges.push(start..all.len());
    }
    let all: &'static [&'static str] = Box::leak(all.into_boxed_slice());
    let list = |r: &mut Reader| all.get(ranges.get(r.num()?)?.clone());
    let n = r.num()?;
    let mut out = Vec::with_capacity(n.min(s.len()));
    for _ in 0..n {
        let id = r.str()?;
        let type_name = match r.str()? {
            "" => derived(id)?,
            t => t,
        };
        let pattern = r.str()?;
        let keywords = list(&mut r)?;
        let context = list(&mut r)?;
        let anti_context = list(&mut r)?;
        let group = r.num()?;
        let validator = *Validator::ALL.get(r.num()?)?;
        let code = r.num()?;
        let kind = match code & 1 {
            0 => Kind::Pii,
            _ => Kind::Secret,
        };
        let letters_in_match = code & 2 != 0;
        let keyword_lead = match code >> 2 {
            0 => None,
            l => Some(u8::try_from(l - 1).ok()?),
        };
        let window = r.num()?;
        let min_entropy = r.hundredths()?;
        let score = r.hundredths()?;
        let lengths = match r.num()? {
            0 => None,
            _ => Some((r.num()? as u32, r.num()? as u32)),
        };
        out.push(RuleDef {
            id,
            kind,
            type_name,
            keywords,
            pattern,
            group,
            validator,
            min_entropy,
            score,
            context,
            anti_context,
            window,
            lengths,
            letters_in_match,
            keyword_lead,
            ..RuleDef::DEFAULT
        });
    }
    (r.at == s.len()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::super::pii;

    /// Every field of every PII rule reads back as written (`Debug`
    /// prints them all, `f32`s exactly).
    #[test]
    fn pii_table_reads_back_as_written() {
        let read = pii::rules();
        assert_eq!(read.len(), pii::RULES.len());
        let mut known = 0;
        for (a, b) in pii::RULES.iter().zip(read) {
            // Lengths: the row's, or those of `pii_lengths.rs`
            // (`lengths`; `precomputed_lengths_are_the_patterns` checks
            // them against the pattern).
            assert_eq!(b.lengths, super::lengths(a), "{}", a.id);
            known += usize::from(a.lengths.is_none() && b.lengths.is_some());
            let b = super::RuleDef { lengths: a.lengths, ..*b };
            assert_eq!(format!("{:?}", a), format!("{:?}", b));
        }
        assert!(known > 80, "{known} rules took their lengths from the table");
    }

    /// A cut or altered packing reads as `None`, never a panic.
    #[test]
    fn damaged_packings_read_as_none() {
        let s = super::super::pii::packed_for_tests();
        // Cut at char boundaries only: the packing holds non-ASCII text.
        for end in (0..s.len()).step_by(97) {
            let end = (0..=end).rev().find(|&e| s.is_char_boundary(e));
            let cut = s.get(..end.unwrap_or(0)).unwrap_or("");
            assert!(super::unpack(cut).is_none());
        }
        let long: &'static str = Box::leak(format!("{s}x").into_boxed_str());
        assert!(super::unpack(long).is_none());
        assert!(super::unpack(
            "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f"
        )
        .is_none());
    }
}
