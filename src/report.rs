//! What screening returns: the [`ScreenResult`] of one text, its
//! [`Finding`]s, and the names every layer shares ([`Kind`], [`Action`],
//! [`Verdict`]), plus the privacy-safe [`AuditRecord`] of a result.
//!
//! Verdict semantics are defined here once ([`Verdict::of`]); detectors
//! have their own types and reach these only through the screening
//! pipeline (`filter`). Every `Debug` here prints offsets, types and counts,
//! never a matched value. This module depends on nothing else in the crate
//! but the crate's one sort (`order`).

use std::fmt;
use std::ops::Range;

/// The family a finding belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Personal data: emails, phone numbers, national ids, names, ...
    Pii,
    /// Credentials: API keys, tokens, private keys, passwords.
    Secret,
    /// A prompt-injection or jailbreak signal.
    Injection,
    /// A canary marker echoed by the model.
    Canary,
    /// A verbatim run of the system prompt in a response.
    Leak,
    /// A link or image that could carry data to a foreign host.
    Exfiltration,
    /// The input was over a configured limit and was not screened.
    Limit,
}

impl Kind {
    /// Every kind, in the order findings of one span sort.
    pub const ALL: [Kind; 7] = [
        Kind::Pii,
        Kind::Secret,
        Kind::Injection,
        Kind::Canary,
        Kind::Leak,
        Kind::Exfiltration,
        Kind::Limit,
    ];

    /// The lowercase name used in JSON and policies.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Pii => "pii",
            Kind::Secret => "secret",
            Kind::Injection => "injection",
            Kind::Canary => "canary",
            Kind::Leak => "leak",
            Kind::Exfiltration => "exfiltration",
            Kind::Limit => "limit",
        }
    }
}

/// What happens to the text of a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    /// Detected, reported, text untouched, verdict unaffected.
    Allow,
    /// Detected and reported as worth attention; text untouched.
    Flag,
    /// Characters replaced by a mask character, optionally keeping the end.
    Mask,
    /// Replaced by a type label such as `[EMAIL]`.
    Redact,
    /// Replaced by a keyed, non-reversible digest label.
    Hash,
    /// Replaced by a vault token such as `[EMAIL_1]`; `restore` undoes it.
    Pseudonymize,
    /// Replaced by a realistic fake value of the same format.
    Synthesize,
    /// The whole text is refused.
    Block,
}

impl Action {
    /// Every action, mildest first.
    pub const ALL: [Action; 8] = [
        Action::Allow,
        Action::Flag,
        Action::Mask,
        Action::Redact,
        Action::Hash,
        Action::Pseudonymize,
        Action::Synthesize,
        Action::Block,
    ];

    /// The lowercase name used in JSON and policies.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Allow => "allow",
            Action::Flag => "flag",
            Action::Mask => "mask",
            Action::Redact => "redact",
            Action::Hash => "hash",
            Action::Pseudonymize => "pseudonymize",
            Action::Synthesize => "synthesize",
            Action::Block => "block",
        }
    }

    /// Parses a policy action name.
    pub fn parse(name: &str) -> Option<Action> {
        Some(match name {
            "allow" => Action::Allow,
            "flag" => Action::Flag,
            "mask" => Action::Mask,
            "redact" => Action::Redact,
            "hash" => Action::Hash,
            "pseudonymize" => Action::Pseudonymize,
            "synthesize" => Action::Synthesize,
            "block" => Action::Block,
            _ => return None,
        })
    }

    /// All action names, for error messages.
    pub const NAMES: &'static str =
        "allow, flag, mask, redact, hash, pseudonymize, synthesize, block";

    /// True when the action rewrites the finding's text.
    pub fn rewrites(self) -> bool {
        matches!(
            self,
            Action::Mask
                | Action::Redact
                | Action::Hash
                | Action::Pseudonymize
                | Action::Synthesize
        )
    }
}

/// The overall decision for a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// Nothing was changed; the text may be sent as is.
    Allow,
    /// Some spans were rewritten; send the returned text.
    Redact,
    /// The text must not be sent (or shown).
    Block,
}

impl Verdict {
    /// Every verdict, mildest first.
    pub const ALL: [Verdict; 3] =
        [Verdict::Allow, Verdict::Redact, Verdict::Block];

    /// The verdict of a screening: `block` when any finding's action is
    /// `block`, else `redact` when the text was rewritten, else `allow`.
    pub(crate) fn of(findings: &[Finding], rewritten: bool) -> Verdict {
        if findings.iter().any(|f| f.action == Action::Block) {
            Verdict::Block
        } else if rewritten {
            Verdict::Redact
        } else {
            Verdict::Allow
        }
    }

    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Allow => "allow",
            Verdict::Redact => "redact",
            Verdict::Block => "block",
        }
    }
}

/// One detection. Spans are byte offsets into the scanned text.
#[derive(Clone, PartialEq)]
pub struct Finding {
    /// The family.
    pub kind: Kind,
    /// Canonical UPPER_SNAKE type, e.g. `EMAIL` or `AWS_ACCESS_KEY_ID`.
    pub type_name: String,
    /// Byte range into the original text.
    pub span: Range<usize>,
    /// Confidence in [0, 1].
    pub score: f32,
    /// The action the policy chose for it.
    pub action: Action,
    /// Id of the rule that produced it, e.g. `email` or `github-pat`.
    pub rule: String,
    /// The text that replaced the span, when the action rewrites.
    pub replacement: Option<String>,
}

// SECURITY: the matched value is never part of a finding, and Debug prints
// only offsets and labels, so logging a finding cannot leak the value.
impl fmt::Debug for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Finding")
            .field("kind", &self.kind)
            .field("type", &self.type_name)
            .field("span", &self.span)
            .field("score", &self.score)
            .field("action", &self.action)
            .field("rule", &self.rule)
            .finish()
    }
}

