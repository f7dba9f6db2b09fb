//! Build script: reads the secret rules from `src/rules/secrets.rules`
//! (hand-edited data; its header documents the format), checks every
//! record, and writes to `OUT_DIR`:
//! - `secrets.tsv`: the compact table `src/rules/secrets.rs` parses at run
//!   time (one rule per line, tab-separated; see that module's doc);
//! - `secret_examples.rs`: each rule's hit and miss examples, as a Rust
//!   array in table order, for the native tests.
//!
//! - `names_<list>.fc`: the big word lists of `src/names/data/`,
//!   front-coded (each entry: one digit, the bytes shared with the entry
//!   before, then the rest; no separator, as entries hold no digit),
//!   which gzips ~22% smaller than the sorted text; `src/names/dict.rs`
//!   decodes them on first use.
//!
//! It also sets the `rule_examples` cfg unless the target is wasm32: the
//! one switch that keeps example texts (PII and secrets) out of the wasm
//! build, where they would only cost size.
//!
//! A malformed record stops the build with `file:line: what is wrong`.
//! No dependencies: the format is simple enough to read by hand.

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

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs, process};

const RULES: &str = "src/rules/secrets.rules";
const VENDORS: &str = "src/rules/secrets.vendors";

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed={RULES}");
    println!("cargo::rerun-if-changed={VENDORS}");
    println!("cargo::rerun-if-changed=src/engine/syntax.rs");
    println!("cargo::rerun-if-changed=src/rules/template.rs");
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

    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    write(&out.join("secrets.tsv"), &table(&rules));
    write(&out.join("secret_examples.rs"), &examples(&rules));
    write(&out.join("secret_formats.tsv"), &formats);
    for name in NAME_LISTS {
        let path = format!("src/names/data/{name}.txt");
        println!("cargo::rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| {
            eprintln!("error: {path}: {e}");
            process::exit(1);
        });
        write(
            &out.join(format!("names_{name}.fc")),
            &front_code(&path, &text),
        );
    }
}

/// The word lists of `src/names/data/` that ship front-coded.
const NAME_LISTS: [&str; 6] =
    ["given", "surnames", "common", "ambiguous", "places", "places_major"];

/// Front coding of a word list: comment lines dropped, then per entry the
/// count of leading bytes it shares with the entry before (one digit,
/// at most 9) and the rest of it. The digit also ends the entry before
/// (no newline: ~7% smaller gzipped), so an entry must hold no digit:
/// one that does stops the build.
fn front_code(path: &str, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev = "";
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.bytes().any(|b| b.is_ascii_digit()) {
            eprintln!("error: {path}:{}: an entry holds a digit", i + 1);
            process::exit(1);
        }
        let shared = line
            .bytes()
            .zip(prev.bytes())
            .take_while(|(a, b)| a == b)
            .count()
            .min(9);
        let shared = if line.is_char_boundary(shared) { shared } else { 0 };
        out.push(char::from(b'0' + shared as u8));
        out.push_str(&line[shared..]);
        prev = line;
    }
    out
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
    pattern: String,
    hits: Vec<String>,
    misses: Vec<String>,
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
    "pattern",
    "hit",
    "miss",
    "source",
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
            // `template` is the one optional key.
            None if key == "template" => None,
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
    let pattern = one("pattern");
    one("source");

    let mut rule = Rule {
        id: raw.id.to_string(),
        type_name: String::new(),
        keywords: Vec::new(),
        code: 'N',
        min_entropy: 0,
        score: 0,
        window: 0,
        pattern: String::new(),
        hits: Vec::new(),
        misses: Vec::new(),
    };
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
/// digits every match holds when there are some (`syntax::facts`);
/// empty when the match is unbounded (the engine then reads the pattern).
fn lengths(r: &Rule) -> String {
    let f = syntax::facts(&full_pattern(r));
    match (f.max_len, f.min_digits) {
        (None, _) => String::new(),
        (Some(n), 0) => n.to_string(),
        (Some(n), d) => format!("{n},{d}"),
    }
}

/// The runtime table: id, TYPE, keywords (comma-separated), validator
/// code, min entropy and score in hundredths, lengths (see [`lengths`]),
/// pattern. The `window` field is test data: it goes to the examples.
fn table(rules: &[Rule]) -> String {
    let mut out = String::new();
    for r in rules {
        // The type is left empty when it is the id in upper case with `_`
        // for `-` (two rows in three): gzip cannot reuse the id's bytes
        // for it, so spelling it out cost ~2 KB of the gzipped module.
        let derived = r.id.to_ascii_uppercase().replace('-', "_");
        let type_name =
            if r.type_name == derived { "" } else { r.type_name.as_str() };
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            r.id,
            type_name,
            r.keywords.join(","),
            r.code,
            r.min_entropy,
            r.score,
            lengths(r),
            r.pattern
        );
    }
    out
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

/// The vendor format table (see its header): one row per detector,
/// merged per vendor (first keyword) into one context row each, code
/// `V`: a context row whose value pattern is the vendor's whole format
/// (`secrets.rs` turns down generic values beside the vendor's name that
/// have none of its shapes). Hit and miss examples are drawn from the
/// shapes. `ids` are the hand-written rules' ids (no row may reuse one).
/// Also returns the shapes marked `=` (reported by hand-written rules),
/// one `keywords<TAB>pattern` line per vendor with some: formats only.
fn vendor_rules(
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
            pattern,
            hits,
            misses,
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
