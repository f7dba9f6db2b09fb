//! Matching for `rules::tenants`: the endpoints of providers whose
//! credential the caller found in the same text.
//!
//! Knows nothing of policy; the caller says which credential types it
//! found and decides what to do with the endpoints.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::rule::compile;
use crate::rules::tenants::{TenantDef, TENANTS};

/// Each table row's regex, compiled on first use (most texts never hold
/// a provider credential, so most filters never need them; when one
/// does, only that provider's row is compiled).
fn compiled(row: usize) -> Option<&'static Regex> {
    static CELLS: OnceLock<Vec<OnceLock<Option<Regex>>>> = OnceLock::new();
    let cells = CELLS
        .get_or_init(|| TENANTS.iter().map(|_| OnceLock::new()).collect());
    let def = TENANTS.get(row)?;
    cells.get(row)?.get_or_init(|| compile(def.pattern).ok()).as_ref()
}

/// Endpoints in `text` of the providers for which `found` holds one of
/// their credential types, in table order.
pub(crate) fn endpoints(
    text: &str,
    found: impl Fn(&str) -> bool,
) -> Vec<(&'static TenantDef, Range<usize>)> {
    let mut out = Vec::new();
    for (row, def) in TENANTS.iter().enumerate() {
        if !def.credentials.iter().any(|c| found(c))
            || !contains_ignore_ascii_case(text, def.keyword)
        {
            continue;
        }
        let Some(re) = compiled(row) else { continue };
        for caps in re.captures_iter(text) {
            if let Some(g) = caps.get(1) {
                out.push((def, g.range()));
            }
        }
    }
    out
}

fn contains_ignore_ascii_case(text: &str, needle: &str) -> bool {
    let (t, n) = (text.as_bytes(), needle.as_bytes());
    !n.is_empty() && t.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_compiles_and_keeps_its_examples() {
        for (row, def) in TENANTS.iter().enumerate() {
            let re = compiled(row)
                .unwrap_or_else(|| panic!("{}: bad pattern", def.id));
            for hit in def.hits {
                let got = re.captures(hit).and_then(|c| c.get(1));
                let got = got.unwrap_or_else(|| {
                    panic!("{}: no endpoint in {hit:?}", def.id)
                });
                assert!(
                    contains_ignore_ascii_case(got.as_str(), def.keyword)
                        || def.keyword == "://",
                    "{}: {:?} lacks the keyword",
                    def.id,
                    got.as_str()
                );
                assert!(
                    contains_ignore_ascii_case(hit, def.keyword),
                    "{}",
                    def.id
                );
            }
            for miss in def.misses {
                assert!(
                    re.captures(miss).is_none(),
                    "{}: matched {miss:?}",
                    def.id
                );
            }
        }
    }

    #[test]
    fn endpoints_need_a_credential_of_their_provider() {
        let text = "store: acme.myshopify.com";
        assert!(endpoints(text, |_| false).is_empty());
        assert!(endpoints(text, |t| t == "SALESFORCE_TOKEN").is_empty());
        let got = endpoints(text, |t| t == "SHOPIFY_TOKEN");
        assert_eq!(got.len(), 1);
        assert_eq!(&text[got[0].1.clone()], "acme.myshopify.com");
    }
}
