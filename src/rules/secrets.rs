//! Built-in secret rules: the table and the code that reads it.
//!
//! The rules are data, hand-edited in `secrets.rules` (next to this file;
//! its header documents the format, the source and licence of the data).
//! build.rs checks that file and writes two things this module includes:
//! - `TABLE`, one compact string (wasm size: a static `RuleDef` per rule
//!   costs ~80 bytes of pointers that gzip cannot shrink; text compresses
//!   well). One rule per line, tab-separated: score and minimum entropy
//!   in hundredths, validator code (`T` token, `G` generic_token, `J`
//!   jwt, `R` bare_run, `P` prefixed, `N` none, `C` a `template context`
//!   row, validated as a token), pattern, the lengths (longest match in
//!   bytes, then `,` and the digits every match holds when it holds
//!   some, then `,` and the keyword lead when the rule has one; see
//!   `RuleDef::lengths` and `keyword_lead`; a context row's leave out
//!   what its keywords add, see `keyword_part`), comma-separated
//!   keywords (empty: the id's first word), id, TYPE (empty: the id in
//!   upper case). That order gzips best of the 40,320 (~0.25 KB below
//!   id first, the order of `secrets.rules`; branch sizedata44): a row's
//!   end and the next row's start repeat more from row to row.
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

/// Vendor formats that hand-written rules report (the `=` shapes of
/// `secrets.vendors`): `names<TAB>pattern` per vendor, for
/// [`named_vendor_rejects`] only (build.rs writes it).
const FORMATS: &str =
    include_str!(concat!(env!("OUT_DIR"), "/secret_formats.tsv"));

/// Credential parts (the `part_of` key of `secrets.rules`): `id<TAB>types`
/// per rule whose value is an identifier part of a credential (a client
/// id, the account's e-mail, a consumer key), reported only beside a
/// secret of one of `types` (`any`: of any type); see
/// `filter::resolve::credential_parts`.
const PARTS: &str =
    include_str!(concat!(env!("OUT_DIR"), "/secret_parts.tsv"));

/// The secret types rule `id` is a part of (blank-separated, or `any`),
/// or `None` when the rule reports its matches alone.
pub(crate) fn part_of(id: &str) -> Option<&'static str> {
    PARTS.lines().find_map(|l| {
        let (rule, types) = l.split_once('\t')?;
        (rule == id).then_some(types)
    })
}

/// The places of the validator code, the pattern and the id among a
/// `TABLE` row's tab-separated fields (see `TABLE` for the order).
const CODE_AT: usize = 2;
#[cfg(test)]
const PATTERN_AT: usize = 3;
#[cfg(test)]
const KEYWORDS_AT: usize = 5;
#[cfg(test)]
const ID_AT: usize = 6;
#[cfg(test)]
const TYPE_AT: usize = 7;

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
        // Sized up front: collecting grew it 8 times (~150K instructions
        // of a native cold start, copying rows).
        let mut out = Vec::with_capacity(RULES_LEN);
        let (mut rest, mut i) = (TABLE, 0);
        while let Some(l) = next_line(&mut rest) {
            out.extend(row(i, l));
            i += 1;
        }
        out
    })
}

