//! Formats that are not personal ids: IP and MAC addresses, URL hosts,
//! calendar dates, payment cards and crypto wallet addresses.

use super::checksum::{base58check, bech32, luhn_digits, luhn_of};
use super::digits::{digits_in, not_same, same_separators, valid_day_month};

/// Four dot-separated decimal octets of at most 255, without leading
/// zeros (`str::parse` reads a `+` first too). PERF: bytes, and no `Vec`
/// of the parts (issue 16: a text of addresses validates one per 8
/// bytes).
pub(crate) fn ipv4(value: &str) -> bool {
    let mut parts = 0;
    value.as_bytes().split(|&c| c == b'.').all(|p| {
        parts += 1;
        parts <= 4
            && p.len() <= 3
            && (p.len() == 1 || p.first() != Some(&b'0'))
            && number(p).is_some_and(|n| n <= 255)
    }) && parts == 4
}

/// IPv6 address, optionally with a zone (`%eth0`) and a prefix length
/// of at most 128.
pub(crate) fn ipv6(value: &str) -> bool {
    let (addr, prefix) = match value.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (value, None),
    };
    let addr = addr.split_once('%').map_or(addr, |(a, _)| a);
    prefix.is_none_or(|p| p.parse::<u8>().is_ok_and(|n| n <= 128))
        && ipv6_addr(addr.as_bytes())
}

/// Whether `s` is an IPv6 address in the grammar `std`'s `Ipv6Addr`
/// parser accepts (a test compares the two), without that parser: it
/// costs ~1 KB of gzipped wasm. Eight groups of 1-4 hex digits, or fewer
/// with one `::`; the last two groups may be a dotted IPv4 address
/// (after `::` too, never before it).
fn ipv6_addr(s: &[u8]) -> bool {
    let mut at = 0;
    let (head, head_v4) = ipv6_groups(s, &mut at, 8);
    if head == 8 {
        return at == s.len();
    }
    if head_v4 || s.get(at..at + 2) != Some(b"::") {
        return false;
    }
    at += 2;
    // `::` stands for at least one group.
    ipv6_groups(s, &mut at, 7 - head);
    at == s.len()
}

/// Reads up to `limit` `:`-separated groups from `*at`, moving `*at` past
/// them: how many groups that was (an IPv4 address counts two, ends the
/// list and needs room for both) and whether the last was IPv4.
fn ipv6_groups(s: &[u8], at: &mut usize, limit: usize) -> (usize, bool) {
    for i in 0..limit {
        let start = match (i, s.get(*at)) {
            (0, _) => *at,
            (_, Some(b':')) => *at + 1,
            _ => return (i, false),
        };
        if i + 1 < limit {
            if let Some(end) = ipv4_at(s, start) {
                *at = end;
                return (i + 2, true);
            }
        }
        let digits = s
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take(5)
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        if !(1..=4).contains(&digits) {
            return (i, false);
        }
        *at = start + digits;
    }
    (limit, false)
}

