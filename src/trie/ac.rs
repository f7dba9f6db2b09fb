//! An Aho-Corasick automaton with standard semantics: the trie with
//! failure links. Every filter builds three (rule keywords, context
//! words, stopwords: ~5,000 states), and the `aho-corasick` crate's
//! noncontiguous NFA spent ~2,000 instructions a state on them
//! (densified states, byte classes, a shuffle that renumbers every
//! transition), half of building a filter; the links here are found in
//! one breadth-first pass over the trie, and the whole build costs about
//! a fifth of that, with as fast a search.
//!
//! It reports what the crate's automaton reports with
//! `MatchKind::Standard`, in the same order (`literals` tests compare
//! them):
//! - overlapping: at each end offset, the literals ending there, the
//!   longest first (a state's own literals in input order, then those of
//!   its failure state's list);
//! - non-overlapping: the first literal to end (the first of that list),
//!   then the search restarts after it.
//!
//! Empty literals never match (the crate's automaton matches them
//! everywhere; no set here has one that could).

use super::tree::Trie;

/// Per state: the failure link (the state of the longest proper suffix
/// of the state's string that is a state), with [`OWN`] when literals
/// end at the state itself, and the output link (the nearest state on
/// the failure chain that ends literals; 0: none).
#[derive(Clone, Copy, Debug, Default)]
struct Links {
    fail: u32,
    out: u32,
}

/// Flag on `Links::fail`: literals end at this state. States number
/// fewer than 2^31 (they are at most the literals' bytes).
const OWN: u32 = 1 << 31;

/// The automaton.
#[derive(Clone, Debug)]
pub(crate) struct Ac {
    trie: Trie,
    links: Vec<Links>,
    /// Length of each literal.
    lens: Vec<u32>,
}

impl Ac {
    /// The automaton of `literals`.
    pub(crate) fn new<S: AsRef<[u8]>>(literals: &[S]) -> Ac {
        let trie = Trie::new(literals);
        let lens = literals.iter().map(|l| l.as_ref().len() as u32).collect();
        let mut links = vec![Links::default(); trie.len()];
        // Breadth first, so a child's failure state (shallower) is
        // linked before the child. The root's children fail to the root.
        let mut queue: Vec<u32> = Vec::with_capacity(trie.len());
        let mut kids = Vec::new();
        trie.kids(0, &mut kids);
        for &(_, kid) in &kids {
            if let Some(l) = links.get_mut(kid as usize) {
                l.fail = if trie.outs(kid).is_empty() { 0 } else { OWN };
            }
            queue.push(kid);
        }
        let mut head = 0;
        let mut ac = Ac { trie, links: Vec::new(), lens };
        while let Some(&s) = queue.get(head) {
            head += 1;
            ac.trie.kids(s, &mut kids);
            let fail_of_s = links.get(s as usize).map_or(0, |l| l.fail & !OWN);
            for &(b, kid) in &kids {
                let fail = ac.step(&links, fail_of_s, b);
                let out = if ac.trie.outs(fail).is_empty() {
                    links.get(fail as usize).map_or(0, |l| l.out)
                } else {
                    fail
                };
                let own = if ac.trie.outs(kid).is_empty() { 0 } else { OWN };
                if let Some(l) = links.get_mut(kid as usize) {
                    *l = Links { fail: fail | own, out };
                }
                queue.push(kid);
            }
        }
        ac.links = links;
        ac
    }

    /// The state after reading `b` in state `s`.
    #[inline(always)]
    fn step(&self, links: &[Links], mut s: u32, b: u8) -> u32 {
        loop {
            let to = self.trie.child(s, b);
            if to != 0 || s == 0 {
                return to;
            }
            s = links.get(s as usize).map_or(0, |l| l.fail & !OWN);
        }
    }

    /// The state reporting the first literal that ends on reaching `s`:
    /// `s` itself or its output link; 0: none.
    #[inline(always)]
    fn reporter(&self, s: u32) -> u32 {
        match self.links.get(s as usize) {
            Some(l) if l.fail & OWN != 0 => s,
            Some(l) => l.out,
            None => 0,
        }
    }