/// The next `\n`-terminated line of `rest` (all of it for the last;
/// `None` once it is empty): a byte loop of its own, not `str::lines`
/// (issue 16, cold start: `lines`' char searcher and `memchr` over the
/// table's ~57 KB were two TurboFan jobs in every filter constructor).
#[inline(never)]
fn next_line(rest: &mut &'static str) -> Option<&'static str> {
    if rest.is_empty() {
        return None;
    }
    field_at(rest, b'\n')
}

/// The next tab-separated field of `rest` (all of it for the last).
fn field(rest: &mut &'static str) -> Option<&'static str> {
    field_at(rest, b'\t')
}

/// The part of `rest` before the first `sep` (all of it without one);
/// `rest` moves past it and `sep`.
#[inline(never)]
fn field_at(rest: &mut &'static str, sep: u8) -> Option<&'static str> {
    let line: &'static str = rest;
    match line.bytes().position(|b| b == sep) {
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

/// One row. Every filter's first compile reads all ~700: splitting by
/// hand and sizing each allocation up front made it a third cheaper.
/// Its fields are read in two out-of-line halves, [`names`] and
/// [`values`] (issue 16): V8 charges a function its machine code at every
/// return, and one function of the whole row, called for every row, ran
/// over its tier-up budget and was compiled by TurboFan in the filter
/// constructor; each half stays under it.
fn row(index: usize, line: &'static str) -> Option<RuleDef> {
    let mut rest = line;
    // The fields in the table's order (see `TABLE`).
    let score = field(&mut rest)?;
    let min_entropy = field(&mut rest)?;
    let code = field(&mut rest)?;
    let pattern = field(&mut rest)?;
    let lengths = field(&mut rest)?;
    let keywords = field(&mut rest)?;
    let id = field(&mut rest)?;
    let (id, type_name, keywords) = names(id, rest, keywords)?;
    let (validator, min_entropy, score, lengths, keyword_lead, pattern) =
        values(code, min_entropy, score, lengths, pattern, keywords)?;
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
        keywords,
        pattern,
        group: 1,
        validator,
        min_entropy,
        score,
        context: &[],
        anti_context: &[],
        window,
        lengths,
        letters_in_match: false,
        keyword_lead,
        hits,
        misses,
    })
}

/// A row's id, type and keywords from their fields.
#[inline(never)]
fn names(
    id: &'static str,
    type_field: &'static str,
    keywords: &'static str,
) -> Option<(&'static str, &'static str, &'static [&'static str])> {
    let type_name = match type_field {
        // build.rs leaves out a type that is the id in upper case.
        "" => upper_type(id),
        t => t,
    };
    // build.rs leaves out keywords that are the id's first word alone.
    let list = match keywords {
        "" => {
            id.get(..id.bytes().position(|b| b == b'-').unwrap_or(id.len()))?
        }
        l => l,
    };
    Some((id, type_name, keyword_list(list)))
}

/// What a row's fields after the keywords hold: (validator, minimum
/// entropy, score, lengths, keyword lead, pattern).
type Values =
    (Validator, f32, f32, Option<(u32, u32)>, Option<u8>, &'static str);

/// A row's values from their fields (`keywords` as [`names`] gives
/// them).
#[inline(never)]
fn values(
    code: &str,
    min_entropy: &str,
    score: &str,
    lengths: &str,
    pattern: &'static str,
    keywords: &[&str],
) -> Option<Values> {
    let validator = match code {
        "N" => Validator::None,
        "G" => Validator::GenericToken,
        "J" => Validator::Jwt,
        "R" => Validator::BareRun,
        "P" => Validator::Prefixed,
        "C" | "V" => Validator::NamedToken,
        "B" => Validator::Base64Credentials,
        _ => Validator::Token,
    };
    let min_entropy = hundredths(min_entropy)?;
    let score = hundredths(score)?;
    let (lengths, lead) = match lengths {
        "" => (None, None),
        l => {
            let (n, d) = l.split_once(',').unwrap_or((l, "0"));
            let (d, lead) = match d.split_once(',') {
                Some((d, lead)) => (d, Some(u8::try_from(int(lead)?).ok()?)),
                None => (d, None),
            };
            let (mut n, mut d) = (int(n)?, int(d)?);
            if code == "C" || code == "V" {
                // build.rs leaves out what the keywords add.
                let (kn, kd) = keyword_part(keywords);
                n = n.checked_add(kn)?;
                d = d.checked_add(kd)?;
            }
            (Some((n, d)), lead)
        }
    };
    let mut pattern = pattern;
    if code == "C" || code == "V" {
        // A provider key named (by one of the keywords) before an
        // assignment; the pattern field is the value alone.
        pattern = context_pattern(keywords, pattern);
    }
    Some((validator, min_entropy, score, lengths, lead, pattern))
}

/// What a context row's keywords add to its lengths, which build.rs
/// leaves out of the table: the longest keyword's bytes and the fewest
/// ASCII digits of one (0, 0 without keywords).
#[inline(never)]
fn keyword_part(keywords: &[&str]) -> (u32, u32) {
    let (mut longest, mut digits) = (0, usize::MAX);
    for k in keywords {
        longest = longest.max(k.len());
        digits = digits.min(k.bytes().filter(u8::is_ascii_digit).count());
    }
    if keywords.is_empty() {
        digits = 0;
    }
    let longest = u32::try_from(longest).unwrap_or(u32::MAX);
    (longest, u32::try_from(digits).unwrap_or(u32::MAX))
}

/// The type of a row that leaves it out: the id in upper case, `-` as
/// `_`. This, [`keyword_list`] and [`context_pattern`] are out of line
/// too: their loops, inlined, charged the row reader each turn.
#[inline(never)]
fn upper_type(id: &str) -> &'static str {
    // Whole strings, not a char a byte: `String::push` of each char
    // (~10,000 over the table) took its UTF-8 encoder over V8's tier-up
    // budget in the filter constructor (issue 16).
    let mut t = id.replace('-', "_");
    t.make_ascii_uppercase();
    Box::leak(t.into_boxed_str())
}

/// A row's comma-separated keywords.
#[inline(never)]
fn keyword_list(list: &'static str) -> &'static [&'static str] {
    let mut keywords: Vec<&'static str> =
        Vec::with_capacity(list.bytes().filter(|&b| b == b',').count() + 1);
    // `field_at`, not `split(',')`: the char searcher stays out of the
    // constructor (see `next_line`).
    let mut rest = list;
    while !rest.is_empty() {
        match field_at(&mut rest, b',') {
            Some(k) if !k.is_empty() => keywords.push(k),
            Some(_) => {}
            None => break,
        }
    }
    Box::leak(keywords.into_boxed_slice())
}

/// The pattern of a context row (`C`, `V`): one of `keywords` named
/// before an assignment, then `value`, the row's pattern field.
#[inline(never)]
fn context_pattern(keywords: &[&str], value: &str) -> &'static str {
    let names: usize = keywords.iter().map(|k| 2 * k.len() + 1).sum();
    let mut p = String::with_capacity(
        CTX_HEAD.len() + names + CTX_MID.len() + value.len() + CTX_TAIL.len(),
    );
    p.push_str(CTX_HEAD);
    // `|` as a string: `String::push` of a char runs the UTF-8 encoder,
    // which ~500 rows' pushes took over V8's tier-up budget (issue 16).
    let mut sep = "";
    for k in keywords {
        p.push_str(sep);
        sep = "|";
        // Word bytes are never escaped: copy them as they are.
        if k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            p.push_str(k);
        } else {
            p.push_str(&regex::escape(k));
        }
    }
    p.push_str(CTX_MID);
    p.push_str(value);
    p.push_str(CTX_TAIL);
    Box::leak(p.into_boxed_str())
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

/// Words that, as a piece of the name a value is assigned to, say the
/// value is made up: `FAKE_KEY=`, `dummyToken:`, `"sample_secret": `.
/// [`named_placeholder`] reads them; the name must have another piece
/// (a bare `example:` or `sample` introduces text, it names no key).
pub(crate) static NAME_MARKERS: &[&str] =
    &["fake", "dummy", "example", "sample", "placeholder", "mock", "bogus"];

/// Bytes before a value searched for the name it is assigned to.
const NAME_LOOKBACK: usize = 64;

/// Whether the value at `span` of `text` is assigned to a name with a
/// [`NAME_MARKERS`] piece: the identifier (letters, digits, `_`, `-`,
/// `.`) that ends the value's line before it, after the assignment's
/// quotes, blanks and operator. Looks back at most [`NAME_LOOKBACK`]
/// bytes, within the left context the stream scanner keeps.
#[inline(never)]
pub(crate) fn named_placeholder(
    text: &str,
    span: &std::ops::Range<usize>,
) -> bool {
    let from = floor_boundary(text, span.start.saturating_sub(NAME_LOOKBACK));
    let Some(head) = text.get(from..span.start) else { return false };
    let line = &head[head.rfind('\n').map_or(0, |i| i + 1)..];
    let ident =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.');
    let name = line.trim_end_matches(|c: char| {
        matches!(
            c,
            ' ' | '\t'
                | '"'
                | '\''
                | '`'
                | '='
                | ':'
                | '>'
                | '('
                | '['
                | ']'
                | ','
        )
    });
    let name = &name[name.trim_end_matches(ident).len()..];
    let (mut pieces, mut marked) = (0, false);
    each_piece(name, &mut |a, _| {
        pieces += 1;
        marked |=
            NAME_MARKERS.iter().any(|m| a.eq_ignore_ascii_case(m.as_bytes()));
    });
    marked && pieces >= 2
}

/// Context rows (`template context`) whose pattern is the vendor's whole
/// documented key format, checked against the source each records: a
/// generic value after one of these vendors' names must have the format
/// ([`named_vendor_rejects`]). Other context rows are not listed: many
/// vendors issue keys of several shapes (ids, secrets, legacy and new
/// formats) and a row there finds one of them, so a value of another
/// shape may still be that vendor's credential.
pub(crate) static VENDOR_FORMATS: &[&str] = &[
    "adzuna-api-key",
    "airvisual-api-key",
    "alconost-api-key",
    "alienvault-otx-key",
    "amadeus-api-key",
    "apiflash-access-key",
    "apifonica-token",
    "apollo-api-key",
    "appcues-api-key",
    "appointedd-api-key",
    "aylien-api-key",
    "borgbase-token",
    "blazemeter-api-key",
    "appsynergy-api-key",
    "apptivo-api-key",
    "audd-api-token",
    "besnappy-api-key",
    "monkeylearn-api-key",
    "lokalise-api-token",
    "box-token",
    "braintree-private-key",
    "clientary-api-key",
    "mux-token",
    "avaza-personal-access-token",
    "wandb-api-key",
    "mite-api-key",
    "betterstack-token",
    "algolia-api-key",
    "algolia-app-id",
    "mailjet-key",
    "shutterstock-oauth-token",
    "asana-access-token",
    "atlassian-legacy-token",
    "atlassian-datacenter-token",
];

/// Bytes before a generic value searched for a vendor's name.
const VENDOR_LOOKBACK: usize = 160;

/// The [`VENDOR_FORMATS`] rows: their keywords (vendor names), their
/// value pattern and, once compiled, that pattern anchored to a whole
/// value. Read from the parsed rules (no second parse of the table).
type VendorFormat =
    (&'static [&'static str], &'static str, OnceLock<Option<regex::Regex>>);

fn vendor_formats() -> &'static [VendorFormat] {
    static CELL: OnceLock<Vec<VendorFormat>> = OnceLock::new();
    CELL.get_or_init(|| {
        // The vendor table's rows (`V`) and the listed context rows.
        TABLE
            .lines()
            .zip(rules())
            .filter(|(line, r)| {
                line.split('\t').nth(CODE_AT) == Some("V")
                    || VENDOR_FORMATS.contains(&r.id)
            })
            .filter_map(|(_, r)| {
                // The context template around the value (see `row`).
                let value =
                    r.pattern.strip_suffix(CTX_TAIL)?.split_once(CTX_MID)?.1;
                Some((r.keywords, value, OnceLock::new()))
            })
            .chain(FORMATS.lines().filter_map(|line| {
                // `names<TAB>pattern`: shapes hand-written rules report.
                let (names, value) = line.split_once('\t')?;
                let names: Vec<&'static str> = names.split(',').collect();
                let names: &'static [&'static str] =
                    Box::leak(names.into_boxed_slice());
                Some((names, value, OnceLock::new()))
            }))
            .collect()
    })
}

