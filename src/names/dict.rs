//! Compact word lists: one `include_str!` data file per list, parsed and
//! sorted once on first use, looked up by binary search.

const GIVEN: &str = include_str!("data/given.txt");
const SURNAMES: &str = include_str!("data/surnames.txt");
const COMMON: &str = include_str!("data/common.txt");
const AMBIGUOUS: &str = include_str!("data/ambiguous.txt");
const PLACES: &str = include_str!("data/places.txt");

/// Name particles: lowercase words inside a name ("van der", "da", "de la").
pub(crate) const PARTICLES: &str = "\n\
    al\nbin\nbinti\nda\ndas\nde\ndegli\ndei\ndel\ndella\nden\nder\ndes\ndi\ndo\ndos\n\
    du\nel\nla\nle\nten\nter\nvan\nvon\ny\nzu\n";

pub(crate) struct Lists {
    pub given: &'static str,
    pub surnames: &'static str,
    pub common: &'static str,
    pub ambiguous: &'static str,
    pub places: &'static str,
}

static LISTS: Lists = Lists {
    given: GIVEN,
    surnames: SURNAMES,
    common: COMMON,
    ambiguous: AMBIGUOUS,
    places: PLACES,
};

/// The word lists (no parsing: each is searched in place).
pub(crate) fn lists() -> &'static Lists {
    &LISTS
}

/// Binary search for `key` as a whole line in `list`: lines sorted by
/// bytes, separated by `\n`. Leading `#` comment lines sort before every
/// lowercase key, so a data file's header needs no skipping. No allocation,
/// no pointer tables (keeps the wasm small).
pub(crate) fn has(list: &'static str, key: &str) -> bool {
    find(list, key).is_some()
}

/// Like [`has`], returning the matching line of `list`.
pub(crate) fn find(list: &'static str, key: &str) -> Option<&'static str> {
    let b = list.as_bytes();
    if key.is_empty() || key.contains('\n') {
        return None;
    }
    let (mut lo, mut hi) = (0usize, b.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut s = mid;
        while s > lo && b[s - 1] != b'\n' {
            s -= 1;
        }
        let mut e = mid;
        while e < hi && b[e] != b'\n' {
            e += 1;
        }
        let line = &b[s..e];
        if line.is_empty() {
            // An empty line (list edges): step over it.
            if e >= hi {
                hi = s;
            } else {
                lo = e + 1;
            }
            continue;
        }
        match line.cmp(key.as_bytes()) {
            std::cmp::Ordering::Equal => return list.get(s..e),
            std::cmp::Ordering::Less => lo = e + 1,
            std::cmp::Ordering::Greater => hi = s,
        }
    }
    None
}

/// The longest ending of `key` (3..=9 bytes) listed in `list`, if the rest
/// of `key` is at least `min_rest(ending length)` bytes long.
pub(crate) fn ending_in(
    list: &'static str,
    key: &str,
    min_rest: impl Fn(usize) -> usize,
) -> bool {
    (3..=9usize.min(key.len())).any(|n| {
        let cut = key.len() - n;
        key.is_char_boundary(cut)
            && cut >= min_rest(n)
            && has(list, &key[cut..])
    })
}

/// The entries of a `\n`-separated list.
#[cfg(test)]
pub(crate) fn entries(
    list: &'static str,
) -> impl Iterator<Item = &'static str> {
    list.split('\n').filter(|w| !w.is_empty() && !w.starts_with('#'))
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
