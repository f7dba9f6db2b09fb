//! Percent-encoding (`%2F`), as in URLs and form bodies.

use super::class::{self, UNRESERVED};
use super::form::Read;
use super::hex::nibble;

/// Escapes a payload needs: fewer are a stray `%20` in a pasted URL.
const MIN_PAYLOAD_ESCAPES: usize = 4;

/// What [`decode`] read.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// Where reading stopped.
    pub end: usize,
    pub bytes: Vec<u8>,
    /// `%XX` escapes decoded.
    pub escapes: usize,
}

/// Percent-decodes `b` from `start`: `%XX` escapes, and bytes of the class
/// `literal` copied as they are (`+` as a space when `plus_is_space`).
/// Stops at any other byte (a `%` that starts no escape is one, unless
/// `literal` holds `%`), or once `max_len` bytes are read (an escape under
/// way is read whole).
///
/// NOTE: the finders differ here and keep their ways. The secret rescan
/// decodes a run it has already delimited, keeps a bad `%` as text and
/// `+` as `+` (secrets contain `+`; its literal class is its run's bytes);
/// the payload finder reads its own run of URL bytes, where `+` is a
/// space and a bad escape ends the run.
pub(crate) fn decode(
    b: &[u8],
    start: usize,
    max_len: usize,
    literal: u8,
    plus_is_space: bool,
) -> Decoded {
    let mut i = start;
    let mut bytes = Vec::new();
    let mut escapes = 0;
    while i < b.len() && i - start < max_len {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (nibble(b[i + 1]), nibble(b[i + 2])) {
                bytes.push(h << 4 | l);
                escapes += 1;
                i += 3;
                continue;
            }
        }
        if !class::is(b[i], literal) {
            break;
        }
        bytes.push(if plus_is_space && b[i] == b'+' { b' ' } else { b[i] });
        i += 1;
    }
    Decoded { end: i, bytes, escapes }
}

/// The payload finder's reading at a `%`: a run of URL bytes with
/// [`MIN_PAYLOAD_ESCAPES`] escapes at least. (A run with fewer is not
/// read as one: a `%` further in may start a run with enough.)
pub(crate) fn payload(b: &[u8], start: usize, max_len: usize) -> Read {
    let d = decode(b, start, max_len, UNRESERVED, true);
    if d.escapes >= MIN_PAYLOAD_ESCAPES {
        Read::Run(d.end, d.bytes)
    } else {
        Read::No
    }
}
