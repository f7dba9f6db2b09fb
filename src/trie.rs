//! A set of byte literals as a trie, searched from chosen starts.
//!
//! Owns literal matching where the caller knows where a match may start
//! (injection phrases: word starts) or where most bytes start no literal
//! (role markers such as `<|im_start|>`): the root is a 256-entry table, so
//! a byte that begins no literal costs one lookup. Every occurrence of
//! every literal is reported, overlapping ones included, like an
//! Aho-Corasick overlapping search, without building failure links
//! (millions of instructions per filter). Not for literals that start at
//! most bytes of prose (the rule keywords): there the walk from every byte
//! cost ~10% more than the automaton. Depends on nothing else in the
//! crate.

/// The literals, as a trie.
/// Nodes with this many children or more get a 256-entry table.
const DENSE_FROM: usize = 6;
const NOT_DENSE: u32 = u32::MAX;

#[derive(Debug)]
pub(crate) struct Trie {
    /// ASCII letters match either case (literals are stored folded).
    fold: bool,
    /// The root's child for each (folded) byte; 0: none.
    root: Box<[u32; 256]>,
    /// Children of node `n`: `edges[first[n]..first[n + 1]]`, or, for a
    /// node with many (keywords fan out after their first letters), a
    /// 256-entry table at `tables[dense[n]..]`.
    first: Vec<u32>,
    dense: Vec<u32>,
    tables: Vec<u32>,
    edges: Vec<(u8, u32)>,
    /// Literals ending at node `n`: `outs[out_first[n]..out_first[n + 1]]`.
    out_first: Vec<u32>,
    outs: Vec<u32>,
}

impl Trie {
    /// A trie of `literals`; with `fold`, ASCII letters match either case.
    /// Empty literals never match.
    pub(crate) fn new<S: AsRef<[u8]>>(literals: &[S], fold: bool) -> Trie {
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut ends: Vec<Vec<u32>> = vec![Vec::new()];
        for (i, lit) in literals.iter().enumerate() {
            let lit = lit.as_ref();
            if lit.is_empty() {
                continue;
            }
            let mut node = 0usize;
            for &b in lit {
                let b = if fold { b.to_ascii_lowercase() } else { b };
                node = match children[node].iter().find(|e| e.0 == b) {
                    Some(&(_, to)) => to as usize,
                    None => {
                        let to = children.len();
                        children[node].push((b, to as u32));
                        children.push(Vec::new());
                        ends.push(Vec::new());
                        to
                    }
                };
            }
            ends[node].push(i as u32);
        }
        let mut root = Box::new([0u32; 256]);
        for &(b, to) in &children[0] {
            root[usize::from(b)] = to;
        }
        let mut trie = Trie {
            fold,
            root,
            first: Vec::with_capacity(children.len() + 1),
            dense: Vec::with_capacity(children.len()),
            tables: Vec::new(),
            edges: Vec::new(),
            out_first: Vec::with_capacity(children.len() + 1),
            outs: Vec::new(),
        };
        for (kids, end) in children.into_iter().zip(ends) {
            if kids.len() >= DENSE_FROM {
                let at = trie.tables.len();
                trie.dense.push(at as u32);
                trie.tables.resize(at + 256, 0);
                for &(b, to) in &kids {
                    trie.tables[at + usize::from(b)] = to;
                }
            } else {
                trie.dense.push(NOT_DENSE);
            }
            trie.first.push(trie.edges.len() as u32);
            trie.edges.extend(kids);
            trie.out_first.push(trie.outs.len() as u32);
            trie.outs.extend(end);
        }
        trie.first.push(trie.edges.len() as u32);
        trie.out_first.push(trie.outs.len() as u32);
        trie
    }

    #[inline(always)]
    fn key(&self, b: u8) -> usize {
        usize::from(if self.fold { b.to_ascii_lowercase() } else { b })
    }

    /// Calls `found(literal, end)` for every literal that starts at
    /// `start` of `hay`, by increasing end.
    #[inline]
    pub(crate) fn matches_at(
        &self,
        hay: &[u8],
        start: usize,
        found: &mut impl FnMut(usize, usize),
    ) {
        let Some(&b) = hay.get(start) else { return };
        let mut node = self.root[self.key(b)] as usize;
        if node == 0 {
            return;
        }
        let mut end = start + 1;
        loop {
            let lo = self.out_first.get(node).copied().unwrap_or(0) as usize;
            let hi =
                self.out_first.get(node + 1).copied().unwrap_or(0) as usize;
            for &lit in self.outs.get(lo..hi).unwrap_or(&[]) {
                found(lit as usize, end);
            }
            let Some(&b) = hay.get(end) else { return };
            let b = self.key(b);
            let dense = self.dense.get(node).copied().unwrap_or(NOT_DENSE);
            let to = if dense != NOT_DENSE {
                self.tables.get(dense as usize + b).copied().unwrap_or(0)
            } else {
                let lo = self.first.get(node).copied().unwrap_or(0) as usize;
                let hi =
                    self.first.get(node + 1).copied().unwrap_or(0) as usize;
                let kids = self.edges.get(lo..hi).unwrap_or(&[]);
                kids.iter().find(|e| usize::from(e.0) == b).map_or(0, |e| e.1)
            };
            if to == 0 {
                return;
            }
            node = to as usize;
            end += 1;
        }
    }

    /// Calls `found(literal, start, end)` for every occurrence of every
    /// literal in `hay`, by start, then end.
    pub(crate) fn find_all(
        &self,
        hay: &[u8],
        mut found: impl FnMut(usize, usize, usize),
    ) {
        for (start, &b) in hay.iter().enumerate() {
            if self.root[self.key(b)] != 0 {
                self.matches_at(hay, start, &mut |lit, end| {
                    found(lit, start, end)
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every occurrence, by brute force.
    fn naive(
        lits: &[&str],
        hay: &str,
        fold: bool,
    ) -> Vec<(usize, usize, usize)> {
        let norm = |s: &str| {
            if fold {
                s.to_ascii_lowercase()
            } else {
                s.to_string()
            }
        };
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

    fn trie_all(
        lits: &[&str],
        hay: &str,
        fold: bool,
    ) -> Vec<(usize, usize, usize)> {
        let t = Trie::new(lits, fold);
        let mut out = Vec::new();
        t.find_all(hay.as_bytes(), |i, s, e| out.push((i, s, e)));
        out.sort_by_key(|&(i, s, e)| (s, e, i));
        out
    }

    #[test]
    fn finds_every_overlapping_occurrence() {
        let lits = ["he", "she", "hers", "his", "", "s", "é", "Key"];
        for hay in
            ["ushers", "she said his hers", "", "ééé", "API KEY key kEy"]
        {
            for fold in [false, true] {
                assert_eq!(
                    trie_all(&lits, hay, fold),
                    naive(&lits, hay, fold),
                    "{hay:?} fold={fold}"
                );
            }
        }
    }

    #[test]
    fn duplicate_literals_both_report() {
        let got = trie_all(&["ab", "ab"], "xab", false);
        assert_eq!(got, [(0, 1, 3), (1, 1, 3)]);
    }
}
