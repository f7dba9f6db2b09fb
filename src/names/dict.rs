//! Compact word lists: one `include_str!` data file per list, looked up
//! through a hash index built on first use.

use std::borrow::Cow;
use std::sync::OnceLock;

static GIVEN: WordList = WordList::new(include_str!("data/given.txt"));
static SURNAMES: WordList = WordList::new(include_str!("data/surnames.txt"));
static COMMON: WordList = WordList::new(include_str!("data/common.txt"));
static AMBIGUOUS: WordList = WordList::new(include_str!("data/ambiguous.txt"));
static PLACES: WordList = WordList::new(include_str!("data/places.txt"));

/// Name particles: lowercase words inside a name ("van der", "da", "de la").
pub(crate) static PARTICLES: WordList = WordList::new("\n\
    al\nbin\nbinti\nda\ndas\nde\ndegli\ndei\ndel\ndella\nden\nder\ndes\ndi\ndo\ndos\n\
    du\nel\nla\nle\nten\nter\nvan\nvon\ny\nzu\n");

pub(crate) struct Lists {
    pub given: &'static WordList,
    pub surnames: &'static WordList,
    pub common: &'static WordList,
    pub ambiguous: &'static WordList,
    pub places: &'static WordList,
}

static LISTS: Lists = Lists {
    given: &GIVEN,
    surnames: &SURNAMES,
    common: &COMMON,
    ambiguous: &AMBIGUOUS,
    places: &PLACES,
};

/// The dictionaries.
pub(crate) fn lists() -> &'static Lists {
    &LISTS
}

/// A `\n`-separated word list kept as its text, with a hash index of line
/// starts built on first lookup. Every token of every prompt is looked up
/// in several lists, so a lookup must cost a hash and usually one compare;
/// the index (4 bytes per slot, half full) is built in microseconds and
/// keeps the text itself the only thing in the wasm. Lines starting with
/// `#` are comments.
pub(crate) struct WordList {
    text: &'static str,
    /// Slots of `line start | line hash << 32`, half full.
    index: OnceLock<Box<[u64]>>,
    /// Bit set of hashed last-two-byte pairs of the entries: most words
    /// end in no listed ending, and this says so without a lookup.
    tails: OnceLock<[u64; 16]>,
}

fn tail_bit(pair: &[u8]) -> usize {
    match pair {
        [a, b] => (usize::from(*a) * 31 + usize::from(*b)) & 1023,
        _ => 0,
    }
}

const EMPTY_SLOT: u64 = u64::MAX;

impl WordList {
    pub(crate) const fn new(text: &'static str) -> WordList {
        WordList { text, index: OnceLock::new(), tails: OnceLock::new() }
    }

    #[inline(always)]
    fn index(&self) -> &[u64] {
        self.index.get_or_init(|| {
            let lines = self.lines().count();
            let slots = (lines * 2).max(8).next_power_of_two();
            let mut index = vec![EMPTY_SLOT; slots].into_boxed_slice();
            let mask = slots - 1;
            for (start, line) in self.lines() {
                let full = hash(line.as_bytes()).unwrap_or(0);
                let mut h = full & mask;
                while index[h] != EMPTY_SLOT {
                    h = (h + 1) & mask;
                }
                // Word lists are a few KB: offsets fit in 32 bits.
                index[h] = start as u64 | (full as u64) << 32;
            }
            index
        })
    }

