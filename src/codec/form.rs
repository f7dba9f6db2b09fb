//! What the payload finder's families are: how each is found
//! ([`Form`]) and what its decoders return. A leaf: the decoders and the
//! family table both use it.

use std::ops::Range;

/// What a `Run` decoder read at a start byte.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Read {
    /// The run ends at `.0` and decodes to `.1` (not yet checked to read
    /// as text).
    Run(usize, Vec<u8>),
    /// No payload here; the bytes up to `.0` belong to a failed run of
    /// this family, so the finder need not look inside it again (this
    /// keeps the finder linear: a run is read once, not once per start
    /// byte in it).
    Skip(usize),
    /// Not this family.
    No,
}

/// Reads the run that starts at `start` of the text's bytes, reading at
/// most `max_len` bytes (an escape under way is read whole).
pub(crate) type RunDecoder =
    fn(bytes: &[u8], start: usize, max_len: usize) -> Read;

/// A text-level family's finding: (variant, byte span, decoded text).
pub(crate) type TextFind = (usize, Range<usize>, String);

/// How a family's runs are found.
#[derive(Debug)]
pub(crate) enum Form {
    /// A run that starts at one of the bytes `first` and whose end the
    /// decoder finds.
    Run { first: &'static [u8], decode: RunDecoder },
    /// A token run (letters, digits, `+ / - _ =`, hex pairs spaced by one
    /// space or colon, lines of equal length): the first `Token` family
    /// whose decoding reads as text names it.
    Token(fn(&[u8]) -> Option<Vec<u8>>),
    /// A run of printable non-space ASCII that is not a token run (it
    /// holds punctuation), starting after whitespace.
    Chunk(fn(&[u8]) -> Option<Vec<u8>>),
    /// A transform of the text's words found by reading them (one pass,
    /// bounded by the decoder); `find` also gets the lowercased normalized
    /// text, where a family may look for its name as a hint. `names` are
    /// its variants' rule ids.
    Text {
        find: fn(&str, &str) -> Option<TextFind>,
        names: &'static [&'static str],
    },
}
