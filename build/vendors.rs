//! The vendor format table's reader, one job of the build script: parses
//! `src/rules/secrets.vendors` (its header documents the format and the
//! shape dialect) into one context row per vendor, code `V`, with hit and
//! miss examples drawn from the shapes, plus the formats of the shapes
//! marked `=`. build.rs includes this file by `#[path]` and hands it the
//! text; it is no module of the crate.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::{Errors, Rule};

/// The vendor format table (see its header): one row per detector,
/// merged per vendor (first keyword) into one context row each, code
/// `V`: a context row whose value pattern is the vendor's whole format
/// (`secrets.rs` turns down generic values beside the vendor's name that
/// have none of its shapes). Hit and miss examples are drawn from the
/// shapes. `ids` are the hand-written rules' ids (no row may reuse one).
/// Also returns the shapes marked `=` (reported by hand-written rules),
/// one `keywords<TAB>pattern` line per vendor with some: formats only.
pub(super) fn vendor_rules(
    text: &str,
    ids: &HashSet<String>,
) -> Result<(Vec<Rule>, String), Errors> {
    let mut errors = Errors::new();
    // First keyword -> (keywords, shapes), in order of first appearance.
    type Shapes = Vec<(String, Vec<Atom>, bool)>;
    let mut vendors: Vec<(Vec<String>, Shapes)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [kws, shapes, source] = cols[..] else {
            errors.push((
                n,
                "expected keywords, shapes, source (3 tab-separated columns)"
                    .into(),
            ));
            continue;
        };
        if !source.contains(':') || line.ends_with([' ', '\t']) {
            errors.push((
                n,
                "source is not `set:id` or the line ends in a blank".into(),
            ));
        }
        let kws: Vec<String> = kws.split(' ').map(str::to_string).collect();
        if kws.iter().any(|k| {
            k.is_empty()
                || !k
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        }) {
            errors.push((
                n,
                "keywords: lowercase letters and digits, one blank apart"
                    .into(),
            ));
            continue;
        }
        let mut parsed = Vec::new();
        for s in shapes.split(' ') {
            let (s, covered) = match s.strip_prefix('=') {
                Some(rest) => (rest, true),
                None => (s, false),
            };
            // `(?i)`: letters in either case (a detector whose
            // pattern is case-insensitive as a whole).
            let (regex, parsed_shape) = match s.strip_prefix("(?i)") {
                Some(rest) => (format!("(?i:{rest})"), shape(rest).map(fold)),
                None => (s.to_string(), shape(s)),
            };
            match parsed_shape {
                Ok(a) => parsed.push((regex, a, covered)),
                Err(e) => errors.push((n, format!("shape `{s}`: {e}"))),
            }
        }
        match vendors.iter_mut().find(|v| v.0[0] == kws[0]) {
            Some(v) => {
                for k in kws {
                    if !v.0.contains(&k) {
                        v.0.push(k);
                    }
                }
                for p in parsed {
                    if !v.1.iter().any(|q| q.0 == p.0) {
                        v.1.push(p);
                    }
                }
            }
            None => vendors.push((kws, parsed)),
        }
    }
    let mut rules = Vec::new();
    let mut formats = String::new();
    for (kws, shapes) in &vendors {
        let alternation = |covered: bool| -> Option<String> {
            let p: Vec<&str> = shapes
                .iter()
                .filter(|s| s.2 == covered)
                .map(|s| s.0.as_str())
                .collect();
            match p.len() {
                0 => None,
                1 => Some(p[0].to_string()),
                _ => Some(format!("(?:{})", p.join("|"))),
            }
        };
        if let Some(p) = alternation(true) {
            let _ = writeln!(formats, "{}\t{}", kws.join(","), p);
        }
        let Some(pattern) = alternation(false) else { continue };
        let mut id = format!("{}-key", kws[0]);
        if ids.contains(&id) {
            id = format!("{}-vendor-key", kws[0]);
        }
        let fits = |v: &[u8]| shapes.iter().any(|s| matches_shape(&s.1, v));
        let mut hits = Vec::new();
        let mut misses = Vec::new();
        for (k, (_, atoms, _)) in shapes.iter().enumerate().filter(|s| !s.1 .2)
        {
            let value = draw_shape(atoms, k as u64 + kws[0].len() as u64);
            hits.push(format!("{}_key = \"{}\"", kws[0], value));
            // One word character more: no shape of the vendor has it,
            // nor a front piece of it that ends before a boundary.
            let more = atoms
                .last()
                .and_then(|a| {
                    a.set.iter().copied().find(u8::is_ascii_alphanumeric)
                })
                .unwrap_or(b'Q');
            let mut longer = value.clone().into_bytes();
            longer.push(more);
            let word =
                |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'-';
            let any_piece = (1..=longer.len()).any(|p| {
                (p == longer.len() || !word(longer[p])) && fits(&longer[..p])
            });
            if !any_piece {
                misses.push(format!(
                    "{} token: {}",
                    kws[0],
                    String::from_utf8_lossy(&longer)
                ));
            }
        }
        if misses.is_empty() {
            misses.push(format!("{} token:", kws[0]));
        }
        let max_kw = kws.iter().map(String::len).max().unwrap_or(0);
        let max_value = shapes
            .iter()
            .filter(|s| !s.2)
            .map(|s| s.1.iter().map(|a| a.max).sum::<usize>())
            .max()
            .unwrap_or(0);
        let mut rule = Rule {
            id,
            type_name: String::new(),
            keywords: kws.clone(),
            code: 'V',
            min_entropy: 250,
            score: 85,
            window: 0,
            keyword_lead: None,
            pattern,
            hits,
            misses,
            part_of: Vec::new(),
        };
        rule.type_name = rule.id.to_ascii_uppercase().replace('-', "_");
        // Four bytes per char of the longest match: the template's
        // longest (all but the name and the value) plus both.
        rule.window = (4 * (CTX_CHARS + max_kw + max_value)) as u32;
        rules.push(rule);
    }
    if errors.is_empty() {
        Ok((rules, formats))
    } else {
        Err(errors)
    }
}

