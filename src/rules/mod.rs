//! Built-in detection rules, as data.
//!
//! Owns the shape of a rule ([`RuleDef`]) and the tables of built-in rules.
//! Tables hold data only: patterns, keywords, validators (see
//! `validate`), context words and examples. The PII rules are a Rust table
//! (`pii.rs`); the secret rules are hand-edited data in `secrets.rules`,
//! which build.rs checks and compiles into the table `secrets.rs` reads.
//! Matching lives in `engine`; this module must not depend on it or on
//! the policy layer. Children share `def::RuleDef` (not this file), and
//! example texts exist only under the `rule_examples` cfg (not in wasm).
//!
//! Pattern conventions: patterns are regex-lite syntax, so `\d`, `\w`,
//! `\s` and `\b` are ASCII-only and `(?i)` folds ASCII only, which is what
//! identifiers and keys need. Every pattern must have a bounded maximum
//! match length so the engine can search in windows and the response
//! stream scanner can bound its hold-back; a test checks this.

mod def;
mod nrp;
mod packed;
pub(crate) mod pii;
pub(crate) mod secrets;
mod template;
pub(crate) mod tenants;

pub(crate) use def::RuleDef;
pub(crate) use packed::pattern_key;

/// Every built-in rule, PII first, in a fixed order.
pub(crate) fn builtin() -> impl Iterator<Item = &'static RuleDef> {
    pii::rules().iter().chain(secrets::rules().iter())
}

#[cfg(test)]
mod tests {
    /// The engine and the stream scanner compare keywords in lowercase.
    #[test]
    fn builtin_keywords_are_lowercase() {
        for r in super::builtin() {
            for k in r.keywords {
                assert_eq!(*k, k.to_ascii_lowercase(), "rule {}", r.id);
            }
        }
    }
}
