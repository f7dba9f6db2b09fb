//! Hold-back guards: where could a match that is not finished yet start?
//!
//! A guard is derived from a rule's pattern *text* (no regex internals):
//! a superset of the characters a match can contain and, when the pattern
//! begins with a literal, that literal. A match that is still growing at
//! the end of the buffer contains only class characters from its start to
//! the end, so its start is at or after the start of the trailing run of
//! class characters; a match that must begin with a literal starts at an
//! occurrence of it (or at a partial occurrence at the very end).
//!
//! The analysis is deliberately conservative: anything it does not
//! understand (`.`, `\s`, `\p{..}`, negated classes, ...) widens the class
//! to "any character", which only makes the hold-back longer, never wrong.

/// Longest match the stream scanner waits for, in bytes. Every built-in
/// pattern's maximum match length is below this (tested with
/// `regex-syntax`); a custom rule whose match is longer may be split.
pub(crate) const MAX_MATCH: usize = 68 * 1024;

/// Hold-back for custom patterns whose class is "any character" and that
/// do not start with a literal: 4 KiB. A longer match may be split.
pub(crate) const ANY_HOLD: usize = 4 * 1024;

#[derive(Clone)]
pub(crate) struct Guard {
    /// ASCII bytes a match may contain.
    ascii: [bool; 128],
    /// Non-ASCII characters may occur.
    non_ascii: bool,
    /// Any character at all (class checks off).
    any: bool,
    /// Case-insensitive: K (U+212A) and ſ (U+017F) are in the class.
    folds: bool,
    /// Literal the match starts with (compared ASCII case-insensitively).
    prefix: Option<Vec<u8>>,
    /// A lazy run closed by a literal terminator (a PEM block's
    /// `-----END ...-----`): a match the engine reported is complete, as
    /// more text cannot end a lazy run earlier.
    terminated: bool,
    /// The match starts with one delimiter character outside the class
    /// (`(?:^|[^A-Za-z0-9])`): it is held with the run after it.
    lead: bool,
    /// Longest match in bytes: a match still forming at the end of the
    /// text starts no earlier than this before it.
    max_len: Option<usize>,
}

impl Guard {
    /// Conservative analysis of a regex pattern whose longest match is
    /// `max_len` bytes (`None`: unbounded).
    pub(crate) fn of_pattern(p: &str, max_len: Option<usize>) -> Guard {
        let ci = p.contains("(?i") || p.contains("i)") || p.contains("i:");
        let (p, lead) = delimiters(p);
        let mut g = Guard {
            ascii: [false; 128],
            non_ascii: false,
            any: false,
            folds: false,
            max_len,
            prefix: literal_prefix(p),
            terminated: terminated(p),
            lead,
        };
        let mut i = 0;
        while let Some((c, n)) = next(p, i) {
            i = n;
            match c {
                '\\' => {
                    let (e, n) = next(p, i).unwrap_or(('\\', i));
                    i = n;
                    g.escape(e);
                }
                '[' => i = g.class(p, i),
                '.' => g.any = true,
                c => g.lit(c),
            }
        }
        if ci {
            // Unicode simple case folding: `k` also matches the Kelvin
            // sign and `s` the long s; no other ASCII letter folds out
            // of ASCII.
            g.folds = true;
            for b in b'a'..=b'z' {
                let u = b.to_ascii_uppercase();
                let either = g.ascii[b as usize] || g.ascii[u as usize];
                g.ascii[b as usize] = either;
                g.ascii[u as usize] = either;
            }
        }
        g
    }

    /// Same characters and literal prefix as `o` (length bounds aside).
    pub(crate) fn same_class(&self, o: &Guard) -> bool {
        self.ascii == o.ascii
            && self.non_ascii == o.non_ascii
            && self.any == o.any
            && self.folds == o.folds
            && self.prefix == o.prefix
            && self.terminated == o.terminated
            && self.lead == o.lead
    }

    /// The longest match, in bytes (`None`: unbounded).
    pub(crate) fn max_len(&self) -> Option<usize> {
        self.max_len
    }

    /// Takes the longer of its length bound and `n` (`None`: unbounded).
    pub(crate) fn widen(&mut self, n: Option<usize>) {
        self.max_len = match (self.max_len, n) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
    }

    fn lit(&mut self, c: char) {
        if c.is_ascii() {
            self.ascii[c as usize] = true;
        } else {
            self.non_ascii = true;
        }
    }

    fn range(&mut self, a: char, b: char) {
        if !b.is_ascii() {
            self.non_ascii = true;
        }
        let (a, b) = (a as u32, (b as u32).min(127));
        for x in a..=b {
            self.ascii[x as usize] = true;
        }
    }

