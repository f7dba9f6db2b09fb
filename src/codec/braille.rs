//! Unicode braille (U+2800..U+283F), grade 1: letters, the capital sign
//! (dot 6), the number sign (dots 3456: a-j are 1-0), punctuation.
//! Grade 2 contractions are not read.

use super::form::Read;

/// Cells a payload needs.
const MIN_CELLS: usize = 8;

/// The char of each 6-dot cell (bit k = dot k+1); 0 = none.
static CELLS: [u8; 64] = {
    const LETTERS: [u8; 26] = [
        0x01, 0x03, 0x09, 0x19, 0x11, 0x0B, 0x1B, 0x13, 0x0A, 0x1A, 0x05,
        0x07, 0x0D, 0x1D, 0x15, 0x0F, 0x1F, 0x17, 0x0E, 0x1E, 0x25, 0x27,
        0x3A, 0x2D, 0x3D, 0x35,
    ];
    let mut t = [0u8; 64];
    let mut k = 0;
    while k < 26 {
        t[LETTERS[k] as usize] = b'a' + k as u8;
        k += 1;
    }
    t[0x02] = b',';
    t[0x06] = b';';
    t[0x12] = b':';
    t[0x32] = b'.';
    t[0x16] = b'!';
    t[0x26] = b'?';
    t[0x04] = b'\'';
    t[0x24] = b'-';
    t
};

const CAPITAL: u8 = 0x20;
const NUMBER: u8 = 0x3C;

/// The cell at `b[i..]` (U+2800..U+283F: `E2 A0 80..BF`).
fn cell(b: &[u8], i: usize) -> Option<u8> {
    match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(0xE2), Some(0xA0), Some(&x)) if (0x80..0xC0).contains(&x) => {
            Some(x - 0x80)
        }
        _ => None,
    }
}

/// Decodes the braille run at `start`.
pub(crate) fn payload(b: &[u8], start: usize, max_len: usize) -> Read {
    if cell(b, start).is_none() {
        return Read::No;
    }
    let mut out = Vec::new();
    let (mut cells, mut end, mut i) = (0, start, start);
    let (mut capital, mut number) = (false, false);
    while i < b.len() && i - start < max_len {
        if matches!(b[i], b' ' | b'\n') {
            out.push(b[i]);
            number = false;
            i += 1;
            continue;
        }
        let Some(d) = cell(b, i) else { break };
        i += 3;
        end = i;
        cells += 1;
        match d {
            0 => {
                out.push(b' ');
                number = false;
            }
            CAPITAL => capital = true,
            NUMBER => number = true,
            _ => {
                let c = CELLS[usize::from(d)];
                let c = match c {
                    b'a'..=b'j' if number => (c - b'a' + 1) % 10 + b'0',
                    b'a'..=b'z' if capital => c.to_ascii_uppercase(),
                    0 => b'?',
                    c => c,
                };
                out.push(c);
                capital = false;
            }
        }
    }
    while out.last().is_some_and(u8::is_ascii_whitespace) {
        out.pop();
    }
    if cells >= MIN_CELLS {
        Read::Run(end, out)
    } else {
        Read::Skip(end)
    }
}
