//! Built-in PII rules. Data only; see `rules` for the conventions.
//!
//! Scores follow one scale so overlapping rules resolve sensibly:
//! - 0.85-0.95: a checksum over a distinctive shape (IBAN, HETU, NRIC);
//! - 0.6-0.8: a checksum over a plain digit run, or a distinctive shape
//!   without one (US MBI, UK postcode);
//! - 0.5-0.55: a validated shape that other numbers share;
//! - below 0.5: only reported when a context word is near (the default
//!   threshold is 0.5 and a context word adds 0.35).
//!
//! Rules scored below 0.5 are context-only: their keywords are their
//! context words, so they do not even run (whatever `minScore` says) unless
//! one is in the text. A bare 9-digit number is never a passport.
//!
//! Anti-context words ("order", "invoice", "version", ...) near a match
//! subtract 0.45, so an order number that happens to pass a checksum stays
//! below the threshold.
//!
//! Example values in `hits` were computed for this file from each format's
//! checksum definition; none is a real person's number.

use super::def::RuleDef;
use super::packed;
use crate::validate::Validator;
use std::sync::OnceLock;

/// Example texts are test data: the wasm build leaves them out (they are
/// checked by the native test suite). `rule_examples` is set by build.rs
/// for every target but wasm32, for the secret rules' examples too.
macro_rules! ex {
    ($($s:expr),* $(,)?) => {
        if cfg!(rule_examples) { &[$($s),*] } else { &[] }
    };
}
use crate::report::Kind;

/// An optional phone extension after the number: "x816", "ext. 12",
/// ", #3". Validators leave it out of the number they check.
macro_rules! phone_extension {
    () => {
        r"(?:,? ?(?:[xX]|[eE]xt\.?|#) ?\d{1,6})?"
    };
}

/// Words that say a nearby number is not personal data.
const NOT_PII: &[&str] = &[
    "order",
    "orders",
    "invoice",
    "tracking",
    "version",
    "build",
    "ref",
    "reference",
    "hash",
    "commit",
    "sku",
    "isbn",
    "ticket",
    "issue",
    "release",
    "checksum",
    "sha",
    "md5",
    "uuid",
    "transaction",
    "txn",
    "receipt",
    "confirmation",
    "shipment",
    "parcel",
    "model",
    "part",
];

/// Words that say a nearby number is a phone number. The first ones are
/// weak ("account number", "contact id", "cell B2", "reach 10000000
/// users", "a handy table"): they only raise rules that found a phone
/// shape.
const PHONE_CONTEXT: &[&str] = &[
    "number",
    "contact",
    "numero",
    "numer",
    "text",
    "cell",
    "ring",
    "reach",
    "mob",
    "handy",
    "portable",
    "phone",
    "call",
    "called",
    "calling",
    "tel",
    "telephone",
    "mobile",
    "cellphone",
    "whatsapp",
    "text me",
    "texting",
    "fax",
    "sms",
    "dial",
    "direct line",
    "hotline",
    "helpline",
    "landline",
    "regards",
    "cep",
    "telefon",
    "telefono",
    "telefone",
    "telefoon",
    "celular",
    "cellulare",
    "movil",
    "puhelin",
    "gsm",
];

/// `PHONE_CONTEXT` without its weak words: enough on their own to call a
/// bare digit run a phone number. A number on the line after a sign-off
/// ("Regards,\nAna Lopez\n...") is the signature's phone.
const PHONE_WORDS: &[&str] = PHONE_CONTEXT.split_at(11).1;

const CARD_CONTEXT: &[&str] = &[
    "card",
    "credit",
    "debit",
    "visa",
    "mastercard",
    "maestro",
    "amex",
    "payment",
];

/// Turkish words for a phone number ("cep" is short for cep telefonu,
/// the mobile; "numara" is number).
const TR_PHONE_CONTEXT: &[&str] =
    &["telefon", "telefonu", "cep", "numara", "numaram", "numarasi"];

const DATE_CONTEXT: &[&str] = &[
    "today",
    "date",
    "dated",
    "on",
    "due",
    "since",
    "until",
    "born",
    "birthday",
    "dob",
    "deadline",
    "expires",
    "expiry",
    "valid",
    "from",
    "by",
    "day",
    "when",
    "scheduled",
    "appointment",
];

const ID_CONTEXT: &[&str] =
    &["id", "identity", "identification", "number", "no"];

/// Every rule below that has no literal keyword needs a digit: texts
/// without one (most chat prose) skip those rules entirely.
const DIGITS: &[&str] = &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

const PII: RuleDef = RuleDef { kind: Kind::Pii, ..RuleDef::DEFAULT };

