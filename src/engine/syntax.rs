//! Facts about a rule pattern, read from its syntax.
//!
//! The matcher (regex-lite) is a PikeVM: correct and small but slow when it
//! scans. So the engine avoids scanning: it runs an *anchored* search only
//! at positions where a match could begin. That needs, per pattern:
//! - `max_len`: the longest match in bytes (also bounds the response stream
//!   hold-back); `None` when unbounded (`*`, `+`, `{n,}`);
//! - `min_digits`: ASCII digits every match contains, to skip digit runs
//!   that cannot hold a match;
//! - `first`: the bytes a match can start with (a superset), and whether
//!   the pattern starts with `\b`, whose left side the engine checks itself;
//! - a `shape::Shape` (on a rule's first use): a small automaton of a superset
//!   of the pattern that turns away, within a few bytes, positions whose
//!   following bytes cannot begin a match.
//!
//! Every fact is conservative: an unknown construct widens `first` to all
//! bytes, makes `max_len` unbounded or `min_digits` zero. Reading a pattern
//! never fails; a pattern regex-lite rejects is reported by the compiler.

/// What the engine needs to know about one pattern.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Facts {
    pub max_len: Option<usize>,
    pub min_digits: usize,
    /// The bytes a match may start with.
    pub first: ByteSet,
    /// The pattern can match the empty string (or this reader is unsure).
    pub nullable: bool,
    /// The pattern begins with `\b` (after leading flag groups).
    pub starts_with_boundary: bool,
    /// The bytes of `first` a match may start with on a path that passes
    /// no `\b` before its first char. A start at any other byte of
    /// `first` needs a word boundary before it: in a long run of digits,
    /// `(?:\b|[A-Z])\d{6}` can start only where the run starts.
    pub free: ByteSet,
    /// Starts with `^`/`\A`, or uses multi-line mode: anchored search at an
    /// offset would misread it, so the engine scans instead.
    pub needs_scan: bool,
    /// The pattern read as `H M D` ([`tail`]), when its longest match is
    /// longer than [`TAIL_MIN`] bytes.
    pub tail: Option<([u64; 4], usize, usize)>,
}

/// Longest match from which [`Facts::tail`] is read: a shorter one holds
/// little of a stream back anyway.
pub(crate) const TAIL_MIN: usize = 256;

#[derive(Clone, Debug)]
pub(crate) enum Node {
    Empty,
    /// One char from this byte-set (first byte of its UTF-8 form) and max
    /// width in bytes; `digit` when it can only be an ASCII digit.
    Char {
        first: ByteSet,
        width: usize,
        digit: bool,
    },
    /// Zero-width assertion: `\b`, `\B`, `^`, `$`, ...
    Assert(char),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    /// `x{lo,hi}`; lazy (`x{lo,hi}?`) when the flag is set: the same
    /// strings, other priorities (only `program` tells them apart).
    Repeat(Box<Node>, usize, Option<usize>, bool),
}

/// Reads `pattern`.
pub(crate) fn facts(pattern: &str) -> Facts {
    read(pattern).0
}

/// Reads `pattern`: its facts, and the pattern as [`parse`] reads it
/// (one reading for both: a search asks for a rule's facts, then its
/// shape, which is read from the same node).
pub(crate) fn read(pattern: &str) -> (Facts, Option<Node>) {
    let chars: Vec<char> = pattern.chars().collect();
    let mut p = Parser::new(&chars);
    let node = match p.alt() {
        Some(n) if p.pos == chars.len() => Some(n),
        _ => None,
    };
    let Some(node) = node else {
        let facts = Facts {
            max_len: None,
            min_digits: 0,
            first: ByteSet::all(),
            nullable: true,
            starts_with_boundary: false,
            free: ByteSet::all(),
            needs_scan: true,
            tail: None,
        };
        return (facts, None);
    };
    let mut first = ByteSet::default();
    let nullable = first_set(&node, &mut first);
    let lead = leading(&node);
    let mut free = ByteSet::default();
    first_bounded(&node, Exits { free: true, bounded: false }, &mut free);
    let max = max_len(&node);
    let facts = Facts {
        max_len: max,
        tail: if max.is_some_and(|n| n > TAIL_MIN) {
            tail(&node)
        } else {
            None
        },
        min_digits: min_digits(&node),
        first,
        nullable,
        starts_with_boundary: lead == Some('b'),
        free,
        needs_scan: p.multi_line || matches!(lead, Some('^') | Some('A')),
    };
    (facts, Some(node))
}

