//! Decoding of encoded text so it can be scanned again: base64, hex,
//! percent-encoding, rot13.
//!
//! Owns the decoding primitives (one file per family), the byte classes of
//! their runs ([`class`]), the checks that a decoding reads as text
//! ([`text`]), and the two run finders built on them, each with its own
//! limits:
//!
//! - [`rescan`], used by the engine: secrets hidden in base64 or
//!   percent-encoding. Runs of `MIN_RUN..=MAX_RUN` (16..=8192) encoded
//!   bytes, decoded at most `MAX_DEPTH` (2) levels deep and `MAX_TOTAL`
//!   (1 MiB) decoded bytes per text; a decoding must be printable.
//! - [`payload`], used by the injection scorer: encoded payloads. At most
//!   `MAX_PAYLOADS` (4) per text, each from at most `MAX_ENCODED` (8 KiB)
//!   encoded bytes; a decoding must read as prose. The scorer bounds the
//!   depth.
//!
//! Families, with how each finder reads them (rescan; payload):
//!
//! - base64, standard and URL-safe (`base64.rs`): strict padding; up to
//!   the first `=`.
//! - percent-encoding (`percent.rs`): a bad `%` and `+` kept as they
//!   are; `+` is a space and a bad `%` ends the run.
//! - hex (`hex.rs`, whose digit values serve percent too): not read;
//!   digit pairs, maybe spaced.
//! - rot13 (`rot13.rs`): not read; the whole text, when the text names
//!   it ("rot13", "caesar").
//!
//! Where the finders read a family differently, the family's decoder takes
//! a parameter and its doc says why; the thresholds of "reads as text" are
//! [`text::Readable`] values kept by each finder.
//!
//! Adding a payload family: one file with its decoder, one entry in
//! [`families::FAMILIES`]. The injection scorer reports its payloads as
//! `inject-encoded-<name>` (a test there checks each family has its rule
//! id).
//!
//! Invariants: no input panics; spans are byte offsets of the encoded run
//! in the text given; a decoding is bounded by its finder's run length,
//! and the work is linear in the text (a `%` that starts no payload is
//! read again from the next `%`, at most `MAX_ENCODED` bytes each time).
//!
//! Depends on nothing else in the crate.

mod ascii85;
mod base32;
mod base64;
mod braille;
mod cipher;
mod class;
mod entities;
mod families;
mod hex;
mod morse;
mod nato;
pub(crate) mod payload;
mod percent;
mod qp;
pub(crate) mod rescan;
mod text;
mod uuencode;
mod zwbinary;
