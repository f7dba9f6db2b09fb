//! Aho-Corasick over a set of literals (rule keywords, context words,
//! stopwords, deny-list values, repeats of a secret), always through the
//! same automaton: a noncontiguous NFA, built from one argument type.
//!
//! Why not `aho_corasick::AhoCorasick`: it picks a DFA, a contiguous or a
//! noncontiguous NFA at run time behind a `dyn` automaton, so the wasm
//! module carried all three searchers, both DFA and NFA builders and their
//! `Debug` impls, once per pattern iterator type (~75 KB of code, ~9 KB
//! gzipped). Every kind reports the same matches (the crate guarantees
//! it). The noncontiguous NFA rather than the contiguous one the crate
//! would pick for the large sets (the keyword prefilter): the contiguous
//! one is built from it, which cost a third more instructions to build
//! a filter, for a search ~10% faster (~0.3% of a `screen_prompt`), and
//! its code (~N KB gzipped) is not in the module. It only fails to
//! build past 2^31 states.
//! The only module that uses the `aho-corasick` crate. Depends on nothing
//! else in the crate.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::noncontiguous::NFA;
use aho_corasick::Input;
pub(crate) use aho_corasick::{Match, MatchKind};

/// A compiled literal set; pattern ids are positions in the input slice.
#[derive(Clone, Debug)]
pub(crate) struct Literals(NFA);

impl Literals {
    /// The automaton for `words`, compared byte for byte, or `None` when
    /// it cannot be built.
    pub(crate) fn new(words: &[&str], kind: MatchKind) -> Option<Literals> {
        NFA::builder().match_kind(kind).build(words).ok().map(Literals)
    }

    /// The automaton for `words` compared ASCII case-insensitively: built
    /// over the words in lowercase and searched in a haystack in ASCII
    /// lowercase ([`lower`]: same byte offsets), it finds what the
    /// crate's `ascii_case_insensitive` automaton finds in the original
    /// text. A third cheaper to build (that builder tracks the states it
    /// queued in a `BTreeSet` and doubles every letter's transitions),
    /// and no set uses that option, so its code is not in the module.
    pub(crate) fn lowercase(
        words: &[&str],
        kind: MatchKind,
    ) -> Option<Literals> {
        let lower: Vec<String> =
            words.iter().map(|w| w.to_ascii_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        Literals::new(&lower, kind)
    }

    /// Non-overlapping matches, left to right, by the set's match kind.
    pub(crate) fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = Match> + 'a {
        // Errs only for an anchored search or an unsupported kind, which
        // this type never asks for: then no matches rather than a panic.
        Matches(self.0.try_find_iter(Input::new(text)).ok())
    }

    /// Every match, overlapping ones included, ordered by end offset
    /// (a `MatchKind::Standard` set; any other kind yields none).
    pub(crate) fn find_overlapping_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = Match> + 'a {
        Matches(self.0.try_find_overlapping_iter(Input::new(text)).ok())
    }
}

/// `text` in ASCII lowercase (what `str::to_ascii_lowercase` returns),
/// eight bytes at a time: the haystack of the sets built by
/// [`Literals::lowercase`], made for every text screened, where the
/// byte loop cost as much as a tenth of the keyword search.
pub(crate) fn lower(text: &str) -> String {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut out = Vec::with_capacity(text.len());
    let mut chunks = text.as_bytes().chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        let w = u64::from_le_bytes(b);
        // Per byte below 0x80: the high bit of `w7 + 0x80 - x` is set when
        // the byte is at least `x` (no carry crosses a byte: at most
        // 0x7F + 0x3F). Upper case is at least 'A' and not at least '['.
        let w7 = w & (0x7F * ONES);
        let upper = (w7 + (0x80 - b'A' as u64) * ONES)
            & !(w7 + (0x80 - b'[' as u64) * ONES)
            & !w
            & (0x80 * ONES);
        out.extend_from_slice(&(w | upper >> 2).to_le_bytes());
    }
    out.extend(chunks.remainder().iter().map(u8::to_ascii_lowercase));
    // Only ASCII letters changed, to ASCII letters: still UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| text.to_ascii_lowercase())
}

/// A search's matches, or none when it could not start. Not `Flatten`:
/// that costs ~1 KB of wasm more for the same thing.
struct Matches<I>(Option<I>);

impl<I: Iterator<Item = Match>> Iterator for Matches<I> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        self.0.as_mut()?.next()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lower_is_to_ascii_lowercase() {
        let texts = [
            "",
            "A",
            "Hello, WORLD! @[`{ ZAz 0189 ÀÉ ß ΣΑ Ωmega",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u{7f}",
        ];
        for t in texts {
            assert_eq!(super::lower(t), t.to_ascii_lowercase(), "{t:?}");
        }
        for b in 0u8..=0x7F {
            let t: String = std::iter::repeat(b as char).take(11).collect();
            assert_eq!(super::lower(&t), t.to_ascii_lowercase(), "{b}");
        }
    }
}
