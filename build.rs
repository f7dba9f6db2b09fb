//! Build script: reads the secret rules from `src/rules/secrets.rules`
//! (hand-edited data; its header documents the format), checks every
//! record, and writes to `OUT_DIR`:
//! - `secrets.tsv`: the compact table `src/rules/secrets.rs` parses at run
//!   time (one rule per line, tab-separated; see that module's doc);
//! - `secret_examples.rs`: each rule's hit and miss examples, as a Rust
//!   array in table order, for the native tests;
//! - `secret_formats.tsv`: the vendor formats that hand-written rules
//!   already report (see `vendors`).
//!
//! - `names_<list>.fc`: the big word lists of `src/names/data/`,
//!   front-coded (see `front_code`); `src/names/dict.rs` decodes them on
//!   first use.
//!
//! It also sets the `rule_examples` cfg unless the target is wasm32: the
//! one switch that keeps example texts (PII and secrets) out of the wasm
//! build, where they would only cost size.
//!
//! A malformed record stops the build with `file:line: what is wrong`.
//! No dependencies: the format is simple enough to read by hand.
//!
//! One job per file, like the crate's layers. This file keeps `main`, the
//! `secrets.rules` reader and checker, and the table writing; it includes
//! by `#[path]`:
//! - `vendors` (`build/vendors.rs`): the vendor format table
//!   `src/rules/secrets.vendors` read into context rows (code `V`) with
//!   examples drawn from its shapes;
//! - `front_code` (`build/front_code.rs`): the names front coding;
//! - `syntax` (`src/engine/syntax.rs`) and `template`
//!   (`src/rules/template.rs`): the crate's own pattern reader and context
//!   template, as they are (see below).

// The engine's pattern reader and the context rows' template, included
// as they are (both depend on nothing else in the crate): the table
// carries each rule's longest match and digit count, so a filter does
// not read ~420 patterns to learn them.
#[allow(dead_code)]
#[path = "src/engine/syntax.rs"]
mod syntax;
#[allow(dead_code)]
#[path = "src/rules/template.rs"]
mod template;

// The build script's own jobs, one per file (see the top of this file).
// They live in `build/`, not `src/`: every file under `src/` is a module
// of the crate (tests/architecture.rs reads them so), and these use
// their parent, this file.
#[path = "build/canon.rs"]
mod canon;
#[path = "build/front_code.rs"]
mod front_code;
#[path = "build/vendors.rs"]
mod vendors;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs, process};

use vendors::vendor_rules;

const RULES: &str = "src/rules/secrets.rules";
const VENDORS: &str = "src/rules/secrets.vendors";

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed={RULES}");
    println!("cargo::rerun-if-changed={VENDORS}");
    println!("cargo::rerun-if-changed=src/engine/syntax.rs");
    println!("cargo::rerun-if-changed=src/rules/template.rs");
    println!("cargo::rerun-if-changed=build/vendors.rs");
    println!("cargo::rerun-if-changed=build/front_code.rs");
    println!("cargo::rerun-if-changed=build/canon.rs");
    println!("cargo::rustc-check-cfg=cfg(rule_examples)");
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        println!("cargo::rustc-cfg=rule_examples");
    }

    let text = fs::read_to_string(RULES).unwrap_or_else(|e| {
        eprintln!("error: {RULES}: {e}");
        process::exit(1);
    });
    let mut rules = match parse(&text) {
        Ok(rules) => rules,
        Err(errors) => {
            for (line, message) in errors {
                eprintln!("error: {RULES}:{line}: {message}");
            }
            process::exit(1);
        }
    };
    let vendors = fs::read_to_string(VENDORS).unwrap_or_else(|e| {
        eprintln!("error: {VENDORS}: {e}");
        process::exit(1);
    });
    let ids: HashSet<String> = rules.iter().map(|r| r.id.clone()).collect();
    let formats = match vendor_rules(&vendors, &ids) {
        Ok((mut v, formats)) => {
            rules.append(&mut v);
            formats
        }
        Err(errors) => {
            for (line, message) in errors {
                eprintln!("error: {VENDORS}:{line}: {message}");
            }
            process::exit(1);
        }
    };

    // One spelling of each class (`canon`): the same matches, fewer
    // distinct bytes in the table.
    for r in &mut rules {
        r.pattern = canon::canon(&r.pattern);
    }

    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    write(&out.join("secrets.tsv"), &table(&rules));
    write(&out.join("secret_examples.rs"), &examples(&rules));
    write(&out.join("secret_formats.tsv"), &formats);
    write(&out.join("secret_parts.tsv"), &parts(&rules));
    write(&out.join("secret_part_rows.rs"), &part_rows(&rules));
    front_code::write_lists(out);
}

