//! The policy: what to detect and what to do about it.
//!
//! Owns the policy shape, its defaults and its validation. A policy is read
//! from a [`Value`] tree by hand so every error names its key path; unknown
//! keys are errors (a typo must never silently turn protection off). This
//! module knows the rule *names* (to validate types and ids) and compiles
//! custom patterns once to reject bad ones (`engine::compile`), but knows
//! nothing of matching.
//!
//! Shape (all keys optional; JS spelling):
//!
//! ```text
//! {
//!   version: 1,
//!   failClosed: true,                 // over-limit input is blocked
//!   limits: { maxInputBytes: 16777216 },
//!   pii: { enabled, types: [TYPE..], action, actions: {TYPE: action},
//!          minScore, thresholds: {TYPE: number} },
//!   secrets: { enabled, types, action, actions, minScore, thresholds,
//!              disabledRules: [id..] },
//!   injection: { enabled, flagThreshold: 0.5, blockThreshold: 0.8, model: "default" },
//!   allowList: [string | {regex}..],  // values never flagged
//!   denyList: [{ value, type }],       // values always flagged
//!   rules: [{ id, type, regex, kind, keywords, group, validator, score,
//!             action, context }],
//!   mask: { char: "*", keepLast: 0 },
//!   hash: { key: string },
//!   response: { pii, secrets, allowedHosts: [..], systemPrompt,
//!               canaries: [..], restore: true }
//! }
//! ```

mod reader;
mod value;

use reader::{index, join, quote, Obj};
pub use value::Value;
pub(crate) use value::MAX_LIST_ENTRIES;
#[cfg(feature = "wasm")]
pub(crate) use value::{MAX_DEPTH, MAX_OBJECT_KEYS};

use crate::error::Error;
use crate::report::{Action, Kind, TypeMap};
use crate::rules;
use crate::validate::Validator;

/// Limits on policy content (untrusted input, like regex's size limits).
/// The package README's policy section lists them all (a table); the
/// list and object sizes live in `value.rs`, which enforces them while
/// converting from JS, so an oversized list is refused after at most one
/// entry too many.
pub(crate) const MAX_CUSTOM_RULES: usize = 256;
pub(crate) const MAX_PATTERN_LEN: usize = 4096;
/// Any one string (the system prompt is the longest).
pub(crate) const MAX_STRING_BYTES: usize = 1 << 20;
/// `keywords` and `context` of a custom rule: entries, bytes each.
const MAX_RULE_WORDS: usize = 64;
const MAX_WORD_LEN: usize = 128;
/// A deny-list value: shortest (characters) and longest (bytes).
const MIN_DENY_CHARS: usize = 3;
const MAX_DENY_LEN: usize = 256;
/// An `allowedHosts` entry (a DNS name is at most 253 bytes).
const MAX_HOST_LEN: usize = 255;

/// Settings for one detection family (PII or secrets).
#[derive(Clone, Debug, PartialEq)]
pub struct FamilyPolicy {
    /// Detect this family at all. The default is `true`.
    pub enabled: bool,
    /// Restrict detection to these types; `None` means every type.
    pub types: Option<Vec<String>>,
    /// Action for types without their own entry.
    pub action: Action,
    /// Per-type actions.
    pub actions: TypeMap<Action>,
    /// Findings scoring below this are dropped. The default is 0.5.
    pub min_score: f32,
    /// Per-type minimum scores.
    pub thresholds: TypeMap<f32>,
    /// Built-in rule ids to switch off.
    pub disabled_rules: Vec<String>,
    /// PII only: the names detectors also consult the large names data
    /// (`names: "large"`; loaded with `load_names_data` first).
    /// The default is `false` (`"core"`).
    pub large_names: bool,
    /// PII only: add the names tagger's spans (`names: "tagger"` or
    /// `"large+tagger"`; `load_names_data` first). Default `false`.
    pub names_tagger: bool,
}