/// Reads `pattern` as far as the reader follows it (a superset where it
/// is not exact); `None` when it cannot (what `shape` reads).
pub(crate) fn parse(pattern: &str) -> Option<Node> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut p = Parser::new(&chars);
    let node = p.alt()?;
    (p.pos == chars.len()).then_some(node)
}

/// Reads `pattern` when every construct is one the reader represents
/// exactly (see `Parser::exact`): what `program` compiles.
pub(crate) fn exact(pattern: &str) -> Option<Node> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut p = Parser::new(&chars);
    let node = p.alt()?;
    (p.pos == chars.len() && p.exact && !p.multi_line).then_some(node)
}

pub(crate) fn max_len(n: &Node) -> Option<usize> {
    match n {
        Node::Empty | Node::Assert(_) => Some(0),
        Node::Char { width, .. } => Some(*width),
        Node::Concat(v) => v
            .iter()
            .try_fold(0usize, |a, x| Some(a.saturating_add(max_len(x)?))),
        Node::Alt(v) => {
            v.iter().try_fold(0usize, |a, x| Some(a.max(max_len(x)?)))
        }
        Node::Repeat(x, _, hi, _) => {
            let m = max_len(x)?;
            match hi {
                Some(h) => Some(m.saturating_mul(*h)),
                None if m == 0 => Some(0),
                None => None,
            }
        }
    }
}

fn min_digits(n: &Node) -> usize {
    match n {
        Node::Empty | Node::Assert(_) => 0,
        Node::Char { digit, .. } => usize::from(*digit),
        Node::Concat(v) => {
            v.iter().map(min_digits).fold(0, usize::saturating_add)
        }
        Node::Alt(v) => v.iter().map(min_digits).min().unwrap_or(0),
        Node::Repeat(x, lo, _, _) => min_digits(x).saturating_mul(*lo),
    }
}

/// Reads a pattern (`n`) as a concatenation `H M D` whose part `M`, the
/// longest of its top-level parts, cannot hold a space (the token of
/// most secret rules): the bytes `M`'s chars may start with, the longest
/// `H` and the longest `D`, in bytes. `None` when it is no such
/// concatenation or unbounded. The stream's hold-back reads it
/// (`response::guard`).
fn tail(n: &Node) -> Option<([u64; 4], usize, usize)> {
    let Node::Concat(items) = n else { return None };
    let (mut k, mut best, mut head, mut sum) = (0, 0, 0, 0usize);
    for (i, x) in items.iter().enumerate() {
        let len = max_len(x)?;
        if len > best {
            (k, best, head) = (i, len, sum);
        }
        sum = sum.saturating_add(len);
    }
    let mut set = ByteSet::default();
    chars(items.get(k)?, &mut set);
    let rest = sum.saturating_sub(head).saturating_sub(best);
    (!set.contains(b' ')).then_some((set.0, head, rest))
}

/// Adds the bytes every char of `n` may start with.
fn chars(n: &Node, set: &mut ByteSet) {
    match n {
        Node::Char { first, .. } => set.union(first),
        Node::Concat(v) | Node::Alt(v) => v.iter().for_each(|x| chars(x, set)),
        Node::Repeat(x, ..) => chars(x, set),
        Node::Empty | Node::Assert(_) => {}
    }
}

