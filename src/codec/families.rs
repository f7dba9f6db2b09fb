//! The payload finder's families: how each is found and decoded.
//!
//! One family is one file (its decoder) plus one entry here. The payload
//! finder tries them in table order.

use super::{base64, hex, percent, rot13};

/// Decodes the run that starts at `start` of the text's bytes, reading
/// at most `max_len` bytes: (where it ends, decoded bytes).
pub(crate) type RunDecoder =
    fn(bytes: &[u8], start: usize, max_len: usize) -> Option<(usize, Vec<u8>)>;

/// How a family's runs are found.
#[derive(Debug)]
pub(crate) enum Form {
    /// A run that starts at the byte `first` and whose end the decoder
    /// finds.
    Run { first: u8, decode: RunDecoder },
    /// A token run (letters, digits, `+ / - _ =`, hex pairs spaced by one
    /// space): the first `Token` family whose decoding reads as text
    /// names it.
    Token(fn(&[u8]) -> Option<Vec<u8>>),
    /// The whole text, when the text names the family (`named` reads the
    /// lowercased normalized text): any text decodes, so a hint is needed.
    Whole { named: fn(&str) -> bool, apply: fn(&str) -> String },
}

/// One encoding family.
#[derive(Debug)]
pub(crate) struct Family {
    /// Reported as `Payload::encoding` (the injection rule
    /// `inject-encoded-<name>`).
    pub name: &'static str,
    pub form: Form,
}

/// Every family, in the order the finder tries them: hex before base64,
/// since hex digits are base64 chars too. (A `const`, so that
/// [`RUN_STARTS`] can be computed from it.)
pub(crate) const FAMILIES: [Family; 4] = [
    Family {
        name: "percent",
        form: Form::Run { first: b'%', decode: percent::payload },
    },
    Family { name: "hex", form: Form::Token(hex::payload) },
    Family { name: "base64", form: Form::Token(base64::payload) },
    Family {
        name: "rot13",
        form: Form::Whole { named: rot13::named, apply: rot13::rot13 },
    },
];

/// The bytes that start a run of some `Run` family: the finder asks the
/// families only at these, not at every byte.
pub(crate) static RUN_STARTS: [bool; 256] = {
    let mut starts = [false; 256];
    let mut k = 0;
    while k < FAMILIES.len() {
        if let Form::Run { first, .. } = FAMILIES[k].form {
            starts[first as usize] = true;
        }
        k += 1;
    }
    starts
};
