//! Synthetic replacement values: realistic fakes of the same format.
//!
//! Fakes come from reserved or fictional ranges (example domains, 555-01xx
//! phone numbers, test card numbers), chosen deterministically from a keyed
//! digest of the value so the same value gets the same fake within a
//! filter. Never derived reversibly from the value.

use crate::digest;

/// A fake value for `type_name`, or a redaction label when the type has no
/// generator.
pub(crate) fn synthesize(type_name: &str, value: &str, key: &[u8]) -> String {
    let d = digest::hmac_sha256(key, value.as_bytes());
    let n = u32::from_be_bytes([d[0], d[1], d[2], d[3]]);
    match type_name {
        "EMAIL" => format!("user{}@example.com", n % 10_000),
        "PHONE" => format!("+1 555 01{:02}", n % 100),
        "CREDIT_CARD" => {
            const TEST_CARDS: [&str; 4] = [
                "4111 1111 1111 1111",
                "5555 5555 5555 4444",
                "4012 8888 8888 1881",
                "3782 822463 10005",
            ];
            TEST_CARDS[(n % 4) as usize].to_string()
        }
        "US_SSN" => format!("987-65-{:04}", 4320 + n % 10),
        "IP_ADDRESS" => format!("192.0.2.{}", 1 + n % 254),
        "IBAN" => "GB82 WEST 1234 5698 7654 32".to_string(),
        _ => format!("[{}]", type_name),
    }
}
