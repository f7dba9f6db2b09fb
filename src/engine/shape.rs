//! A rule pattern's [`Shape`]: the position automaton the search runs at
//! candidate positions before the rule's matcher (read from the pattern
//! by `syntax`, whose facts it extends).

use super::syntax::{self, ByteSet, Node};

/// Reads `pattern`'s [`Shape`]; `None` when the reader cannot follow it.
/// Computed on a rule's first use (most rules of a filter never run).
pub(crate) fn shape(pattern: &str) -> Option<Shape> {
    from_node(&syntax::parse(pattern)?)
}

/// The [`Shape`] of a pattern read as `node` (see [`shape`]).
pub(crate) fn from_node(node: &Node) -> Option<Shape> {
    let mut b = Shape {
        first: NONE,
        follow: Vec::new(),
        class: Vec::new(),
        last: NONE,
        nullable: false,
        alphabet: ByteSet::default(),
        prefix: [0; 256],
        prefix_len: 0,
    };
    let (first, last, nullable) = b.node(node);
    // Every byte of a match, when every position is tracked.
    b.alphabet = ByteSet::all();
    if b.follow.len() < LIMIT {
        b.alphabet = ByteSet::default();
        b.class.iter().for_each(|c| b.alphabet.union(c));
    }
    b.first = first;
    b.last = last;
    b.nullable = nullable;
    // The bytes at offsets 1.. that every match reaches, each offset's
    // set on its own: a few byte tests turn most candidates away before
    // the automaton runs.
    let mut reach = first;
    for _ in 1..16 {
        if has(&reach, LIMIT) || (0..2).any(|k| reach[k] & last[k] != 0) {
            break;
        }
        let (mut next, mut set) = (NONE, ByteSet::default());
        for p in members(&reach) {
            if let Some(f) = b.follow.get(p) {
                next = or(next, *f);
            }
        }
        for q in members(&next) {
            match b.class.get(q) {
                Some(c) => set.union(c),
                None => set = ByteSet::all(),
            }
        }
        // Offset `prefix_len + 1` is bit `prefix_len` of every byte's
        // entry (at most 15 offsets: two bytes each).
        mark(&mut b.prefix, &set, b.prefix_len);
        b.prefix_len += 1;
        reach = next;
    }
    Some(b)
}

/// Sets bit `bit` of `prefix`'s entry for every byte of `set`. Out of
/// line (issue 16): the loop runs over up to 256 bytes per offset of
/// every shape the first screen reads, and inline it took
/// [`from_node`] over V8's tier-up budget in that call.
#[inline(never)]
fn mark(prefix: &mut [u16; 256], set: &ByteSet, bit: usize) {
    for x in set.bytes() {
        prefix[usize::from(x)] |= 1 << bit;
    }
}

/// Recent outcomes of [`Shape::may_start`] for one rule, keyed by the
/// bytes it read: 8 slots (0 empty, 1 no, 2 yes) filled in turn, then
/// replaced by hash, and a look first at the slot after the last one
/// used, where a text that repeats itself finds its next key. Filled
/// in turn, not by hash: a text of period 8 ("1.2.3.4.") has keys whose
/// two halves are equal, and the hash put its four keys into one pair
/// of slots, which then missed at every other candidate (100,896 misses
/// per 128 KiB, issue 16); every hash tried then put three of them in
/// one pair.
#[derive(Default)]
pub(crate) struct Recent {
    slots: [(u128, u8); 8],
    /// The slot to look in first.
    next: usize,
    /// The misses so far (the slot the next one fills while under 8).
    fill: usize,
}

/// A set of positions of a [`Shape`].
type Set = [u64; 2];
const NONE: Set = [0; 2];
/// Positions a [`Shape`] tracks; the next one, [`OVER`], stands for all
/// later positions: a string that reaches it passes (unknown).
const LIMIT: usize = 127;
const OVER: Set = [0, 1 << 63];
/// Bytes a [`Shape`] reads at most from a candidate position: its cost
/// stays a few steps where a long pattern's prefix keeps matching.
const STEPS: usize = 16;

fn or(a: Set, b: Set) -> Set {
    [a[0] | b[0], a[1] | b[1]]
}

fn has(s: &Set, p: usize) -> bool {
    s[p / 64] & (1 << (p % 64)) != 0
}