/// Whether the value at `span` of `text`, which a generic rule matched
/// (a credential-like name, an assignment, a token), is turned down
/// because the text names a vendor there whose documented key format
/// (a context row: `template context` in `secrets.rules`) the value does
/// not have: a real key of that vendor has its format, so a value of
/// another length or alphabet beside its name is a truncated, padded or
/// made-up one (test fixtures' "invalid pattern" keys), or an id.
///
/// The vendor is named in the line of the value before it (a word, a
/// CamelCase or snake_case piece, or two such pieces joined: `wandb`,
/// `bitfinexKey`, `WANDB_API_KEY`, `getBetterStackToken`), or in the line
/// before as "<vendor> API" (a log line: "request to the adzuna API")
/// or as the key of an indented block the value's line is in (YAML:
/// `auth0_credentials:` then `  apiToken: ...`; code: `func
/// validateApolloKey() bool {` then `  apiKey := "..."`).
/// Looks back at most [`VENDOR_LOOKBACK`] bytes, within the left context
/// the stream scanner keeps, so streamed and one-shot screens agree.
#[inline(never)]
pub(crate) fn named_vendor_rejects(
    text: &str,
    span: &std::ops::Range<usize>,
) -> bool {
    let (Some(value), Some(head)) = (
        text.get(span.clone()),
        text.get(
            floor_boundary(text, span.start.saturating_sub(VENDOR_LOOKBACK))
                ..span.start,
        ),
    ) else {
        return false;
    };
    // The value's line before it, and the line before that (split at
    // byte positions of '\n', which are char boundaries).
    let split = |s: &str| -> (usize, usize) {
        match s.bytes().rposition(|b| b == b'\n') {
            Some(i) => (i, i + 1),
            None => (0, 0),
        }
    };
    let (end, start) = split(head);
    let line = &head[start..];
    let before = &head[..end];
    let prev = &before[split(before).1..];
    // Named: the text names a listed vendor there; fits: the value has
    // one of the named vendors' formats.
    let (mut named, mut fits) = (false, false);
    let mut check = |a: &[u8], b: &[u8]| {
        for (names, pattern, re) in vendor_formats() {
            if names.iter().any(|n| names_in(n, a, b)) {
                named = true;
                fits = fits || has_format(pattern, re, value);
            }
        }
    };
    each_piece(line, &mut |a, b| check(a, b));
    // A block key: `name:` alone on its line (YAML), or a code block's
    // header ending in `{` (`func validateApolloKey() bool {`), the
    // value's line indented under it.
    let opener = prev.trim_end();
    let block = (opener.ends_with(':') && !opener.ends_with("::")
        || opener.ends_with('{'))
        && line.starts_with([' ', '\t'])
        && prev.len() - prev.trim_start().len()
            < line.len() - line.trim_start().len();
    each_piece(prev, &mut |a, b| {
        if block {
            check(a, b);
        } else if b.eq_ignore_ascii_case(b"api") {
            check(a, b"");
        }
    });
    named && !fits
}