/// Adds the bytes `n` can start with; returns whether `n` can be empty.
pub(crate) fn first_set(n: &Node, set: &mut ByteSet) -> bool {
    match n {
        Node::Empty | Node::Assert(_) => true,
        Node::Char { first, .. } => {
            set.union(first);
            false
        }
        Node::Concat(v) => v.iter().all(|x| first_set(x, set)),
        Node::Alt(v) => v.iter().fold(false, |acc, x| first_set(x, set) | acc),
        Node::Repeat(x, lo, _, _) => first_set(x, set) || *lo == 0,
    }
}

/// How paths leave a node without reading a char: with or without a
/// `\b` passed on the way (both may hold).
#[derive(Clone, Copy, Default, PartialEq)]
struct Exits {
    free: bool,
    bounded: bool,
}

impl Exits {
    fn or(self, o: Exits) -> Exits {
        Exits { free: self.free | o.free, bounded: self.bounded | o.bounded }
    }
}

/// Adds to `free` the bytes `n` can start with on a path that entered
/// without a `\b` and passed none inside `n`.
/// Returns how empty paths through `n` leave it. Over-approximates the
/// free paths, which only makes `free` larger (sound).
fn first_bounded(n: &Node, entry: Exits, free: &mut ByteSet) -> Exits {
    match n {
        Node::Empty => entry,
        Node::Assert('b') => {
            if entry.free || entry.bounded {
                Exits { free: false, bounded: true }
            } else {
                Exits::default()
            }
        }
        Node::Assert(_) => entry,
        Node::Char { first, .. } => {
            if entry.free {
                free.union(first);
            }
            Exits::default()
        }
        Node::Concat(v) => {
            let mut cur = entry;
            for x in v {
                if cur == Exits::default() {
                    break;
                }
                cur = first_bounded(x, cur, free);
            }
            cur
        }
        Node::Alt(v) => v.iter().fold(Exits::default(), |acc, x| {
            acc.or(first_bounded(x, entry, free))
        }),
        Node::Repeat(x, lo, hi, _) => {
            // Two states only: three copies reach every combination.
            let mut out = if *lo == 0 { entry } else { Exits::default() };
            let mut cur = entry;
            for _ in 0..hi.unwrap_or(3).min(3) {
                cur = first_bounded(x, cur, free);
                out = out.or(cur);
            }
            out
        }
    }
}

/// A set of bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ByteSet([u64; 4]);

impl ByteSet {
    pub(crate) fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }
    /// Whether every byte of the set is an ASCII digit.
    pub(crate) fn is_digits(&self) -> bool {
        let digits = 0x03FF_u64 << b'0';
        self.0[0] & !digits == 0 && self.0[1] | self.0[2] | self.0[3] == 0
    }
    /// When every byte of the set is an ASCII word byte: whether it
    /// holds a digit, and whether a letter or `_`.
    pub(crate) fn word_parts(&self) -> Option<(bool, bool)> {
        const DIGITS: u64 = 0x03FF << b'0';
        // `A`-`Z` (bits 1-26 of the second word), `_` (31), `a`-`z` (33-58).
        const ALPHA: u64 = 0x07FF_FFFE_87FF_FFFE;
        let [a, b, c, d] = self.0;
        (a & !DIGITS == 0 && b & !ALPHA == 0 && c | d == 0)
            .then_some((a != 0, b != 0))
    }
    /// Whether the set holds an ASCII word byte (`[A-Za-z0-9_]`).
    pub(crate) fn has_word(&self) -> bool {
        const DIGITS: u64 = 0x03FF << b'0';
        const ALPHA: u64 = 0x07FF_FFFE_87FF_FFFE;
        self.0[0] & DIGITS != 0 || self.0[1] & ALPHA != 0
    }
    /// Whether the two sets share a byte.
    pub(crate) fn meets(&self, other: &ByteSet) -> bool {
        self.0.iter().zip(other.0).any(|(a, b)| a & b != 0)
    }
    /// The bytes of the set, in order, by its set bits.
    pub(crate) fn bytes(&self) -> impl Iterator<Item = u8> + '_ {
        self.0.iter().enumerate().flat_map(|(k, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                if bits == 0 {
                    return None;
                }
                let b = k as u32 * 64 + bits.trailing_zeros();
                bits &= bits - 1;
                Some(b as u8)
            })
        })
    }
    pub(crate) fn insert(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }
    pub(crate) fn all() -> ByteSet {
        ByteSet([u64::MAX; 4])
    }
    pub(crate) fn intersect(&mut self, other: &ByteSet) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a &= b;
        }
    }
    pub(crate) fn union(&mut self, other: &ByteSet) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
    }
}

