//! The vault: pseudonym tokens and the values they stand for.
//!
//! Owns token format and parsing (`[EMAIL_1]`), the value <-> token maps and
//! restoration. Restoration is literal: tokens are found by shape, parsed,
//! and looked up; nothing from the vault is ever compiled into a regex.
//! The vault stays in memory; it leaves only through [`Vault::entries`],
//! which the caller must ask for.

use std::collections::HashMap;
use std::fmt;

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

/// Length of a token-shaped string at the start of `s`:
/// `[` letter, up to 40 of letters/digits/`_`, `_`, 1-6 digits, `]`, in
/// any case (models re-case tokens; markdown around them needs nothing
/// special). Hand-written rather than a regex: it runs at every `[` of
/// every response.
fn token_len(s: &[u8]) -> Option<usize> {
    if s.len() < 5 || s[0] != b'[' || !s[1].is_ascii_alphabetic() {
        return None;
    }
    let body_end = s.iter().take(50).position(|&b| b == b']')?;
    let body = &s[1..body_end];
    let us = body.iter().rposition(|&b| b == b'_')?;
    let (name, digits) = (&body[..us], &body[us + 1..]);
    let ok = !name.is_empty()
        && name.len() <= 41
        && name.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
        && (1..=6).contains(&digits.len())
        && digits.iter().all(u8::is_ascii_digit);
    ok.then_some(body_end + 1)
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
            .get(&token.to_ascii_uppercase())
            .map(|&i| self.entries[i].value.as_str())
    }

    /// Byte ranges of vault tokens in `text`, with their values.
    pub(crate) fn find_tokens<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, &'a str)> + 'a {
        let bytes = text.as_bytes();
        let mut at = if self.entries.is_empty() { bytes.len() } else { 0 };
        std::iter::from_fn(move || {
            while at < bytes.len() {
                let start =
                    at + bytes[at..].iter().position(|&b| b == b'[')?;
                at = start + 1;
                if let Some(n) = token_len(&bytes[start..]) {
                    // A token is ASCII, so these offsets are char boundaries.
                    if let Some(v) = self.lookup(&text[start..start + n]) {
                        at = start + n;
                        return Some((start..start + n, v));
                    }
                }
            }
            None
        })
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
            let whole = token_len(e.token.as_bytes()) == Some(e.token.len());
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