    fn escape(&mut self, e: char) {
        match e {
            'd' => self.range('0', '9'),
            'w' => {
                self.range('0', '9');
                self.range('a', 'z');
                self.range('A', 'Z');
                self.lit('_');
            }
            'b' | 'B' | 'A' | 'z' => {}
            'n' => self.lit('\n'),
            't' => self.lit('\t'),
            'r' => self.lit('\r'),
            'f' => self.lit('\x0c'),
            'v' => self.lit('\x0b'),
            c if c.is_ascii_alphanumeric() => self.any = true,
            c => self.lit(c),
        }
    }

    /// Parses a bracket class starting after `[` (byte offset `i` of
    /// `p`); returns the offset after its closing `]`.
    fn class(&mut self, p: &str, mut i: usize) -> usize {
        if p.as_bytes().get(i) == Some(&b'^') {
            self.any = true;
        }
        let mut first = true;
        let mut prev: Option<char> = None;
        while let Some((c, n)) = next(p, i) {
            i = n;
            match c {
                ']' if !first => return i,
                '[' => {
                    // Nested classes / set operations: give up precisely.
                    self.any = true;
                    prev = None;
                }
                '\\' => {
                    let (e, n) = next(p, i).unwrap_or(('\\', i));
                    i = n;
                    match e {
                        'n' | 't' | 'r' | 'f' | 'v' | 'd' | 'w' => {
                            self.escape(e);
                            prev = None;
                        }
                        c if c.is_ascii_alphanumeric() => {
                            self.any = true;
                            prev = None;
                        }
                        c => {
                            self.lit(c);
                            prev = Some(c);
                        }
                    }
                }
                '-' if prev.is_some()
                    && next(p, i).is_some_and(|(n, _)| n != ']') =>
                {
                    let a = prev.unwrap_or('-');
                    let (mut b, n) = next(p, i).unwrap_or(('-', i));
                    i = n;
                    if b == '\\' {
                        (b, i) = next(p, i).unwrap_or(('\\', i));
                    }
                    if b < a {
                        self.any = true;
                    } else {
                        self.range(a, b);
                    }
                    prev = None;
                }
                c => {
                    self.lit(c);
                    prev = Some(c);
                }
            }
            first = false;
        }
        self.any = true;
        i
    }

    pub(crate) fn contains(&self, c: char) -> bool {
        self.any
            || if c.is_ascii() {
                self.ascii[c as usize]
            } else {
                self.non_ascii
                    || (self.folds && matches!(c, '\u{212A}' | '\u{17F}'))
            }
    }

    /// Earliest byte offset in `text` at which a match that may still grow
    /// past the end could start, or `text.len()` when there is none.
    /// `floor` is the earliest position worth reporting (older matches are
    /// complete by the length bound).
    ///
    /// SECURITY/NOTE: a pattern that starts with a literal and may contain
    /// any character, or whose lazy run ends at a literal terminator (PEM
    /// blocks), is assumed to end at its own terminator: once the engine
    /// reports a match at an occurrence (`found`), that occurrence is no
    /// longer pending.
    pub(crate) fn pending(
        &self,
        text: &str,
        floor: usize,
        found: &dyn Fn(usize) -> bool,
    ) -> usize {
        let end = text.len();
        let floor = match self.max_len {
            Some(n) => floor.max(floor_char(text, end.saturating_sub(n))),
            None => floor,
        };
        let run = if self.any {
            floor
        } else {
            let mut start = end;
            while let Some((i, c)) = char_before(text, start) {
                if i < floor || !self.contains(c) {
                    break;
                }
                start = i;
            }
            match char_before(text, start) {
                Some((i, _)) if self.lead && i >= floor => i,
                _ => start,
            }
        };
        if let Some(pre) = &self.prefix {
            let t = text.as_bytes();
            let mut i = run;
            while i < end {
                let p = prefix_pending(t, pre, i);
                if p >= end || !((self.any || self.terminated) && found(p)) {
                    return p;
                }
                i = p + 1;
            }
            return end;
        }
        if self.any {
            return floor_char(text, end.saturating_sub(ANY_HOLD)).max(floor);
        }
        run
    }
}

/// Start of the first occurrence of `pre` at or after `floor`, or of a
/// proper prefix of `pre` at the end of `text`; `text.len()` when none.
fn prefix_pending(t: &[u8], pre: &[u8], floor: usize) -> usize {
    let eq = |a: &[u8], b: &[u8]| a.eq_ignore_ascii_case(b);
    let mut i = floor;
    while i < t.len() {
        let rest = &t[i..];
        let n = rest.len().min(pre.len());
        if eq(&rest[..n], &pre[..n]) {
            return i;
        }
        i += 1;
    }
    t.len()
}