/// The end of a dotted IPv4 address at `start` as `std` reads one inside
/// an IPv6 address: four decimal octets of 1-3 digits, at most 255, no
/// leading zero.
fn ipv4_at(s: &[u8], start: usize) -> Option<usize> {
    let mut at = start;
    for i in 0..4 {
        if i > 0 {
            if s.get(at) != Some(&b'.') {
                return None;
            }
            at += 1;
        }
        let rest = s.get(at..)?;
        let n = rest.iter().take(4).take_while(|b| b.is_ascii_digit()).count();
        let value =
            rest[..n].iter().fold(0u32, |v, &b| v * 10 + u32::from(b - b'0'));
        if n == 0 || n > 3 || value > 255 || (n > 1 && rest[0] == b'0') {
            return None;
        }
        at += n;
    }
    Some(at)
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

/// A calendar date or timestamp: numeric fields in range. Accepts
/// Y-M-D, D.M.Y, M/D/Y, D/M/Y, M/Y, M/D and month-name forms (any
/// language: "März" is a name).
#[inline(never)]
pub(crate) fn date(s: &str) -> bool {
    // Only a letter (or a non-ASCII char) can start a month name.
    let letters = s.bytes().any(|b| b.is_ascii_alphabetic() || b >= 0x80);
    if letters && long_word(s) {
        // Month name plus day and/or year: day/year ranges only, and at
        // least one of them (a month name alone is a word). Digits are
        // ASCII: a split of the bytes is one of the chars.
        let mut numbers = s
            .as_bytes()
            .split(|c| !c.is_ascii_digit())
            .filter(|p| !p.is_empty());
        let mut any = false;
        return numbers.all(|p| {
            any = true;
            number(p).is_some_and(|x| {
                (1..=31).contains(&x) || (1900..2100).contains(&x)
            })
        }) && any;
    }
    // Bytes, not chars: every separator is ASCII, so a split never falls
    // inside a char (a text of dates validates one at every group).
    let b = s.as_bytes();
    let end = b.iter().position(|c| matches!(c, b'T' | b't' | b' '));
    let head = &b[..end.unwrap_or(b.len())];
    // The first three parts (value, length) and how many there are: no
    // list per match.
    let (mut parts, mut count) = ([(None, 0); 3], 0);
    let seps = |c: &u8| matches!(c, b'-' | b'/' | b'.');
    for p in head.split(seps).filter(|p| !p.is_empty()) {
        if let Some(slot) = parts.get_mut(count) {
            *slot = (number(p), p.len());
        }
        count += 1;
    }
    match (count, parts) {
        (3, [(Some(a), la), (Some(b), _), (Some(c), lc)]) => {
            if la == 4 {
                (1900..2100).contains(&a) && valid_day_month(c, b)
            } else {
                (valid_day_month(a, b) || valid_day_month(b, a))
                    && (lc == 2 || (1900..2100).contains(&c))
            }
        }
        (2, [(Some(a), _), (Some(b), lb), _]) => {
            if lb == 4 {
                (1..=12).contains(&a) && (1900..2100).contains(&b)
            } else {
                (1..=12).contains(&a) && (1..=31).contains(&b)
            }
        }
        _ => false,
    }
}

/// Whether `s` has a run of alphabetic chars of at least 3 bytes. PERF:
/// ASCII by bytes (issue 16: a text of dates validates one per unit);
/// the chars only from the first non-ASCII byte's text on.
fn long_word(s: &str) -> bool {
    let mut run = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b >= 0x80 {
            // The run before `i` continues into the char at `i`.
            let from = i - run;
            return s
                .get(from..)
                .unwrap_or("")
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.len() >= 3);
        }
        run = if b.is_ascii_alphabetic() { run + 1 } else { 0 };
        if run >= 3 {
            return true;
        }
    }
    false
}

/// What `str::parse::<u32>` makes of `p`: an optional `+`, then one or
/// more ASCII digits, no overflow.
fn number(p: &[u8]) -> Option<u32> {
    let d = p.strip_prefix(b"+").unwrap_or(p);
    if d.is_empty() {
        return None;
    }
    d.iter().try_fold(0u32, |a, &c| {
        let x = c.checked_sub(b'0').filter(|x| *x <= 9)?;
        a.checked_mul(10)?.checked_add(u32::from(x))
    })
}

