//! The trie: built from linked lists, then laid out one array a kind
//! (children of sparse nodes side by side, 256-entry tables for nodes
//! with many) so a step of a walk reads one node.

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

/// The literals, as a trie. Node 0 is the root; 0 as a child is "none".
#[derive(Clone, Debug)]
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

/// A node while the trie is built: children as a list (first child,
/// next sibling), so adding a node allocates nothing.
#[derive(Clone, Copy, Default)]
struct Building {
    first: u32,
    next: u32,
    byte: u8,
    /// First and last literal ending here (+1; 0: none); more than one
    /// (a literal given twice) are chained in `next_same`.
    out: u32,
    last: u32,
}

/// The deepest node of `t` on `lit`'s path (0: the root) and how many
/// of its bytes lead there.
#[inline(never)]
fn walk(t: &[Building], root: &[u32; 256], lit: &[u8]) -> (usize, usize) {
    let Some(&first) = lit.first() else {
        return (0, 0);
    };
    let mut node = root[usize::from(first)] as usize;
    if node == 0 {
        return (0, 0);
    }
    let mut depth = 1;
    while let Some(&b) = lit.get(depth) {
        let mut k = t.get(node).map_or(0, |n| n.first as usize);
        while let Some(n) = t.get(k).filter(|n| k != 0 && n.byte != b) {
            k = n.next as usize;
        }
        if k == 0 {
            break;
        }
        node = k;
        depth += 1;
    }
    (node, depth)
}

/// Adds the nodes of `rest` below `node` (none of them there yet) and
/// returns the last.
#[inline(never)]
fn grow(
    t: &mut Vec<Building>,
    root: &mut [u32; 256],
    mut node: usize,
    rest: &[u8],
) -> usize {
    for &b in rest {
        let k = t.len();
        let next = if node == 0 {
            root[usize::from(b)] = k as u32;
            0
        } else {
            t.get_mut(node)
                .map_or(0, |n| std::mem::replace(&mut n.first, k as u32))
        };
        t.push(Building { next, byte: b, ..Building::default() });
        node = k;
    }
    node
}

impl Trie {
    /// A trie of `literals`. Empty literals never match. Nodes number
    /// at most the literals' total bytes, which must fit a `u32`.
    pub(crate) fn new<S: AsRef<[u8]>>(literals: &[S]) -> Trie {
        let total: usize = literals.iter().map(|l| l.as_ref().len()).sum();
        let mut t: Vec<Building> = Vec::with_capacity(total + 1);
        t.push(Building::default());
        // Per literal (+1): the next literal ending at the same node.
        let mut next_same: Vec<u32> = vec![0; literals.len()];
        let mut root = Box::new([0u32; 256]);
        for (i, lit) in literals.iter().enumerate() {
            let lit = lit.as_ref();
            if lit.is_empty() {
                continue;
            }
            // The walk down what is there, then the nodes that are not,
            // each out of line (issue 16): one loop over the literals'
            // bytes that did both took this build over V8's tier-up
            // budget in a cold start (the constructor's keyword automata,
            // the first screen's injection tables).
            let (node, depth) = walk(&t, &root, lit);
            let node = match lit.get(depth..) {
                Some(rest) if !rest.is_empty() => {
                    grow(&mut t, &mut root, node, rest)
                }
                _ => node,
            };
            let last = std::mem::replace(&mut t[node].last, i as u32 + 1);
            match next_same.get_mut((last as usize).wrapping_sub(1)) {
                Some(prev) => *prev = i as u32 + 1,
                None => t[node].out = i as u32 + 1,
            }
        }
        let mut trie = Trie {
            root,
            nodes: Vec::with_capacity(t.len()),
            edge_bytes: Vec::with_capacity(t.len()),
            edge_to: Vec::with_capacity(t.len()),
            tables: Vec::new(),
            outs: Vec::with_capacity(literals.len()),
        };
        let mut kids: Vec<(u8, u32)> = Vec::new();
        // Each node laid out out of line (issue 16): inline, this loop
        // took the build of the injection tables over V8's tier-up budget
        // in the first screen.
        for b in &t {
            trie.lay_out(b, &t, &next_same, &mut kids);
        }
        trie
    }

