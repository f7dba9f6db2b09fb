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
//! Sets with standard semantics and no empty word (every set but the
//! deny list and the repeats of a found secret) use the crate's own
//! automaton instead (`trie::Ac`): the same matches, built at a fifth of
//! the cost (a filter builds three).
//! The only module that uses the `aho-corasick` crate. Depends on `trie`.

use crate::trie::Ac;
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::noncontiguous::NFA;
use aho_corasick::Input;
pub(crate) use aho_corasick::{Match, MatchKind};

/// A compiled literal set; pattern ids are positions in the input slice.
#[derive(Clone, Debug)]
pub(crate) struct Literals(Set);

#[derive(Clone, Debug)]
enum Set {
    /// Standard semantics, no empty word.
    Own(Ac),
    Nfa(NFA),
}

impl Literals {
    /// The automaton for `words`, compared byte for byte, or `None` when
    /// it cannot be built.
    pub(crate) fn new(words: &[&str], kind: MatchKind) -> Option<Literals> {
        if kind == MatchKind::Standard && !words.iter().any(|w| w.is_empty()) {
            return Some(Literals(Set::Own(Ac::new(words))));
        }
        let nfa = NFA::builder().match_kind(kind).build(words).ok()?;
        Some(Literals(Set::Nfa(nfa)))
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
        match &self.0 {
            Set::Own(a) => {
                Matches::Own(First { ac: a, hay: text.as_bytes(), at: 0 })
            }
            // Errs only for an anchored search or an unsupported kind,
            // which this type never asks for: then no matches rather than
            // a panic.
            Set::Nfa(n) => match n.try_find_iter(Input::new(text)) {
                Ok(m) => Matches::Nfa(m),
                Err(_) => Matches::None,
            },
        }
    }

    /// Every match, overlapping ones included, ordered by end offset
    /// (a `MatchKind::Standard` set; any other kind yields none).
    pub(crate) fn find_overlapping_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = Match> + 'a {
        match &self.0 {
            Set::Own(a) => Matches::Own(
                a.overlapping(text.as_bytes())
                    .map(|(w, s, e)| own_match(w, s, e)),
            ),
            Set::Nfa(n) => match n.try_find_overlapping_iter(Input::new(text))
            {
                Ok(m) => Matches::Nfa(m),
                Err(_) => Matches::None,
            },
        }
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

/// A match of the own automaton: ids are input positions, which fit
/// (`Match::must` would bring a panic path and its message).
fn own_match(word: usize, start: usize, end: usize) -> Match {
    Match::new(aho_corasick::PatternID::new_unchecked(word), start..end)
}

/// The non-overlapping matches of an own automaton.
struct First<'a> {
    ac: &'a Ac,
    hay: &'a [u8],
    at: usize,
}

impl Iterator for First<'_> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        let (w, s, e) = self.ac.first(self.hay, self.at)?;
        self.at = e;
        Some(own_match(w, s, e))
    }
}

/// A search's matches: the own automaton's or the crate's, or none
/// when the search could not start. Not `Chain` or `Flatten`: they cost
/// wasm bytes for the same thing.
enum Matches<A, B> {
    Own(A),
    Nfa(B),
    None,
}

impl<A, B> Iterator for Matches<A, B>
where
    A: Iterator<Item = Match>,
    B: Iterator<Item = Match>,
{
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        match self {
            Matches::Own(a) => a.next(),
            Matches::Nfa(b) => b.next(),
            Matches::None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(words: &[&str]) -> (Literals, NFA) {
        let own = Literals::new(words, MatchKind::Standard).unwrap();
        assert!(matches!(own.0, Set::Own(_)));
        let nfa = NFA::builder()
            .match_kind(MatchKind::Standard)
            .build(words)
            .unwrap();
        (own, nfa)
    }

    /// The own automaton reports what the crate's does, in the same
    /// order, overlapping or not: random words over a small alphabet
    /// (so they overlap, nest and repeat) in random text.
    #[test]
    fn own_automaton_is_the_crates() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut rand = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let word = |rand: &mut dyn FnMut(usize) -> usize,
                    alphabet: &[char],
                    len: usize|
         -> String {
            (0..len).map(|_| alphabet[rand(alphabet.len())]).collect()
        };
        for round in 0..400 {
            // Multi-byte chars too: the automaton works on bytes.
            let alphabet: &[char] = if round % 3 == 0 {
                &['a', 'b']
            } else {
                &['a', 'b', 'c', 'd', 'e', '.', '-', '_', '0', 'é']
            };
            let n = 1 + rand(if round % 5 == 0 { 300 } else { 12 });
            let words: Vec<String> = (0..n)
                .map(|_| {
                    let len = 1 + rand(6);
                    word(&mut rand, alphabet, len)
                })
                .collect();
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let (own, nfa) = both(&refs);
            for _ in 0..8 {
                let len = rand(200);
                let hay = word(&mut rand, alphabet, len);
                let want: Vec<Match> = nfa
                    .try_find_overlapping_iter(Input::new(&hay))
                    .unwrap()
                    .collect();
                let got: Vec<Match> =
                    own.find_overlapping_iter(&hay).collect();
                let diff = got.iter().zip(&want).position(|(a, b)| a != b);
                assert_eq!(
                    diff,
                    None,
                    "{refs:?} in {hay:?}: {:?} {:?}",
                    &got[diff.unwrap_or(0)..]
                        [..5.min(got.len() - diff.unwrap_or(0))],
                    &want[diff.unwrap_or(0)..][..5]
                );
                let want: Vec<Match> =
                    nfa.try_find_iter(Input::new(&hay)).unwrap().collect();
                let got: Vec<Match> = own.find_iter(&hay).collect();
                assert_eq!(got, want, "{refs:?} in {hay:?}");
            }
        }
    }

    #[test]
    fn empty_words_and_leftmost_sets_use_the_crate() {
        let l = Literals::new(&["", "a"], MatchKind::Standard).unwrap();
        assert!(matches!(l.0, Set::Nfa(_)));
        assert_eq!(l.find_overlapping_iter("ba").count(), 4);
        let l = Literals::new(&["ab"], MatchKind::LeftmostLongest).unwrap();
        assert!(matches!(l.0, Set::Nfa(_)));
    }

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