fn write(path: &Path, contents: &str) {
    // Unchanged output keeps its timestamp, so nothing rebuilds for it.
    if fs::read_to_string(path).ok().as_deref() != Some(contents) {
        fs::write(path, contents).unwrap_or_else(|e| {
            eprintln!("error: {}: {e}", path.display());
            process::exit(1);
        });
    }
}

/// One record, checked.
struct Rule {
    id: String,
    type_name: String,
    keywords: Vec<String>,
    /// The runtime table's validator code (see `code`).
    code: char,
    /// Hundredths.
    min_entropy: u32,
    /// Hundredths.
    score: u32,
    window: u32,
    /// `keyword_lead`: the most bytes a match runs before the first
    /// keyword it holds (`RuleDef::keyword_lead`).
    keyword_lead: Option<u8>,
    pattern: String,
    hits: Vec<String>,
    misses: Vec<String>,
    /// `part_of`: the secret types this rule's value is a part of
    /// (`any`: every secret type); empty for a rule that reports alone.
    part_of: Vec<String>,
}

/// Keys a record may have; every one but `hit` and `miss` at most once.
const KEYS: &[&str] = &[
    "type",
    "keywords",
    "template",
    "validator",
    "min_entropy",
    "score",
    "window",
    "keyword_lead",
    "pattern",
    "hit",
    "miss",
    "source",
    "part_of",
];

/// A record as read: its header line and `(line, key, value)` fields.
struct Raw<'a> {
    line: usize,
    id: &'a str,
    fields: Vec<(usize, &'a str, String)>,
}

type Errors = Vec<(usize, String)>;

