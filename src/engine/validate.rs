//! Validators: post-match predicates that regexes cannot express.
//!
//! Each is a fact about a format (a checksum or a value range), not a
//! heuristic. Validators take the matched text and must accept any string
//! without panicking.

use crate::rules::Validator;

pub(crate) fn check(v: Validator, value: &str) -> bool {
    match v {
        Validator::None => true,
        Validator::Luhn => luhn(value),
        Validator::Iban => iban(value),
        Validator::UsSsn => us_ssn(value),
        Validator::Ipv4 => ipv4(value),
        Validator::Ipv6 => value.parse::<std::net::Ipv6Addr>().is_ok(),
        Validator::Phone => phone(value),
        Validator::Token => token(value),
    }
}

/// A generated token rather than a word or an identifier.
pub(crate) fn token(value: &str) -> bool {
    let b = value.as_bytes();
    if b.len() < 8 {
        return false;
    }
    let digit = b.iter().any(u8::is_ascii_digit);
    let upper = b.iter().any(u8::is_ascii_uppercase);
    let lower = b.iter().any(u8::is_ascii_lowercase);
    if digit && (upper || lower) {
        return true;
    }
    upper && lower && b.len() >= 20 && !b.contains(&b'.')
}

fn digits(value: &str) -> Vec<u8> {
    value.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect()
}

/// Luhn mod 10 over the digits; 13 to 19 digits, not all equal.
pub(crate) fn luhn(value: &str) -> bool {
    let d = digits(value);
    if !(13..=19).contains(&d.len()) || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    luhn_digits(&d)
}

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
    const TABLE: &[(&[u8; 2], usize)] = &[
        (b"AD", 24),
        (b"AE", 23),
        (b"AL", 28),
        (b"AT", 20),
        (b"AZ", 28),
        (b"BA", 20),
        (b"BE", 16),
        (b"BG", 22),
        (b"BH", 22),
        (b"BI", 27),
        (b"BR", 29),
        (b"BY", 28),
        (b"CH", 21),
        (b"CR", 22),
        (b"CY", 28),
        (b"CZ", 24),
        (b"DE", 22),
        (b"DJ", 27),
        (b"DK", 18),
        (b"DO", 28),
        (b"EE", 20),
        (b"EG", 29),
        (b"ES", 24),
        (b"FI", 18),
        (b"FK", 18),
        (b"FO", 18),
        (b"FR", 27),
        (b"GB", 22),
        (b"GE", 22),
        (b"GI", 23),
        (b"GL", 18),
        (b"GR", 27),
        (b"GT", 28),
        (b"HR", 21),
        (b"HU", 28),
        (b"IE", 22),
        (b"IL", 23),
        (b"IQ", 23),
        (b"IS", 26),
        (b"IT", 27),
        (b"JO", 30),
        (b"KW", 30),
        (b"KZ", 20),
        (b"LB", 28),
        (b"LC", 32),
        (b"LI", 21),
        (b"LT", 20),
        (b"LU", 20),
        (b"LV", 21),
        (b"LY", 25),
        (b"MC", 27),
        (b"MD", 24),
        (b"ME", 22),
        (b"MK", 19),
        (b"MN", 20),
        (b"MR", 27),
        (b"MT", 31),
        (b"MU", 30),
        (b"NI", 28),
        (b"NL", 18),
        (b"NO", 15),
        (b"OM", 23),
        (b"PK", 24),
        (b"PL", 28),
        (b"PS", 29),
        (b"PT", 25),
        (b"QA", 29),
        (b"RO", 24),
        (b"RS", 22),
        (b"RU", 33),
        (b"SA", 24),
        (b"SC", 31),
        (b"SD", 18),
        (b"SE", 24),
        (b"SI", 19),
        (b"SK", 24),
        (b"SM", 27),
        (b"SO", 23),
        (b"ST", 25),
        (b"SV", 28),
        (b"TL", 23),
        (b"TN", 24),
        (b"TR", 26),
        (b"UA", 29),
        (b"VA", 22),
        (b"VG", 24),
        (b"XK", 20),
        (b"YE", 30),
    ];
    TABLE.iter().find(|(c, _)| c[..] == *cc).map(|&(_, n)| n)
}

