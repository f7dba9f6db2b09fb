//! Aho-Corasick over a set of literals (rule keywords, context words,
//! stopwords, deny-list values, repeats of a secret), always through the
//! same automaton, the trie with failure links of `trie::Ac`.
//!
//! Why not the `aho-corasick` crate: its `AhoCorasick` picks a DFA, a
//! contiguous or a noncontiguous NFA at run time behind a `dyn`
//! automaton (~9 KB gzipped of code in the wasm module), and even its
//! noncontiguous NFA alone cost about 2.5 KB gzipped and five times the
//! instructions to build. The two sets with leftmost-longest semantics
//! (the deny list and the repeats of a found secret) are small and have
//! no empty word (the policy and `resolve` see to it): a scan for the
//! first literal to end, then walks down the trie from the starts before
//! it (`trie::Ac::leftmost_longest`). The crate stays a dev-dependency:
//! the tests compare both semantics with it.
//! Depends on `trie`.

use crate::trie::Ac;

/// How matches are reported by [`Literals::find_iter`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MatchKind {
    /// The first literal to end, then the search goes on after it.
    Standard,
    /// The literal that starts first, the longest of those (the first
    /// given among equal ones), then the search goes on after it.
    LeftmostLongest,
}

/// A match: the literal's position in the input slice and its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Match {
    literal: usize,
    start: usize,
    end: usize,
}

impl Match {
    /// The literal's position in the words the set was built from.
    pub(crate) fn literal(&self) -> usize {
        self.literal
    }
    pub(crate) fn start(&self) -> usize {
        self.start
    }
    pub(crate) fn end(&self) -> usize {
        self.end
    }
    pub(crate) fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// A compiled literal set; literal ids are positions in the input slice.
/// Empty literals never match.
#[derive(Clone, Debug)]
pub(crate) struct Literals {
    ac: Ac,
    kind: MatchKind,
}

impl Literals {
    /// The automaton for `words`, compared byte for byte.
    pub(crate) fn new(words: &[&str], kind: MatchKind) -> Literals {
        Literals { ac: Ac::new(words), kind }
    }

    /// The automaton for `words` compared ASCII case-insensitively: built
    /// over the words in lowercase and searched in a haystack in ASCII
    /// lowercase ([`lower`]: same byte offsets).
    pub(crate) fn lowercase(words: &[&str], kind: MatchKind) -> Literals {
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
        Matches { ac: &self.ac, kind: self.kind, hay: text.as_bytes(), at: 0 }
    }

    /// Every match, overlapping ones included, ordered by end offset,
    /// the longest first at each end. `folded`: in `text` read as ASCII
    /// lowercase ([`lower`]; same offsets), for a set of lowercase words,
    /// so a 10 MiB text need not be copied to be searched.
    pub(crate) fn find_overlapping_iter<'a>(
        &'a self,
        text: &'a str,
        folded: bool,
    ) -> impl Iterator<Item = Match> + 'a {
        self.ac
            .overlapping(text.as_bytes(), folded)
            .map(|(literal, start, end)| Match { literal, start, end })
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

/// The non-overlapping matches of a set, by its match kind.
struct Matches<'a> {
    ac: &'a Ac,
    kind: MatchKind,
    hay: &'a [u8],
    at: usize,
}

impl Iterator for Matches<'_> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        let (literal, start, end) = match self.kind {
            MatchKind::Standard => self.ac.first(self.hay, self.at)?,
            MatchKind::LeftmostLongest => {
                self.ac.leftmost_longest(self.hay, self.at)?
            }
        };
        self.at = end;
        Some(Match { literal, start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use aho_corasick::automaton::Automaton;
    use aho_corasick::nfa::noncontiguous::NFA;
    use aho_corasick::Input;

    fn crates(words: &[&str], kind: aho_corasick::MatchKind) -> NFA {
        NFA::builder().match_kind(kind).build(words).unwrap()
    }

    fn tuples(it: impl Iterator<Item = aho_corasick::Match>) -> Vec<Match> {
        it.map(|m| Match {
            literal: m.pattern().as_usize(),
            start: m.start(),
            end: m.end(),
        })
        .collect()
    }

    /// The own automaton reports what the crate's does, in the same
    /// order, overlapping or not, with both match kinds: random
    /// non-empty words over a small alphabet (so they overlap, nest and
    /// repeat) in random text.
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
            let own = Literals::new(&refs, MatchKind::Standard);
            let nfa = crates(&refs, aho_corasick::MatchKind::Standard);
            let own_ll = Literals::new(&refs, MatchKind::LeftmostLongest);
            let nfa_ll =
                crates(&refs, aho_corasick::MatchKind::LeftmostLongest);
            for _ in 0..8 {
                let len = rand(200);
                let hay = word(&mut rand, alphabet, len);
                let input = || Input::new(&hay);
                let want =
                    tuples(nfa.try_find_overlapping_iter(input()).unwrap());
                let got: Vec<Match> =
                    own.find_overlapping_iter(&hay, false).collect();
                assert_eq!(got, want, "{refs:?} in {hay:?}");
                let want = tuples(nfa.try_find_iter(input()).unwrap());
                let got: Vec<Match> = own.find_iter(&hay).collect();
                assert_eq!(got, want, "{refs:?} in {hay:?}");
                let want = tuples(nfa_ll.try_find_iter(input()).unwrap());
                let got: Vec<Match> = own_ll.find_iter(&hay).collect();
                assert_eq!(got, want, "leftmost {refs:?} in {hay:?}");
            }
        }
    }

    #[test]
    fn folded_search_is_the_search_of_the_lowercased_text() {
        let words = ["key", "token", "a-b", "é", "ssn", "[", "z", "@"];
        let own = Literals::new(&words, MatchKind::Standard);
        let mut hay = String::new();
        for b in 0u8..=0x7F {
            hay.push(b as char);
        }
        hay.push_str("KeY TOKEN tOkEnA-B é É SSNZ@[ Zz `{");
        let got: Vec<Match> = own.find_overlapping_iter(&hay, true).collect();
        let want: Vec<Match> =
            own.find_overlapping_iter(&super::lower(&hay), false).collect();
        assert_eq!(got, want);
        assert_eq!(got.len(), 15);
    }

    #[test]
    fn empty_words_never_match() {
        let l = Literals::new(&["", "a"], MatchKind::Standard);
        assert_eq!(l.find_overlapping_iter("ba", false).count(), 1);
        let l = Literals::new(&["", "ab"], MatchKind::LeftmostLongest);
        assert_eq!(l.find_iter("xaby").count(), 1);
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
            let t: String = std::iter::repeat_n(b as char, 11).collect();
            assert_eq!(super::lower(&t), t.to_ascii_lowercase(), "{b}");
        }
    }
}