/// Payment card: Luhn, consistent separators, an issuer prefix (2-6, or
/// 1 for 15-digit UATP cards). Twelve digits only for Maestro (issuer
/// ranges 50 and 56-69), the one brand issued that short.
#[inline(never)]
pub(crate) fn credit_card(s: &str) -> bool {
    // More than 24 digits: no card (at most 19).
    let mut buf = [0; 24];
    let Some(d) = digits_in(s, &mut buf) else { return false };
    if d.is_empty() {
        return false;
    }
    let maestro_12 = d.len() == 12
        && (d[..2] == [5, 0] || (56..=69).contains(&(d[0] * 10 + d[1])))
        && not_same(d)
        && luhn_digits(d);
    (maestro_12 || luhn_of(d))
        && same_separators(s)
        && ((2..=6).contains(&d[0]) || (d[0] == 1 && d.len() == 15))
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

#[cfg(test)]
mod tests {
    use super::super::digits::testing::check_all;
    use super::*;

    #[test]
    fn a_date_part_reads_as_str_parse_does() {
        let parts = [
            "",
            "+",
            "++1",
            "+07",
            "0",
            "31",
            "4294967295",
            "4294967296",
            "99999999999",
            "1a",
            "-1",
            "\u{663}",
        ];
        for p in parts {
            assert_eq!(number(p.as_bytes()), p.parse::<u32>().ok(), "{p}");
        }
    }

    /// `ipv4` and the month-name test of `date` as they read before
    /// issue 16's byte readings (a `Vec` of the parts; `str::split` of
    /// the chars), on random texts of their alphabets.
    #[test]
    fn ipv4_and_month_names_read_as_before() {
        let ipv4_old = |v: &str| {
            let parts: Vec<&str> = v.split('.').collect();
            parts.len() == 4
                && parts.iter().all(|p| {
                    !p.is_empty()
                        && p.len() <= 3
                        && (p.len() == 1 || !p.starts_with('0'))
                        && p.parse::<u16>().is_ok_and(|n| n <= 255)
                })
        };
        let word_old = |s: &str| {
            s.split(|c: char| !c.is_alphabetic()).any(|w| w.len() >= 3)
        };
        let alphabet: Vec<char> = "0125.9+ aJnZé中ß-\u{663}".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 17) as usize;
            let t: String = (0..n)
                .map(|i| {
                    alphabet[(seed >> (i * 3 % 60)) as usize % alphabet.len()]
                })
                .collect();
            assert_eq!(ipv4(&t), ipv4_old(&t), "{t:?}");
            assert_eq!(long_word(&t), word_old(&t), "{t:?}");
        }
        for t in [
            "1.2.3.4",
            "1.2.3.4.5",
            "255.255.255.255",
            "+1.2.3.+01",
            "+.1.2.3",
            "00.1.2.3",
            "1..2.3",
            "256.1.1.1",
            "Jan",
            "éa",
            "aé",
            "ab1c",
        ] {
            assert_eq!(ipv4(t), ipv4_old(t), "{t:?}");
            assert_eq!(long_word(t), word_old(t), "{t:?}");
        }
    }

    #[test]
    fn formats() {
        assert!(ipv4("10.0.0.1") && !ipv4("10.0.0.256") && !ipv4("01.2.3.4"));
        assert!(mac("3c:22:fb:10:9a:7e"));
        assert!(!mac("3c:22:fb-10-9a-7e"));
        assert!(!mac("ff:ff:ff:ff:ff:ff"));
        assert!(ipv6("2001:db8::/32") && ipv6("fe80::1%eth0") && ipv6("::"));
        assert!(!ipv6("2001::db8::1") && !ipv6("::1/129"));
        assert!(url("https://example.org/x"));
        assert!(!url("http://intranet"));
        for d in ["2031-07-04", "7/4/2031", "14.3.31", "4 July 2031", "7/31"] {
            assert!(date(d), "{}", d);
        }
        for d in ["2031-13-04", "32/13/2031", "13/2031", "99/99"] {
            assert!(!date(d), "{}", d);
        }
    }

    /// `ipv6_addr` accepts exactly what `std`'s parser does: the shapes
    /// near each rule of the grammar, then random strings of its
    /// characters.
    #[test]
    fn ipv6_reads_as_std_does() {
        let same = |t: &str| {
            assert_eq!(
                ipv6_addr(t.as_bytes()),
                t.parse::<std::net::Ipv6Addr>().is_ok(),
                "{t:?}"
            );
        };
        let parts = [
            "",
            "0",
            "1",
            "00",
            "ffff",
            "FFFF",
            "fFfF",
            "12345",
            "00000",
            "g",
            "1.2.3.4",
            "255.255.255.255",
            "256.1.1.1",
            "01.2.3.4",
            "0.0.0.0",
            "1.2.3",
            "1.2.3.4.5",
            "1.2.3.04",
            "1.2.3.400",
            "1..2.3",
            "1234.1.1.1",
            ":",
            "::",
            ":::",
            "é",
            " ",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    same(&format!("{a}{b}{c}"));
                    same(&format!("{a}:{b}:{c}"));
                    same(&format!("{a}::{b}:{c}"));
                    same(&format!("1:2:3:4:5:{a}:{b}:{c}"));
                    same(&format!("1:2:3:4:5:6:{a}{b}{c}"));
                    same(&format!("1::{a}:{b}{c}"));
                    same(&format!("{a}:{b}::{c}"));
                    same(&format!("1:2:3:4:5:6:7:{a}{b}{c}"));
                    same(&format!("1:2:3:4:5:6::{a}{b}{c}"));
                    same(&format!("1:2:3:4:5:6:7::{a}{b}{c}"));
                }
            }
        }
        // Random strings over the grammar's characters (a fixed LCG: the
        // same strings every run).
        let chars = b"0123456789abcdefAF:.:::..g";
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200_000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (x >> 59) as usize + ((x >> 40) & 15) as usize;
            let mut t = Vec::with_capacity(len);
            for _ in 0..len {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                t.push(chars[(x >> 33) as usize % chars.len()]);
            }
            same(std::str::from_utf8(&t).unwrap());
        }
    }

    #[test]
    fn payment_cards() {
        check_all(
            credit_card,
            &["4539148803436467", "4111-1111-1111-1111"],
            &["4111-1111 1111-1111", "1748503543012", "0000000000000000"],
        );
        // Maestro is the one brand issued with twelve digits.
        assert!(credit_card("6759 9458 0735"));
        assert!(!credit_card("4111 1111 1111"));
        assert!(!credit_card("4999 9458 0739"));
    }

    #[test]
    fn wallets() {
        assert!(crypto_wallet("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"));
        assert!(crypto_wallet("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"));
        assert!(!crypto_wallet("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"));
        assert!(!crypto_wallet("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"));
    }
}