impl FamilyPolicy {
    fn defaults(action: Action) -> FamilyPolicy {
        FamilyPolicy {
            enabled: true,
            types: None,
            action,
            actions: TypeMap::new(),
            min_score: 0.5,
            thresholds: TypeMap::new(),
            disabled_rules: Vec::new(),
            large_names: false,
            names_tagger: false,
        }
    }

    /// PII defaults: generic dates (DATE_TIME) and URLs are flagged, not
    /// rewritten, so "what happened on 2024-01-15?" and "summarize
    /// https://..." still make sense to the model; dates of birth
    /// (DATE_OF_BIRTH) follow the family action. In responses, links are
    /// judged by the exfiltration check (allowed hosts), not as PII.
    fn pii_defaults(action: Action) -> FamilyPolicy {
        let mut f = FamilyPolicy::defaults(action);
        f.actions.insert("DATE_TIME".to_string(), Action::Flag);
        f.actions.insert("URL".to_string(), Action::Flag);
        f
    }

    /// The action for a type.
    pub fn action_for(&self, type_name: &str) -> Action {
        self.actions.get(type_name).copied().unwrap_or(self.action)
    }

    /// The minimum score for a type.
    pub fn threshold_for(&self, type_name: &str) -> f32 {
        self.thresholds.get(type_name).copied().unwrap_or(self.min_score)
    }

    /// Whether a type is detected at all. An opt-in type (AGE, TITLE,
    /// NRP: `rules::pii::OPT_IN_TYPES`) only when `types` or `actions`
    /// names it.
    pub fn wants(&self, type_name: &str) -> bool {
        self.enabled
            && self.types.as_ref().map_or_else(
                || {
                    !rules::pii::OPT_IN_TYPES.contains(&type_name)
                        || self.actions.contains_key(type_name)
                },
                |t| t.iter().any(|x| x == type_name),
            )
    }
}

/// Prompt-injection settings.
#[derive(Clone, Debug, PartialEq)]
pub struct InjectionPolicy {
    /// Score injections at all. The default is `true`.
    pub enabled: bool,
    /// Risk at or above which signals are flagged. The default is 0.5.
    pub flag_threshold: f32,
    /// Risk at or above which the prompt is blocked. The default is 0.8.
    pub block_threshold: f32,
    /// The classifier's vote comes from the optional large model
    /// (`model: "large"`; loaded with `load_injection_model` first).
    /// The default is `false` (`"default"`).
    pub large_model: bool,
}

/// A user-defined regex rule.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomRule {
    /// Unique id.
    pub id: String,
    /// `pii` or `secret`.
    pub kind: Kind,
    /// UPPER_SNAKE type reported in findings.
    pub type_name: String,
    /// The pattern (`\d`, `\w`, `\b` are ASCII-only).
    pub regex: String,
    /// Prefilter keywords; empty means the rule always runs.
    pub keywords: Vec<String>,
    /// Capture group reported (0: whole match).
    pub group: usize,
    /// Validator (set by name in the policy).
    pub(crate) validator: Validator,
    /// Score of a match. The default is 0.9.
    pub score: f32,
    /// Action override.
    pub action: Option<Action>,
    /// Context words that raise the score.
    pub context: Vec<String>,
}

/// A deny-list entry: a literal value always reported as `type`.
#[derive(Clone, PartialEq)]
pub struct DenyEntry {
    /// The literal (matched case-insensitively for ASCII).
    pub value: String,
    /// UPPER_SNAKE type to report.
    pub type_name: String,
    /// `pii` or `secret`.
    pub kind: Kind,
}

impl std::fmt::Debug for DenyEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // SECURITY: deny-list values are sensitive by definition.
        f.debug_struct("DenyEntry").field("type", &self.type_name).finish()
    }
}

/// Response (model output) settings.
#[derive(Clone, Debug, PartialEq)]
pub struct ResponsePolicy {
    /// PII in responses. The default action is `redact`.
    pub pii: FamilyPolicy,
    /// Secrets in responses. The default action is `redact`.
    pub secrets: FamilyPolicy,
    /// Hosts links and images may point to (exact or `*.suffix`).
    pub allowed_hosts: Vec<String>,
    /// System prompt to fingerprint for leak detection.
    pub system_prompt: Option<String>,
    /// Extra canary markers to watch for (besides `canary()` ones).
    pub canaries: Vec<String>,
    /// Restore vault tokens in responses. The default is `true`.
    pub restore: bool,
}

