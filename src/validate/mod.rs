//! Validators: post-match predicates that regexes cannot express.
//!
//! A rule names one [`Validator`]; after its regex matches, [`check`] runs
//! that validator on the reported text, and `false` drops the match. Most
//! validators are facts about a format (a checksum, a value range, a
//! registry of lengths or area codes); the secret ones are shape tests (a
//! generated token, not a word or a placeholder).
//!
//! Invariants:
//! - every validator accepts any string without panicking, in linear time;
//! - every variant has exactly one policy name: the `validators!` list
//!   below generates the enum and the name table together, so they cannot
//!   drift, and policies may name every validator;
//! - [`check`] wires every variant in an exhaustive `match` (no `_` arm):
//!   a variant added without wiring is a compile error, never a validator
//!   that silently accepts everything.
//!
//! Files by concern: `secret` (token shapes, entropy), `phone` (phone
//! numbers), `checksum` (check-digit algorithms), `format` (addresses,
//! URLs, dates, payment cards, wallets), `id_americas`, `id_europe` and
//! `id_asia_pacific` (national, tax and licence ids), and `digits` (the
//! reading helpers they all share).
//!
//! Must not depend on the rule tables, the policy layer or the filter:
//! they name validators, not the other way around. The only outside uses
//! are `codec::rescan` (base64, to read a JWT header) and `digest`
//! (SHA-256, for Base58Check).

mod checksum;
mod digits;
mod format;
mod id_americas;
mod id_asia_pacific;
mod id_europe;
mod phone;
mod secret;

pub(crate) use checksum::{iban, luhn, luhn_digits};
pub(crate) use secret::{
    entropy, has_sequential_run, looks_random, url_secret_part,
};

/// Declares [`Validator`] and its policy names from one list, so that
/// every variant has exactly one name.
macro_rules! validators {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// Post-match predicates that regexes cannot express (checksums,
        /// ranges, token shapes). Policies name them in snake_case.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum Validator {
            $($(#[$doc])* $variant,)*
        }

        impl Validator {
            /// Every validator, in declaration order.
            pub(crate) const ALL: &'static [Validator] = &[$(Validator::$variant,)*];

            /// Every policy name, in declaration order, each followed by
            /// a space. (One string rather than a table of `&str`: the
            /// wasm build is smaller.)
            const NAMES: &'static str = concat!($($name, " ",)*);

            /// The name policies use for this validator.
            pub(crate) fn name(self) -> &'static str {
                match self {
                    $(Validator::$variant => $name,)*
                }
            }
        }
    };
}

