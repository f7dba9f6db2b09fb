//! Hex: pairs of hex digits, one byte each; bare (`69676e`), separated
//! (`69 67 6e`, `69:67:6e`) or escaped (`\x69\x67`, `0x69, 0x67`).

use super::form::Read;

/// Fewest bytes a hex payload decodes to: shorter hex runs are hashes,
/// ids and colours more often than text.
const MIN_BYTES: usize = 8;

/// The value of a hex digit, either case.
pub(crate) fn nibble(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Decodes the digits of `run`, spaces and colons ignored (`69 67 6e`,
/// `69:67:6e`; the finder joins only separated pairs): an even count of
/// at least `2 * MIN_BYTES` digits, nothing else.
pub(crate) fn payload(run: &[u8]) -> Option<Vec<u8>> {
    let digits: Vec<u8> =
        run.iter().copied().filter(|&c| c != b' ' && c != b':').collect();
    if digits.len() < 2 * MIN_BYTES || digits.len() % 2 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() / 2);
    for p in digits.chunks(2) {
        out.push(nibble(p[0])? << 4 | nibble(p[1])?);
    }
    Some(out)
}

/// Escaped hex at `start`: `\xHH` or `0xHH` items, each maybe followed by
/// `,` and/or one space; [`MIN_BYTES`] items at least.
pub(crate) fn escaped(b: &[u8], start: usize, max_len: usize) -> Read {
    let mut i = start;
    let mut out = Vec::new();
    while i < b.len() && i - start < max_len {
        let prefixed =
            matches!((b[i], b.get(i + 1)), (b'\\' | b'0', Some(b'x' | b'X')));
        let byte = match (b.get(i + 2), b.get(i + 3)) {
            (Some(&h), Some(&l)) if prefixed => {
                nibble(h).zip(nibble(l)).map(|(h, l)| h << 4 | l)
            }
            _ => None,
        };
        let Some(byte) = byte else { break };
        out.push(byte);
        i += 4;
        if b.get(i) == Some(&b',') {
            i += 1;
        }
        if b.get(i) == Some(&b' ')
            && matches!(b.get(i + 1), Some(b'\\' | b'0'))
        {
            i += 1;
        }
    }
    match out.len() {
        0 => Read::No,
        n if n < MIN_BYTES => Read::Skip(i),
        _ => Read::Run(i, out),
    }
}