/// A validated policy. Build with [`Policy::default`] or
/// [`Policy::from_value`].
#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    /// When input is over a limit: block (`true`, default) or pass it
    /// through unscreened with an `allow` finding saying so (`false`).
    pub fail_closed: bool,
    /// Largest input screened, in UTF-8 bytes. The default is 16 MiB.
    pub max_input_bytes: usize,
    /// PII in prompts. The default action is `pseudonymize`.
    pub pii: FamilyPolicy,
    /// Secrets in prompts. The default action is `redact`.
    pub secrets: FamilyPolicy,
    /// Prompt injection.
    pub injection: InjectionPolicy,
    /// Values never reported (exact, ASCII case-insensitive).
    pub allow_list: Vec<String>,
    /// Patterns for values never reported (a finding whose whole value
    /// matches is dropped; `\d`, `\w`, `\b` are ASCII-only).
    pub allow_patterns: Vec<String>,
    /// Values always reported.
    pub deny_list: Vec<DenyEntry>,
    /// Custom rules, run after the built-ins.
    pub rules: Vec<CustomRule>,
    /// Mask character. The default is `*`.
    pub mask_char: char,
    /// Characters left unmasked at the end. The default is 0.
    pub mask_keep_last: usize,
    /// Key for the `hash` action; `None`: a random per-filter key.
    pub hash_key: Option<String>,
    /// Response settings.
    pub response: ResponsePolicy,
    /// Canonical form of the source, for the fingerprint.
    pub(crate) canonical: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            fail_closed: true,
            max_input_bytes: 16 << 20,
            pii: FamilyPolicy::pii_defaults(Action::Pseudonymize),
            secrets: FamilyPolicy::defaults(Action::Redact),
            injection: InjectionPolicy {
                enabled: true,
                flag_threshold: 0.5,
                block_threshold: 0.8,
                large_model: false,
            },
            allow_list: Vec::new(),
            allow_patterns: Vec::new(),
            deny_list: Vec::new(),
            rules: Vec::new(),
            mask_char: '*',
            mask_keep_last: 0,
            hash_key: None,
            response: ResponsePolicy {
                pii: FamilyPolicy::pii_defaults(Action::Redact),
                secrets: FamilyPolicy::defaults(Action::Redact),
                allowed_hosts: Vec::new(),
                system_prompt: None,
                canaries: Vec::new(),
                restore: true,
            },
            canonical: "{}".to_string(),
        }
    }
}

fn parse_action(s: &str, path: &str) -> Result<Action, Error> {
    Action::parse(s).ok_or_else(|| {
        Error::policy(
            path,
            format!(
                "unknown action {} (expected one of: {})",
                quote(s),
                Action::NAMES
            ),
        )
    })
}

/// Every type name a family knows: built-in rule types plus custom ones.
/// Every type a policy may name for `kind`: built-in types plus those of
/// the policy's own rules and deny-list entries, sorted.
pub(crate) fn known_types(
    kind: Kind,
    custom: &[CustomRule],
    deny: &[DenyEntry],
) -> Vec<String> {
    let mut out: Vec<String> = rules::builtin()
        .filter(|r| r.kind == kind)
        .map(|r| r.type_name.to_string())
        .chain(
            custom
                .iter()
                .filter(|r| r.kind == kind)
                .map(|r| r.type_name.clone()),
        )
        .chain(
            deny.iter()
                .filter(|d| d.kind == kind)
                .map(|d| d.type_name.clone()),
        )
        .collect();
    if kind == Kind::Pii {
        out.extend(
            crate::rules::pii::EXTRA_TYPES.iter().map(|s| s.to_string()),
        );
    }
    if kind == Kind::Secret {
        out.extend(
            crate::rules::tenants::TENANTS
                .iter()
                .map(|t| t.type_name.to_string()),
        );
    }
    crate::order::sort_by(&mut out, String::cmp);
    out.dedup();
    out
}

