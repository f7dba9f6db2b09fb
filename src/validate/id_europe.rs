//! National, tax and licence ids of Europe (Turkey included): Germany,
//! Spain, Finland, France, Italy, the Netherlands, Poland, Sweden, Turkey
//! and the UK.

use super::checksum::{cross_sum, letter_digits, luhn_digits, wsum};
use super::digits::{
    alnum, digits, not_same, num, same_separators, valid_day_month,
};

// Each takes the matched text, strips the separators its format allows,
// and checks length, ranges and checksums. All indexing is on vectors
// whose length was checked first.

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

/// Polish NIP (tax id): 10 digits, weighted mod-11 check digit.
#[inline(never)]
pub(crate) fn pl_nip(s: &str) -> bool {
    let d = digits(s);
    d.len() == 10
        && not_same(&d)
        && wsum(&d, &[6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 == d[9] as u32
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

#[cfg(test)]
mod tests {
    use super::super::digits::testing::check_all;
    use super::*;

    #[test]
    fn europe() {
        check_all(
            de_tax_id,
            &["47336182956", "86512793063"],
            &["07336182956", "11111111111"],
        );
        check_all(de_kvnr, &["T471103923", "R205581374"], &["1471103923"]);
        // LANR: the check digit is the 7th; the last two are a specialty.
        assert!(de_lanr("314159323") && de_lanr("271828351"));
        assert!(!de_lanr("314159423") && !de_lanr("271828451"));
        assert!(de_rvnr("65241187M045"));
        assert!(de_rvnr("12030591K510"));
        assert!(!de_rvnr("65241187M046"));
        assert!(!de_rvnr("65241387M045"), "month 13");
        check_all(es_nif, &["47230519L", "30918276C"], &["4723051L"]);
        check_all(es_nif, &["X4821937X", "Y2930471D"], &["W4821937X"]);
        check_all(
            fi_hetu,
            &["170385-2745", "290204A906K"],
            &["170385/2745", "321385-2745"],
        );
        check_all(
            fr_nir,
            &["284076210503162", "193057511308957"],
            &["384076210503162"],
        );
        check_all(
            it_fiscal_code,
            &["VRDLCU81E52F205C", "BNCGPP66T10H501V"],
            &["VRDLCU81E52F205"],
        );
        check_all(it_vat, &["07643520153"], &["00000000000"]);
        check_all(nl_bsn, &["596366693", "918513698"], &["111111111"]);
        check_all(pl_pesel, &["87031402959", "03221918460"], &["87133402959"]);
        check_all(pl_nip, &["5260250995"], &[]);
        check_all(se_pnr, &["8506124737", "19850612-4737"], &["851312-4737"]);
        check_all(se_org, &["5592140387"], &["5512140387"]);
        check_all(
            uk_nhs,
            &["9434765919", "4857773457", "7319264056"],
            &["485-777 3457"],
        );
        assert!(uk_nino("JK 48 20 19 C"));
        for bad in ["QQ482019C", "GB482019A", "JK482019E", "JO482019A"] {
            assert!(!uk_nino(bad), "{}", bad);
        }
        assert!(uk_plate("KM19 XPT"));
        for bad in ["KM00 XPT", "KM19 XPQ", "IM19 XPT", "I482 KTP"] {
            assert!(!uk_plate(bad), "{}", bad);
        }
        assert!(uk_driving("HOLME703127AB9XY"));
        assert!(!uk_driving("HOLME713127AB9XY"));
        assert!(tr_plate("34 KT 4821"));
        assert!(!tr_plate("82 KT 4821"));
        check_all(tr_tckn, &["28417306584", "59203814754"], &["08417306584"]);
    }
}
