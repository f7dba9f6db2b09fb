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
        Validator::Ipv6 => ipv6(value),
        Validator::Phone => phone(value),
        Validator::Token => token(value),
        Validator::GenericToken => generic_token(value),
        Validator::Jwt => token(value) && jwt_header(value),
        Validator::BareRun => bare_run(value),
        Validator::Prefixed => true,
        // --- PII validators (pii helper) ---
        other => pii_check(other, value),
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

/// The value of a generic assignment (`key = value`): a token, and none
/// of the shapes that fill such assignments without being keys.
pub(crate) fn generic_token(value: &str) -> bool {
    token(value)
        && !crate::rules::secrets::CLAIMED_PREFIXES
            .iter()
            .any(|p| value.starts_with(p))
        && !hex_with_stray_letters(value)
        && !host_name(value)
        && !word_phrase(value)
        && (!value.starts_with("eyJ")
            || !value.contains('.')
            || jwt_header(value))
}

/// A secret written in one kind of character. Digits: 20 or more (fewer
/// are ids, timestamps, PINs and amounts). Letters: 12 or more in both
/// cases, with no run of five lowercase letters, and fewer than half of
/// the pieces that start at a capital three letters long or more; words
/// joined in CamelCase (`GetAccessToken`, `HttpRequestHandler`) fail one
/// or the other, random letters pass both.
pub(crate) fn bare_run(value: &str) -> bool {
    let b = value.as_bytes();
    if !b.is_empty() && b.iter().all(u8::is_ascii_digit) {
        return b.len() >= 20;
    }
    let upper = b.iter().filter(|c| c.is_ascii_uppercase()).count();
    if b.len() < 12
        || !b.iter().all(u8::is_ascii_alphabetic)
        || upper < 3
        || b.len() - upper < 3
    {
        return false;
    }
    let (mut pieces, mut long, mut piece, mut lower_run) = (0, 0, 0, 0);
    for &c in b {
        if c.is_ascii_uppercase() {
            if piece > 0 {
                pieces += 1;
                long += usize::from(piece >= 3);
            }
            piece = 0;
            lower_run = 0;
        } else {
            lower_run += 1;
            if lower_run >= 5 {
                return false;
            }
        }
        piece += 1;
    }
    pieces += 1;
    long += usize::from(piece >= 3);
    long * 2 < pieces
}

/// Letters, digits and hyphens, at least 16 of them, that are hex except
/// for one or two letters from `g` to `z`, or (a digest, no hyphens) hex in
/// one case except for one or two letters in the other: no generator emits that (a random
/// base-36 string of 16 characters has at most two such letters with
/// probability below 1e-3, one of 32 below 1e-8), but hand-edited digests
/// and UUIDs and corrupted test keys do.
pub(crate) fn hex_with_stray_letters(value: &str) -> bool {
    let b = value.as_bytes();
    if !b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-') {
        return false;
    }
    let alnum = b.iter().filter(|c| c.is_ascii_alphanumeric()).count();
    let count = |f: fn(&u8) -> bool| b.iter().filter(|c| f(c)).count();
    let stray = count(|c| c.is_ascii_alphabetic() && !c.is_ascii_hexdigit());
    let (upper, lower) =
        (count(u8::is_ascii_uppercase), count(u8::is_ascii_lowercase));
    alnum >= 16
        && (matches!(stray, 1 | 2)
            || stray == 0
                && !b.contains(&b'-')
                && (matches!(upper, 1 | 2) && lower >= 8
                    || matches!(lower, 1 | 2) && upper >= 8))
}

/// Four or more lowercase words or numbers joined by `-`, `_` or `.`
/// (`a-string-secret-at-least-256-bits-long`, `my_app_token_name`): a
/// name or a description, not a generated key.
pub(crate) fn word_phrase(value: &str) -> bool {
    let mut parts = 0;
    for p in value.split(|c| matches!(c, '-' | '_' | '.')) {
        let b = p.as_bytes();
        let word = !b.is_empty()
            && (b.iter().all(u8::is_ascii_lowercase)
                || b.iter().all(u8::is_ascii_digit));
        if !word {
            return false;
        }
        parts += 1;
    }
    parts >= 4
}

