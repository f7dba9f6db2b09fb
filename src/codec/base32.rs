//! Base32 (RFC 4648): `A-Z 2-7`, one letter case throughout, `=` padding
//! optional.

use super::base64::pack;

/// The value of a base32 char, either case (`case` is 0 for upper, 32
/// for lower: a run keeps one case).
fn value(c: u8, case: u8) -> Option<u8> {
    match c {
        b'2'..=b'7' => Some(c - b'2' + 26),
        _ if c.is_ascii_alphabetic() && c & 32 == case => {
            Some((c | 32) - b'a')
        }
        _ => None,
    }
}

/// Decodes a token run: base32 chars of one case, then only `=`. A run
/// without a letter, or with both cases (base64), is not base32.
pub(crate) fn payload(run: &[u8]) -> Option<Vec<u8>> {
    let body_len = run.iter().position(|&c| c == b'=').unwrap_or(run.len());
    let (body, pad) = run.split_at(body_len);
    if !pad.iter().all(|&c| c == b'=') {
        return None;
    }
    let case = body.iter().find(|c| c.is_ascii_alphabetic())? & 32;
    pack(body.iter().map(|&c| value(c, case).map(u32::from)), 5)
}