fn check_type(t: &str, path: &str, known: &[String]) -> Result<(), Error> {
    if known.iter().any(|k| k == t) {
        Ok(())
    } else {
        Err(Error::policy(path, format!("unknown type {}", quote(t))))
    }
}

/// Reads a family's settings into `base` (its defaults). In place, not
/// by value: a `FamilyPolicy` moved in and out costs ~2 KB of wasm over
/// the four families.
fn family(
    obj: Option<Obj<'_>>,
    base: &mut FamilyPolicy,
    kind: Kind,
    custom: &[CustomRule],
    deny: &[DenyEntry],
) -> Result<(), Error> {
    let Some(mut o) = obj else { return Ok(()) };
    let known = known_types(kind, custom, deny);
    if let Some(b) = o.bool("enabled")? {
        base.enabled = b;
    }
    if let Some(list) =
        o.strings("types", MAX_LIST_ENTRIES, MAX_PATTERN_LEN)?
    {
        for (t, p) in &list {
            check_type(t, p, &known)?;
        }
        base.types = Some(list.into_iter().map(|(t, _)| t).collect());
    }
    if let Some((a, p)) = o.string("action")? {
        base.action = parse_action(a, &p)?;
    }
    if let Some(mut acts) = o.object("actions")? {
        let keys: Vec<String> =
            acts.entries.iter().map(|(k, _)| k.clone()).collect();
        for k in keys {
            if let Some((a, p)) = acts.string(&k)? {
                check_type(&k, &p, &known)?;
                base.actions.insert(k, parse_action(a, &p)?);
            }
        }
        acts.finish()?;
    }
    if let Some(n) = o.number("minScore", 0.0, 1.0)? {
        base.min_score = n as f32;
    }
    if let Some(mut th) = o.object("thresholds")? {
        let keys: Vec<String> =
            th.entries.iter().map(|(k, _)| k.clone()).collect();
        for k in keys {
            let p = join(&th.path, &k);
            if let Some(n) = th.number(&k, 0.0, 1.0)? {
                check_type(&k, &p, &known)?;
                base.thresholds.insert(k, n as f32);
            }
        }
        th.finish()?;
    }
    if let Some(ids) =
        o.strings("disabledRules", MAX_LIST_ENTRIES, MAX_PATTERN_LEN)?
    {
        for (id, p) in &ids {
            let exists =
                rules::builtin().any(|r| r.kind == kind && r.id == id);
            if !exists {
                return Err(Error::policy(
                    p.as_str(),
                    format!("unknown rule id {}", quote(id)),
                ));
            }
        }
        base.disabled_rules = ids.into_iter().map(|(id, _)| id).collect();
    }
    if kind == Kind::Pii {
        if let Some((v, p)) = o.string("names")? {
            const NAMES: [&str; 4] =
                ["core", "large", "tagger", "large+tagger"];
            let Some(i) = NAMES.iter().position(|n| *n == v) else {
                let m = "expected \"core\", \"large\", \"tagger\" or \"large+tagger\"";
                return Err(Error::policy(p, m));
            };
            (base.large_names, base.names_tagger) = (i & 1 != 0, i >= 2);
        }
    }
    o.finish()
}

fn is_upper_snake(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        && s.as_bytes()[0].is_ascii_uppercase()
}

fn parse_kind(s: &str, path: &str) -> Result<Kind, Error> {
    match s {
        "pii" => Ok(Kind::Pii),
        "secret" => Ok(Kind::Secret),
        _ => Err(Error::policy(
            path,
            format!("unknown kind {} (expected pii or secret)", quote(s)),
        )),
    }
}

