//! Synthetic replacement values: realistic fakes of the same format.
//!
//! A fake keeps the shape of the value it replaces (separators, letter
//! case, length) and is drawn from reserved or fictional ranges where the
//! format has them: `example.com`/`.org`/`.net` mail domains (RFC 2606),
//! 555-01xx North American numbers, TEST-NET addresses (RFC 5737) and the
//! IPv6 documentation prefix (RFC 3849), the SSA advertising SSNs
//! 987-65-4320..4329, issuer test ranges for cards, locally administered
//! MAC addresses. Where a format carries a check character (cards, IBAN,
//! national ids) the fake gets a valid one, so downstream validation
//! treats it as well-formed.
//!
//! Fakes are chosen deterministically from a keyed digest (HMAC-SHA-256)
//! of type and value: the same value gets the same fake within a filter,
//! across turns. Nothing about the value can be recovered from the fake.

use crate::digest;
use crate::rules;
use crate::validate::{self, Validator};

/// A deterministic byte stream from HMAC(key, type 0 value || counter).
struct Stream {
    key: Vec<u8>,
    seed: [u8; 32],
    block: [u8; 32],
    pos: usize,
    counter: u32,
}

impl Stream {
    fn new(key: &[u8], type_name: &str, value: &str) -> Stream {
        let mut msg = b"synth\0".to_vec();
        msg.extend_from_slice(type_name.as_bytes());
        msg.push(0);
        msg.extend_from_slice(value.as_bytes());
        let seed = digest::hmac_sha256(key, &msg);
        Stream { key: key.to_vec(), seed, block: seed, pos: 0, counter: 0 }
    }

    fn byte(&mut self) -> u8 {
        if self.pos == 32 {
            self.counter += 1;
            let mut msg = self.seed.to_vec();
            msg.extend_from_slice(&self.counter.to_be_bytes());
            self.block = digest::hmac_sha256(&self.key, &msg);
            self.pos = 0;
        }
        self.pos += 1;
        self.block[self.pos - 1]
    }

    /// Uniform-enough value below `n` (n <= 256).
    fn below(&mut self, n: u32) -> u32 {
        self.byte() as u32 % n.max(1)
    }

    fn digit(&mut self) -> char {
        (b'0' + self.below(10) as u8) as char
    }
}

/// A fake value for `type_name`, or a redaction label when the type has no
/// generator (names and addresses come from the `names` module).
pub(crate) fn synthesize(type_name: &str, value: &str, key: &[u8]) -> String {
    let mut rng = Stream::new(key, type_name, value);
    let fake = match type_name {
        "EMAIL" => email(value, &mut rng),
        "US_SSN" => ssn(value, &mut rng),
        "IP_ADDRESS" => ip(value, &mut rng),
        "MAC_ADDRESS" => mac(value, &mut rng),
        "URL" => url(value, &mut rng),
        "CREDIT_CARD" => card(value, &mut rng),
        "IBAN" => iban(value, &mut rng),
        t if t == "PHONE"
            || t.ends_with("_PHONE_NUMBER")
            || t.ends_with("_MOBILE_NUMBER") =>
        {
            phone(value, &mut rng)
        }
        t if rules::pii::EXTRA_TYPES.contains(&t) => {
            return format!("[{}]", type_name)
        }
        t => shaped(value, validator_for(t), &mut rng),
    };
    if fake == value {
        // Astronomically unlikely for most formats; never echo the value.
        return format!("[{}]", type_name);
    }
    fake
}

/// The validator of the first built-in rule reporting `type_name`.
fn validator_for(type_name: &str) -> Validator {
    rules::builtin()
        .find(|r| r.type_name == type_name && r.validator != Validator::None)
        .map_or(Validator::None, |r| r.validator)
}

/// The string of `bytes`: a `&str`'s bytes with ASCII bytes swapped for
/// ASCII bytes, so always UTF-8 (empty otherwise, which cannot happen).
/// Not `from_utf8_lossy`, which brings its own decoder into the wasm
/// (~1 KB, size24).
fn ascii_swapped(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_default()
}

/// Same shape: digits to digits, letters to letters of the same case,
/// everything else kept. With a validator, the last alphanumeric is then
/// chosen so the value passes it (check digits, check letters), trying a
/// few fresh draws if no last character fits.
fn shaped(value: &str, v: Validator, rng: &mut Stream) -> String {
    for _ in 0..16 {
        let mut out: Vec<u8> = value
            .bytes()
            .map(|b| match b {
                b'0'..=b'9' => b'0' + rng.below(10) as u8,
                b'A'..=b'Z' => b'A' + rng.below(26) as u8,
                b'a'..=b'z' => b'a' + rng.below(26) as u8,
                other => other,
            })
            .collect();
        if v == Validator::None {
            return ascii_swapped(out);
        }
        let Some(last) = out.iter().rposition(u8::is_ascii_alphanumeric)
        else {
            break;
        };
        let alphabet: &[u8] = if out[last].is_ascii_digit() {
            b"0123456789"
        } else if out[last].is_ascii_uppercase() {
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        } else {
            b"abcdefghijklmnopqrstuvwxyz"
        };
        for &c in alphabet {
            out[last] = c;
            let s = ascii_swapped(out.clone());
            if s != value && validate::check(v, &s) {
                return s;
            }
        }
    }
    // No valid fake of this shape found (e.g. dates in the value fail the
    // draw); a shape-only fake still hides the value.
    value
        .bytes()
        .map(|b| match b {
            b'0'..=b'9' => rng.digit(),
            b'A'..=b'Z' => 'X',
            b'a'..=b'z' => 'x',
            other => other as char,
        })
        .collect()
}

