//! The vault: pseudonym tokens and the values they stand for.
//!
//! Owns token format and parsing (`[EMAIL_1]`), the value <-> token maps and
//! restoration. Restoration is literal: tokens are found by shape, parsed,
//! and looked up; nothing from the vault is ever compiled into a regex.
//! The vault stays in memory; it leaves only through [`Vault::entries`],
//! which the caller must ask for.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// The vault's maps: the type regex-lite's capture names use
/// (`HashMap<Arc<str>, u32>`), so the wasm holds one hashbrown
/// instantiation for both (issue 16, docs/PERFORMANCE.md "size45").
pub(crate) type Map = HashMap<Arc<str>, u32>;

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
    /// Value -> the last entry holding it; `same_value[i]` is the entry
    /// before `i` with the same value (`NONE`: none), one per type
    /// (almost always one; after an import the last of a type wins):
    /// looked up by a borrowed value, with no allocation. The three
    /// maps share one type, so the wasm holds one hashbrown
    /// instantiation, not three (issue 16, docs/PERFORMANCE.md
    /// "sizecode44").
    by_value: Map,
    same_value: Vec<usize>,
    by_token: Map,
    counters: Map,
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

/// Longest value a vault holds, in UTF-8 bytes; a longer one is
/// redacted instead of pseudonymized, and skipped on import.
pub const MAX_VALUE_BYTES: usize = 64 << 10;

/// Longest type name (UPPER_SNAKE), as in a policy.
const MAX_TYPE_BYTES: usize = 64;

/// No entry (the end of a `same_value` chain).
const NONE: usize = usize::MAX;

/// Most digits in a token number, and the largest number issued: a
/// counter that would pass it makes the vault refuse new values.
const MAX_DIGITS: usize = 9;
const MAX_NUMBER: u32 = 999_999_999;

/// Tokens as they come back from a model: any case, markdown around them
/// (`**[EMAIL_1]**` needs nothing special), a space inside the brackets or
/// instead of the underscore (`[ EMAIL 1 ]`), or the brackets dropped
/// (`EMAIL_1`). A bare token must be upper case and a whole word, so
/// `MY_EMAIL_1` or `email_1` in code is never touched; and every shape is
/// only restored when the vault holds that exact token. Hand-written rather
/// than a regex: it runs over every response, and the engine's regex scans
/// slowly.
///
/// Returns the length of the bracketed token at the start of `s`.
fn bracket_token_len(s: &[u8]) -> Option<usize> {
    if s.first() != Some(&b'[') {
        return None;
    }
    let mut i = 1;
    if s.get(i) == Some(&b' ') {
        i += 1;
    }
    let name = name_len(&s[i..], true)?;
    i += name;
    if !matches!(s.get(i), Some(b'_') | Some(b' ')) {
        return None;
    }
    i += 1;
    let digits = s[i..]
        .iter()
        .take(MAX_DIGITS + 1)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if !(1..=MAX_DIGITS).contains(&digits) {
        return None;
    }
    i += digits;
    if s.get(i) == Some(&b' ') {
        i += 1;
    }
    (s.get(i) == Some(&b']')).then_some(i + 1)
}

/// Length of a token name `[A-Za-z][A-Za-z0-9_]{0,40}` at the start of `s`
/// that is followed by `_digits` or ` digits`, backing off so the last
/// `_` before the digits is the separator.
fn name_len(s: &[u8], any_case: bool) -> Option<usize> {
    let first = *s.first()?;
    let ok_first = if any_case {
        first.is_ascii_alphabetic()
    } else {
        first.is_ascii_uppercase()
    };
    if !ok_first {
        return None;
    }
    let ok = |b: &u8| {
        if any_case {
            b.is_ascii_alphanumeric() || *b == b'_'
        } else {
            b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_'
        }
    };
    let run = 1 + s[1..].iter().take(41).take_while(|b| ok(b)).count();
    // The separator is the last `_` (or a space right after the run)
    // followed by a digit.
    if s.get(run) == Some(&b' ')
        && s.get(run + 1).is_some_and(u8::is_ascii_digit)
    {
        return Some(run);
    }
    let sep = s[..run].iter().rposition(|&b| b == b'_')?;
    let tail_digits =
        s[sep + 1..run].iter().all(u8::is_ascii_digit) && sep + 1 < run;
    (sep > 0 && tail_digits).then_some(sep)
}