fn custom_rules(
    items: &[Value],
    path: &str,
) -> Result<Vec<CustomRule>, Error> {
    if items.len() > MAX_CUSTOM_RULES {
        return Err(Error::limit(
            path,
            format!("more than {} rules", MAX_CUSTOM_RULES),
        ));
    }
    let mut out: Vec<CustomRule> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let p = index(path, i);
        let mut o = Obj::new(item, &p)?;
        let (id, idp) = o
            .string("id")?
            .ok_or_else(|| Error::policy(join(&p, "id"), "missing"))?;
        let id_ok = !id.is_empty()
            && id.len() <= 64
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !id_ok {
            return Err(Error::policy(
                idp,
                "ids are 1-64 characters of a-z, 0-9, - and _",
            ));
        }
        if out.iter().any(|r| r.id == id)
            || rules::builtin().any(|r| r.id == id)
        {
            return Err(Error::policy(
                idp,
                format!("duplicate rule id {}", quote(id)),
            ));
        }
        let (type_name, tp) = o
            .string("type")?
            .ok_or_else(|| Error::policy(join(&p, "type"), "missing"))?;
        if !is_upper_snake(type_name) {
            return Err(Error::policy(
                tp,
                "types are UPPER_SNAKE_CASE, e.g. EMPLOYEE_ID",
            ));
        }
        let (regex, rp) = o
            .string("regex")?
            .ok_or_else(|| Error::policy(join(&p, "regex"), "missing"))?;
        if regex.len() > MAX_PATTERN_LEN {
            return Err(Error::limit(rp, "longer than 4096 bytes"));
        }
        let kind = match o.string("kind")? {
            Some((k, kp)) => parse_kind(k, &kp)?,
            None => Kind::Pii,
        };
        let keywords = o
            .strings("keywords", MAX_RULE_WORDS, MAX_WORD_LEN)?
            .unwrap_or_default()
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        let context = o
            .strings("context", MAX_RULE_WORDS, MAX_WORD_LEN)?
            .unwrap_or_default()
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        let group = o.number("group", 0.0, 64.0)?.unwrap_or(0.0) as usize;
        let validator = match o.string("validator")? {
            Some((v, vp)) => Validator::by_name(v).ok_or_else(|| {
                Error::policy(
                    vp,
                    format!(
                        "unknown validator {} (expected one of: {})",
                        quote(v),
                        Validator::names()
                    ),
                )
            })?,
            None => Validator::None,
        };
        let score = o.number("score", 0.0, 1.0)?.unwrap_or(0.9) as f32;
        let action = match o.string("action")? {
            Some((a, ap)) => Some(parse_action(a, &ap)?),
            None => None,
        };
        o.finish()?;
        // Compile now: a bad pattern is a policy error with its path.
        crate::engine::Rule::custom(
            id.to_string(),
            kind,
            type_name.to_string(),
            regex,
            Vec::new(),
            group,
            validator,
            score,
            Vec::new(),
        )
        .map_err(|m| Error::policy(rp.clone(), m))?;
        out.push(CustomRule {
            id: id.to_string(),
            kind,
            type_name: type_name.to_string(),
            regex: regex.to_string(),
            keywords,
            group,
            validator,
            score,
            action,
            context,
        });
    }
    Ok(out)
}

fn hosts(list: Vec<(String, String)>) -> Result<Vec<String>, Error> {
    let mut out = Vec::new();
    for (h, p) in list {
        let h = h.trim().to_ascii_lowercase();
        let body = h.strip_prefix("*.").unwrap_or(&h);
        let ok = !body.is_empty()
            && body.bytes().all(|b| {
                b.is_ascii_alphanumeric()
                    || b == b'-'
                    || b == b'.'
                    || b == b':'
            });
        if !ok {
            return Err(Error::policy(
                p,
                format!("not a host name: {}", quote(&h)),
            ));
        }
        out.push(h);
    }
    Ok(out)
}

impl Policy {
    /// Validates a policy value. `Value::Null` gives the defaults.
    ///
    /// # Errors
    ///
    /// A policy error naming the key path of the first problem: unknown
    /// keys, wrong value types, unknown types/actions/validators, bad or
    /// oversized regexes.
    pub fn from_value(v: &Value) -> Result<Policy, Error> {
        if *v == Value::Null {
            return Ok(Policy::default());
        }
        Policy::from_object(v)
    }

