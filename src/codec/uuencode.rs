//! uuencode: `begin <mode> <name>`, then lines of a length char and
//! groups of four chars (`(c - 32) & 63` each, backquote for 0) for three
//! bytes, then a zero-length line and `end`.

use super::base64::pack;
use super::form::Read;

/// Decodes the uuencoded block at `start` (which must be `begin `).
pub(crate) fn payload(b: &[u8], start: usize, max_len: usize) -> Read {
    let rest = &b[start..];
    if !rest.starts_with(b"begin ") || (start > 0 && b[start - 1] != b'\n') {
        return Read::No;
    }
    let stop = b.len().min(start.saturating_add(max_len));
    let Some(nl) = b[start..stop].iter().position(|&c| c == b'\n') else {
        return Read::No;
    };
    let header = &b[start + 6..start + nl];
    if !header.first().is_some_and(u8::is_ascii_digit) {
        return Read::No;
    }
    let mut i = start + nl + 1;
    let mut out = Vec::new();
    let val = |c: u8| (c.wrapping_sub(32)) & 63;
    while i < stop {
        let line_end = b[i..stop]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(stop, |p| i + p);
        let line =
            b[i..line_end].strip_suffix(b"\r").unwrap_or(&b[i..line_end]);
        let Some(&len_char) = line.first() else { break };
        if !(32..=96).contains(&len_char) {
            break;
        }
        let n = usize::from(val(len_char));
        let body = &line[1..];
        if n == 0 || body.iter().any(|c| !(32..=96).contains(c)) {
            i = line_end + 1;
            break;
        }
        let values = body.iter().map(|&c| Some(u32::from(val(c))));
        let mut got = pack(values, 6).unwrap_or_default();
        got.truncate(n);
        out.extend_from_slice(&got);
        i = line_end + 1;
    }
    if b[i.min(b.len())..].starts_with(b"end") {
        i += 3;
    }
    let end = i.min(b.len());
    if out.is_empty() {
        Read::Skip(end)
    } else {
        Read::Run(end, out)
    }
}
