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
//!   the pattern starts with `\b`, whose left side the engine checks itself.
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
}

#[derive(Clone, Debug)]
enum Node {
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
    Repeat(Box<Node>, usize, Option<usize>),
}

/// Reads `pattern`.
pub(crate) fn facts(pattern: &str) -> Facts {
    let chars: Vec<char> = pattern.chars().collect();
    let mut p = Parser { chars: &chars, pos: 0, ci: false, multi_line: false };
    let node = match p.alt() {
        Some(n) if p.pos == chars.len() => Some(n),
        _ => None,
    };
    let Some(node) = node else {
        return Facts {
            max_len: None,
            min_digits: 0,
            first: ByteSet::all(),
            nullable: true,
            starts_with_boundary: false,
            free: ByteSet::all(),
            needs_scan: true,
        };
    };
    let mut first = ByteSet::default();
    let nullable = first_set(&node, &mut first);
    let lead = leading(&node);
    let mut free = ByteSet::default();
    first_bounded(&node, Exits { free: true, bounded: false }, &mut free);
    Facts {
        max_len: max_len(&node),
        min_digits: min_digits(&node),
        first,
        nullable,
        starts_with_boundary: lead == Some('b'),
        free,
        needs_scan: p.multi_line || matches!(lead, Some('^') | Some('A')),
    }
}

/// `next[j]`: the bytes a match may hold at offset `j + 1`, for the
/// offsets every match reaches (at most [`PREFIX_BYTES`] - 1). A position
/// whose following bytes fall outside these sets cannot start a match, so
/// the engine skips it without running the regex. Computed on a rule's
/// first use (it costs more than the other facts, and most rules of a
/// filter never run).
pub(crate) fn next_bytes(pattern: &str) -> Vec<ByteSet> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut p = Parser { chars: &chars, pos: 0, ci: false, multi_line: false };
    let node = match p.alt() {
        Some(n) if p.pos == chars.len() => n,
        _ => return Vec::new(),
    };
    let prefix = prefix(&node);
    (1..PREFIX_BYTES)
        .take_while(|&j| !prefix.ends[1..=j].contains(&true))
        .map(|j| prefix.at[j])
        .collect()
}