fn parse(text: &str) -> Result<Vec<Rule>, Errors> {
    let mut errors = Errors::new();
    let mut raws: Vec<Raw> = Vec::new();
    // Whether the line before was a `hit`/`miss` (or continued one), so
    // that a `|` line may continue it.
    let mut in_example = false;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let continues = in_example;
        in_example = false;
        if line.ends_with([' ', '\t', '\r']) {
            errors.push((n, "line ends in a blank".into()));
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(id) =
            line.strip_prefix('[').and_then(|l| l.strip_suffix(']'))
        {
            raws.push(Raw { line: n, id, fields: Vec::new() });
            continue;
        }
        let Some(raw) = raws.last_mut() else {
            errors.push((n, "field before the first `[rule-id]`".into()));
            continue;
        };
        if let Some(rest) = line.strip_prefix('|') {
            let more = match rest.strip_prefix(' ') {
                Some(more) => more,
                None if rest.is_empty() => "",
                None => {
                    errors.push((n, "`|` must be followed by a blank".into()));
                    continue;
                }
            };
            match raw.fields.last_mut() {
                Some((_, _, value)) if continues => {
                    value.push('\n');
                    value.push_str(more);
                    in_example = true;
                }
                _ => {
                    errors.push((n, "`|` line not after a hit or miss".into()))
                }
            }
            continue;
        }
        let (key, value) = line.split_once(' ').unwrap_or((line, ""));
        if !KEYS.contains(&key) {
            errors.push((
                n,
                format!(
                    "unknown key `{key}` (expected one of {})",
                    KEYS.join(", ")
                ),
            ));
            continue;
        }
        in_example = matches!(key, "hit" | "miss");
        raw.fields.push((n, key, value.to_string()));
    }
    let mut ids = HashSet::new();
    let mut rules = Vec::new();
    for raw in &raws {
        if !ids.insert(raw.id) {
            errors.push((raw.line, format!("duplicate rule id `{}`", raw.id)));
        }
        match check(raw) {
            Ok(rule) => rules.push(rule),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if raws.is_empty() {
        errors.push((1, "no rules".into()));
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        errors.sort_by_key(|e| e.0);
        Err(errors)
    }
}

/// Checks one record's fields and builds the rule.
fn check(raw: &Raw) -> Result<Rule, Errors> {
    let mut errors = Errors::new();
    let mut err = |line: usize, message: String| {
        errors.push((line, format!("rule `{}`: {message}", raw.id)))
    };
    if raw.id.is_empty()
        || !raw
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        err(raw.line, "id is not kebab-case".into());
    }
    // The one value of a single-valued key.
    let mut one = |key: &str| -> Option<(usize, &str)> {
        let mut found = raw.fields.iter().filter(|f| f.1 == key);
        let first = found.next();
        if let Some(again) = found.next() {
            err(again.0, format!("`{key}` given twice"));
        }
        match first {
            Some((line, _, value)) => Some((*line, value.as_str())),
            // `template` and `part_of` are the optional keys.
            None if matches!(key, "template" | "part_of" | "keyword_lead") => {
                None
            }
            None => {
                err(raw.line, format!("`{key}` missing"));
                None
            }
        }
    };
    let type_name = one("type");
    let keywords = one("keywords");
    let template = one("template");
    let validator = one("validator");
    let min_entropy = one("min_entropy");
    let score = one("score");
    let window = one("window");
    let keyword_lead = one("keyword_lead");
    let pattern = one("pattern");
    let part_of = one("part_of");
    one("source");

    let mut rule = Rule {
        id: raw.id.to_string(),
        type_name: String::new(),
        keywords: Vec::new(),
        code: 'N',
        min_entropy: 0,
        score: 0,
        window: 0,
        keyword_lead: None,
        pattern: String::new(),
        hits: Vec::new(),
        misses: Vec::new(),
        part_of: Vec::new(),
    };
    if let Some((line, v)) = part_of {
        rule.part_of = v.split(' ').map(str::to_string).collect();
        let upper = |t: &String| {
            !t.is_empty()
                && t.bytes().all(|b| {
                    b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'
                })
        };
        if !rule.part_of.iter().all(|t| upper(t) || t == "any") {
            err(line, format!("part_of `{v}`: UPPER_SNAKE types or `any`"));
        }
    }
    if let Some((line, v)) = type_name {
        if v.is_empty()
            || !v.bytes().all(|b| {
                b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'
            })
        {
            err(line, format!("type `{v}` is not UPPER_SNAKE"));
        }
        rule.type_name = v.to_string();
    }
    if let Some((line, v)) = keywords {
        match split_keywords(v) {
            Ok(k) => rule.keywords = k,
            Err(e) => err(line, e),
        }
        for k in &rule.keywords {
            // The runtime table separates keywords with commas and fields
            // with tabs; the prefilter compares lowercase.
            if k.is_empty()
                || k.contains([',', '\t'])
                || k.bytes().any(|b| b.is_ascii_uppercase())
            {
                err(
                    line,
                    format!(
                        "keyword `{k}`: not lowercase, empty, or with `,` \
                         or a tab"
                    ),
                );
            }
        }
    }
    let context = match template {
        Some((_, "context")) => true,
        Some((line, v)) => {
            err(line, format!("unknown template `{v}` (expected `context`)"));
            false
        }
        None => false,
    };
    if let Some((line, v)) = validator {
        match code(v, context) {
            Ok(c) => rule.code = c,
            Err(e) => err(line, e),
        }
    }
    if let Some((line, v)) = min_entropy {
        match hundredths(v) {
            Some(h) => rule.min_entropy = h,
            None => err(
                line,
                format!(
                    "min_entropy `{v}`: not a number with at most two \
                     decimals"
                ),
            ),
        }
    }
    if let Some((line, v)) = score {
        match hundredths(v) {
            Some(h) if h <= 100 => rule.score = h,
            _ => err(
                line,
                format!(
                    "score `{v}`: not a number from 0 to 1 with at most \
                     two decimals"
                ),
            ),
        }
    }
    if let Some((line, v)) = window {
        match v.parse::<u32>() {
            Ok(w) if v.bytes().all(|b| b.is_ascii_digit()) => rule.window = w,
            _ => err(
                line,
                format!("window `{v}` is not a whole number of bytes"),
            ),
        }
    }
    if let Some((line, v)) = keyword_lead {
        match v.parse::<u8>() {
            Ok(l) if v.bytes().all(|b| b.is_ascii_digit()) => {
                rule.keyword_lead = Some(l)
            }
            _ => err(line, format!("keyword_lead `{v}`: a byte count 0-255")),
        }
    }
    if let Some((line, v)) = pattern {
        if v.is_empty() || v.contains('\t') {
            err(line, "pattern is empty or has a tab (write `\\t`)".into());
        }
        rule.pattern = v.to_string();
    }
    for (_, key, value) in &raw.fields {
        match *key {
            "hit" => rule.hits.push(value.clone()),
            "miss" => rule.misses.push(value.clone()),
            _ => {}
        }
    }
    if rule.hits.is_empty() || rule.misses.is_empty() {
        err(raw.line, "needs at least one `hit` and one `miss`".into());
    }
    if errors.is_empty() {
        Ok(rule)
    } else {
        Err(errors)
    }
}

/// Keywords separated by blanks; `"..."` for one with a blank in it.
fn split_keywords(v: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut rest = v;
    while !rest.is_empty() {
        if let Some(quoted) = rest.strip_prefix('"') {
            let Some((k, after)) = quoted.split_once('"') else {
                return Err("unclosed `\"` in keywords".into());
            };
            out.push(k.to_string());
            rest = after;
        } else {
            let end = rest.find(' ').unwrap_or(rest.len());
            out.push(rest[..end].to_string());
            rest = &rest[end..];
        }
        match rest.strip_prefix(' ') {
            Some(r) if !r.is_empty() && !r.starts_with(' ') => rest = r,
            None if rest.is_empty() => {}
            _ => return Err("keywords are separated by one blank".into()),
        }
    }
    Ok(out)
}

/// The runtime table's code for a validator (src/rules/secrets.rs reads
/// it back): one letter per validator secret rules use, and `C` for a
/// context row, whose validator is the token shape after a provider's
/// name (`named_token`: only markers count as placeholders).
fn code(validator: &str, context: bool) -> Result<char, String> {
    let c = match validator {
        "token" if context => 'C',
        _ if context => {
            return Err(format!(
                "template context takes validator `token`, not `{validator}`"
            ))
        }
        "token" => 'T',
        "generic_token" => 'G',
        "jwt" => 'J',
        "bare_run" => 'R',
        "prefixed" => 'P',
        "base64_credentials" => 'B',
        "none" => 'N',
        _ => {
            return Err(format!(
                "validator `{validator}` is not one secret rules use \
                 (token, generic_token, jwt, bare_run, prefixed, \
                 base64_credentials, none)"
            ))
        }
    };
    Ok(c)
}

/// `3`, `3.5` or `0.92` in hundredths, without floats.
fn hundredths(v: &str) -> Option<u32> {
    let (whole, frac) = v.split_once('.').unwrap_or((v, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(frac) || frac.len() > 2 {
        return None;
    }
    let frac = format!("{frac:0<2}");
    whole
        .parse::<u32>()
        .ok()?
        .checked_mul(100)?
        .checked_add(frac.parse().ok()?)
}

/// A context row's pattern as `secrets.rs` expands it at run time (a
/// test compares the lengths read here with the run-time patterns').
fn full_pattern(r: &Rule) -> String {
    if r.code != 'C' && r.code != 'V' {
        return r.pattern.clone();
    }
    let names: Vec<String> = r.keywords.iter().map(|k| escape(k)).collect();
    format!(
        "{}{}{}{}{}",
        template::CTX_HEAD,
        names.join("|"),
        template::CTX_MID,
        r.pattern,
        template::CTX_TAIL
    )
}

/// `regex_lite::escape`: a backslash before each meta character.
fn escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The lengths column: the longest match in bytes, then `,` and the ASCII
/// digits every match holds when there are some (`syntax::facts`), then
/// `,` and the `keyword_lead` when the rule has one; empty when the match
/// is unbounded (the engine then reads the pattern, and no lead is kept).
/// A context row (`C`, `V`) leaves out what its keywords add, the longest
/// keyword's bytes and the fewest digits of one (`secrets.rs`'s
/// `keyword_part` adds them back): the rest is the template's and the
/// value's, which repeat from row to row (~0.3 KB of the gzipped module).
fn lengths(r: &Rule) -> String {
    let f = syntax::facts(&full_pattern(r));
    let (mut max_len, mut min_digits) = (f.max_len, f.min_digits);
    if r.code == 'C' || r.code == 'V' {
        let longest = r.keywords.iter().map(String::len).max().unwrap_or(0);
        let digits = r
            .keywords
            .iter()
            .map(|k| k.bytes().filter(u8::is_ascii_digit).count())
            .min()
            .unwrap_or(0);
        max_len = max_len.map(|n| {
            n.checked_sub(longest).unwrap_or_else(|| {
                eprintln!("error: {}: a match shorter than its keyword", r.id);
                process::exit(1);
            })
        });
        min_digits = min_digits.checked_sub(digits).unwrap_or_else(|| {
            eprintln!("error: {}: fewer digits than its keywords", r.id);
            process::exit(1);
        });
    }
    match (max_len, min_digits, r.keyword_lead) {
        (None, _, _) => String::new(),
        (Some(n), 0, None) => n.to_string(),
        (Some(n), d, None) => format!("{n},{d}"),
        (Some(n), d, Some(l)) => format!("{n},{d},{l}"),
    }
}

/// The runtime table: score and min entropy in hundredths, validator
/// code, pattern, lengths (see [`lengths`]), keywords (comma-separated;
/// empty: the id's first word), id, TYPE (empty: the id's); the order
/// that gzips best (`secrets.rs`'s `TABLE`). The `window` field is test
/// data: it goes to the examples.
fn table(rules: &[Rule]) -> String {
    let mut out = String::new();
    for r in rules {
        // The type is left empty when it is the id in upper case with `_`
        // for `-` (two rows in three): gzip cannot reuse the id's bytes
        // for it, so spelling it out cost ~2 KB of the gzipped module.
        let derived = r.id.to_ascii_uppercase().replace('-', "_");
        let type_name =
            if r.type_name == derived { "" } else { r.type_name.as_str() };
        // The keywords are left empty when they are the id's first word
        // alone (`alchemy-key`: `alchemy`; three rows in five): ~1 KB of
        // the gzipped module. No keywords at all are written `,`.
        let first = r.id.split('-').next().unwrap_or_default();
        let keywords = if r.keywords == [first] {
            String::new()
        } else if r.keywords.is_empty() {
            ",".to_string()
        } else {
            r.keywords.join(",")
        };
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            r.score,
            r.min_entropy,
            r.code,
            r.pattern,
            lengths(r),
            keywords,
            r.id,
            type_name,
        );
    }
    out
}

/// The credential parts: `id<TAB>types` (blank-separated, `any`) per rule
/// with a `part_of` key (src/rules/secrets.rs reads it).
fn parts(rules: &[Rule]) -> String {
    let mut out = String::new();
    for r in rules.iter().filter(|r| !r.part_of.is_empty()) {
        let _ = writeln!(out, "{}\t{}", r.id, r.part_of.join(" "));
    }
    out
}

/// The rows of the credential parts in the secret table, `&[row, ...]`
/// (src/engine/rule.rs flags those rules).
fn part_rows(rules: &[Rule]) -> String {
    let rows: Vec<String> = (0..rules.len())
        .filter(|&i| !rules[i].part_of.is_empty())
        .map(|i| i.to_string())
        .collect();
    format!("&[{}]\n", rows.join(", "))
}

/// `&[(&[hits...], &[misses...], window), ...]`, one entry per table row.
fn examples(rules: &[Rule]) -> String {
    let mut out = String::from("&[\n");
    for r in rules {
        let list = |xs: &[String]| {
            let items: Vec<String> =
                xs.iter().map(|x| format!("{x:?}")).collect();
            format!("&[{}]", items.join(", "))
        };
        let _ = writeln!(
            out,
            "    ({}, {}, {}),",
            list(&r.hits),
            list(&r.misses),
            r.window
        );
    }
    out.push(']');
    out
}
