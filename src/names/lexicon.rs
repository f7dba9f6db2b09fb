//! The lexicon: one hash table over the words of every registered list,
//! built on first use, and the lookups the detectors make: [`has`],
//! [`find`], [`ending_in`], and [`Key`], a token's text with the lists
//! that hold it.
//!
//! Depends on `dict` (the list type) and `lists` (the registry).

use std::borrow::Cow;
use std::sync::OnceLock;

use super::data;
use super::dict::{fnv, hash, same_bytes, WordList, BASIS};
use super::lists::{lists, ORGS_KNOWN, ORG_SUFFIX, REGISTRY};

/// What the lexicon knows of a word: the lists that hold it and the
/// word as they spell it.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Member {
    lists: u64,
    entry: &'static str,
}

impl Member {
    /// The line of `list` this word or phrase is, if it is one: a bit
    /// test, for a member looked up once and asked about many lists.
    #[inline(always)]
    pub(crate) fn find(self, list: &'static WordList) -> Option<&'static str> {
        // A word only the loaded data holds has no core line.
        (self.lists >> list.bit() & 1 != 0 && !self.entry.is_empty())
            .then_some(self.entry)
    }
}

/// The lists holding `word`: the core lexicon's, plus what the large
/// names data says (when a filter consults it, inside a `data::Scope`),
/// as the bits of the core lists it extends (given names, surnames,
/// places of both tiers, legal forms). The default policy pays one load
/// here.
#[inline(always)]
fn member_of(word: &str) -> Member {
    let mut m = lexicon().member(word);
    if data::any_scope() {
        m.lists |= data_lists(word);
    }
    m
}

/// The list bits the large data gives `word` on this thread now.
#[inline(never)]
fn data_lists(word: &str) -> u64 {
    match DATA.get() {
        Some(d) if data::in_scope() => d.table.member(word).lists,
        _ => 0,
    }
}

/// A bit no list has: the large data knows the word or phrase as an
/// organization.
const ORG_BIT: u64 = 1 << 62;

fn data_bits(f: u8) -> u64 {
    let l = lists();
    [
        (data::GIVEN, l.given.bit()),
        (data::SURNAME, l.surnames.bit()),
        (data::PLACE, l.places.bit()),
        (data::MAJOR, l.major.bit()),
        (data::FORM, ORG_SUFFIX.bit()),
        (data::ORG, 62),
        (data::PHRASE_END, 63),
    ]
    .into_iter()
    .filter(|(flag, _)| f & flag != 0)
    .fold(0, |b, (_, bit)| b | 1 << bit)
}

/// The large names data, once installed: a table like the core one,
/// whose members carry the bits of the core lists they extend.
struct Data {
    table: Lexicon,
    checksum: u32,
    entries: usize,
}

static DATA: OnceLock<Data> = OnceLock::new();

/// Checks and installs the large names data for this process; returns
/// (entries, distinct keys). The same file again is a no-op; another one
/// once one is installed is an error. The file's bytes are kept to the
/// end of the process (also those of a file whose entries turn out bad
/// after its checksum matched).
pub(crate) fn install(
    bytes: &[u8],
) -> Result<(usize, usize), data::DataError> {
    if let Some(d) = DATA.get() {
        return if data::header(bytes).is_ok()
            && data::checksum(bytes) == d.checksum
        {
            Ok((d.entries, d.table.members.len()))
        } else {
            Err(data::DataError("names data: another file is loaded"))
        };
    }
    let n = data::header(bytes)?;
    // Checked: the file is kept (its keys are the table's entries).
    let bytes: &'static [u8] = Box::leak(bytes.into());
    let mut table = Lexicon {
        slots: vec![0; (n * 2).max(8).next_power_of_two()].into_boxed_slice(),
        members: Vec::with_capacity(n),
    };
    let entries = data::decode(bytes, &mut |k, f| table.add(k, data_bits(f)))?;
    let checksum = data::checksum(bytes);
    let d = DATA.get_or_init(|| Data { table, checksum, entries });
    Ok((d.entries, d.table.members.len()))
}

/// Whether the large names data is installed.
pub(crate) fn loaded() -> bool {
    DATA.get().is_some()
}

/// Folded words the large names data knows as an organization
/// ("nvidia", "banco bradesco"; false outside a scope), or, when `core`,
/// a line of the core's known organizations ("fox news").
#[inline(never)]
pub(crate) fn known_org<'a>(
    words: impl Iterator<Item = &'a str>,
    core: bool,
) -> bool {
    let d = DATA.get().filter(|_| data::in_scope());
    if d.is_none() && !core {
        return false;
    }
    let mut key = String::new();
    for w in words {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(w);
    }
    core && lexicon().member(&key).lists >> ORGS_KNOWN.bit() & 1 != 0
        || d.is_some_and(|d| d.table.member(&key).lists & ORG_BIT != 0)
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
        // At most two words per line (a phrase's last word), counted at
        // compile time: the table stays at most half full, so every
        // probe ends at an empty slot.
        let words: usize = REGISTRY.iter().map(|l| l.words()).sum();
        let n = (words * 2).max(8).next_power_of_two();
        let mut lex = Lexicon {
            slots: vec![0; n].into_boxed_slice(),
            members: Vec::with_capacity(words),
        };
        for (bit, list) in REGISTRY.iter().enumerate() {
            lex.fill(list.text(), 1 << bit);
        }
        lex
    })
}