/// The first assertion before any char, if the pattern starts with one on
/// every path we can see simply.
fn leading(n: &Node) -> Option<char> {
    match n {
        Node::Assert(c) => Some(*c),
        // Flag groups like `(?i)` are empty nodes: look past them.
        Node::Concat(v) => {
            v.iter().find(|x| !matches!(x, Node::Empty)).and_then(leading)
        }
        Node::Alt(v) => {
            let first = leading(v.first()?)?;
            v.iter().all(|x| leading(x) == Some(first)).then_some(first)
        }
        Node::Repeat(x, lo, _, _) if *lo > 0 => leading(x),
        _ => None,
    }
}

/// A non-ASCII char: the bytes of its UTF-8 form, one single-byte char
/// each (exact: `(?i)` folds ASCII only, as regex-lite does), so a
/// program can match it. Out of line, as the rare constructs of
/// [`Parser::atom`] are: `concat`'s loop stays small.
#[inline(never)]
fn wide(bytes: &[u8]) -> Node {
    let mut seq = Vec::new();
    for &b in bytes {
        let mut one = ByteSet::default();
        one.insert(b);
        seq.push(char_node(one, 1, false));
    }
    Node::Concat(seq)
}

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
    ci: bool,
    multi_line: bool,
    /// Every construct read so far is represented exactly (see
    /// [`program`]); cleared where the reader widens or guesses.
    exact: bool,
}

fn char_node(first: ByteSet, width: usize, digit: bool) -> Node {
    Node::Char { first, width, digit }
}

fn set_of(bytes: impl IntoIterator<Item = u8>) -> ByteSet {
    let mut s = ByteSet::default();
    for b in bytes {
        s.insert(b);
    }
    s
}

/// Lead bytes of multi-byte UTF-8 chars.
fn non_ascii_leads(s: &mut ByteSet) {
    for b in 0xC0..=0xFF {
        s.insert(b);
    }
}

impl<'a> Parser<'a> {
    fn new(chars: &'a [char]) -> Parser<'a> {
        Parser { chars, pos: 0, ci: false, multi_line: false, exact: true }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn alt(&mut self) -> Option<Node> {
        let mut branches = vec![self.concat()?];
        while self.peek() == Some('|') {
            self.pos += 1;
            branches.push(self.concat()?);
        }
        Some(if branches.len() == 1 {
            branches.pop()?
        } else {
            Node::Alt(branches)
        })
    }

    fn concat(&mut self) -> Option<Node> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            items.push(self.repeat(atom)?);
        }
        Some(Node::Concat(items))
    }

    fn repeat(&mut self, atom: Node) -> Option<Node> {
        let mut node = atom;
        loop {
            let (lo, hi) = match self.peek() {
                Some('?') => {
                    self.pos += 1;
                    (0, Some(1))
                }
                Some('*') => {
                    self.pos += 1;
                    (0, None)
                }
                Some('+') => {
                    self.pos += 1;
                    (1, None)
                }
                Some('{') => self.counted()?,
                _ => return Some(node),
            };
            // Lazy: the same bounds, other priorities (kept for
            // `program`, which matches a lazy repeat of one byte).
            let lazy = self.peek() == Some('?');
            self.pos += usize::from(lazy);
            node = Node::Repeat(Box::new(node), lo, hi, lazy);
        }
    }

