//! Hex: pairs of hex digits, one byte each.

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

/// Decodes the digits of `run`, spaces ignored (`69 67 6e`): an even
/// count of at least `2 * MIN_BYTES` digits, nothing else.
pub(crate) fn payload(run: &[u8]) -> Option<Vec<u8>> {
    let digits: Vec<u8> = run.iter().copied().filter(|&c| c != b' ').collect();
    if digits.len() < 2 * MIN_BYTES || digits.len() % 2 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() / 2);
    for p in digits.chunks(2) {
        out.push(nibble(p[0])? << 4 | nibble(p[1])?);
    }
    Some(out)
}