fn email(value: &str, rng: &mut Stream) -> String {
    const NAMES: [&str; 8] =
        ["alex", "sam", "robin", "kim", "jo", "lee", "max", "pat"];
    const DOMAINS: [&str; 3] = ["example.com", "example.org", "example.net"];
    let upper = value.bytes().all(|b| !b.is_ascii_lowercase());
    let local = format!(
        "{}{}",
        NAMES[rng.below(8) as usize],
        100 + rng.below(200) * 4 + rng.below(4)
    );
    let s = format!("{}@{}", local, DOMAINS[rng.below(3) as usize]);
    if upper {
        s.to_ascii_uppercase()
    } else {
        s
    }
}

fn ssn(value: &str, rng: &mut Stream) -> String {
    // 987-65-4320 .. 987-65-4329: set aside by the SSA for advertising.
    let digits = format!("98765432{}", rng.digit());
    refill(value, &digits)
}

/// Writes `digits` into the digit positions of `value`, keeping its
/// separators; extra digits are dropped, missing ones appended.
fn refill(value: &str, digits: &str) -> String {
    let mut d = digits.chars();
    let mut out: String = value
        .chars()
        .map(|c| if c.is_ascii_digit() { d.next().unwrap_or('0') } else { c })
        .collect();
    out.extend(d);
    out
}

fn ip(value: &str, rng: &mut Stream) -> String {
    if value.contains(':') {
        // 2001:db8::/32 is for documentation (RFC 3849).
        return format!(
            "2001:db8::{:x}:{:x}",
            rng.below(256) << 8 | rng.below(256),
            1 + rng.below(255)
        );
    }
    const NETS: [&str; 3] = ["192.0.2", "198.51.100", "203.0.113"];
    format!("{}.{}", NETS[rng.below(3) as usize], 1 + rng.below(254))
}

fn mac(value: &str, rng: &mut Stream) -> String {
    // First octet 0x02: locally administered, unicast.
    let mut hex = String::from("02");
    for _ in 0..5 {
        hex.push_str(&format!("{:02x}", rng.byte()));
    }
    if value.bytes().any(|b| b.is_ascii_uppercase()) {
        hex = hex.to_ascii_uppercase();
    }
    let mut h = hex.chars();
    value
        .chars()
        .map(
            |c| {
                if c.is_ascii_hexdigit() {
                    h.next().unwrap_or('0')
                } else {
                    c
                }
            },
        )
        .collect()
}

fn url(value: &str, rng: &mut Stream) -> String {
    let scheme = value.split_once("://").map(|(s, _)| s);
    let path = if value.matches('/').count() > scheme.map_or(0, |_| 2) {
        format!("/page{}", rng.below(100))
    } else {
        String::new()
    };
    let host =
        ["example.com", "example.org", "example.net"][rng.below(3) as usize];
    match scheme {
        Some(s) => format!("{}://{}{}", s, host, path),
        None => format!("{}{}", host, path),
    }
}

fn card(value: &str, rng: &mut Stream) -> String {
    let n = value.bytes().filter(u8::is_ascii_digit).count().clamp(13, 19);
    // Issuer test ranges: Visa 4000 00, Mastercard 5555 55, Amex 3782 82,
    // Discover 6011 00.
    let prefix = match value.bytes().find(u8::is_ascii_digit) {
        Some(b'3') => "378282",
        Some(b'5') | Some(b'2') => "555555",
        Some(b'6') => "601100",
        _ => "400000",
    };
    let mut d: Vec<u8> = prefix.bytes().map(|b| b - b'0').collect();
    while d.len() < n - 1 {
        d.push(rng.below(10) as u8);
    }
    for c in 0..10 {
        d.push(c);
        if validate::luhn_digits(&d) {
            break;
        }
        d.pop();
    }
    let digits: String = d.iter().map(|x| (b'0' + x) as char).collect();
    refill(value, &digits)
}

