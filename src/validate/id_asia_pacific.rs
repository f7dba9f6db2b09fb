//! National, tax and business ids of Asia, Oceania and Africa: Australia,
//! India, Korea, Singapore, Thailand and South Africa.

use super::checksum::{luhn_digits, wsum};
use super::digits::{
    alnum, digits, not_same, num, same_separators, valid_day_month,
};

// Each takes the matched text, strips the separators its format allows,
// and checks length, ranges and checksums. All indexing is on vectors
// whose length was checked first.

/// Australian Business Number: first digit minus one, weights, mod 89.
#[inline(never)]
pub(crate) fn au_abn(s: &str) -> bool {
    let mut d = digits(s);
    if d.len() != 11 || d[0] == 0 {
        return false;
    }
    d[0] -= 1;
    wsum(&d, &[10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]) % 89 == 0
}

/// Australian Company Number: weights 8..1, complement mod 10.
#[inline(never)]
pub(crate) fn au_acn(s: &str) -> bool {
    let d = digits(s);
    d.len() == 9
        && (10 - wsum(&d, &[8, 7, 6, 5, 4, 3, 2, 1]) % 10) % 10 == d[8] as u32
        && same_separators(s)
}

/// Australian Tax File Number: 9 digits, weighted sum mod 11.
#[inline(never)]
pub(crate) fn au_tfn(s: &str) -> bool {
    let d = digits(s);
    d.len() == 9
        && d[0] != 0
        && not_same(&d)
        && wsum(&d, &[1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 == 0
        && same_separators(s)
}

/// Australian Medicare card: first digit 2-6, check digit 9th.
#[inline(never)]
pub(crate) fn au_medicare(s: &str) -> bool {
    let d = digits(s);
    (d.len() == 10 || d.len() == 11)
        && (2..=6).contains(&d[0])
        && wsum(&d, &[1, 3, 7, 9, 1, 3, 7, 9]) % 10 == d[8] as u32
}

/// Indian GSTIN: state code 01-38, PAN, entity, Z, mod-36 check char.
#[inline(never)]
pub(crate) fn in_gstin(s: &str) -> bool {
    let a = alnum(s);
    if a.len() != 15 || !a[..2].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let state = (a[0] - b'0') as u32 * 10 + (a[1] - b'0') as u32;
    if !(1..=38).contains(&state) {
        return false;
    }
    let val = |c: u8| {
        if c.is_ascii_digit() {
            (c - b'0') as u32
        } else {
            (c - b'A') as u32 + 10
        }
    };
    let sum: u32 = a[..14]
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let p = val(c) * if i % 2 == 0 { 1 } else { 2 };
            p / 36 + p % 36
        })
        .sum();
    let check = (36 - sum % 36) % 36;
    val(a[14]) == check
}

/// Korean business registration number: weighted mod-10 check.
#[inline(never)]
pub(crate) fn kr_brn(s: &str) -> bool {
    let d = digits(s);
    if d.len() != 10 || !not_same(&d) {
        return false;
    }
    let sum = wsum(&d, &[1, 3, 7, 1, 3, 7, 1, 3, 5]) + d[8] as u32 * 5 / 10;
    (10 - sum % 10) % 10 == d[9] as u32
}

/// Korean driver's licence: region code 11-28, then 2, 6 and 2 digits.
#[inline(never)]
pub(crate) fn kr_driver(s: &str) -> bool {
    let d = digits(s);
    d.len() == 12
        && (11..=28).contains(&(d[0] * 10 + d[1]))
        && same_separators(s)
}

/// Korean RRN / FRN: YYMMDD, then a gender/century digit (1-4 for
/// citizens, 5-8 for foreigners) and 6 digits.
#[inline(never)]
pub(crate) fn kr_rrn_like(s: &str, foreign: bool) -> bool {
    let d = digits(s);
    if d.len() != 13 || s.contains('+') {
        return false;
    }
    let (month, day) = ((d[2] * 10 + d[3]) as u32, (d[4] * 10 + d[5]) as u32);
    let g = d[6];
    valid_day_month(day, month)
        && if foreign { (5..=8).contains(&g) } else { (1..=4).contains(&g) }
}

/// Singapore NRIC/FIN: prefix S/T/F/G/M, 7 digits, check letter.
#[inline(never)]
pub(crate) fn sg_nric(s: &str) -> bool {
    let a = alnum(s);
    if a.len() != 9 || !a[1..8].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let d: Vec<u8> = a[1..8].iter().map(|c| c - b'0').collect();
    let mut sum = wsum(&d, &[2, 7, 6, 5, 4, 3, 2]);
    let table: &[u8; 11] = match a[0] {
        b'S' => b"JZIHGFEDCBA",
        b'T' => {
            sum += 4;
            b"JZIHGFEDCBA"
        }
        b'F' => b"XWUTRQPNMLK",
        b'G' => {
            sum += 4;
            b"XWUTRQPNMLK"
        }
        b'M' => {
            sum += 3;
            b"KLJNPQRTUWX"
        }
        _ => return false,
    };
    let r = (sum % 11) as usize;
    if a[0] == b'M' {
        table[10 - r] == a[8]
    } else {
        table[r] == a[8]
    }
}

