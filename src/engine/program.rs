//! An exact matcher for simple rule patterns, in place of the PikeVM at
//! the candidate positions of `search`.
//!
//! regex-lite's PikeVM steps every live thread through every byte: ~20K
//! instructions for `credit-card` at a position of "4111 4111 …", where
//! the Luhn-valid numbers make every group a real candidate. A pattern of
//! ASCII chars and classes, groups, alternation, greedy repeats, `\b`
//! and `\B` (about 200 of the built-in rules) compiles to a small
//! Thompson program searched by backtracking with a visited table, as
//! regex's bounded backtracker does: leftmost-first, each (instruction,
//! position) pair explored once, so a search costs at most instructions
//! × positions steps, a bounded table per rule.

use super::syntax::{self, first_set, max_len, ByteSet, Node};

/// Reads `pattern`'s [`Program`]; `None` unless every construct is one
/// the program represents exactly (ASCII chars and classes, groups,
/// alternation, greedy repeats, `\b`, `\B`, the `i` flag) and the
/// program is small enough for its visited table.
pub(crate) fn program(pattern: &str) -> Option<Program> {
    let node = syntax::exact(pattern)?;
    let span = max_len(&node)?.checked_add(PROGRAM_SLACK)?;
    let mut prog = Program { insts: Vec::new() };
    prog.emit(&node)?;
    prog.insts.push(Inst::Match);
    (prog.insts.len().checked_mul(span + 1)? <= PROGRAM_CELLS).then_some(prog)
}

/// Bytes past a pattern's longest match that [`Program::find`] may be
/// asked to see (the engine's search slack plus a char boundary).
const PROGRAM_SLACK: usize = 8;
/// Largest visited table (instructions × positions), in bits: 128 KB
/// (a search clears only the rows it reached: see [`Program::find`]).
const PROGRAM_CELLS: usize = 1 << 20;
/// Most instructions a program may have.
const PROGRAM_INSTS: usize = 1024;

#[derive(Clone, Copy)]
enum Inst {
    /// One byte of the set.
    Byte(ByteSet),
    /// Try the first, then the second.
    Split(u32, u32),
    /// A [`Inst::Split`] of an alternation after its first branch:
    /// reached only from the split before it (its second branch).
    Alt(u32, u32),
    Jump(u32),
    /// `[set]{lo,hi}` greedy, one byte a step: the longest run first,
    /// then each shorter one down to `lo` (as the repeat written out
    /// would try them, without its instructions per iteration).
    Run(ByteSet, u16, u16),
    /// `[set]{lo,hi}?` lazy: the shortest run first, then each longer
    /// one up to `hi` (or as far as the bytes are in the set).
    Lazy(ByteSet, u16, u16),
    /// `\b` (true) or `\B` (false), ASCII word bytes.
    Boundary(bool),
    /// `$` without multi-line mode: the end of the haystack.
    End,
    Match,
}

/// An exact matcher for simple ASCII patterns: a backtracking search
/// over a Thompson program with leftmost-first priorities, as regex's
/// bounded backtracker does. Each (instruction, position) pair is
/// explored once per search, so one search costs at most
/// instructions × positions steps (bounded by [`PROGRAM_CELLS`]),
/// a fraction of a PikeVM run, which steps every live thread through
/// every byte. Gives the same match end as the regex (a test compares
/// them on every built-in rule).
pub(crate) struct Program {
    insts: Vec<Inst>,
}

// Not derived: the instructions say nothing useful in a rule's dump.
impl std::fmt::Debug for Program {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Program")
    }
}

/// Memory a [`Program`] search reuses: the visited table and the stack.
#[derive(Default)]
pub(crate) struct Scratch {
    visited: Vec<u64>,
    stack: Vec<(u32, u32)>,
    /// Words of `visited` the last search may have set.
    dirty: usize,
}

