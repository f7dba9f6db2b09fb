//! Compact word lists: one `include_str!` data file per list, parsed and
//! sorted once on first use, looked up by binary search.

use std::sync::OnceLock;

const GIVEN: &str = include_str!("data/given.txt");
const SURNAMES: &str = include_str!("data/surnames.txt");
const COMMON: &str = include_str!("data/common.txt");
const AMBIGUOUS: &str = include_str!("data/ambiguous.txt");
const PLACES: &str = include_str!("data/places.txt");

/// Name particles: lowercase words inside a name ("van der", "da", "de la").
pub(crate) const PARTICLES: &[&str] = &[
    "al", "bin", "binti", "da", "das", "de", "degli", "dei", "del", "della", "den",
    "der", "des", "di", "do", "dos", "du", "el", "la", "le", "ten", "ter", "van",
    "von", "y", "zu",
];

pub(crate) struct Lists {
    pub given: Vec<&'static str>,
    pub surnames: Vec<&'static str>,
    pub common: Vec<&'static str>,
    pub ambiguous: Vec<&'static str>,
    pub places: Vec<&'static str>,
}

/// One entry per line, already sorted and unique (scripts/names-data;
/// a unit test checks it); `#` lines are comments.
fn entries(src: &'static str) -> Vec<&'static str> {
    src.split('\n').filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

pub(crate) fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| Lists {
        given: entries(GIVEN),
        surnames: entries(SURNAMES),
        common: entries(COMMON),
        ambiguous: entries(AMBIGUOUS),
        places: entries(PLACES),
    })
}

pub(crate) fn has(list: &[&str], key: &str) -> bool {
    !key.is_empty() && list.binary_search(&key).is_ok()
}

/// ASCII folding for Latin-1 Supplement and Latin Extended-A letters
/// (U+00C0..U+017F), lowercase. `*` marks characters folded specially.
const FOLD_TABLE: &[u8; 192] = b"aaaaaa*ceeeeiiiidnooooo*ouuuuy**aaaaaa*ceeeeiiiidnooooo*ouuuuy*yaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Appends the lowercase ASCII folding of `word` to `out`; drops characters
/// that are not letters (apostrophes, dots, marks). Hyphens are kept.
pub(crate) fn fold_into(word: &str, out: &mut String) {
    for c in word.chars() {
        if c.is_ascii_alphabetic() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if c == '-' {
            out.push('-');
            continue;
        }
        let u = c as u32;
        if (0xC0..0x180).contains(&u) {
            let b = FOLD_TABLE[(u - 0xC0) as usize];
            if b != b'*' {
                out.push(b as char);
                continue;
            }
            match c {
                'Æ' | 'æ' => out.push_str("ae"),
                'ß' => out.push_str("ss"),
                'Œ' | 'œ' => out.push_str("oe"),
                'Ĳ' | 'ĳ' => out.push_str("ij"),
                'Þ' | 'þ' => out.push_str("th"),
                _ => {}
            }
        } else if matches!(u, 0x218..=0x21B) {
            // Romanian comma-below s/t.
            out.push(if u < 0x21A { 's' } else { 't' });
        }
    }
}

#[cfg(test)]
pub(crate) fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}
