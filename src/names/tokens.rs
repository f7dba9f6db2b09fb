//! Tokens: the text split into words, numbers, punctuation and opaque
//! chunks (e-mail addresses, URLs, identifiers), each with its case facts
//! and its folded key looked up in the lexicon once. Every detector walks
//! this list.
//!
//! Depends on `dict` (folding) and `lexicon` (keys).

use std::borrow::Cow;
use std::ops::Range;

use super::dict::fold_into;
use super::dict::WordList;
use super::lexicon::{find, has, Key};

/// How far (bytes) the opaque-chunk check looks from a token: within
/// the right context a response stream holds back (`CTX_AFTER`, 96).
const OPAQUE_LOOK: usize = 64;

/// Left context (bytes before the start of a run) that a decision about
/// the run may read beyond its own words: cue words, the line start, an
/// earlier speaker label, the German words around it. A response stream
/// keeps 256 bytes of shown text as context (`response::KEEP`); this
/// leaves room for a list of names that began earlier
/// (`person::LIST_REACH`) and a token cut at the window's start.
pub(crate) const BEFORE: usize = 128;

/// Right context (bytes after the start of a word of a run) that a
/// decision about the run may read: the words after it, a speaker label
/// on a later line, the German words around it. A response stream holds
/// back every capitalized word until this much text follows it
/// (`names::pending`).
pub(crate) const AHEAD: usize = 128;

/// The tokens a decision about the run at token `i` may read: those
/// starting at most [`BEFORE`] bytes before it and ending less than
/// [`AHEAD`] bytes after its start (a word that ends at the end of a
/// stream's window may still grow).
pub(crate) fn reach(toks: &[Tok], i: usize) -> (usize, usize) {
    let p = toks.get(i).map_or(0, |t| t.start);
    let lo = toks.partition_point(|t| t.start + BEFORE < p);
    let hi = toks.partition_point(|t| t.end < p + AHEAD);
    (lo, hi.max(lo))
}

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

impl Detection {
    pub(crate) fn new(
        type_name: &'static str,
        rule: &'static str,
        span: Range<usize>,
        score: f32,
    ) -> Detection {
        Detection { type_name, rule, span, score }
    }
}

/// The last token of a form field's value starting at token `i`: words
/// and numbers up to the end of the line, a quote, a comma, a `;`, a
/// `|` or a `(`, at most `max` tokens on.
pub(crate) fn value_end(toks: &[Tok], i: usize, max: usize) -> usize {
    let mut e = i;
    let mut k = i + 1;
    while let Some(n) = toks.get(k) {
        if n.nl
            || k > i + max
            || n.kind == Kind::Opaque
            || matches!(n.kind, Kind::Punct('"' | ',' | ';' | '|' | '('))
        {
            break;
        }
        if n.is_word() || n.kind == Kind::Num {
            e = k;
        }
        k += 1;
    }
    e
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
    /// The first letter has no case (CJK, Arabic, Hebrew, Thai, ...).
    pub uncased: bool,
    /// Lowercase ASCII folding of a word (empty for other kinds).
    pub key: Key<'a>,
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
        Some(_) => ch_wide(text, i),
        None => ' ',
    }
}