    /// The bounds of `{n}`, `{n,}` or `{n,m}` at `pos`.
    // Out of line, as are the other rare constructs (groups, classes,
    // escapes): `concat`'s loop then stays small, and V8 no longer
    // compiles a 4.6 KB function with TurboFan during a cold start's
    // first screen (its baseline code runs each loop's size a turn).
    #[inline(never)]
    fn counted(&mut self) -> Option<(usize, Option<usize>)> {
        let close = self.chars[self.pos..].iter().position(|&c| c == '}')?;
        let body: String =
            self.chars[self.pos + 1..self.pos + close].iter().collect();
        self.pos += close + 1;
        Some(match body.split_once(',') {
            None => {
                let n = body.trim().parse().ok()?;
                (n, Some(n))
            }
            Some((a, b)) => {
                let lo = a.trim().parse().ok()?;
                let hi = if b.trim().is_empty() {
                    None
                } else {
                    Some(b.trim().parse().ok()?)
                };
                (lo, hi)
            }
        })
    }

    fn flags(&mut self, spec: &[char]) {
        let mut on = true;
        for &f in spec {
            match f {
                '-' => on = false,
                'i' => self.ci = on,
                'm' => self.multi_line |= on,
                _ => self.exact = false,
            }
        }
    }

    // Out of line (issue 16): `concat`'s loop runs once per atom of
    // every pattern a cold start's first screen reads, and V8 charges a
    // loop's whole body at each turn.
    #[inline(never)]
    fn atom(&mut self) -> Option<Node> {
        let c = self.peek()?;
        self.pos += 1;
        match c {
            '(' => self.group(),
            '[' => self.class(),
            // Any char; `\n` too, as under `(?s)` (a superset is sound).
            '.' => {
                self.exact = false;
                Some(char_node(ByteSet::all(), 4, false))
            }
            '^' => Some(Node::Assert('^')),
            '$' => Some(Node::Assert('$')),
            '\\' => self.escape(),
            c => Some(self.literal(c)),
        }
    }

    /// A group, after its `(`.
    #[inline(never)]
    fn group(&mut self) -> Option<Node> {
        let outer_ci = self.ci;
        if self.peek() == Some('?') {
            let rest = &self.chars[self.pos + 1..];
            let end =
                rest.iter().position(|&c| c == ')' || c == ':' || c == '<')?;
            let spec: Vec<char> = rest[..end].to_vec();
            match rest[end] {
                ')' => {
                    // (?flags): applies to the rest of this group.
                    self.flags(&spec);
                    self.pos += 1 + end + 1;
                    return Some(Node::Empty);
                }
                ':' => {
                    self.flags(&spec);
                    self.pos += 1 + end + 1;
                }
                _ => {
                    // (?P<name> or (?<name>
                    let close = rest.iter().position(|&c| c == '>')?;
                    self.pos += 1 + close + 1;
                }
            }
        }
        let inner = self.alt()?;
        if self.peek() != Some(')') {
            return None;
        }
        self.pos += 1;
        self.ci = outer_ci;
        Some(inner)
    }

