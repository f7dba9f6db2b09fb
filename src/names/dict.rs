//! Compact word lists: one `include_str!` data file per list, looked up
//! through one hash index over all of them, built on first use.

use std::borrow::Cow;
use std::sync::OnceLock;

static GIVEN: WordList = WordList::new(0, include_str!("data/given.txt"));
static SURNAMES: WordList =
    WordList::new(1, include_str!("data/surnames.txt"));
static COMMON: WordList = WordList::new(2, include_str!("data/common.txt"));
static AMBIGUOUS: WordList =
    WordList::new(3, include_str!("data/ambiguous.txt"));
static PLACES: WordList = WordList::new(4, include_str!("data/places.txt"));

/// Name particles: lowercase words inside a name ("van der", "da", "de la").
pub(crate) static PARTICLES: WordList = WordList::new(5, "\n\
    al\nbin\nbinti\nda\ndas\nde\ndegli\ndei\ndel\ndella\nden\nder\ndes\ndi\ndo\ndos\n\
    du\nel\nla\nle\nten\nter\nvan\nvon\ny\nzu\n");

/// Every word list, at the index that is its `bit`. A word is looked up
/// once, in one table of all the lists' words, and carries a bit per list
/// that holds it: each token of a prompt is asked about in up to a dozen
/// lists, and a bit test is what that should cost. A list missing here
/// would hold nothing: a test checks that every list is here.
static REGISTRY: [&WordList; 24] = [
    &GIVEN,
    &SURNAMES,
    &COMMON,
    &AMBIGUOUS,
    &PLACES,
    &PARTICLES,
    &super::address::SUFFIX,
    &super::address::PREFIX,
    &super::address::PREFIX_LOWER,
    &super::address::JOINED,
    &super::address::JOINED_WEAK,
    &super::address::UNIT,
    &super::address::CUE,
    &super::address::ABBR,
    &super::person::TITLES,
    &super::person::STRONG,
    &super::person::WEAK,
    &super::person::GREET,
    &super::person::SOFT,
    &super::person::ENDINGS,
    &super::place::LOC_CUE,
    &super::place::WEAK_LOC_CUE,
    &super::place::BIRTH_CUE,
    &super::place::MONTHS,
];

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

/// A `\n`-separated word list kept as its text: the text is the only
/// thing in the wasm, and the lookup table over all lists ([`Lexicon`]) is
/// built on first use. Lines starting with `#` are comments.
pub(crate) struct WordList {
    /// This list's index in [`REGISTRY`] and bit in a word's list set.
    bit: u8,
    text: &'static str,
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

impl WordList {
    /// Lists are made only in `names`: a test counts them there and
    /// checks each is in [`REGISTRY`] at its bit.
    pub(super) const fn new(bit: u8, text: &'static str) -> WordList {
        WordList { bit, text, tails: OnceLock::new() }
    }

    /// Whether some entry ends with the two bytes `pair` (or may).
    fn may_end_with(&self, pair: &[u8]) -> bool {
        let tails = self.tails.get_or_init(|| {
            let mut bits = [0u64; 16];
            for line in self.lines() {
                let b = line.as_bytes();
                let bit = tail_bit(&b[b.len().saturating_sub(2)..]);
                bits[bit / 64] |= 1 << (bit % 64);
            }
            bits
        });
        let bit = tail_bit(pair);
        tails[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Every entry.
    fn lines(&self) -> impl Iterator<Item = &'static str> {
        self.text
            .split('\n')
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
    }
}

/// What the lexicon knows of a word: the lists that hold it and the
/// word as they spell it.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Member {
    lists: u32,
    entry: &'static str,
}

/// One open-addressing table over the words of every registered list.
struct Lexicon {
    /// `entry index + 1 | word hash << 32`; 0 is an empty slot.
    slots: Box<[u64]>,
    members: Vec<Member>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        // At most two words per line (a phrase's last word): the table
        // stays at most half full, so every probe ends at an empty slot.
        let words: usize = REGISTRY
            .iter()
            .flat_map(|l| l.lines())
            .map(|line| 1 + usize::from(line.contains(' ')))
            .sum();
        let n = (words * 2).max(8).next_power_of_two();
        let mut lex = Lexicon {
            slots: vec![0; n].into_boxed_slice(),
            members: Vec::new(),
        };
        for (bit, list) in REGISTRY.iter().enumerate() {
            for line in list.lines() {
                lex.add(line, 1 << bit);
                if let Some((_, last)) = line.rsplit_once(' ') {
                    lex.add(last, PHRASE_END);
                }
            }
        }
        lex
    })
}

/// The bit of words that end a multi-word entry of some list: a phrase
/// whose last word lacks it is in no list, and needs no lookup.
const PHRASE_END: u32 = 1 << 31;

