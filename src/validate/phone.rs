//! Phone numbers: digit counts, E.164 country codes and the national
//! plans of the countries with their own rules (NANP, trunk prefix 0,
//! Brazil, Turkey), and the dates and versions that look like numbers.

use super::digits::{digits, not_placeholder, num};

/// A plausible phone number: 7 to 15 digits (E.164), not a date or a
/// dotted version, not a run of one digit. An extension ("x816",
/// "ext. 12") is not part of the number; "+44 (0)20 ..." writes the
/// national trunk prefix in parentheses, which is not dialled from abroad;
/// "00" is the international call prefix of most countries.
pub(crate) fn phone(value: &str) -> bool {
    let value = phone_without_extension(value);
    let d = digits(value);
    if !(7..=15).contains(&d.len()) || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    if value.trim_start().starts_with('+') {
        return international(&digits(&value.replacen("(0)", "", 1)));
    }
    if d.starts_with(&[0, 0]) {
        let d = digits(&value.replacen("(0)", "", 1));
        return international(d.get(2..).unwrap_or(&[]));
    }
    let dots = value.bytes().filter(|&b| b == b'.').count();
    // 1.2.3.4-style versions and 2024.01.15 dates use dots only; so do
    // French numbers, in five pairs (01.42.68.53.00).
    if dots >= 2 && !value.contains(' ') && !value.contains('-') {
        let groups: Vec<&str> = value.split('.').collect();
        let pairs = groups.len() == 5 && groups.iter().all(|g| g.len() == 2);
        if groups.iter().any(|g| g.len() < 2) || (groups.len() > 4 && !pairs) {
            return false;
        }
    }
    !looks_like_date(value)
}

/// The number without its extension: rules put the extension after the
/// last digit group behind a letter or `#` ("x816", "ext. 12", "#3").
fn phone_without_extension(value: &str) -> &str {
    match value.find(|c: char| c.is_ascii_alphabetic() || c == '#') {
        Some(i) => value[..i].trim_end(),
        None => value,
    }
}

/// North American number: optional 1, area and exchange codes 2-9.
#[inline(never)]
pub(crate) fn phone_nanp(s: &str) -> bool {
    let d = digits(phone_without_extension(s));
    let d = match d.len() {
        10 => &d[..],
        11 if d[0] == 1 => &d[1..],
        _ => return false,
    };
    d[0] >= 2 && d[3] >= 2 && !(d[1] == 1 && d[2] == 1) && not_placeholder(d)
}

/// A national number written with its trunk prefix 0 (the UK, most of
/// Europe, Australia, India, Brazil, South Africa, Korea...): 0 and a
/// non-zero digit, 8 to 12 digits in all, and every group after the
/// first of two digits or more. `isbn 0-306-40615-2` ends in a one-digit
/// group; a national number never does. 3-2-4 is the US SSN layout.
pub(crate) fn phone_trunk(value: &str) -> bool {
    let number = phone_without_extension(value);
    let d = digits(number);
    if !(8..=12).contains(&d.len()) || d[0] != 0 || d[1] == 0 {
        return false;
    }
    let groups: Vec<usize> = number
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .map(str::len)
        .collect();
    groups[1..].iter().all(|&n| n >= 2) && groups != [3, 2, 4] && phone(value)
}

/// Brazilian national number (Anatel plan): a two-digit area code (DDD)
/// in use, then eight digits starting 2-9 or a nine-digit mobile
/// starting with 9. "21 2019-2020" is a year range.
pub(crate) fn phone_br(value: &str) -> bool {
    let d = digits(phone_without_extension(value));
    let ddd = match d.get(..2) {
        Some(&[a, b]) => a * 10 + b,
        _ => return false,
    };
    let area = matches!(ddd, 11..=19 | 21 | 22 | 24 | 27 | 28 | 31..=35
        | 37 | 38 | 41..=49 | 51 | 53..=55 | 61..=69 | 71 | 73..=75 | 77
        | 79 | 81..=89 | 91..=99);
    let subscriber = match d.len() {
        10 => d[2] >= 2,
        11 => d[2] == 9,
        _ => false,
    };
    if !(area && subscriber) {
        return false;
    }
    // At least ten digits from here on.
    let n = d.len();
    let half = |r: std::ops::Range<usize>| num(&d[r]);
    let years = (1900..2100).contains(&half(n - 8..n - 4))
        && (1900..2100).contains(&half(n - 4..n));
    !years && not_placeholder(&d[2..])
}

