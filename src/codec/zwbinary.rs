//! Zero-width binary: bits spelled by two invisible chars (of U+200B,
//! U+200C, U+200D, U+2060, U+2062..U+2064, U+FEFF), eight to a byte,
//! first bit highest.

use super::form::Read;

/// Invisible chars a payload needs (eight bytes' worth).
const MIN_SYMBOLS: usize = 64;

/// The symbol of the invisible char at `b[i..]` (three bytes each).
fn symbol(b: &[u8], i: usize) -> Option<u8> {
    match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(0xE2), Some(0x80), Some(&x)) if (0x8B..=0x8D).contains(&x) => {
            Some(x)
        }
        (Some(0xE2), Some(0x81), Some(&x))
            if x == 0xA0 || (0xA2..=0xA4).contains(&x) =>
        {
            Some(x)
        }
        (Some(0xEF), Some(0xBB), Some(0xBF)) => Some(0xBF),
        _ => None,
    }
}

/// Decodes the run of invisible chars at `start`: of its two symbols, the
/// one that makes the more printable bytes is bit 0.
pub(crate) fn payload(b: &[u8], start: usize, max_len: usize) -> Read {
    let Some(zero) = symbol(b, start) else { return Read::No };
    let mut one = None;
    let mut i = start;
    // Bytes with the first symbol as bit 0, and as bit 1.
    let (mut lo, mut hi) = (Vec::new(), Vec::new());
    let (mut acc, mut n) = (0u8, 0);
    while i - start < max_len {
        let Some(s) = symbol(b, i) else { break };
        i += 3;
        if s != zero && *one.get_or_insert(s) != s {
            return Read::Skip(i);
        }
        acc = acc << 1 | u8::from(s != zero);
        n += 1;
        if n % 8 == 0 {
            lo.push(acc);
            hi.push(!acc);
        }
    }
    let printable = |d: &[u8]| {
        d.iter().filter(|&&c| (0x20..0x7F).contains(&c) || c == b'\n').count()
    };
    if n < MIN_SYMBOLS {
        Read::Skip(i)
    } else if printable(&hi) > printable(&lo) {
        Read::Run(i, hi)
    } else {
        Read::Run(i, lo)
    }
}