/// The byte set of `n` when it is one byte (a width-1 char).
fn single_byte(n: &Node) -> Option<ByteSet> {
    match n {
        Node::Char { first, width: 1, .. } => Some(*first),
        _ => None,
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl Program {
    fn here(&self) -> u32 {
        self.insts.len() as u32
    }

    fn patch(&mut self, at: usize, to: u32) {
        match self.insts.get_mut(at) {
            Some(Inst::Split(_, b) | Inst::Alt(_, b)) => *b = to,
            Some(Inst::Jump(a)) => *a = to,
            _ => {}
        }
    }

    // The alternation and the general repeat out of line: `emit` recurses
    // once per node of ~80 patterns at a cold start's first screen, and
    // V8 charges each return the code before it; with them inline it sent
    // `emit` to TurboFan there.
    #[inline(never)]
    fn alt(&mut self, v: &[Node]) -> Option<()> {
        let mut ends = Vec::new();
        for (i, x) in v.iter().enumerate() {
            if i + 1 == v.len() {
                self.emit(x)?;
                break;
            }
            let split = self.insts.len();
            let a = self.here() + 1;
            self.insts.push(if i == 0 {
                Inst::Split(a, 0)
            } else {
                Inst::Alt(a, 0)
            });
            self.emit(x)?;
            ends.push(self.insts.len());
            self.insts.push(Inst::Jump(0));
            let next = self.here();
            self.patch(split, next);
        }
        let end = self.here();
        for e in ends {
            self.patch(e, end);
        }
        Some(())
    }

    #[inline(never)]
    fn repeat(
        &mut self,
        x: &Node,
        lo: usize,
        hi: Option<usize>,
    ) -> Option<()> {
        for _ in 0..lo {
            self.emit(x)?;
        }
        match hi {
            // An empty iteration would be cut short by the
            // visited table where the regex loops once more.
            None if first_set(x, &mut ByteSet::default()) => return None,
            None => {
                let top = self.here();
                self.insts.push(Inst::Split(top + 1, 0));
                self.emit(x)?;
                self.insts.push(Inst::Jump(top));
                let out = self.here();
                self.patch(top as usize, out);
            }
            Some(hi) => {
                // x{0,k} as (?:x(?:x(?:x)?)?)?, every exit to
                // one end.
                let mut splits = Vec::new();
                for _ in lo..hi {
                    if self.insts.len() > PROGRAM_INSTS {
                        return None;
                    }
                    splits.push(self.insts.len());
                    self.insts.push(Inst::Split(self.here() + 1, 0));
                    self.emit(x)?;
                }
                let end = self.here();
                for s in splits {
                    self.patch(s, end);
                }
            }
        }
        Some(())
    }

    fn emit(&mut self, n: &Node) -> Option<()> {
        if self.insts.len() > PROGRAM_INSTS {
            return None;
        }
        match n {
            Node::Empty => {}
            Node::Assert('b') => self.insts.push(Inst::Boundary(true)),
            Node::Assert('B') => self.insts.push(Inst::Boundary(false)),
            // Not multi-line (`syntax::exact`): the end of the text.
            Node::Assert('$' | 'z') => self.insts.push(Inst::End),
            Node::Assert(_) => return None,
            Node::Char { first, width, .. } => {
                // Width 1: one byte of the set (an ASCII char, or one
                // byte of a non-ASCII char's UTF-8 form, `syntax`).
                if *width != 1 {
                    return None;
                }
                self.insts.push(Inst::Byte(*first));
            }
            Node::Concat(v) => {
                for x in v {
                    self.emit(x)?;
                }
            }
            Node::Alt(v) => self.alt(v)?,
            Node::Repeat(x, lo, Some(hi), lazy)
                if single_byte(x).is_some() =>
            {
                let set = single_byte(x)?;
                let lo = u16::try_from(*lo).ok()?;
                let hi = u16::try_from(*hi).ok()?;
                self.insts.push(if *lazy {
                    Inst::Lazy(set, lo, hi)
                } else {
                    Inst::Run(set, lo, hi)
                });
            }
            // Other lazy repeats: not represented.
            Node::Repeat(_, _, _, true) => return None,
            Node::Repeat(x, lo, hi, false) => self.repeat(x, *lo, *hi)?,
        }
        Some(())
    }

    /// The end of the leftmost-first match starting at `at`, reading
    /// `hay` (the byte before `at`, when there is one, for `\b`; the end
    /// of `hay` is the end of the text, as for a regex searching `hay`).
    /// Costs at most instructions × (`hay.len() - at` + 1) steps: the
    /// caller hands it at most the pattern's longest match plus slack.
    /// Out of line: inlined in the search's visit, its loops made V8 send
    /// the whole visit (1.9 KB of wasm) to TurboFan during a cold start's
    /// first screen; alone, the visit stays in Liftoff code there.
    #[inline(never)]
    pub(crate) fn find(
        &self,
        hay: &[u8],
        at: usize,
        scratch: &mut Scratch,
    ) -> Option<usize> {
        let len = hay.len();
        len.checked_sub(at)?;
        let Scratch { visited, stack, dirty } = scratch;
        // The table is laid out a position at a time (cell = offset ×
        // instructions + instruction), and only the words the last
        // search reached are cleared: a search that dies within a few
        // bytes costs a few rows, however long the pattern's reach.
        if let Some(d) = visited.get_mut(..*dirty) {
            d.fill(0);
        }
        stack.clear();
        stack.push((0, at as u32));
        let mut top = 0;
        let found = self.run(hay, at, visited, stack, &mut top);
        *dirty = top;
        found
    }

    /// The search of [`Program::find`]; `top`: one past the last word of
    /// `visited` it set.
    fn run(
        &self,
        hay: &[u8],
        at: usize,
        visited: &mut Vec<u64>,
        stack: &mut Vec<(u32, u32)>,
        top: &mut usize,
    ) -> Option<usize> {
        let (len, n) = (hay.len(), self.insts.len());
        while let Some((ip, pos)) = stack.pop() {
            let (mut ip, mut pos) = (ip as usize, pos as usize);
            loop {
                let cell = (pos - at) * n + ip;
                let (w, bit) = (cell / 64, 1u64 << (cell % 64));
                if w >= visited.len() {
                    visited.resize(w + 1, 0);
                }
                *top = (*top).max(w + 1);
                match visited.get_mut(w) {
                    Some(v) if *v & bit == 0 => *v |= bit,
                    _ => break,
                }
                match self.insts.get(ip) {
                    Some(Inst::Byte(set)) => match hay.get(pos) {
                        Some(&b) if set.contains(b) => {
                            ip += 1;
                            pos += 1;
                        }
                        _ => break,
                    },
                    Some(&(Inst::Split(a, b) | Inst::Alt(a, b))) => {
                        // A first branch that needs a byte it does not
                        // have here fails at once: go on with the second
                        // without the push (the branches of a long
                        // alternation of words, most of them). The
                        // alternation's next split is taken here, its
                        // cell unmarked: only this split leads to it, so
                        // no search reaches it twice at one position (the
                        // month names' chain of ~60 splits at every
                        // visit, issue 13).
                        let here = hay.get(pos).copied();
                        let (mut a, mut b) = (a as usize, b as usize);
                        loop {
                            let fails = match self.insts.get(a) {
                                Some(Inst::Byte(set)) => {
                                    !here.is_some_and(|c| set.contains(c))
                                }
                                _ => false,
                            };
                            if !fails {
                                stack.push((b as u32, pos as u32));
                                ip = a;
                                break;
                            }
                            match self.insts.get(b) {
                                Some(&Inst::Alt(a2, b2)) if b > ip => {
                                    ip = b;
                                    (a, b) = (a2 as usize, b2 as usize);
                                }
                                _ => {
                                    ip = b;
                                    break;
                                }
                            }
                        }
                    }
                    Some(&Inst::Jump(a)) => ip = a as usize,
                    Some(&Inst::Run(set, lo, hi)) => {
                        let (lo, run) =
                            (usize::from(lo), run_len(hay, pos, set, hi));
                        if run < lo {
                            break;
                        }
                        // The shorter runs, the shortest deepest in the
                        // stack: tried after the longest fails, longest
                        // first.
                        for k in lo..run {
                            stack.push((ip as u32 + 1, (pos + k) as u32));
                        }
                        ip += 1;
                        pos += run;
                    }
                    Some(&Inst::Lazy(set, lo, hi)) => {
                        let (lo, run) =
                            (usize::from(lo), run_len(hay, pos, set, hi));
                        if run < lo {
                            break;
                        }
                        // The longer runs, the longest deepest: tried
                        // after the shortest fails, shortest first.
                        for k in (lo + 1..=run).rev() {
                            stack.push((ip as u32 + 1, (pos + k) as u32));
                        }
                        ip += 1;
                        pos += lo;
                    }
                    Some(&Inst::Boundary(want)) => {
                        let before = pos > 0 && is_word_byte(hay[pos - 1]);
                        let after =
                            hay.get(pos).is_some_and(|&b| is_word_byte(b));
                        if (before != after) != want {
                            break;
                        }
                        ip += 1;
                    }
                    Some(Inst::End) if pos == len => ip += 1,
                    Some(Inst::Match) => return Some(pos),
                    Some(Inst::End) | None => break,
                }
            }
        }
        None
    }
}

/// How many bytes of `set` follow `pos` in `hay`, at most `hi`.
fn run_len(hay: &[u8], pos: usize, set: ByteSet, hi: u16) -> usize {
    let rest = hay.get(pos..).unwrap_or_default();
    let rest = &rest[..rest.len().min(usize::from(hi))];
    rest.iter().position(|&b| !set.contains(b)).unwrap_or(rest.len())
}