impl Lexicon {
    fn add(&mut self, word: &'static str, bits: u32) {
        let Some(h) = hash(word.as_bytes()) else { return };
        match self.probe(h, word) {
            Ok(i) => {
                if let Some(m) = self.members.get_mut(i) {
                    m.lists |= bits;
                }
            }
            Err(slot) => {
                self.members.push(Member { lists: bits, entry: word });
                // Word lists hold a few thousand words: the index fits in
                // 32 bits.
                if let Some(s) = self.slots.get_mut(slot) {
                    *s = self.members.len() as u64 | (h as u64) << 32;
                }
            }
        }
    }

    /// `Ok(member index)` of `word`, or `Err(the empty slot it would take)`.
    /// Every token of a prompt comes through here: hash compares first,
    /// then bytes, without a call.
    #[inline(always)]
    fn probe(&self, h: usize, word: &str) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let full = h as u64 & 0xFFFF_FFFF;
        let mut at = h & mask;
        loop {
            let slot = self.slots.get(at).copied().unwrap_or(0);
            if slot == 0 {
                return Err(at);
            }
            // Most probes end here: a different hash, no text compare.
            if slot >> 32 == full {
                let i = ((slot & 0xFFFF_FFFF) as usize).wrapping_sub(1);
                if self.members.get(i).is_some_and(|m| {
                    same_bytes(m.entry.as_bytes(), word.as_bytes())
                }) {
                    return Ok(i);
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// The lists holding `word`.
    fn member(&self, word: &str) -> Member {
        let Some(h) = hash(word.as_bytes()) else {
            return Member::default();
        };
        match self.probe(h, word) {
            Ok(i) => self.members.get(i).copied().unwrap_or_default(),
            Err(_) => Member::default(),
        }
    }
}

/// Byte equality without a call: words are a few bytes long.
#[inline(always)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// FNV-1a (a few instructions per byte, no tables) of a non-empty line;
/// `None` for keys that cannot be a line.
#[inline(always)]
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

/// A token's folded text with its list memberships, looked up once:
/// every word is asked about in several lists, several times. Lowercase
/// words are their own key and are borrowed from the text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Key<'a> {
    text: Cow<'a, str>,
    member: Member,
}

impl<'a> Key<'a> {
    pub(crate) fn new(text: Cow<'a, str>) -> Key<'a> {
        let member = lexicon().member(&text);
        Key { text, member }
    }
    // Detectors read keys everywhere; `Cow`'s own deref is a call in
    // the size-optimized wasm.
    #[inline(always)]
    pub(crate) fn as_str(&self) -> &str {
        match &self.text {
            Cow::Borrowed(s) => s,
            Cow::Owned(s) => s.as_str(),
        }
    }
    /// Whether some list has a multi-word entry ending in this word.
    pub(crate) fn ends_phrase(&self) -> bool {
        self.member.lists & PHRASE_END != 0
    }
}

impl std::ops::Deref for Key<'_> {
    type Target = str;
    #[inline(always)]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Key<'_> {
    #[inline(always)]
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// What [`has`] and [`find`] look up: a plain string or a [`Key`].
pub(crate) trait Lookup {
    fn text(&self) -> &str;
    fn member(&self) -> Member {
        lexicon().member(self.text())
    }
}

impl Lookup for &str {
    fn text(&self) -> &str {
        self
    }
}

impl Lookup for String {
    fn text(&self) -> &str {
        self
    }
}

impl<T: Lookup> Lookup for &T {
    fn text(&self) -> &str {
        (**self).text()
    }
    #[inline(always)]
    fn member(&self) -> Member {
        (**self).member()
    }
}

impl Lookup for Key<'_> {
    fn text(&self) -> &str {
        self.as_str()
    }
    #[inline(always)]
    fn member(&self) -> Member {
        self.member
    }
}

/// `key` is a whole line of `list`.
#[inline(always)]
pub(crate) fn has(list: &'static WordList, key: impl Lookup) -> bool {
    key.member().lists >> list.bit & 1 != 0
}

/// Like [`has`], returning the matching line of `list`.
#[inline(always)]
pub(crate) fn find(
    list: &'static WordList,
    key: impl Lookup,
) -> Option<&'static str> {
    let m = key.member();
    (m.lists >> list.bit & 1 != 0).then_some(m.entry)
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

/// Every registered list, in bit order.
#[cfg(test)]
pub(crate) fn registry() -> &'static [&'static WordList] {
    &REGISTRY
}

/// A list's index in the registry.
#[cfg(test)]
pub(crate) fn bit(list: &WordList) -> usize {
    usize::from(list.bit)
}

/// The entries of a `\n`-separated list.
#[cfg(test)]
pub(crate) fn entries(
    list: &'static WordList,
) -> impl Iterator<Item = &'static str> {
    list.lines()
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