/// Strips the one-character delimiters many secret patterns put around
/// their token: a trailing `(?:[^class]|$)` (a match still forming has
/// not reached it; once it arrived the match is complete, so it adds no
/// characters to the class) and a leading `(?:^|[^class])` (returned as
/// `true`: the match starts one character before the run of class
/// characters). Without this the negated class made the guard "any
/// character", holding [`ANY_HOLD`] while a keyword of the rule was in
/// the window.
fn delimiters(p: &str) -> (&str, bool) {
    let simple = |body: &str| !body.is_empty() && !body.contains(['[', ']']);
    let mut p = p;
    if let Some(i) = p.rfind("(?:[^") {
        let body = p.get(i + 5..).and_then(|b| b.strip_suffix("]|$)"));
        if body.is_some_and(simple) && !p[..i].ends_with('\\') {
            p = &p[..i];
        }
    }
    if let Some(rest) = p.strip_prefix("(?:^|[^") {
        if let Some(j) = rest.find("])") {
            if simple(&rest[..j]) {
                return (&rest[j + 2..], true);
            }
        }
    }
    (p, false)
}

/// The pattern has a lazy quantifier and ends, outside any group it
/// closes, with a literal of 3+ bytes (`...{16,16384}?-----END KEY-----)`).
fn terminated(p: &str) -> bool {
    let lazy = p.contains("}?") || p.contains("*?") || p.contains("+?");
    let body = p.trim_end_matches(')').as_bytes();
    let tail = body
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || b" -_@/:=#".contains(c))
        .count();
    // An escaped or quantified last byte is not a literal.
    let before = body.len().checked_sub(tail + 1).and_then(|i| body.get(i));
    lazy && tail >= 3 && before != Some(&b'\\')
}

/// The literal a pattern must start with, if any (3+ bytes). A leading
/// capture group (`(-----BEGIN...)`) is looked into: the literal still
/// starts every match unless an alternation follows it.
fn literal_prefix(p: &str) -> Option<Vec<u8>> {
    let p = p.strip_prefix(r"\b").unwrap_or(p);
    let p = match p.strip_prefix('(') {
        Some(rest) if !rest.starts_with('?') && !optional_group(rest) => rest,
        _ => p,
    };
    let mut out = Vec::new();
    let b = p.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() || b" -_@/:=#".contains(&c) {
            // A quantifier after it makes the char optional.
            if matches!(b.get(i + 1), Some(b'?' | b'*' | b'{')) {
                break;
            }
            if b.get(i + 1) == Some(&b'+') {
                out.push(c);
                break;
            }
            out.push(c);
            i += 1;
        } else {
            break;
        }
    }
    // An alternation at the top level could start elsewhere.
    if out.len() >= 3 && !top_level_alternation(p) {
        Some(out)
    } else {
        None
    }
}

/// `rest` follows a group's `(`: the group is quantified so that it may
/// be absent (`)?`, `)*`, `){0,`), or never closes.
fn optional_group(rest: &str) -> bool {
    let mut close = None;
    walk(rest, |i, c, depth| {
        let end = c == ')' && depth == 0;
        if end {
            close = Some(i + 1);
        }
        end
    });
    match close.and_then(|i| rest.get(i..)) {
        Some(after) => {
            after.starts_with(['?', '*']) || after.starts_with("{0")
        }
        None => true,
    }
}

fn top_level_alternation(p: &str) -> bool {
    walk(p, |_, c, depth| c == '|' && depth <= 0)
}

/// Calls `f(offset, char, group depth before it)` on each unescaped char
/// of `p` outside bracket classes; stops at (and returns) the first
/// `true`.
fn walk(p: &str, mut f: impl FnMut(usize, char, i32) -> bool) -> bool {
    let (mut depth, mut in_class, mut esc) = (0i32, false, false);
    for (i, c) in p.char_indices() {
        if esc {
            esc = false;
            continue;
        }
        match c {
            '\\' => esc = true,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            _ if in_class => {}
            c => {
                if f(i, c, depth) {
                    return true;
                }
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
            }
        }
    }
    false
}

/// The char of `p` at byte offset `i` and the offset after it.
fn next(p: &str, i: usize) -> Option<(char, usize)> {
    match p.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some((b as char, i + 1)),
        Some(_) => {
            let c = p.get(i..)?.chars().next()?;
            Some((c, i + c.len_utf8()))
        }
        None => None,
    }
}

/// The char of `text` that ends at byte offset `i`, with its start.
pub(crate) fn char_before(text: &str, i: usize) -> Option<(usize, char)> {
    let b = text.as_bytes();
    match i.checked_sub(1).and_then(|j| b.get(j)) {
        Some(&c) if c < 0x80 => Some((i - 1, c as char)),
        Some(_) => {
            let c = text.get(..i)?.chars().next_back()?;
            Some((i - c.len_utf8(), c))
        }
        None => None,
    }
}

