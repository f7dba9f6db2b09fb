//! The names front coding, one job of the build script: writes the big
//! word lists of `src/names/data/` to `OUT_DIR` as `names_<list>.fc`,
//! front-coded (each entry: one digit, the bytes shared with the entry
//! before, then the rest; no separator, as entries hold no digit), which
//! gzips ~22% smaller than the sorted text; `src/names/dict.rs` decodes
//! them on first use. build.rs includes this file by `#[path]`; it is no
//! module of the crate.

use std::path::Path;
use std::{fs, process};

use super::write;

/// Writes each list of `NAME_LISTS` to `out`, front-coded.
pub(super) fn write_lists(out: &Path) {
    for name in NAME_LISTS {
        let path = format!("src/names/data/{name}.txt");
        println!("cargo::rerun-if-changed={path}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| {
            eprintln!("error: {path}: {e}");
            process::exit(1);
        });
        // The known organizations are written as they are spelled
        // ("YouTube", "Nestlé"): folded and sorted here as the engine
        // folds a token's key.
        let text = if name.starts_with("orgs_") {
            fold_lines(&path, &text)
        } else {
            text
        };
        write(
            &out.join(format!("names_{name}.fc")),
            &front_code(&path, &text),
        );
    }
}

/// The word lists of `src/names/data/` that ship front-coded.
const NAME_LISTS: [&str; 10] = [
    "given",
    "surnames",
    "common",
    "ambiguous",
    "places",
    "places_major",
    "places_cjk",
    "famous",
    "orgs_known",
    "orgs_web",
];

/// The entries of a list written as spelled, folded as the engine folds
/// a key (ASCII lowercase, the Latin accents of the list dropped), sorted
/// and deduplicated, up to a `# large only` line. A letter outside that fold stops the build (the
/// engine would fold it otherwise; `src/names/org.rs` tests every entry).
fn fold_lines(path: &str, text: &str) -> String {
    let mut v: Vec<String> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line == "# large only" {
            break;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut k = String::with_capacity(line.len());
        for c in line.chars() {
            let f = match c {
                'a'..='z' | '-' | ' ' => c,
                'A'..='Z' => c.to_ascii_lowercase(),
                'á' | 'ä' | 'ã' => 'a',
                'ç' => 'c',
                'é' | 'è' => 'e',
                'í' => 'i',
                'ö' | 'ó' => 'o',
                'ü' => 'u',
                'š' => 's',
                'ž' => 'z',
                _ => {
                    eprintln!("error: {path}:{}: cannot fold {c:?}", i + 1);
                    process::exit(1);
                }
            };
            k.push(f);
        }
        v.push(k);
    }
    v.sort();
    v.dedup();
    v.iter().map(|l| format!("{l}\n")).collect()
}

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
