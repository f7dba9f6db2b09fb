//! The shape of the crate, checked: which module may use which, no module
//! cycles, no module importing upward, only `src/wasm` knowing the JS
//! binding, and no oversized source files. Reads `src/` as text.
//!
//! A module is a file (`src/names/person.rs` is `names::person`). A
//! module uses another when its code (comments, strings and
//! `#[cfg(test)]` items left out) names a path into it: `crate::a::b`,
//! `super::x` or a `use` tree. Rules:
//! - a module never uses its own ancestors (`names::person` may not use
//!   `names`, where `names/mod.rs` declares and calls it): shared items
//!   live in a sibling (`names::tokens`);
//! - no cycle among modules;
//! - across top-level modules, only the uses [`LAYERS`] allows.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every top-level module and the top-level modules it may use. The
/// screening pipeline reads top to bottom: `session` above `response`
/// above `filter` (detect → resolve → act → report), above the detectors
/// (`engine`, `names`, `inject`), above the data (`rules`, `policy`) and
/// the leaves.
const LAYERS: &[(&str, &[&str])] = &[
    // The JS binding: the public types only.
    (
        "wasm",
        &[
            "session", "filter", "response", "policy", "report", "error",
            "span", "vault",
        ],
    ),
    // One conversation: prompts through `filter`, responses through
    // `response`.
    (
        "session",
        &[
            "filter", "response", "policy", "report", "error", "vault",
            "digest", "random",
        ],
    ),
    // Response checks: the filter's detect/resolve/act (and its compiled
    // rules, for the stream's hold-back) plus their own.
    (
        "response",
        &[
            "filter", "validate", "report", "vault", "span", "literals",
            "links", "order", "names", "rules",
        ],
    ),
    // The pipeline for one text.
    (
        "filter",
        &[
            "engine", "names", "inject", "rules", "policy", "report", "error",
            "vault", "synth", "digest", "random", "literals", "order",
        ],
    ),
    // Detectors.
    (
        "engine",
        &["rules", "validate", "codec", "report", "literals", "order", "work"],
    ),
    ("names", &["work", "digest"]),
    ("inject", &["normalize", "codec", "trie", "order", "links", "digest"]),
    ("normalize", &[]),
    // Configuration and rule data.
    (
        "policy",
        &["engine", "rules", "validate", "report", "error", "digest", "order"],
    ),
    ("rules", &["validate", "report"]),
    ("synth", &["rules", "validate", "digest"]),
    ("links", &["validate", "order"]),
    ("validate", &["codec", "digest"]),
    // Leaves.
    ("vault", &[]),
    ("codec", &[]),
    ("trie", &[]),
    ("literals", &["trie"]),
    ("order", &[]),
    ("report", &["order"]),
    ("error", &[]),
    ("span", &["order"]),
    ("digest", &[]),
    ("random", &["error"]),
    // Work counts for the pathological-input tests (native only).
    ("work", &[]),
];

/// Source files allowed over [`MAX_LINES`]: rule tables (data).
const LONG_FILES: &[&str] = &["src/rules/pii.rs"];
const MAX_LINES: usize = 1000;

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Module path of a source file: `src/lib.rs` is `crate`,
/// `src/names/mod.rs` is `names`, `src/names/person.rs` is
/// `names::person`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> =
        rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    if parts.is_empty() {
        "crate".to_string()
    } else {
        parts.join("::")
    }
}

