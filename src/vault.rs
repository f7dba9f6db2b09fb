//! The vault: pseudonym tokens and the values they stand for.
//!
//! Owns token format and parsing (`[EMAIL_1]`), the value <-> token maps and
//! restoration. Restoration is literal: tokens are found by shape, parsed,
//! and looked up; nothing from the vault is ever compiled into a regex.
//! The vault stays in memory; it leaves only through [`Vault::entries`],
//! which the caller must ask for.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use regex::Regex;

/// One vault entry.
#[derive(Clone, PartialEq, Eq)]
pub struct VaultEntry {
    /// The token, e.g. `[EMAIL_1]`.
    pub token: String,
    /// The original value.
    pub value: String,
    /// The type, e.g. `EMAIL`.
    pub type_name: String,
}

impl fmt::Debug for VaultEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // SECURITY: never print the value.
        f.debug_struct("VaultEntry").field("token", &self.token).finish()
    }
}

/// Maps values to tokens and back.
#[derive(Clone, Default)]
pub struct Vault {
    by_value: HashMap<(String, String), usize>,
    by_token: HashMap<String, usize>,
    counters: HashMap<String, u32>,
    entries: Vec<VaultEntry>,
}

impl fmt::Debug for Vault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Vault({} entries)", self.entries.len())
    }
}

/// Most entries a vault holds; past this `pseudonymize` falls back to
/// `redact` so memory stays bounded over a long chat.
pub const MAX_ENTRIES: usize = 100_000;

/// Tokens as they come back from a model: any case, markdown around them
/// (`**[EMAIL_1]**` needs nothing special), a space inside the brackets or
/// instead of the underscore (`[ EMAIL 1 ]`), or the brackets dropped
/// (`EMAIL_1`). A bare token must be upper case and a whole word, so
/// `MY_EMAIL_1` or `email_1` in code is never touched; and every shape
/// is only restored when the vault holds that exact token.
fn token_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i:\[ ?[a-z][a-z0-9_]{0,40}[_ ][0-9]{1,6} ?\])|\b[A-Z][A-Z0-9_]{0,40}_[0-9]{1,6}\b",
        )
        .expect("static")
    })
}

/// The canonical token shape, for imports.
fn strict_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\[[A-Za-z][A-Za-z0-9_]{0,40}_[0-9]{1,6}\]$")
            .expect("static")
    })
}

/// `[ email 1 ]`, `EMAIL_1` -> `[EMAIL_1]`.
fn canonical(token: &str) -> String {
    let inner = token.trim_start_matches('[').trim_end_matches(']').trim();
    let mut out = String::with_capacity(inner.len() + 2);
    out.push('[');
    match inner.rfind(' ') {
        Some(i) => {
            out.push_str(&inner[..i]);
            out.push('_');
            out.push_str(&inner[i + 1..]);
        }
        None => out.push_str(inner),
    }
    out.push(']');
    out.to_ascii_uppercase()
}

impl Vault {
    /// An empty vault.
    pub fn new() -> Vault {
        Vault::default()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The token for `value` of `type_name`, creating one if needed.
    /// `None` when the vault is full.
    pub fn tokenize(
        &mut self,
        type_name: &str,
        value: &str,
    ) -> Option<String> {
        let key = (type_name.to_string(), value.to_string());
        if let Some(&i) = self.by_value.get(&key) {
            return Some(self.entries[i].token.clone());
        }
        if self.entries.len() >= MAX_ENTRIES {
            return None;
        }
        let n = self.counters.entry(type_name.to_string()).or_insert(0);
        let token = loop {
            *n += 1;
            let t = format!("[{}_{}]", type_name, n);
            if !self.by_token.contains_key(&t) {
                break t;
            }
        };
        self.insert(VaultEntry {
            token: token.clone(),
            value: value.to_string(),
            type_name: type_name.to_string(),
        });
        Some(token)
    }

    fn insert(&mut self, e: VaultEntry) {
        let i = self.entries.len();
        self.by_value.insert((e.type_name.clone(), e.value.clone()), i);
        self.by_token.insert(e.token.to_ascii_uppercase(), i);
        self.entries.push(e);
    }

    /// The value behind a token (any case), if the token is in the vault.
    pub fn lookup(&self, token: &str) -> Option<&str> {
        self.by_token
            .get(&canonical(token))
            .map(|&i| self.entries[i].value.as_str())
    }

    /// Byte ranges of vault tokens in `text`, with their values.
    pub(crate) fn find_tokens<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, &'a str)> + 'a {
        let empty = self.entries.is_empty();
        token_regex().find_iter(text).take_while(move |_| !empty).filter_map(
            move |m| self.lookup(m.as_str()).map(|v| (m.range(), v)),
        )
    }

    /// Replaces every vault token in `text` with its value. Tokens that
    /// are not in this vault are left alone.
    pub fn restore(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for (r, v) in self.find_tokens(text) {
            out.push_str(&text[last..r.start]);
            out.push_str(v);
            last = r.end;
        }
        out.push_str(&text[last..]);
        out
    }

    /// Every entry, for an explicit export by the caller.
    pub fn entries(&self) -> &[VaultEntry] {
        &self.entries
    }

    /// Adds entries from an export. Entries whose token is malformed or
    /// already present with another value are skipped; returns how many
    /// were added.
    pub fn import(&mut self, entries: Vec<VaultEntry>) -> usize {
        let mut added = 0;
        for e in entries {
            if self.entries.len() >= MAX_ENTRIES {
                break;
            }
            let whole = strict_regex().is_match(&e.token);
            if !whole
                || self.by_token.contains_key(&e.token.to_ascii_uppercase())
            {
                continue;
            }
            // Keep counters ahead of imported numbers.
            if let Some(n) = e
                .token
                .trim_end_matches(']')
                .rsplit('_')
                .next()
                .and_then(|d| d.parse::<u32>().ok())
            {
                let c = self.counters.entry(e.type_name.clone()).or_insert(0);
                *c = (*c).max(n);
            }
            self.insert(e);
            added += 1;
        }
        added
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_value_same_token_and_tolerant_restore() {
        let mut v = Vault::new();
        let a = v.tokenize("EMAIL", "ana@example.com").unwrap();
        let b = v.tokenize("EMAIL", "ana@example.com").unwrap();
        let c = v.tokenize("EMAIL", "bo@example.com").unwrap();
        assert_eq!(a, "[EMAIL_1]");
        assert_eq!(a, b);
        assert_eq!(c, "[EMAIL_2]");
        assert_eq!(
            v.restore("write **[email_1]**, [EMAIL_2]. not [EMAIL_9]"),
            "write **ana@example.com**, bo@example.com. not [EMAIL_9]"
        );
        assert_eq!(format!("{:?}", v), "Vault(2 entries)");
    }
}
