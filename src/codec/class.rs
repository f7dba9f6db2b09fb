//! Byte classes of the encodings: one table lookup says whether a byte
//! may belong to a run of some family.

/// The base64 alphabet, standard and URL-safe at once: letters, digits,
/// `+ / - _`.
pub(crate) const BASE64: u8 = 1;
/// Base64 padding, `=`.
pub(crate) const PAD: u8 = 2;
/// Hex digits, either case.
pub(crate) const HEX: u8 = 4;
/// `%`, which starts a percent escape.
pub(crate) const PERCENT: u8 = 8;
/// Bytes a URL carries unescaped (RFC 3986 "unreserved": letters, digits,
/// `. - _ ~`) and `+`, a space in form encoding.
pub(crate) const UNRESERVED: u8 = 16;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        let alnum = b.is_ascii_alphanumeric();
        if alnum || matches!(b, b'+' | b'/' | b'-' | b'_') {
            t[c] |= BASE64;
        }
        if b == b'=' {
            t[c] |= PAD;
        }
        if b.is_ascii_hexdigit() {
            t[c] |= HEX;
        }
        if b == b'%' {
            t[c] |= PERCENT;
        }
        if alnum || matches!(b, b'.' | b'-' | b'_' | b'~' | b'+') {
            t[c] |= UNRESERVED;
        }
        c += 1;
    }
    t
};

/// Whether `c` is in any of the classes of the mask `classes`.
#[inline(always)]
pub(crate) fn is(c: u8, classes: u8) -> bool {
    CLASS[usize::from(c)] & classes != 0
}