/// The code of a Rust file with comments, string and char literals and
/// `#[cfg(test)]` items blanked (newlines kept, so line numbers hold).
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let blank = |out: &mut Vec<u8>, s: &[u8]| {
        out.extend(s.iter().map(|&c| if c == b'\n' { b'\n' } else { b' ' }))
    };
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"//") {
            let end =
                rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
            blank(&mut out, &rest[..end]);
            i += end;
        } else if rest.starts_with(b"/*") {
            let mut depth = 0;
            let mut j = 0;
            while j < rest.len() {
                if rest[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if rest[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut out, &rest[..j]);
            i += j;
        } else if rest.starts_with(b"r\"")
            || rest.starts_with(b"r#")
            || rest.starts_with(b"br\"")
            || rest.starts_with(b"br#")
        {
            let start = if rest[0] == b'b' { 2 } else { 1 };
            let hashes =
                rest[start..].iter().take_while(|&&c| c == b'#').count();
            if rest.get(start + hashes) != Some(&b'"')
                || (i > 0
                    && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'))
            {
                out.push(rest[0]);
                i += 1;
                continue;
            }
            let close: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            let body = start + hashes + 1;
            let end = rest[body..]
                .windows(close.len())
                .position(|w| w == close.as_slice())
                .map_or(rest.len(), |p| body + p + close.len());
            blank(&mut out, &rest[..end]);
            i += end;
        } else if rest[0] == b'"' {
            let mut j = 1;
            while j < rest.len() && rest[j] != b'"' {
                j += if rest[j] == b'\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(rest.len());
            blank(&mut out, &rest[..end]);
            i += end;
        } else if rest[0] == b'\'' {
            // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
            let lit = if rest.get(1) == Some(&b'\\') {
                rest.get(3..)
                    .and_then(|r| r.iter().position(|&c| c == b'\''))
                    .map(|p| p + 4)
            } else {
                let ch_len = std::str::from_utf8(&rest[1..])
                    .ok()
                    .or_else(|| {
                        std::str::from_utf8(&rest[1..rest.len().min(5)]).ok()
                    })
                    .and_then(|s| s.chars().next())
                    .map_or(1, char::len_utf8);
                (rest.get(1 + ch_len) == Some(&b'\'')).then_some(2 + ch_len)
            };
            match lit {
                Some(n) => {
                    blank(&mut out, &rest[..n]);
                    i += n;
                }
                None => {
                    out.push(b'\'');
                    i += 1;
                }
            }
        } else {
            out.push(rest[0]);
            i += 1;
        }
    }
    let mut code = String::from_utf8(out).unwrap();
    // Blank every test-only item (`#[cfg(test)]`, `#[cfg(all(test, ..))]`):
    // to its `;` or its balanced `}`.
    let test_only = |code: &str| {
        ["#[cfg(test)]", "#[cfg(all(test,"]
            .iter()
            .filter_map(|a| code.find(a))
            .min()
    };
    while let Some(at) = test_only(&code) {
        let bytes = code.as_bytes();
        let mut j = at;
        let mut depth = 0;
        let mut seen_brace = false;
        while j < bytes.len() {
            match bytes[j] {
                b'{' => {
                    depth += 1;
                    seen_brace = true;
                }
                b'}' => {
                    depth -= 1;
                    if seen_brace && depth == 0 {
                        j += 1;
                        break;
                    }
                }
                b';' if !seen_brace => {
                    j += 1;
                    break;
                }
                _ => {}
            }
            j += 1;
        }
        let blanked: String = code[at..j]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        code.replace_range(at..j, &blanked);
    }
    code
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Expands a `use` tree (`crate::a::{b, c::{d, e as f}}`) into paths.
fn expand_use(tree: &str) -> Vec<String> {
    fn go(prefix: &str, s: &str, out: &mut Vec<String>) {
        let s = s.trim();
        if let Some(open) = s.find('{') {
            let head = s[..open].trim().trim_end_matches("::");
            let inner = &s[open + 1..s.rfind('}').unwrap_or(s.len())];
            let prefix = join(prefix, head);
            let mut depth = 0;
            let mut last = 0;
            for (k, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        go(&prefix, &inner[last..k], out);
                        last = k + 1;
                    }
                    _ => {}
                }
            }
            go(&prefix, &inner[last..], out);
        } else if !s.is_empty() {
            let s = s.split(" as ").next().unwrap().trim();
            out.push(join(prefix, s));
        }
    }
    fn join(a: &str, b: &str) -> String {
        match (a.is_empty(), b.is_empty()) {
            (true, _) => b.to_string(),
            (_, true) => a.to_string(),
            _ => format!("{a}::{b}"),
        }
    }
    let mut out = Vec::new();
    go("", tree, &mut out);
    out
}

/// Every path (with its line) that starts at `crate::`, `super::` or
/// `self::`, from `use` trees and from code.
fn paths(code: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let b = code.as_bytes();
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let mut i = 0;
    while i < b.len() {
        let boundary = i == 0 || !is_ident(b[i - 1]);
        if boundary && b[i..].starts_with(b"use ") {
            let end = code[i..].find(';').map_or(b.len(), |e| i + e);
            let tree: String = code[i + 4..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            for p in expand_use(&tree) {
                out.push((line_of(i), p.replace(' ', "")));
            }
            i = end;
            continue;
        }
        let starts: [&[u8]; 3] = [b"crate::", b"super::", b"self::"];
        if boundary
            && starts.iter().any(|s| b[i..].starts_with(s))
            && (i < 2 || &b[i - 2..i] != b"::")
        {
            let mut j = i;
            while j < b.len()
                && (is_ident(b[j])
                    || (b[j] == b':' && b.get(j + 1) == Some(&b':')))
            {
                j += if b[j] == b':' { 2 } else { 1 };
            }
            out.push((
                line_of(i),
                code[i..j].trim_end_matches("::").to_string(),
            ));
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

/// The module a path leads into, seen from `module`: the longest known
/// module prefix. `None` for paths outside the crate.
fn resolve(
    module: &str,
    path: &str,
    known: &BTreeSet<String>,
) -> Option<String> {
    let mut segs: Vec<&str> = path.split("::").collect();
    let mut base: Vec<String> = if module == "crate" {
        Vec::new()
    } else {
        module.split("::").map(str::to_string).collect()
    };
    match segs.first().copied() {
        Some("crate") => {
            base.clear();
            segs.remove(0);
        }
        Some("super") => {
            while segs.first() == Some(&"super") {
                segs.remove(0);
                base.pop()?;
            }
        }
        Some("self") => {
            segs.remove(0);
        }
        _ => return None,
    }
    let mut best =
        if base.is_empty() { "crate".to_string() } else { base.join("::") };
    let mut cur = base;
    for s in segs {
        cur.push(s.to_string());
        let name = cur.join("::");
        if known.contains(&name) {
            best = name;
        } else {
            break;
        }
    }
    Some(best)
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap()
}

fn is_ancestor(a: &str, of: &str) -> bool {
    a == "crate" || of.starts_with(&format!("{a}::"))
}

struct Graph {
    /// (from, to) -> first (file, line) where `from` uses `to`.
    edges: BTreeMap<(String, String), (String, usize)>,
}

fn graph() -> Graph {
    let src = src_dir();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let known: BTreeSet<String> =
        files.iter().map(|f| module_of(&src, f)).collect();
    let mut edges = BTreeMap::new();
    for f in &files {
        let module = module_of(&src, f);
        let text = std::fs::read_to_string(f).unwrap();
        // A file of tests alone (`#![cfg(test)]`, a child `tests.rs`) is
        // left out like an inline `#[cfg(test)] mod tests`.
        if text.contains("#![cfg(test)]") {
            continue;
        }
        let code = code_only(&text);
        for (line, p) in paths(&code) {
            let Some(to) = resolve(&module, &p, &known) else { continue };
            if to == module {
                continue;
            }
            let rel = f.strip_prefix(src.parent().unwrap()).unwrap();
            edges
                .entry((module.clone(), to))
                .or_insert_with(|| (rel.display().to_string(), line));
        }
    }
    Graph { edges }
}

#[test]
fn the_scanner_reads_paths_and_use_trees() {
    let code = code_only(
        "use crate::a::{b, c::{d, e as f}};\n// crate::zz::in_comment\nlet s = \"crate::in_string\";\nlet x = super::g::h(crate::i::J);\n#[cfg(test)]\nmod tests { use crate::t; }\n",
    );
    let ps: Vec<String> = paths(&code).into_iter().map(|p| p.1).collect();
    assert_eq!(
        ps,
        [
            "crate::a::b",
            "crate::a::c::d",
            "crate::a::c::e",
            "super::g::h",
            "crate::i::J"
        ]
    );
    let known: BTreeSet<String> = ["crate", "a", "a::c", "n", "n::g"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(
        resolve("n::x", "super::g::h", &known).as_deref(),
        Some("n::g")
    );
    assert_eq!(resolve("n::x", "super::Tok", &known).as_deref(), Some("n"));
    assert_eq!(
        resolve("n", "crate::a::c::d", &known).as_deref(),
        Some("a::c")
    );
    assert_eq!(resolve("n", "std::fmt", &known), None);
}

#[test]
fn no_module_uses_its_ancestors() {
    let g = graph();
    let bad: Vec<String> = g
        .edges
        .iter()
        .filter(|((from, to), _)| is_ancestor(to, from))
        .map(|((from, to), (file, line))| {
            format!("{file}:{line}: {from} uses its ancestor {to}")
        })
        .collect();
    assert!(bad.is_empty(), "upward uses:\n{}", bad.join("\n"));
}

#[test]
fn no_module_cycles() {
    let g = graph();
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in g.edges.keys() {
        next.entry(from).or_default().push(to);
    }
    // Depth-first search for a back edge; report the cycle it closes.
    fn visit<'a>(
        n: &'a str,
        next: &BTreeMap<&'a str, Vec<&'a str>>,
        state: &mut BTreeMap<&'a str, u8>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<&'a str>> {
        state.insert(n, 1);
        stack.push(n);
        for &m in next.get(n).into_iter().flatten() {
            match state.get(m) {
                Some(1) => {
                    let at = stack.iter().position(|&x| x == m).unwrap();
                    let mut cycle = stack[at..].to_vec();
                    cycle.push(m);
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(m, next, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(n, 2);
        None
    }
    let mut state = BTreeMap::new();
    for &n in next.keys() {
        if !state.contains_key(n) {
            if let Some(c) = visit(n, &next, &mut state, &mut Vec::new()) {
                let steps: Vec<String> = c
                    .windows(2)
                    .map(|w| {
                        let (file, line) =
                            &g.edges[&(w[0].to_string(), w[1].to_string())];
                        format!("{} -> {} ({file}:{line})", w[0], w[1])
                    })
                    .collect();
                panic!("module cycle:\n{}", steps.join("\n"));
            }
        }
    }
}

#[test]
fn top_level_modules_use_only_what_their_layer_allows() {
    let allowed: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let src = src_dir();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for f in &files {
        let m = module_of(&src, f);
        if m != "crate" {
            assert!(
                allowed.contains_key(top(&m)),
                "top-level module {} is not in LAYERS (tests/architecture.rs): say what it may use",
                top(&m)
            );
        }
    }
    let g = graph();
    let mut bad = Vec::new();
    for ((from, to), (file, line)) in &g.edges {
        let (a, b) = (top(from), top(to));
        if from == "crate" || a == b {
            continue;
        }
        if !allowed.get(a).is_some_and(|ok| ok.contains(&b)) {
            bad.push(format!("{file}:{line}: {from} uses {to}"));
        }
    }
    assert!(
        bad.is_empty(),
        "uses that LAYERS does not allow:\n{}",
        bad.join("\n")
    );
}

#[test]
fn only_src_wasm_knows_the_js_binding() {
    let src = src_dir();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 5);
    for f in files {
        if f.starts_with(src.join("wasm")) {
            continue;
        }
        let code = code_only(&std::fs::read_to_string(&f).unwrap());
        for name in ["wasm_bindgen", "js_sys", "serde_wasm_bindgen"] {
            assert!(
                !code.contains(name),
                "{} mentions {} outside src/wasm",
                f.display(),
                name
            );
        }
    }
}

#[test]
fn no_source_file_is_over_a_thousand_lines() {
    let root = src_dir().parent().unwrap().to_path_buf();
    let mut files = Vec::new();
    rust_files(&src_dir(), &mut files);
    let mut long = Vec::new();
    for f in files {
        let rel = f.strip_prefix(&root).unwrap().display().to_string();
        let n = std::fs::read_to_string(&f).unwrap().lines().count();
        if n > MAX_LINES && !LONG_FILES.contains(&rel.as_str()) {
            long.push(format!("{rel}: {n} lines"));
        }
    }
    assert!(
        long.is_empty(),
        "files over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}

/// Prints the top-level modules each one uses today, for keeping
/// [`LAYERS`] exact: `cargo test --test integration print_layers --
/// --ignored --nocapture`.
#[test]
#[ignore]
fn print_layers() {
    let mut uses: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let g = graph();
    for (from, to) in g.edges.keys() {
        if from != "crate" && top(from) != top(to) {
            uses.entry(top(from)).or_default().insert(top(to));
        }
    }
    for (m, u) in uses {
        println!("{m}: {}", u.into_iter().collect::<Vec<_>>().join(", "));
    }
}
