//! The secret table's patterns in one spelling, one job of the build
//! script: the same pattern, written as the data writes it, can spell a
//! class many ways (`[a-zA-Z0-9]`, `[0-9A-Za-z]`, `(?i:[a-z0-9])`), and
//! each spelling is bytes gzip has to keep apart. `canon` rewrites a
//! pattern so that every class lists its members in one order and a
//! `(?i:…)` group of classes alone (no letter outside a class) becomes
//! its classes with both cases written out. The set of texts a pattern
//! matches does not change (regex-lite's `(?i)` folds ASCII only, so a
//! class under it is the class with each ASCII letter's other case); the
//! rules' hit and miss examples and `tests/secret_draws.rs` run on the
//! rewritten patterns. ~0.4 KB of the table gzipped alone (issue 16,
//! branch sizedata44). Anything this reader does not know (a negated or
//! nested class, a letter range across cases) is left as written.

/// `pattern` with its classes in one order and its `(?i:…)` groups of
/// classes alone folded (see the top of this file).
pub(super) fn canon(pattern: &str) -> String {
    fold_groups(&sort_classes(pattern))
}

/// Each plain class of `p` with its members sorted (see [`class`]).
fn sort_classes(p: &str) -> String {
    let b = p.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => {
                let end = (i + 2).min(b.len());
                out.push_str(&p[i..end]);
                i = end;
            }
            b'[' => match class_end(b, i) {
                Some(end) => {
                    let body = &p[i + 1..end];
                    match class(body, false) {
                        Some(c) => out.push_str(&c),
                        None => out.push_str(&p[i..=end]),
                    }
                    i = end + 1;
                }
                None => {
                    out.push_str(&p[i..]);
                    i = b.len();
                }
            },
            _ => {
                let c = p[i..].chars().next().unwrap_or_default();
                out.push(c);
                i += c.len_utf8().max(1);
            }
        }
    }
    out
}

/// The index of the `]` that closes the class opened at `open`, or `None`
/// for a class this reader leaves alone (nested, empty, unclosed).
fn class_end(b: &[u8], open: usize) -> Option<usize> {
    let mut j = open + 1;
    if b.get(j) == Some(&b']') {
        return None;
    }
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'[' => return None,
            b']' => return Some(j),
            _ => j += 1,
        }
    }
    None
}

/// A class body's members written in one order, `[` and `]` around:
/// upper-case ranges, lower-case, digit ranges, escapes such as `\w`,
/// then single characters by byte, `-` last and escaped. With `fold`,
/// each ASCII letter range and letter gets its other case too. `None`
/// for what this reader leaves alone (negation, non-ASCII, a range that
/// is not within one of `A-Z`, `a-z`, `0-9`).
fn class(body: &str, fold: bool) -> Option<String> {
    let b = body.as_bytes();
    if b.first() == Some(&b'^') || !body.is_ascii() {
        return None;
    }
    let mut ranges: Vec<(u8, u8)> = Vec::new();
    let mut escapes: Vec<u8> = Vec::new();
    let mut singles: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let (c, escaped) =
            if b[i] == b'\\' { (*b.get(i + 1)?, true) } else { (b[i], false) };
        let next = i + if escaped { 2 } else { 1 };
        if escaped && c.is_ascii_alphanumeric() {
            // `\w`, `\d`, `\s` and the like: kept as written.
            escapes.push(c);
            i = next;
        } else if !escaped && b.get(next) == Some(&b'-') && next + 1 < b.len()
        {
            let hi = b[next + 1];
            let same = |x: fn(&u8) -> bool| x(&c) && x(&hi);
            if hi == b'\\'
                || c > hi
                || !(same(u8::is_ascii_uppercase)
                    || same(u8::is_ascii_lowercase)
                    || same(u8::is_ascii_digit))
            {
                return None;
            }
            ranges.push((c, hi));
            i = next + 2;
        } else {
            singles.push(c);
            i = next;
        }
    }
    if fold {
        let other: Vec<(u8, u8)> = ranges
            .iter()
            .filter(|r| r.0.is_ascii_alphabetic())
            .map(|r| (swap(r.0), swap(r.1)))
            .collect();
        ranges.extend(other);
        let other: Vec<u8> = singles
            .iter()
            .filter(|c| c.is_ascii_alphabetic())
            .map(|&c| swap(c))
            .collect();
        singles.extend(other);
    }
    let rank = |c: u8| match c {
        b'A'..=b'Z' => 0,
        b'a'..=b'z' => 1,
        _ => 2,
    };
    ranges.sort_by_key(|&(lo, hi)| (rank(lo), lo, hi));
    ranges.dedup();
    escapes.sort_unstable();
    escapes.dedup();
    singles.sort_unstable_by_key(|&c| (c == b'-', c));
    singles.dedup();
    let mut out = String::from("[");
    for (lo, hi) in ranges {
        out.push(char::from(lo));
        out.push('-');
        out.push(char::from(hi));
    }
    for c in escapes {
        out.push('\\');
        out.push(char::from(c));
    }
    for c in singles {
        if matches!(c, b'-' | b'[' | b']' | b'\\' | b'^') {
            out.push('\\');
        }
        out.push(char::from(c));
    }
    out.push(']');
    Some(out)
}

fn swap(c: u8) -> u8 {
    if c.is_ascii_uppercase() {
        c.to_ascii_lowercase()
    } else {
        c.to_ascii_uppercase()
    }
}

/// Each `(?i:…)` group of `p` that holds classes, counted repetitions
/// and characters that are neither letters nor meta characters, written
/// as its contents with every class folded (see [`class`]).
fn fold_groups(p: &str) -> String {
    let mut out = String::new();
    let mut rest = p;
    while let Some(k) = rest.find("(?i:") {
        out.push_str(&rest[..k]);
        let group = &rest[k..];
        match fold_group(group) {
            Some((folded, len)) => {
                out.push_str(&folded);
                rest = &group[len..];
            }
            None => {
                out.push_str("(?i:");
                rest = &group[4..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The group at the start of `g` (`(?i:` …), folded, and its length in
/// bytes; `None` when it holds anything but classes, counted
/// repetitions and non-letter literals.
fn fold_group(g: &str) -> Option<(String, usize)> {
    let b = g.as_bytes();
    let mut out = String::new();
    let mut i = 4;
    while i < b.len() {
        match b[i] {
            b')' => return Some((out, i + 1)),
            b'[' => {
                let end = class_end(b, i)?;
                out.push_str(&class(&g[i + 1..end], true)?);
                i = end + 1;
            }
            b'{' => {
                let end = i + g[i..].find('}')?;
                let n = &g[i + 1..end];
                if !n.bytes().all(|c| c.is_ascii_digit() || c == b',') {
                    return None;
                }
                out.push_str(&g[i..=end]);
                i = end + 1;
            }
            c if c.is_ascii_alphanumeric() && !c.is_ascii_digit() => {
                return None;
            }
            b'\\' | b'(' | b'|' | b'.' | b'^' | b'$' | b'*' | b'+' | b'?' => {
                return None;
            }
            c if c.is_ascii() => {
                out.push(char::from(c));
                i += 1;
            }
            _ => return None,
        }
    }
    None
}