fn max_len(n: &Node) -> Option<usize> {
    match n {
        Node::Empty | Node::Assert(_) => Some(0),
        Node::Char { width, .. } => Some(*width),
        Node::Concat(v) => v
            .iter()
            .try_fold(0usize, |a, x| Some(a.saturating_add(max_len(x)?))),
        Node::Alt(v) => {
            v.iter().try_fold(0usize, |a, x| Some(a.max(max_len(x)?)))
        }
        Node::Repeat(x, _, hi) => {
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
        Node::Repeat(x, lo, _) => min_digits(x).saturating_mul(*lo),
    }
}

/// Adds the bytes `n` can start with; returns whether `n` can be empty.
fn first_set(n: &Node, set: &mut ByteSet) -> bool {
    match n {
        Node::Empty | Node::Assert(_) => true,
        Node::Char { first, .. } => {
            set.union(first);
            false
        }
        Node::Concat(v) => v.iter().all(|x| first_set(x, set)),
        Node::Alt(v) => v.iter().fold(false, |acc, x| first_set(x, set) | acc),
        Node::Repeat(x, lo, _) => first_set(x, set) || *lo == 0,
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
        Node::Repeat(x, lo, hi) => {
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
    fn insert(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }
    fn remove(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] &= !(1 << (b & 63));
    }
    fn all() -> ByteSet {
        ByteSet([u64::MAX; 4])
    }
    fn union(&mut self, other: &ByteSet) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
    }
}

/// How many leading bytes of a match [`Prefix`] describes.
pub(crate) const PREFIX_BYTES: usize = 8;

/// The first [`PREFIX_BYTES`] bytes of a pattern's matches: `at[j]` holds
/// the bytes at offset `j` of matches longer than `j`; `ends[m]` says some
/// match is exactly `m` bytes long. Each offset is a separate superset.
#[derive(Clone, Copy, Default)]
struct Prefix {
    at: [ByteSet; PREFIX_BYTES],
    ends: [bool; PREFIX_BYTES],
}

impl Prefix {
    fn empty_string() -> Prefix {
        let mut p = Prefix::default();
        p.ends[0] = true;
        p
    }

    fn or(mut self, other: &Prefix) -> Prefix {
        for j in 0..PREFIX_BYTES {
            self.at[j].union(&other.at[j]);
            self.ends[j] |= other.ends[j];
        }
        self
    }

    /// Strings `ab`: byte `j` is byte `j` of a long `a`, or byte `j - i`
    /// of `b` after an `a` of `i` bytes.
    fn then(&self, b: &Prefix) -> Prefix {
        let mut r = Prefix::default();
        for j in 0..PREFIX_BYTES {
            r.at[j] = self.at[j];
            for i in 0..=j {
                if self.ends[i] {
                    r.at[j].union(&b.at[j - i]);
                    r.ends[j] |= b.ends[j - i];
                }
            }
        }
        r
    }
}

fn prefix(n: &Node) -> Prefix {
    match n {
        Node::Empty | Node::Assert(_) => Prefix::empty_string(),
        Node::Char { first, width, .. } => {
            let mut p = Prefix::default();
            p.at[0] = *first;
            let ascii = first.0[0] | first.0[1] != 0;
            let multi_byte = first.0[2] | first.0[3] != 0;
            if ascii && PREFIX_BYTES > 1 {
                p.ends[1] = true;
            }
            if multi_byte {
                for j in 1..PREFIX_BYTES.min(*width) {
                    for b in 0x80..=0xBF {
                        p.at[j].insert(b);
                    }
                }
                for m in 2..PREFIX_BYTES.min(width + 1) {
                    p.ends[m] = true;
                }
            }
            p
        }
        Node::Concat(v) => {
            let mut acc = Prefix::empty_string();
            for x in v {
                // Once every string so far is long, later parts cannot
                // reach a described offset.
                if !acc.ends.contains(&true) {
                    break;
                }
                acc = acc.then(&prefix(x));
            }
            acc
        }
        Node::Alt(v) => {
            v.iter().fold(Prefix::default(), |acc, x| acc.or(&prefix(x)))
        }
        Node::Repeat(x, lo, hi) => {
            // Copies past the first PREFIX_BYTES + 1 cannot reach a
            // described offset that fewer copies do not.
            let cap = PREFIX_BYTES + 1;
            let one = prefix(x);
            let optional = one.or(&Prefix::empty_string());
            let extra = hi.map_or(cap, |h| h.saturating_sub(*lo).min(cap));
            let mut acc = Prefix::empty_string();
            for _ in 0..(*lo).min(cap) {
                acc = acc.then(&one);
            }
            for _ in 0..extra {
                if !acc.ends.contains(&true) {
                    break;
                }
                acc = acc.then(&optional);
            }
            acc
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
        Node::Repeat(x, lo, _) if *lo > 0 => leading(x),
        _ => None,
    }
}

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
    ci: bool,
    multi_line: bool,
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

impl Parser<'_> {
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
                Some('{') => {
                    let close = self.chars[self.pos..]
                        .iter()
                        .position(|&c| c == '}')?;
                    let body: String = self.chars
                        [self.pos + 1..self.pos + close]
                        .iter()
                        .collect();
                    self.pos += close + 1;
                    match body.split_once(',') {
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
                    }
                }
                _ => return Some(node),
            };
            if self.peek() == Some('?') {
                self.pos += 1;
            }
            node = Node::Repeat(Box::new(node), lo, hi);
        }
    }

    fn flags(&mut self, spec: &[char]) {
        let mut on = true;
        for &f in spec {
            match f {
                '-' => on = false,
                'i' => self.ci = on,
                'm' => self.multi_line |= on,
                _ => {}
            }
        }
    }

    fn atom(&mut self) -> Option<Node> {
        let c = self.peek()?;
        self.pos += 1;
        match c {
            '(' => {
                let outer_ci = self.ci;
                if self.peek() == Some('?') {
                    let rest = &self.chars[self.pos + 1..];
                    let end = rest
                        .iter()
                        .position(|&c| c == ')' || c == ':' || c == '<')?;
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
            '[' => self.class(),
            '.' => {
                let mut s = ByteSet::all();
                s.remove(b'\n');
                Some(char_node(s, 4, false))
            }
            '^' => Some(Node::Assert('^')),
            '$' => Some(Node::Assert('$')),
            '\\' => self.escape(),
            c => Some(self.literal(c)),
        }
    }

    fn literal(&self, c: char) -> Node {
        let mut s = ByteSet::default();
        let mut buf = [0u8; 4];
        s.insert(c.encode_utf8(&mut buf).as_bytes()[0]);
        if self.ci && c.is_ascii_alphabetic() {
            s.insert(c.to_ascii_lowercase() as u8);
            s.insert(c.to_ascii_uppercase() as u8);
        }
        char_node(s, c.len_utf8(), c.is_ascii_digit())
    }

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
            'D' | 'W' | 'S' => char_node(ByteSet::all(), 4, false),
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

    fn class(&mut self) -> Option<Node> {
        let mut set = ByteSet::default();
        let mut negated = false;
        let mut wide = false;
        let mut digit_only = true;
        if self.peek() == Some('^') {
            negated = true;
            self.pos += 1;
        }
        let mut first = true;
        let mut prev: Option<char> = None;
        loop {
            let c = self.peek()?;
            self.pos += 1;
            match c {
                ']' if !first => break,
                '[' => {
                    // Nested classes and set operations: give up precision.
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
                    set = ByteSet::all();
                    wide = true;
                    digit_only = false;
                    prev = None;
                }
                '-' if prev.is_some() && self.peek() != Some(']') => {
                    let lo = prev.take()?;
                    let mut hi = self.peek()?;
                    self.pos += 1;
                    if hi == '\\' {
                        hi = self.peek()?;
                        self.pos += 1;
                    }
                    if !(lo.is_ascii_digit() && hi.is_ascii_digit()) {
                        digit_only = false;
                    }
                    if lo.is_ascii() && hi.is_ascii() && lo <= hi {
                        for b in lo as u8..=hi as u8 {
                            set.insert(b);
                        }
                    } else {
                        wide = true;
                        non_ascii_leads(&mut set);
                        (0..128).for_each(|b| set.insert(b));
                    }
                }
                '\\' => {
                    let e = self.peek()?;
                    self.pos += 1;
                    match e {
                        'd' => (b'0'..=b'9').for_each(|b| set.insert(b)),
                        'w' => {
                            digit_only = false;
                            word_bytes()
                                .into_iter()
                                .for_each(|b| set.insert(b))
                        }
                        's' => {
                            digit_only = false;
                            b" \t\n\r\x0b\x0c"
                                .iter()
                                .for_each(|&b| set.insert(b))
                        }
                        _ => {
                            digit_only = false;
                            let lit = match e {
                                'n' => '\n',
                                't' => '\t',
                                'r' => '\r',
                                c if c.is_ascii_alphanumeric() => {
                                    set = ByteSet::all();
                                    wide = true;
                                    first = false;
                                    continue;
                                }
                                c => c,
                            };
                            self.add_char(&mut set, &mut wide, lit);
                            prev = Some(lit);
                            first = false;
                            continue;
                        }
                    }
                    prev = None;
                }
                c => {
                    if !c.is_ascii_digit() {
                        digit_only = false;
                    }
                    self.add_char(&mut set, &mut wide, c);
                    prev = Some(c);
                    first = false;
                    continue;
                }
            }
            first = false;
        }
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

    fn add_char(&self, set: &mut ByteSet, wide: &mut bool, c: char) {
        let mut buf = [0u8; 4];
        set.insert(c.encode_utf8(&mut buf).as_bytes()[0]);
        if !c.is_ascii() {
            *wide = true;
        }
    }
}

fn word_bytes() -> Vec<u8> {
    (b'0'..=b'9').chain(b'a'..=b'z').chain(b'A'..=b'Z').chain([b'_']).collect()
}

#[cfg(test)]
mod tests {
    use super::{facts, next_bytes, PREFIX_BYTES};

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
    fn next_byte_sets() {
        let mac = next_bytes(r"\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b");
        assert!(mac.len() >= 2);
        assert!(mac[0].contains(b'c') && !mac[0].contains(b'x'));
        assert!(mac[1].contains(b':') && !mac[1].contains(b'a'));
        // An optional part widens the set; a possible end stops it.
        let opt = next_bytes(r"ab?c");
        assert!(opt[0].contains(b'b') && opt[0].contains(b'c'));
        assert_eq!(opt.len(), 1, "a match may end after `ac`");
        assert!(next_bytes(r"a|bcd").is_empty());
        // A repeated group that may be empty.
        let rep = next_bytes(r"x(?:y?){3}z");
        assert!(rep[0].contains(b'y') && rep[0].contains(b'z'));
        assert_eq!(rep.len(), 1, "`xz` is a match");
        let long = next_bytes(r"x(?:y?){3}zz");
        assert!(long[1].contains(b'y') && long[1].contains(b'z'));
        // Multi-byte chars: continuation bytes follow their lead byte.
        let cjk = next_bytes(r"名[a-z]");
        assert!(cjk[0].contains(0x90) && !cjk[0].contains(b'a'));
        assert!(cjk[1].contains(0x8D));
        let class = next_bytes(r"[aé]x");
        assert!(class[0].contains(b'x') && class[0].contains(0xA9));
        // Offsets past the third: a fixed-width pattern is checked up to
        // PREFIX_BYTES - 1 bytes ahead.
        let iban = next_bytes(r"[A-Z]{2}\d{2}[A-Z0-9]{4}");
        assert_eq!(iban.len(), PREFIX_BYTES - 1);
        assert!(iban[1].contains(b'7') && !iban[1].contains(b'E'));
    }
}
