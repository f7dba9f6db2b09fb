//! HTML character references: `&#105;`, `&#x69;` and a few named ones
//! (`&amp; &lt; &gt; &quot; &apos; &nbsp;`).

use super::class::{self, UNRESERVED};
use super::form::Read;

/// Numeric references a payload needs: fewer are an `&amp;` in pasted
/// HTML.
const MIN_REFERENCES: usize = 4;

/// The reference at `b[i..]` (which starts with `&`): (its length, the
/// char it stands for).
fn reference(b: &[u8], i: usize) -> Option<(usize, char, bool)> {
    let rest = &b[i + 1..b.len().min(i + 12)];
    let semi = rest.iter().position(|&c| c == b';')?;
    let name = &rest[..semi];
    let (c, numeric) = match name {
        [b'#', b'x' | b'X', hex @ ..] => (number(hex, 16)?, true),
        [b'#', dec @ ..] => (number(dec, 10)?, true),
        b"amp" => ('&', false),
        b"lt" => ('<', false),
        b"gt" => ('>', false),
        b"quot" => ('"', false),
        b"apos" => ('\'', false),
        b"nbsp" => (' ', false),
        _ => return None,
    };
    Some((semi + 2, c, numeric))
}

fn number(digits: &[u8], radix: u32) -> Option<char> {
    if digits.is_empty() || digits.len() > 7 {
        return None;
    }
    let s = std::str::from_utf8(digits).ok()?;
    char::from_u32(u32::from_str_radix(s, radix).ok()?)
}

/// A run of references and URL-safe bytes at `start` (an `&`), with
/// [`MIN_REFERENCES`] numeric references at least.
pub(crate) fn payload(b: &[u8], start: usize, max_len: usize) -> Read {
    let mut i = start;
    let mut out = String::new();
    let mut numeric = 0;
    while i < b.len() && i - start < max_len {
        if b[i] == b'&' {
            if let Some((len, c, num)) = reference(b, i) {
                out.push(c);
                numeric += usize::from(num);
                i += len;
                continue;
            }
        }
        if !class::is(b[i], UNRESERVED) {
            break;
        }
        out.push(char::from(b[i]));
        i += 1;
    }
    if numeric >= MIN_REFERENCES {
        Read::Run(i, out.into_bytes())
    } else {
        Read::No
    }
}