/// A host name or a bare origin (`api.example.com`, `db.internal.net:6380`,
/// `https://acme.my.service.com/`): an address, not a credential. A URL
/// with a path may carry a secret (webhooks) and is not matched here.
pub(crate) fn host_name(value: &str) -> bool {
    let v = match value.find("://") {
        Some(i) => value[i + 3..].strip_suffix('/').unwrap_or(&value[i + 3..]),
        None => value,
    };
    let host = match v.rsplit_once(':') {
        Some((h, port))
            if !port.is_empty()
                && port.bytes().all(|b| b.is_ascii_digit()) =>
        {
            h
        }
        _ => v,
    };
    let labels: Vec<&str> = host.split('.').collect();
    let tld = labels[labels.len() - 1];
    labels.len() >= 2
        && (2..=6).contains(&tld.len())
        && tld.bytes().all(|b| b.is_ascii_lowercase())
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// A JWT's first segment is base64url JSON naming its algorithm
/// (`{"alg":...}`); a corrupted or made-up header does not decode to that.
pub(crate) fn jwt_header(value: &str) -> bool {
    let head = value.split('.').next().unwrap_or("");
    match super::decode::base64(head.as_bytes()) {
        Some(h) => {
            let h = h.trim();
            h.starts_with('{') && h.ends_with('}') && h.contains("\"alg\"")
        }
        None => false,
    }
}

/// Random enough to be a key on its own: 16+ bytes, 3.5+ bits of entropy
/// per byte, and no run of six consecutive letters or digits ("abcdef",
/// "456789", either direction), which people type and generators do not.
pub(crate) fn looks_random(b: &[u8]) -> bool {
    b.len() >= 16 && entropy(b) >= 3.5 && !has_sequential_run(b, 6)
}

/// `len` or more alphanumerics in a row, each one up or each one down from
/// the one before, ignoring case.
pub(crate) fn has_sequential_run(b: &[u8], len: usize) -> bool {
    let (mut up, mut down) = (1, 1);
    for w in b.windows(2) {
        let (x, y) = (w[0].to_ascii_lowercase(), w[1].to_ascii_lowercase());
        let alnum = x.is_ascii_alphanumeric() && y.is_ascii_alphanumeric();
        up = if alnum && y == x.wrapping_add(1) { up + 1 } else { 1 };
        down = if alnum && x == y.wrapping_add(1) { down + 1 } else { 1 };
        if up >= len || down >= len {
            return true;
        }
    }
    false
}

fn digits(value: &str) -> Vec<u8> {
    value.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect()
}

/// Luhn mod 10 over the digits; 13 to 19 digits, not all equal.
#[inline(never)]
pub(crate) fn luhn(value: &str) -> bool {
    let d = digits(value);
    if !(13..=19).contains(&d.len()) || d.iter().all(|&x| x == d[0]) {
        return false;
    }
    luhn_digits(&d)
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
    // 078-05-1120 (printed in wallets) and 219-09-9999 (an SSA ad) are
    // public sample numbers.
    !(d.iter().all(|&x| x == d[0])
        || d == [1, 2, 3, 4, 5, 6, 7, 8, 9]
        || d == [0, 7, 8, 0, 5, 1, 1, 2, 0]
        || d == [2, 1, 9, 0, 9, 9, 9, 9, 9])
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

/// IPv6 address, optionally with a zone (`%eth0`) and a prefix length
/// of at most 128.
pub(crate) fn ipv6(value: &str) -> bool {
    let (addr, prefix) = match value.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (value, None),
    };
    let addr = addr.split_once('%').map_or(addr, |(a, _)| a);
    prefix.map_or(true, |p| p.parse::<u8>().map_or(false, |n| n <= 128))
        && addr.parse::<std::net::Ipv6Addr>().is_ok()
}

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
        55 => first != 0 && nsn.get(1).map_or(false, |&x| x != 0),
        // Singapore: 3 (VoIP), 6 (fixed), 8 and 9 (mobile).
        65 => matches!(first, 3 | 6 | 8 | 9),
        _ => first != 0,
    }
}

/// Starts with a day-month-year or year-month-day date ("12.05.2024",
/// "2024-01-15 10 30": a date and the hour after it).
fn looks_like_date(value: &str) -> bool {
    let groups: Vec<&str> = value
        .split(|c: char| c == '-' || c == '/' || c == '.' || c == ' ')
        .collect();
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

// ---------------------------------------------------------------------
// PII validators (pii helper). Each takes the matched text, strips the
// separators its format allows, and checks length, ranges and checksums.
// All indexing is on vectors whose length was checked first.

#[inline(never)]
fn pii_check(v: Validator, s: &str) -> bool {
    match v {
        Validator::AbaRouting => aba_routing(s),
        Validator::AuAbn => au_abn(s),
        Validator::AuAcn => au_acn(s),
        Validator::AuTfn => au_tfn(s),
        Validator::AuMedicare => au_medicare(s),
        Validator::CreditCard => credit_card(s),
        Validator::PhoneNanp => phone_nanp(s),
        Validator::PhoneTrunk => phone_trunk(s),
        Validator::PhoneBr => phone_br(s),
        Validator::PlNip => pl_nip(s),
        Validator::BrCpf => br_cpf(s),
        Validator::BrCnpj => br_cnpj(s),
        Validator::CaSin => ca_sin(s),
        Validator::CryptoWallet => crypto_wallet(s),
        Validator::Date => date(s),
        Validator::Dea => dea(s),
        Validator::DeKvnr => de_kvnr(s),
        Validator::DeLanr => de_lanr(s),
        Validator::DeRvnr => de_rvnr(s),
        Validator::DeTaxId => de_tax_id(s),
        Validator::EsNif => es_nif(s),
        Validator::FiHetu => fi_hetu(s),
        Validator::FrNir => fr_nir(s),
        Validator::Icao => icao(s),
        Validator::InGstin => in_gstin(s),
        Validator::ItFiscalCode => it_fiscal_code(s),
        Validator::ItVat => it_vat(s),
        Validator::KrBrn => kr_brn(s),
        Validator::KrDriver => kr_driver(s),
        Validator::KrFrn => kr_rrn_like(s, true),
        Validator::KrRrn => kr_rrn_like(s, false),
        Validator::Mac => mac(s),
        Validator::NlBsn => nl_bsn(s),
        Validator::NotPlaceholder => not_placeholder(&digits(s)),
        Validator::PlPesel => pl_pesel(s),
        Validator::SeOrg => se_org(s),
        Validator::SePnr => se_pnr(s),
        Validator::SgNric => sg_nric(s),
        Validator::SgUen => sg_uen(s),
        Validator::ThTnin => th_tnin(s),
        Validator::TrPlate => tr_plate(s),
        Validator::TrPhone => tr_phone(s),
        Validator::TrTckn => tr_tckn(s),
        Validator::UkDriving => uk_driving(s),
        Validator::UkNhs => uk_nhs(s),
        Validator::UkNino => uk_nino(s),
        Validator::UkPlate => uk_plate(s),
        Validator::Url => url(s),
        Validator::UsItin => us_itin(s),
        Validator::UsNpi => us_npi(s),
        Validator::Verhoeff => verhoeff(s),
        Validator::ZaId => za_id(s),
        _ => true,
    }
}

/// Uppercased ASCII letters and digits of `s`, separators dropped.
#[inline(never)]
fn alnum(s: &str) -> Vec<u8> {
    s.bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_uppercase())
        .collect()
}