/// Length of a bare upper-case token `NAME_12` at the start of `s`.
fn bare_token_len(s: &[u8]) -> Option<usize> {
    let name = name_len(s, false)?;
    if s.get(name) != Some(&b'_') {
        return None;
    }
    let digits = s[name + 1..]
        .iter()
        .take(MAX_DIGITS + 1)
        .take_while(|b| b.is_ascii_digit())
        .count();
    (1..=MAX_DIGITS).contains(&digits).then_some(name + 1 + digits)
}

/// An exported token must have the exact canonical shape `[NAME_N]`.
fn is_strict_token(t: &str) -> bool {
    let b = t.as_bytes();
    bracket_token_len(b) == Some(b.len()) && !t.contains(' ')
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
    /// `None` when the vault is full or the value is longer than
    /// `MAX_VALUE_BYTES` (64 KiB).
    pub fn tokenize(
        &mut self,
        type_name: &str,
        value: &str,
    ) -> Option<String> {
        let mut at = self.by_value.get(value).map_or(NONE, |&i| i as usize);
        while let Some(e) = self.entries.get(at) {
            if e.type_name == type_name {
                return Some(e.token.clone());
            }
            at = self.same_value.get(at).copied().unwrap_or(NONE);
        }
        if self.entries.len() >= MAX_ENTRIES || value.len() > MAX_VALUE_BYTES {
            return None;
        }
        let n = self.counters.entry(Arc::from(type_name)).or_insert(0);
        let token = loop {
            if *n >= MAX_NUMBER {
                return None;
            }
            *n += 1;
            let t = token_text(type_name, *n);
            if !self.by_token.contains_key(t.as_str()) {
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
        let before =
            self.by_value.insert(Arc::from(e.value.as_str()), i as u32);
        self.same_value.push(before.map_or(NONE, |i| i as usize));
        self.by_token
            .insert(Arc::from(e.token.to_ascii_uppercase()), i as u32);
        self.entries.push(e);
    }

    /// The value behind a token (any case), if the token is in the vault.
    pub fn lookup(&self, token: &str) -> Option<&str> {
        self.by_token
            .get(canonical(token).as_str())
            .map(|&i| self.entries[i as usize].value.as_str())
    }

    /// Whether `text` may hold one of this vault's tokens: every token
    /// has a `[` (`[EMAIL_1]`) or a `_` (`EMAIL_1`). Without, a caller
    /// need not run [`Vault::find_tokens`] (nor compile it: a stream's
    /// first push; issue 16).
    pub(crate) fn may_hold_tokens(&self, text: &str) -> bool {
        !self.entries.is_empty()
            && text.as_bytes().iter().any(|&b| b == b'[' || b == b'_')
    }

    /// Byte ranges of vault tokens in `text`, with their values.
    pub(crate) fn find_tokens<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, &'a str)> + 'a {
        let bytes = text.as_bytes();
        let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let mut at = if self.entries.is_empty() { bytes.len() } else { 0 };
        std::iter::from_fn(move || {
            while at < bytes.len() {
                let start = at;
                let b = bytes[at];
                at += 1;
                let n = if b == b'[' {
                    bracket_token_len(&bytes[start..])
                } else if b.is_ascii_uppercase()
                    && (start == 0 || !is_word(bytes[start - 1]))
                {
                    bare_token_len(&bytes[start..]).filter(|&n| {
                        bytes.get(start + n).is_none_or(|&c| !is_word(c))
                    })
                } else {
                    None
                };
                let Some(n) = n else { continue };
                // A token is ASCII, so these offsets are char boundaries.
                if let Some(v) = self.lookup(&text[start..start + n]) {
                    at = start + n;
                    return Some((start..start + n, v));
                }
            }
            None
        })
    }

    /// UTF-8 length of [`Vault::restore`]'s output, without building it.
    pub fn restored_len(&self, text: &str) -> usize {
        self.find_tokens(text)
            .fold(text.len(), |n, (r, v)| n - r.len() + v.len())
    }

    /// Replaces every vault token in `text` with its value. Tokens that
    /// are not in this vault are left alone. The output is not bounded:
    /// check [`Vault::restored_len`] first on untrusted text.
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
    /// already present, whose type is not UPPER_SNAKE of at most 64
    /// bytes or whose value is empty or longer than `MAX_VALUE_BYTES`
    /// are skipped; returns how many were added.
    pub fn import(&mut self, entries: Vec<VaultEntry>) -> usize {
        let mut added = 0;
        for e in entries {
            if self.entries.len() >= MAX_ENTRIES {
                break;
            }
            let type_ok = !e.type_name.is_empty()
                && e.type_name.len() <= MAX_TYPE_BYTES
                && e.type_name.bytes().all(|b| {
                    b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'
                });
            let value_ok =
                !e.value.is_empty() && e.value.len() <= MAX_VALUE_BYTES;
            if !type_ok
                || !value_ok
                || !is_strict_token(&e.token)
                || self
                    .by_token
                    .contains_key(e.token.to_ascii_uppercase().as_str())
            {
                continue;
            }
            // Keep counters ahead of imported numbers (a strict token's
            // number has at most MAX_DIGITS digits: it fits a u32).
            if let Some(n) = e
                .token
                .trim_end_matches(']')
                .rsplit('_')
                .next()
                .and_then(|d| d.parse::<u32>().ok())
            {
                let c = self
                    .counters
                    .entry(Arc::from(e.type_name.as_str()))
                    .or_insert(0);
                *c = (*c).max(n);
            }
            self.insert(e);
            added += 1;
        }
        added
    }
}

/// `[TYPE_N]`, as `format!("[{}_{}]", type_name, n)` writes it, without
/// the formatting machinery: a cold start's first screen would compile
/// ~2.4 KB of it for this token alone (issue 16).
fn token_text(type_name: &str, n: u32) -> String {
    let mut digits = [0u8; 10];
    let (mut at, mut n) = (digits.len(), n);
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    let mut t = String::with_capacity(type_name.len() + 13);
    t.push('[');
    t.push_str(type_name);
    t.push('_');
    for &d in &digits[at..] {
        t.push(char::from(d));
    }
    t.push(']');
    t
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

    /// Text without `[` or `_` holds no token of a vault: the pre-test
    /// skips only searches that find nothing.
    #[test]
    fn tokens_need_a_bracket_or_an_underscore() {
        let mut v = Vault::new();
        assert!(!v.may_hold_tokens("[EMAIL_1]"));
        v.tokenize("EMAIL", "ana@example.com").unwrap();
        for t in ["[EMAIL_1]", "EMAIL_1", "[ email 1 ]", "x [email_1] y"] {
            assert!(v.may_hold_tokens(t), "{t}");
            assert_eq!(v.find_tokens(t).count(), 1, "{t}");
        }
        for t in ["EMAIL 1", "email1", "EMAIL1 ok", "Sure, here it is: "] {
            assert!(!v.may_hold_tokens(t), "{t}");
            assert_eq!(v.find_tokens(t).count(), 0, "{t}");
        }
    }

    #[test]
    fn token_text_is_the_formatted_token() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, 999_999_999, u32::MAX] {
            assert_eq!(super::token_text("EMAIL", n), format!("[EMAIL_{n}]"));
        }
    }
}
