//! Ascii85 / base85 (Adobe, btoa): groups of five chars `!`..=`u` for
//! four bytes, `z` for four zero bytes, optional `<~ ~>` delimiters.

/// Decodes a chunk (printable ASCII, no spaces): `None` when a char is
/// outside the alphabet, a group overflows, or `z` stands inside a group.
pub(crate) fn payload(chunk: &[u8]) -> Option<Vec<u8>> {
    let mut body = chunk.strip_prefix(b"<~").unwrap_or(chunk);
    body = body.strip_suffix(b"~>").unwrap_or(body);
    let mut out = Vec::with_capacity(body.len() * 4 / 5);
    let mut group = [0u8; 5];
    let mut n = 0;
    for &c in body {
        match c {
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[n] = c - b'!';
                n += 1;
                if n == 5 {
                    out.extend_from_slice(&word(&group)?);
                    n = 0;
                }
            }
            _ => return None,
        }
    }
    if n == 1 {
        return None;
    }
    if n > 1 {
        // A last partial group is padded with `u` (84).
        let mut last = [84u8; 5];
        last[..n].copy_from_slice(&group[..n]);
        out.extend_from_slice(&word(&last)?[..n - 1]);
    }
    Some(out)
}

/// The four bytes of one group of five base-85 digits.
fn word(d: &[u8; 5]) -> Option<[u8; 4]> {
    let mut v = 0u64;
    for &x in d {
        v = v * 85 + u64::from(x);
    }
    u32::try_from(v).ok().map(u32::to_be_bytes)
}