/// The bit of words that end a multi-word entry of some list: a phrase
/// whose last word lacks it is in no list, and needs no lookup.
const PHRASE_END: u64 = 1 << 63;

impl Lexicon {
    // Out of line (as they were before the large data had a second table
    // calling them): inlined in each caller they cost wasm bytes.
    #[inline(never)]
    fn add(&mut self, word: &'static str, bits: u64) {
        if let Some(h) = hash(word.as_bytes()) {
            self.add_hashed(word, h, bits);
        }
    }

    /// Adds each line of a list's `text` with `bits` (comments and empty
    /// lines left out), and a phrase's last word with [`PHRASE_END`]: one
    /// loop over the bytes, which hashes each entry and its last word as
    /// it goes. Not generic and small (issue 16, cold start): the
    /// lexicon's build runs ~10,000 entries through here in the first
    /// screen, so V8 compiles it with TurboFan, at a cost in proportion
    /// to its code (the line loop, its closure and `add` inlined into the
    /// build's `Once` closure were ~1.8 KB of wasm compiled there).
    #[inline(never)]
    fn fill(&mut self, text: &'static str, bits: u64) {
        let b = text.as_bytes();
        let (mut start, mut h, mut last, mut blank) = (0, BASIS, BASIS, 0);
        for i in 0..=b.len() {
            let c = b.get(i).copied().unwrap_or(b'\n');
            if c != b'\n' {
                (h, last) = (fnv(h, c), fnv(last, c));
                if c == b' ' {
                    (last, blank) = (BASIS, i + 1);
                }
                continue;
            }
            // Between two newlines (or the ends): char boundaries.
            if i > start && b.get(start) != Some(&b'#') {
                if let Some(entry) = text.get(start..i) {
                    self.add_hashed(entry, h as usize, bits);
                }
                if blank > start && blank < i {
                    if let Some(word) = text.get(blank..i) {
                        self.add_hashed(word, last as usize, PHRASE_END);
                    }
                }
            }
            (start, h, last) = (i + 1, BASIS, BASIS);
        }
    }

    /// [`Lexicon::add`] of a word whose [`hash`] is `h`.
    #[inline(never)]
    fn add_hashed(&mut self, word: &'static str, h: usize, bits: u64) {
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
    #[inline(never)]
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

/// A token's folded text with its list memberships, looked up once:
/// every word is asked about in several lists, several times. Lowercase
/// words are their own key and are borrowed from the text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Key<'a> {
    text: Cow<'a, str>,
    member: Member,
}

impl<'a> Key<'a> {
    /// The key of a token that is not a word (punctuation, a number, an
    /// opaque chunk): empty, in no list, no lookup (`hash` takes no empty
    /// key, so a lookup of "" finds nothing in either table).
    #[inline(always)]
    pub(crate) const fn empty() -> Key<'a> {
        Key { text: Cow::Borrowed(""), member: Member { lists: 0, entry: "" } }
    }
    pub(crate) fn new(text: Cow<'a, str>) -> Key<'a> {
        // Not `&text`: `Cow`'s deref is a call in the size-optimized wasm.
        let member = match &text {
            Cow::Borrowed(s) => member_of(s),
            Cow::Owned(s) => member_of(s),
        };
        Key { text, member }
    }
    /// The key of a folded word that is not in the text as such: the
    /// lexicon's own copy when it has the word (no allocation), else a
    /// copy of `folded`.
    pub(crate) fn folded(folded: &str) -> Key<'a> {
        let member = member_of(folded);
        let text = if same_bytes(member.entry.as_bytes(), folded.as_bytes()) {
            Cow::Borrowed(member.entry)
        } else {
            Cow::Owned(folded.to_owned())
        };
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
        member_of(self.text())
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
    key.member().lists >> list.bit() & 1 != 0
}

/// `key` is a line of `list` in the core lexicon, whatever the large data
/// says (one more lookup: for rare checks only).
pub(crate) fn core_has(list: &'static WordList, key: &str) -> bool {
    lexicon().member(key).lists >> list.bit() & 1 != 0
}

/// `Some(major?)` when `word` is a place of `places_cjk.txt` (major) or,
/// with the large data, a gazetteer entry: one lookup (`cjk.rs`).
#[inline(never)]
pub(crate) fn cjk_place(word: &str) -> Option<bool> {
    let m = member_of(word).lists;
    let l = lists();
    let major =
        (m >> super::lists::PLACES_CJK.bit() | m >> l.major.bit()) & 1 != 0;
    (major || m >> l.places.bit() & 1 != 0).then_some(major)
}

/// `key` is a gazetteer entry of either tier (`places`, `major`).
pub(crate) fn gazetteer(key: impl Lookup) -> bool {
    place_tier(key).is_some()
}

/// `Some(major?)` when `key` is a gazetteer entry: one lookup for both
/// tiers.
pub(crate) fn place_tier(key: impl Lookup) -> Option<bool> {
    let l = lists();
    let m = key.member().lists;
    let major = m >> l.major.bit() & 1 != 0;
    (major || m >> l.places.bit() & 1 != 0).then_some(major)
}

/// Like [`has`], returning the matching line of `list`.
#[inline(always)]
pub(crate) fn find(
    list: &'static WordList,
    key: impl Lookup,
) -> Option<&'static str> {
    let m = key.member();
    (m.lists >> list.bit() & 1 != 0).then_some(m.entry)
}