/// [`ch`] of a non-ASCII byte, out of line: `ch` is inlined in every
/// loop of the tokenizer and this decoding is most of its code (size24).
#[inline(never)]
fn ch_wide(text: &str, i: usize) -> char {
    text.get(i..).and_then(|s| s.chars().next()).unwrap_or(' ')
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
        //
        // The look reaches at most OPAQUE_LOOK bytes: a marker further on
        // in a long chunk does not change how this token reads. Otherwise
        // text hundreds of bytes later (one '_') could undo a finding here,
        // and a stream, which holds back only a bounded right context,
        // would differ from one-shot screening. Past the look, the chunk's
        // next token looks again.
        let mut j = i;
        let mut opaque = false;
        if i >= plain_until {
            while j < n {
                let d = ch(text, j);
                if is_space(d) || (!opaque && j - i >= OPAQUE_LOOK) {
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
    let word = kind == Kind::Word;
    if !word || s.bytes().all(|c| c.is_ascii_lowercase()) {
        // Most words of prose: the text is its own key. Punctuation,
        // numbers and opaque chunks (most tokens of brackets, digits and
        // separators): no case, an empty key, no lookup.
        let key = if word { Key::new(Cow::Borrowed(s)) } else { Key::empty() };
        return Tok {
            start,
            end,
            kind,
            nl,
            sp,
            cap: false,
            upper: false,
            uncased: false,
            key,
        };
    }
    let (cap, upper);
    let mut uncased = false;
    key.clear();
    if s.is_ascii() {
        // The case facts, then the key (letters lowercased, `-` kept).
        let b = s.as_bytes();
        cap = b.first().is_some_and(u8::is_ascii_uppercase);
        let (mut letters, mut any_lower, mut other) = (0, false, false);
        for &c in b {
            if c.is_ascii_alphabetic() {
                letters += 1;
                any_lower |= c.is_ascii_lowercase();
            } else {
                other |= c != b'-';
            }
        }
        // Copied whole then lowercased in place (a word of letters and
        // `-`, most of them): a push per letter was most of a capitalized
        // word's tokenizing. An apostrophe is dropped letter by letter.
        if other {
            for &c in b {
                if c.is_ascii_alphabetic() || c == b'-' {
                    key.push(char::from(c));
                }
            }
        } else {
            key.push_str(s);
        }
        key.make_ascii_lowercase();
        upper = letters >= 2 && !any_lower;
    } else {
        let first = s.chars().next().unwrap_or(' ');
        cap = first.is_uppercase();
        uncased = first.is_alphabetic() && !cap && !first.is_lowercase();
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        upper = letters >= 2 && !s.chars().any(char::is_lowercase);
        fold_into(s, key);
    }
    let key = if key.as_str() == s {
        Key::new(Cow::Borrowed(s))
    } else if key.is_empty() {
        Key::empty()
    } else {
        // A capitalized known word ("John") borrows the lexicon's key.
        Key::folded(key)
    };
    Tok { start, end, kind, nl, sp, cap, upper, uncased, key }
}

/// Up to three punctuation tokens between a cue and the run: `,` `:`
/// `.` `-` `=` `"` `'` `|` (`Name: "Ana"`, `"name": "Ana"`, `Name = Ana`),
/// and a gender ending `/r` or `/a` ("Liebe/r Georg", "Estimado/a Ana").
/// Returns the index after the cue and whether a field separator was seen.
/// A `:` or `=` stands in the three tokens before token `i`: the cheap
/// test before [`skip_separators`], which a form field needs.
#[inline(always)]
pub(crate) fn after_punct(toks: &[Tok], i: usize) -> bool {
    let mut k = i.min(toks.len());
    while k > 0 && k + 3 > i {
        if matches!(toks[k - 1].kind, Kind::Punct(':' | '=' | '：')) {
            return true;
        }
        k -= 1;
    }
    false
}

#[inline(always)]
pub(crate) fn skip_separators(toks: &[Tok], i: usize) -> (usize, bool, bool) {
    // Most words follow a word: nothing to skip.
    match i.checked_sub(1).and_then(|p| toks.get(p)) {
        Some(p) if p.is_word() && p.key.len() != 1 => (i, false, toks[i].nl),
        None => (i, false, toks.get(i).is_some_and(|t| t.nl)),
        _ => skip_separators_slow(toks, i),
    }
}

fn skip_separators_slow(toks: &[Tok], i: usize) -> (usize, bool, bool) {
    let mut j = i;
    let mut field = false;
    let mut line_break = toks.get(i).is_some_and(|t| t.nl);
    let mut n = 0;
    while j > 0 && n < 3 {
        let p = &toks[j - 1];
        let take = match p.kind {
            Kind::Punct(',' | '.' | '-' | '"' | '\'' | '|') => 1,
            Kind::Punct(':' | '=' | '：') => {
                field = true;
                1
            }
            // ">" closes a markup tag named as a field, its value on the
            // same line: "<name>Ana", "<div class=\"author\">Ana".
            Kind::Punct('>') if !toks[j].nl => {
                field = true;
                1
            }
            Kind::Word
                if p.key.len() == 1
                    && !p.sp
                    && j >= 2
                    && toks[j - 2].is_punct('/') =>
            {
                2
            }
            _ => break,
        };
        for _ in 0..take {
            line_break |= toks[j - 1].nl;
            j -= 1;
        }
        n += 1;
    }
    (j, field, line_break)
}

/// The phrase of up to three words ending just before token `j`, looked
/// up in `list`.
pub(crate) fn phrase_before(
    toks: &[Tok],
    j: usize,
    list: &'static WordList,
) -> bool {
    // Most calls end at the first word: no phrase, no allocation.
    let Some(w0) = j.checked_sub(1).and_then(|k| toks.get(k)) else {
        return false;
    };
    if !w0.is_word() {
        return false;
    }
    if has(list, &w0.key) {
        return true;
    }
    if !w0.key.ends_phrase() {
        return false;
    }
    let mut phrase = String::new();
    for n in 2..=3.min(j) {
        let words = &toks[j - n..j];
        if !words[0].is_word() {
            break;
        }
        phrase.clear();
        for (m, w) in words.iter().enumerate() {
            if m > 0 {
                phrase.push(' ');
            }
            phrase.push_str(&w.key);
        }
        if find(list, phrase.as_str()).is_some() {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let t = tokenize("Hi, I'm Anna (anna@x.com) at 12/3 Main St.");
        let kinds: Vec<Kind> = t.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[0], Kind::Word);
        assert!(kinds.contains(&Kind::Opaque));
        assert!(t.iter().any(|t| t.kind == Kind::Num && t.end - t.start == 4));
    }
}
