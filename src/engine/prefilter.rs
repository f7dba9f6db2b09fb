//! Keyword prefilter: which rules could match this text?
//!
//! One Aho-Corasick automaton over every rule's keywords, remembering which
//! rules each keyword belongs to (gitleaks' design; regex-automata warns
//! that prefilters which forget the pattern make every candidate re-run
//! every rule). Contract: the candidate set is a superset of the rules that
//! can match. It may include rules that then find nothing; it must never
//! leave out a rule that would match.

use aho_corasick::{AhoCorasick, MatchKind};

use super::Rule;

#[derive(Debug)]
pub(crate) struct Prefilter {
    automaton: Option<AhoCorasick>,
    /// keyword pattern id -> rule indices
    owners: Vec<Vec<u32>>,
    /// rules with no keywords: always candidates
    always: Vec<u32>,
    /// rule index -> its keyword pattern ids
    words_of: Vec<Vec<u32>>,
}

/// Candidate rules plus every keyword occurrence, for windowed matching.
#[derive(Debug)]
pub(crate) struct Candidates {
    pub rules: Vec<bool>,
    /// (keyword pattern id, start, end), in text order.
    pub hits: Vec<(u32, usize, usize)>,
}

impl Prefilter {
    pub(crate) fn new(rules: &[Rule]) -> Prefilter {
        let mut words: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<u32>> = Vec::new();
        let mut always = Vec::new();
        let mut words_of = vec![Vec::new(); rules.len()];
        for (i, rule) in rules.iter().enumerate() {
            if rule.keywords.is_empty() {
                always.push(i as u32);
                continue;
            }
            for kw in &rule.keywords {
                let kw = kw.to_ascii_lowercase();
                let p = match words.iter().position(|w| *w == kw) {
                    Some(p) => {
                        owners[p].push(i as u32);
                        p
                    }
                    None => {
                        words.push(kw);
                        owners.push(vec![i as u32]);
                        words.len() - 1
                    }
                };
                words_of[i].push(p as u32);
            }
        }
        // Standard semantics: overlapping iteration reports every keyword
        // present, including one inside another keyword.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(&words)
            .ok();
        Prefilter { automaton, owners, always, words_of }
    }

    /// Keyword pattern ids of a rule.
    pub(crate) fn words_of(&self, rule: usize) -> &[u32] {
        self.words_of.get(rule).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn scan(&self, text: &str, rules: usize) -> Candidates {
        let mut hits = Vec::new();
        let mut out = vec![false; rules];
        for &i in &self.always {
            out[i as usize] = true;
        }
        match &self.automaton {
            Some(ac) => {
                let mut seen = vec![false; self.owners.len()];
                for m in ac.find_overlapping_iter(text) {
                    let p = m.pattern().as_usize();
                    hits.push((p as u32, m.start(), m.end()));
                    if !seen[p] {
                        seen[p] = true;
                        for &r in &self.owners[p] {
                            out[r as usize] = true;
                        }
                    }
                }
            }
            // Could not build the automaton: stay sound, run everything.
            None => out.iter_mut().for_each(|c| *c = true),
        }
        Candidates { rules: out, hits }
    }
}