    fn len(&self, literal: u32) -> usize {
        self.lens.get(literal as usize).copied().unwrap_or(0) as usize
    }

    /// Every occurrence of every literal as (literal, start, end), by
    /// end, then longest first; `folded`: in `hay` read as ASCII
    /// lowercase (same offsets), what a set of lowercase literals finds
    /// in the lowercased text, without a copy of it.
    pub(crate) fn overlapping<'a>(
        &'a self,
        hay: &'a [u8],
        folded: bool,
    ) -> Overlapping<'a> {
        let read = if folded { &LOWER } else { &SAME };
        Overlapping { ac: self, hay, at: 0, state: 0, out: 0, k: 0, read }
    }

    /// The first literal to end after `from` (ties: the first of its
    /// state's list, the longest), as (literal, start, end).
    pub(crate) fn first(
        &self,
        hay: &[u8],
        from: usize,
    ) -> Option<(usize, usize, usize)> {
        let mut s = 0u32;
        for (i, &b) in hay.iter().enumerate().skip(from) {
            s = self.step(&self.links, s, b);
            let r = self.reporter(s);
            if let Some(&lit) = self.trie.outs(r).first() {
                let end = i + 1;
                return Some((lit as usize, end - self.len(lit), end));
            }
        }
        None
    }

    /// The leftmost literal at or after `from`, the longest of those
    /// (ties: the first given), as (literal, start, end). The first
    /// literal to end starts at `s` (found by one scan from `from`); no
    /// match starts after `s` before one at or before it, so the starts
    /// from `from` to `s` are tried in order, each by a walk down the
    /// trie. A caller that goes on from the match's end (at or after the
    /// first end) scans each byte once and walks from each start once,
    /// a walk at most the longest literal long: linear, and no list of
    /// the overlapping matches (nested literals make it quadratic).
    pub(crate) fn leftmost_longest(
        &self,
        hay: &[u8],
        from: usize,
    ) -> Option<(usize, usize, usize)> {
        let (_, first_start, _) = self.first(hay, from)?;
        for start in from..=first_start {
            let mut best: Option<(usize, usize)> = None;
            self.trie.matches_at(hay, start, &mut |lit, end| {
                if best.is_none_or(|(_, e)| end > e) {
                    best = Some((lit, end));
                }
            });
            if let Some((lit, end)) = best {
                return Some((lit, start, end));
            }
        }
        None
    }
}

/// See [`Ac::overlapping`].
pub(crate) struct Overlapping<'a> {
    ac: &'a Ac,
    hay: &'a [u8],
    /// Bytes read.
    at: usize,
    state: u32,
    /// The state whose literals are being reported (0: none), and the
    /// next of them.
    out: u32,
    k: usize,
    /// Each byte as read: itself, or in ASCII lowercase.
    read: &'static [u8; 256],
}

/// Each byte as itself, and in ASCII lowercase: what [`Overlapping`]
/// reads (one load a byte either way).
static SAME: [u8; 256] = table(false);
static LOWER: [u8; 256] = table(true);

const fn table(lower: bool) -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if lower { b.to_ascii_lowercase() } else { b };
        i += 1;
    }
    t
}

impl Iterator for Overlapping<'_> {
    type Item = (usize, usize, usize);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize, usize)> {
        let ac = self.ac;
        loop {
            if self.out != 0 {
                if let Some(&lit) = ac.trie.outs(self.out).get(self.k) {
                    self.k += 1;
                    return Some((
                        lit as usize,
                        self.at - ac.len(lit),
                        self.at,
                    ));
                }
                self.k = 0;
                self.out =
                    ac.links.get(self.out as usize).map_or(0, |l| l.out);
                continue;
            }
            let &b = self.hay.get(self.at)?;
            let b = self.read[usize::from(b)];
            self.at += 1;
            self.state = ac.step(&ac.links, self.state, b);
            self.out = ac.reporter(self.state);
        }
    }
}
