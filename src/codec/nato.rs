//! The NATO / ICAO spelling alphabet ("India Golf November ..."): one
//! word a letter; `space`, `/` or `|` between words, punctuation kept.

use super::form::TextFind;

/// Spelling words a payload needs.
const MIN_LETTERS: usize = 6;
/// Bytes of a text read.
const MAX_SCAN: usize = 8 * 1024;

/// The spelling words of each letter, a to z, with common variants.
const WORDS: [&str; 26] = [
    "alfa alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliett juliet",
    "kilo",
    "lima",
    "mike",
    "november",
    "oscar",
    "papa",
    "quebec",
    "romeo",
    "sierra",
    "tango",
    "uniform",
    "victor",
    "whiskey whisky",
    "xray",
    "yankee",
    "zulu",
];

/// What one whitespace-separated token of the text spells: a letter, a
/// space (`space`, `(space)`, `/`, `|`), a punctuation mark, or `None`
/// when it is no spelling.
fn token(t: &[u8]) -> Option<u8> {
    match t {
        [b'/' | b'|'] => return Some(b' '),
        [c @ (b'.' | b',' | b'!' | b'?' | b':' | b';' | b'\'')] => {
            return Some(*c)
        }
        _ => {}
    }
    // Spelling words have 4..=8 letters (`space` 5), with a bracket or a
    // punctuation mark or two.
    if !(4..=10).contains(&t.len()) {
        return None;
    }
    // The word without brackets and trailing punctuation, lowercased.
    let mut low = [0u8; 8];
    let mut n = 0;
    for &c in t {
        if c.is_ascii_alphabetic() {
            *low.get_mut(n)? = c.to_ascii_lowercase();
            n += 1;
        } else if n > 0 && !b".,!?:;)".contains(&c) || n == 0 && c != b'(' {
            return None;
        }
    }
    let low = &low[..n];
    if low == b"space" {
        return Some(b' ');
    }
    let first = *low.first()?;
    let alts = WORDS.get(usize::from(first.wrapping_sub(b'a')))?.as_bytes();
    // One or two words: `low` is the first, or the one after the space.
    let one = alts.len() == n || alts.get(n) == Some(&b' ');
    let is = |w: &[u8]| w == low;
    (one && is(&alts[..n]) || alts.len() > n && is(&alts[alts.len() - n..]))
        .then_some(first)
}

/// The first run of spelling words in `text`, spelled out.
pub(crate) fn find(text: &str, _hint: &str) -> Option<TextFind> {
    let b = &text.as_bytes()[..text.len().min(MAX_SCAN)];
    let mut out = String::new();
    let mut letters = 0;
    let mut span: Option<std::ops::Range<usize>> = None;
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let Some(c) = token(&b[s..i]) else {
            if letters >= MIN_LETTERS {
                break;
            }
            out.clear();
            letters = 0;
            span = None;
            continue;
        };
        letters += usize::from(c.is_ascii_alphabetic());
        out.push(char::from(c));
        let r = span.get_or_insert(s..i);
        r.end = i;
    }
    (letters >= MIN_LETTERS).then(|| (0, span.unwrap_or(0..0), out))
}