    fn literal(&self, c: char) -> Node {
        let mut s = ByteSet::default();
        let mut buf = [0u8; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        if bytes.len() > 1 {
            return wide(bytes);
        }
        s.insert(bytes[0]);
        if self.ci && c.is_ascii_alphabetic() {
            s.insert(c.to_ascii_lowercase() as u8);
            s.insert(c.to_ascii_uppercase() as u8);
        }
        char_node(s, c.len_utf8(), c.is_ascii_digit())
    }

    #[inline(never)]
    fn escape(&mut self) -> Option<Node> {
        let e = self.peek()?;
        self.pos += 1;
        let class =
            |bytes: Vec<u8>, digit: bool| char_node(set_of(bytes), 1, digit);
        Some(match e {
            'b' | 'B' | 'A' | 'z' | '<' | '>' => Node::Assert(e),
            'd' => class((b'0'..=b'9').collect(), true),
            'w' => class(word_bytes(), false),
            's' => class(b" \t\n\r\x0b\x0c".to_vec(), false),
            'D' | 'W' | 'S' => {
                self.exact = false;
                char_node(ByteSet::all(), 4, false)
            }
            'x' => {
                let mut hex = String::new();
                if self.peek() == Some('{') {
                    let close = self.chars[self.pos..]
                        .iter()
                        .position(|&c| c == '}')?;
                    hex = self.chars[self.pos + 1..self.pos + close]
                        .iter()
                        .collect();
                    self.pos += close + 1;
                } else {
                    for _ in 0..2 {
                        hex.push(self.peek()?);
                        self.pos += 1;
                    }
                }
                let c = char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?;
                self.literal(c)
            }
            'n' => self.literal('\n'),
            't' => self.literal('\t'),
            'r' => self.literal('\r'),
            'f' => self.literal('\x0c'),
            'v' => self.literal('\x0b'),
            'p' | 'P' => return None,
            c if c.is_ascii_alphanumeric() => return None,
            c => self.literal(c),
        })
    }

    #[inline(never)]
    fn class(&mut self) -> Option<Node> {
        let mut k = ClassRead {
            set: ByteSet::default(),
            wide: false,
            digit_only: true,
            prev: None,
        };
        let mut negated = false;
        if self.peek() == Some('^') {
            negated = true;
            self.pos += 1;
        }
        let mut first = true;
        // A plain char in the loop, the rest out of line: V8's baseline
        // code charges each turn the loop's size (see `counted`).
        loop {
            let c = self.peek()?;
            self.pos += 1;
            match c {
                ']' if !first => break,
                '[' => self.class_nested(&mut k)?,
                '-' if k.prev.is_some() && self.peek() != Some(']') => {
                    self.class_range(&mut k)?
                }
                '\\' => self.class_escape(&mut k)?,
                c => {
                    if !c.is_ascii_digit() {
                        k.digit_only = false;
                    }
                    self.add_char(&mut k.set, &mut k.wide, c);
                    k.prev = Some(c);
                }
            }
            first = false;
        }
        let ClassRead { mut set, mut wide, mut digit_only, .. } = k;
        if negated {
            set.0 = set.0.map(|w| !w);
            non_ascii_leads(&mut set);
            wide = true;
            digit_only = false;
        }
        if self.ci {
            for b in b'a'..=b'z' {
                let u = b.to_ascii_uppercase();
                if set.contains(b) || set.contains(u) {
                    set.insert(b);
                    set.insert(u);
                }
            }
        }
        let any = set != ByteSet::default();
        Some(char_node(set, if wide { 4 } else { 1 }, digit_only && any))
    }

    /// A nested class or set operation inside a class, after its `[`:
    /// skipped, and the class widened to every byte.
    #[inline(never)]
    fn class_nested(&mut self, k: &mut ClassRead) -> Option<()> {
        let mut depth = 1;
        while depth > 0 {
            match self.peek()? {
                '[' => depth += 1,
                ']' => depth -= 1,
                '\\' => self.pos += 1,
                _ => {}
            }
            self.pos += 1;
        }
        k.set = ByteSet::all();
        k.wide = true;
        k.digit_only = false;
        k.prev = None;
        self.exact = false;
        Some(())
    }

    /// A range `lo-hi` inside a class, after its `-` (`lo` is `k.prev`).
    #[inline(never)]
    fn class_range(&mut self, k: &mut ClassRead) -> Option<()> {
        let lo = k.prev.take()?;
        let mut hi = self.peek()?;
        self.pos += 1;
        if hi == '\\' {
            hi = self.peek()?;
            self.pos += 1;
            // `\x7f`, `\d`: not the char itself.
            self.exact &= !hi.is_ascii_alphanumeric();
        }
        if !(lo.is_ascii_digit() && hi.is_ascii_digit()) {
            k.digit_only = false;
        }
        if lo.is_ascii() && hi.is_ascii() && lo <= hi {
            for b in lo as u8..=hi as u8 {
                k.set.insert(b);
            }
        } else {
            k.wide = true;
            non_ascii_leads(&mut k.set);
            (0..128).for_each(|b| k.set.insert(b));
        }
        Some(())
    }

    /// An escape inside a class, after its backslash.
    #[inline(never)]
    fn class_escape(&mut self, k: &mut ClassRead) -> Option<()> {
        let e = self.peek()?;
        self.pos += 1;
        match e {
            'd' => (b'0'..=b'9').for_each(|b| k.set.insert(b)),
            'w' => {
                k.digit_only = false;
                word_bytes().into_iter().for_each(|b| k.set.insert(b))
            }
            's' => {
                k.digit_only = false;
                b" \t\n\r\x0b\x0c".iter().for_each(|&b| k.set.insert(b))
            }
            _ => {
                k.digit_only = false;
                let lit = match e {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    c if c.is_ascii_alphanumeric() => {
                        k.set = ByteSet::all();
                        k.wide = true;
                        return Some(());
                    }
                    c => c,
                };
                self.add_char(&mut k.set, &mut k.wide, lit);
                k.prev = Some(lit);
                return Some(());
            }
        }
        k.prev = None;
        Some(())
    }

    fn add_char(&self, set: &mut ByteSet, wide: &mut bool, c: char) {
        let mut buf = [0u8; 4];
        set.insert(c.encode_utf8(&mut buf).as_bytes()[0]);
        if !c.is_ascii() {
            *wide = true;
        }
    }
}

/// A class being read (`Parser::class`): its bytes so far, whether a
/// char may be wider than a byte, whether all are digits, and the char
/// before (a range's low end).
struct ClassRead {
    set: ByteSet,
    wide: bool,
    digit_only: bool,
    prev: Option<char>,
}

fn word_bytes() -> Vec<u8> {
    (b'0'..=b'9').chain(b'a'..=b'z').chain(b'A'..=b'Z').chain([b'_']).collect()
}

#[cfg(test)]
mod tests {
    use super::{facts, ByteSet};
    use crate::engine::shape::shape;