/// Whether `value` is whole a match of `pattern` (compiled into `re` on
/// first use).
#[inline(never)]
fn has_format(
    pattern: &str,
    re: &OnceLock<Option<regex::Regex>>,
    value: &str,
) -> bool {
    re.get_or_init(|| regex::Regex::new(&format!("^(?:{pattern})$")).ok())
        .as_ref()
        .is_some_and(|re| re.is_match(value))
}

/// Whether the vendor name `n` (lowercase ASCII) is the piece `a`, `a`
/// joined with the piece after it (`b`: `Better`+`Stack`), or `a` with a
/// credential word after the name (`lokalisetoken`, `mailjetbasicauth`).
#[inline(never)]
fn names_in(n: &str, a: &[u8], b: &[u8]) -> bool {
    let n = n.as_bytes();
    // `box_` names Box; a keyword with other punctuation is no name.
    let n = n.strip_suffix(b"_").unwrap_or(n);
    if n.is_empty() || !n.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let after =
        a.get(n.len()..).filter(|_| a[..n.len()].eq_ignore_ascii_case(n));
    after.is_some_and(|rest| {
        ["", "apikey", "key", "token", "secret", "basicauth", "oauth"]
            .iter()
            .any(|s| rest.eq_ignore_ascii_case(s.as_bytes()))
    }) || !b.is_empty()
        && n.len() == a.len() + b.len()
        && n[..a.len()].eq_ignore_ascii_case(a)
        && n[a.len()..].eq_ignore_ascii_case(b)
}