/// The table as written. Compile time only (`response::pre` reads it,
/// and the packing below): at run time, [`rules`] reads it packed, so
/// the wasm module holds no `RuleDef` of it (see `rules::packed`).
pub(crate) const RULES: &[RuleDef] = &[
    // ------------------------------------------------------------ generic
    RuleDef {
        id: "email",
        type_name: "EMAIL",
        keywords: &["@"],
        pattern: r"\b[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9][A-Za-z0-9-]{0,62}\.){1,8}(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59})\b",
        score: 0.95,
        hits: ex![
            "Mail me at ana.lopez@example.com ok",
            "x+tag@sub.example.co.uk",
            "idn: user@xn--bcher-kva.example",
        ],
        misses: ex![
            "user@localhost",
            "@handle on twitter",
            "a@b",
            "me@example."
        ],
        ..PII
    },
    RuleDef {
        id: "phone-intl",
        type_name: "PHONE",
        keywords: &["+"],
        // Country code, an optional "(0)" (the trunk prefix, not dialled
        // from abroad), groups with spaces, dots, dashes or parentheses,
        // and an optional extension.
        pattern: concat!(
            r"\+[1-9]\d{0,3}(?: ?\(0\))?(?:[ .-]?\(\d{1,4}\)|[ .-]?\d{1,6}){1,7}",
            phone_extension!(),
            r"\b"
        ),
        validator: Validator::Phone,
        score: 0.75,
        context: PHONE_CONTEXT,
        anti_context: NOT_PII,
        hits: ex![
            "call me at +1 415 555 0132",
            "Berlin office: +49 30 901820",
            "+44 (20) 7946 0958 is the desk",
            "whatsapp +5511984565666",
            "desk +44 (0)20 7946 0958",
            "+33 (0)1 42 68 53 00",
            "+31(0)20-1234567",
            "+1-415-555-0132x816",
            "+1 415 555 0132 ext. 12",
        ],
        misses: ex![
            "+999 123 456",
            "score +12",
            "+1 555 01",
            "+44 (0)20 7946 09",
            "+1-415-555-013x816",
        ],
        ..PII
    },
    RuleDef {
        // "00" is the international call prefix in most of the world
        // ("0049 30 901820", "001-415-555-0132").
        id: "phone-intl-00",
        type_name: "PHONE",
        keywords: &["00"],
        pattern: concat!(
            r"\b00[1-9]\d{0,3}(?: ?\(0\))?(?:[ .-]?\(\d{1,4}\)|[ .-]?\d{1,6}){1,7}",
            phone_extension!(),
            r"\b"
        ),
        validator: Validator::Phone,
        score: 0.6,
        context: PHONE_CONTEXT,
        anti_context: NOT_PII,
        hits: ex!["0049 30 901820", "fax 001-415-555-0132 x12"],
        misses: ex!["0099 123 456", "001-555-01", "order 0049 30 901820"],
        ..PII
    },
    RuleDef {
        id: "phone-nanp",
        type_name: "PHONE",
        keywords: DIGITS,
        pattern: concat!(
            r"(?:\b\d{1,3}[-. ])?(?:\(\d{3}\)[ .-]?|\b\d{3}[ .-])\d{3}[ .-]\d{4}",
            phone_extension!(),
            r"\b"
        ),
        validator: Validator::PhoneNanp,
        score: 0.6,
        context: PHONE_CONTEXT,
        anti_context: NOT_PII,
        hits: ex![
            "my phone: (415) 555-0132",
            "ring 212-555-0147 today",
            "212-555-0147x5669",
            "(415)555-0132 ext 7",
            "1 (415) 555-0132",
            "415.555.0132",
        ],
        misses: ex![
            "version 1.2.3",
            "on 2024-01-15",
            "call 44-212-555-0147",
            "order 212-555-0147",
            "(123) 456-7890",
            "(415) 055-0132",
        ],
        ..PII
    },
    RuleDef {
        // With its trunk prefix and in groups, a national number is
        // phone-shaped enough to report without a context word; bare
        // digit runs are left to `phone-context`.
        id: "phone-national",
        type_name: "PHONE",
        keywords: &["0"],
        pattern: concat!(
            r"(?:\(0\d{1,4}\)[ .-]?|\b0\d{1,4}[ .-])\(?\d{2,5}\)?(?:[ .-]?\d{2,5}){0,3}",
            phone_extension!(),
            r"\b"
        ),
        validator: Validator::PhoneTrunk,
        score: 0.5,
        context: PHONE_CONTEXT,
        anti_context: NOT_PII,
        hits: ex![
            "my number is 030 901820 77",
            "Tel. 020 7946 0958",
            "mobile: 0151-2345-6789",
            "030 901820 77",
            "(0131) 496 0654",
            "01632 960 549",
            "04 20 56 79 29",
            "(06730) 46952",
            "08-741 638 02",
            "(0283)-354561",
            "(07).7275.6696",
        ],
        misses: ex![
            "order number 030 901820 77",
            "01.02.2024",
            "isbn 0-306-40615-2",
            "0-306-40615-2",
            "0 12 34",
            "00 12 34 56 78",
            "01 02 2024",
            "ssn 078-05-1120",
        ],
        ..PII
    },
    RuleDef {
        // Brazil writes national numbers as area code and subscriber with
        // a dash in the subscriber: (11) 98456-5666, 62 3675-5047.
        id: "phone-br",
        type_name: "PHONE",
        keywords: &["-"],
        pattern: concat!(
            r"(?:\(\d{2}\) ?|\b\d{2} )\d{4,5}-\d{4}",
            phone_extension!(),
            r"\b"
        ),
        validator: Validator::PhoneBr,
        score: 0.5,
        context: PHONE_CONTEXT,
        anti_context: NOT_PII,
        hits: ex!["(11) 98412-5666", "ligue 62 3675-5047", "21 2736-4190"],
        misses: ex![
            "21 2019-2020",
            "20 3675-5047",
            "11 1234-5678",
            "order 62 3675-5047",
        ],
        ..PII
    },
    RuleDef {
        // Any phone-shaped run of 7 to 15 digits next to a word that says
        // it is a phone number: bare national numbers (0491085988),
        // numbers without a trunk prefix (725 906 209, 62 3675-5047) and
        // numbers outside the numbering plan the strict rules check.
        id: "phone-context",
        type_name: "PHONE",
        // Context-only (score < 0.5): runs only where a context
        // word occurs. Not "number" or "contact": "account number".
        keywords: PHONE_WORDS,
        pattern: concat!(
            r"(?:\(\d{1,5}\)[ .-]?|\b\d{1,4}[ .-]?\(\d{1,5}\)[ .-]?|\b)\d(?:[ .-]?\d){5,14}",
            phone_extension!(),
            r"\b"
        ),
        validator: Validator::Phone,
        // Below the country rules' bare forms (tr-landline-bare): a
        // number that fits a country's plan keeps that country's type.
        score: 0.4,
        context: PHONE_WORDS,
        anti_context: NOT_PII,
        hits: ex![
            "call her at 0491085988",
            "phone: 725 906 209",
            "Text me at 62 3675-5047",
            "tel. 1 (572) 125-2802",
            "call me back on 172-577-8087 x463",
            "Regards,\nAna Lopez\n3781.6177",
        ],
        misses: ex![
            "0491085988",
            "account number 0491085988",
            "call me on 12.05.2024",
            "call at 2024-01-15 10:30",
            "order 0491085988, call me",
            "phone version 1.2.3.4",
        ],
        ..PII
    },
    RuleDef {
        id: "phone-mobile-cn",
        type_name: "PHONE",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: PHONE_CONTEXT,
        pattern: r"\b1[3-9]\d{9}\b",
        validator: Validator::NotPlaceholder,
        score: 0.3,
        context: PHONE_CONTEXT,
        anti_context: NOT_PII,
        hits: ex!["my mobile number is 13912345608"],
        misses: ex!["13912345608", "order 13912345608"],
        ..PII
    },
    RuleDef {
        id: "ph-mobile",
        type_name: "PH_MOBILE_NUMBER",
        keywords: DIGITS,
        pattern: r"(?:\+63[ -]?|\b0[ -]?)\(?9\d{2}\)?[ -]?\d{3}[ -]?\d{4}\b",
        validator: Validator::Phone,
        score: 0.8,
        context: PHONE_CONTEXT,
        anti_context: NOT_PII,
        hits: ex!["text me on 0905 876 1234", "+63 998 765 4321"],
        misses: ex!["9058761234", "09058761234567"],
        ..PII
    },
    RuleDef {
        id: "tr-phone",
        type_name: "TR_PHONE_NUMBER",
        keywords: DIGITS,
        pattern: r"(?:\+90[ -]?|\b0[ -]?)(?:\([2-5]\d{2}\)[ .-]?|[2-5]\d{2}[ .-])\d{3}[ .-]?\d{2}[ .-]?\d{2}\b|\+90[2-5]\d{9}\b",
        validator: Validator::TrPhone,
        score: 0.8,
        context: PHONE_CONTEXT,
        anti_context: NOT_PII,
        hits: ex!["ara: 0 542 318 27 90", "+90 (216) 318 27 90"],
        misses: ex!["0 642 318 27 90", "0 306 999 04 64"],
        ..PII
    },
    // A bare digit run has no Turkish shape: only a Turkish word next to
    // it says the number is Turkish. Next to an English "phone" the
    // generic PHONE rules (phone-context) name it.
    RuleDef {
        id: "tr-phone-bare",
        type_name: "TR_PHONE_NUMBER",
        keywords: DIGITS,
        pattern: r"\b0[2-5]\d{9}\b",
        validator: Validator::TrPhone,
        score: 0.55,
        context: TR_PHONE_CONTEXT,
        anti_context: NOT_PII,
        hits: ex!["05423182790"],
        misses: ex!["06423182790", "order 05423182790", "03069990464"],
        ..PII
    },
    RuleDef {
        id: "tr-phone-grouped",
        type_name: "TR_PHONE_NUMBER",
        keywords: DIGITS,
        pattern: r"\b[2-5]\d{2}[ .-]\d{3}[ .-]\d{2}[ .-]\d{2}\b",
        validator: Validator::TrPhone,
        score: 0.7,
        context: PHONE_CONTEXT,
        anti_context: NOT_PII,
        hits: ex!["cep 542 318 27 90"],
        misses: ex!["742 318 27 90", "345 606 00 86"],
        ..PII
    },
    RuleDef {
        id: "tr-mobile-bare",
        type_name: "TR_PHONE_NUMBER",
        keywords: DIGITS,
        pattern: r"\b5[0-5]\d{8}\b",
        validator: Validator::TrPhone,
        score: 0.5,
        context: TR_PHONE_CONTEXT,
        anti_context: NOT_PII,
        hits: ex!["5423182790"],
        misses: ex!["5623182790", "order 5423182790", "5084128121"],
        ..PII
    },
    RuleDef {
        id: "tr-landline-bare",
        type_name: "TR_PHONE_NUMBER",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: TR_PHONE_CONTEXT,
        pattern: r"\b[2-4]\d{9}\b",
        validator: Validator::TrPhone,
        score: 0.45,
        context: TR_PHONE_CONTEXT,
        anti_context: NOT_PII,
        hits: ex!["telefon 2163182790"],
        misses: ex!["2163182790", "telefon 3772719125"],
        ..PII
    },
    RuleDef {
        id: "credit-card",
        type_name: "CREDIT_CARD",
        keywords: DIGITS,
        pattern: r"\b(?:\d[ .-]?){12,18}\d\b",
        validator: Validator::CreditCard,
        score: 0.9,
        context: CARD_CONTEXT,
        anti_context: NOT_PII,
        hits: ex![
            "card 4111 1111 1111 1111 exp 12/29",
            "4539148803436467",
            "4111-1111-1111-1111",
            "4111.1111.1111.1111",
            "amex 3782 822463 10005",
        ],
        misses: ex![
            "4111 1111 1111 1112",
            "1234567890123",
            "4111-1111 1111-1111",
            "order 4539148803436467",
        ],
        ..PII
    },
    RuleDef {
        // Twelve-digit cards are Maestro only (the validator checks the
        // issuer range); twelve digits are common enough elsewhere
        // (Aadhaar, account numbers) to want a card word nearby.
        id: "credit-card-12",
        type_name: "CREDIT_CARD",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: CARD_CONTEXT,
        pattern: r"\b\d{4}[ .-]?\d{4}[ .-]?\d{4}\b",
        validator: Validator::CreditCard,
        score: 0.45,
        context: CARD_CONTEXT,
        anti_context: NOT_PII,
        hits: ex!["card 6759 9458 0735", "maestro 501894580734"],
        misses: ex![
            "501894580734",
            "card 4111 1111 1111",
            "card 5018 9458 0735",
            "card 6759-9458 0735",
            "order 630494580735 card",
        ],
        ..PII
    },
    RuleDef {
        id: "us-ssn",
        type_name: "US_SSN",
        keywords: DIGITS,
        pattern: r"\b\d{3}-\d{2}-\d{4}\b|\b\d{3} \d{2} \d{4}\b|\b\d{3}\.\d{2}\.\d{4}\b",
        validator: Validator::UsSsn,
        score: 0.6,
        context: &["ssn", "social", "security", "ss#"],
        anti_context: NOT_PII,
        hits: ex!["my ssn is 536-22-1234", "536 22 1234"],
        misses: ex![
            "000-12-3456",
            "666-12-3456",
            "536-22.1234",
            "078-05-1120",
            "invoice 536-22-1234",
        ],
        ..PII
    },
    RuleDef {
        id: "us-ssn-loose",
        type_name: "US_SSN",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: &["ssn", "social", "security", "ss#"],
        pattern: r"\b\d{9}\b|\b\d{3}-\d{6}\b|\b\d{5}-\d{4}\b",
        validator: Validator::UsSsn,
        score: 0.3,
        context: &["ssn", "social", "security", "ss#"],
        anti_context: NOT_PII,
        hits: ex!["SSN: 536221234"],
        misses: ex!["id 536221234", "SSN: 123456789"],
        ..PII
    },
    RuleDef {
        id: "iban",
        type_name: "IBAN",
        keywords: DIGITS,
        pattern: r"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?\b",
        validator: Validator::Iban,
        score: 0.95,
        hits: ex![
            "IBAN DE89 3704 0044 0532 0130 00 please",
            "GB82WEST12345698765432",
            "NL91ABNA0417164300",
        ],
        misses: ex!["DE89 3704 0044 0532 0130 01", "GB00WEST12345698765432"],
        ..PII
    },
    RuleDef {
        // Whole groups only: "FR76 ... 0189 X" has a stray word after
        // the number that the rule above would swallow.
        id: "iban-groups",
        type_name: "IBAN",
        keywords: DIGITS,
        pattern: r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}\b",
        validator: Validator::Iban,
        score: 0.95,
        hits: ex![
            "IBAN NL91 ABNA 0417 1643 00 X ok",
            "IT60X0542811101000000123456 ALL"
        ],
        misses: ex!["NL91 ABNA 0417 1643 01 X"],
        ..PII
    },
    RuleDef {
        id: "ipv4",
        type_name: "IP_ADDRESS",
        // No keyword: anchored on its digits, so prose sentences (every
        // `.`) never run it.
        pattern: r"\b(?:\d{1,3}\.){3}\d{1,3}\b",
        validator: Validator::Ipv4,
        score: 0.85,
        anti_context: &["version", "release", "build"],
        hits: ex!["server at 192.168.10.24 is down", "8.8.8.8"],
        misses: ex!["version 1.2.3.400", "999.1.1.1", "version 10.2.0.1"],
        ..PII
    },
    RuleDef {
        id: "ipv6",
        type_name: "IP_ADDRESS",
        keywords: &[":"],
        // A whole token of hex digits and colons (plus an IPv4 tail, zone
        // and prefix length), validated whole; the validator also checks
        // the token is not glued to a word, `.` or `:` (`std::cout`).
        pattern: r"(?i)(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?:\.\d{1,3}){0,3}(?:%[0-9a-z]{1,16})?(?:/\d{1,3})?",
        validator: Validator::Ipv6,
        score: 0.85,
        hits: ex![
            "host 2001:db8:85a3::8a2e:370:7334 up",
            "fe80::1ff:fe23:4567:890a",
            "loopback ::1 ok",
        ],
        misses: ex!["time 12:30:45", "std::cout", "2001::db8::1", "fe80::1x"],
        ..PII
    },
    RuleDef {
        id: "mac-address",
        type_name: "MAC_ADDRESS",
        keywords: &[":", "-", "."],
        pattern: r"\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b|\b[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\b",
        validator: Validator::Mac,
        score: 0.8,
        // Two or four hex digits before the first separator.
        keyword_lead: Some(4),
        context: &["mac", "ethernet", "hardware", "wifi", "bssid", "nic"],
        hits: ex![
            "nic 3c:22:fb:10:9a:7e",
            "3C-22-FB-10-9A-7E",
            "3c22.fb10.9a7e"
        ],
        misses: ex![
            "ff:ff:ff:ff:ff:ff",
            "3c:22:fb-10-9a-7e",
            "3c:22:fb:10:9a"
        ],
        ..PII
    },
    RuleDef {
        id: "url",
        type_name: "URL",
        keywords: &["://"],
        // ASCII only: a Unicode class repeated 300 times would exceed the
        // compiled-size limit (and IRIs are rare in prompts).
        pattern: r"(?i)\b(?:https?|ftp)://[!#-&(-;=?-_a-~]{0,300}[#-&(*+\-/-9=?-Z_a-z~]",
        validator: Validator::Url,
        score: 0.6,
        hits: ex![
            "see https://example.org/a?b=1 now",
            "http://docs.example.io"
        ],
        misses: ex!["http://localhost-ish", "https://nodots"],
        ..PII
    },
    RuleDef {
        id: "url-bare-domain",
        type_name: "URL",
        keywords: &[
            ".com", ".org", ".net", ".edu", ".gov", ".io", ".co", ".uk",
            ".de", ".fr", ".es", ".it", ".nl", ".pl", ".se", ".fi", ".in",
            ".ca", ".au", ".sg", ".kr", ".br", ".za", ".il", ".jp", ".cn",
            ".ch", ".at", ".be", ".dk", ".no", ".eu", ".us", ".info", ".biz",
            ".app", ".dev", ".ai", ".me", ".tv", ".ly", ".site",
        ],
        pattern: r"(?i)\b(?:[a-z0-9][a-z0-9-]{0,40}\.){1,5}(?:com|org|net|edu|gov|io|co|uk|de|fr|es|it|nl|pl|se|fi|in|ca|au|sg|kr|br|za|il|jp|cn|ch|at|be|dk|no|eu|us|info|biz|app|dev|ai|me|tv|ly|site)\b(?:/[!#-&(-;=?-_a-~]{0,100}[#-&(*+\-/-9=?-Z_a-z~])?",
        validator: Validator::Url,
        score: 0.5,
        letters_in_match: true,
        hits: ex!["visit example.org today", "docs.example.co.uk/path"],
        misses: ex!["file.txt", "www.example", "config.json"],
        ..PII
    },
    RuleDef {
        id: "crypto-wallet",
        type_name: "CRYPTO_WALLET",
        keywords: DIGITS,
        pattern: r"\b(?:[13][a-km-zA-HJ-NP-Z1-9]{25,34}|bc1[ac-hj-np-z02-9]{8,87}|BC1[AC-HJ-NP-Z02-9]{8,87}|0x[0-9a-fA-F]{40})\b",
        validator: Validator::CryptoWallet,
        score: 0.9,
        context: &["wallet", "btc", "bitcoin", "eth", "ethereum", "crypto"],
        hits: ex![
            "send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        ],
        misses: ex![
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
        ],
        ..PII
    },
    // ------------------------------------------------------------ dates
    RuleDef {
        id: "date-iso",
        type_name: "DATE_TIME",
        keywords: DIGITS,
        pattern: r"\b(?:19|20)\d{2}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
        validator: Validator::Date,
        score: 0.6,
        context: DATE_CONTEXT,
        hits: ex!["due 2031-07-04", "at 2030-01-02T03:04:05.678+01:00 sharp"],
        misses: ex!["2031-13-04", "x2031-07-04"],
        ..PII
    },
    RuleDef {
        id: "date-numeric",
        type_name: "DATE_TIME",
        keywords: DIGITS,
        pattern: r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})\b",
        validator: Validator::Date,
        score: 0.55,
        context: DATE_CONTEXT,
        anti_context: &["version", "release", "v"],
        hits: ex!["on 7/4/2031 we", "14.3.2031"],
        misses: ex!["99/99/2031", "version 1.10.12"],
        ..PII
    },
    RuleDef {
        id: "date-short",
        type_name: "DATE_TIME",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: DATE_CONTEXT,
        pattern: r"\b\d{1,2}/(?:\d{4}|\d{1,2})\b",
        validator: Validator::Date,
        score: 0.4,
        context: DATE_CONTEXT,
        hits: ex!["due 7/31"],
        misses: ex!["7/31", "due 13/2031"],
        ..PII
    },
    RuleDef {
        id: "date-month-name",
        type_name: "DATE_TIME",
        keywords: &[
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec",
        ],
        pattern: r"(?i)\b(?:\d{1,2}(?:st|nd|rd|th)?[- ](?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:[- ,]{1,2}\d{4}|-\d{2})?|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:[- ]\d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?|[- ,]{1,2}\d{4}|-\d{2}))\b",
        validator: Validator::Date,
        score: 0.55,
        context: DATE_CONTEXT,
        hits: ex!["on 4 July 2031", "Mar-31", "December 24th, 2031"],
        misses: ex!["Mar-99x", "the march"],
        ..PII
    },
    RuleDef {
        id: "date-month-name-intl",
        type_name: "DATE_TIME",
        // Month names in Spanish, French, German, Italian, Portuguese and
        // Dutch (those English lacks), with a day before ("15 de marzo",
        // "1er août", "3. März") and/or a year after ("juin 2024",
        // "marzo de 2024"); the validator wants a digit. Keyed on the
        // month names, which every match holds: on digits, the rule (no
        // program: its pattern is not ASCII) ran the regex near every
        // digit of a text. Accented letters as alternations (`(?:é|e)`),
        // not classes: the engine's exact program reads a non-ASCII char
        // but not a class holding one (same matches).
        keywords: &[
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "setiembre",
            "octubre",
            "noviembre",
            "diciembre",
            "janvier",
            "fevrier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "aout",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "decembre",
            "décembre",
            "janner",
            "jänner",
            "januar",
            "februar",
            "marz",
            "märz",
            "juni",
            "juli",
            "august",
            "oktober",
            "dezember",
            "gennaio",
            "febbraio",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "settembre",
            "ottobre",
            "dicembre",
            "janeiro",
            "fevereiro",
            "marco",
            "março",
            "maio",
            "junho",
            "julho",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
            "januari",
            "februari",
            "maart",
            "mei",
            "augustus",
        ],
        pattern: r"(?i)\b(?:(?:0?[1-9]|[12]\d|3[01])(?:er|º|°|\.)? (?:de )?)?(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|diciembre|janvier|f(?:é|e)vrier|mars|avril|mai|juin|juillet|ao(?:û|u)t|septembre|octobre|novembre|d(?:é|e)cembre|j(?:ä|a)nner|januar|februar|m(?:ä|a)rz|juni|juli|august|oktober|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|mar(?:ç|c)o|maio|junho|julho|setembro|outubro|novembro|dezembro|januari|februari|maart|mei|augustus)(?:(?: de |,? )(?:19|20)\d{2})?\b",
        validator: Validator::Date,
        score: 0.55,
        // Every month alternative is a keyword; a day of at most 8 bytes
        // ("31er de ") stands before it.
        letters_in_match: true,
        keyword_lead: Some(8),
        context: DATE_CONTEXT,
        hits: ex![
            "el 15 de marzo de 2024",
            "le 1er août 2023",
            "am 3. März",
            "il 25 dicembre 2022",
            "em 7 de setembro",
            "op 12 maart 2021",
            "im Oktober 2020",
        ],
        misses: ex!["marzo", "42 mayo", "marzo 2024x"],
        ..PII
    },
    RuleDef {
        id: "time-clock",
        type_name: "DATE_TIME",
        // A clock time with its own evidence: am/pm.
        // A bare "3:16" may be a verse or a ratio.
        keywords: DIGITS,
        pattern: r"(?i)\b(?:1[0-2]|0?[1-9])(?::[0-5]\d(?::[0-5]\d)? ?[ap]\.?m\b\.?| ?(?:p\.?m\b\.?|a\.m\.))",
        score: 0.55,
        context: DATE_CONTEXT,
        hits: ex!["at 10:30 am", "by 5pm", "3 p.m. sharp", "11:45:10 PM"],
        misses: ex![
            "John 3:16",
            "I am 5 am",
            "25:30 pm",
            "13pm",
            "um 14:30 Uhr"
        ],
        ..PII
    },
    // ------------------------------------------------------------ US
    RuleDef {
        id: "aba-routing",
        type_name: "ABA_ROUTING_NUMBER",
        keywords: DIGITS,
        pattern: r"\b\d{4}-\d{4}-\d\b|\b\d{9}\b",
        validator: Validator::AbaRouting,
        score: 0.55,
        context: &["routing", "aba", "bank", "rtn", "transit"],
        anti_context: NOT_PII,
        hits: ex!["routing 026009593", "1110-0002-5"],
        misses: ex!["026009594", "421000002"],
        ..PII
    },
    RuleDef {
        id: "us-itin",
        type_name: "US_ITIN",
        keywords: DIGITS,
        pattern: r"\b9\d{2}[- ]?\d{2}[- ]?\d{4}\b|\b9\d{2}-\d{6}\b|\b9\d{4}-\d{4}\b",
        validator: Validator::UsItin,
        score: 0.55,
        context: &["itin", "taxpayer", "tax"],
        anti_context: NOT_PII,
        hits: ex!["ITIN 912-73-4567", "984 91 2345"],
        misses: ex!["912-43-4567", "912-73.4567"],
        ..PII
    },
    RuleDef {
        id: "us-npi",
        type_name: "US_NPI",
        keywords: DIGITS,
        pattern: r"\b[12]\d{3}[- ]?\d{3}[- ]?\d{3}\b",
        validator: Validator::UsNpi,
        score: 0.6,
        context: &["npi", "provider"],
        anti_context: NOT_PII,
        hits: ex!["NPI 1382947509", "1960-428-377"],
        misses: ex!["1382947508", "3382947509"],
        ..PII
    },
    RuleDef {
        id: "us-mbi",
        type_name: "US_MBI",
        keywords: DIGITS,
        pattern: r"(?i)\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b",
        score: 0.75,
        context: &["mbi", "medicare", "beneficiary"],
        hits: ex!["Medicare 5KT9-WN3-RP62", "5KT9WN3RP62"],
        misses: ex!["5KT9-WN3-RO62", "AKT9-WN3-RP62"],
        ..PII
    },
    RuleDef {
        id: "us-passport",
        type_name: "US_PASSPORT",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: &["passport", "travel", "document"],
        pattern: r"(?i)\b[A-Z]\d{8}\b|\b\d{9}\b",
        validator: Validator::NotPlaceholder,
        score: 0.3,
        context: &["passport", "travel", "document"],
        anti_context: NOT_PII,
        hits: ex!["passport no. Z48201937"],
        misses: ex!["Z48201937"],
        ..PII
    },
    RuleDef {
        id: "us-driver-license",
        type_name: "US_DRIVER_LICENSE",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: &["driver", "drivers", "license", "licence", "dl", "dmv"],
        pattern: r"(?i)\b[A-Z]\d{7,12}\b|\b\d{9,13}\b",
        validator: Validator::NotPlaceholder,
        score: 0.2,
        context: &["driver", "drivers", "license", "licence", "dl", "dmv"],
        anti_context: NOT_PII,
        hits: ex!["driver license D4820193"],
        misses: ex!["D4820193"],
        ..PII
    },
    RuleDef {
        id: "us-bank-number",
        type_name: "US_BANK_NUMBER",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: &["account", "acct", "bank", "checking", "savings"],
        pattern: r"\b\d{8,17}\b",
        validator: Validator::NotPlaceholder,
        score: 0.2,
        context: &["account", "acct", "bank", "checking", "savings"],
        anti_context: NOT_PII,
        hits: ex!["bank account 84820193746121"],
        misses: ex!["4820193746"],
        ..PII
    },
    RuleDef {
        id: "medical-license",
        type_name: "MEDICAL_LICENSE",
        keywords: DIGITS,
        pattern: r"(?i)\b[A-HJ-NP-UX][A-Z9]\d{7}\b",
        validator: Validator::Dea,
        score: 0.7,
        context: &["dea", "license", "licence", "medical", "certificate"],
        anti_context: NOT_PII,
        hits: ex!["DEA AB3141594", "FM2718281"],
        misses: ex!["AB3141595"],
        ..PII
    },
    // ------------------------------------------------------------ UK
    RuleDef {
        id: "uk-nhs",
        type_name: "UK_NHS",
        keywords: DIGITS,
        pattern: r"\b\d{3}[- ]?\d{3}[- ]?\d{4}\b",
        validator: Validator::UkNhs,
        score: 0.65,
        context: &["nhs", "health"],
        anti_context: NOT_PII,
        hits: ex!["NHS 485 777 3457", "7319264056"],
        misses: ex!["485 777 3458", "485-777 3457"],
        ..PII
    },
    RuleDef {
        id: "uk-nino",
        type_name: "UK_NINO",
        keywords: DIGITS,
        pattern: r"(?i)\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b",
        validator: Validator::UkNino,
        score: 0.75,
        context: &["nino", "insurance", "ni"],
        hits: ex!["NI number JK 48 20 19 C", "jk482019c"],
        misses: ex!["QQ 48 20 19 C", "GB482019A", "JK 48 20 19 E"],
        ..PII
    },
    RuleDef {
        id: "uk-passport",
        type_name: "UK_PASSPORT",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: &["passport"],
        pattern: r"(?i)\b[A-Z]{2}\d{7}\b",
        score: 0.35,
        context: &["passport"],
        anti_context: NOT_PII,
        hits: ex!["my passport is PT4820193"],
        misses: ex!["PT4820193"],
        ..PII
    },
    RuleDef {
        id: "uk-postcode",
        type_name: "UK_POSTCODE",
        keywords: DIGITS,
        pattern: r"\b(?:GIR ?0AA|[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d(?:\d|[ABEHMNPRV-Y])?|\d[A-HJKPS-UW]) ?\d[ABD-HJLNP-UW-Z]{2})\b",
        score: 0.6,
        context: &["postcode", "address", "post", "london"],
        hits: ex!["ship to SW1A 2AA please", "B33 8TH"],
        misses: ex!["QA1 1AB", "B33 8TC", "XB33 8TH"],
        ..PII
    },
    RuleDef {
        id: "uk-vehicle-current",
        type_name: "UK_VEHICLE_REGISTRATION",
        keywords: DIGITS,
        pattern: r"(?i)\b[A-Z]{2}\d{2}[ -]?[A-Z]{3}\b",
        validator: Validator::UkPlate,
        score: 0.55,
        context: &["reg", "registration", "plate", "car", "vehicle"],
        hits: ex!["car reg KM19 XPT", "km19xpt"],
        misses: ex!["KM00 XPT", "KM19 XPQ", "QM19 XPT"],
        ..PII
    },
    RuleDef {
        id: "uk-vehicle-older",
        type_name: "UK_VEHICLE_REGISTRATION",
        keywords: DIGITS,
        pattern: r"\b[A-Z]\d{1,3} ?[A-Z]{3}\b|\b[A-Z]{3} ?\d{1,3}[A-Z]\b",
        validator: Validator::UkPlate,
        score: 0.5,
        context: &["reg", "registration", "plate", "car", "vehicle"],
        hits: ex!["R482 KTP", "KTP 482R"],
        misses: ex!["I482 KTP", "KTP 482Z"],
        ..PII
    },
    RuleDef {
        id: "uk-driving-licence",
        type_name: "UK_DRIVING_LICENCE",
        keywords: DIGITS,
        pattern: r"(?i)\b[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}\b",
        validator: Validator::UkDriving,
        score: 0.8,
        context: &["licence", "license", "driving", "dvla"],
        hits: ex!["licence HOLME703127AB9XY", "PATEL661239JK8PQ"],
        misses: ex!["HOLME713127AB9XY", "HOLME701327AB9XY"],
        ..PII
    },
    // ------------------------------------------------------------ DE
    RuleDef {
        id: "de-tax-id",
        type_name: "DE_TAX_ID",
        keywords: DIGITS,
        pattern: r"\b\d{2} ?\d{3} ?\d{3} ?\d{3}\b",
        validator: Validator::DeTaxId,
        score: 0.6,
        context: &[
            "steuer",
            "steuerid",
            "idnr",
            "steueridentifikationsnummer",
            "tin",
            "tax",
        ],
        anti_context: NOT_PII,
        hits: ex!["Steuer-ID 47336182956", "86 512 793 063"],
        misses: ex!["47336182957", "11111111111"],
        ..PII
    },
    RuleDef {
        id: "de-health-insurance",
        type_name: "DE_HEALTH_INSURANCE",
        keywords: DIGITS,
        pattern: r"(?i)\b[A-Z]\d{9}\b",
        validator: Validator::DeKvnr,
        score: 0.75,
        context: &[
            "kvnr",
            "krankenkasse",
            "versicherungsnummer",
            "egk",
            "krankenversichertennummer",
        ],
        hits: ex!["KVNR T471103923", "r205581374"],
        misses: ex!["T471103924", "T47110392"],
        ..PII
    },
    RuleDef {
        id: "de-lanr",
        type_name: "DE_LANR",
        keywords: DIGITS,
        pattern: r"\b\d{9}\b",
        validator: Validator::DeLanr,
        score: 0.55,
        context: &["lanr", "arztnummer", "arzt"],
        anti_context: NOT_PII,
        hits: ex!["LANR 314159323", "271828351"],
        misses: ex!["314159423"],
        ..PII
    },
    RuleDef {
        id: "de-passport",
        type_name: "DE_PASSPORT",
        keywords: DIGITS,
        pattern: r"(?i)\b[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{7}\d\b",
        validator: Validator::Icao,
        score: 0.65,
        context: &["reisepass", "pass", "passport", "ausweis"],
        anti_context: NOT_PII,
        hits: ex!["Reisepass CF7R2K4L2", "t22093111"],
        misses: ex!["CF7R2K4L3", "AF7R2K4L2"],
        ..PII
    },
    RuleDef {
        id: "de-social-security",
        type_name: "DE_SOCIAL_SECURITY",
        keywords: DIGITS,
        pattern: r"(?i)\b\d{8}[A-Z]\d{3}\b",
        validator: Validator::DeRvnr,
        score: 0.8,
        context: &[
            "rvnr",
            "rentenversicherung",
            "sozialversicherung",
            "versicherungsnummer",
        ],
        hits: ex!["RVNR 65241187M045", "12030591K510"],
        misses: ex!["65241187M046", "65241387M045"],
        ..PII
    },
    // ------------------------------------------------------------ FR
    RuleDef {
        id: "fr-nir",
        type_name: "FR_NIR",
        keywords: DIGITS,
        pattern: r"(?i)\b[12] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}\b",
        validator: Validator::FrNir,
        score: 0.8,
        context: &["nir", "securite", "sociale", "insee", "vitale"],
        hits: ex!["NIR 2 84 07 62 105 031 62", "193057511308957"],
        misses: ex!["284076210503163", "384076210503162"],
        ..PII
    },
    // ------------------------------------------------------------ ES
    RuleDef {
        id: "es-nif",
        type_name: "ES_NIF",
        keywords: DIGITS,
        pattern: r"(?i)\b\d{7,8}-?[A-Z]\b",
        validator: Validator::EsNif,
        score: 0.75,
        context: &["nif", "dni"],
        hits: ex!["DNI 47230519L", "30918276-c"],
        misses: ex!["47230519A", "4723051L"],
        ..PII
    },
    RuleDef {
        id: "es-nie",
        type_name: "ES_NIE",
        keywords: DIGITS,
        pattern: r"(?i)\b[XYZ]-?\d{7}-?[A-Z]\b",
        validator: Validator::EsNif,
        score: 0.8,
        context: &["nie", "extranjero"],
        hits: ex!["NIE X4821937X", "y2930471-d"],
        misses: ex!["X4821937A", "W4821937X"],
        ..PII
    },
    RuleDef {
        id: "es-passport",
        type_name: "ES_PASSPORT",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: &["pasaporte", "passport"],
        pattern: r"(?i)\b[A-Z]{3}\d{6}\b",
        score: 0.35,
        context: &["pasaporte", "passport"],
        anti_context: NOT_PII,
        hits: ex!["mi pasaporte es PAK482019"],
        misses: ex!["PAK482019"],
        ..PII
    },
    // ------------------------------------------------------------ IT
    RuleDef {
        id: "it-fiscal-code",
        type_name: "IT_FISCAL_CODE",
        keywords: DIGITS,
        pattern: r"(?i)\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPR-T][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b",
        validator: Validator::ItFiscalCode,
        score: 0.85,
        context: &["codice", "fiscale", "cf"],
        hits: ex!["CF VRDLCU81E52F205C", "bncgpp66t10h501v"],
        misses: ex!["VRDLCU81E52F205D"],
        ..PII
    },
    RuleDef {
        id: "it-vat-code",
        type_name: "IT_VAT_CODE",
        keywords: DIGITS,
        pattern: r"\b\d{11}\b",
        validator: Validator::ItVat,
        score: 0.55,
        context: &["iva", "vat", "partita"],
        anti_context: NOT_PII,
        hits: ex!["P.IVA 07643520153"],
        misses: ex!["07643520154", "00000000000"],
        ..PII
    },
    RuleDef {
        id: "it-driver-license",
        type_name: "IT_DRIVER_LICENSE",
        keywords: DIGITS,
        // The U1 series: seven characters of the alphabet without A, I,
        // O, Q and V (presidio's ItDriverLicenseRecognizer), then a letter.
        pattern: r"(?i)\b(?:[A-Z]{2}\d{7}[A-Z]|U1[B-HJ-NPR-UW-Z0-9]{7}[A-Z])\b",
        score: 0.5,
        context: &["patente", "license", "licence", "guida"],
        anti_context: NOT_PII,
        hits: ex!["patente MI4820193K", "patente U1K711J11M"],
        misses: ex!["MI482019K", "patente U1H00A000B"],
        ..PII
    },
    RuleDef {
        id: "it-identity-card",
        type_name: "IT_IDENTITY_CARD",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: &["carta", "identita", "identity", "card", "cie"],
        pattern: r"(?i)\b[A-Z]{2} ?\d{7}\b|\b\d{7}[A-Z]{2}\b|\b[A-Z]{2}\d{5}[A-Z]{2}\b",
        score: 0.3,
        context: &["carta", "identita", "identity", "card", "cie"],
        anti_context: NOT_PII,
        hits: ex!["carta d'identita CA48201KZ"],
        misses: ex!["CA48201KZ"],
        ..PII
    },
    RuleDef {
        id: "it-passport",
        type_name: "IT_PASSPORT",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: &["passaporto", "passport"],
        pattern: r"(?i)\b[A-Z]{2}\d{7}\b",
        score: 0.3,
        context: &["passaporto", "passport"],
        anti_context: NOT_PII,
        hits: ex!["passaporto YA4820193"],
        misses: ex!["YA4820193"],
        ..PII
    },
    // ------------------------------------------------------------ NL, PL
    RuleDef {
        id: "nl-bsn",
        type_name: "NL_BSN",
        keywords: DIGITS,
        pattern: r"\b\d{9}\b|\b\d{4}\.\d{2}\.\d{3}\b|\b\d{3} \d{3} \d{3}\b",
        validator: Validator::NlBsn,
        score: 0.5,
        context: &["bsn", "burgerservicenummer", "sofinummer"],
        anti_context: NOT_PII,
        hits: ex!["BSN 596366693", "9185.13.698"],
        misses: ex!["596366694"],
        ..PII
    },
    RuleDef {
        id: "pl-pesel",
        type_name: "PL_PESEL",
        keywords: DIGITS,
        pattern: r"\b\d{11}\b",
        validator: Validator::PlPesel,
        score: 0.65,
        context: &["pesel"],
        anti_context: NOT_PII,
        hits: ex!["PESEL 87031402959", "03221918460"],
        misses: ex!["87031402958", "87133402959"],
        ..PII
    },
    RuleDef {
        id: "pl-nip",
        type_name: "PL_NIP",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: &["nip", "vat", "podatkowy"],
        pattern: r"\b\d{3}-?\d{3}-?\d{2}-?\d{2}\b|\b\d{3}-\d{2}-\d{2}-\d{3}\b",
        validator: Validator::PlNip,
        score: 0.45,
        context: &["nip", "vat", "podatkowy"],
        anti_context: NOT_PII,
        hits: ex!["NIP 526-025-09-95"],
        misses: ex!["NIP 526-025-09-96"],
        ..PII
    },
    // ------------------------------------------------------------ SE, FI
    RuleDef {
        id: "se-personnummer",
        type_name: "SE_PERSONNUMMER",
        keywords: DIGITS,
        pattern: r"(?:\b|[A-Za-z])((?:18|19|20)?\d{6}[-+]?\d{4})\b",
        group: 1,
        validator: Validator::SePnr,
        score: 0.7,
        context: &["personnummer", "pnr", "personal"],
        anti_context: NOT_PII,
        hits: ex!["pnr 850612-4737", "198506124737"],
        misses: ex!["850612-4738", "851312-4737"],
        ..PII
    },
    RuleDef {
        id: "se-organisationsnummer",
        type_name: "SE_ORGANISATIONSNUMMER",
        keywords: DIGITS,
        pattern: r"\b\d{6}-?\d{4}\b",
        validator: Validator::SeOrg,
        score: 0.65,
        context: &["organisationsnummer", "orgnr", "orgnummer", "company"],
        anti_context: NOT_PII,
        hits: ex!["orgnr 559214-0387"],
        misses: ex!["559214-0388", "551214-0387"],
        ..PII
    },
    RuleDef {
        id: "fi-hetu",
        type_name: "FI_PERSONAL_IDENTITY_CODE",
        keywords: DIGITS,
        pattern: r"(?i)(?:\b|[A-Z])(\d{6}[-+A-FU-Y]\d{3}[0-9A-Y])\b",
        group: 1,
        validator: Validator::FiHetu,
        score: 0.85,
        context: &["hetu", "henkilotunnus", "identity"],
        hits: ex!["hetu 170385-2745", "290204A906K"],
        misses: ex!["170385-2746", "170385/2745", "321385-2745"],
        ..PII
    },
    // ------------------------------------------------------------ Asia
    RuleDef {
        id: "in-aadhaar",
        type_name: "IN_AADHAAR",
        keywords: DIGITS,
        pattern: r"\b[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}\b",
        validator: Validator::Verhoeff,
        score: 0.7,
        context: &["aadhaar", "aadhar", "uid", "uidai"],
        anti_context: NOT_PII,
        hits: ex!["aadhaar 4918 3027 5616", "726109483520"],
        misses: ex!["4918 3027 5617", "1918 3027 5616"],
        ..PII
    },
    RuleDef {
        id: "in-pan",
        type_name: "IN_PAN",
        keywords: DIGITS,
        pattern: r"\b[A-Z]{3}[PCHABGJLFT][A-Z]\d{4}[A-Z]\b",
        score: 0.65,
        context: &["pan", "income", "tax"],
        hits: ex!["PAN BNZPM2501F"],
        misses: ex!["BNZQM2501F", "BNZPM250F"],
        ..PII
    },
    RuleDef {
        id: "in-gstin",
        type_name: "IN_GSTIN",
        keywords: DIGITS,
        pattern: r"\b\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]\b",
        validator: Validator::InGstin,
        score: 0.85,
        context: &["gstin", "gst"],
        hits: ex!["GSTIN 29AAGCB7383J1Z4"],
        misses: ex!["29AAGCB7383J1Z5", "39AAGCB7383J1Z4"],
        ..PII
    },
    RuleDef {
        id: "in-passport",
        type_name: "IN_PASSPORT",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: &["passport"],
        pattern: r"(?i)\b[A-PR-WY][1-9]\d ?\d{4}[1-9]\b",
        score: 0.3,
        context: &["passport"],
        hits: ex!["passport number K4820193"],
        misses: ex!["K4820193"],
        ..PII
    },
    RuleDef {
        id: "in-voter",
        type_name: "IN_VOTER",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: &["voter", "epic", "election"],
        pattern: r"\b[A-Z]{3}\d{7}\b",
        score: 0.3,
        context: &["voter", "epic", "election"],
        hits: ex!["voter id KLM4820193"],
        misses: ex!["KLM4820193"],
        ..PII
    },
    RuleDef {
        id: "sg-nric",
        type_name: "SG_NRIC_FIN",
        keywords: DIGITS,
        pattern: r"(?i)\b[STFGM]\d{7}[A-Z]\b",
        validator: Validator::SgNric,
        score: 0.85,
        context: &["nric", "fin", "ic"],
        hits: ex!["NRIC S8312047I", "f4189206n"],
        misses: ex!["S8312047J", "A8312047I"],
        ..PII
    },
    RuleDef {
        id: "sg-uen",
        type_name: "SG_UEN",
        keywords: DIGITS,
        pattern: r"(?i)\b(?:\d{8,9}[A-Z]|[RST]\d{2}[A-Z]{2}\d{4}[A-Z])\b",
        validator: Validator::SgUen,
        score: 0.75,
        context: &["uen", "acra", "company"],
        hits: ex!["UEN 48172053K", "201938471Z"],
        misses: ex!["48172053M", "201938471A"],
        ..PII
    },
    RuleDef {
        id: "kr-rrn",
        type_name: "KR_RRN",
        keywords: DIGITS,
        pattern: r"\b\d{6}-?[1-4]\d{6}\b",
        validator: Validator::KrRrn,
        score: 0.6,
        context: &["rrn", "resident", "registration", "jumin"],
        anti_context: NOT_PII,
        hits: ex!["RRN 850612-2948301"],
        misses: ex!["851312-2948301", "850612-5948301"],
        ..PII
    },
    RuleDef {
        id: "kr-frn",
        type_name: "KR_FRN",
        keywords: DIGITS,
        pattern: r"\b\d{6}-?[5-8]\d{6}\b",
        validator: Validator::KrFrn,
        score: 0.6,
        context: &["frn", "foreigner", "registration", "alien"],
        anti_context: NOT_PII,
        hits: ex!["FRN 850612-6948301"],
        misses: ex!["850612-1948301", "850632-6948301"],
        ..PII
    },
    RuleDef {
        id: "kr-brn",
        type_name: "KR_BRN",
        keywords: DIGITS,
        pattern: r"\b\d{3}-?\d{2}-?\d{5}\b",
        validator: Validator::KrBrn,
        score: 0.6,
        context: &["brn", "business", "registration"],
        anti_context: NOT_PII,
        hits: ex!["BRN 220-81-63476"],
        misses: ex!["220-81-63477"],
        ..PII
    },
    RuleDef {
        id: "kr-driver-license",
        type_name: "KR_DRIVER_LICENSE",
        keywords: DIGITS,
        pattern: r"\b\d{2}[- ]?\d{2}[- ]?\d{6}[- ]?\d{2}\b",
        validator: Validator::KrDriver,
        score: 0.55,
        context: &["license", "licence", "driver"],
        anti_context: NOT_PII,
        hits: ex!["license 21-19-482019-37"],
        misses: ex!["31-19-482019-37", "21-19 482019-37"],
        ..PII
    },
    RuleDef {
        id: "kr-passport",
        type_name: "KR_PASSPORT",
        keywords: DIGITS,
        pattern: r"(?i)\b[MSRODG]\d{3}[A-Z]\d{4}\b",
        score: 0.7,
        context: &["passport", "yeogwon"],
        anti_context: NOT_PII,
        hits: ex!["passport M482K0193"],
        misses: ex!["A482K0193", "M482K019"],
        ..PII
    },
    RuleDef {
        id: "kr-passport-old",
        type_name: "KR_PASSPORT",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: &["passport", "yeogwon"],
        pattern: r"(?i)\b[MSRODG]\d{8}\b",
        score: 0.35,
        context: &["passport", "yeogwon"],
        anti_context: NOT_PII,
        hits: ex!["old passport M48201937"],
        misses: ex!["M48201937"],
        ..PII
    },
    RuleDef {
        id: "th-tnin",
        type_name: "TH_TNIN",
        keywords: DIGITS,
        pattern: r"\b[1-8]\d{12}\b",
        validator: Validator::ThTnin,
        score: 0.7,
        context: &["thai", "tnin", "national"],
        anti_context: NOT_PII,
        hits: ex!["Thai ID 3102457819362"],
        misses: ex!["3102457819363", "3982457819362"],
        ..PII
    },
    RuleDef {
        id: "ph-tin",
        type_name: "PH_TIN",
        // Context-only (score < 0.5): runs only where a context
        // word occurs.
        keywords: &["tin", "bir", "tax"],
        pattern: r"\b\d{3}-?\d{3}-?\d{3}(?:-?\d{3})?\b",
        validator: Validator::NotPlaceholder,
        score: 0.3,
        context: &["tin", "bir", "tax"],
        anti_context: NOT_PII,
        hits: ex!["BIR TIN 482-019-374-000"],
        misses: ex!["482-019-374-000"],
        ..PII
    },
    // ------------------------------------------------------------ TR
    RuleDef {
        id: "tr-national-id",
        type_name: "TR_NATIONAL_ID",
        keywords: DIGITS,
        pattern: r"\b[1-9]\d{10}\b",
        validator: Validator::TrTckn,
        score: 0.75,
        context: &["tckn", "kimlik", "tc"],
        anti_context: NOT_PII,
        hits: ex!["TC Kimlik No 28417306584", "59203814754"],
        misses: ex!["28417306585", "08417306584"],
        ..PII
    },
    RuleDef {
        id: "tr-license-plate",
        type_name: "TR_LICENSE_PLATE",
        keywords: DIGITS,
        pattern: r"\b(?:0[1-9]|[1-7]\d|8[01]) ?[A-Z]{1,3} ?\d{2,4}\b",
        validator: Validator::TrPlate,
        score: 0.55,
        context: &["plaka", "plate", "arac"],
        hits: ex!["plaka 42 KT 4821", "07 B 482"],
        misses: ex!["82 KT 4821", "42 KT 48210"],
        ..PII
    },
    // ------------------------------------------------------------ others
    RuleDef {
        id: "au-abn",
        type_name: "AU_ABN",
        keywords: DIGITS,
        pattern: r"\b\d{2} ?\d{3} ?\d{3} ?\d{3}\b",
        validator: Validator::AuAbn,
        score: 0.7,
        context: &["abn", "business"],
        anti_context: NOT_PII,
        hits: ex!["ABN 49 624 595 711", "85661250090"],
        misses: ex!["49 624 595 712"],
        ..PII
    },
    RuleDef {
        id: "au-acn",
        type_name: "AU_ACN",
        keywords: DIGITS,
        pattern: r"\b\d{3} ?\d{3} ?\d{3}\b",
        validator: Validator::AuAcn,
        score: 0.55,
        context: &["acn", "company"],
        anti_context: NOT_PII,
        hits: ex!["ACN 010 249 715", "531004127"],
        misses: ex!["010 249 716"],
        ..PII
    },
    RuleDef {
        id: "au-tfn",
        type_name: "AU_TFN",
        keywords: DIGITS,
        pattern: r"\b\d{3} ?\d{3} ?\d{3}\b",
        validator: Validator::AuTfn,
        score: 0.6,
        context: &["tfn", "tax"],
        anti_context: NOT_PII,
        hits: ex!["TFN 168 689 064", "179801696"],
        misses: ex!["168 689 065"],
        ..PII
    },
    RuleDef {
        id: "au-medicare",
        type_name: "AU_MEDICARE",
        keywords: DIGITS,
        pattern: r"\b[2-6]\d{3} ?\d{5} ?\d(?:[ /]?\d)?\b",
        validator: Validator::AuMedicare,
        score: 0.6,
        context: &["medicare"],
        anti_context: NOT_PII,
        hits: ex!["Medicare 3951 20741 1", "4102883621"],
        misses: ex!["3951 20742 1", "7951207411"],
        ..PII
    },
    RuleDef {
        id: "ca-sin",
        type_name: "CA_SIN",
        keywords: DIGITS,
        pattern: r"\b\d{3}[- ]?\d{3}[- ]?\d{3}\b",
        validator: Validator::CaSin,
        score: 0.6,
        context: &["sin", "nas", "social", "insurance"],
        anti_context: NOT_PII,
        hits: ex!["SIN 271-403-982", "546 123 704"],
        misses: ex!["271-403-983", "271-403 982", "871 403 982"],
        ..PII
    },
    RuleDef {
        id: "br-cpf",
        type_name: "BR_CPF",
        keywords: DIGITS,
        pattern: r"\b\d{3}\.?\d{3}\.?\d{3}-?\d{2}\b",
        validator: Validator::BrCpf,
        score: 0.7,
        context: &["cpf"],
        anti_context: NOT_PII,
        hits: ex!["CPF 529.982.247-25", "31472065808"],
        misses: ex!["529.982.247-26", "111.111.111-11"],
        ..PII
    },
    RuleDef {
        id: "br-cnpj",
        type_name: "BR_CNPJ",
        keywords: DIGITS,
        pattern: r"\b\d{2}\.?\d{3}\.?\d{3}/?\d{4}-?\d{2}\b",
        validator: Validator::BrCnpj,
        score: 0.8,
        context: &["cnpj"],
        anti_context: NOT_PII,
        hits: ex!["CNPJ 11.222.333/0001-81"],
        misses: ex!["11.222.333/0001-82"],
        ..PII
    },
    RuleDef {
        id: "za-id",
        type_name: "ZA_ID_NUMBER",
        keywords: DIGITS,
        pattern: r"\b\d{13}\b",
        validator: Validator::ZaId,
        score: 0.75,
        context: &["rsa", "south", "african", "identity"],
        anti_context: NOT_PII,
        hits: ex!["ID 8704125163088", "9511030247180"],
        misses: ex!["8704125163089", "8713125163088"],
        ..PII
    },
    RuleDef {
        id: "ng-vehicle-registration",
        type_name: "NG_VEHICLE_REGISTRATION",
        keywords: DIGITS,
        pattern: r"(?i)\b[A-Z]{3}[- ]?\d{3}[A-Z]{2}\b",
        score: 0.5,
        context: &["plate", "vehicle", "registration"],
        anti_context: NOT_PII,
        hits: ex!["plate LND-482KT"],
        misses: ex!["LN-482KT", "LND-4821KT"],
        ..PII
    },
    // ------------------------------------------------------------ optional
    // AGE, TITLE and NRP are off by default (`OPT_IN_TYPES`): a policy
    // turns one on by naming it in `types` or `actions`.
    RuleDef {
        id: "age-years-old",
        type_name: "AGE",
        // "34 years old", "34-year-old", "29 y/o"; "34 Jahre alt",
        // "34-jährige", "34 jaar oud", "34 años de edad".
        keywords: &[
            "year", "yr", "yo", "y/o", "alt", "jährig", "jahrig", "oud",
            "edad", "idade", "età",
        ],
        pattern: r"(?i)\b(1[0-2]\d|130|[1-9]?\d)(?:[ -]?(?:years?|yrs?)[ -]old\b| ?(?:yo|y/o)\b| (?:Jahre alt|jaar oud)\b| (?:años de edad|anos de idade|anni di età)|-j[äa]hrige?[rn]?\b)",
        group: 1,
        score: 0.6,
        hits: ex![
            "I am 34 years old",
            "a 34-year-old man",
            "F, 29 y/o",
            "130 yrs old",
            "34 años de edad",
            "er ist 34 Jahre alt",
            "die 34-jährige",
            "34 jaar oud",
        ],
        misses: ex![
            "131 years old",
            "34 years ago",
            "2034 years old",
            "34 Jahre"
        ],
        ..PII
    },
    RuleDef {
        id: "age-label",
        type_name: "AGE",
        // English "age 34", "aged 34"; a label with a colon in the other
        // languages ("Alter: 34": "alter 3 lines" is a verb).
        keywords: &[
            "age", "edad", "idade", "leeftijd", "alter", "età", "eta", "âge",
        ],
        pattern: r"(?i)(?:\b(?:ages?|aged)\b:? ?|\bim alter von |(?:\b(?:edad|idade|leeftijd|alter|eta)|età|âge|Âge) ?: ?)(1[0-2]\d|130|[1-9]?\d)\b",
        group: 1,
        score: 0.6,
        hits: ex![
            "Age: 34",
            "aged 7",
            "Edad: 52",
            "im Alter von 80",
            "âge : 41"
        ],
        misses: ex!["page 34", "alter 3 lines", "age 200", "stage 3"],
        ..PII
    },
    RuleDef {
        id: "age-verb-intl",
        type_name: "AGE",
        // "tengo 34 años", "j'ai 34 ans", "ho 34 anni", "tenho 34 anos",
        // "ik ben 34 jaar": a verb of having or being, not "hace 3 años"
        // or "il y a 3 ans" (ago).
        keywords: &["años", "anos", "ans", "anni", "jaar"],
        pattern: r"(?i)\b(?:tengo|tiene|tienes|tenía|cumpl[ií]|cumple|tenho|tem|tens|tinha|ho|ha|hai|compie|j[’']ai|il a|elle a|tu as|vous avez|ik ben|hij is|zij is|ze is) (1[0-2]\d|130|[1-9]?\d) (?:años|anos|ans|anni|jaar)\b",
        group: 1,
        score: 0.6,
        hits: ex![
            "tengo 34 años",
            "j'ai 34 ans",
            "ho 34 anni",
            "ik ben 34 jaar"
        ],
        misses: ex!["hace 3 años", "il y a 3 ans", "tengo 300 años"],
        ..PII
    },
    RuleDef {
        id: "title",
        type_name: "TITLE",
        // An honorific before a capitalized word (the name). Case-
        // sensitive: "dr" or "sir" in lowercase is not a title.
        keywords: &[
            "mr", "ms", "miss", "dr", "prof", "sir", "herr", "frau", "señor",
            "sr", "monsieur", "madame", "mme", "mlle", "m.", "sig", "dott",
            "senhor",
        ],
        pattern: r"\b((?:Mrs|Mr|Ms|Miss|Dr|Prof|Sir|Herr|Frau|Señora|Señor|Srta|Sra|Sr|Monsieur|Madame|Mme|Mlle|M\.|Signora|Signor|Sig\.ra|Sig|Dott\.ssa|Dott|Senhora|Senhor)\.?) [A-ZÀ-Ý]",
        group: 1,
        score: 0.6,
        hits: ex![
            "Dear Mr. Smith",
            "Dr Ana Lopez",
            "Frau Müller",
            "la Sra. García",
            "M. Dupont",
            "Sig.ra Rossi",
        ],
        misses: ex![
            "mr smith",
            "Mr. and",
            "Madrid",
            "MS Word",
            "size M T-shirt"
        ],
        ..PII
    },
    RuleDef {
        id: "nrp",
        type_name: "NRP",
        // Nationality, religion or political group words (`nrp.rs`),
        // capitalized.
        keywords: &super::nrp::KEYWORDS,
        pattern: super::nrp::PATTERN,
        validator: Validator::Capitalized,
        score: 0.6,
        hits: ex![
            "she is Spanish",
            "a Muslim family",
            "Democrats voted",
            "Arabs"
        ],
        misses: ex!["spanish", "Germany", "Indiana", "a democrat at heart"],
        ..PII
    },
];

