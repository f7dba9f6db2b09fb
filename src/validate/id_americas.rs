//! National, tax and professional ids of the Americas: US SSN, ITIN,
//! NPI, ABA routing and DEA numbers, Canadian SIN, Brazilian CPF and
//! CNPJ.

use super::checksum::{luhn_digits, wsum};
use super::digits::{alnum, digits, not_same, same_separators};

// Each takes the matched text, strips the separators its format allows,
// and checks length, ranges and checksums. All indexing is on vectors
// whose length was checked first.

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
    // 078-05-1120 (printed in wallets) and 219-09-9999 (an SSA ad) are
    // public sample numbers.
    !(d.iter().all(|&x| x == d[0])
        || d == [1, 2, 3, 4, 5, 6, 7, 8, 9]
        || d == [0, 7, 8, 0, 5, 1, 1, 2, 0]
        || d == [2, 1, 9, 0, 9, 9, 9, 9, 9])
}

/// US ITIN: 9xx, group 50-65, 70-88, 90-92 or 94-99.
#[inline(never)]
pub(crate) fn us_itin(s: &str) -> bool {
    let d = digits(s);
    if d.len() != 9 || d[0] != 9 || s.contains('.') {
        return false;
    }
    matches!(d[3] * 10 + d[4], 50..=65 | 70..=88 | 90..=92 | 94..=99)
}

/// US NPI: 10 digits starting 1 or 2, Luhn with the 80840 prefix.
#[inline(never)]
pub(crate) fn us_npi(s: &str) -> bool {
    let d = digits(s);
    if d.len() != 10 || !(d[0] == 1 || d[0] == 2) || !not_same(&d[..9]) {
        return false;
    }
    let mut full = vec![8, 0, 8, 4, 0];
    full.extend_from_slice(&d);
    luhn_digits(&full) && same_separators(s)
}

/// ABA routing number: 3-7-1 weighted sum mod 10.
#[inline(never)]
pub(crate) fn aba_routing(s: &str) -> bool {
    let d = digits(s);
    d.len() == 9
        && matches!(d[0] * 10 + d[1], 0..=12 | 21..=32 | 61..=72 | 80)
        && not_same(&d)
        && d.iter().any(|&x| x != 0)
        && wsum(&d, &[3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 == 0
        && same_separators(s)
}

/// DEA registration number: 2 letters, 7 digits, weighted check digit.
#[inline(never)]
pub(crate) fn dea(s: &str) -> bool {
    let a = alnum(s);
    if a.len() != 9
        || !a[0].is_ascii_alphabetic()
        || !(a[1].is_ascii_alphabetic() || a[1] == b'9')
        || !a[2..].iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    let d: Vec<u8> = a[2..].iter().map(|c| c - b'0').collect();
    d.len() == 7
        && (d[0] as u32
            + d[2] as u32
            + d[4] as u32
            + 2 * (d[1] as u32 + d[3] as u32 + d[5] as u32))
            % 10
            == d[6] as u32
}

/// Canadian SIN: Luhn over 9 digits; 0 and 8 are not issued first digits.
#[inline(never)]
pub(crate) fn ca_sin(s: &str) -> bool {
    let d = digits(s);
    d.len() == 9
        && d[0] != 0
        && d[0] != 8
        && not_same(&d)
        && luhn_digits(&d)
        && same_separators(s)
}

/// Brazilian CPF: two mod-11 check digits.
#[inline(never)]
pub(crate) fn br_cpf(s: &str) -> bool {
    let d = digits(s);
    if d.len() != 11 || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let check = |n: usize| {
        let sum: u32 =
            (0..n).map(|i| d[i] as u32 * (n as u32 + 1 - i as u32)).sum();
        let r = sum * 10 % 11;
        (if r == 10 { 0 } else { r }) == d[n] as u32
    };
    check(9) && check(10)
}

/// Brazilian CNPJ: two mod-11 check digits.
#[inline(never)]
pub(crate) fn br_cnpj(s: &str) -> bool {
    let d = digits(s);
    if d.len() != 14 || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    const W: [u32; 13] = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    let check = |n: usize| {
        let r = wsum(&d[..n], &W[13 - n..]) % 11;
        (if r < 2 { 0 } else { 11 - r }) == d[n] as u32
    };
    check(12) && check(13)
}

#[cfg(test)]
mod tests {
    use super::super::digits::testing::check_all;
    use super::*;

    #[test]
    fn us_numbers() {
        assert!(us_ssn("536-22-1234"));
        assert!(!us_ssn("900-22-1234"));
        assert!(us_ssn("536-22-1234") && !us_ssn("078-05-1120"));
        check_all(
            aba_routing,
            &["026009593", "111000025", "1110-0002-5"],
            &["421000002", "000000000", "1110-0002 5"],
        );
        check_all(
            us_npi,
            &["1382947509", "1960428377"],
            &["3382947509", "1111111112"],
        );
        assert!(us_itin("912-73-4567"));
        assert!(!us_itin("912-43-4567"));
        assert!(!us_itin("812-73-4567"));
        check_all(dea, &["AB3141594", "FM2718281"], &["1B3141594"]);
    }

    #[test]
    fn canada_and_brazil() {
        check_all(
            ca_sin,
            &["271403982", "546123704"],
            &["871403980", "271-403 982"],
        );
        check_all(br_cpf, &["52998224725", "31472065808"], &["11111111111"]);
        check_all(br_cnpj, &["11222333000181"], &[]);
    }
}
