//! Check-digit algorithms, each as its standard defines it: Luhn, ISO
//! 13616 mod 97 (IBAN), weighted digit sums, ICAO 9303, Verhoeff,
//! Base58Check and Bech32/Bech32m.

use super::digits::{alnum, digits_in, not_same, same_separators};

/// Luhn mod 10 over the digits; 13 to 19 digits, not all equal.
#[inline(never)]
pub(crate) fn luhn(value: &str) -> bool {
    let mut buf = [0; 24];
    let Some(d) = digits_in(value, &mut buf) else { return false };
    luhn_of(d)
}

/// [`luhn`] of digits already taken out of the value.
pub(crate) fn luhn_of(d: &[u8]) -> bool {
    (13..=19).contains(&d.len())
        && d.iter().any(|&x| x != d[0])
        && luhn_digits(d)
}

#[inline(never)]
pub(crate) fn luhn_digits(d: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &x) in d.iter().rev().enumerate() {
        let mut x = x as u32;
        if i % 2 == 1 {
            x *= 2;
            if x > 9 {
                x -= 9;
            }
        }
        sum += x;
    }
    sum % 10 == 0
}

/// ISO 13616: registered length for the country and mod-97 == 1.
pub(crate) fn iban(value: &str) -> bool {
    let s: Vec<u8> = value
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b'-')
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if s.len() < 15 || s.len() > 34 {
        return false;
    }
    if !s[..2].iter().all(u8::is_ascii_uppercase)
        || !s[2..4].iter().all(u8::is_ascii_digit)
        || !s.iter().all(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    match iban_length(&s[..2]) {
        Some(n) if n == s.len() => {}
        _ => return false,
    }
    let mut rem: u32 = 0;
    for &b in s[4..].iter().chain(&s[..4]) {
        if b.is_ascii_digit() {
            rem = (rem * 10 + (b - b'0') as u32) % 97;
        } else {
            rem = (rem * 100 + (b - b'A' + 10) as u32) % 97;
        }
    }
    rem == 1
}

/// Registered IBAN lengths (SWIFT IBAN registry).
fn iban_length(cc: &[u8]) -> Option<usize> {
    // Code then length, 4 bytes a country (one string: a table of
    // pointers was ~300 B more in the gzipped wasm).
    const TABLE: &[u8] = concat!(
        "AD24AE23AL28AT20AZ28BA20BE16BG22BH22BI27BR29BY28CH21CR22CY28CZ24",
        "DE22DJ27DK18DO28EE20EG29ES24FI18FK18FO18FR27GB22GE22GI23GL18GR27",
        "GT28HR21HU28IE22IL23IQ23IS26IT27JO30KW30KZ20LB28LC32LI21LT20LU20",
        "LV21LY25MC27MD24ME22MK19MN20MR27MT31MU30NI28NL18NO15OM23PK24PL28",
        "PS29PT25QA29RO24RS22RU33SA24SC31SD18SE24SI19SK24SM27SO23ST25SV28",
        "TL23TN24TR26UA29VA22VG24XK20YE30",
    )
    .as_bytes();
    TABLE
        .chunks_exact(4)
        .find(|c| c[..2] == *cc)
        .map(|c| usize::from(c[2] - b'0') * 10 + usize::from(c[3] - b'0'))
}

/// Weighted digit sum.
#[inline(never)]
pub(super) fn wsum(d: &[u8], w: &[u32]) -> u32 {
    d.iter().zip(w).map(|(&x, &w)| x as u32 * w).sum()
}

/// Sum of digit sums of `d[i] * w[i]`.
#[inline(never)]
pub(super) fn cross_sum(d: &[u8], w: &[u32]) -> u32 {
    d.iter()
        .zip(w)
        .map(|(&x, &w)| {
            let p = x as u32 * w;
            p / 10 + p % 10
        })
        .sum()
}

/// Two-digit number for a letter (A=01 .. Z=26).
#[inline(never)]
pub(super) fn letter_digits(c: u8) -> [u8; 2] {
    let n = c.saturating_sub(b'A') + 1;
    [n / 10, n % 10]
}

