//! Built-in detection rules, as data.
//!
//! Owns the shape of a rule ([`RuleDef`]) and the tables of built-in rules.
//! Tables hold data only: patterns, keywords, validators by name, context
//! words and examples. Matching lives in `engine`; this module must not
//! depend on it or on the policy layer.
//!
//! Pattern conventions (the engine rewrites these before compiling, so rule
//! authors can write the short forms): `\d`, `\w` and `\b` are ASCII-only.
//! Every pattern must have a bounded maximum match length so the response
//! stream scanner can bound its hold-back; a test checks this.

pub(crate) mod pii;
pub(crate) mod secrets;

use crate::report::Kind;

/// Post-match predicates that regexes cannot express (checksums, ranges).
/// Validators are facts about formats; each is implemented in
/// `engine::validate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Validator {
    None,
    /// Luhn mod-10 over the digits, 13-19 digits.
    Luhn,
    /// ISO 13616 IBAN: country length and mod-97 == 1.
    Iban,
    /// US SSN area/group/serial ranges.
    UsSsn,
    /// Dotted quad with octets <= 255.
    Ipv4,
    /// Parses as an IPv6 address.
    Ipv6,
    /// Phone number: digit count and not a date/version/long zero run.
    Phone,
    /// Looks like a generated token, not a word or identifier: at least 8
    /// bytes with a digit and a letter, or 20+ bytes of mixed case without
    /// dots.
    Token,
}

impl Validator {
    /// Names accepted in policies for custom rules.
    pub(crate) fn by_name(name: &str) -> Option<Validator> {
        Some(match name {
            "none" => Validator::None,
            "luhn" => Validator::Luhn,
            "iban" => Validator::Iban,
            "us_ssn" => Validator::UsSsn,
            "ipv4" => Validator::Ipv4,
            "ipv6" => Validator::Ipv6,
            "phone" => Validator::Phone,
            "token" => Validator::Token,
            _ => return None,
        })
    }

    pub(crate) const NAMES: &'static str =
        "none, luhn, iban, us_ssn, ipv4, ipv6, phone, token";
}

/// One built-in detection rule.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RuleDef {
    /// Kebab-case id, provider first: `github-pat`, `email`.
    pub id: &'static str,
    pub kind: Kind,
    /// Canonical UPPER_SNAKE type name.
    pub type_name: &'static str,
    /// Lowercase literals, one of which must occur (ASCII case-insensitive)
    /// for the rule to run. Empty: the rule always runs.
    pub keywords: &'static [&'static str],
    pub pattern: &'static str,
    /// Capture group whose span is reported (0: the whole match).
    pub group: usize,
    pub validator: Validator,
    /// Minimum Shannon entropy of the reported span, in bits per byte
    /// (0: no check). Used where the format does not identify itself.
    pub min_entropy: f32,
    /// Score before context.
    pub score: f32,
    /// Whole words near the match that raise its score.
    pub context: &'static [&'static str],
    /// Upper bound, in bytes, on a match's distance from any keyword in it
    /// (so a match lies within `window` bytes of a keyword hit). 0: unknown,
    /// the regex scans the whole text. A test checks it against the
    /// pattern's maximum length.
    pub window: usize,
    /// Texts that must yield a finding of this rule.
    pub hits: &'static [&'static str],
    /// Texts that must not yield a finding of this rule.
    pub misses: &'static [&'static str],
}

impl RuleDef {
    /// Defaults for table rows: `..RuleDef::DEFAULT`.
    pub(crate) const DEFAULT: RuleDef = RuleDef {
        id: "",
        kind: Kind::Pii,
        type_name: "",
        keywords: &[],
        pattern: "",
        group: 0,
        validator: Validator::None,
        min_entropy: 0.0,
        score: 0.9,
        context: &[],
        window: 0,
        hits: &[],
        misses: &[],
    };
}

/// Every built-in rule, PII first, in a fixed order.
pub(crate) fn builtin() -> impl Iterator<Item = &'static RuleDef> {
    pii::RULES.iter().chain(secrets::rules().iter())
}