/// Where content screened with `screenContext` came from: tool or
/// function output, a web page, an e-mail, a document, a retrieved chunk.
pub const CONTEXT_SOURCES: [&str; 7] =
    ["tool", "function", "web", "email", "document", "retrieval", "other"];

/// The result of screening one text (JS: `ScreenResult`).
#[derive(Clone, PartialEq)]
pub struct ScreenResult {
    /// The overall decision.
    pub verdict: Verdict,
    /// The text with actions applied. When the verdict is `Block` this is
    /// the empty string: nothing of a blocked text may be sent.
    pub text: String,
    /// Prompt-injection risk in [0, 1].
    pub risk: f32,
    /// Every detection, in order of position, including allowed ones.
    pub findings: Vec<Finding>,
}

impl fmt::Debug for ScreenResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ScreenResult")
            .field("verdict", &self.verdict)
            .field("text_len", &self.text.len())
            .field("risk", &self.risk)
            .field("findings", &self.findings)
            .finish()
    }
}

/// A summary of a result that is safe to log: no values, no text (JS:
/// `AuditRecord`).
#[derive(Clone, Debug, PartialEq)]
pub struct AuditRecord {
    /// The verdict.
    pub verdict: Verdict,
    /// Injection risk.
    pub risk: f32,
    /// Number of findings.
    pub findings: usize,
    /// Findings per type.
    pub counts: TypeMap<usize>,
    /// Rule ids that fired, in order of first appearance.
    pub rules: Vec<String>,
    /// Fingerprint of the policy that screened (16 hex digits).
    pub policy: String,
}

impl AuditRecord {
    /// The record of `result`, screened under the policy whose
    /// fingerprint is `policy`.
    pub fn of(result: &ScreenResult, policy: String) -> AuditRecord {
        // The types in order first: each new one then goes at the end of
        // `counts` (no shifting), O(n log n) for any number of types.
        let mut types: Vec<&str> =
            result.findings.iter().map(|f| f.type_name.as_str()).collect();
        crate::order::sort_by(&mut types, |a, b| a.cmp(b));
        let mut counts = TypeMap::new();
        for t in types {
            *counts.get_or_insert(t, 0) += 1;
        }
        let mut rules = Vec::new();
        for f in &result.findings {
            if !rules.contains(&f.rule) {
                rules.push(f.rule.clone());
            }
        }
        AuditRecord {
            verdict: result.verdict,
            risk: result.risk,
            findings: result.findings.len(),
            counts,
            rules,
            policy,
        }
    }
}

/// A map from type names to values, in the order of the names (bytes):
/// the per-type settings of a policy and the audit's counts per type.
///
/// The part of `BTreeMap<String, V>`'s API the crate uses, over two
/// sorted `Vec`s: the B-tree's code (insertion, search and drop, once per
/// value type: three in the wasm module) cost ~2.5 KB of the gzipped
/// module. A policy names few types (at most 1,000 keys an object), so
/// an insertion that shifts them is cheap; the audit inserts its types
/// in order (at the end).
/// `Debug` prints it as `BTreeMap` does.
#[derive(Clone, PartialEq)]
pub struct TypeMap<V> {
    keys: Vec<String>,
    values: Vec<V>,
}

impl<V> Default for TypeMap<V> {
    fn default() -> TypeMap<V> {
        TypeMap::new()
    }
}

impl<V> TypeMap<V> {
    /// An empty map.
    pub const fn new() -> TypeMap<V> {
        TypeMap { keys: Vec::new(), values: Vec::new() }
    }

    /// Where `key` is, or where it would go (one search, not generic over
    /// `V`).
    fn find(&self, key: &str) -> Result<usize, usize> {
        find_key(&self.keys, key)
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.values.get(self.find(key).ok()?)
    }

    /// Whether `key` has a value.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets the value of `key`; returns the value it replaced.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(self.values.get_mut(i)?, value)),
            Err(i) => {
                self.keys.insert(i, key);
                self.values.insert(i, value);
                None
            }
        }
    }

    /// The value of `key`, set to `value` first when it has none.
    pub fn get_or_insert(&mut self, key: &str, value: V) -> &mut V {
        let i = match self.find(key) {
            Ok(i) => i,
            Err(i) => {
                self.keys.insert(i, key.to_string());
                self.values.insert(i, value);
                i
            }
        };
        &mut self.values[i]
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The entries, in the order of their keys.
    pub fn iter(
        &self,
    ) -> std::iter::Zip<std::slice::Iter<'_, String>, std::slice::Iter<'_, V>>
    {
        self.keys.iter().zip(&self.values)
    }

    /// The keys, in order.
    pub fn keys(&self) -> std::slice::Iter<'_, String> {
        self.keys.iter()
    }

    /// The values, in the order of their keys.
    pub fn values(&self) -> std::slice::Iter<'_, V> {
        self.values.iter()
    }
}

/// Bisection of sorted `keys` for `key` (`Ok`: its index; `Err`: where it
/// would go).
fn find_key(keys: &[String], key: &str) -> Result<usize, usize> {
    keys.binary_search_by(|k| k.as_str().cmp(key))
}

impl<'a, V> IntoIterator for &'a TypeMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter =
        std::iter::Zip<std::slice::Iter<'a, String>, std::slice::Iter<'a, V>>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<V: fmt::Debug> fmt::Debug for TypeMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<V> FromIterator<(String, V)> for TypeMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> TypeMap<V> {
        let mut m = TypeMap::new();
        for (k, v) in iter {
            m.insert(k, v);
        }
        m
    }
}
