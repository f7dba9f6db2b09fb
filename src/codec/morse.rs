//! Morse code: `.` and `-` (or `_`), letters split by one space, words by
//! ` / `, ` | `, a line break or two spaces and more.

use super::form::Read;

/// Letters a payload needs.
const MIN_LETTERS: usize = 8;

/// (code, char) of the letters, digits and common punctuation.
const CODES: [(&str, u8); 44] = [
    (".-", b'a'),
    ("-...", b'b'),
    ("-.-.", b'c'),
    ("-..", b'd'),
    (".", b'e'),
    ("..-.", b'f'),
    ("--.", b'g'),
    ("....", b'h'),
    ("..", b'i'),
    (".---", b'j'),
    ("-.-", b'k'),
    (".-..", b'l'),
    ("--", b'm'),
    ("-.", b'n'),
    ("---", b'o'),
    (".--.", b'p'),
    ("--.-", b'q'),
    (".-.", b'r'),
    ("...", b's'),
    ("-", b't'),
    ("..-", b'u'),
    ("...-", b'v'),
    (".--", b'w'),
    ("-..-", b'x'),
    ("-.--", b'y'),
    ("--..", b'z'),
    ("-----", b'0'),
    (".----", b'1'),
    ("..---", b'2'),
    ("...--", b'3'),
    ("....-", b'4'),
    (".....", b'5'),
    ("-....", b'6'),
    ("--...", b'7'),
    ("---..", b'8'),
    ("----.", b'9'),
    (".-.-.-", b'.'),
    ("--..--", b','),
    ("..--..", b'?'),
    ("-.-.--", b'!'),
    ("---...", b':'),
    (".----.", b'\''),
    ("-....-", b'-'),
    ("-.--.", b'('),
];

/// Codes of up to 6 symbols, indexed by `1 << len | bits` (dot 0, dash 1,
/// first symbol highest); 0 = no char.
static TABLE: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut k = 0;
    while k < CODES.len() {
        let code = CODES[k].0.as_bytes();
        let mut idx = 1usize;
        let mut j = 0;
        while j < code.len() {
            idx = idx << 1 | (code[j] == b'-') as usize;
            j += 1;
        }
        t[idx] = CODES[k].1;
        k += 1;
    }
    t
};

fn is_run_byte(c: u8) -> bool {
    matches!(c, b'.' | b'-' | b'_' | b' ' | b'/' | b'|' | b'\n' | b'\r')
}

/// Decodes the Morse run at `start`.
pub(crate) fn payload(b: &[u8], start: usize, max_len: usize) -> Read {
    let mut out = Vec::new();
    let (mut letters, mut unknown) = (0usize, 0usize);
    let mut code = 1usize;
    let mut spaces = 0;
    let mut word_break = false;
    let mut i = start;
    // End of the last symbol read.
    let mut end = start;
    while i < b.len() && i - start < max_len && is_run_byte(b[i]) {
        let c = b[i];
        i += 1;
        if matches!(c, b'.' | b'-' | b'_') {
            if word_break && !out.is_empty() {
                out.push(b' ');
            }
            word_break = false;
            spaces = 0;
            code = if code >= 64 {
                128
            } else {
                code << 1 | usize::from(c != b'.')
            };
            end = i;
            continue;
        }
        if code > 1 {
            match TABLE.get(code).copied().unwrap_or(0) {
                0 => unknown += 1,
                ch => out.push(ch),
            }
            letters += 1;
            code = 1;
        }
        spaces += usize::from(c == b' ');
        word_break |= c != b' ' || spaces >= 2;
    }
    if code > 1 {
        match TABLE.get(code).copied().unwrap_or(0) {
            0 => unknown += 1,
            ch => out.push(ch),
        }
        letters += 1;
    }
    if letters >= MIN_LETTERS && unknown * 10 <= letters {
        Read::Run(end, out)
    } else if end > start + 1 {
        Read::Skip(end)
    } else {
        Read::No
    }
}
