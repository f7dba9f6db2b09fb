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
pub(crate) mod tenants;

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
    // --- PII validators (pii helper); implemented in engine::validate ---
    AbaRouting,
    AuAbn,
    AuAcn,
    AuTfn,
    AuMedicare,
    CreditCard,
    PhoneNanp,
    /// A national phone number with its trunk prefix 0, in groups.
    PhoneTrunk,
    /// A Brazilian national number: area code in use, subscriber prefix.
    PhoneBr,
    PlNip,
    BrCpf,
    BrCnpj,
    CaSin,
    CryptoWallet,
    Date,
    Dea,
    DeKvnr,
    DeLanr,
    DeRvnr,
    DeTaxId,
    EsNif,
    FiHetu,
    FrNir,
    Icao,
    InGstin,
    ItFiscalCode,
    ItVat,
    KrBrn,
    KrDriver,
    KrFrn,
    KrRrn,
    Mac,
    NlBsn,
    NotPlaceholder,
    PlPesel,
    SeOrg,
    SePnr,
    SgNric,
    SgUen,
    ThTnin,
    TrPlate,
    /// Turkish phone number: a Turkish area code or mobile prefix.
    TrPhone,
    TrTckn,
    UkDriving,
    UkNhs,
    UkNino,
    UkPlate,
    Url,
    UsItin,
    UsNpi,
    Verhoeff,
    ZaId,
    /// Looks like a generated token, not a word or identifier: at least 8
    /// bytes with a digit and a letter, or 20+ bytes of mixed case without
    /// dots.
    Token,
    /// `Token`, for generic assignments: also not a hex string with one or
    /// two letters from outside hex (a hand-edited digest), a host name, or
    /// a JWT whose header does not decode (`validate::generic_token`).
    GenericToken,
    /// `Token`, and the first segment decodes to a JOSE header.
    Jwt,
    /// One kind of character after a secret's name, which `Token` turns
    /// down: 20+ digits, or 12+ letters in both cases that do not read as
    /// CamelCase words (`validate::bare_run`).
    BareRun,
    /// A vendor format that names itself: a literal prefix of four or more
    /// characters with a separator (`shippo_live_`, `BBDC-`, `sk-ant-`)
    /// and an exact body. The prefix and shape are the evidence, so there
    /// is no entropy floor and no token-shape test; only the placeholder
    /// markers (`xxxxxxxx`, `example`, `<your`...) turn it down.
    Prefixed,
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
            _ => {
                return Validator::PII
                    .iter()
                    .find(|p| p.0 == name)
                    .map(|p| p.1)
            }
        })
    }

    /// Every validator name, for error messages.
    pub(crate) fn names() -> String {
        let mut out =
            String::from("none, luhn, iban, us_ssn, ipv4, ipv6, phone, token");
        for (name, _) in Validator::PII {
            out.push_str(", ");
            out.push_str(name);
        }
        out
    }

    /// PII validators by policy name (pii helper's block).
    pub(crate) const PII: &'static [(&'static str, Validator)] = &[
        ("aba_routing", Validator::AbaRouting),
        ("au_abn", Validator::AuAbn),
        ("au_acn", Validator::AuAcn),
        ("au_tfn", Validator::AuTfn),
        ("au_medicare", Validator::AuMedicare),
        ("credit_card", Validator::CreditCard),
        ("phone_nanp", Validator::PhoneNanp),
        ("phone_trunk", Validator::PhoneTrunk),
        ("phone_br", Validator::PhoneBr),
        ("pl_nip", Validator::PlNip),
        ("br_cpf", Validator::BrCpf),
        ("br_cnpj", Validator::BrCnpj),
        ("ca_sin", Validator::CaSin),
        ("crypto_wallet", Validator::CryptoWallet),
        ("date", Validator::Date),
        ("dea", Validator::Dea),
        ("de_kvnr", Validator::DeKvnr),
        ("de_lanr", Validator::DeLanr),
        ("de_rvnr", Validator::DeRvnr),
        ("de_tax_id", Validator::DeTaxId),
        ("es_nif", Validator::EsNif),
        ("fi_hetu", Validator::FiHetu),
        ("fr_nir", Validator::FrNir),
        ("icao", Validator::Icao),
        ("in_gstin", Validator::InGstin),
        ("it_fiscal_code", Validator::ItFiscalCode),
        ("it_vat", Validator::ItVat),
        ("kr_brn", Validator::KrBrn),
        ("kr_driver", Validator::KrDriver),
        ("kr_frn", Validator::KrFrn),
        ("kr_rrn", Validator::KrRrn),
        ("mac", Validator::Mac),
        ("nl_bsn", Validator::NlBsn),
        ("not_placeholder", Validator::NotPlaceholder),
        ("pl_pesel", Validator::PlPesel),
        ("se_org", Validator::SeOrg),
        ("se_pnr", Validator::SePnr),
        ("sg_nric", Validator::SgNric),
        ("sg_uen", Validator::SgUen),
        ("th_tnin", Validator::ThTnin),
        ("tr_plate", Validator::TrPlate),
        ("tr_phone", Validator::TrPhone),
        ("tr_tckn", Validator::TrTckn),
        ("uk_driving", Validator::UkDriving),
        ("uk_nhs", Validator::UkNhs),
        ("uk_nino", Validator::UkNino),
        ("uk_plate", Validator::UkPlate),
        ("url", Validator::Url),
        ("us_itin", Validator::UsItin),
        ("us_npi", Validator::UsNpi),
        ("verhoeff", Validator::Verhoeff),
        ("za_id", Validator::ZaId),
    ];
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
    /// Whole words near the match that lower its score ("order",
    /// "invoice", "version"): the number is probably not this type.
    pub anti_context: &'static [&'static str],
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
        anti_context: &[],
        window: 0,
        hits: &[],
        misses: &[],
    };
}

/// Every built-in rule, PII first, in a fixed order.
pub(crate) fn builtin() -> impl Iterator<Item = &'static RuleDef> {
    pii::RULES.iter().chain(secrets::rules().iter())
}