    /// Appends the node built as `b` (of `t`), its literals and children.
    #[inline(never)]
    fn lay_out(
        &mut self,
        b: &Building,
        t: &[Building],
        next_same: &[u32],
        kids: &mut Vec<(u8, u32)>,
    ) {
        let trie = self;
        let mut node =
            Node { out_at: trie.outs.len() as u32, ..Node::default() };
        let mut lit = b.out;
        while lit != 0 {
            trie.outs.push(lit - 1);
            lit = next_same.get(lit as usize - 1).copied().unwrap_or(0);
        }
        // Literals are a few thousand per trie.
        node.n_outs = (trie.outs.len() - node.out_at as usize)
            .min(usize::from(u16::MAX)) as u16;
        kids.clear();
        let mut k = b.first as usize;
        while let Some(kid) = t.get(k).filter(|_| k != 0) {
            kids.push((kid.byte, k as u32));
            k = kid.next as usize;
        }
        // The list holds the children newest first.
        kids.reverse();
        if kids.len() >= DENSE_FROM {
            node.kids = trie.tables.len() as u32;
            node.n_kids = DENSE;
            let at = trie.tables.len();
            trie.tables.resize(at + 256, 0);
            for &(b, to) in kids.iter() {
                trie.tables[at + usize::from(b)] = to;
            }
        } else {
            node.kids = trie.edge_bytes.len() as u32;
            node.n_kids = kids.len() as u16;
            for &(b, to) in kids.iter() {
                trie.edge_bytes.push(b);
                trie.edge_to.push(to);
            }
        }
        trie.nodes.push(node);
    }

    /// Number of nodes, the root included.
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The child of `node` on `b`; 0: none.
    #[inline(always)]
    pub(crate) fn child(&self, node: u32, b: u8) -> u32 {
        if node == 0 {
            return self.root[usize::from(b)];
        }
        match self.nodes.get(node as usize) {
            Some(n) => self.next(n, b),
            None => 0,
        }
    }

    /// The child of a node other than the root on `b`; 0: none.
    #[inline(always)]
    fn next(&self, n: &Node, b: u8) -> u32 {
        let kids = n.kids as usize;
        if n.n_kids == DENSE {
            return self
                .tables
                .get(kids + usize::from(b))
                .copied()
                .unwrap_or(0);
        }
        let bytes = self.edge_bytes.get(kids..kids + usize::from(n.n_kids));
        match bytes.and_then(|e| e.iter().position(|&e| e == b)) {
            Some(k) => self.edge_to.get(kids + k).copied().unwrap_or(0),
            None => 0,
        }
    }

    /// The children of `node` as (byte, child).
    pub(crate) fn kids(&self, node: u32, out: &mut Vec<(u8, u32)>) {
        out.clear();
        if node == 0 {
            let kids = self.root.iter().enumerate();
            out.extend(kids.filter(|k| *k.1 != 0).map(|(b, &k)| (b as u8, k)));
            return;
        }
        let Some(n) = self.nodes.get(node as usize) else { return };
        let kids = n.kids as usize;
        if n.n_kids == DENSE {
            let table = self.tables.get(kids..kids + 256).unwrap_or(&[]);
            let kids = table.iter().enumerate();
            out.extend(kids.filter(|k| *k.1 != 0).map(|(b, &k)| (b as u8, k)));
        } else {
            let n = usize::from(n.n_kids);
            let bytes = self.edge_bytes.get(kids..kids + n).unwrap_or(&[]);
            let to = self.edge_to.get(kids..kids + n).unwrap_or(&[]);
            out.extend(bytes.iter().copied().zip(to.iter().copied()));
        }
    }

    /// The literals ending at `node`, in input order.
    #[inline(always)]
    pub(crate) fn outs(&self, node: u32) -> &[u32] {
        match self.nodes.get(node as usize) {
            Some(n) => self.outs_of(n),
            None => &[],
        }
    }

    #[inline(always)]
    fn outs_of(&self, n: &Node) -> &[u32] {
        let at = n.out_at as usize;
        self.outs.get(at..at + usize::from(n.n_outs)).unwrap_or(&[])
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
        let mut node = self.root[usize::from(b)];
        let mut end = start + 1;
        while node != 0 {
            let Some(n) = self.nodes.get(node as usize) else { return };
            if n.n_outs != 0 {
                for &lit in self.outs_of(n) {
                    found(lit as usize, end);
                }
            }
            let Some(&b) = hay.get(end) else { return };
            node = self.next(n, b);
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
