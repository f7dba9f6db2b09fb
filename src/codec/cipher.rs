//! Letter ciphers of a whole text: every Caesar shift (rot13 is one),
//! Atbash, and reversed text. Any text "decodes" under them, so a text is
//! decoded only when its words read as English under one of them and not
//! as written: a vote of common English words, per line.
//!
//! Each word of 3..=12 ASCII letters is looked up once by its shape (the
//! differences of its letters, which a Caesar shift keeps): a match with a
//! common word of the same shape names the shift. Atbash and reversal are
//! two more lookups. Lines where one transform explains more words than
//! the plain reading (two at least, a third of the line's words) vote for
//! it; the transform with the most votes (three at least) is applied to
//! the span of its lines. Reads at most [`MAX_SCAN`] bytes.

use std::ops::Range;
use std::sync::OnceLock;

use super::form::TextFind;

/// The variants' rule ids, as `TextFind` reports them.
pub(crate) const NAMES: [&str; 4] = [
    "inject-encoded-caesar",
    "inject-encoded-atbash",
    "inject-encoded-reversed",
    "inject-encoded-rot13",
];

/// Bytes of a text read.
const MAX_SCAN: usize = 8 * 1024;

/// Common English words (and the words of requests to a model), 3..=12
/// letters. A word of a text that is one of these under a transform votes
/// for it.
const WORDS: &str = "the and you that was for are with they this have from \
one had but not what all were when your can said there use each which how their \
will other about out many then them these some would make like into time has \
two more write see way could people than first been call who its now find \
day did get come made may over new any only also just tell give show know \
please instructions instruction previous ignore system prompt rules secret \
password reveal print output repeat above before after without every \
everything anything answer question help need want should must does where why \
here thank good best most very well because while again never always \
something nothing message text data user email send follow forget disregard \
act pretend mode developer hidden initial original restrictions limits policy \
content safety assistant words explain describe list summarize translate \
recommend check plan name tips our such same own another year home work \
school world life week right three five important key keys admin access link \
private confidential exact entire full start chat conversation history \
comply request obey orders guidance earlier prior";

/// Most transforms: 0 = plain, 1..=25 Caesar shifts, 26 Atbash, 27
/// reversed.
const N: usize = 28;
const ATBASH: usize = 26;
const REVERSED: usize = 27;

/// The shape key of lowercase letters (3..=12 of them): length, then
/// letter differences mod 26 (5 bits each); 59 bits at most.
fn shape(w: &[u8]) -> u64 {
    let mut k = w.len() as u64;
    for p in w.windows(2) {
        k = k << 5 | u64::from((p[1] + 26 - p[0]) % 26);
    }
    k
}

/// Slots of the common-word table (a power of two, over twice the words).
const SLOTS: usize = 512;

/// The common words as an open-addressing hash table of (shape, first
/// letter + 1); 0 marks an empty slot. Built once, without sorting (a
/// sorted table built at compile time came out larger gzipped).
fn table() -> &'static [(u64, u8); SLOTS] {
    static T: OnceLock<Box<[(u64, u8); SLOTS]>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Box::new([(0u64, 0u8); SLOTS]);
        let mut l = [0u8; 12];
        for w in WORDS.split_ascii_whitespace() {
            for (d, c) in l.iter_mut().zip(w.bytes()) {
                *d = c - b'a';
            }
            let l = &l[..w.len().min(12)];
            let entry = (shape(l), l[0] + 1);
            let mut k = slot(entry.0);
            while t[k].1 != 0 && t[k] != entry {
                k = (k + 1) % SLOTS;
            }
            t[k] = entry;
        }
        t
    })
}

/// The first slot of a shape.
fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize % SLOTS
}

/// The shifts under which a word of shape `key` whose first letter is
/// `first` (0..26) is a common word: bit s for shift s (plain text is
/// shift 0).
fn shifts(key: u64, first: u8) -> u32 {
    let t = table();
    let mut k = slot(key);
    let mut m = 0;
    while t[k].1 != 0 {
        if t[k].0 == key {
            m |= 1 << ((first + 27 - t[k].1) % 26);
        }
        k = (k + 1) % SLOTS;
    }
    m
}

/// One word of the text as it is read, letter by letter: its shape keys
/// as written, under Atbash and reversed (no buffers: Atbash negates the
/// letter differences, reversal also reverses their order).
#[derive(Default)]
struct Word {
    len: usize,
    first: u8,
    last: u8,
    diffs: u64,
    atbash: u64,
    reversed: u64,
}

impl Word {
    fn push(&mut self, x: u8) {
        if self.len == 0 {
            self.first = x;
        } else if self.len < 12 {
            // (x - last) mod 26 and its negation, without a division a
            // letter (x and last are 0..26).
            let d = if x >= self.last {
                x - self.last
            } else {
                x + 26 - self.last
            };
            let neg = if d == 0 { 0 } else { 26 - d };
            let (d, neg) = (u64::from(d), u64::from(neg));
            self.diffs = self.diffs << 5 | d;
            self.atbash = self.atbash << 5 | neg;
            self.reversed |= neg << (5 * (self.len - 1));
        }
        self.last = x;
        self.len += 1;
    }