#[inline(never)]
fn num(d: &[u8]) -> u64 {
    d.iter().take(18).fold(0u64, |a, &x| a * 10 + x as u64)
}

/// Weighted digit sum.
#[inline(never)]
fn wsum(d: &[u8], w: &[u32]) -> u32 {
    d.iter().zip(w).map(|(&x, &w)| x as u32 * w).sum()
}

/// Not one digit repeated: checksum validators use this; a checksum that
/// passes on a straight run (876543210) is still evidence.
#[inline(never)]
fn not_same(d: &[u8]) -> bool {
    d.first().map_or(false, |&f| d.iter().any(|&x| x != f))
}

/// True unless the digits are one repeated digit or a straight run
/// (123456789, 987654321): the classic made-up values.
#[inline(never)]
pub(crate) fn not_placeholder(d: &[u8]) -> bool {
    if d.len() < 2 {
        return true;
    }
    let same = d.iter().all(|&x| x == d[0]);
    let up = d.windows(2).all(|w| (w[0] + 1) % 10 == w[1]);
    let down = d.windows(2).all(|w| (w[1] + 1) % 10 == w[0]);
    !(same || up || down)
}

/// Separators between digit groups are all the same (or absent).
#[inline(never)]
fn same_separators(s: &str) -> bool {
    let mut seps = s.bytes().filter(|b| !b.is_ascii_alphanumeric());
    match seps.next() {
        None => true,
        Some(first) => seps.all(|b| b == first),
    }
}