/// US SSN: 9 digits; area not 000, 666 or 9xx; group and serial not 0.
pub(crate) fn us_ssn(value: &str) -> bool {
    let d = digits(value);
    if d.len() != 9 {
        return false;
    }
    let area = d[0] as u32 * 100 + d[1] as u32 * 10 + d[2] as u32;
    let group = d[3] as u32 * 10 + d[4] as u32;
    let serial: u32 = d[5..].iter().fold(0, |a, &x| a * 10 + x as u32);
    if area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0 {
        return false;
    }
    // Runs like 123-45-6789 and 111-11-1111 are classic placeholders.
    !(d.iter().all(|&x| x == d[0]) || d == [1, 2, 3, 4, 5, 6, 7, 8, 9])
}

pub(crate) fn ipv4(value: &str) -> bool {
    let parts: Vec<&str> = value.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 3
                && (p.len() == 1 || !p.starts_with('0'))
                && p.parse::<u16>().map_or(false, |n| n <= 255)
        })
}

/// A plausible phone number: 7 to 15 digits (E.164), not a date or a
/// dotted version, not a run of one digit.
pub(crate) fn phone(value: &str) -> bool {
    let d = digits(value);
    if !(7..=15).contains(&d.len()) || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let dots = value.bytes().filter(|&b| b == b'.').count();
    // 1.2.3.4-style versions and 2024.01.15 dates use dots only.
    if dots >= 2 && !value.contains(' ') && !value.contains('-') {
        let groups: Vec<&str> = value.split('.').collect();
        if groups.iter().any(|g| g.len() < 2) || groups.len() > 3 {
            return false;
        }
    }
    !looks_like_date(value)
}

fn looks_like_date(value: &str) -> bool {
    let groups: Vec<&str> =
        value.split(|c: char| c == '-' || c == '/' || c == '.').collect();
    if groups.len() != 3 {
        return false;
    }
    let n: Vec<Option<u32>> =
        groups.iter().map(|g| g.trim().parse().ok()).collect();
    match (n[0], n[1], n[2]) {
        (Some(y), Some(m), Some(d)) if groups[0].len() == 4 => {
            (1900..2100).contains(&y)
                && (1..=12).contains(&m)
                && (1..=31).contains(&d)
        }
        (Some(a), Some(b), Some(y)) if groups[2].len() == 4 => {
            (1900..2100).contains(&y)
                && (1..=31).contains(&a)
                && (1..=31).contains(&b)
        }
        _ => false,
    }
}

/// Shannon entropy in bits per byte.
pub(crate) fn entropy(bytes: &[u8]) -> f32 {
    if bytes.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in bytes {
        counts[b as usize] += 1;
    }
    let n = bytes.len() as f32;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f32 / n;
            -p * p.log2()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums() {
        assert!(luhn("4111 1111 1111 1111"));
        assert!(!luhn("4111 1111 1111 1112"));
        assert!(iban("DE89 3704 0044 0532 0130 00"));
        assert!(!iban("DE89 3704 0044 0532 0130 01"));
        assert!(us_ssn("536-22-1234"));
        assert!(!us_ssn("900-22-1234"));
        assert!(ipv4("10.0.0.1") && !ipv4("10.0.0.256") && !ipv4("01.2.3.4"));
        assert!(phone("+1 415 555 0132") && !phone("2024-01-15"));
    }

    #[test]
    fn validators_accept_any_text() {
        for s in
            ["", "é", "🎉🎉", "\u{0}", "-----", "AB", "9".repeat(40).as_str()]
        {
            for v in [
                Validator::Luhn,
                Validator::Iban,
                Validator::UsSsn,
                Validator::Ipv4,
                Validator::Ipv6,
                Validator::Phone,
            ] {
                let _ = check(v, s);
            }
        }
        assert_eq!(entropy(b""), 0.0);
        assert!((entropy(b"ab") - 1.0).abs() < 1e-6);
    }
}
