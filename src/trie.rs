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

/// Nodes with this many children or more get a 256-entry table.
const DENSE_FROM: usize = 6;
/// `Node::n_kids` of a node whose children are a table.
const DENSE: u16 = u16::MAX;

/// One trie node: where its children and the literals ending at it are.
/// Kept in one array so a step of the walk reads one node.
#[derive(Clone, Copy, Debug, Default)]
struct Node {
    /// First child in `edge_bytes`/`edge_to`, or, for a dense node, the
    /// node's 256-entry table in `tables`.
    kids: u32,
    /// Number of children, or [`DENSE`].
    n_kids: u16,
    /// Number of literals ending here, at `outs[out_at..]`.
    n_outs: u16,
    out_at: u32,
}

/// The literals, as a trie.
#[derive(Debug)]
pub(crate) struct Trie {
    /// The root's child for each byte; 0: none.
    root: Box<[u32; 256]>,
    nodes: Vec<Node>,
    /// Children of sparse nodes: the byte and the child, side by side.
    edge_bytes: Vec<u8>,
    edge_to: Vec<u32>,
    /// Children of dense nodes (keywords fan out after their first
    /// letters), 256 per node; 0: none.
    tables: Vec<u32>,
    outs: Vec<u32>,
}

impl Trie {
    /// A trie of `literals`. Empty literals never match.
    pub(crate) fn new<S: AsRef<[u8]>>(literals: &[S]) -> Trie {
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut ends: Vec<Vec<u32>> = vec![Vec::new()];
        for (i, lit) in literals.iter().enumerate() {
            let lit = lit.as_ref();
            if lit.is_empty() {
                continue;
            }
            let mut node = 0usize;
            for &b in lit {
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
            root,
            nodes: Vec::with_capacity(children.len()),
            edge_bytes: Vec::new(),
            edge_to: Vec::new(),
            tables: Vec::new(),
            outs: Vec::new(),
        };
        for (kids, end) in children.into_iter().zip(ends) {
            let mut node = Node {
                out_at: trie.outs.len() as u32,
                // Literals are a few hundred per trie.
                n_outs: end.len().min(usize::from(u16::MAX)) as u16,
                ..Node::default()
            };
            trie.outs.extend(end);
            if kids.len() >= DENSE_FROM {
                node.kids = trie.tables.len() as u32;
                node.n_kids = DENSE;
                let at = trie.tables.len();
                trie.tables.resize(at + 256, 0);
                for &(b, to) in &kids {
                    trie.tables[at + usize::from(b)] = to;
                }
            } else {
                node.kids = trie.edge_bytes.len() as u32;
                node.n_kids = kids.len() as u16;
                for (b, to) in kids {
                    trie.edge_bytes.push(b);
                    trie.edge_to.push(to);
                }
            }
            trie.nodes.push(node);
        }
        trie
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
        let mut node = self.root[usize::from(b)] as usize;
        let mut end = start + 1;
        while node != 0 {
            let Some(n) = self.nodes.get(node) else { return };
            if n.n_outs != 0 {
                let at = n.out_at as usize;
                let outs = self.outs.get(at..at + usize::from(n.n_outs));
                for &lit in outs.unwrap_or(&[]) {
                    found(lit as usize, end);
                }
            }
            let Some(&b) = hay.get(end) else { return };
            let kids = n.kids as usize;
            node = if n.n_kids == DENSE {
                self.tables.get(kids + usize::from(b)).copied().unwrap_or(0)
            } else {
                let bytes =
                    self.edge_bytes.get(kids..kids + usize::from(n.n_kids));
                match bytes.and_then(|e| e.iter().position(|&e| e == b)) {
                    Some(k) => {
                        self.edge_to.get(kids + k).copied().unwrap_or(0)
                    }
                    None => 0,
                }
            } as usize;
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
            if self.root[usize::from(b)] != 0 {
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