// The one table: every validator with its policy name. Names are API
// (policies and the TypeScript `ValidatorName` type use them): add, never
// rename. The order is the order of error messages and of that type.
validators! {
    /// No check: the pattern is the whole rule.
    None = "none",
    /// Luhn mod-10 over the digits, 13-19 digits.
    Luhn = "luhn",
    /// ISO 13616 IBAN: country length and mod-97 == 1.
    Iban = "iban",
    /// US SSN area/group/serial ranges.
    UsSsn = "us_ssn",
    /// Dotted quad with octets <= 255.
    Ipv4 = "ipv4",
    /// Parses as an IPv6 address.
    Ipv6 = "ipv6",
    /// Phone number: digit count and not a date/version/long zero run.
    Phone = "phone",
    /// Looks like a generated token, not a word or identifier: at least 8
    /// bytes with a digit and a letter, or 20+ bytes of mixed case without
    /// dots.
    Token = "token",
    /// ABA routing number: a Federal Reserve prefix and the 3-7-1
    /// weighted sum mod 10.
    AbaRouting = "aba_routing",
    /// Australian Business Number: weighted sum mod 89.
    AuAbn = "au_abn",
    /// Australian Company Number: weights 8..1, complement mod 10.
    AuAcn = "au_acn",
    /// Australian Tax File Number: weighted sum mod 11.
    AuTfn = "au_tfn",
    /// Australian Medicare card: first digit 2-6, weighted check digit.
    AuMedicare = "au_medicare",
    /// Payment card: Luhn, an issuer prefix, one separator style.
    CreditCard = "credit_card",
    /// North American number: area and exchange codes start with 2-9.
    PhoneNanp = "phone_nanp",
    /// A national phone number with its trunk prefix 0, in groups.
    PhoneTrunk = "phone_trunk",
    /// A Brazilian national number: area code in use, subscriber prefix.
    PhoneBr = "phone_br",
    /// Polish NIP (tax id): weighted mod-11 check digit.
    PlNip = "pl_nip",
    /// Brazilian CPF: two mod-11 check digits.
    BrCpf = "br_cpf",
    /// Brazilian CNPJ: two mod-11 check digits.
    BrCnpj = "br_cnpj",
    /// Canadian SIN: Luhn over 9 digits, an issued first digit.
    CaSin = "ca_sin",
    /// Bitcoin address (Base58Check or Bech32/Bech32m) or an
    /// Ethereum-style `0x` address.
    CryptoWallet = "crypto_wallet",
    /// A calendar date or timestamp with its fields in range.
    Date = "date",
    /// US DEA registration number: weighted check digit.
    Dea = "dea",
    /// German health insurance number (KVNR): check digit.
    DeKvnr = "de_kvnr",
    /// German lifelong doctor number (LANR): check digit.
    DeLanr = "de_lanr",
    /// German pension insurance number (RVNR): birth date, check digit.
    DeRvnr = "de_rvnr",
    /// German tax id (Steuer-IdNr): ISO 7064 MOD 11,10 check digit.
    DeTaxId = "de_tax_id",
    /// Spanish NIF/DNI and NIE: the check letter.
    EsNif = "es_nif",
    /// Finnish personal identity code (HETU): date, check character.
    FiHetu = "fi_hetu",
    /// French social security number (NIR): the mod-97 key.
    FrNir = "fr_nir",
    /// ICAO 9303 check digit over a document number (passports).
    Icao = "icao",
    /// Indian GSTIN: state code and mod-36 check character.
    InGstin = "in_gstin",
    /// Italian codice fiscale: the check character.
    ItFiscalCode = "it_fiscal_code",
    /// Italian VAT number (partita IVA): Luhn.
    ItVat = "it_vat",
    /// Korean business registration number: weighted check digit.
    KrBrn = "kr_brn",
    /// Korean driver's licence: region code 11-28.
    KrDriver = "kr_driver",
    /// Korean foreign resident number: birth date, gender digit 5-8.
    KrFrn = "kr_frn",
    /// Korean resident registration number: birth date, gender digit
    /// 1-4.
    KrRrn = "kr_rrn",
    /// MAC address: one separator style, not broadcast or all-zero.
    Mac = "mac",
    /// Dutch BSN: the "11-proof".
    NlBsn = "nl_bsn",
    /// Any digits but one repeated digit or a straight run (123456789).
    NotPlaceholder = "not_placeholder",
    /// Polish PESEL: birth date and check digit.
    PlPesel = "pl_pesel",
    /// Swedish organisationsnummer: Luhn.
    SeOrg = "se_org",
    /// Swedish personnummer: birth date and Luhn.
    SePnr = "se_pnr",
    /// Singapore NRIC/FIN: the check letter.
    SgNric = "sg_nric",
    /// Singapore UEN: the check letter.
    SgUen = "sg_uen",
    /// Thai national id: province code and mod-11 check digit.
    ThTnin = "th_tnin",
    /// Turkish licence plate: province 01-81, letters, digits.
    TrPlate = "tr_plate",
    /// Turkish phone number: a Turkish area code or mobile prefix.
    TrPhone = "tr_phone",
    /// Turkish identity number (TC Kimlik No): two check digits.
    TrTckn = "tr_tckn",
    /// UK driving licence number: surname, date digits, check letters.
    UkDriving = "uk_driving",
    /// NHS number: mod-11 check digit.
    UkNhs = "uk_nhs",
    /// UK National Insurance number: allowed prefix letters and suffix.
    UkNino = "uk_nino",
    /// UK vehicle registration in one of its three formats.
    UkPlate = "uk_plate",
    /// URL with a plausible host: a dotted name with an alphabetic
    /// top-level label.
    Url = "url",
    /// US ITIN: 9xx and an issued group.
    UsItin = "us_itin",
    /// US NPI: Luhn with the 80840 prefix.
    UsNpi = "us_npi",
    /// Verhoeff checksum over 12 digits (India's Aadhaar).
    Verhoeff = "verhoeff",
    /// South African id number: birth date and Luhn.
    ZaId = "za_id",
    /// `Token`, for generic assignments: also not a hex string with one or
    /// two letters from outside hex (a hand-edited digest), a host name,
    /// or a typed placeholder (keyboard rows, counting runs and pairs,
    /// "invalid": `secret::generic_token`). An `eyJ...` value whose
    /// header does not decode is still a token after a credential name.
    GenericToken = "generic_token",
    /// `Token`, and the first segment decodes to a JOSE header.
    Jwt = "jwt",
    /// One kind of character after a secret's name, which `Token` turns
    /// down: 20+ digits, or 12+ letters in both cases that do not read as
    /// CamelCase words (`secret::bare_run`).
    BareRun = "bare_run",
    /// A vendor format that names itself: a literal prefix, infix or
    /// suffix (`AKIA`, `ghp_`, `shippo_live_`, `NRAL`), a service's URL
    /// shape (webhooks) or the key that only this credential fills, and
    /// an exact body. The name and shape are the evidence, so there is no
    /// entropy floor and no token-shape test; only the placeholder
    /// markers (`xxxxxxxx`, `example`, `<your`...) turn it down.
    Prefixed = "prefixed",
    /// `Token` after a provider's name (`snyk_token = ...`), or for a
    /// value of letters alone `BareRun` (random letters, not CamelCase
    /// words): the name is the evidence, so only placeholder markers
    /// and typed placeholders (`a1b2c3d4e5`, `AAAA…`) turn a value down,
    /// not counting runs or filler.
    NamedToken = "named_token",
    /// Base64 of `user:password` (HTTP Basic, `.npmrc` `_auth`, docker
    /// `auths`): decodes to printable text without blanks, with a colon
    /// that has text on both sides (`secret::base64_credentials`).
    Base64Credentials = "base64_credentials",
    /// Starts with an uppercase letter: where capitalization is the
    /// evidence (an English nationality or religion word, a proper noun).
    Capitalized = "capitalized",
}