/// ICAO 9303 check digit over a document number: the last character
/// checks the ones before it (weights 7, 3, 1; A=10 .. Z=35).
#[inline(never)]
pub(crate) fn icao(s: &str) -> bool {
    let a = alnum(s);
    let Some((&check, body)) = a.split_last() else { return false };
    if body.len() < 6 || !check.is_ascii_digit() {
        return false;
    }
    let sum: u32 = body
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let v = if c.is_ascii_digit() { c - b'0' } else { c - b'A' + 10 };
            v as u32 * [7, 3, 1][i % 3]
        })
        .sum();
    sum % 10 == (check - b'0') as u32 && a.iter().any(u8::is_ascii_digit)
}

/// Verhoeff checksum (Aadhaar): 12 digits, first 2-9.
#[inline(never)]
pub(crate) fn verhoeff(s: &str) -> bool {
    const D: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    let mut buf = [0; 24];
    let Some(d) = digits_in(s, &mut buf) else { return false };
    if d.len() != 12 || d[0] < 2 || !not_same(d) || !same_separators(s) {
        return false;
    }
    let mut c = 0u8;
    for (i, &x) in d.iter().rev().enumerate() {
        c = D[c as usize][P[i % 8][x as usize] as usize];
    }
    c == 0
}

#[inline(never)]
pub(super) fn base58check(b: &[u8]) -> bool {
    const ALPHABET: &[u8] =
        b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    if !(25..=35).contains(&b.len()) {
        return false;
    }
    // Big-endian base-256 accumulator.
    let mut out: Vec<u8> = Vec::with_capacity(32);
    for &c in b {
        let Some(v) = ALPHABET.iter().position(|&a| a == c) else {
            return false;
        };
        let mut carry = v as u32;
        for byte in out.iter_mut().rev() {
            carry += *byte as u32 * 58;
            *byte = (carry & 0xff) as u8;
            carry >>= 8;
        }
        while carry > 0 {
            out.insert(0, (carry & 0xff) as u8);
            carry >>= 8;
        }
    }
    let zeros = b.iter().take_while(|&&c| c == b'1').count();
    let mut full = vec![0u8; zeros];
    full.extend_from_slice(&out);
    if full.len() != 25 || !(full[0] == 0 || full[0] == 5) {
        return false;
    }
    let h = crate::digest::sha256(&crate::digest::sha256(&full[..21]));
    h[..4] == full[21..]
}

#[inline(never)]
pub(super) fn bech32(s: &str) -> bool {
    const CHARSET: &[u8] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    let Some(pos) = s.rfind('1') else { return false };
    let (hrp, data) = (&s.as_bytes()[..pos], &s.as_bytes()[pos + 1..]);
    if hrp.is_empty() || data.len() < 6 || s.len() > 90 {
        return false;
    }
    let mut values = Vec::with_capacity(hrp.len() * 2 + 1 + data.len());
    values.extend(hrp.iter().map(|c| c >> 5));
    values.push(0);
    values.extend(hrp.iter().map(|c| c & 31));
    for c in data {
        match CHARSET.iter().position(|x| x == c) {
            Some(v) => values.push(v as u8),
            None => return false,
        }
    }
    const GEN: [u32; 5] =
        [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
    let mut chk: u32 = 1;
    for v in values {
        let top = chk >> 25;
        chk = (chk & 0x1ffffff) << 5 ^ v as u32;
        for (i, g) in GEN.iter().enumerate() {
            if (top >> i) & 1 == 1 {
                chk ^= g;
            }
        }
    }
    chk == 1 || chk == 0x2bc830a3
}

#[cfg(test)]
mod tests {
    use super::super::digits::testing::check_all;
    use super::*;

    #[test]
    fn checksums() {
        assert!(luhn("4111 1111 1111 1111"));
        assert!(!luhn("4111 1111 1111 1112"));
        assert!(iban("DE89 3704 0044 0532 0130 00"));
        assert!(!iban("DE89 3704 0044 0532 0130 01"));
        assert!(iban("NL91ABNA0417164300") && !iban("NL91ABNA0417164301"));
        assert!(iban("FR7630006000011234567890189"));
    }

    #[test]
    fn document_and_aadhaar_check_digits() {
        check_all(icao, &["CF7R2K4L2", "T22093111"], &[]);
        check_all(
            verhoeff,
            &["491830275616", "726109483520", "4918 3027 5616"],
            &["191830275616"],
        );
    }
}
