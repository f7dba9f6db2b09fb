//! Built-in secret rules: the table and the code that reads it.
//!
//! The rules are data, hand-edited in `secrets.rules` (next to this file;
//! its header documents the format, the source and licence of the data).
//! build.rs checks that file and writes two things this module includes:
//! - `TABLE`, one compact string (wasm size: a static `RuleDef` per rule
//!   costs ~80 bytes of pointers that gzip cannot shrink; text compresses
//!   well). One rule per line, tab-separated: id, TYPE, comma-separated
//!   keywords, validator code (`T` token, `G` generic_token, `J` jwt, `R`
//!   bare_run, `P` prefixed, `N` none, `C` a `template context` row,
//!   validated as a token), minimum entropy and score in hundredths,
//!   the lengths (longest match in bytes, then `,` and the digits every
//!   match holds when it holds some; see `RuleDef::lengths`), pattern.
//!   Every pattern
//!   reports group 1 and has a bounded maximum match length
//!   (tests/rules.rs).
//! - `EXAMPLES`, each rule's hits, misses and window, only under the
//!   `rule_examples` cfg (build.rs sets it for every target but wasm32:
//!   the examples exist for the native tests and would only cost size).
//!
//! The context template, the placeholder markers and the fillers stay
//! here as code: they are how the engine reads rules, not rules.
//!
//! Provider rules come first (high scores), then generic ones (lower
//! scores, so a provider rule wins an overlap).

use std::sync::OnceLock;

use super::def::RuleDef;
use super::template::{CTX_HEAD, CTX_MID, CTX_TAIL};
use crate::report::Kind;
use crate::validate::Validator;

/// The rule table build.rs writes from `secrets.rules`.
const TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/secrets.tsv"));

/// Number of rows in `TABLE`; a test checks that all of them parse.
pub(crate) const RULES_LEN: usize = line_count(TABLE);

/// (hits, misses, window) per row of `TABLE`, same order (written by
/// build.rs).
#[cfg(rule_examples)]
static EXAMPLES: &[(&[&str], &[&str], usize)] =
    include!(concat!(env!("OUT_DIR"), "/secret_examples.rs"));

/// Rows of a table whose every row ends in `\n` (build.rs writes them so).
const fn line_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The parsed table, built once. Rows that do not parse are skipped (a
/// test checks there are none); parsing never panics.
pub(crate) fn rules() -> &'static [RuleDef] {
    static CELL: OnceLock<Vec<RuleDef>> = OnceLock::new();
    CELL.get_or_init(|| {
        TABLE.lines().enumerate().filter_map(|(i, l)| row(i, l)).collect()
    })
}

