//! The NATO / ICAO spelling alphabet ("India Golf November ..."): one
//! word a letter; `space`, `/` or `|` between words, punctuation kept.

use super::form::TextFind;

/// Spelling words a payload needs.
const MIN_LETTERS: usize = 6;
/// Bytes of a text read.
const MAX_SCAN: usize = 8 * 1024;

/// The spelling words and their common variants; each stands for its
/// first letter.
const WORDS: &str = "alfa alpha bravo charlie delta echo foxtrot golf hotel \
india juliett juliet kilo lima mike november oscar papa quebec romeo sierra \
tango uniform victor whiskey whisky xray yankee zulu";

/// What one whitespace-separated token of the text is.
enum Token {
    Letter(u8),
    Space,
    Punct(u8),
    Other,
}

fn token(t: &[u8]) -> Token {
    let core: &[u8] = {
        let s = t.iter().position(|c| c.is_ascii_alphanumeric());
        let e = t.iter().rposition(|c| c.is_ascii_alphanumeric());
        match (s, e) {
            (Some(s), Some(e)) => &t[s..=e],
            _ => {
                return match t {
                    [b'/' | b'|'] => Token::Space,
                    [c @ (b'.' | b',' | b'!' | b'?' | b':' | b';' | b'\'')] => {
                        Token::Punct(*c)
                    }
                    _ => Token::Other,
                }
            }
        }
    };
    if core.len() < 4 || core.len() > 8 {
        return Token::Other;
    }
    let mut low = [0u8; 8];
    for (d, c) in low.iter_mut().zip(core) {
        *d = c.to_ascii_lowercase();
    }
    let low = &low[..core.len()];
    if low == b"space" {
        return Token::Space;
    }
    if WORDS.split(' ').any(|w| w.as_bytes() == low) {
        Token::Letter(low[0])
    } else {
        Token::Other
    }
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
        match token(&b[s..i]) {
            Token::Other => {
                if letters >= MIN_LETTERS {
                    break;
                }
                out.clear();
                letters = 0;
                span = None;
                continue;
            }
            Token::Letter(c) => {
                letters += 1;
                out.push(char::from(c));
            }
            Token::Space => out.push(' '),
            Token::Punct(c) => out.push(char::from(c)),
        }
        let r = span.get_or_insert(s..i);
        r.end = i;
    }
    (letters >= MIN_LETTERS).then(|| (0, span.unwrap_or(0..0), out))
}