/// The longest ending of `key` (3..=9 bytes) listed in `list`, if the rest
/// of `key` is at least `min_rest(ending length)` bytes long.
pub(crate) fn ending_in(
    list: &'static WordList,
    key: &str,
    min_rest: impl Fn(usize) -> usize,
) -> bool {
    let b = key.as_bytes();
    if b.len() < 3 || !list.may_end_with(&b[b.len() - 3..]) {
        return false;
    }
    (3..=9usize.min(key.len())).any(|n| {
        let cut = key.len() - n;
        key.is_char_boundary(cut)
            && cut >= min_rest(n)
            && has(list, &key[cut..])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::dict::entries;
    use crate::names::lists::lists;

    fn sorted(list: &'static WordList) -> bool {
        let v: Vec<&str> = entries(list).collect();
        v.windows(2).all(|w| w[0] < w[1]) && v.iter().all(|w| has(list, w))
    }

    #[test]
    fn lists_are_sorted_ascii_lowercase() {
        let l = lists();
        for list in
            [l.given, l.surnames, l.common, l.ambiguous, l.places, l.major]
        {
            for w in entries(list) {
                assert!(
                    w.bytes().all(|b| b.is_ascii_lowercase()
                        || b == b' '
                        || b == b'-'),
                    "{w:?}"
                );
            }
            assert!(
                sorted(list),
                // Not needed by the hash index, but keeps the data files
                // reviewable and duplicate-free.
                "lists must be sorted and unique: run scripts/names-data"
            );
            assert!(!has(list, "zzzz-not-a-word") && !has(list, "a-not"));
        }
        for small in REGISTRY {
            assert!(sorted(small), "{:?}", entries(small).next());
        }
        assert!(entries(l.given).count() > 1500);
        assert!(entries(l.surnames).count() > 1500);
        assert!(
            has(l.given, "anna")
                && has(l.surnames, "schmidt")
                && gazetteer("new york")
        );
    }

    /// The lexicon answers exactly what a scan of each list's text does,
    /// for every entry of every list and for words in none.
    #[test]
    fn lexicon_matches_the_lists() {
        let mut words: Vec<&str> = vec!["", "zzzz", "a-not", "new\nyork"];
        for list in REGISTRY {
            words.extend(entries(list));
        }
        for list in REGISTRY {
            let entries: Vec<&str> = entries(list).collect();
            for w in &words {
                let key = Key::new(Cow::Borrowed(*w));
                let want = entries.contains(w);
                assert_eq!(has(list, w), want, "{w:?}");
                assert_eq!(has(list, &key), want, "{w:?}");
                assert_eq!(find(list, *w), want.then_some(*w));
            }
            for phrase in crate::names::dict::entries(list) {
                let Some((_, last)) = phrase.rsplit_once(' ') else {
                    continue;
                };
                let key = Key::new(Cow::Borrowed(last));
                assert!(key.ends_phrase(), "{phrase:?}");
            }
        }
        let plain = Key::new(Cow::Borrowed("report"));
        assert!(!plain.ends_phrase());
    }
}