const _: &[&str] = ID_CONTEXT;

/// [`RULES`] packed (`rules::packed`).
static PACKED: &str = {
    const BYTES: [u8; packed::packed_len(RULES)] = packed::pack(RULES);
    match std::str::from_utf8(&BYTES) {
        Ok(s) => s,
        Err(_) => panic!("the packing cuts a string"),
    }
};

/// The built-in PII rules, read from [`PACKED`] on first use. The native
/// build takes their examples from [`RULES`] (wasm has none).
pub(crate) fn rules() -> &'static [RuleDef] {
    static CELL: OnceLock<Vec<RuleDef>> = OnceLock::new();
    CELL.get_or_init(|| {
        #[allow(unused_mut)]
        let mut rules = packed::unpack(PACKED).unwrap_or_default();
        #[cfg(rule_examples)]
        for (r, def) in rules.iter_mut().zip(RULES) {
            (r.hits, r.misses) = (def.hits, def.misses);
        }
        rules
    })
}

/// PII types reported by detectors that are not regex rules (dictionaries,
/// grammars). Listed so policies can name them.
pub(crate) static EXTRA_TYPES: &[&str] =
    &["PERSON", "ADDRESS", "LOCATION", "ORGANIZATION", "DATE_OF_BIRTH"];

/// Types off by default: detected only when a policy names them (in
/// `types` or `actions`). Their rules run with the rest but their
/// findings are dropped unless asked for. AGE, TITLE and NRP are words
/// and numbers of ordinary prose, which most prompts need intact.
pub(crate) static OPT_IN_TYPES: &[&str] = &["AGE", "TITLE", "NRP"];

#[cfg(test)]
pub(crate) fn packed_for_tests() -> &'static str {
    PACKED
}