/// Chars of the context template's longest match around the vendor name
/// and the value (tests/rules.rs checks the windows built from it).
const CTX_CHARS: usize = 69;

/// One atom of a shape: a byte set, repeated `min..=max` times.
struct Atom {
    set: Vec<u8>,
    min: usize,
    max: usize,
}

/// Parses the shape dialect of `secrets.vendors`.
fn shape(s: &str) -> Result<Vec<Atom>, String> {
    let b = s.as_bytes();
    let mut atoms: Vec<Atom> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let set: Vec<u8> = match b[i] {
            b'[' => {
                let end = b[i..]
                    .iter()
                    .position(|&c| c == b']')
                    .ok_or("unclosed `[`")?
                    + i;
                let inner = &b[i + 1..end];
                let mut set = Vec::new();
                let mut j = 0;
                while j < inner.len() {
                    let c = if inner[j] == b'\\' {
                        j += 1;
                        *inner.get(j).ok_or("`\\` at the end")?
                    } else {
                        inner[j]
                    };
                    if inner.get(j + 1) == Some(&b'-') && j + 2 < inner.len() {
                        let hi = inner[j + 2];
                        if hi < c {
                            return Err("reversed range".into());
                        }
                        set.extend(c..=hi);
                        j += 3;
                    } else {
                        set.push(c);
                        j += 1;
                    }
                }
                i = end + 1;
                set
            }
            b'\\' => {
                let c = *b.get(i + 1).ok_or("`\\` at the end")?;
                i += 2;
                vec![c]
            }
            c if c.is_ascii_alphanumeric()
                || matches!(c, b'_' | b'-' | b':' | b'/' | b'=' | b'@') =>
            {
                i += 1;
                vec![c]
            }
            c => {
                return Err(format!(
                    "`{}` is not in the dialect",
                    char::from(c)
                ))
            }
        };
        if set.is_empty() || !set.iter().all(|c| c.is_ascii_graphic()) {
            return Err("empty class or a class with a non-printable".into());
        }
        let (mut min, mut max) = (1, 1);
        if b.get(i) == Some(&b'{') {
            let end = b[i..]
                .iter()
                .position(|&c| c == b'}')
                .ok_or("unclosed `{`")?
                + i;
            let inner = std::str::from_utf8(&b[i + 1..end])
                .map_err(|_| "bad count")?;
            let (lo, hi) = inner.split_once(',').unwrap_or((inner, inner));
            min = lo.parse().map_err(|_| "bad count")?;
            max = hi.parse().map_err(|_| "bad count")?;
            if min == 0 || max < min || max > 5000 {
                return Err("count out of 1..=5000 or reversed".into());
            }
            i = end + 1;
        }
        let mut set = set;
        set.sort_unstable();
        set.dedup();
        atoms.push(Atom { set, min, max });
    }
    if atoms.is_empty() {
        return Err("empty".into());
    }
    Ok(atoms)
}

/// The shape with each letter in both cases.
fn fold(atoms: Vec<Atom>) -> Vec<Atom> {
    atoms
        .into_iter()
        .map(|mut a| {
            let other: Vec<u8> = a
                .set
                .iter()
                .filter(|c| c.is_ascii_alphabetic())
                .map(|c| c ^ 0x20)
                .collect();
            a.set.extend(other);
            a.set.sort_unstable();
            a.set.dedup();
            a
        })
        .collect()
}

/// Whether all of `v` is a string of the shape.
fn matches_shape(atoms: &[Atom], v: &[u8]) -> bool {
    // Positions reachable after each atom.
    let mut at = vec![false; v.len() + 1];
    at[0] = true;
    for a in atoms {
        let mut next = vec![false; v.len() + 1];
        for start in 0..=v.len() {
            if !at[start] {
                continue;
            }
            let mut n = 0;
            while n < a.max
                && start + n < v.len()
                && a.set.contains(&v[start + n])
            {
                n += 1;
                if n >= a.min {
                    next[start + n] = true;
                }
            }
        }
        at = next;
    }
    at[v.len()]
}

/// A deterministic pseudo-random string of the shape (each atom at its
/// longest, capped at 64), with enough variety for the rows' entropy
/// floor.
fn draw_shape(atoms: &[Atom], seed: u64) -> String {
    let mut x = 0x9E37_79B9_7F4A_7C15u64 ^ seed.wrapping_mul(0x1000_0000_01B3);
    let mut out = String::new();
    for a in atoms {
        let n = if a.max > 64 { a.min.max(64) } else { a.max };
        for _ in 0..n {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            out.push(char::from(a.set[(x % a.set.len() as u64) as usize]));
        }
    }
    out
}