/// The positions of `s`, by its set bits (building a [`Shape`]: testing
/// all 128 positions a set was a third of a cold start's shapes).
fn members(s: &Set) -> impl Iterator<Item = usize> + '_ {
    s.iter().enumerate().flat_map(|(k, &word)| {
        let mut bits = word;
        std::iter::from_fn(move || {
            if bits == 0 {
                return None;
            }
            let p = k * 64 + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            Some(p)
        })
    })
}

/// A position (Glushkov) automaton of a superset of the pattern's
/// language: assertions are ignored, a repeat `x{lo,hi}` with more than
/// two optional copies becomes `x{lo,}`, a multi-byte char is its lead
/// byte and any continuation bytes, and positions past the 127th pass.
/// So a position where [`Shape::may_start`] says no cannot start a
/// match, and the engine skips the regex there ("4111 4111 …" is not an
/// `AU_MEDICARE` number after its fifth digit).
pub(crate) struct Shape {
    /// Positions a match may begin with.
    first: Set,
    /// Per position, the positions that may come next.
    follow: Vec<Set>,
    /// Per position, its bytes.
    class: Vec<ByteSet>,
    /// Positions a match may end with.
    last: Set,
    nullable: bool,
    /// The bytes a match is made of (all when some position is not
    /// tracked).
    alphabet: ByteSet,
    /// Bit `j` of `prefix[b]`: byte `b` may stand at offset `j + 1` of a
    /// match (every match reaches offsets `1..=prefix_len`, at most 15),
    /// one lookup per offset.
    prefix: [u16; 256],
    prefix_len: usize,
}

// Not derived: the tables say nothing useful in a rule's dump.
impl std::fmt::Debug for Shape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Shape")
    }
}

impl Shape {
    /// Whether `bytes` begin with a string of the superset language, as
    /// far as the first [`STEPS`] bytes tell.
    pub(crate) fn may_start(&self, bytes: &[u8]) -> bool {
        if !self.prefix_fits(bytes) {
            return false;
        }
        if self.nullable {
            return true;
        }
        // Words of a position set in use (the rest stay 0).
        let w = self.follow.len().min(LIMIT) / 64 + 1;
        let mut reach = self.first;
        for &b in bytes.iter().take(STEPS) {
            if reach[1] & OVER[1] != 0 {
                return true;
            }
            let (mut next, mut any) = (NONE, 0);
            for (k, &word) in reach.iter().enumerate().take(w) {
                let mut bits = word;
                while bits != 0 {
                    let p = k * 64 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    let (Some(c), Some(f)) =
                        (self.class.get(p), self.follow.get(p))
                    else {
                        continue;
                    };
                    if c.contains(b) {
                        if has(&self.last, p) {
                            return true;
                        }
                        for (n, &x) in next.iter_mut().zip(f).take(w) {
                            *n |= x;
                            any |= x;
                        }
                    }
                }
            }
            if any == 0 {
                return false;
            }
            reach = next;
        }
        bytes.len() > STEPS
    }