impl Validator {
    /// The validator a policy names `name`.
    pub(crate) fn by_name(name: &str) -> Option<Validator> {
        let i = Validator::NAMES.split(' ').position(|n| n == name)?;
        Validator::ALL.get(i).copied()
    }

    /// Every validator, in the order of its name in the table (the order
    /// of the TypeScript `ValidatorName` type).
    pub(crate) fn all() -> impl Iterator<Item = Validator> {
        Validator::ALL.iter().copied()
    }

    /// Every validator name in the table's order, comma-separated, for
    /// error messages.
    pub(crate) fn names() -> String {
        Validator::NAMES.trim_end().replace(' ', ", ")
    }
}

/// Runs `v` on the reported text of a match; `false` drops the match.
///
/// Exhaustive on purpose (no `_` arm): adding a variant without wiring it
/// here does not compile.
pub(crate) fn check(v: Validator, value: &str) -> bool {
    match v {
        Validator::None => true,
        Validator::Luhn => luhn(value),
        Validator::Iban => iban(value),
        Validator::UsSsn => id_americas::us_ssn(value),
        Validator::Ipv4 => format::ipv4(value),
        Validator::Ipv6 => format::ipv6(value),
        Validator::Phone => phone::phone(value),
        Validator::Token => secret::token(value),
        Validator::GenericToken => secret::generic_token(value),
        Validator::Jwt => secret::token(value) && secret::jwt_header(value),
        Validator::BareRun => secret::bare_run(value),
        Validator::Prefixed => true,
        Validator::NamedToken => secret::named_token(value),
        Validator::Base64Credentials => secret::base64_credentials(value),
        Validator::AbaRouting => id_americas::aba_routing(value),
        Validator::AuAbn => id_asia_pacific::au_abn(value),
        Validator::AuAcn => id_asia_pacific::au_acn(value),
        Validator::AuTfn => id_asia_pacific::au_tfn(value),
        Validator::AuMedicare => id_asia_pacific::au_medicare(value),
        Validator::CreditCard => format::credit_card(value),
        Validator::PhoneNanp => phone::phone_nanp(value),
        Validator::PhoneTrunk => phone::phone_trunk(value),
        Validator::PhoneBr => phone::phone_br(value),
        Validator::PlNip => id_europe::pl_nip(value),
        Validator::BrCpf => id_americas::br_cpf(value),
        Validator::BrCnpj => id_americas::br_cnpj(value),
        Validator::CaSin => id_americas::ca_sin(value),
        Validator::CryptoWallet => format::crypto_wallet(value),
        Validator::Date => format::date(value),
        Validator::Dea => id_americas::dea(value),
        Validator::DeKvnr => id_europe::de_kvnr(value),
        Validator::DeLanr => id_europe::de_lanr(value),
        Validator::DeRvnr => id_europe::de_rvnr(value),
        Validator::DeTaxId => id_europe::de_tax_id(value),
        Validator::EsNif => id_europe::es_nif(value),
        Validator::FiHetu => id_europe::fi_hetu(value),
        Validator::FrNir => id_europe::fr_nir(value),
        Validator::Icao => checksum::icao(value),
        Validator::InGstin => id_asia_pacific::in_gstin(value),
        Validator::ItFiscalCode => id_europe::it_fiscal_code(value),
        Validator::ItVat => id_europe::it_vat(value),
        Validator::KrBrn => id_asia_pacific::kr_brn(value),
        Validator::KrDriver => id_asia_pacific::kr_driver(value),
        Validator::KrFrn => id_asia_pacific::kr_rrn_like(value, true),
        Validator::KrRrn => id_asia_pacific::kr_rrn_like(value, false),
        Validator::Mac => format::mac(value),
        Validator::NlBsn => id_europe::nl_bsn(value),
        Validator::NotPlaceholder => {
            digits::not_placeholder(&digits::digits(value))
        }
        Validator::PlPesel => id_europe::pl_pesel(value),
        Validator::SeOrg => id_europe::se_org(value),
        Validator::SePnr => id_europe::se_pnr(value),
        Validator::SgNric => id_asia_pacific::sg_nric(value),
        Validator::SgUen => id_asia_pacific::sg_uen(value),
        Validator::ThTnin => id_asia_pacific::th_tnin(value),
        Validator::TrPlate => id_europe::tr_plate(value),
        Validator::TrPhone => phone::tr_phone(value),
        Validator::TrTckn => id_europe::tr_tckn(value),
        Validator::UkDriving => id_europe::uk_driving(value),
        Validator::UkNhs => id_europe::uk_nhs(value),
        Validator::UkNino => id_europe::uk_nino(value),
        Validator::UkPlate => id_europe::uk_plate(value),
        Validator::Url => format::url(value),
        Validator::UsItin => id_americas::us_itin(value),
        Validator::UsNpi => id_americas::us_npi(value),
        Validator::Verhoeff => checksum::verhoeff(value),
        Validator::ZaId => id_asia_pacific::za_id(value),
        Validator::Capitalized => {
            value.chars().next().is_some_and(char::is_uppercase)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value `v` accepts and one it rejects. Exhaustive, like `check`:
    /// a new validator needs samples here.
    fn samples(v: Validator) -> (&'static str, Option<&'static str>) {
        let (yes, no) = match v {
            Validator::None | Validator::Prefixed => return ("", None),
            Validator::Luhn => ("4111 1111 1111 1111", "4111 1111 1111 1112"),
            Validator::Iban => {
                ("DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 01")
            }
            Validator::UsSsn => ("536-22-1234", "900-22-1234"),
            Validator::Ipv4 => ("10.0.0.1", "10.0.0.256"),
            Validator::Ipv6 => ("fe80::1%eth0", "::1/129"),
            Validator::Phone => ("+1 415 555 0132", "2024-01-15"),
            Validator::Base64Credentials => {
                ("ZGVwbG95OlMzY3JldCFwYXNz", "bm9jb2xvbmhlcmU=")
            }
            Validator::Token
            | Validator::GenericToken
            | Validator::NamedToken => {
                ("Zq8Lw3Vn5Rt7Yp2Ks9Df4Gh6Jk1Mx0Cb", "abcdefgh")
            }
            Validator::Jwt => (
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig",
                "eyJhbGciOiJIU9I1NiJ9.eyJzdWIiOiIxIn0.sig",
            ),
            Validator::BareRun => ("kHOoolDklZDOCj", "GetAccessToken"),
            Validator::AbaRouting => ("026009593", "421000002"),
            Validator::AuAbn => ("49624595711", "00000000560"),
            Validator::AuAcn => ("010249715", "010249716"),
            Validator::AuTfn => ("168689064", "168689065"),
            Validator::AuMedicare => ("3951207411", "7951207411"),
            Validator::CreditCard => ("4539148803436467", "0000000000000000"),
            Validator::PhoneNanp => ("(415) 555-0132", "(115) 555-0132"),
            Validator::PhoneTrunk => ("020 7946 0958", "0-306-40615-2"),
            Validator::PhoneBr => ("(11) 98456-5666", "21 2019-2020"),
            Validator::PlNip => ("5260250995", "5260250996"),
            Validator::BrCpf => ("52998224725", "11111111111"),
            Validator::BrCnpj => ("11222333000181", "11222333000182"),
            Validator::CaSin => ("271403982", "871403980"),
            Validator::CryptoWallet => (
                "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
                "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb",
            ),
            Validator::Date => ("2031-07-04", "2031-13-04"),
            Validator::Dea => ("AB3141594", "1B3141594"),
            Validator::DeKvnr => ("T471103923", "1471103923"),
            Validator::DeLanr => ("314159323", "314159423"),
            Validator::DeRvnr => ("65241187M045", "65241187M046"),
            Validator::DeTaxId => ("47336182956", "07336182956"),
            Validator::EsNif => ("47230519L", "4723051L"),
            Validator::FiHetu => ("170385-2745", "321385-2745"),
            Validator::FrNir => ("284076210503162", "384076210503162"),
            Validator::Icao => ("CF7R2K4L2", "CF7R2K4L3"),
            Validator::InGstin => ("29AAGCB7383J1Z4", "39AAGCB7383J1Z4"),
            Validator::ItFiscalCode => ("VRDLCU81E52F205C", "VRDLCU81E52F205"),
            Validator::ItVat => ("07643520153", "00000000000"),
            Validator::KrBrn => ("2208163476", "2208163477"),
            Validator::KrDriver => ("11-22-333333-44", "30-22-333333-44"),
            Validator::KrFrn => ("850612-6948301", "850612-2948301"),
            Validator::KrRrn => ("850612-2948301", "850612-6948301"),
            Validator::Mac => ("3c:22:fb:10:9a:7e", "ff:ff:ff:ff:ff:ff"),
            Validator::NlBsn => ("596366693", "111111111"),
            Validator::NotPlaceholder => ("482", "123"),
            Validator::PlPesel => ("87031402959", "87133402959"),
            Validator::SeOrg => ("5592140387", "5512140387"),
            Validator::SePnr => ("8506124737", "851312-4737"),
            Validator::SgNric => ("S8312047I", "A8312047I"),
            Validator::SgUen => ("48172053K", "48172053L"),
            Validator::ThTnin => ("3102457819362", "3982457819362"),
            Validator::TrPlate => ("34 KT 4821", "82 KT 4821"),
            Validator::TrPhone => ("0 532 123 45 67", "0306 999 0464"),
            Validator::TrTckn => ("28417306584", "08417306584"),
            Validator::UkDriving => ("HOLME703127AB9XY", "HOLME713127AB9XY"),
            Validator::UkNhs => ("9434765919", "485-777 3457"),
            Validator::UkNino => ("JK 48 20 19 C", "QQ482019C"),
            Validator::UkPlate => ("KM19 XPT", "KM00 XPT"),
            Validator::Url => ("https://example.org/x", "http://intranet"),
            Validator::UsItin => ("912-73-4567", "912-43-4567"),
            Validator::UsNpi => ("1382947509", "3382947509"),
            Validator::Verhoeff => ("491830275616", "191830275616"),
            Validator::ZaId => ("8704125163088", "8713125163088"),
            Validator::Capitalized => ("Spanish", "spanish"),
        };
        (yes, Some(no))
    }

    /// `check` reaches each validator's own function: each accepts its
    /// sample and rejects the near miss (a mis-wired or always-true arm
    /// fails one of the two).
    #[test]
    fn check_wires_every_validator() {
        for v in Validator::all() {
            let (yes, no, name) = (samples(v).0, samples(v).1, v.name());
            assert!(check(v, yes), "{name} should accept {yes:?}");
            if let Some(no) = no {
                assert!(!check(v, no), "{name} should reject {no:?}");
            }
        }
    }

    #[test]
    fn names_round_trip() {
        let mut seen = Vec::new();
        for v in Validator::all() {
            let name = v.name();
            assert_eq!(Validator::by_name(name), Some(v));
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase()
                    || b.is_ascii_digit()
                    || b == b'_'),
                "{name} is not snake_case"
            );
            seen.push(name);
        }
        let n = seen.len();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), n, "duplicate validator names");
        assert_eq!(Validator::names().split(", ").count(), n);
        assert_eq!(Validator::by_name("nope"), None);
        assert_eq!(Validator::by_name(""), None);
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
    }

    #[test]
    fn every_validator_is_named_and_total() {
        for v in Validator::all() {
            let name = v.name();
            assert_eq!(Validator::by_name(name), Some(v));
            assert!(Validator::names().contains(name), "{}", name);
            for s in ["", "é", "🎉", "0", "-", "A", "+", "::", "/", "%"] {
                let _ = check(v, s);
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn validators_never_panic(s in "\\PC{0,40}") {
            for v in Validator::all() {
                let _ = check(v, &s);
            }
        }

        #[test]
        fn validators_never_panic_on_id_shapes(
            s in "[0-9A-Za-z +./:%-]{0,40}"
        ) {
            for v in Validator::all() {
                let _ = check(v, &s);
            }
        }
    }
}