    /// [`Policy::from_value`] of a value that is not `Null`. Out of line
    /// (issue 16, cold start): V8 compiles a function's whole body on its
    /// first call, and this reader's ~12 KB of wasm were compiled in
    /// every `new PromptFilter()` without a policy only to return the
    /// defaults.
    #[inline(never)]
    fn from_object(v: &Value) -> Result<Policy, Error> {
        let mut p = Policy::default();
        let mut o = Obj::new(v, "")?;
        let mut canonical = String::new();
        v.canonical(&mut canonical);
        p.canonical = canonical;
        if let Some(n) = o.number("version", 1.0, 1.0)? {
            let _ = n;
        }
        if let Some(b) = o.bool("failClosed")? {
            p.fail_closed = b;
        }
        if let Some(mut l) = o.object("limits")? {
            if let Some(n) =
                l.number("maxInputBytes", 1.0, (1u64 << 30) as f64)?
            {
                p.max_input_bytes = n as usize;
            }
            l.finish()?;
        }
        // Custom rules first: their types are valid names elsewhere.
        if let Some((items, path)) = o.array("rules", MAX_LIST_ENTRIES)? {
            p.rules = custom_rules(items, &path)?;
        }
        if let Some((items, path)) = o.array("denyList", MAX_LIST_ENTRIES)? {
            for (i, item) in items.iter().enumerate() {
                let ip = index(&path, i);
                let mut e = Obj::new(item, &ip)?;
                let (value, vp) = e.string("value")?.ok_or_else(|| {
                    Error::policy(join(&ip, "value"), "missing")
                })?;
                // One or two characters would match all over any text
                // (a finding per letter).
                if value.chars().count() < MIN_DENY_CHARS
                    || value.len() > MAX_DENY_LEN
                {
                    return Err(Error::policy(
                        vp,
                        "must be 3 characters to 256 bytes",
                    ));
                }
                let kind = match e.string("kind")? {
                    Some((k, kp)) => parse_kind(k, &kp)?,
                    None => Kind::Pii,
                };
                let type_name = match e.string("type")? {
                    Some((t, tp)) => {
                        if !is_upper_snake(t) {
                            return Err(Error::policy(
                                tp,
                                "types are UPPER_SNAKE_CASE",
                            ));
                        }
                        t.to_string()
                    }
                    None => "DENY_LIST".to_string(),
                };
                e.finish()?;
                p.deny_list.push(DenyEntry {
                    value: value.to_string(),
                    type_name,
                    kind,
                });
            }
        }
        let pii = o.object("pii")?;
        family(pii, &mut p.pii, Kind::Pii, &p.rules, &p.deny_list)?;
        let secrets = o.object("secrets")?;
        family(secrets, &mut p.secrets, Kind::Secret, &p.rules, &p.deny_list)?;
        if let Some(mut inj) = o.object("injection")? {
            if let Some(b) = inj.bool("enabled")? {
                p.injection.enabled = b;
            }
            if let Some(n) = inj.number("flagThreshold", 0.0, 1.0)? {
                p.injection.flag_threshold = n as f32;
            }
            if let Some(n) = inj.number("blockThreshold", 0.0, 1.0)? {
                p.injection.block_threshold = n as f32;
            }
            if let Some((v, path)) = inj.string("model")? {
                if v != "default" && v != "large" {
                    let m = "expected \"default\" or \"large\"";
                    return Err(Error::policy(path, m));
                }
                p.injection.large_model = v == "large";
            }
            let path = join(&inj.path, "flagThreshold");
            inj.finish()?;
            if p.injection.flag_threshold > p.injection.block_threshold {
                return Err(Error::policy(
                    path,
                    "must not exceed blockThreshold",
                ));
            }
        }
        if let Some((items, path)) = o.array("allowList", MAX_LIST_ENTRIES)? {
            for (i, item) in items.iter().enumerate() {
                let ip = index(&path, i);
                match item {
                    Value::String(v) if v.is_empty() => {}
                    Value::String(v) if v.len() > MAX_PATTERN_LEN => {
                        return Err(Error::limit(ip, "longer than 4096 bytes"))
                    }
                    // Each pattern is compiled: as many as custom rules.
                    Value::Object(_)
                        if p.allow_patterns.len() >= MAX_CUSTOM_RULES =>
                    {
                        return Err(Error::limit(
                            ip,
                            "more than 256 {regex} entries",
                        ))
                    }
                    Value::String(v) => p.allow_list.push(v.clone()),
                    Value::Object(_) => {
                        let mut e = Obj::new(item, &ip)?;
                        let (re, rp) =
                            e.string("regex")?.ok_or_else(|| {
                                Error::policy(join(&ip, "regex"), "missing")
                            })?;
                        if re.len() > MAX_PATTERN_LEN {
                            return Err(Error::limit(
                                rp,
                                format!(
                                    "longer than {} bytes",
                                    MAX_PATTERN_LEN
                                ),
                            ));
                        }
                        crate::engine::compile(&format!("^(?:{})$", re))
                            .map_err(|m| Error::policy(rp.clone(), m))?;
                        e.finish()?;
                        p.allow_patterns.push(re.to_string());
                    }
                    other => {
                        return Err(Error::policy(
                            ip,
                            format!(
                                "expected a string or {{regex}}, got {}",
                                other.type_name()
                            ),
                        ))
                    }
                }
            }
        }
        if let Some(mut m) = o.object("mask")? {
            if let Some((c, cp)) = m.string("char")? {
                let mut chars = c.chars();
                match (chars.next(), chars.next()) {
                    (Some(ch), None) => p.mask_char = ch,
                    _ => {
                        return Err(Error::policy(
                            cp,
                            "expected exactly one character",
                        ))
                    }
                }
            }
            if let Some(n) = m.number("keepLast", 0.0, 64.0)? {
                p.mask_keep_last = n as usize;
            }
            m.finish()?;
        }
        if let Some(mut h) = o.object("hash")? {
            if let Some((k, kp)) = h.string("key")? {
                if k.len() < 8 || k.len() > MAX_PATTERN_LEN {
                    return Err(Error::policy(
                        kp,
                        "use a key of 8 to 4096 bytes",
                    ));
                }
                p.hash_key = Some(k.to_string());
            }
            h.finish()?;
        }
        if let Some(mut r) = o.object("response")? {
            let pii = r.object("pii")?;
            family(
                pii,
                &mut p.response.pii,
                Kind::Pii,
                &p.rules,
                &p.deny_list,
            )?;
            let secrets = r.object("secrets")?;
            family(
                secrets,
                &mut p.response.secrets,
                Kind::Secret,
                &p.rules,
                &p.deny_list,
            )?;
            if let Some(list) =
                r.strings("allowedHosts", MAX_LIST_ENTRIES, MAX_HOST_LEN)?
            {
                p.response.allowed_hosts = hosts(list)?;
            }
            if let Some((s, sp)) = r.string("systemPrompt")? {
                if s.len() > MAX_STRING_BYTES {
                    return Err(Error::limit(sp, "longer than 1 MiB"));
                }
                p.response.system_prompt =
                    Some(s.to_string()).filter(|s| !s.trim().is_empty());
            }
            if let Some(list) =
                r.strings("canaries", MAX_LIST_ENTRIES, MAX_PATTERN_LEN)?
            {
                for (c, cp) in &list {
                    if c.trim().len() < 6 {
                        return Err(Error::policy(
                            cp.as_str(),
                            "canaries need at least 6 characters",
                        ));
                    }
                }
                p.response.canaries =
                    list.into_iter().map(|(c, _)| c).collect();
            }
            if let Some(b) = r.bool("restore")? {
                p.response.restore = b;
            }
            r.finish()?;
        }
        o.finish()?;
        Ok(p)
    }

    /// A short hex fingerprint of the policy source, for audit logs.
    pub fn fingerprint(&self) -> String {
        let d = crate::digest::sha256(self.canonical.as_bytes());
        d[..8].iter().map(|b| format!("{:02x}", b)).collect()
    }
}
