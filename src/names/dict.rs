//! The word-list type, and the folding that turns a word into the form
//! the lists are written in.
//!
//! A list is only its text here; the lists themselves are in `lists`, and
//! the table that answers lookups over all of them is in `lexicon`.
//!
//! Depends on nothing else in the crate.

use std::sync::OnceLock;

/// A `\n`-separated word list kept as its text: the text is the only
/// thing in the wasm, and the lookup table over all lists (`lexicon`) is
/// built on first use. Lines starting with `#` are comments.
pub(crate) struct WordList {
    /// This list's index in `lists::REGISTRY` and bit in a word's list
    /// set.
    bit: u8,
    text: &'static str,
    /// `text` is front-coded (see `build/front_code.rs`): decoded once,
    /// into `decoded`, on first use.
    coded: bool,
    /// Upper bound on the words the lexicon keys for this list: its
    /// lines plus its multi-word lines (counted at compile time, so the
    /// lexicon sizes its table without a pass over every list).
    words: usize,
}

/// What each list builds on first use, by its bit (at most 64 lists: a
/// word's list set is a `u64`). Kept out of [`WordList`] so the lists
/// have no interior mutability: they are then read-only data, laid out
/// together, not 43 rows of writable data with gaps (a data segment
/// each side of every gap; 0.6 KB of the gzipped module).
static BUILT: [Built; 64] = [const { Built::new() }; 64];

struct Built {
    /// A front-coded list's text, decoded.
    decoded: OnceLock<&'static str>,
    /// Bit set of the hashed last three bytes of the entries (every entry
    /// `ending_in` asks about has three or more): most words end in no
    /// listed ending, and this says so without a lookup.
    tails: OnceLock<[u64; 16]>,
}

impl Built {
    const fn new() -> Built {
        Built { decoded: OnceLock::new(), tails: OnceLock::new() }
    }
}

fn tail_bit(tail: &[u8]) -> usize {
    match tail {
        [a, b, c] => {
            (usize::from(*a) * 961 + usize::from(*b) * 31 + usize::from(*c))
                & 1023
        }
        _ => 0,
    }
}

impl WordList {
    /// Lists are made only in `names/lists.rs`: a test counts them in
    /// `names` and checks each is in `lists::REGISTRY` at its bit.
    pub(super) const fn new(bit: u8, text: &'static str) -> WordList {
        WordList {
            bit,
            text,
            coded: false,
            words: words(text.as_bytes(), false),
        }
    }

    /// A list whose text `build.rs` front-coded.
    pub(super) const fn front_coded(bit: u8, text: &'static str) -> WordList {
        WordList {
            bit,
            text,
            coded: true,
            words: words(text.as_bytes(), true),
        }
    }

    /// The list's text, one entry a line. A front-coded list is decoded
    /// once per process into memory that lives as long as the lexicon
    /// that points into it (to the end of the process).
    pub(super) fn text(&self) -> &'static str {
        if !self.coded {
            return self.text;
        }
        self.built().decoded.get_or_init(|| {
            Box::leak(decode(self.text, self.words).into_boxed_str())
        })
    }

    /// This list's one-time builds.
    fn built(&self) -> &'static Built {
        &BUILT[usize::from(self.bit) % 64]
    }

    /// At least the entries plus the multi-word entries (see `words`).
    pub(super) fn words(&self) -> usize {
        self.words
    }

    /// This list's bit in a word's list set.
    #[inline(always)]
    pub(super) fn bit(&self) -> u8 {
        self.bit
    }

    /// Whether some entry ends with the three bytes `tail` (or may).
    pub(super) fn may_end_with(&self, tail: &[u8]) -> bool {
        let tails = self.built().tails.get_or_init(|| {
            let mut bits = [0u64; 16];
            for line in self.lines() {
                let b = line.as_bytes();
                let bit = tail_bit(&b[b.len().saturating_sub(3)..]);
                bits[bit / 64] |= 1 << (bit % 64);
            }
            bits
        });
        let bit = tail_bit(tail);
        tails[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Every entry.
    pub(super) fn lines(&self) -> impl Iterator<Item = &'static str> {
        self.text()
            .split('\n')
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
    }
}

/// [`hash`]'s start (FNV-1a, 32 bits).
pub(super) const BASIS: u32 = 0x811c_9dc5;