/// Turkish phone number (BTK national plan): ten digits after +90 or the
/// trunk 0, starting with a geographic area code, a mobile prefix (50x,
/// 53x-55x, 561) or 850 (VoIP). "0306 999 0464" has the Turkish shape
/// but no such area code: it is a UK or an Indian number.
#[inline(never)]
pub(crate) fn tr_phone(s: &str) -> bool {
    const GEOGRAPHIC: &[u16] = &[
        212, 216, 222, 224, 226, 228, 232, 236, 242, 246, 248, 252, 256, 258,
        262, 264, 266, 272, 274, 276, 282, 284, 286, 288, 312, 318, 322, 324,
        326, 328, 332, 338, 342, 344, 346, 348, 352, 354, 356, 358, 362, 364,
        366, 368, 370, 372, 374, 376, 378, 380, 382, 384, 386, 388, 412, 414,
        416, 422, 424, 426, 428, 432, 434, 436, 438, 442, 446, 452, 454, 456,
        458, 462, 464, 466, 472, 474, 476, 478, 482, 484, 486, 488,
    ];
    let d = digits(s);
    let d = match d.len() {
        10 => &d[..],
        11 if d[0] == 0 => &d[1..],
        12 if d[..2] == [9, 0] => &d[2..],
        _ => return false,
    };
    let code = num(&d[..3]) as u16;
    let known = GEOGRAPHIC.binary_search(&code).is_ok()
        || matches!(code, 501 | 505..=507 | 530..=559 | 561 | 850);
    known && not_placeholder(d) && phone(s)
}

/// E.164 number: a known country code followed by a national number of
/// a length that country uses (ITU-T E.164 assignments; lengths of the
/// national significant number, mobile and fixed).
fn international(d: &[u8]) -> bool {
    // (country code, min, max national digits)
    const CC: &[(u16, u8, u8)] = &[
        (1, 10, 10),
        (7, 10, 10),
        (20, 9, 10),
        (27, 9, 9),
        (30, 10, 10),
        (31, 9, 9),
        (32, 8, 9),
        (33, 9, 9),
        (34, 9, 9),
        (36, 8, 9),
        (39, 6, 11),
        (40, 9, 9),
        (41, 9, 9),
        (43, 7, 13),
        (44, 9, 10),
        (45, 8, 8),
        (46, 7, 10),
        (47, 8, 8),
        (48, 9, 9),
        (49, 6, 13),
        (51, 8, 9),
        (52, 10, 10),
        (54, 10, 11),
        (55, 10, 11),
        (56, 9, 9),
        (57, 10, 10),
        (58, 10, 10),
        (60, 8, 10),
        (61, 9, 9),
        (62, 8, 12),
        (63, 8, 10),
        (64, 8, 10),
        (65, 8, 8),
        (66, 8, 9),
        (81, 9, 10),
        (82, 8, 11),
        (84, 9, 10),
        (86, 10, 12),
        (90, 10, 10),
        (91, 10, 10),
        (92, 9, 10),
        (94, 9, 9),
        (98, 10, 10),
        (212, 9, 9),
        (213, 9, 9),
        (216, 8, 8),
        (234, 8, 10),
        (254, 9, 9),
        (351, 9, 9),
        (352, 8, 11),
        (353, 7, 9),
        (354, 7, 9),
        (358, 5, 12),
        (359, 8, 9),
        (370, 8, 8),
        (371, 8, 8),
        (372, 7, 8),
        (380, 9, 9),
        (420, 9, 9),
        (421, 9, 9),
        (852, 8, 8),
        (886, 9, 9),
        (966, 9, 9),
        (971, 8, 9),
        (972, 8, 9),
    ];
    (1..=3).any(|n| {
        if d.len() <= n || d[0] == 0 {
            return false;
        }
        let cc = d[..n].iter().fold(0u16, |a, &x| a * 10 + x as u16);
        let rest = d.len() - n;
        CC.iter().any(|&(c, lo, hi)| {
            c == cc && (lo as usize..=hi as usize).contains(&rest)
        }) && national_prefix_ok(cc, &d[n..])
    })
}

