//! Built-in secret rules. Data only; see `rules` for the conventions.
//!
//! Example values are synthetic: they have the provider's shape but were
//! never issued.

use super::RuleDef;
use crate::report::Kind;

const SECRET: RuleDef = RuleDef { kind: Kind::Secret, ..RuleDef::DEFAULT };

pub(crate) static RULES: &[RuleDef] = &[
    RuleDef {
        id: "aws-access-key-id",
        type_name: "AWS_ACCESS_KEY_ID",
        keywords: &["akia", "asia", "abia", "acca", "a3t"],
        pattern: r"\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b",
        group: 1,
        min_entropy: 3.0,
        score: 0.95,
        hits: &["key=AKIAZ7QWERTYUIOP2345 region"],
        misses: &["AKIAIOSFODNN7EXAMPLE", "akiaz7qwertyuiop2345"],
        ..SECRET
    },
    RuleDef {
        id: "github-token",
        type_name: "GITHUB_TOKEN",
        keywords: &["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
        pattern: r"\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\b",
        group: 1,
        min_entropy: 3.0,
        score: 0.98,
        hits: &["token ghp_R4nd0mT0k3nV4lu3sAr3N0tR34lAbCd12345 ok"],
        misses: &["ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "ghp_short"],
        ..SECRET
    },
    RuleDef {
        id: "private-key",
        type_name: "PRIVATE_KEY",
        keywords: &["-----begin"],
        pattern: r"-----BEGIN[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----[\s\S]{16,16384}?-----END[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----",
        score: 0.99,
        hits: &["-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----"],
        misses: &["-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----"],
        ..SECRET
    },
];

/// Placeholder words: a secret-kind span containing one of these
/// (ASCII case-insensitive) is documentation, not a credential.
pub(crate) static STOPWORDS: &[&str] = &[
    "example",
    "xxxxxxxx",
    "changeme",
    "placeholder",
    "your_",
    "your-",
    "<your",
    "${",
    "{{",
    "redacted",
    "dummy",
    "sample",
    "00000000",
    "12345678",
    "abcdefgh",
];