/// Calls `f` with each word of `s` and the word after it (empty after
/// the last), words split at non-alphanumerics and at CamelCase humps
/// (`getBetterStackToken`: get, Better, Stack, Token).
fn each_piece(s: &str, f: &mut dyn FnMut(&[u8], &[u8])) {
    let b = s.as_bytes();
    let (mut start, mut prev): (Option<usize>, Option<&[u8]>) = (None, None);
    for i in 0..=b.len() {
        let c = b.get(i).copied().unwrap_or(b' ');
        let hump =
            i > 0 && c.is_ascii_uppercase() && b[i - 1].is_ascii_lowercase();
        if let Some(s0) = start {
            if !c.is_ascii_alphanumeric() || hump {
                if let Some(p) = prev {
                    f(p, &b[s0..i]);
                }
                prev = Some(&b[s0..i]);
                start = None;
            }
        }
        if start.is_none() && c.is_ascii_alphanumeric() {
            start = Some(i);
        }
    }
    if let Some(p) = prev {
        f(p, b"");
    }
}

/// Whether the secret at `span` of `text` runs on into `?` and more key
/// characters (`xoxa-08532509747?07570405353c`, `EAAAYm...JFQT?b=ro`):
/// no documented key alphabet has `?` inside a key, so the match is the
/// front piece of a longer corrupted string, not a key. A `?` that
/// starts a query after a URL path (`/hook/abc?x=1`, the value after
/// `/` or `=`, or a value with a `/`) is a URL's, and stays a match.
/// The same holds on the left: a quoted or blank-delimited token that
/// starts with `?` glued to the match (`'?ostgres://u:p@h'`) is no key
/// and no URL (a URI scheme starts with a letter).
/// Reads two bytes on each side of the span, within the context the
/// response stream holds for a detection (`CTX_AFTER`, and the left
/// context it keeps), so streamed and one-shot screens agree.
pub(crate) fn glued_to_more(
    text: &str,
    span: &std::ops::Range<usize>,
) -> bool {
    let b = text.as_bytes();
    let next = |i: usize| b.get(span.end + i).copied().unwrap_or(b' ');
    let prev = |i: usize| {
        span.start.checked_sub(i + 1).and_then(|j| b.get(j).copied())
    };
    let after = next(0) == b'?'
        && next(1).is_ascii_alphanumeric()
        && !(span.start > 0 && matches!(b[span.start - 1], b'/' | b'='))
        && !b[span.clone()].contains(&b'/');
    let before = prev(0) == Some(b'?')
        && prev(1).is_none_or(|c| {
            c.is_ascii_whitespace() || matches!(c, b'"' | b'\'' | b'`')
        });
    after || before
}

