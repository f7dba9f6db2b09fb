//! Quoted-printable (RFC 2045): `=XX` escapes, `=` at a line end is a
//! soft line break.

use super::class::{self, UNRESERVED};
use super::form::Read;
use super::hex::nibble;

/// Escapes a payload needs (a base64 pad or `a=b` has none).
const MIN_ESCAPES: usize = 4;

/// A run of escapes, soft line breaks and URL-safe bytes at `start` (an
/// `=`), with [`MIN_ESCAPES`] escapes at least.
pub(crate) fn payload(b: &[u8], start: usize, max_len: usize) -> Read {
    let mut i = start;
    let mut out = Vec::new();
    let mut escapes = 0;
    while i < b.len() && i - start < max_len {
        if b[i] == b'=' {
            match (b.get(i + 1), b.get(i + 2)) {
                (Some(b'\n'), _) => {
                    i += 2;
                    continue;
                }
                (Some(b'\r'), Some(b'\n')) => {
                    i += 3;
                    continue;
                }
                (Some(&h), Some(&l)) => {
                    if let (Some(h), Some(l)) = (nibble(h), nibble(l)) {
                        out.push(h << 4 | l);
                        escapes += 1;
                        i += 3;
                        continue;
                    }
                }
                _ => {}
            }
        }
        if !class::is(b[i], UNRESERVED) {
            break;
        }
        out.push(b[i]);
        i += 1;
    }
    if escapes >= MIN_ESCAPES {
        Read::Run(i, out)
    } else {
        Read::No
    }
}
