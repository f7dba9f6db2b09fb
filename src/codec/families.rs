//! The payload finder's families: how each is found and decoded.
//!
//! One family is one file (its decoder) plus one entry here. The payload
//! finder tries them in table order. Every family has hit and miss
//! examples in `examples.rs` (checked by a test).

use super::form::Form;
use super::{
    ascii85, base32, base64, braille, cipher, entities, hex, morse, nato,
    percent, qp, uuencode, zwbinary,
};

/// One encoding family.
#[derive(Debug)]
pub(crate) struct Family {
    /// The injection rule id of its payloads, `inject-encoded-<name>`
    /// (`Text` families report their variant's); the name is
    /// `Payload::encoding`.
    pub rule: &'static str,
    pub form: Form,
}

/// The prefix of every payload rule id.
#[cfg(test)]
pub(crate) const RULE_PREFIX: &str = "inject-encoded-";

/// The family name in a rule id.
#[cfg(test)]
pub(crate) fn name_of(rule: &'static str) -> &'static str {
    rule.strip_prefix(RULE_PREFIX).unwrap_or(rule)
}

/// Every family, in the order the finder tries them: hex before base32
/// before base64, since hex digits are base32/base64 chars too. (A
/// `const`, so that [`RUN_STARTS`] can be computed from it.)
pub(crate) const FAMILIES: [Family; 14] = [
    Family {
        rule: "inject-encoded-percent",
        form: Form::Run { first: b"%", decode: percent::payload },
    },
    Family {
        rule: "inject-encoded-entities",
        form: Form::Run { first: b"&", decode: entities::payload },
    },
    Family {
        rule: "inject-encoded-quoted-printable",
        form: Form::Run { first: b"=", decode: qp::payload },
    },
    Family {
        rule: "inject-encoded-hex",
        form: Form::Run { first: b"\\0", decode: hex::escaped },
    },
    Family {
        rule: "inject-encoded-uuencode",
        form: Form::Run { first: b"b", decode: uuencode::payload },
    },
    Family {
        rule: "inject-encoded-morse",
        form: Form::Run { first: b".-_", decode: morse::payload },
    },
    Family {
        rule: "inject-encoded-braille",
        form: Form::Run { first: b"\xE2", decode: braille::payload },
    },
    Family {
        rule: "inject-encoded-zero-width",
        form: Form::Run { first: b"\xE2\xEF", decode: zwbinary::payload },
    },
    Family { rule: "inject-encoded-hex", form: Form::Token(hex::payload) },
    Family {
        rule: "inject-encoded-base32",
        form: Form::Token(base32::payload),
    },
    Family {
        rule: "inject-encoded-base64",
        form: Form::Token(base64::payload),
    },
    Family {
        rule: "inject-encoded-ascii85",
        form: Form::Chunk(ascii85::payload),
    },
    Family {
        rule: "inject-encoded-caesar",
        form: Form::Text { find: cipher::find, names: &cipher::NAMES },
    },
    Family {
        rule: "inject-encoded-nato",
        form: Form::Text { find: nato::find, names: &["inject-encoded-nato"] },
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