/// The next tab-separated field of `rest` (all of it for the last).
fn field(rest: &mut &'static str) -> Option<&'static str> {
    let line: &'static str = rest;
    match line.bytes().position(|b| b == b'\t') {
        Some(i) => {
            *rest = line.get(i + 1..)?;
            line.get(..i)
        }
        None => {
            *rest = "";
            Some(line)
        }
    }
}

/// One row. Every filter's first compile reads all ~425: splitting by
/// hand and sizing each allocation up front made it a third cheaper.
fn row(index: usize, line: &'static str) -> Option<RuleDef> {
    let mut rest = line;
    let id = field(&mut rest)?;
    let type_name = match field(&mut rest)? {
        // build.rs leaves out a type that is the id in upper case.
        "" => {
            let t: String = id
                .bytes()
                .map(|b| {
                    if b == b'-' {
                        '_'
                    } else {
                        char::from(b.to_ascii_uppercase())
                    }
                })
                .collect();
            &*Box::leak(t.into_boxed_str())
        }
        t => t,
    };
    let list = field(&mut rest)?;
    let mut keywords: Vec<&'static str> =
        Vec::with_capacity(list.bytes().filter(|&b| b == b',').count() + 1);
    keywords.extend(list.split(',').filter(|k| !k.is_empty()));
    let code = field(&mut rest)?;
    let validator = match code {
        "N" => Validator::None,
        "G" => Validator::GenericToken,
        "J" => Validator::Jwt,
        "R" => Validator::BareRun,
        "P" => Validator::Prefixed,
        "C" => Validator::NamedToken,
        "B" => Validator::Base64Credentials,
        _ => Validator::Token,
    };
    let min_entropy = hundredths(field(&mut rest)?)?;
    let score = hundredths(field(&mut rest)?)?;
    let lengths = match field(&mut rest)? {
        "" => None,
        l => {
            let (n, d) = l.split_once(',').unwrap_or((l, "0"));
            Some((int(n)?, int(d)?))
        }
    };
    let mut pattern = rest;
    if code == "C" {
        // A provider key named (by one of the keywords) before an
        // assignment; the pattern field is the value alone.
        let names: usize = keywords.iter().map(|k| 2 * k.len() + 1).sum();
        let mut p = String::with_capacity(
            CTX_HEAD.len()
                + names
                + CTX_MID.len()
                + pattern.len()
                + CTX_TAIL.len(),
        );
        p.push_str(CTX_HEAD);
        for (i, k) in keywords.iter().enumerate() {
            if i > 0 {
                p.push('|');
            }
            // Word bytes are never escaped: copy them as they are.
            if k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                p.push_str(k);
            } else {
                p.push_str(&regex::escape(k));
            }
        }
        p.push_str(CTX_MID);
        p.push_str(pattern);
        p.push_str(CTX_TAIL);
        pattern = Box::leak(p.into_boxed_str());
    }
    #[cfg(rule_examples)]
    let (hits, misses, window): (
        &'static [&'static str],
        &'static [&'static str],
        usize,
    ) = match EXAMPLES.get(index) {
        Some(&(h, m, w)) => (h, m, w),
        None => (&[], &[], 0),
    };
    #[cfg(not(rule_examples))]
    let (hits, misses, window, _): (
        &'static [&'static str],
        &'static [&'static str],
        usize,
        usize,
    ) = (&[], &[], 0, index);
    Some(RuleDef {
        id,
        kind: Kind::Secret,
        type_name,
        keywords: Box::leak(keywords.into_boxed_slice()),
        pattern,
        group: 1,
        validator,
        min_entropy,
        score,
        context: &[],
        anti_context: &[],
        window,
        lengths,
        hits,
        misses,
    })
}

/// Fixed-point number in hundredths: `97` is 0.97. (No float parsing:
/// `f32::from_str` costs kilobytes of wasm.)
fn hundredths(s: &str) -> Option<f32> {
    Some(int(s)? as f32 / 100.0)
}

fn int(s: &str) -> Option<u32> {
    let mut n = 0u32;
    for b in s.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
    }
    Some(n)
}

/// Placeholder markers: a secret-kind span containing one of these
/// (ASCII case-insensitive) is documentation, not a credential.
pub(crate) static STOPWORDS: &[&str] = &[
    "example",
    "xxxxxxxx",
    "changeme",
    "change_me",
    "placeholder",
    "your_",
    "your-",
    "<your",
    "${",
    "{{",
    "redacted",
    "dummy",
    "sample",
    "insert",
    "replace_me",
    "process.env",
    "os.environ",
    "getenv",
    "********",
];

/// Filler that fixtures write into keys. A span with some is a placeholder
/// only when what is left without it is not random on its own
/// (`validate::looks_random`): a random key stays a key with "fake" in it.
pub(crate) static FILLERS: &[&str] = &["fake", "00000000"];

#[cfg(test)]
mod tests {
    use super::*;

    /// The row reader gives every row of the table, each context row's
    /// pattern as the template with its keywords escaped (the way it was
    /// built with `format!` and `regex::escape`), and each left-out type
    /// as the id in upper case.
    #[test]
    fn rows_read_as_written() {
        assert_eq!(rules().len(), RULES_LEN);
        for (line, def) in TABLE.lines().zip(rules()) {
            let f: Vec<&str> = line.splitn(8, '\t').collect();
            assert_eq!(def.id, f[0]);
            let ty = if f[1].is_empty() {
                f[0].to_ascii_uppercase().replace('-', "_")
            } else {
                f[1].to_string()
            };
            assert_eq!(def.type_name, ty);
            let kws: Vec<&str> =
                f[2].split(',').filter(|k| !k.is_empty()).collect();
            assert_eq!(def.keywords, &kws[..]);
            let pattern = if f[3] == "C" {
                let names: Vec<String> =
                    kws.iter().map(|k| regex::escape(k)).collect();
                format!(
                    "{CTX_HEAD}{}{CTX_MID}{}{CTX_TAIL}",
                    names.join("|"),
                    f[7]
                )
            } else {
                f[7].to_string()
            };
            assert_eq!(def.pattern, pattern, "{}", def.id);
        }
    }
}