/// Largest char boundary at or below `i`.
pub(crate) fn floor_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(p: &str) -> Guard {
        Guard::of_pattern(p, crate::engine::syntax::facts(p).max_len)
    }

    #[test]
    fn classes_and_prefixes() {
        let email = of(r"\b[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@");
        assert!(!email.any);
        assert!(email.contains('a') && email.contains('@'));
        assert!(!email.contains(' '));
        let no = |_: usize| false;
        assert_eq!(email.pending("mail ana@exa", 0, &no), 5);
        assert_eq!(email.pending("mail ana@exa ", 0, &no), 13);
        let pem = of(r"-----BEGIN[ A-Z]{0,4}[\s\S]{1,9}");
        assert_eq!(pem.prefix.as_deref(), Some(&b"-----BEGIN"[..]));
        assert_eq!(pem.pending("abc ---", 0, &no), 4);
        assert_eq!(pem.pending("abc -----BEGIN x", 0, &no), 4);
        assert_eq!(pem.pending("abc -----BEGIN x", 0, &|s| s == 4), 16);
        assert_eq!(pem.pending("abc - x", 0, &no), 7);
        // A leading group is looked into; a lazy body closed by a
        // literal ends at it (a reported match is complete).
        let key = of(
            r"(-----BEGIN[ A-Z]{0,9} KEY-----[A-Za-z0-9 \n]{4,99}?-----END KEY-----)",
        );
        assert_eq!(key.prefix.as_deref(), Some(&b"-----BEGIN"[..]));
        assert!(key.terminated && !key.any);
        let pem =
            "x -----BEGIN A KEY-----\nabcd\n-----END KEY-----\nmore text";
        assert_eq!(key.pending(pem, 0, &no), 2);
        assert_eq!(key.pending(pem, 0, &|s| s == 2), pem.len());
        assert!(of(r"(abc)?def").prefix.is_none());
        assert!(of(r"(abc|def)x").prefix.is_none());
        assert!(!of(r"-----BEGIN[a-z]+-----END").terminated);
        // One-character delimiters around a token do not make the class
        // "any character"; a leading one is held with the run.
        let tok = of(r"\b(AIza[A-Za-z0-9_\-]{35})(?:[^A-Za-z0-9_\-]|$)");
        assert!(!tok.any && !tok.contains(' '));
        assert_eq!(tok.prefix.as_deref(), Some(&b"AIza"[..]));
        assert_eq!(tok.pending("key AIzaSyA1", 0, &no), 4);
        assert_eq!(tok.pending("key AIzaSyA1 ok", 0, &no), 15);
        let lead = of(
            r"(?:^|[^A-Za-z0-9~.])([A-Za-z0-9~.]{3}\dQ~[A-Za-z0-9~.]{31,34})(?:[^A-Za-z0-9~.]|$)",
        );
        assert!(lead.lead && !lead.any);
        assert_eq!(lead.pending("id: abc1Q~x", 0, &no), 3);
        assert_eq!(lead.pending("id: abc1Q~x", 4, &no), 4);
        let dot = of(r"a.b|c");
        assert!(dot.any && dot.prefix.is_none());
        let neg = of(r"x[^a]");
        assert!(neg.any);
        let ci = of(r"(?i)\bab");
        assert!(ci.contains('A') && ci.contains('\u{212A}'));
    }

    /// The hold-back bound covers every built-in rule, and each guard's
    /// class contains every character of the rule's example matches.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn guards_cover_builtin_rules() {
        for r in crate::rules::builtin() {
            let max = crate::engine::syntax::facts(r.pattern).max_len;
            assert!(
                max.is_some_and(|m| m <= MAX_MATCH),
                "rule {} max len {:?} > {}",
                r.id,
                max,
                MAX_MATCH
            );
        }
        let f = crate::Filter::new(crate::Policy::default()).unwrap();
        for r in crate::rules::builtin() {
            let g = of(r.pattern);
            for hit in r.hits {
                for c in
                    f.candidates_with(hit, crate::filter::Side::Prompt, true)
                {
                    if c.rule != r.id {
                        continue;
                    }
                    let v = &hit[c.span.clone()];
                    assert!(
                        v.chars().all(|ch| g.contains(ch)),
                        "rule {}: class misses a char of its example",
                        r.id
                    );
                    if let Some(p) = &g.prefix {
                        assert!(
                            v.as_bytes()[..p.len()].eq_ignore_ascii_case(p)
                        );
                    }
                }
            }
        }
    }
}