/// Singapore UEN: businesses (8 digits + letter), local companies
/// (year + 5 digits + letter), other entities (T/S/R + yy + type + 4
/// digits + letter), each with its weighted check letter.
#[inline(never)]
pub(crate) fn sg_uen(s: &str) -> bool {
    let a = alnum(s);
    let val = |c: u8| {
        if c.is_ascii_digit() {
            (c - b'0') as u32
        } else {
            (c - b'A') as u32 + 10
        }
    };
    match a.len() {
        9 if a[..8].iter().all(u8::is_ascii_digit) => {
            let sum: u32 = a[..8]
                .iter()
                .zip([10, 4, 9, 3, 8, 2, 7, 1])
                .map(|(&c, w)| val(c) * w)
                .sum();
            b"XMKECAWLJDB"[(sum % 11) as usize] == a[8]
        }
        10 if a[..9].iter().all(u8::is_ascii_digit) => {
            let year =
                num(&a[..4].iter().map(|c| c - b'0').collect::<Vec<_>>());
            let sum: u32 = a[..9]
                .iter()
                .zip([10, 8, 6, 4, 9, 7, 5, 3, 1])
                .map(|(&c, w)| val(c) * w)
                .sum();
            (1800..=2100).contains(&year)
                && b"ZKCMDNERGWH"[(sum % 11) as usize] == a[9]
        }
        10 if matches!(a[0], b'R' | b'S' | b'T')
            && a[1..3].iter().all(u8::is_ascii_digit) =>
        {
            const ALPHA: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWX0123456789";
            let idx =
                |c: u8| ALPHA.iter().position(|&x| x == c).map(|p| p as u32);
            let mut sum = 0;
            for (c, w) in a[..9].iter().zip([4, 3, 5, 3, 10, 2, 2, 5, 7]) {
                match idx(*c) {
                    Some(v) => sum += v * w,
                    None => return false,
                }
            }
            a[3].is_ascii_alphabetic()
                && a[5..9].iter().all(u8::is_ascii_digit)
                // (sum - 5) mod 11, kept non-negative.
                && ALPHA[((sum + 6) % 11) as usize] == a[9]
        }
        _ => false,
    }
}

/// Thai national id: 13 digits, first 1-8, a province code, mod-11 check.
#[inline(never)]
pub(crate) fn th_tnin(s: &str) -> bool {
    let d = digits(s);
    if d.len() != 13 || !(1..=8).contains(&d[0]) {
        return false;
    }
    let p = d[1] * 10 + d[2];
    let province = matches!(p, 10..=27 | 30..=49 | 50..=58 | 60..=67 | 70..=77 | 80..=86 | 90..=96);
    let sum = wsum(&d, &[13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    province && (11 - sum % 11) % 10 == d[12] as u32
}

/// South African id: YYMMDD, 4 digits, citizenship 0-2, 1 digit, Luhn.
#[inline(never)]
pub(crate) fn za_id(s: &str) -> bool {
    let d = digits(s);
    if d.len() != 13 {
        return false;
    }
    let (month, day) = ((d[2] * 10 + d[3]) as u32, (d[4] * 10 + d[5]) as u32);
    valid_day_month(day, month) && d[10] <= 2 && luhn_digits(&d)
}

#[cfg(test)]
mod tests {
    use super::super::digits::testing::check_all;
    use super::*;

    #[test]
    fn asia_africa_oceania() {
        check_all(au_abn, &["49624595711", "85661250090"], &["00000000560"]);
        check_all(au_acn, &["010249715", "531004127"], &[]);
        check_all(au_tfn, &["168689064", "179801696"], &[]);
        // Medicare: the 9th digit checks; the 10th is the card issue.
        assert!(au_medicare("3951207411") && au_medicare("4102883621"));
        assert!(au_medicare("3951 20741 2"));
        assert!(!au_medicare("3951207421") && !au_medicare("7951207411"));
        check_all(in_gstin, &["29AAGCB7383J1Z4"], &["39AAGCB7383J1Z4"]);
        check_all(sg_nric, &["S8312047I", "F4189206N"], &["A8312047I"]);
        check_all(sg_uen, &["48172053K", "201938471Z"], &[]);
        check_all(kr_brn, &["2208163476"], &[]);
        assert!(kr_rrn_like("850612-2948301", false));
        assert!(!kr_rrn_like("850612-5948301", false));
        assert!(kr_rrn_like("850612-6948301", true));
        assert!(!kr_rrn_like("851312-6948301", true));
        check_all(th_tnin, &["3102457819362"], &["3982457819362"]);
        check_all(
            za_id,
            &["8704125163088", "9511030247180"],
            &["8713125163088"],
        );
    }
}