/// [`hash`]'s step.
#[inline(always)]
pub(super) fn fnv(h: u32, b: u8) -> u32 {
    (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
}

/// The entries of a list's text plus its entries with a blank (the
/// words the lexicon keys: an entry and a phrase's last word), for text
/// one entry a line or front-coded (see `decode`).
const fn words(text: &[u8], coded: bool) -> usize {
    let (mut n, mut i) = (0, 0);
    // Where the entry before has its first blank (front coding keeps it
    // when it shares more bytes than that), `usize::MAX`: none.
    let mut blank_before = usize::MAX;
    while i < text.len() {
        let (start, mut shared) = (i, 0);
        if coded {
            if !text[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            shared = (text[i] - b'0') as usize;
            i += 1;
        }
        let rest = i;
        while i < text.len()
            && if coded { !text[i].is_ascii_digit() } else { text[i] != b'\n' }
        {
            i += 1;
        }
        let mut blank =
            if blank_before < shared { blank_before } else { usize::MAX };
        let mut j = rest;
        while blank == usize::MAX && j < i {
            if text[j] == b' ' {
                blank = shared + (j - rest);
            }
            j += 1;
        }
        if coded || (start < i && text[start] != b'#') {
            n += if blank == usize::MAX { 1 } else { 2 };
        }
        blank_before = blank;
        if !coded {
            i += 1;
        }
    }
    n
}

/// Undoes the front coding of `build/front_code.rs`: each entry is one
/// digit (the bytes shared with the entry before) and the rest of the
/// entry, up to the next digit. Bytes, not strings: the entry before is
/// in the output, copied from there. `entries` is at least the entries
/// (`WordList::words`): the output is at most the input plus 9 shared
/// bytes an entry (its digit becomes its newline), so it is written in
/// place into a buffer of that size, a byte at a time, without a call
/// (issue 16, cold start: a push or a copy a call each were most of the
/// decode's cost in V8's baseline code, and V8 compiles the code of a
/// loop over the lists' ~70 KB again with TurboFan, at a cost in
/// proportion to its size).
#[inline(never)]
fn decode(coded: &str, entries: usize) -> String {
    let mut out = vec![0u8; coded.len() + 9 * entries];
    // The output's length; where the current entry starts in it (none
    // before the first digit) and where the one before starts.
    let (mut n, mut start, mut last) = (0, usize::MAX, 0);
    let b = coded.as_bytes();
    for i in 0..=b.len() {
        let d = b.get(i).copied().unwrap_or(b'0');
        if !d.is_ascii_digit() {
            if start != usize::MAX {
                put(&mut out, n, d);
                n += 1;
            }
            continue;
        }
        // A digit: the entry before ends (the one past the text's end
        // only ends the last entry).
        let last_len = if start == usize::MAX {
            0
        } else {
            put(&mut out, n, b'\n');
            n += 1;
            last = start;
            n - 1 - start
        };
        let mut keep = usize::from(d - b'0').min(last_len);
        // A char boundary of the entry before (the lists are ASCII).
        while keep > 0
            && keep < last_len
            && out.get(last + keep).is_some_and(|&b| b & 0xC0 == 0x80)
        {
            keep -= 1;
        }
        start = n;
        for k in last..last + keep {
            let c = out.get(k).copied().unwrap_or(b' ');
            put(&mut out, n, c);
            n += 1;
        }
    }
    // The digit past the end started an entry of its shared bytes.
    out.truncate(start);
    String::from_utf8(out).unwrap_or_default()
}

/// `out[n] = b` when `out` has room (`decode` sizes it to have).
#[inline(always)]
fn put(out: &mut [u8], n: usize, b: u8) {
    if let Some(x) = out.get_mut(n) {
        *x = b;
    }
}

/// Byte equality without a call: words are a few bytes long.
#[inline(always)]
pub(super) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    // Indexed, not zipped: `Zip`'s `next` stays a call a byte in the
    // size-optimized wasm.
    a.len() == b.len()
        && a.iter().enumerate().all(|(i, x)| b.get(i) == Some(x))
}

/// FNV-1a (a few instructions per byte, no tables) of a non-empty line;
/// `None` for keys that cannot be a line.
#[inline(always)]
pub(super) fn hash(bytes: &[u8]) -> Option<usize> {
    let mut h = BASIS;
    for &b in bytes {
        if b == b'\n' {
            return None;
        }
        h = fnv(h, b);
    }
    (!bytes.is_empty()).then_some(h as usize)
}

/// The entries of a `\n`-separated list.
#[cfg(test)]
pub(crate) fn entries(
    list: &'static WordList,
) -> impl Iterator<Item = &'static str> {
    list.lines()
}

/// ASCII folding for Latin-1 Supplement and Latin Extended-A letters
/// (U+00C0..U+017F), lowercase; letters of other scripts (from U+0370)
/// are kept lowercased. `*` marks characters folded specially.
const FOLD_TABLE: &[u8; 192] = b"aaaaaa*ceeeeiiiidnooooo*ouuuuy**aaaaaa*ceeeeiiiidnooooo*ouuuuy*yaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Appends the lowercase ASCII folding of `word` to `out`; drops characters
/// that are not letters (apostrophes, dots, marks). Hyphens are kept.
pub(crate) fn fold_into(word: &str, out: &mut String) {
    for c in word.chars() {
        if c.is_ascii_alphabetic() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if c == '-' {
            out.push('-');
            continue;
        }
        let u = c as u32;
        if (0xC0..0x180).contains(&u) {
            let b = FOLD_TABLE[(u - 0xC0) as usize];
            if b != b'*' {
                out.push(b as char);
                continue;
            }
            match c {
                'Æ' | 'æ' => out.push_str("ae"),
                'ß' => out.push_str("ss"),
                'Œ' | 'œ' => out.push_str("oe"),
                'Ĳ' | 'ĳ' => out.push_str("ij"),
                'Þ' | 'þ' => out.push_str("th"),
                _ => {}
            }
        } else if matches!(u, 0x218..=0x21B) {
            // Romanian comma-below s/t.
            out.push(if u < 0x21A { 's' } else { 't' });
        } else if u >= 0x370 && c.is_alphabetic() {
            // Greek, Cyrillic, Armenian, Arabic, CJK, ...: kept, so the cue
            // lists can hold "меня зовут" or "κύριος".
            out.push(lower_other(c));
        }
    }
}