/// The nearest char boundary at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendor_formats_are_context_rows_with_a_vendor_name() {
        let v = vendor_formats();
        let table_rows =
            TABLE.lines().filter(|l| l.split('\t').nth(CODE_AT) == Some("V"));
        assert_eq!(
            v.len(),
            VENDOR_FORMATS.len()
                + table_rows.count()
                + FORMATS.lines().count()
        );
        for id in VENDOR_FORMATS {
            let row =
                TABLE.lines().find(|l| l.split('\t').nth(ID_AT) == Some(id));
            let f: Vec<&str> = row.expect(id).split('\t').collect();
            let code = f[CODE_AT];
            assert!(code == "C" || code == "V", "{id} is not a context row");
            assert!(v.iter().any(|(_, p, _)| *p == f[PATTERN_AT]), "{id}");
        }
        for (names, _, _) in v {
            let bare = |n: &&str| n.trim_end_matches('_').to_string();
            assert!(
                names.iter().any(|n| names_in(n, bare(n).as_bytes(), b"")),
                "{names:?}"
            );
        }
    }

    #[test]
    fn a_marker_in_the_name_turns_a_value_down() {
        let at = |t: &str| {
            let s = t.rfind("k1z5").unwrap();
            named_placeholder(t, &(s..t.len()))
        };
        // Hits: a marker piece and another piece, quoted or not.
        for t in [
            "FAKE_KEY=k1z54dkibtferrh5",
            "const dummyToken = \"k1z54dkibtferrh5",
            "{\"sample_secret\": \"k1z54dkibtferrh5",
            "x: 1\n  example-api-key: k1z54dkibtferrh5",
            "mock.token => 'k1z54dkibtferrh5",
        ] {
            assert!(at(t), "{t}");
        }
        // Misses: no marker, a marker alone, or on another line.
        for t in [
            "API_KEY=k1z54dkibtferrh5",
            "for example: k1z54dkibtferrh5",
            "FAKE_KEY=1\nAPI_KEY=k1z54dkibtferrh5",
            "fakeroot_key=k1z54dkibtferrh5",
            "examples_dir/k1z54dkibtferrh5",
        ] {
            assert!(!at(t), "{t}");
        }
    }

    #[test]
    fn a_vendor_is_named_in_the_line_or_as_an_api_before_it() {
        let at = |t: &str, v: &str| {
            let s = t.rfind(v).unwrap();
            named_vendor_rejects(t, &(s..s + v.len()))
        };
        let v = "k1z54dkibtferrh56480qb1cau5fzajx7";
        assert!(at(&format!("adzuna_api_key = \"{v}\""), v));
        assert!(at(&format!("AdzunaKey: {v}"), v));
        assert!(at(&format!("the adzuna API\nUsing Key={v}"), v));
        assert!(!at(&format!("the adzuna API\n\nUsing Key={v}"), v));
        assert!(!at(&format!("adzunas_key = {v}"), v));
        assert!(!at(&format!("key = {v}"), v));
        assert!(!at(&format!("adzuna key = {}", &v[..32]), &v[..32]));
        // The header of the code block the value's line is indented in.
        let f = "func validateAdzunaKey() bool {";
        assert!(at(&format!("{f}\n\tapiKey := \"{v}\""), v));
        assert!(!at(&format!("{f}\napiKey := \"{v}\""), v));
        assert!(!at(&format!("func validate() bool {{\n\tkey := \"{v}\""), v));
        let mut got = Vec::new();
        each_piece("getBetterStackToken x_y", &mut |a: &[u8], b: &[u8]| {
            got.push((a.to_vec(), b.to_vec()))
        });
        let words: Vec<&[u8]> =
            got.iter().map(|(a, _)| a.as_slice()).collect();
        assert_eq!(
            words,
            [&b"get"[..], b"Better", b"Stack", b"Token", b"x", b"y"]
        );
        assert_eq!(got[5].1, b"");
        let t = "é".repeat(100) + "adzuna key = " + v;
        assert!(at(&t, v));
        // Kraken's keys are base64: `=` pads a private key's end only.
        let public =
            "XxBvyvltKb47odv+4M/kGuPNjUeBORiNmFt+KIJzl/tsP9zq8HCFkrHO";
        assert!(!at(&format!("kraken key = '{public}'"), public));
        let typed = "Xx=vyvltKb47odv+4M/kGuPNjUeBORiNmFt+KIJzl/tsP9zq8HCFkrHO";
        assert!(at(&format!("kraken key = '{typed}'"), typed));
        let private =
            "DYANZi8UPGx3RFVeh5O45lekP0W/0YCKMVLsRicHb1ZYLI5WVObYc97\
                       ivDqB5rwgokgEd+gxQNnxosk/NG66W0==";
        assert!(!at(&format!("kraken secret = '{private}'"), private));
        let moved = private.replacen("W0==", "W=0=", 1);
        assert!(at(&format!("kraken secret = '{moved}'"), &moved));
    }

    #[test]
    fn a_key_glued_to_a_question_mark_and_more_is_a_piece() {
        let at = |t: &str, v: &str| {
            let s = t.find(v).unwrap();
            glued_to_more(t, &(s..s + v.len()))
        };
        assert!(at("t = 'xoxa-08532509747?0757c'", "xoxa-08532509747"));
        assert!(!at("t = 'xoxa-08532509747'?", "xoxa-08532509747"));
        assert!(!at("is it xoxa-08532509747? yes", "xoxa-08532509747"));
        assert!(!at("https://h/hook/Abc123xyz?x=1", "Abc123xyz"));
        assert!(!at("?key=Abc123xyz?x", "Abc123xyz"));
        assert!(!at("u=https://h/a/Abc?x", "https://h/a/Abc"));
        assert!(at("ab?c", "ab") && !at("ab?", "ab") && !at("ab", "ab"));
        assert!(at(
            "t - '?ostgres://u:pw@1.2.3.4:5432'",
            "ostgres://u:pw@1.2.3.4"
        ));
        assert!(at("?ostgres://u:pw@h", "ostgres://u:pw@h"));
        assert!(!at("is it?ghp_abc", "ghp_abc") && !at("u?key", "key"));
        assert!(!at("x = 'ghp_abc'", "ghp_abc"));
    }

    /// The row reader gives every row of the table, each context row's
    /// pattern as the template with its keywords escaped (the way it was
    /// built with `format!` and `regex::escape`), and each left-out type
    /// as the id in upper case.
    #[test]
    fn rows_read_as_written() {
        assert_eq!(rules().len(), RULES_LEN);
        for (line, def) in TABLE.lines().zip(rules()) {
            let f: Vec<&str> = line.splitn(8, '\t').collect();
            let id = f[ID_AT];
            assert_eq!(def.id, id);
            let ty = if f[TYPE_AT].is_empty() {
                id.to_ascii_uppercase().replace('-', "_")
            } else {
                f[TYPE_AT].to_string()
            };
            assert_eq!(def.type_name, ty);
            let list = match f[KEYWORDS_AT] {
                "" => id.split('-').next().unwrap(),
                l => l,
            };
            let kws: Vec<&str> =
                list.split(',').filter(|k| !k.is_empty()).collect();
            assert_eq!(def.keywords, &kws[..]);
            let pattern = if f[CODE_AT] == "C" || f[CODE_AT] == "V" {
                let names: Vec<String> =
                    kws.iter().map(|k| regex::escape(k)).collect();
                format!(
                    "{CTX_HEAD}{}{CTX_MID}{}{CTX_TAIL}",
                    names.join("|"),
                    f[PATTERN_AT]
                )
            } else {
                f[PATTERN_AT].to_string()
            };
            assert_eq!(def.pattern, pattern, "{}", def.id);
        }
    }
}