    /// [`Shape::may_start`], or its outcome for the same bytes in
    /// `recent` (a text that repeats itself brings the same bytes back at
    /// candidate after candidate: "4111 4111 …", "12-34.56/78 …"). The
    /// outcome depends only on the first [`STEPS`] bytes and on whether
    /// more follow, so with more than `STEPS` bytes those are the key.
    pub(crate) fn may_start_recent(
        &self,
        bytes: &[u8],
        recent: &mut Recent,
    ) -> bool {
        let key = match bytes.first_chunk::<STEPS>() {
            Some(head) if bytes.len() > STEPS => u128::from_le_bytes(*head),
            _ => return self.may_start(bytes),
        };
        // The filled slots (all 8 after 8 misses), from `next` on.
        let used = recent.fill.min(8);
        let mut s = if recent.next < used { recent.next } else { 0 };
        for _ in 0..used {
            if let Some(&(k, seen)) = recent.slots.get(s) {
                if k == key {
                    recent.next = s + 1;
                    return seen == 2;
                }
            }
            s = if s + 1 < used { s + 1 } else { 0 };
        }
        let v = self.may_start(bytes);
        // The empty slots in turn, then the key's slot by a hash: a
        // text of more than 8 keys in a cycle would miss at every one
        // if slots were reused in turn.
        let s = if recent.fill < 8 {
            recent.fill
        } else {
            let (lo, hi) = (key as u64, (key >> 64) as u64);
            let mix =
                (lo ^ hi.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            (mix >> 61) as usize
        };
        if let Some(e) = recent.slots.get_mut(s) {
            *e = (key, 1 + u8::from(v));
        }
        recent.fill = recent.fill.saturating_add(1);
        recent.next = s + 1;
        v
    }

    /// The first test of [`Shape::may_start`], cheap enough to run at
    /// every candidate position before it: whether the bytes at offsets
    /// 1.. fit the sets every match reaches there (`prefix`). In a digit
    /// text most numeric rules fail it within a few bytes ("12-34" is no
    /// `\d{3}` start).
    #[inline(always)]
    pub(crate) fn prefix_fits(&self, bytes: &[u8]) -> bool {
        if self.nullable {
            return true;
        }
        let Some(rest) = bytes.get(1..=self.prefix_len) else {
            return false;
        };
        let mut bit = 1;
        for &b in rest {
            if self.prefix[usize::from(b)] & bit == 0 {
                return false;
            }
            bit <<= 1;
        }
        true
    }

    /// The offsets 1 to 8 at which each byte may stand in a match as far
    /// as [`Shape::prefix_fits`] tests (bit `j - 1` of a byte's entry's
    /// low byte for offset `j`), as `(table, past)`: byte `b` may stand
    /// at the offsets of `table[b] as u8 | past`, where `past` holds the
    /// offsets every byte passes (those past the prefix; all of them for
    /// a shape that matches the empty string). Bytes that each pass at
    /// their offset pass the first 8 of its tests. (What the digit
    /// sieve's rows record: `sieve_rows.rs`.)
    #[cfg(test)]
    pub(crate) fn offsets(&self) -> (&[u16; 256], u8) {
        let past = match self.nullable {
            true => u8::MAX,
            false => u8::MAX.checked_shl(self.prefix_len as u32).unwrap_or(0),
        };
        (&self.prefix, past)
    }

    /// The bytes a match is made of, as far as the shape knows.
    pub(crate) fn alphabet(&self) -> &ByteSet {
        &self.alphabet
    }

    /// A new position of class `set`, or [`OVER`] past the last.
    fn pos(&mut self, set: &ByteSet) -> Set {
        let p = self.follow.len();
        if p >= LIMIT {
            return OVER;
        }
        self.follow.push(NONE);
        self.class.push(*set);
        let mut s = NONE;
        s[p / 64] |= 1 << (p % 64);
        s
    }

    fn link(&mut self, from: Set, to: Set) {
        for (i, &w) in from.iter().enumerate() {
            let mut w = w;
            while w != 0 {
                let p = i * 64 + w.trailing_zeros() as usize;
                w &= w - 1;
                if let Some(f) = self.follow.get_mut(p) {
                    *f = or(*f, to);
                }
            }
        }
    }

    /// `a` then `b`, each (first, last, nullable).
    fn cat(&mut self, a: Glu, b: Glu) -> Glu {
        self.link(a.1, b.0);
        (
            if a.2 { or(a.0, b.0) } else { a.0 },
            if b.2 { or(a.1, b.1) } else { b.1 },
            a.2 && b.2,
        )
    }

    /// Adds `n`'s positions and inner links; returns its (first, last,
    /// nullable). Past the last position a node is [`OVER`]: a string
    /// that reaches it passes, which also covers skipping it.
    fn node(&mut self, n: &Node) -> Glu {
        if self.follow.len() >= LIMIT {
            return (OVER, OVER, false);
        }
        match n {
            Node::Empty | Node::Assert(_) => (NONE, NONE, true),
            Node::Char { first, width, .. } => {
                let lead = self.pos(first);
                if *width == 1 {
                    return (lead, lead, false);
                }
                self.wide(lead)
            }
            Node::Concat(v) => v.iter().fold((NONE, NONE, true), |acc, x| {
                let r = self.node(x);
                self.cat(acc, r)
            }),
            Node::Alt(v) => v.iter().fold((NONE, NONE, false), |acc, x| {
                let r = self.node(x);
                (or(acc.0, r.0), or(acc.1, r.1), acc.2 || r.2)
            }),
            Node::Repeat(x, lo, hi, _) => self.repeat(x, *lo, *hi),
        }
    }

    // A char of several bytes and the repeat out of line: `node` recurses
    // once per node of ~80 patterns at a cold start's first screen, and
    // V8 charges each return the code before it; with them inline it sent
    // `node` to TurboFan there.
    #[inline(never)]
    fn wide(&mut self, lead: Set) -> Glu {
        let mut cont = ByteSet::default();
        (0x80..=0xBF).for_each(|b| cont.insert(b));
        let c = self.pos(&cont);
        self.link(or(lead, c), c);
        (lead, or(lead, c), false)
    }

    #[inline(never)]
    fn repeat(&mut self, x: &Node, lo: usize, hi: Option<usize>) -> Glu {
        let mut acc = (NONE, NONE, true);
        for _ in 0..lo {
            if self.follow.len() >= LIMIT {
                return self.cat(acc, (OVER, OVER, false));
            }
            let r = self.node(x);
            acc = self.cat(acc, r);
        }
        let extra = hi.map_or(usize::MAX, |h| h.saturating_sub(lo));
        if extra <= 2 {
            for _ in 0..extra {
                let r = self.node(x);
                acc = self.cat(acc, (r.0, r.1, true));
            }
        } else {
            let r = self.node(x);
            self.link(r.1, r.0);
            acc = self.cat(acc, (r.0, r.1, true));
        }
        acc
    }
}

/// (first, last, nullable) of a node in a [`Shape`].
type Glu = (Set, Set, bool);

#[cfg(test)]
mod tests {
    use super::{shape, Recent};
    use proptest::prelude::*;