    #[test]
    fn has_word_sees_every_word_byte() {
        for b in 0..=255u8 {
            let mut set = ByteSet([0; 4]);
            set.insert(b);
            let word = b.is_ascii_alphanumeric() || b == b'_';
            assert_eq!(set.has_word(), word, "byte {b}");
        }
    }

    #[test]
    fn max_len_bounds() {
        let m = |p: &str| facts(p).max_len;
        assert_eq!(m(r"abc"), Some(3));
        assert_eq!(m(r"\d{3}-\d{2}-\d{4}"), Some(11));
        assert_eq!(m(r"(?:ab|c){2,3}x?"), Some(7));
        assert_eq!(m(r"(?i)[a-z]{1,4}\b"), Some(4));
        assert_eq!(m(r"[^\s]{2}"), Some(8));
        assert_eq!(m(r"a+"), None);
        assert_eq!(m(r"a{2,}"), None);
        assert_eq!(m(r"[]a]{2}"), Some(2));
        assert_eq!(m(r"(?P<x>é)"), Some(2));
        assert_eq!(m(r"(a"), None);
    }

    #[test]
    fn digit_floors() {
        let d = |p: &str| facts(p).min_digits;
        assert_eq!(d(r"\d{3}-\d{2}-\d{4}"), 9);
        assert_eq!(d(r"\b(?:\d[ -]?){12,18}\d\b"), 13);
        assert_eq!(d(r"[0-9]{2}|x\d{5}"), 2);
        assert_eq!(d(r"[A-Z0-9]{4}"), 0);
        assert_eq!(d(r"a\d?\d*\d+"), 1);
    }

