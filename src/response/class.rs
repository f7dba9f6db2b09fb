//! The hold-back guard's reading of a pattern's text, as `const fn`s: the
//! built-in PII rules' readings are made at compile time (`pre`), a
//! custom or secret rule's on its first use (`guard::Guard::of_pattern`),
//! by the same code.
//!
//! The reading is deliberately conservative: anything it does not
//! understand (`.`, `\s`, `\p{..}`, negated classes, ...) widens the class
//! to "any character", which only makes the hold-back longer, never wrong.

/// What a pattern's text says about its matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Class {
    /// ASCII bytes a match may contain (bit `b % 64` of word `b / 64`).
    pub ascii: [u64; 2],
    /// Non-ASCII characters may occur.
    pub non_ascii: bool,
    /// Any character at all (class checks off).
    pub any: bool,
    /// Case-insensitive: K (U+212A) and ſ (U+017F) are in the class.
    pub folds: bool,
    /// A lazy run closed by a literal terminator (a PEM block's
    /// `-----END ...-----`).
    pub terminated: bool,
    /// The match starts with one delimiter character outside the class
    /// (`(?:^|[^A-Za-z0-9])`).
    pub lead: bool,
    /// Byte range of the pattern holding the literal every match starts
    /// with (3+ bytes; empty: none).
    pub prefix: (u32, u32),
}

/// Bytes a literal prefix may hold besides ASCII letters and digits.
const LITERAL: &[u8] = b" -_@/:=#";

const fn literal_byte(c: u8) -> bool {
    if c.is_ascii_alphanumeric() {
        return true;
    }
    let mut i = 0;
    while i < LITERAL.len() {
        if LITERAL[i] == c {
            return true;
        }
        i += 1;
    }
    false
}