/// The first digits of the national significant number are ones the
/// country uses. It never starts with 0 (the trunk prefix is not dialled
/// from abroad) except in Italy, whose landline numbers keep it.
fn national_prefix_ok(cc: u16, nsn: &[u8]) -> bool {
    let Some(&first) = nsn.first() else { return false };
    match cc {
        39 => true,
        // NANP: area code and exchange start with 2-9.
        1 => nsn.len() == 10 && nsn[0] >= 2 && nsn[3] >= 2,
        // Spain: 6 and 7 mobile, 8 and 9 fixed.
        34 => first >= 6,
        // UK: no 04 or 06 ranges.
        44 => !matches!(first, 0 | 4 | 6),
        // Brazil: two-digit area codes 11-99 without a 0.
        55 => first != 0 && nsn.get(1).is_some_and(|&x| x != 0),
        // Singapore: 3 (VoIP), 6 (fixed), 8 and 9 (mobile).
        65 => matches!(first, 3 | 6 | 8 | 9),
        _ => first != 0,
    }
}

/// Starts with a day-month-year or year-month-day date ("12.05.2024",
/// "2024-01-15 10 30": a date and the hour after it).
fn looks_like_date(value: &str) -> bool {
    let groups: Vec<&str> = value.split(['-', '/', '.', ' ']).collect();
    if groups.len() < 3 {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        assert!(phone("+1 415 555 0132") && !phone("2024-01-15"));
        assert!(phone("+1 415 555 0132") && phone("+90 532 123 45 67"));
        assert!(!phone("+999 123 4567") && !phone("+1 415 555 013"));
        // International: the trunk prefix in parentheses is not dialled,
        // an extension is not part of the number, 00 is the call prefix.
        assert!(phone("+44 (0)20 7946 0958"));
        assert!(phone("+49(0)30 901820"));
        assert!(phone("+1-415-555-0132x816"));
        assert!(phone("0049 30 901820"));
        assert!(phone("001-415-555-0132"));
        assert!(!phone("+44 (0)20 7946 09"));
        // National significant numbers start where the country's do.
        assert!(!phone("+1 155 555 0132"));
        assert!(!phone("+1 415 055 0132"));
        assert!(!phone("+34 512 345 678"));
        assert!(!phone("+49 030 901820"));
        assert!(phone("+39 06 678 4343"));
        assert!(!phone("00 12 34 56 78"));
        // Dates and versions.
        assert!(!phone("12.05.2024 14 30"));
        assert!(!phone("2024-01-15"));
        assert!(!phone("1.20.3004.5"));
        assert!(phone("01.42.68.53.00"));
        for (check, good, bad) in [
            (
                phone_trunk as fn(&str) -> bool,
                ["020 7946 0958", "(0131) 496 0654", "08-123 456 78"],
                ["0-306-40615-2", "078-05-1120", "00 1234 5678"],
            ),
            (
                phone_br,
                ["(11) 98456-5666", "62 3675-5047", "21 2736-4190"],
                ["21 2019-2020", "20 3675-5047", "11 1234-5678"],
            ),
            (
                tr_phone,
                ["0 532 123 45 67", "+90 (216) 318 27 90", "4321234567"],
                ["0306 999 0464", "5084128121", "2345678901"],
            ),
        ] {
            for s in good {
                assert!(check(s), "should accept {:?}", s);
            }
            for s in bad {
                assert!(!check(s), "should reject {:?}", s);
            }
        }
    }

    #[test]
    fn north_american_numbers() {
        assert!(phone_nanp("(415) 555-0132"));
        assert!(!phone_nanp("(115) 555-0132"));
        assert!(!phone_nanp("91-415-555-0132"));
        assert!(phone_nanp("415-555-0132x5669"));
        assert!(phone_nanp("(415) 555-0132 ext. 7"));
    }
}