/// Lowercase for the cased scripts past Latin (Greek, Cyrillic,
/// Armenian), by range: `char::to_lowercase` would bring its whole
/// Unicode table (kilobytes) into the wasm. Other letters are returned
/// as they are.
fn lower_other(c: char) -> char {
    let u = c as u32;
    let d = match u {
        0x391..=0x3A1 | 0x3A3..=0x3AB => 0x20,
        0x386 => 0x26,
        0x388..=0x38A => 0x25,
        0x38C => 0x40,
        0x38E..=0x38F => 0x3F,
        0x400..=0x40F => 0x50,
        0x410..=0x42F => 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F => (u & 1) ^ 1,
        0x531..=0x556 => 0x30,
        _ => 0,
    };
    char::from_u32(u + d).unwrap_or(c)
}

#[cfg(test)]
pub(crate) fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The front-coded lists decode to exactly the data files' entries.
    #[test]
    fn front_coded_lists_decode() {
        let raw = include_str!("data/given.txt");
        let coded = include_str!(concat!(env!("OUT_DIR"), "/names_given.fc"));
        let want: Vec<&str> = raw
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let got = decode(coded, words(coded.as_bytes(), true));
        assert_eq!(got.lines().collect::<Vec<_>>(), want);
        assert!(coded.len() < raw.len());
        assert_eq!(decode("", 0), "");
        assert_eq!(decode("9x5ab", 2), "x\nxab\n");
        assert_eq!(decode("0née2ë", 2), "née\nnë\n");
        assert_eq!(decode("abc", 0), "");
    }

    /// Every front-coded list decodes as a push a byte does (the plain
    /// reading), into a buffer its word count sizes.
    #[test]
    fn decode_is_the_plain_reading() {
        fn plain(coded: &str) -> String {
            let b = coded.as_bytes();
            let mut out: Vec<u8> = Vec::new();
            let (mut last, mut last_len, mut i) = (0, 0, 0);
            while let Some(&d) = b.get(i) {
                i += 1;
                if !d.is_ascii_digit() {
                    continue;
                }
                let mut keep = usize::from(d - b'0').min(last_len);
                while keep > 0
                    && keep < last_len
                    && out[last + keep] & 0xC0 == 0x80
                {
                    keep -= 1;
                }
                let start = out.len();
                out.extend_from_within(last..last + keep);
                while let Some(&c) = b.get(i).filter(|c| !c.is_ascii_digit()) {
                    i += 1;
                    out.push(c);
                }
                (last, last_len) = (start, out.len() - start);
                out.push(b'\n');
            }
            String::from_utf8(out).unwrap()
        }
        for list in crate::names::lists::REGISTRY.iter().filter(|l| l.coded) {
            assert_eq!(decode(list.text, list.words), plain(list.text));
            assert_eq!(list.text(), plain(list.text));
        }
    }

    /// The compile-time counts are what the lists hold.
    #[test]
    fn word_counts() {
        for list in crate::names::lists::REGISTRY {
            let lines: Vec<&str> = list.lines().collect();
            let phrases = lines.iter().filter(|l| l.contains(' ')).count();
            assert_eq!(
                list.words(),
                lines.len() + phrases,
                "{:?}",
                lines.first()
            );
        }
        let text = "0new york4zealand0a b1c";
        assert_eq!(words(text.as_bytes(), true), 7);
        assert_eq!(words(b"\n#x y\nab\nc d\n", false), 3);
    }

    #[test]
    fn fold_works() {
        assert_eq!(fold("Müller"), "muller");
        assert_eq!(fold("Łukasz"), "lukasz");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("O'Brien"), "obrien");
        assert_eq!(fold("Меня"), "меня");
        assert_eq!(fold("Κύριος"), "κύριος");
        assert_eq!(fold("ΆΈΉΊΌΎΏ"), "άέήίόύώ");
        assert_eq!(fold("ЁЉЂЯ"), "ёљђя");
        let ranges = [0x386..=0x3AB, 0x400..=0x42F, 0x531..=0x556];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let want: String = c.to_lowercase().collect();
            if want.chars().count() == 1 && c.is_uppercase() {
                assert_eq!(lower_other(c).to_string(), want, "{c:?}");
            }
        }
    }
}