#[inline(never)]
fn valid_day_month(day: u32, month: u32) -> bool {
    (1..=12).contains(&month)
        && day >= 1
        && day
            <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
                [month as usize - 1]
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

/// Payment card: Luhn, consistent separators, an issuer prefix (2-6, or
/// 1 for 15-digit UATP cards). Twelve digits only for Maestro (issuer
/// ranges 50 and 56-69), the one brand issued that short.
#[inline(never)]
pub(crate) fn credit_card(s: &str) -> bool {
    let d = digits(s);
    let maestro_12 = d.len() == 12
        && (d[..2] == [5, 0] || (56..=69).contains(&(d[0] * 10 + d[1])))
        && not_same(&d)
        && luhn_digits(&d);
    (maestro_12 || luhn(s))
        && same_separators(s)
        && ((2..=6).contains(&d[0]) || (d[0] == 1 && d.len() == 15))
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

/// Polish NIP (tax id): 10 digits, weighted mod-11 check digit.
#[inline(never)]
pub(crate) fn pl_nip(s: &str) -> bool {
    let d = digits(s);
    d.len() == 10
        && not_same(&d)
        && wsum(&d, &[6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 == d[9] as u32
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

/// Bitcoin addresses: Base58Check (P2PKH/P2SH) or Bech32/Bech32m (SegWit);
/// Ethereum-style 0x + 40 hex digits (not all one case of a repeated digit).
#[inline(never)]
pub(crate) fn crypto_wallet(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() == 42 && (s.starts_with("0x") || s.starts_with("0X")) {
        let h = &b[2..];
        return h.iter().all(u8::is_ascii_hexdigit)
            && h.iter().any(|&c| c != h[0])
            && h.iter().filter(|c| c.is_ascii_digit()).count() >= 4;
    }
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("bc1") || lower.starts_with("tb1") {
        return bech32(&lower) && (s == lower || s == s.to_ascii_uppercase());
    }
    base58check(b)
}

#[inline(never)]
fn base58check(b: &[u8]) -> bool {
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
fn bech32(s: &str) -> bool {
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

/// A calendar date or timestamp: numeric fields in range. Accepts
/// Y-M-D, D.M.Y, M/D/Y, D/M/Y, M/Y, M/D and month-name forms.
#[inline(never)]
pub(crate) fn date(s: &str) -> bool {
    let named =
        s.split(|c: char| !c.is_ascii_alphabetic()).any(|w| w.len() >= 3);
    if named {
        // Month name plus day and/or year: day/year ranges only.
        return s
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .all(|p| {
                p.parse::<u32>().map_or(false, |x| {
                    (1..=31).contains(&x) || (1900..2100).contains(&x)
                })
            });
    }
    let head: &str = s.split(['T', 't', ' ']).next().unwrap_or(s);
    let parts: Vec<&str> =
        head.split(['-', '/', '.']).filter(|p| !p.is_empty()).collect();
    let n: Vec<Option<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    match (parts.len(), n.as_slice()) {
        (3, [Some(a), Some(b), Some(c)]) => {
            if parts[0].len() == 4 {
                (1900..2100).contains(a) && valid_day_month(*c, *b)
            } else {
                (valid_day_month(*a, *b) || valid_day_month(*b, *a))
                    && (parts[2].len() == 2 || (1900..2100).contains(c))
            }
        }
        (2, [Some(a), Some(b)]) => {
            if parts[1].len() == 4 {
                (1..=12).contains(a) && (1900..2100).contains(b)
            } else {
                (1..=12).contains(a) && (1..=31).contains(b)
            }
        }
        _ => false,
    }
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

/// Two-digit number for a letter (A=01 .. Z=26).
#[inline(never)]
fn letter_digits(c: u8) -> [u8; 2] {
    let n = c.saturating_sub(b'A') + 1;
    [n / 10, n % 10]
}

/// Sum of digit sums of `d[i] * w[i]`.
#[inline(never)]
fn cross_sum(d: &[u8], w: &[u32]) -> u32 {
    d.iter()
        .zip(w)
        .map(|(&x, &w)| {
            let p = x as u32 * w;
            p / 10 + p % 10
        })
        .sum()
}

/// German health insurance number (KVNR): letter + 9 digits.
#[inline(never)]
pub(crate) fn de_kvnr(s: &str) -> bool {
    let a = alnum(s);
    if a.len() != 10
        || !a[0].is_ascii_uppercase()
        || !a[1..].iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    let mut d = letter_digits(a[0]).to_vec();
    d.extend(a[1..9].iter().map(|b| b - b'0'));
    cross_sum(&d, &[1, 2, 1, 2, 1, 2, 1, 2, 1, 2]) % 10 == (a[9] - b'0') as u32
}

/// German lifelong doctor number (LANR): 6 digits, check digit, 2 digits.
#[inline(never)]
pub(crate) fn de_lanr(s: &str) -> bool {
    let d = digits(s);
    d.len() == 9
        && (10 - wsum(&d, &[4, 9, 4, 9, 4, 9]) % 10) % 10 == d[6] as u32
}

/// German pension insurance number (RVNR): area, birth date, letter,
/// serial, check digit.
#[inline(never)]
pub(crate) fn de_rvnr(s: &str) -> bool {
    let a = alnum(s);
    if a.len() != 12
        || !a[8].is_ascii_uppercase()
        || !a[..8].iter().chain(&a[9..]).all(u8::is_ascii_digit)
    {
        return false;
    }
    let v = |i: usize| (a[i] - b'0') as u32;
    let (day, month) = (v(2) * 10 + v(3), v(4) * 10 + v(5));
    if !((1..=31).contains(&(day % 50)) && (1..=12).contains(&month)) {
        return false;
    }
    let mut d: Vec<u8> = a[..8].iter().map(|b| b - b'0').collect();
    d.extend_from_slice(&letter_digits(a[8]));
    d.extend(a[9..11].iter().map(|b| b - b'0'));
    cross_sum(&d, &[2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]) % 10 == v(11)
}

/// German tax id (Steuer-IdNr): 11 digits, first not 0, one digit of the
/// first ten repeated (twice or thrice), ISO 7064 MOD 11,10 check digit.
#[inline(never)]
pub(crate) fn de_tax_id(s: &str) -> bool {
    let d = digits(s);
    if d.len() != 11 || d[0] == 0 {
        return false;
    }
    let mut counts = [0u8; 10];
    for &x in &d[..10] {
        counts[x as usize] += 1;
    }
    // Issued numbers repeat one digit two or three times in the first
    // ten; test numbers in circulation (12345678903) repeat none, so only
    // a digit used more than three times rules a number out.
    if counts.iter().any(|&c| c > 3) {
        return false;
    }
    let mut product = 10u32;
    for &x in &d[..10] {
        let mut sum = (x as u32 + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = sum * 2 % 11;
    }
    (11 - product) % 10 == d[10] as u32
}

/// Spanish NIF/DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits +
/// letter): the letter is "TRWAGMYFPDXBNJZSQVHLCKE"[n mod 23].
#[inline(never)]
pub(crate) fn es_nif(s: &str) -> bool {
    let a = alnum(s);
    let Some((&letter, body)) = a.split_last() else { return false };
    let mut n: u64 = match body.first() {
        Some(b'X') => 0,
        Some(b'Y') => 1,
        Some(b'Z') => 2,
        Some(c) if c.is_ascii_digit() => (c - b'0') as u64,
        _ => return false,
    };
    if !(7..=8).contains(&body.len())
        || !body[1..].iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    for &c in &body[1..] {
        n = n * 10 + (c - b'0') as u64;
    }
    b"TRWAGMYFPDXBNJZSQVHLCKE"[(n % 23) as usize] == letter
}

/// Finnish HETU: DDMMYY, century sign, 3 digits, check character.
#[inline(never)]
pub(crate) fn fi_hetu(s: &str) -> bool {
    let b: Vec<u8> = s.bytes().map(|c| c.to_ascii_uppercase()).collect();
    if b.len() != 11
        || !b"+-ABCDEFUVWXY".contains(&b[6])
        || !b[..6].iter().chain(&b[7..10]).all(u8::is_ascii_digit)
    {
        return false;
    }
    let d: Vec<u8> =
        b[..6].iter().chain(&b[7..10]).map(|c| c - b'0').collect();
    let (day, month) =
        (d[0] as u32 * 10 + d[1] as u32, d[2] as u32 * 10 + d[3] as u32);
    if !valid_day_month(day, month) {
        return false;
    }
    let n = num(&d);
    b"0123456789ABCDEFHJKLMNPRSTUVWXY"[(n % 31) as usize] == b[10]
}

/// French NIR (social security number): 13 digits + 2-digit key, with
/// Corsica's 2A/2B department codes.
#[inline(never)]
pub(crate) fn fr_nir(s: &str) -> bool {
    let a = alnum(s);
    if a.len() != 15 || !(a[0] == b'1' || a[0] == b'2') {
        return false;
    }
    let corsica = match (a[5], a[6]) {
        (b'2', b'A') => 1_000_000,
        (b'2', b'B') => 2_000_000,
        _ => 0,
    };
    let mut d = a.clone();
    if corsica > 0 {
        d[6] = b'0';
    }
    if !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let d: Vec<u8> = d.iter().map(|c| c - b'0').collect();
    let month = d[3] as u32 * 10 + d[4] as u32;
    if !((1..=12).contains(&month)
        || (20..=42).contains(&month)
        || month >= 50)
    {
        return false;
    }
    let body = num(&d[..13]).saturating_sub(corsica);
    97 - body % 97 == num(&d[13..])
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

/// Italian codice fiscale: 16 characters, check character from the
/// odd/even position tables.
#[inline(never)]
pub(crate) fn it_fiscal_code(s: &str) -> bool {
    let a = alnum(s);
    if a.len() != 16 || !a[..6].iter().all(u8::is_ascii_uppercase) {
        return false;
    }
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14,
        16, 10, 22, 25, 24, 23,
    ];
    let mut sum = 0;
    for (i, &c) in a[..15].iter().enumerate() {
        let v = if c.is_ascii_digit() {
            (c - b'0') as usize
        } else {
            (c - b'A') as usize
        };
        sum += if i % 2 == 0 { ODD[v % 26] } else { v as u32 };
    }
    a[15] == b'A' + (sum % 26) as u8
}

/// Italian VAT number (partita IVA): 11 digits, Luhn.
#[inline(never)]
pub(crate) fn it_vat(s: &str) -> bool {
    let d = digits(s);
    d.len() == 11 && d[..7].iter().any(|&x| x != 0) && luhn_digits(&d)
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

/// MAC address: six octets with one separator style, or Cisco dotted
/// triplets; not broadcast or all-zero.
#[inline(never)]
pub(crate) fn mac(s: &str) -> bool {
    let hex: Vec<u8> = s.bytes().filter(u8::is_ascii_hexdigit).collect();
    hex.len() == 12
        && same_separators(s)
        && !hex.iter().all(|&c| c == b'0')
        && !hex.iter().all(|&c| c == b'f' || c == b'F')
}

/// Dutch BSN: 9 digits, "11-proof" (weights 9..2 and -1).
#[inline(never)]
pub(crate) fn nl_bsn(s: &str) -> bool {
    let d = digits(s);
    if d.len() != 9 || !not_same(&d) {
        return false;
    }
    let sum = wsum(&d, &[9, 8, 7, 6, 5, 4, 3, 2]) as i64 - d[8] as i64;
    sum > 0 && sum % 11 == 0 && same_separators(s)
}

/// Polish PESEL: 11 digits, date with century in the month, check digit.
#[inline(never)]
pub(crate) fn pl_pesel(s: &str) -> bool {
    let d = digits(s);
    if d.len() != 11 || s.len() != 11 {
        return false;
    }
    let month = (d[2] * 10 + d[3]) as u32 % 20;
    let day = (d[4] * 10 + d[5]) as u32;
    valid_day_month(day, month)
        && (10 - wsum(&d, &[1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10) % 10
            == d[10] as u32
}

/// Swedish organisationsnummer: 10 digits, third digit >= 2, Luhn.
#[inline(never)]
pub(crate) fn se_org(s: &str) -> bool {
    let d = digits(s);
    d.len() == 10 && d[2] >= 2 && d[0] != 0 && luhn_digits(&d)
}

/// Swedish personnummer (10 or 12 digits; coordination numbers add 60
/// to the day): valid date, Luhn over the last 10 digits.
#[inline(never)]
pub(crate) fn se_pnr(s: &str) -> bool {
    let d = digits(s);
    let alnum_len = s.bytes().filter(u8::is_ascii_alphanumeric).count();
    if alnum_len != d.len() {
        return false;
    }
    let d10 = match d.len() {
        10 => &d[..],
        12 if matches!(d[0] * 10 + d[1], 18..=20) => &d[2..],
        _ => return false,
    };
    let month = (d10[2] * 10 + d10[3]) as u32;
    let mut day = (d10[4] * 10 + d10[5]) as u32;
    if day > 60 {
        day -= 60;
    }
    valid_day_month(day, month) && luhn_digits(d10)
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

/// Turkish license plate: province 01-81, 1-3 letters, 2-4 digits.
#[inline(never)]
pub(crate) fn tr_plate(s: &str) -> bool {
    let a = alnum(s);
    if a.len() < 5 || !a[..2].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let p = (a[0] - b'0') * 10 + (a[1] - b'0');
    let letters =
        a[2..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let digits_n = a.len() - 2 - letters;
    (1..=81).contains(&p)
        && (1..=3).contains(&letters)
        && (2..=4).contains(&digits_n)
        && a[2 + letters..].iter().all(u8::is_ascii_digit)
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

/// Turkish identity number (TC Kimlik No): two check digits.
#[inline(never)]
pub(crate) fn tr_tckn(s: &str) -> bool {
    let d = digits(s);
    if d.len() != 11 || d[0] == 0 {
        return false;
    }
    let odd: i32 = [0, 2, 4, 6, 8].iter().map(|&i| d[i] as i32).sum();
    let even: i32 = [1, 3, 5, 7].iter().map(|&i| d[i] as i32).sum();
    let d10 = (odd * 7 - even).rem_euclid(10);
    let d11 = d[..10].iter().map(|&x| x as i32).sum::<i32>() % 10;
    d10 == d[9] as i32 && d11 == d[10] as i32
}

/// UK driving licence: surname (5, padded with 9), date digits (decade,
/// month +50 for women, day, year), initials, digit, 2 check letters.
#[inline(never)]
pub(crate) fn uk_driving(s: &str) -> bool {
    let a = alnum(s);
    if a.len() != 16 || !a[5..11].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let v = |i: usize| (a[i] - b'0') as u32;
    let month = (v(6) * 10 + v(7)) % 50;
    let day = v(8) * 10 + v(9);
    a[..5].iter().all(|c| c.is_ascii_uppercase() || *c == b'9')
        && a[0].is_ascii_uppercase()
        && valid_day_month(day, month)
        && v(6) <= 6
}

/// NHS number: 10 digits, mod-11 check digit (10 is never issued).
#[inline(never)]
pub(crate) fn uk_nhs(s: &str) -> bool {
    let d = digits(s);
    if d.len() != 10 || !not_same(&d) {
        return false;
    }
    let r = 11 - wsum(&d, &[10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11;
    let check = if r == 11 { 0 } else { r };
    check != 10 && check == d[9] as u32 && same_separators(s)
}

/// UK National Insurance number: two prefix letters from the allowed
/// sets (no D F I Q U V, second not O, not BG GB KN NK NT TN ZZ), six
/// digits, suffix A-D.
#[inline(never)]
pub(crate) fn uk_nino(s: &str) -> bool {
    let a = alnum(s);
    if a.len() != 9 || !a[2..8].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let (p, q) = (a[0], a[1]);
    let bad = |c: u8| b"DFIQUV".contains(&c);
    !bad(p)
        && !bad(q)
        && q != b'O'
        && p.is_ascii_uppercase()
        && q.is_ascii_uppercase()
        && ![b"BG", b"GB", b"KN", b"NK", b"NT", b"TN", b"ZZ"]
            .contains(&&[p, q])
        && (b'A'..=b'D').contains(&a[8])
}

/// UK vehicle registration: current (AB12 CDE), prefix (A123 BCD) and
/// suffix (ABC 123D) formats with their letter and age rules.
#[inline(never)]
pub(crate) fn uk_plate(s: &str) -> bool {
    let a = alnum(s);
    let letters = |r: &[u8]| r.iter().all(u8::is_ascii_uppercase);
    let no_iq = |r: &[u8]| r.iter().all(|c| *c != b'I' && *c != b'Q');
    let year_letter = |c: u8| c.is_ascii_uppercase() && !b"IOQUZ".contains(&c);
    if a.len() == 7
        && letters(&a[..2])
        && a[2..4].iter().all(u8::is_ascii_digit)
        && letters(&a[4..])
    {
        let age = (a[2] - b'0') as u32 * 10 + (a[3] - b'0') as u32;
        return !b"IQZ".contains(&a[0])
            && !b"IQZ".contains(&a[1])
            && no_iq(&a[4..])
            && (matches!(age, 2..=26) || matches!(age, 51..=76));
    }
    let lead = a.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let nums = a[lead..].iter().take_while(|c| c.is_ascii_digit()).count();
    let tail = a.len() - lead - nums;
    if !(1..=3).contains(&nums) || !letters(&a[lead + nums..]) {
        return false;
    }
    match (lead, tail) {
        (1, 3) => {
            year_letter(a[0])
                && no_iq(&a[4.min(a.len())..])
                && no_iq(&a[lead + nums..])
        }
        (3, 1) => year_letter(a[a.len() - 1]) && no_iq(&a[..3]),
        (1..=2, 3) => no_iq(&a[lead + nums..]),
        _ => false,
    }
}

/// URL host sanity: a dotted host whose last label is 2-24 letters.
#[inline(never)]
pub(crate) fn url(s: &str) -> bool {
    let rest = s.split_once("://").map_or(s, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let Some((name, tld)) = host.rsplit_once('.') else {
        return host.eq_ignore_ascii_case("localhost") && s.contains("://");
    };
    !name.is_empty()
        && (2..=24).contains(&tld.len())
        && (tld.bytes().all(|b| b.is_ascii_alphabetic())
            || tld.starts_with("xn--"))
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
    let d = digits(s);
    if d.len() != 12 || d[0] < 2 || !not_same(&d) || !same_separators(s) {
        return false;
    }
    let mut c = 0u8;
    for (i, &x) in d.iter().rev().enumerate() {
        c = D[c as usize][P[i % 8][x as usize] as usize];
    }
    c == 0
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

/// Shannon entropy in bits per byte.
#[inline(never)]
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
                Validator::GenericToken,
                Validator::Jwt,
                Validator::BareRun,
            ] {
                let _ = check(v, s);
            }
        }
        assert_eq!(entropy(b""), 0.0);
        assert!((entropy(b"ab") - 1.0).abs() < 1e-6);
    }

    #[test]
    fn generic_values() {
        // Hex with one or two letters from outside hex, or one letter of
        // the other case in a digest; whole hex, UUIDs and base36 pass.
        assert!(hex_with_stray_letters("9f86d081884c7d659a2feaa0c55ad015q"));
        assert!(hex_with_stray_letters(
            "c7d6z9a2-feaa-0c55-ad01-5a3bf4f1b2b0"
        ));
        assert!(hex_with_stray_letters("B9f86d081884c7d659a2feaa0c55ad015"));
        assert!(!hex_with_stray_letters("9f86d081884c7d659a2feaa0c55ad015"));
        assert!(!hex_with_stray_letters(
            "c7d6e9a2-feaa-0c55-ad01-5a3bf4f1b2b0"
        ));
        assert!(!hex_with_stray_letters("k3v9x2m7q8w1z5r4t6y0p9l2"));
        assert!(host_name("a1b2c3.api.vendor.com"));
        assert!(host_name("https://tenant-7.vendor.io/"));
        assert!(host_name("cache.internal.net:6380"));
        assert!(!host_name("https://hooks.vendor.com/T0/B1/x9Y8z7"));
        assert!(!host_name("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.Rk9P"));
        assert!(word_phrase("a-secret-of-at-least-32-chars"));
        assert!(!word_phrase("k3v9-x2m7-q8w1"));
        assert!(jwt_header("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig"));
        assert!(!jwt_header("eyJhbGciOiJIU9I1NiJ9.eyJzdWIiOiIxIn0.sig"));
        assert!(bare_run("5260181590830166131860"));
        assert!(!bare_run("2024011512304599"));
        assert!(bare_run("kHOoolDklZDOCj"));
        assert!(!bare_run("GetAccessToken"));
        assert!(!bare_run("XMLHttpRequest"));
        assert!(!bare_run("ReadOnlyAccess"));
        assert!(!bare_run("kholdklzdocjwb"));
        assert!(!generic_token("sk-or-v1-short"));
        assert!(generic_token("Zq8Lw3Vn5Rt7Yp2Ks9Df4Gh6Jk1Mx0Cb"));
    }

    #[test]
    fn randomness_and_typed_runs() {
        assert!(has_sequential_run(b"x1234567y", 6));
        assert!(has_sequential_run(b"zyXWVu", 6));
        assert!(!has_sequential_run(b"a1b2c3d4e5f6", 6));
        assert!(looks_random(b"Qm7+Rt2vXk9/Lp4sWn8zHc3dJy6"));
        assert!(!looks_random(b"ab99xy3qq"));
        assert!(!looks_random(b"KEY-ijklmnopqrstuv0123"));
    }
}

#[cfg(test)]
mod pii_tests {
    //! Valid values were computed for these tests from each checksum's
    //! definition by a separate script (not by these functions); invalid
    //! ones change the check character, the date or the prefix.
    use super::*;

    /// Replaces the last digit with the next one (mod 10) or the last
    /// letter with the next letter.
    fn bump_last(s: &str) -> String {
        let mut b = s.as_bytes().to_vec();
        if let Some(c) = b.iter_mut().rev().find(|c| c.is_ascii_alphanumeric())
        {
            *c = match *c {
                b'9' => b'0',
                b'Z' => b'A',
                b'z' => b'a',
                x => x + 1,
            };
        }
        String::from_utf8(b).unwrap()
    }

    fn check_all(v: Validator, valid: &[&str], invalid: &[&str]) {
        for s in valid {
            assert!(check(v, s), "{:?} should accept {:?}", v, s);
            let bad = bump_last(s);
            assert!(!check(v, &bad), "{:?} should reject {:?}", v, bad);
        }
        for s in invalid {
            assert!(!check(v, s), "{:?} should reject {:?}", v, s);
        }
    }

    #[test]
    fn us_numbers() {
        check_all(
            Validator::AbaRouting,
            &["026009593", "111000025", "1110-0002-5"],
            &["421000002", "000000000", "1110-0002 5"],
        );
        check_all(
            Validator::UsNpi,
            &["1382947509", "1960428377"],
            &["3382947509", "1111111112"],
        );
        assert!(check(Validator::UsItin, "912-73-4567"));
        assert!(!check(Validator::UsItin, "912-43-4567"));
        assert!(!check(Validator::UsItin, "812-73-4567"));
        check_all(Validator::Dea, &["AB3141594", "FM2718281"], &["1B3141594"]);
        check_all(
            Validator::CreditCard,
            &["4539148803436467", "4111-1111-1111-1111"],
            &["4111-1111 1111-1111", "1748503543012", "0000000000000000"],
        );
        assert!(us_ssn("536-22-1234") && !us_ssn("078-05-1120"));
        assert!(check(Validator::PhoneNanp, "(415) 555-0132"));
        assert!(!check(Validator::PhoneNanp, "(115) 555-0132"));
        assert!(!check(Validator::PhoneNanp, "91-415-555-0132"));
        assert!(check(Validator::PhoneNanp, "415-555-0132x5669"));
        assert!(check(Validator::PhoneNanp, "(415) 555-0132 ext. 7"));
        // Maestro is the one brand issued with twelve digits.
        assert!(check(Validator::CreditCard, "6759 9458 0735"));
        assert!(!check(Validator::CreditCard, "4111 1111 1111"));
        assert!(!check(Validator::CreditCard, "4999 9458 0739"));
    }

    #[test]
    fn phones() {
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
        for (v, good, bad) in [
            (
                Validator::PhoneTrunk,
                ["020 7946 0958", "(0131) 496 0654", "08-123 456 78"],
                ["0-306-40615-2", "078-05-1120", "00 1234 5678"],
            ),
            (
                Validator::PhoneBr,
                ["(11) 98456-5666", "62 3675-5047", "21 2736-4190"],
                ["21 2019-2020", "20 3675-5047", "11 1234-5678"],
            ),
            (
                Validator::TrPhone,
                ["0 532 123 45 67", "+90 (216) 318 27 90", "4321234567"],
                ["0306 999 0464", "5084128121", "2345678901"],
            ),
        ] {
            for s in good {
                assert!(check(v, s), "{:?} should accept {:?}", v, s);
            }
            for s in bad {
                assert!(!check(v, s), "{:?} should reject {:?}", v, s);
            }
        }
    }

    #[test]
    fn europe() {
        check_all(
            Validator::DeTaxId,
            &["47336182956", "86512793063"],
            &["07336182956", "11111111111"],
        );
        check_all(
            Validator::DeKvnr,
            &["T471103923", "R205581374"],
            &["1471103923"],
        );
        // LANR: the check digit is the 7th; the last two are a specialty.
        assert!(de_lanr("314159323") && de_lanr("271828351"));
        assert!(!de_lanr("314159423") && !de_lanr("271828451"));
        assert!(check(Validator::DeRvnr, "65241187M045"));
        assert!(check(Validator::DeRvnr, "12030591K510"));
        assert!(!check(Validator::DeRvnr, "65241187M046"));
        assert!(!check(Validator::DeRvnr, "65241387M045"), "month 13");
        check_all(Validator::Icao, &["CF7R2K4L2", "T22093111"], &[]);
        check_all(
            Validator::EsNif,
            &["47230519L", "30918276C"],
            &["4723051L"],
        );
        check_all(
            Validator::EsNif,
            &["X4821937X", "Y2930471D"],
            &["W4821937X"],
        );
        check_all(
            Validator::FiHetu,
            &["170385-2745", "290204A906K"],
            &["170385/2745", "321385-2745"],
        );
        check_all(
            Validator::FrNir,
            &["284076210503162", "193057511308957"],
            &["384076210503162"],
        );
        check_all(
            Validator::ItFiscalCode,
            &["VRDLCU81E52F205C", "BNCGPP66T10H501V"],
            &["VRDLCU81E52F205"],
        );
        check_all(Validator::ItVat, &["07643520153"], &["00000000000"]);
        check_all(
            Validator::NlBsn,
            &["596366693", "918513698"],
            &["111111111"],
        );
        check_all(
            Validator::PlPesel,
            &["87031402959", "03221918460"],
            &["87133402959"],
        );
        check_all(Validator::PlNip, &["5260250995"], &[]);
        check_all(
            Validator::SePnr,
            &["8506124737", "19850612-4737"],
            &["851312-4737"],
        );
        check_all(Validator::SeOrg, &["5592140387"], &["5512140387"]);
        check_all(
            Validator::UkNhs,
            &["9434765919", "4857773457", "7319264056"],
            &["485-777 3457"],
        );
        assert!(check(Validator::UkNino, "JK 48 20 19 C"));
        for bad in ["QQ482019C", "GB482019A", "JK482019E", "JO482019A"] {
            assert!(!check(Validator::UkNino, bad), "{}", bad);
        }
        assert!(check(Validator::UkPlate, "KM19 XPT"));
        for bad in ["KM00 XPT", "KM19 XPQ", "IM19 XPT", "I482 KTP"] {
            assert!(!check(Validator::UkPlate, bad), "{}", bad);
        }
        assert!(check(Validator::UkDriving, "HOLME703127AB9XY"));
        assert!(!check(Validator::UkDriving, "HOLME713127AB9XY"));
        assert!(check(Validator::TrPlate, "34 KT 4821"));
        assert!(!check(Validator::TrPlate, "82 KT 4821"));
        check_all(
            Validator::TrTckn,
            &["28417306584", "59203814754"],
            &["08417306584"],
        );
        assert!(iban("NL91ABNA0417164300") && !iban("NL91ABNA0417164301"));
        assert!(iban("FR7630006000011234567890189"));
    }

    #[test]
    fn americas_asia_africa_oceania() {
        check_all(
            Validator::CaSin,
            &["271403982", "546123704"],
            &["871403980", "271-403 982"],
        );
        check_all(
            Validator::BrCpf,
            &["52998224725", "31472065808"],
            &["11111111111"],
        );
        check_all(Validator::BrCnpj, &["11222333000181"], &[]);
        check_all(
            Validator::AuAbn,
            &["49624595711", "85661250090"],
            &["00000000560"],
        );
        check_all(Validator::AuAcn, &["010249715", "531004127"], &[]);
        check_all(Validator::AuTfn, &["168689064", "179801696"], &[]);
        // Medicare: the 9th digit checks; the 10th is the card issue.
        assert!(au_medicare("3951207411") && au_medicare("4102883621"));
        assert!(au_medicare("3951 20741 2"));
        assert!(!au_medicare("3951207421") && !au_medicare("7951207411"));
        check_all(
            Validator::Verhoeff,
            &["491830275616", "726109483520", "4918 3027 5616"],
            &["191830275616"],
        );
        check_all(
            Validator::InGstin,
            &["29AAGCB7383J1Z4"],
            &["39AAGCB7383J1Z4"],
        );
        check_all(
            Validator::SgNric,
            &["S8312047I", "F4189206N"],
            &["A8312047I"],
        );
        check_all(Validator::SgUen, &["48172053K", "201938471Z"], &[]);
        check_all(Validator::KrBrn, &["2208163476"], &[]);
        assert!(check(Validator::KrRrn, "850612-2948301"));
        assert!(!check(Validator::KrRrn, "850612-5948301"));
        assert!(check(Validator::KrFrn, "850612-6948301"));
        assert!(!check(Validator::KrFrn, "851312-6948301"));
        check_all(Validator::ThTnin, &["3102457819362"], &["3982457819362"]);
        check_all(
            Validator::ZaId,
            &["8704125163088", "9511030247180"],
            &["8713125163088"],
        );
        assert!(check(
            Validator::CryptoWallet,
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
        ));
        assert!(check(
            Validator::CryptoWallet,
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
        ));
        assert!(!check(
            Validator::CryptoWallet,
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"
        ));
        assert!(!check(
            Validator::CryptoWallet,
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"
        ));
    }

    #[test]
    fn formats() {
        assert!(check(Validator::Mac, "3c:22:fb:10:9a:7e"));
        assert!(!check(Validator::Mac, "3c:22:fb-10-9a-7e"));
        assert!(!check(Validator::Mac, "ff:ff:ff:ff:ff:ff"));
        assert!(ipv6("2001:db8::/32") && ipv6("fe80::1%eth0") && ipv6("::"));
        assert!(!ipv6("2001::db8::1") && !ipv6("::1/129"));
        assert!(check(Validator::Url, "https://example.org/x"));
        assert!(!check(Validator::Url, "http://intranet"));
        for d in ["2031-07-04", "7/4/2031", "14.3.31", "4 July 2031", "7/31"] {
            assert!(check(Validator::Date, d), "{}", d);
        }
        for d in ["2031-13-04", "32/13/2031", "13/2031", "99/99"] {
            assert!(!check(Validator::Date, d), "{}", d);
        }
        assert!(phone("+1 415 555 0132") && phone("+90 532 123 45 67"));
        assert!(!phone("+999 123 4567") && !phone("+1 415 555 013"));
        assert!(not_placeholder(&[4, 8, 2]) && !not_placeholder(&[1, 2, 3]));
    }

    #[test]
    fn every_validator_is_named_and_total() {
        for &(name, v) in Validator::PII {
            assert_eq!(Validator::by_name(name), Some(v));
            assert!(Validator::names().contains(name), "{}", name);
            for s in ["", "é", "🎉", "0", "-", "A", "+", "::", "/", "%"] {
                let _ = check(v, s);
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod pii_props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn validators_never_panic(s in "\\PC{0,40}") {
            for &(_, v) in Validator::PII {
                let _ = check(v, &s);
            }
            for v in [Validator::Luhn, Validator::Iban, Validator::UsSsn,
                      Validator::Ipv4, Validator::Ipv6, Validator::Phone] {
                let _ = check(v, &s);
            }
        }

        #[test]
        fn validators_never_panic_on_id_shapes(
            s in "[0-9A-Za-z +./:%-]{0,40}"
        ) {
            for &(_, v) in Validator::PII {
                let _ = check(v, &s);
            }
        }
    }
}