fn iban(value: &str, rng: &mut Stream) -> String {
    let compact: Vec<u8> = value
        .bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if compact.len() < 5 {
        return "[IBAN]".to_string();
    }
    let mut bban: Vec<u8> = compact[4..]
        .iter()
        .map(|&b| {
            if b.is_ascii_digit() {
                b'0' + rng.below(10) as u8
            } else {
                b'A' + rng.below(26) as u8
            }
        })
        .collect();
    if bban == compact[4..] {
        bban[0] = if bban[0] == b'0' { b'1' } else { b'0' };
    }
    // Check digits: 98 - (BBAN + country + "00") mod 97.
    let mut rem = 0u32;
    for &b in bban.iter().chain(&compact[..2]).chain(b"00") {
        rem = if b.is_ascii_digit() {
            (rem * 10 + (b - b'0') as u32) % 97
        } else {
            (rem * 100 + (b - b'A' + 10) as u32) % 97
        };
    }
    let check = 98 - rem;
    let mut all = compact[..2].to_vec();
    all.extend_from_slice(format!("{:02}", check).as_bytes());
    all.extend_from_slice(&bban);
    // Same grouping as the input.
    let mut it = all.into_iter();
    value
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                it.next().map_or(c, |b| b as char)
            } else {
                c
            }
        })
        .collect()
}

fn phone(value: &str, rng: &mut Stream) -> String {
    let digits: Vec<u8> = value.bytes().filter(u8::is_ascii_digit).collect();
    let intl = value.trim_start().starts_with('+');
    let nanp =
        (digits.len() == 10 && !intl && value.contains(['(', '-', ' ']))
            || (intl && digits.len() == 11 && digits[0] == b'1');
    let fresh: String = if nanp {
        // 555-0100 .. 555-0199 are fictional in every area code.
        let area =
            ["201", "312", "415", "617", "702", "808"][rng.below(6) as usize];
        let lead = if intl { "1" } else { "" };
        format!("{}{}55501{}{}", lead, area, rng.digit(), rng.digit())
    } else {
        // Keep the country code (or trunk 0 and the next digit), draw the
        // rest.
        let keep = 2.min(digits.len());
        let mut s: String =
            digits[..keep].iter().map(|&b| b as char).collect();
        for _ in keep..digits.len() {
            s.push(rng.digit());
        }
        s
    };
    refill(value, &fresh)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"test key for synth";

    #[test]
    fn deterministic_per_key_and_value() {
        let a = synthesize("EMAIL", "ana@corp.io", KEY);
        assert_eq!(a, synthesize("EMAIL", "ana@corp.io", KEY));
        assert_ne!(a, synthesize("EMAIL", "ana@corp.io", b"another key!"));
        assert!(
            a.ends_with("@example.com")
                || a.ends_with("@example.org")
                || a.ends_with("@example.net")
        );
    }

    #[test]
    fn formats_are_kept_and_checksums_valid() {
        let card = synthesize("CREDIT_CARD", "4539 1488 0343 6467", KEY);
        assert_eq!(card.len(), 19);
        assert!(card.starts_with("4000 00"));
        assert!(validate::luhn(&card));
        let iban = synthesize("IBAN", "DE89 3704 0044 0532 0130 00", KEY);
        assert!(iban.starts_with("DE") && iban.len() == 27, "{}", iban);
        assert!(validate::iban(&iban), "{}", iban);
        assert_ne!(iban, "DE89 3704 0044 0532 0130 00");
        let ssn = synthesize("US_SSN", "536-22-1234", KEY);
        assert!(ssn.starts_with("987-65-432"), "{}", ssn);
        let ip = synthesize("IP_ADDRESS", "10.1.2.3", KEY);
        assert!(
            ip.starts_with("192.0.2.")
                || ip.starts_with("198.51.100.")
                || ip.starts_with("203.0.113.")
        );
        assert!(
            synthesize("IP_ADDRESS", "fe80::1", KEY).starts_with("2001:db8::")
        );
        let mac = synthesize("MAC_ADDRESS", "3C-22-FB-10-9A-7E", KEY);
        assert!(mac.starts_with("02-") && mac.len() == 17, "{}", mac);
        let phone = synthesize("PHONE", "(415) 555-0132", KEY);
        assert!(phone.contains(") 555-01"), "{}", phone);
        let intl = synthesize("PHONE", "+49 30 901820", KEY);
        assert!(intl.starts_with("+49 ") && intl.len() == 13, "{}", intl);
        let nif = synthesize("ES_NIF", "47230519L", KEY);
        assert!(validate::check(Validator::EsNif, &nif), "{}", nif);
        let nhs = synthesize("UK_NHS", "943 476 5919", KEY);
        assert!(validate::check(Validator::UkNhs, &nhs), "{}", nhs);
        assert_eq!(nhs.len(), 12);
        let url = synthesize("URL", "https://intranet.corp.io/x/y", KEY);
        assert!(url.starts_with("https://example."), "{}", url);
        assert_eq!(synthesize("PERSON", "Ana", KEY), "[PERSON]");
    }

    #[test]
    fn never_echoes_and_never_panics() {
        for t in [
            "EMAIL",
            "PHONE",
            "IBAN",
            "CREDIT_CARD",
            "US_SSN",
            "URL",
            "IP_ADDRESS",
            "MAC_ADDRESS",
            "ES_NIF",
            "CUSTOM_TYPE",
        ] {
            for v in ["", "x", "é🎉", "+", "0", "::", "a@b", "DE", "1-2"] {
                assert_ne!(synthesize(t, v, KEY), v.to_string() + "\u{0}");
                let s = synthesize(t, v, KEY);
                assert!(s != v || v.is_empty() || s.starts_with('['));
            }
        }
    }
}
