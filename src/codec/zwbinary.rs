//! Zero-width binary: bits spelled by two invisible chars (U+200B,
//! U+200C, U+200D, U+2060, U+2062..U+2064, U+FEFF), eight to a byte, or
//! with a third invisible char between the chars' codes.

use super::families::Read;

/// Invisible chars a payload needs (eight bytes' worth).
const MIN_SYMBOLS: usize = 64;

/// The symbol of the invisible char at `b[i..]` (three bytes each).
fn symbol(b: &[u8], i: usize) -> Option<u8> {
    match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(0xE2), Some(0x80), Some(&x)) if (0x8B..=0x8D).contains(&x) => {
            Some(x - 0x8B)
        }
        (Some(0xE2), Some(0x81), Some(&x))
            if x == 0xA0 || (0xA2..=0xA4).contains(&x) =>
        {
            Some(3 + x - 0xA0)
        }
        (Some(0xEF), Some(0xBB), Some(0xBF)) => Some(8),
        _ => None,
    }
}

/// Decodes symbols given which symbol is bit 0, which is bit 1, and which
/// (if any) ends a char: eight bits a byte without a separator, one
/// char's code per group with one.
fn decode(syms: &[u8], zero: u8, one: u8, sep: Option<u8>) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for &s in syms {
        if Some(s) == sep {
            if bits > 0 {
                let c = char::from_u32(acc)?;
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            acc = 0;
            bits = 0;
            continue;
        }
        acc = acc << 1 | u32::from(s == one);
        if s != zero && s != one || bits > 21 {
            return None;
        }
        bits += 1;
        if sep.is_none() && bits == 8 {
            out.push(acc as u8);
            acc = 0;
            bits = 0;
        }
    }
    if sep.is_some() && bits > 0 {
        out.push(u8::try_from(acc).ok()?);
    }
    Some(out)
}

/// How many bytes of `d` are printable ASCII or whitespace.
fn printable(d: &[u8]) -> usize {
    d.iter()
        .filter(|c| (0x20..0x7F).contains(*c) || c.is_ascii_whitespace())
        .count()
}

/// Decodes the run of invisible chars at `start`: of the readings (which
/// symbol is 0, which is 1, which separates), the most printable.
pub(crate) fn payload(b: &[u8], start: usize, max_len: usize) -> Read {
    if symbol(b, start).is_none() {
        return Read::No;
    }
    let mut syms = Vec::new();
    let mut i = start;
    let mut count = [0usize; 9];
    while i - start < max_len {
        let Some(s) = symbol(b, i) else { break };
        syms.push(s);
        count[usize::from(s)] += 1;
        i += 3;
    }
    let kinds: Vec<u8> =
        (0..9u8).filter(|&k| count[usize::from(k)] > 0).collect();
    if syms.len() < MIN_SYMBOLS || !(2..=3).contains(&kinds.len()) {
        return Read::Skip(i);
    }
    let mut best: Option<Vec<u8>> = None;
    let seps: Vec<Option<u8>> = if kinds.len() == 3 {
        kinds.iter().map(|&k| Some(k)).collect()
    } else {
        vec![None]
    };
    for sep in seps {
        let bits: Vec<u8> =
            kinds.iter().copied().filter(|&k| Some(k) != sep).collect();
        for (zero, one) in [(bits[0], bits[1]), (bits[1], bits[0])] {
            if let Some(d) = decode(&syms, zero, one, sep) {
                if best.as_ref().map_or(true, |b| printable(&d) > printable(b))
                {
                    best = Some(d);
                }
            }
        }
    }
    match best {
        Some(d) => Read::Run(i, d),
        None => Read::Skip(i),
    }
}
