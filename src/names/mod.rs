//! Names, addresses, locations and dates of birth without an ML model.
//!
//! Owns the dictionary- and grammar-based PII detectors (PERSON, ADDRESS,
//! LOCATION, DATE_OF_BIRTH). Depends only on `report`; the filter layer
//! applies policy to what it returns.
//!
//! One pass splits the text into tokens (words, numbers, punctuation; e-mail
//! addresses and URLs become opaque tokens), then each detector walks the
//! token list with a bounded look-back/look-ahead, so the cost is linear in
//! the input length. Word lists live in `data/` (see `dict`).

mod address;
mod dict;
mod person;
mod place;

use std::borrow::Cow;
use std::ops::Range;

/// One dictionary/grammar detection.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Detection {
    /// UPPER_SNAKE type, e.g. `PERSON`.
    pub type_name: &'static str,
    /// Rule id, e.g. `person-cue`.
    pub rule: &'static str,
    /// Byte span in the text.
    pub span: Range<usize>,
    /// Confidence in [0, 1].
    pub score: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (with inner `-` and `'`).
    Word,
    /// ASCII digits, possibly with inner `/ - .` and a trailing letter.
    Num,
    /// One punctuation character.
    Punct(char),
    /// An e-mail address, URL or other glued token: never part of a name.
    Opaque,
}

#[derive(Clone, Debug)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// A line break occurs between the previous token and this one.
    pub nl: bool,
    /// Whitespace occurs between the previous token and this one.
    pub sp: bool,
    /// First letter is uppercase (words only).
    pub cap: bool,
    /// Every letter is uppercase and there are at least two (words only).
    pub upper: bool,
    /// Lowercase ASCII folding of a word (empty for other kinds).
    pub key: dict::Key<'a>,
}

impl Tok<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

#[inline(always)]
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    c.is_alphabetic() || ('\u{300}'..='\u{36F}').contains(&c)
}

#[inline(always)]
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_whitespace() || c == '\x0b'
    } else {
        c.is_whitespace()
    }
}

/// Char at byte offset `i` (a space past the end or off a boundary).
#[inline(always)]
fn ch(text: &str, i: usize) -> char {
    // Most text is ASCII: one byte read, no decoding.
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => b as char,
        Some(_) => text.get(i..).and_then(|s| s.chars().next()).unwrap_or(' '),
        None => ' ',
    }
}

/// Byte offset of the char after the one at `i`.
#[inline(always)]
fn nx(text: &str, i: usize) -> usize {
    i + ch(text, i).len_utf8()
}

pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    // About one token per five bytes of prose.
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 5 + 4);
    let mut scratch = String::new();
    let n = text.len();
    let mut i = 0;
    let mut nl = false;
    let mut sp = true;
    // The end of the current chunk when it is known not to be opaque.
    let mut plain_until = 0;
    while i < n {
        if !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let c = ch(text, i);
        if is_space(c) {
            if c == '\n' || c == '\r' {
                nl = true;
            }
            sp = true;
            i += c.len_utf8();
            continue;
        }
        // Opaque: a whitespace-delimited chunk holding '@', "://" or '_'
        // is an e-mail address, URL or identifier. A chunk is looked at
        // once, from its first token: the rest of it holds none of those.
        let mut j = i;
        let mut opaque = false;
        if i >= plain_until {
            while j < n {
                let d = ch(text, j);
                if is_space(d) {
                    break;
                }
                if d == '@'
                    || d == '_'
                    || (d == ':' && text[j..].starts_with("://"))
                {
                    opaque = true;
                }
                j += d.len_utf8();
            }
            plain_until = j;
        }
        if opaque {
            // Trim trailing sentence punctuation off the chunk.
            let mut e = j;
            while e > i
                && matches!(
                    text.as_bytes()[e - 1],
                    b'.' | b',' | b')' | b';' | b'!' | b'?' | b'>'
                )
            {
                e -= 1;
            }
            out.push(tok(text, i, e, Kind::Opaque, nl, sp, &mut scratch));
            for k in e..j {
                let p = text.as_bytes()[k] as char;
                out.push(tok(
                    text,
                    k,
                    k + 1,
                    Kind::Punct(p),
                    false,
                    false,
                    &mut scratch,
                ));
            }
            nl = false;
            sp = false;
            i = j;
            continue;
        }
        let start = i;
        let kind;
        if is_letter(c) {
            i += c.len_utf8();
            while i < n {
                // ASCII letters, most of every word, byte by byte.
                if text.as_bytes()[i].is_ascii_alphabetic() {
                    i += 1;
                    continue;
                }
                let d = ch(text, i);
                if is_letter(d) {
                    i += d.len_utf8();
                } else if matches!(d, '-' | '\'' | '\u{2019}')
                    && is_letter(ch(text, nx(text, i)))
                    && !(d != '-'
                        && matches!(ch(text, nx(text, i)), 's' | 'S')
                        && !is_letter(ch(text, nx(text, nx(text, i)))))
                {
                    // ("Anna's" stops before the possessive.)
                    i = nx(text, nx(text, i));
                } else {
                    break;
                }
            }
            kind = Kind::Word;
        } else if c.is_ascii_digit() {
            i += 1;
            while i < n {
                let d = ch(text, i);
                if d.is_ascii_digit() {
                    i += 1;
                } else if matches!(d, '/' | '-' | '.')
                    && ch(text, i + 1).is_ascii_digit()
                {
                    i += 2;
                } else {
                    break;
                }
            }
            // "36U", "12a", "3ª", but not "12th"-like longer suffixes.
            let d = ch(text, i);
            if i < n && d.is_alphabetic() && !is_letter(ch(text, nx(text, i)))
            {
                i = nx(text, i);
            }
            kind = Kind::Num;
        } else {
            i += c.len_utf8();
            kind = Kind::Punct(c);
        }
        out.push(tok(text, start, i, kind, nl, sp, &mut scratch));
        nl = false;
        sp = false;
    }
    out
}

fn tok<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    kind: Kind,
    nl: bool,
    sp: bool,
    key: &mut String,
) -> Tok<'a> {
    let s = text.get(start..end).unwrap_or("");
    if kind == Kind::Word && s.bytes().all(|c| c.is_ascii_lowercase()) {
        // Most words of prose: the text is its own key.
        let key = dict::Key::new(Cow::Borrowed(s));
        return Tok {
            start,
            end,
            kind,
            nl,
            sp,
            cap: false,
            upper: false,
            key,
        };
    }
    let (mut cap, mut upper) = (false, false);
    key.clear();
    if kind == Kind::Word && s.is_ascii() {
        // One pass: case facts and the key (letters lowercased, `-` kept).
        let b = s.as_bytes();
        cap = b.first().is_some_and(u8::is_ascii_uppercase);
        key.reserve(b.len());
        let (mut letters, mut any_lower) = (0, false);
        for &c in b {
            if c.is_ascii_alphabetic() {
                letters += 1;
                any_lower |= c.is_ascii_lowercase();
                key.push(char::from(c.to_ascii_lowercase()));
            } else if c == b'-' {
                key.push('-');
            }
        }
        upper = letters >= 2 && !any_lower;
    } else if kind == Kind::Word {
        cap = s.chars().next().is_some_and(char::is_uppercase);
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        upper = letters >= 2 && !s.chars().any(char::is_lowercase);
        dict::fold_into(s, key);
    }
    let key = if kind == Kind::Word && key.as_str() == s {
        Cow::Borrowed(s)
    } else if key.is_empty() {
        Cow::Borrowed("")
    } else {
        Cow::Owned(key.clone())
    };
    Tok { start, end, kind, nl, sp, cap, upper, key: dict::Key::new(key) }
}

/// Texts are scanned in chunks of about this many bytes, cut at a line
/// break (or a space) so token memory stays bounded for huge inputs.
const CHUNK: usize = 32 * 1024;