/// `h[i..]` starts with `n`.
#[inline]
const fn at(h: &[u8], i: usize, n: &[u8]) -> bool {
    if i + n.len() > h.len() {
        return false;
    }
    let mut k = 0;
    while k < n.len() {
        if h[i + k] != n[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// First occurrence of `n` in `h[lo..hi]`.
const fn find(h: &[u8], lo: usize, hi: usize, n: &[u8]) -> Option<usize> {
    let mut i = lo;
    while i + n.len() <= hi {
        if (n.is_empty() || h[i] == n[0]) && at(h, i, n) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Last occurrence of `n` in `h[lo..hi]`.
const fn rfind(h: &[u8], lo: usize, hi: usize, n: &[u8]) -> Option<usize> {
    let mut i = hi;
    while i >= lo + n.len() {
        if at(h, i - n.len(), n) && i - n.len() >= lo {
            return Some(i - n.len());
        }
        i -= 1;
    }
    None
}

/// The char at byte `i` of the UTF-8 text `p` (below `hi`) and the offset
/// after it.
const fn next(p: &[u8], i: usize, hi: usize) -> Option<(u32, usize)> {
    if i >= hi {
        return None;
    }
    let b = p[i];
    if b < 0x80 {
        return Some((b as u32, i + 1));
    }
    let (n, mut c) = if b >= 0xF0 {
        (4, (b & 0x07) as u32)
    } else if b >= 0xE0 {
        (3, (b & 0x0F) as u32)
    } else {
        (2, (b & 0x1F) as u32)
    };
    let mut k = 1;
    while k < n && i + k < p.len() {
        c = (c << 6) | (p[i + k] & 0x3F) as u32;
        k += 1;
    }
    Some((c, i + n))
}

/// Like [`next`], with `d` (and offset `i`) when there is no char.
const fn next_or(p: &[u8], i: usize, hi: usize, d: u32) -> (u32, usize) {
    match next(p, i, hi) {
        Some(x) => x,
        None => (d, i),
    }
}

const fn is_alnum(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphanumeric()
}

impl Class {
    /// ASCII char `c` is in the class (`any` aside).
    pub(crate) const fn has(&self, c: u32) -> bool {
        c < 128 && self.ascii[(c / 64) as usize] & (1 << (c % 64)) != 0
    }

    const fn lit(&mut self, c: u32) {
        if c < 128 {
            self.ascii[(c / 64) as usize] |= 1 << (c % 64);
        } else {
            self.non_ascii = true;
        }
    }

    const fn range(&mut self, a: u32, b: u32) {
        if b >= 128 {
            self.non_ascii = true;
        }
        let hi = if b < 127 { b } else { 127 };
        let mut x = a;
        while x <= hi {
            self.lit(x);
            x += 1;
        }
    }

    const fn escape(&mut self, e: u32) {
        match e {
            0x64 /* d */ => self.range(b'0' as u32, b'9' as u32),
            0x77 /* w */ => {
                self.range(b'0' as u32, b'9' as u32);
                self.range(b'a' as u32, b'z' as u32);
                self.range(b'A' as u32, b'Z' as u32);
                self.lit(b'_' as u32);
            }
            0x62 | 0x42 | 0x41 | 0x7A /* b B A z */ => {}
            0x6E /* n */ => self.lit(b'\n' as u32),
            0x74 /* t */ => self.lit(b'\t' as u32),
            0x72 /* r */ => self.lit(b'\r' as u32),
            0x66 /* f */ => self.lit(0x0C),
            0x76 /* v */ => self.lit(0x0B),
            c if is_alnum(c) => self.any = true,
            c => self.lit(c),
        }
    }

    /// Reads a bracket class starting after `[` (byte `i` of `p`);
    /// returns the offset after its closing `]`.
    const fn class(&mut self, p: &[u8], mut i: usize, hi: usize) -> usize {
        if i < hi && p[i] == b'^' {
            self.any = true;
        }
        let mut first = true;
        let mut prev: Option<u32> = None;
        while let Some((c, n)) = next(p, i, hi) {
            i = n;
            if c == b']' as u32 && !first {
                return i;
            } else if c == b'[' as u32 {
                // Nested classes / set operations: give up precisely.
                self.any = true;
                prev = None;
            } else if c == b'\\' as u32 {
                let (e, n) = next_or(p, i, hi, b'\\' as u32);
                i = n;
                match e {
                    0x6E | 0x74 | 0x72 | 0x66 | 0x76 | 0x64 | 0x77 => {
                        self.escape(e);
                        prev = None;
                    }
                    c if is_alnum(c) => {
                        self.any = true;
                        prev = None;
                    }
                    c => {
                        self.lit(c);
                        prev = Some(c);
                    }
                }
            } else if c == b'-' as u32
                && prev.is_some()
                && matches!(next(p, i, hi), Some((n, _)) if n != b']' as u32)
            {
                let a = match prev {
                    Some(a) => a,
                    None => b'-' as u32,
                };
                let (mut b, n) = next_or(p, i, hi, b'-' as u32);
                i = n;
                if b == b'\\' as u32 {
                    (b, i) = next_or(p, i, hi, b'\\' as u32);
                }
                if b < a {
                    self.any = true;
                } else {
                    self.range(a, b);
                }
                prev = None;
            } else {
                self.lit(c);
                prev = Some(c);
            }
            first = false;
        }
        self.any = true;
        i
    }
}

/// Reads pattern `p`.
pub(crate) const fn read(p: &str) -> Class {
    let b = p.as_bytes();
    let ci = find(b, 0, b.len(), b"(?i").is_some()
        || find(b, 0, b.len(), b"i)").is_some()
        || find(b, 0, b.len(), b"i:").is_some();
    let (lo, hi, lead) = delimiters(b);
    let mut g = Class {
        ascii: [0; 2],
        non_ascii: false,
        any: false,
        folds: false,
        terminated: terminated(b, lo, hi),
        lead,
        prefix: literal_prefix(b, lo, hi),
    };
    let mut i = lo;
    while let Some((c, n)) = next(b, i, hi) {
        i = n;
        if c == b'\\' as u32 {
            let (e, n) = next_or(b, i, hi, b'\\' as u32);
            i = n;
            g.escape(e);
        } else if c == b'[' as u32 {
            i = g.class(b, i, hi);
        } else if c == b'.' as u32 {
            g.any = true;
        } else {
            g.lit(c);
        }
    }
    if ci {
        // Unicode simple case folding: `k` also matches the Kelvin sign
        // and `s` the long s; no other ASCII letter folds out of ASCII.
        g.folds = true;
        let mut c = b'a';
        while c <= b'z' {
            let (l, u) = (c as u32, c.to_ascii_uppercase() as u32);
            if g.has(l) || g.has(u) {
                g.lit(l);
                g.lit(u);
            }
            c += 1;
        }
    }
    g
}

/// Strips the one-character delimiters many secret patterns put around
/// their token: a trailing `(?:[^class]|$)` (a match still forming has
/// not reached it; once it arrived the match is complete, so it adds no
/// characters to the class) and a leading `(?:^|[^class])` (`true`: the
/// match starts one character before the run of class characters).
/// Without this the negated class made the guard "any character". Returns
/// the byte range of `p` left and the flag.
const fn delimiters(p: &[u8]) -> (usize, usize, bool) {
    const fn simple(p: &[u8], lo: usize, hi: usize) -> bool {
        hi > lo
            && find(p, lo, hi, b"[").is_none()
            && find(p, lo, hi, b"]").is_none()
    }
    let mut hi = p.len();
    if let Some(i) = rfind(p, 0, hi, b"(?:[^") {
        let end = b"]|$)";
        if hi >= i + 5 + end.len()
            && at(p, hi - end.len(), end)
            && simple(p, i + 5, hi - end.len())
            && !(i > 0 && p[i - 1] == b'\\')
        {
            hi = i;
        }
    }
    let open = b"(?:^|[^";
    if hi >= open.len() && at(p, 0, open) {
        if let Some(j) = find(p, open.len(), hi, b"])") {
            if simple(p, open.len(), j) {
                return (j + 2, hi, true);
            }
        }
    }
    (0, hi, false)
}

/// The pattern `p[lo..hi]` has a lazy quantifier and ends, outside any
/// group it closes, with a literal of 3+ bytes
/// (`...{16,16384}?-----END KEY-----)`).
const fn terminated(p: &[u8], lo: usize, hi: usize) -> bool {
    let lazy = find(p, lo, hi, b"}?").is_some()
        || find(p, lo, hi, b"*?").is_some()
        || find(p, lo, hi, b"+?").is_some();
    let mut end = hi;
    while end > lo && p[end - 1] == b')' {
        end -= 1;
    }
    let mut tail = 0;
    while end - tail > lo && literal_byte(p[end - tail - 1]) {
        tail += 1;
    }
    // An escaped or quantified last byte is not a literal.
    let escaped = end - lo > tail && p[end - tail - 1] == b'\\';
    lazy && tail >= 3 && !escaped
}

/// The first `)` or `|` (`want`) of `p[lo..hi]` outside bracket classes
/// and unescaped, at group depth 0 or less before it.
const fn top_level(p: &[u8], lo: usize, hi: usize, want: u8) -> Option<usize> {
    let (mut depth, mut in_class, mut i) = (0i32, false, lo);
    while let Some((c, n)) = next(p, i, hi) {
        if c == b'\\' as u32 {
            // The escaped char, whatever its length.
            i = next_or(p, n, hi, 0).1;
            continue;
        }
        if c == b'[' as u32 && !in_class {
            in_class = true;
        } else if c == b']' as u32 && in_class {
            in_class = false;
        } else if !in_class {
            if c == want as u32 && depth <= 0 {
                return Some(i);
            }
            if c == b'(' as u32 {
                depth += 1;
            } else if c == b')' as u32 {
                depth -= 1;
            }
        }
        i = n;
    }
    None
}

/// The literal `p[lo..hi]` must start with, if any (3+ bytes), as a byte
/// range of `p`. A leading capture group (`(-----BEGIN...)`) is looked
/// into: the literal still starts every match unless an alternation
/// follows it or the group may be absent (`)?`, `)*`, `){0,`).
const fn literal_prefix(p: &[u8], lo: usize, hi: usize) -> (u32, u32) {
    let mut s = lo;
    if at(p, s, b"\\b") && s + 2 <= hi {
        s += 2;
    }
    if s < hi && p[s] == b'(' && !(s + 1 < hi && p[s + 1] == b'?') {
        let optional = match top_level(p, s + 1, hi, b')') {
            // Quantified so that it may be absent: `)?`, `)*`, `){0`.
            Some(c) => {
                let q = if c + 1 < hi { p[c + 1] } else { 0 };
                q == b'?' || q == b'*' || (at(p, c + 1, b"{0") && c + 3 <= hi)
            }
            None => true,
        };
        if !optional {
            s += 1;
        }
    }
    let mut i = s;
    while i < hi && literal_byte(p[i]) {
        // A quantifier after it makes the char optional.
        let q = if i + 1 < hi { p[i + 1] } else { 0 };
        if q == b'?' || q == b'*' || q == b'{' {
            break;
        }
        i += 1;
        if q == b'+' {
            break;
        }
    }
    // An alternation at the top level could start elsewhere.
    if i - s >= 3 && top_level(p, s, hi, b'|').is_none() {
        (s as u32, i as u32)
    } else {
        (0, 0)
    }
}