    #[test]
    fn first_bytes_and_boundaries() {
        let f = facts(r"\b(?:\+\d{1,3} )?\(?\d{3}");
        assert!(f.starts_with_boundary && !f.nullable && !f.needs_scan);
        assert!(
            f.first.contains(b'+')
                && f.first.contains(b'(')
                && f.first.contains(b'7')
        );
        assert!(!f.first.contains(b'a'));
        let g = facts(r"(?i)akia[A-Z2-7]{16}");
        assert!(
            g.first.contains(b'a')
                && g.first.contains(b'A')
                && !g.first.contains(b'k')
        );
        let h = facts(r"x?y*");
        assert!(h.nullable);
        assert!(facts(r"^abc").needs_scan);
        assert!(facts(r"(?i)\b\d{7}").starts_with_boundary);
        assert!(facts(r"(?m)abc").needs_scan);
    }

    #[test]
    fn bytes_free_of_a_leading_boundary() {
        let free = |p: &str, b: u8| facts(p).free.contains(b);
        assert!(!free(r"\b(?:\+\d{1,3} )?\(?\d{3}", b'7'));
        assert!(!free(r"(?:\b|[A-Za-z])(\d{6})\b", b'1'));
        assert!(free(r"(?:\b|[A-Za-z])(\d{6})\b", b'q'));
        let nanp = r"(?:\b\d{1,3}[-. ])?(?:\(\d{3}\)[ .-]?|\b\d{3}[ .-])\d{3}";
        assert!(!free(nanp, b'4') && free(nanp, b'('));
        // A boundary on one path only leaves the byte free.
        assert!(free(r"\b\d|x?\d", b'4'));
        assert!(free(r"(?:\b)?\d", b'4'));
        assert!(free(r"\B\d", b'4'));
        assert!(!free(r"(?i)(?:\b){2,5}\d", b'4'));
    }

    #[test]
    fn shapes_reject_impossible_starts() {
        let ok = |p: &str, t: &str| shape(p).unwrap().may_start(t.as_bytes());
        let medicare = r"\b[2-6]\d{3} ?\d{5} ?\d(?:[ /]?\d)?\b";
        assert!(!ok(medicare, "4111 4111 4111 "));
        assert!(ok(medicare, "2123 45670 1 x"));
        let card = r"\b(?:\d[ .-]?){12,18}\d\b";
        assert!(ok(card, "4111 4111 4111 4111 "));
        assert!(!ok(card, "4111 4111 x"));
        // A long repeat is kept as a loop: `a@b.a@` is not an email.
        let email = r"\b[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9][A-Za-z0-9-]{0,62}\.){1,8}(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59})\b";
        assert!(!ok(email, "a@b.a@b.a@b."));
        assert!(ok(email, "ana.lopez@example.com"));
        // Multi-byte chars: any continuation bytes after the lead byte.
        assert!(ok(r"名[a-z]", "名x"));
        assert!(!ok(r"名[a-z]", "名1"));
        assert!(ok(r"[aé]x", "éx") && !ok(r"[aé]x", "ay"));
        // Past 63 positions the rest passes; the text's end does not.
        let long = "a".repeat(150) + "b";
        assert!(ok(&long, &"a".repeat(128)));
        assert!(!ok(&long, &"a".repeat(10)));
        assert!(!ok(&long, "ab"));
        assert!(ok(r"x?y*", ""), "nullable");
        assert!(ok(r"a{1000}b", &"a".repeat(128)));
        assert!(shape(r"(a").is_none());
        let hash = r"(\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}|\$argon2(?:id|i|d)\$v=\d{1,3}\$m=\d{1,8},t=\d{1,5},p=\d{1,3}\$[A-Za-z0-9+/]{8,88}\$[A-Za-z0-9+/]{16,172}|\$[56]\$(?:rounds=\d{3,9}\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}|\$(?:1|apr1)\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}|\$y\$[./A-Za-z0-9]{1,10}\$[./A-Za-z0-9]{1,86}\$[./A-Za-z0-9]{43})(?:[^./A-Za-z0-9+$]|$)";
        assert!(ok(hash, "$apr1$Wq7hTz3K$Kz8Lm3Wq9Tn2Vb5Hc7Rd4J"));
    }
}
