//! Built-in PII rules. Data only; see `rules` for the conventions.

use super::{RuleDef, Validator};
use crate::report::Kind;

pub(crate) static RULES: &[RuleDef] = &[
    RuleDef {
        id: "email",
        type_name: "EMAIL",
        keywords: &["@"],
        pattern: r"\b[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}\b",
        score: 0.95,
        hits: &[
            "Mail me at ana.lopez@example.com ok",
            "x+tag@sub.example.co.uk",
        ],
        misses: &["user@localhost", "@handle on twitter", "a@b"],
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "phone",
        type_name: "PHONE",
        pattern: r"(?:\+[1-9]\d{0,2}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4}){1,4}\b|\+[1-9]\d{7,14}\b",
        validator: Validator::Phone,
        score: 0.4,
        context: &[
            "phone", "call", "tel", "mobile", "cell", "number", "contact",
            "whatsapp", "text", "fax",
        ],
        hits: &["call me at +1 415 555 0132", "my phone: (415) 555-0132"],
        misses: &["version 1.2.3", "on 2024-01-15", "order 12 34"],
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "credit-card",
        type_name: "CREDIT_CARD",
        pattern: r"\b(?:\d[ -]?){12,18}\d\b",
        validator: Validator::Luhn,
        score: 0.9,
        context: &["card", "credit", "visa", "mastercard", "amex", "payment"],
        hits: &["card 4111 1111 1111 1111 exp 12/29", "4012888888881881"],
        misses: &["4111 1111 1111 1112", "1234567890123"],
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "us-ssn",
        type_name: "US_SSN",
        pattern: r"\b\d{3}[- ]\d{2}[- ]\d{4}\b|\b\d{9}\b",
        validator: Validator::UsSsn,
        score: 0.45,
        context: &["ssn", "social", "security"],
        hits: &["my ssn is 536-22-1234", "SSN: 536221234"],
        misses: &[
            "000-12-3456",
            "666-12-3456",
            "call 536-22-1234x",
            "id 123456789",
        ],
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "iban",
        type_name: "IBAN",
        pattern: r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b",
        validator: Validator::Iban,
        score: 0.95,
        hits: &[
            "IBAN DE89 3704 0044 0532 0130 00 please",
            "GB82WEST12345698765432",
        ],
        misses: &["DE89 3704 0044 0532 0130 01", "GB00WEST12345698765432"],
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "ipv4",
        type_name: "IP_ADDRESS",
        keywords: &["."],
        pattern: r"\b(?:\d{1,3}\.){3}\d{1,3}\b",
        validator: Validator::Ipv4,
        score: 0.85,
        hits: &["server at 192.168.10.24 is down", "8.8.8.8"],
        misses: &["version 1.2.3.400", "999.1.1.1"],
        ..RuleDef::DEFAULT
    },
    RuleDef {
        id: "ipv6",
        type_name: "IP_ADDRESS",
        keywords: &[":"],
        pattern: r"(?i-u)\b(?:[0-9a-f]{1,4}:){2,7}(?::|[0-9a-f]{1,4})(?::[0-9a-f]{1,4}){0,6}\b|::(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4}\b",
        validator: Validator::Ipv6,
        score: 0.85,
        hits: &[
            "host 2001:db8:85a3::8a2e:370:7334 up",
            "fe80::1ff:fe23:4567:890a",
        ],
        misses: &["time 12:30:45", "a:b:c"],
        ..RuleDef::DEFAULT
    },
];

// Kind::Pii is the default in RuleDef::DEFAULT; keep the import honest.
const _: Kind = Kind::Pii;

/// PII types reported by detectors that are not regex rules (dictionaries,
/// grammars). Listed so policies can name them.
pub(crate) static EXTRA_TYPES: &[&str] =
    &["PERSON", "ADDRESS", "LOCATION", "DATE_OF_BIRTH"];
