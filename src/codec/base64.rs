//! Base64, the standard and the URL-safe alphabet at once.

/// What an `=` in a run means.
///
/// NOTE: the finders disagree, and each keeps its reading so that results
/// stay what they were. The secret rescan ends its runs at an `=` that
/// starts a value (`key=value`), so an `=` inside its run is only ever
/// end padding, and a run that is not whole base64 is no encoding. The
/// payload finder takes `=` anywhere into its runs and reads up to the
/// first one, so a payload glued to what follows still decodes.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Padding {
    /// At most two `=`, at the end; a body of 4n+1 chars is rejected.
    Strict,
    /// The first `=` ends the decoded bytes; what follows is not read.
    UpToFirst,
}

/// The value of a base64 char (`+` and `-` are 62, `/` and `_` are 63).
fn value(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    } as u32)
}

/// Decodes `run`; leftover bits of a last partial char are dropped. A run
/// without both an upper- and a lowercase letter is a word, a constant or
/// a number, not an encoding.
pub(crate) fn decode(run: &[u8], padding: Padding) -> Option<Vec<u8>> {
    let first_pad = run.iter().position(|&c| c == b'=');
    let body = match (padding, first_pad) {
        (_, None) => run,
        (Padding::UpToFirst, Some(p)) => &run[..p],
        (Padding::Strict, Some(p))
            if run[p..].iter().all(|&c| c == b'=') && run.len() - p <= 2 =>
        {
            &run[..p]
        }
        (Padding::Strict, Some(_)) => return None,
    };
    if matches!(padding, Padding::Strict) && body.len() % 4 == 1 {
        return None;
    }
    let upper = run.iter().any(u8::is_ascii_uppercase);
    let lower = run.iter().any(u8::is_ascii_lowercase);
    if !(upper && lower) {
        return None;
    }
    pack(body.iter().map(|&c| value(c)), 6)
}

/// Bytes from `width`-bit values (a `None` fails the whole); leftover
/// bits of a last partial value are dropped. Base64 and base32 share it.
pub(crate) fn pack(
    values: impl ExactSizeIterator<Item = Option<u32>>,
    width: u32,
) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(values.len() * width as usize / 8);
    let mut acc = 0u32;
    let mut bits = 0u32;
    for v in values {
        acc = (acc << width) | v?;
        bits += width;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// The payload finder's reading of a token run.
pub(crate) fn payload(run: &[u8]) -> Option<Vec<u8>> {
    decode(run, Padding::UpToFirst)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_readings() {
        let strict = |r: &str| decode(r.as_bytes(), Padding::Strict);
        let first = |r: &str| decode(r.as_bytes(), Padding::UpToFirst);
        assert_eq!(strict("SGVsbG8=").as_deref(), Some(&b"Hello"[..]));
        assert_eq!(first("SGVsbG8=").as_deref(), Some(&b"Hello"[..]));
        // Inner `=`, or more than two: not base64 / the first one ends it.
        assert_eq!(strict("SGVs=bG8"), None);
        assert_eq!(first("SGVs=bG8").as_deref(), Some(&b"Hel"[..]));
        assert_eq!(strict("SGVsbG8==="), None);
        assert_eq!(first("SGVs=!!").as_deref(), Some(&b"Hel"[..]));
        // 4n+1 chars.
        assert_eq!(strict("SGVsb"), None);
        assert_eq!(first("SGVsb").as_deref(), Some(&b"Hel"[..]));
        // One letter case, or a char outside both alphabets.
        assert_eq!(first("SGVSBG8"), None);
        assert_eq!(first("SGV sbG8"), None);
        assert_eq!(strict("-_-_Ab").as_deref(), strict("+/+/Ab").as_deref());
    }
}
