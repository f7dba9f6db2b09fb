//! The payload finder's families: how each is found and decoded.
//!
//! One family is one file (its decoder) plus one entry here. The payload
//! finder tries them in table order. Every family has hit and miss
//! examples in [`examples::EXAMPLES`] (checked by a test).

use std::ops::Range;

use super::{
    ascii85, base32, base64, braille, cipher, entities, hex, morse, nato,
    percent, qp, uuencode, zwbinary,
};

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
    /// its variants.
    Text {
        find: fn(&str, &str) -> Option<TextFind>,
        names: &'static [&'static str],
    },
}

/// One encoding family.
#[derive(Debug)]
pub(crate) struct Family {
    /// Reported as `Payload::encoding` (the injection rule
    /// `inject-encoded-<name>`); `Text` families report their variant.
    pub name: &'static str,
    pub form: Form,
}

/// Every family, in the order the finder tries them: hex before base32
/// before base64, since hex digits are base32/base64 chars too. (A
/// `const`, so that [`RUN_STARTS`] can be computed from it.)
pub(crate) const FAMILIES: [Family; 14] = [
    Family {
        name: "percent",
        form: Form::Run { first: b"%", decode: percent::payload },
    },
    Family {
        name: "entities",
        form: Form::Run { first: b"&", decode: entities::payload },
    },
    Family {
        name: "quoted-printable",
        form: Form::Run { first: b"=", decode: qp::payload },
    },
    Family {
        name: "hex",
        form: Form::Run { first: b"\\0", decode: hex::escaped },
    },
    Family {
        name: "uuencode",
        form: Form::Run { first: b"b", decode: uuencode::payload },
    },
    Family {
        name: "morse",
        form: Form::Run { first: b".-_", decode: morse::payload },
    },
    Family {
        name: "braille",
        form: Form::Run { first: b"\xE2", decode: braille::payload },
    },
    Family {
        name: "zero-width",
        form: Form::Run { first: b"\xE2\xEF", decode: zwbinary::payload },
    },
    Family { name: "hex", form: Form::Token(hex::payload) },
    Family { name: "base32", form: Form::Token(base32::payload) },
    Family { name: "base64", form: Form::Token(base64::payload) },
    Family { name: "ascii85", form: Form::Chunk(ascii85::payload) },
    Family {
        name: "caesar",
        form: Form::Text { find: cipher::find, names: &cipher::NAMES },
    },
    Family {
        name: "nato",
        form: Form::Text { find: nato::find, names: &["nato"] },
    },
];

/// The bytes that start a run of some `Run` family: the finder asks the
/// families only at these, not at every byte.
pub(crate) static RUN_STARTS: [bool; 256] = {
    let mut starts = [false; 256];
    let mut k = 0;
    while k < FAMILIES.len() {
        if let Form::Run { first, .. } = FAMILIES[k].form {
            let mut j = 0;
            while j < first.len() {
                starts[first[j] as usize] = true;
                j += 1;
            }
        }
        k += 1;
    }
    starts
};
