//! Quoted-printable (RFC 2045): `=XX` escapes, `=` at a line end is a
//! soft line break.

use super::class::UNRESERVED;
use super::form::Read;
use super::percent::{hex_escape, read};

/// Escapes a payload needs (a base64 pad or `a=b` has none).
const MIN_ESCAPES: usize = 4;

/// An escape or a soft line break (which stands for nothing).
fn escape(b: &[u8], i: usize, out: &mut Vec<u8>) -> Option<usize> {
    match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(b'='), Some(b'\n'), _) => Some(2),
        (Some(b'='), Some(b'\r'), Some(b'\n')) => Some(3),
        _ => hex_escape(b'=', b, i, out),
    }
}

/// A run of escapes, soft line breaks and URL-safe bytes at `start` (an
/// `=`), with [`MIN_ESCAPES`] escapes at least.
pub(crate) fn payload(b: &[u8], start: usize, max_len: usize) -> Read {
    read(b, start, max_len, escape, UNRESERVED, false).run(MIN_ESCAPES)
}
