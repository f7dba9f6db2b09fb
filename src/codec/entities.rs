//! HTML character references: `&#105;`, `&#x69;` and a few named ones
//! (`&amp; &lt; &gt; &quot; &apos; &nbsp;`).

use super::class::UNRESERVED;
use super::form::Read;
use super::percent::read;

/// References a payload needs: fewer are an `&amp;` in pasted HTML.
const MIN_REFERENCES: usize = 4;

/// The reference at `b[i..]`: pushes the UTF-8 of its char, returns its
/// length.
fn reference(b: &[u8], i: usize, out: &mut Vec<u8>) -> Option<usize> {
    if b.get(i) != Some(&b'&') {
        return None;
    }
    let rest = &b[i + 1..b.len().min(i + 12)];
    let semi = rest.iter().position(|&c| c == b';')?;
    let c = match &rest[..semi] {
        [b'#', b'x' | b'X', hex @ ..] => number(hex, 16)?,
        [b'#', dec @ ..] => number(dec, 10)?,
        b"amp" => '&',
        b"lt" => '<',
        b"gt" => '>',
        b"quot" => '"',
        b"apos" => '\'',
        b"nbsp" => ' ',
        _ => return None,
    };
    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    Some(semi + 2)
}

fn number(digits: &[u8], radix: u32) -> Option<char> {
    if digits.is_empty() || digits.len() > 7 {
        return None;
    }
    let s = std::str::from_utf8(digits).ok()?;
    char::from_u32(u32::from_str_radix(s, radix).ok()?)
}

/// A run of references and URL-safe bytes at `start` (an `&`), with
/// [`MIN_REFERENCES`] references at least.
pub(crate) fn payload(b: &[u8], start: usize, max_len: usize) -> Read {
    read(b, start, max_len, reference, UNRESERVED, false).run(MIN_REFERENCES)
}
