//! Decoding of encoded text so it can be scanned again: base16/32/64,
//! ascii85, uuencode, hex, percent, HTML entities, quoted-printable,
//! letter ciphers (every Caesar shift, Atbash, reversed text), Morse,
//! NATO spelling, braille and zero-width binary.
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
//!   encoded bytes (text-level families read the first 8 KiB); a decoding
//!   must read as prose. The scorer bounds the depth.
//!
//! Families, with how each finder reads them (rescan; payload), in the
//! payload finder's forms ([`form::Form`]; table in `families.rs`, hit and
//! miss examples of each in `examples.rs`):
//!
//! - base64, standard and URL-safe (`base64.rs`): strict padding; up to
//!   the first `=`, line-wrapped runs joined (token run).
//! - percent-encoding (`percent.rs`): a bad `%` and `+` kept as they
//!   are; `+` is a space and a bad `%` ends the run (run at `%`).
//! - hex (`hex.rs`, whose digit values serve percent too): not read;
//!   digit pairs, maybe spaced or colon-separated (token run), `\x69` and
//!   `0x69, ` items (run at `\` or `0`).
//! - payload only: base32 (`base32.rs`, token run), ascii85
//!   (`ascii85.rs`, a chunk of printable ASCII), uuencode (`uuencode.rs`,
//!   run at a line's `begin `), HTML entities (`entities.rs`, run at
//!   `&`), quoted-printable (`qp.rs`, run at `=`), Morse (`morse.rs`, run
//!   at `.`, `-`, `_`), braille and zero-width binary (`braille.rs`,
//!   `zwbinary.rs`, runs at their chars' lead bytes); letter ciphers
//!   (`cipher.rs`: every Caesar shift, Atbash, reversal, found by a vote
//!   of common English words) and NATO spelling (`nato.rs`), read from
//!   the text's words.
//!
//! What normalization already folds is not decoded here: spaced,
//! interleaved and zero-width-separated letters, leetspeak, homoglyphs,
//! Unicode tag characters (see `crate::normalize`).
//!
//! Where the finders read a family differently, the family's decoder takes
//! a parameter and its doc says why; the thresholds of "reads as text" are
//! [`text::Readable`] values kept by each finder.
//!
//! Adding a payload family: one file with its decoder, one entry in
//! `families::FAMILIES` with its rule id (`inject-encoded-<name>`, which
//! the injection scorer reports), hit and miss examples in `examples.rs`.
//!
//! Invariants: no input panics; spans are byte offsets of the encoded run
//! in the text given; a decoding is bounded by its finder's run length,
//! and the work is linear in the text (a run that yields no payload is
//! skipped whole, or at most `MAX_ENCODED` bytes are read again from a
//! later start byte; a chunk and a token run are read once).
//!
//! Depends on nothing else in the crate.

mod ascii85;
mod base32;
mod base64;
mod braille;
mod cipher;
mod class;
mod entities;
#[cfg(test)]
mod examples;
mod families;
mod form;
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