    /// Visits every position of `text` with one memo, checking each
    /// outcome against [`super::Shape::may_start`]; returns the misses
    /// (a miss writes a slot, a hit writes none).
    fn misses(pattern: &str, text: &str) -> usize {
        misses_at(pattern, text, |_| true)
    }

    /// [`misses`] at the positions whose byte passes `start`.
    fn misses_at(pattern: &str, text: &str, start: fn(&u8) -> bool) -> usize {
        let s = shape(pattern).unwrap();
        let (mut recent, mut misses) = (Recent::default(), 0);
        let starts = text.bytes().enumerate().filter(|(_, b)| start(b));
        for (p, _) in starts {
            let at = &text.as_bytes()[p..];
            let before = recent.slots;
            let v = s.may_start_recent(at, &mut recent);
            assert_eq!(v, s.may_start(at), "{pattern} at {p}");
            misses += usize::from(before != recent.slots);
        }
        misses
    }

    const PATTERNS: [&str; 3] = [
        r"\d{1,3}(?:\.\d{1,3}){3}",
        r"[A-Z][a-z]{2} \d{1,2}",
        r"\d{4} ?\d{4}",
    ];

    /// A text of period 8 or less brings back at most 8 keys: after the
    /// first visit of each, every one is a hit. "1.2.3.4." missed at
    /// every other position when the slots were picked by a hash (the
    /// halves of its keys are equal: three of four keys in two slots).
    #[test]
    fn a_short_period_misses_once_a_key() {
        for unit in ["1.2.3.4.", "4111 ", "Jan 1 ", "A1", "http://"] {
            for p in PATTERNS {
                let n = misses(p, &unit.repeat(300));
                assert!(n <= unit.len(), "{unit:?} {p}: {n} misses");
            }
        }
    }

    /// A cycle of more than 8 keys (the digit starts of
    /// "1.2.3.4.5.6.7.8.9.": nine) still hits at most visits: slots
    /// filled in turn then by hash, not in turn only (which missed at
    /// every visit of such a cycle).
    #[test]
    fn a_longer_period_hits_mostly() {
        let text = "1.2.3.4.5.6.7.8.9.".repeat(300);
        for p in PATTERNS {
            let n = misses_at(p, &text, u8::is_ascii_digit);
            assert!(n * 2 < text.len() / 2, "{p}: {n} misses");
        }
    }

    proptest! {
        /// The memo gives `may_start`'s outcome, and a text repeating a
        /// unit of at most 8 bytes misses at most once a distinct key.
        #[test]
        fn the_memo_is_exact_and_keeps_a_period(
            unit in "[0-9. A-Za-z:/-]{1,8}",
            reps in 1..60usize,
            tail in "[0-9. a-z]{0,20}",
        ) {
            let text = format!("{}{tail}", unit.repeat(reps));
            for p in PATTERNS {
                let n = misses(p, &unit.repeat(reps));
                prop_assert!(n <= unit.len(), "{:?} {}: {} misses", unit, p, n);
                misses(p, &text);
            }
        }
    }
}