/// Finds names, addresses, locations and dates of birth.
pub(crate) fn detect(text: &str) -> Vec<Detection> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + CHUNK).min(text.len());
        if end < text.len() {
            let window = text.as_bytes().get(start..end).unwrap_or(&[]);
            let cut = window
                .iter()
                .rposition(|&b| b == b'\n')
                .or_else(|| window.iter().rposition(|&b| b == b' '))
                .map(|p| start + p + 1)
                .unwrap_or(end);
            end = cut.max(start + 1);
            while end < text.len() && !text.is_char_boundary(end) {
                end += 1;
            }
        }
        let part = text.get(start..end).unwrap_or("");
        for mut d in detect_chunk(part) {
            d.span = d.span.start + start..d.span.end + start;
            out.push(d);
        }
        start = end;
    }
    out
}

fn detect_chunk(text: &str) -> Vec<Detection> {
    if text.is_empty()
        || !text.bytes().any(|b| b.is_ascii_alphabetic() || b >= 0x80)
    {
        return Vec::new();
    }
    let toks = tokenize(text);
    // Each detector returns its findings in text order, without overlaps;
    // merge the three lists by start (no sort: keeps the wasm small).
    let lists = [
        address::detect(text, &toks),
        person::detect(&toks),
        place::detect(text, &toks),
    ];
    let mut pos = [0usize; 3];
    let mut all = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    loop {
        let mut best: Option<usize> = None;
        for k in 0..3 {
            if let Some(d) = lists[k].get(pos[k]) {
                if best.map_or(true, |b| {
                    lists[b]
                        .get(pos[b])
                        .is_some_and(|x| d.span.start < x.span.start)
                }) {
                    best = Some(k);
                }
            }
        }
        let Some(k) = best else { break };
        if let Some(d) = lists[k].get(pos[k]) {
            all.push(d.clone());
        }
        pos[k] += 1;
    }
    // Between detectors an ADDRESS wins, then the higher score, then the
    // longer span. Linear.
    let rank =
        |d: &Detection| (d.type_name == "ADDRESS", d.score, d.span.len());
    let mut kept: Vec<Detection> = Vec::with_capacity(all.len());
    for d in all {
        match kept.last_mut() {
            Some(k) if d.span.start < k.span.end => {
                if rank(&d) > rank(k) {
                    *k = d;
                }
            }
            _ => kept.push(d),
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn sorted(list: &'static dict::WordList) -> bool {
        let v: Vec<&str> = dict::entries(list).collect();
        v.windows(2).all(|w| w[0] < w[1])
            && v.iter().all(|w| dict::has(list, w))
    }

    #[test]
    fn lists_are_sorted_ascii_lowercase() {
        let l = dict::lists();
        for list in [l.given, l.surnames, l.common, l.ambiguous, l.places] {
            for w in dict::entries(list) {
                assert!(
                    w.bytes().all(|b| b.is_ascii_lowercase()
                        || b == b' '
                        || b == b'-'),
                    "{w:?}"
                );
            }
            assert!(
                sorted(list),
                // Not needed by the hash index, but keeps the data files
                // reviewable and duplicate-free.
                "lists must be sorted and unique: run scripts/names-data"
            );
            assert!(
                !dict::has(list, "zzzz-not-a-word")
                    && !dict::has(list, "a-not")
            );
        }
        for small in dict::registry() {
            assert!(sorted(small), "{:?}", dict::entries(small).next());
        }
        assert!(dict::entries(l.given).count() > 1500);
        assert!(dict::entries(l.surnames).count() > 1500);
        assert!(
            dict::has(l.given, "anna")
                && dict::has(l.surnames, "schmidt")
                && dict::has(l.places, "new york")
        );
    }

    /// A list left out of the registry would hold no word. Every list
    /// declared in `names` (the only module that can make one) is there,
    /// at the index that is its bit.
    #[test]
    fn every_word_list_is_registered() {
        // Bit 31 marks phrase ends (dict::PHRASE_END).
        assert!(dict::registry().len() < 31);
        for (i, list) in dict::registry().iter().enumerate() {
            assert_eq!(dict::bit(list), i);
        }
        let declared: usize = [
            include_str!("mod.rs"),
            include_str!("dict.rs"),
            include_str!("address.rs"),
            include_str!("person.rs"),
            include_str!("place.rs"),
        ]
        .iter()
        .map(|src| src.matches(concat!("WordList", "::new(")).count())
        .sum();
        assert_eq!(declared, dict::registry().len());
    }

    /// The lexicon answers exactly what a scan of each list's text does,
    /// for every entry of every list and for words in none.
    #[test]
    fn lexicon_matches_the_lists() {
        let mut words: Vec<&str> = vec!["", "zzzz", "a-not", "new\nyork"];
        for list in dict::registry() {
            words.extend(dict::entries(list));
        }
        for list in dict::registry() {
            let entries: Vec<&str> = dict::entries(list).collect();
            for w in &words {
                let key = dict::Key::new(std::borrow::Cow::Borrowed(*w));
                let want = entries.contains(w);
                assert_eq!(dict::has(list, w), want, "{w:?}");
                assert_eq!(dict::has(list, &key), want, "{w:?}");
                assert_eq!(dict::find(list, *w), want.then_some(*w));
            }
            for phrase in dict::entries(list) {
                let Some((_, last)) = phrase.rsplit_once(' ') else {
                    continue;
                };
                let key = dict::Key::new(std::borrow::Cow::Borrowed(last));
                assert!(key.ends_phrase(), "{phrase:?}");
            }
        }
        let plain = dict::Key::new(std::borrow::Cow::Borrowed("report"));
        assert!(!plain.ends_phrase());
    }

    #[test]
    fn fold_works() {
        assert_eq!(dict::fold("Müller"), "muller");
        assert_eq!(dict::fold("Łukasz"), "lukasz");
        assert_eq!(dict::fold("Straße"), "strasse");
        assert_eq!(dict::fold("O'Brien"), "obrien");
    }

    #[test]
    fn tokens() {
        let t = tokenize("Hi, I'm Anna (anna@x.com) at 12/3 Main St.");
        let kinds: Vec<Kind> = t.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[0], Kind::Word);
        assert!(kinds.contains(&Kind::Opaque));
        assert!(t.iter().any(|t| t.kind == Kind::Num && t.end - t.start == 4));
    }
}

#[cfg(test)]
mod timing {
    #[test]
    #[ignore]
    fn names_detect_scaling() {
        let unit = "Hi, I'm Anna Kowalska from Warsaw. Ship it to ul. Długa 5/7, 00-238 Warszawa \
                    or 221B Baker Street, London NW1 6XE. Born 12/03/1985. The Board met on Tuesday. ";
        for n in [1_000usize, 4_000] {
            let text = unit.repeat(n);
            let t0 = std::time::Instant::now();
            let toks = super::tokenize(&text[..100_000]);
            println!("tokenize 100k: {:.3}", t0.elapsed().as_secs_f64());
            let t1 = std::time::Instant::now();
            let _ = super::address::detect(&text[..100_000], &toks);
            println!("address: {:.3}", t1.elapsed().as_secs_f64());
            let t1 = std::time::Instant::now();
            let _ = super::person::detect(&toks);
            println!("person: {:.3}", t1.elapsed().as_secs_f64());
            let t1 = std::time::Instant::now();
            let _ = super::place::detect(&text[..100_000], &toks);
            println!("place: {:.3}", t1.elapsed().as_secs_f64());
            let t0 = std::time::Instant::now();
            let d = super::detect(&text);
            let dt = t0.elapsed().as_secs_f64();
            println!(
                "{} bytes: {:.3} s, {:.2} MB/s, {}",
                text.len(),
                dt,
                text.len() as f64 / 1e6 / dt,
                d.len()
            );
        }
    }
}