    /// The transforms under which the word is a common word, as a bit
    /// set over [`N`]; 0 for words of other lengths than 3..=12.
    fn votes(&self) -> u32 {
        if !(3..=12).contains(&self.len) {
            return 0;
        }
        let len = (self.len as u64) << (5 * (self.len - 1));
        let v = shifts(len | self.diffs, self.first) & ((1 << 26) - 1);
        let a = shifts(len | self.atbash, 25 - self.first) & 1;
        let r = shifts(len | self.reversed, self.last) & 1;
        v | a << ATBASH | r << REVERSED
    }
}

/// Per transform: votes and the span of the lines that voted.
#[derive(Default)]
struct Tally {
    votes: [usize; N],
    span: [Option<Range<usize>>; N],
}

/// A line's votes, added to `tally` when one transform wins the line.
fn close_line(
    tally: &mut Tally,
    line: &[usize; N],
    words: usize,
    at: Range<usize>,
) {
    // A transform's votes count words of the line: fewer than two words
    // win nothing (and skip the search below, a short prompt's one line).
    if words < 2 {
        return;
    }
    let (best, &n) = line[1..]
        .iter()
        .enumerate()
        .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))
        .map(|(k, n)| (k + 1, n))
        .unwrap_or((0, &0));
    if n >= 2 && n > line[0] && n * 3 >= words {
        tally.votes[best] += n;
        let s = tally.span[best].get_or_insert(at.clone());
        s.end = at.end;
    }
}

/// Finds a ciphered span of `text` and deciphers it: (variant of
/// [`NAMES`], span, text).
///
/// A text that names a cipher (`lowered_hint`: "rot13", "caesar",
/// "atbash", "cipher", "reverse", "backwards") needs two votes, not three.
pub(crate) fn find(text: &str, lowered_hint: &str) -> Option<TextFind> {
    let b = &text.as_bytes()[..text.len().min(MAX_SCAN)];
    let mut tally = Tally::default();
    let mut line = [0usize; N];
    let (mut words, mut line_start) = (0, 0);
    let mut w = Word::default();
    let mut i = 0;
    while i <= b.len() {
        let c = b.get(i).copied().unwrap_or(b'\n');
        if c.is_ascii_alphabetic() {
            w.push(c.to_ascii_lowercase() - b'a');
            i += 1;
            continue;
        }
        if (3..=12).contains(&w.len) {
            words += 1;
            let mut v = w.votes();
            while v != 0 {
                line[v.trailing_zeros() as usize] += 1;
                v &= v - 1;
            }
        }
        w = Word::default();
        if c == b'\n' {
            close_line(&mut tally, &line, words, line_start..i.min(b.len()));
            line = [0; N];
            words = 0;
            line_start = i + 1;
        }
        i += 1;
    }
    // No line won votes: nothing to decipher (`n` would be 0 below).
    if tally.votes.iter().all(|&v| v == 0) {
        return None;
    }
    let (best, &n) = tally
        .votes
        .iter()
        .enumerate()
        .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))?;
    if n < 3 && !(n == 2 && named(lowered_hint)) {
        return None;
    }
    let mut span = tally.span[best].clone()?;
    while !text.is_char_boundary(span.end) {
        span.end -= 1;
    }
    let s = &text[span.clone()];
    let (variant, out) = match best {
        ATBASH => (1, map_letters(s, 0, true)),
        REVERSED => (2, s.chars().rev().collect()),
        k => {
            (if k == 13 { 3 } else { 0 }, map_letters(s, 26 - k as u8, false))
        }
    };
    Some((variant, span, out))
}

/// `s` with its ASCII letters shifted by `shift` or, for `atbash`,
/// mirrored (a <-> z); case kept.
fn map_letters(s: &str, shift: u8, atbash: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let base = match c {
            'a'..='z' => b'a',
            'A'..='Z' => b'A',
            _ => {
                out.push(c);
                continue;
            }
        };
        let x = c as u8 - base;
        let y = if atbash { 25 - x } else { (x + shift) % 26 };
        out.push(char::from(base + y));
    }
    out
}

/// Whether the lowercased text names a letter cipher or reversal.
fn named(lowered: &str) -> bool {
    const NAMES: [&str; 8] = [
        "rot13",
        "rot 13",
        "rot-13",
        "caesar",
        "atbash",
        "cipher",
        "reverse",
        "backwards",
    ];
    // Bounded like the scan: the hint is looked for where the words are.
    let head = &lowered.as_bytes()[..lowered.len().min(MAX_SCAN)];
    NAMES.iter().any(|n| head.windows(n.len()).any(|w| w == n.as_bytes()))
}
