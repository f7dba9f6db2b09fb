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
    /// Escapes decoded.
    pub escapes: usize,
}

impl Decoded {
    /// The finder's reading: a run when at least `min_escapes` escapes
    /// were decoded, else none (a `%`, `=` or `&` further in may start a
    /// run with enough).
    pub(crate) fn run(self, min_escapes: usize) -> Read {
        if self.escapes >= min_escapes {
            Read::Run(self.end, self.bytes)
        } else {
            Read::No
        }
    }
}

/// Reads escapes (each parsed by `escape`, which pushes what it stands
/// for and returns its length, or `None` where none starts) and bytes of
/// the class `literal` copied as they are (`+` as a space when
/// `plus_is_space`) from `start`. Stops at any other byte, or once
/// `max_len` bytes are read (an escape under way is read whole). An
/// escape that pushes nothing (a soft line break) is not counted.
/// Percent-encoding, quoted-printable and HTML entities share it.
pub(crate) fn read(
    b: &[u8],
    start: usize,
    max_len: usize,
    escape: Escape,
    literal: u8,
    plus_is_space: bool,
) -> Decoded {
    let mut i = start;
    let mut bytes = Vec::new();
    let mut escapes = 0;
    while i < b.len() && i - start < max_len {
        let before = bytes.len();
        if let Some(len) = escape(b, i, &mut bytes) {
            escapes += usize::from(bytes.len() > before);
            i += len;
            continue;
        }
        if !class::is(b[i], literal) {
            break;
        }
        bytes.push(if plus_is_space && b[i] == b'+' { b' ' } else { b[i] });
        i += 1;
    }
    Decoded { end: i, bytes, escapes }
}

/// Parses an escape at `b[i]`: pushes the bytes it stands for, returns
/// its length.
pub(crate) type Escape =
    fn(b: &[u8], i: usize, out: &mut Vec<u8>) -> Option<usize>;

/// `b[i..]` starts with `mark` and two hex digits: pushes their byte.
/// (`%XX` in percent-encoding, `=XX` in quoted-printable.)
pub(crate) fn hex_escape(
    mark: u8,
    b: &[u8],
    i: usize,
    out: &mut Vec<u8>,
) -> Option<usize> {
    match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(&m), Some(&h), Some(&l)) if m == mark => {
            out.push(nibble(h)? << 4 | nibble(l)?);
            Some(3)
        }
        _ => None,
    }
}

fn percent_escape(b: &[u8], i: usize, out: &mut Vec<u8>) -> Option<usize> {
    hex_escape(b'%', b, i, out)
}

/// Percent-decodes `b` from `start` (see [`read`]); a `%` that starts no
/// escape stops the run unless `literal` holds `%`.
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
    read(b, start, max_len, percent_escape, literal, plus_is_space)
}

/// The payload finder's reading at a `%`: a run of URL bytes with
/// [`MIN_PAYLOAD_ESCAPES`] escapes at least. (A run with fewer is not
/// read as one: a `%` further in may start a run with enough.)
pub(crate) fn payload(b: &[u8], start: usize, max_len: usize) -> Read {
    decode(b, start, max_len, UNRESERVED, true).run(MIN_PAYLOAD_ESCAPES)
}