    /// Whether some entry ends with the two bytes `pair` (or may).
    fn may_end_with(&self, pair: &[u8]) -> bool {
        let tails = self.tails.get_or_init(|| {
            let mut bits = [0u64; 16];
            for (_, line) in self.lines() {
                let b = line.as_bytes();
                let bit = tail_bit(&b[b.len().saturating_sub(2)..]);
                bits[bit / 64] |= 1 << (bit % 64);
            }
            bits
        });
        let bit = tail_bit(pair);
        tails[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// (byte offset, line) of every entry.
    fn lines(&self) -> impl Iterator<Item = (usize, &'static str)> {
        let text = self.text;
        text.split('\n')
            .scan(0usize, |offset, line| {
                let start = *offset;
                *offset += line.len() + 1;
                Some((start, line))
            })
            .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
    }
}

/// FNV-1a (a few instructions per byte, no tables) of a non-empty line;
/// `None` for keys that cannot be a line.
fn hash(bytes: &[u8]) -> Option<usize> {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        if b == b'\n' {
            return None;
        }
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    (!bytes.is_empty()).then_some(h as usize)
}

/// A token's folded text with its hash, computed once: every word is
/// looked up in several lists, several times. Lowercase words are their
/// own key and are borrowed from the text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Key<'a> {
    text: Cow<'a, str>,
    hash: Option<usize>,
}

impl<'a> Key<'a> {
    pub(crate) fn new(text: Cow<'a, str>) -> Key<'a> {
        let hash = hash(text.as_bytes());
        Key { text, hash }
    }
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }
}

impl std::ops::Deref for Key<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl PartialEq<&str> for Key<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

/// What [`has`] and [`find`] look up: a plain string or a [`Key`].
pub(crate) trait Lookup {
    fn text(&self) -> &str;
    fn hash(&self) -> Option<usize>;
}

impl Lookup for &str {
    fn text(&self) -> &str {
        self
    }
    fn hash(&self) -> Option<usize> {
        hash(self.as_bytes())
    }
}

impl Lookup for String {
    fn text(&self) -> &str {
        self
    }
    fn hash(&self) -> Option<usize> {
        hash(self.as_bytes())
    }
}

impl<T: Lookup> Lookup for &T {
    fn text(&self) -> &str {
        (**self).text()
    }
    fn hash(&self) -> Option<usize> {
        (**self).hash()
    }
}

impl Lookup for Key<'_> {
    fn text(&self) -> &str {
        self.as_str()
    }
    fn hash(&self) -> Option<usize> {
        self.hash
    }
}

/// `key` is a whole line of `list`.
pub(crate) fn has(list: &'static WordList, key: impl Lookup) -> bool {
    find(list, key).is_some()
}

/// Like [`has`], returning the matching line of `list`.
pub(crate) fn find(
    list: &'static WordList,
    key: impl Lookup,
) -> Option<&'static str> {
    // A key holding `\n` could match across two lines: it has no hash.
    let h = key.hash()?;
    let key = key.text();
    let index = list.index();
    let mask = index.len() - 1;
    let text = list.text;
    let full = h as u64 & 0xFFFF_FFFF;
    let mut h = h & mask;
    loop {
        let slot = *index.get(h)?;
        if slot == EMPTY_SLOT {
            return None;
        }
        // Most probes end here: a different hash, no text compare.
        if slot >> 32 != full {
            h = (h + 1) & mask;
            continue;
        }
        let start = (slot & 0xFFFF_FFFF) as usize;
        let end = start + key.len();
        if text.get(start..end) == Some(key)
            && text.as_bytes().get(end).is_none_or(|&b| b == b'\n')
        {
            return text.get(start..end);
        }
        h = (h + 1) & mask;
    }
}

/// The longest ending of `key` (3..=9 bytes) listed in `list`, if the rest
/// of `key` is at least `min_rest(ending length)` bytes long.
pub(crate) fn ending_in(
    list: &'static WordList,
    key: &str,
    min_rest: impl Fn(usize) -> usize,
) -> bool {
    let b = key.as_bytes();
    if b.len() < 3 || !list.may_end_with(&b[b.len() - 2..]) {
        return false;
    }
    (3..=9usize.min(key.len())).any(|n| {
        let cut = key.len() - n;
        key.is_char_boundary(cut)
            && cut >= min_rest(n)
            && has(list, &key[cut..])
    })
}

/// The entries of a `\n`-separated list.
#[cfg(test)]
pub(crate) fn entries(
    list: &'static WordList,
) -> impl Iterator<Item = &'static str> {
    list.lines().map(|(_, line)| line)
}

/// ASCII folding for Latin-1 Supplement and Latin Extended-A letters
/// (U+00C0..U+017F), lowercase. `*` marks characters folded specially.
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
        }
    }
}

#[cfg(test)]
pub(crate) fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}
