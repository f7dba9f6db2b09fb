//! Words for the NRP type (nationality, religion, political group): the
//! keyword list and the pattern of the `nrp` rule in `pii.rs`, from one
//! list so the two cannot drift.
//!
//! Data and licence: facts, not copied text. The nationality words are
//! the usual English demonym adjectives of about 25 of the most
//! populous or most cited states (a compact list: the wasm size budget
//! allows about forty words); the religion and political words are the
//! common names of major religions, their adherents and broad political
//! groups. Written for promptfence from general knowledge (no list was
//! copied); part of the crate, under its licence (MIT OR Apache-2.0).
//!
//! Format: lowercase, ASCII first letter (the pattern folds ASCII case
//! only) and ASCII last letter (`\b` is ASCII-only). Plural `-s` is
//! matched by the pattern. The rule's `Capitalized` validator keeps only
//! capitalized occurrences: in English capitalization is the evidence
//! ("a Democrat" is a party, "a democrat" a view). Words that are
//! common English words or given names when capitalized at a sentence
//! start ("Pole", "Finn", "Polish", "Conservative", "Liberal",
//! "Green", "Labour") are left out.

macro_rules! nrp_words {
    ($first:literal $($w:literal)*) => {
        /// The words, whole, with an optional plural `s`.
        pub(super) const PATTERN: &str =
            concat!(r"(?i)\b(?:", $first $(, "|", $w)*, r")s?\b");
        /// Prefilter keywords: the words (lowercase), as slices of
        /// `PATTERN` so the wasm build holds them once.
        pub(super) const KEYWORDS: [&str; count(PATTERN)] = split(PATTERN);
    };
}

/// Bytes around the words in `PATTERN`: `(?i)\b(?:` and `)s?\b`.
const HEAD: usize = 9;
const TAIL: usize = 5;

/// How many words `pattern` holds (its `|` plus one).
const fn count(pattern: &str) -> usize {
    let b = pattern.as_bytes();
    let (mut i, mut n) = (0, 1);
    while i < b.len() {
        if b[i] == b'|' {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The words of `pattern`, between its head and tail, split at `|`
/// (an ASCII byte, so every piece is whole UTF-8). Evaluated at compile
/// time only: a malformed list fails the build.
const fn split<const N: usize>(pattern: &'static str) -> [&'static str; N] {
    let b = pattern.as_bytes();
    let end = b.len() - TAIL;
    let mut out = [""; N];
    let (mut i, mut k, mut from) = (HEAD, 0, HEAD);
    while i <= end {
        if i == end || b[i] == b'|' {
            let word = b.split_at(i).0.split_at(from).1;
            out[k] = match core::str::from_utf8(word) {
                Ok(w) => w,
                Err(_) => panic!("NRP word list: not UTF-8"),
            };
            k += 1;
            from = i + 1;
        }
        i += 1;
    }
    out
}

nrp_words! {
    // Nationalities (English), of the most populous and most cited states.
    "american" "arab" "australian" "brazilian" "british" "canadian"
    "chinese" "dutch" "english" "french" "german" "greek" "indian" "irish"
    "israeli" "italian" "japanese" "korean" "mexican" "palestinian"
    "portuguese" "russian" "spanish" "turkish"
    // Religions and their adherents.
    "christian" "catholic" "muslim" "jew" "jewish" "hindu" "buddhist"
    "sikh"
    // Political groups.
    "democrat" "republican" "socialist" "communist" "nazi"
}
