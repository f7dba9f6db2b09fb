//! Byte literals as a trie, and the Aho-Corasick automaton over one.
//!
//! - [`Trie`] (`tree`): matching where the caller knows where a match
//!   may start (injection phrases: word starts) or where most bytes start
//!   no literal (role markers such as `<|im_start|>`): the root is a
//!   256-entry table, so a byte that begins no literal costs one lookup.
//!   Every occurrence of every literal is reported, overlapping ones
//!   included, like an Aho-Corasick overlapping search, without building
//!   failure links. Not for literals that start at most bytes of prose
//!   (the rule keywords): there the walk from every byte cost ~10% more
//!   than the automaton.
//! - [`Ac`] (`ac`): the trie with failure links, for the keyword sets
//!   searched at every byte (`literals` uses it).
//!
//! Building either allocates nothing a node (children are linked lists
//! until they are laid out). Children use each other, never this file.
//! Depends on nothing else in the crate.

mod ac;
mod tree;

pub(crate) use ac::Ac;
pub(crate) use tree::Trie;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every occurrence, by brute force.
    fn naive(lits: &[&str], hay: &str) -> Vec<(usize, usize, usize)> {
        let norm = |s: &str| s.to_string();
        let h = norm(hay);
        let mut out = Vec::new();
        for start in 0..h.len() {
            for (i, l) in lits.iter().enumerate() {
                let l = norm(l);
                if !l.is_empty()
                    && h.as_bytes()[start..].starts_with(l.as_bytes())
                {
                    out.push((i, start, start + l.len()));
                }
            }
        }
        out.sort_by_key(|&(i, s, e)| (s, e, i));
        out
    }

    fn trie_all(lits: &[&str], hay: &str) -> Vec<(usize, usize, usize)> {
        let t = Trie::new(lits);
        let mut out = Vec::new();
        t.find_all(hay.as_bytes(), |i, s, e| out.push((i, s, e)));
        out.sort_by_key(|&(i, s, e)| (s, e, i));
        out
    }

    #[test]
    fn finds_every_overlapping_occurrence() {
        let mut lits = vec!["he", "she", "hers", "his", "", "s", "é", "Key"];
        // A node with more children than DENSE_FROM gets a table.
        lits.extend(["ka", "kb", "kc", "kd", "ke", "kf", "kg", "k"]);
        for hay in [
            "ushers",
            "she said his hers",
            "",
            "ééé",
            "API KEY key kEy",
            "kakbkckdkekfkgkhk",
        ] {
            assert_eq!(trie_all(&lits, hay), naive(&lits, hay), "{hay:?}");
        }
    }

    #[test]
    fn duplicate_literals_both_report() {
        let got = trie_all(&["ab", "ab"], "xab");
        assert_eq!(got, [(0, 1, 3), (1, 1, 3)]);
    }
}
