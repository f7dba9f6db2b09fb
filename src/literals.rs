//! Aho-Corasick over a set of literals (rule keywords, context words,
//! stopwords, deny-list values, repeats of a secret), always through the
//! same automaton: a contiguous NFA, built from one argument type.
//!
//! Why not `aho_corasick::AhoCorasick`: it picks a DFA, a contiguous or a
//! noncontiguous NFA at run time behind a `dyn` automaton, so the wasm
//! module carried all three searchers, both DFA and NFA builders and their
//! `Debug` impls, once per pattern iterator type (~75 KB of code, ~9 KB
//! gzipped). Every kind reports the same matches (the crate guarantees
//! it); the contiguous NFA is what it already chose for the large sets
//! (the keyword prefilter), and it only fails to build past 2^31 states.
//! The only module that uses the `aho-corasick` crate. Depends on nothing
//! else in the crate.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::Input;
pub(crate) use aho_corasick::{Match, MatchKind};

/// A compiled literal set; pattern ids are positions in the input slice.
#[derive(Clone, Debug)]
pub(crate) struct Literals(NFA);

impl Literals {
    /// The automaton for `words`, or `None` when it cannot be built.
    pub(crate) fn new(
        words: &[&str],
        kind: MatchKind,
        ascii_case_insensitive: bool,
    ) -> Option<Literals> {
        NFA::builder()
            .match_kind(kind)
            .ascii_case_insensitive(ascii_case_insensitive)
            .build(words)
            .ok()
            .map(Literals)
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

/// A search's matches, or none when it could not start. Not `Flatten`:
/// that costs ~1 KB of wasm more for the same thing.
struct Matches<I>(Option<I>);

impl<I: Iterator<Item = Match>> Iterator for Matches<I> {
    type Item = Match;

    fn next(&mut self) -> Option<Match> {
        self.0.as_mut()?.next()
    }
}
