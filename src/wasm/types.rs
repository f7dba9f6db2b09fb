//! Serialization DTOs: the JS-visible wire format.
//!
//! Result: `{ verdict, text, risk, findings: [{ kind, type, start, end,
//! score, action, rule, replacement? }] }`, offsets in UTF-16 code units of
//! the original string. Maps serialize as plain objects.

use wasm_bindgen::prelude::*;

use crate::policy::Value;
use crate::report::{
    Action, AuditRecord, Finding, Kind, ScreenResult, TypeMap, Verdict,
};
use crate::vault::{Vault, VaultEntry};

/// A result as the JS object the binding returns.
pub(super) trait ToJs {
    fn to_js(&self) -> JsValue;
}

/// `v` as a JS object. Built with `o[key] = value` in field order, as
/// serde-wasm-bindgen wrote the same structs (maps as plain objects,
/// sequences as arrays, numbers as numbers) before: its serializer, the
/// derived `Serialize` impls and its cache of field names (a hash map)
/// cost ~1.5 KB of the gzipped module.
pub(super) fn to_js<T: ToJs>(v: &T) -> Result<JsValue, JsValue> {
    Ok(v.to_js())
}

/// The property names of a result and of its findings, and the three
/// verdicts, as JS strings made once ([`NAMES`]): a result made them
/// anew on every call, ~14 strings decoded across the boundary, a third
/// of a short prompt's `screenPrompt` in V8 (issue 16, speed42).
const NAME_STRS: [&str; 15] = [
    "kind",
    "type",
    "start",
    "end",
    "score",
    "action",
    "rule",
    "replacement",
    "verdict",
    "text",
    "risk",
    "findings",
    "allow",
    "redact",
    "block",
];
const VERDICT: usize = 8;
const TEXT: usize = 9;
const RISK: usize = 10;
const FINDINGS: usize = 11;

thread_local! {
    static NAMES: [JsValue; 15] = NAME_STRS.map(JsValue::from_str);
}

/// The JS string of `verdict`, made once.
fn verdict_index(verdict: Verdict) -> usize {
    match verdict {
        Verdict::Allow => 12,
        Verdict::Redact => 13,
        Verdict::Block => 14,
    }
}

/// A new plain object.
fn object() -> Plain {
    js_sys::Object::new().unchecked_into()
}

impl Plain {
    /// `this[key] = value`.
    fn put(&self, key: &str, value: &JsValue) {
        self.set(&JsValue::from_str(key), value);
    }

    /// `this[key] = value` for a string value.
    fn put_str(&self, key: &str, value: &str) {
        self.put(key, &JsValue::from_str(value));
    }

    /// `this[key] = value` for a number.
    fn put_number(&self, key: &str, value: f64) {
        self.set_number(&JsValue::from_str(key), value);
    }
}

/// `strings` as a JS array of strings.
fn string_array(strings: &[String]) -> JsValue {
    let out = js_sys::Array::new();
    for s in strings {
        out.push(&JsValue::from_str(s));
    }
    out.into()
}

/// Scores are f32 inside; three decimals keep JSON free of f32 noise
/// (0.949999988...).
fn round3(x: f32) -> f64 {
    ((x as f64) * 1000.0).round() / 1000.0
}

#[wasm_bindgen]
extern "C" {
    /// A plain object written with `o[key] = value`: no try/catch
    /// wrapper per property as `Reflect::set` has.
    #[wasm_bindgen(extends = js_sys::Object)]
    type Plain;

    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &Plain, key: &JsValue, value: &JsValue);

    /// A number passed as such: no JS value made and dropped for it.
    #[wasm_bindgen(method, indexing_setter)]
    fn set_number(this: &Plain, key: &JsValue, value: f64);
}

/// JS strings of the labels findings carry (kind, type, action, rule:
/// names from the policy and the rules, never a screened value), made
/// once per module instance for the first [`LABEL_ROOM`] distinct ones
/// and kept: a short prompt's result decoded each of them from wasm
/// memory on every call (issue 16, speed45). Longer labels, and any past
/// the room, are made per result ([`Strings`]).
const LABEL_ROOM: usize = 64;
const LABEL_MAX: usize = 64;

thread_local! {
    static LABELS: std::cell::RefCell<Vec<(Box<str>, JsValue)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The index in `labels` of the JS string of `s`, made and kept when
/// there is room; `None`: not kept.
fn label_at(labels: &mut Vec<(Box<str>, JsValue)>, s: &str) -> Option<usize> {
    if let Some(i) = labels.iter().position(|(k, _)| **k == *s) {
        return Some(i);
    }
    if labels.len() >= LABEL_ROOM || s.len() > LABEL_MAX {
        return None;
    }
    labels.push((s.into(), JsValue::from_str(s)));
    Some(labels.len() - 1)
}

/// JS strings made once per result for the values findings repeat (a
/// pseudonym's token; labels past [`LABEL_ROOM`]): a text of 70,000 card
/// numbers decoded "pii", "IN_AADHAAR", ... 70,000 times each, most of
/// the glue's time and garbage. Holds at most [`Strings::ROOM`]: later
/// values are made each time (in `spare`).
struct Strings<'a> {
    labels: &'a mut Vec<(Box<str>, JsValue)>,
    made: Vec<(&'a str, JsValue)>,
    spare: JsValue,
}

impl<'a> Strings<'a> {
    const ROOM: usize = 32;

    /// A label's JS string: kept across calls when there is room.
    fn label(&mut self, s: &'a str) -> &JsValue {
        match label_at(self.labels, s) {
            Some(i) => &self.labels[i].1,
            None => self.get(s),
        }
    }

    fn get(&mut self, s: &'a str) -> &JsValue {
        match self.made.iter().position(|(k, _)| *k == s) {
            Some(i) => &self.made[i].1,
            None if self.made.len() < Self::ROOM => {
                self.made.push((s, JsValue::from_str(s)));
                &self.made[self.made.len() - 1].1
            }
            None => {
                self.spare = JsValue::from_str(s);
                &self.spare
            }
        }
    }
}

/// The findings as JS objects `{ kind, type, start, end, score, action,
/// rule, replacement? }` (in that order), `spans16[i]` the UTF-16 span of
/// `findings[i]`. Built here rather than by serde: the repeated strings
/// are made once (see [`Strings`]) and numbers cross as numbers.
fn findings_js(findings: &[Finding], spans16: &[(usize, usize)]) -> JsValue {
    NAMES.with(|keys| {
        LABELS.with_borrow_mut(|labels| {
            findings_with(keys, labels, findings, spans16)
        })
    })
}

/// [`findings_js`] with the property names (`keys`, [`NAME_STRS`]' first
/// eight).
fn findings_with(
    keys: &[JsValue; 15],
    labels: &mut Vec<(Box<str>, JsValue)>,
    findings: &[Finding],
    spans16: &[(usize, usize)],
) -> JsValue {
    let mut strings =
        Strings { labels, made: Vec::new(), spare: JsValue::NULL };
    let out = js_sys::Array::new();
    for (f, &(start, end)) in findings.iter().zip(spans16) {
        let o: Plain = js_sys::Object::new().unchecked_into();
        o.set(&keys[0], strings.label(f.kind.as_str()));
        o.set(&keys[1], strings.label(&f.type_name));
        o.set_number(&keys[2], start as f64);
        o.set_number(&keys[3], end as f64);
        o.set_number(&keys[4], round3(f.score));
        o.set(&keys[5], strings.label(f.action.as_str()));
        o.set(&keys[6], strings.label(&f.rule));
        if let Some(r) = &f.replacement {
            o.set(&keys[7], strings.get(r));
        }
        out.push(&o);
    }
    out.into()
}

/// The index in `strings` of a JS string of `s`: made once for the values
/// in `made` (at most [`Strings::ROOM`], as there), else made anew.
fn index<'a>(
    made: &mut Vec<(&'a str, f64)>,
    labels: &mut Vec<(Box<str>, JsValue)>,
    strings: &js_sys::Array,
    s: &'a str,
) -> f64 {
    if let Some(&(_, i)) = made.iter().find(|(k, _)| *k == s) {
        return i;
    }
    let n = match label_at(labels, s) {
        Some(k) => strings.push(&labels[k].1),
        None => strings.push(&JsValue::from_str(s)),
    };
    let i = f64::from(n) - 1.0;
    if made.len() < Strings::ROOM {
        made.push((s, i));
    }
    i
}

/// The findings packed for `api.js`, which makes each with one object
/// literal (`unpack`): `[numbers, strings]`, 8 numbers a finding in the
/// order of its keys: the index in `strings` of its kind and type, its
/// UTF-16 start and end, its score, the index of its action, rule and
/// replacement (-1: none). A 10 MiB prompt's 63,790 findings take less
/// of the JS heap made so than by `findings_js` (a literal holds its
/// properties in the object; eight sets on `{}` put four in a second
/// array) (issue 16, docs/PERFORMANCE.md "mem40").
fn findings_packed(
    findings: &[Finding],
    spans16: &[(usize, usize)],
) -> JsValue {
    // No finding: the empty array, which `unpack` passes through.
    if findings.is_empty() {
        return js_sys::Array::new().into();
    }
    LABELS.with_borrow_mut(|labels| packed_with(labels, findings, spans16))
}

/// [`findings_packed`] with the kept labels.
fn packed_with(
    labels: &mut Vec<(Box<str>, JsValue)>,
    findings: &[Finding],
    spans16: &[(usize, usize)],
) -> JsValue {
    let strings = js_sys::Array::new();
    let mut names = Vec::new();
    // Each distinct replacement made once (a pseudonym's token recurs
    // with its value: 3,241 distinct in a 10 MiB prompt's 63,790
    // findings, each made anew before, all young in V8 and surviving,
    // issue 16). The map type the vault uses: no new map code.
    let mut tokens = crate::vault::Map::new();
    let mut numbers = Vec::with_capacity(findings.len() * 8);
    for (f, &(start, end)) in findings.iter().zip(spans16) {
        let mut name = |s| index(&mut names, labels, &strings, s);
        let row = [
            name(f.kind.as_str()),
            name(&f.type_name),
            start as f64,
            end as f64,
            round3(f.score),
            name(f.action.as_str()),
            name(&f.rule),
            f.replacement.as_ref().map_or(-1.0, |r| {
                let i = match tokens.get(r.as_str()) {
                    Some(&i) => i,
                    None => {
                        let i = strings.push(&JsValue::from_str(r)) - 1;
                        tokens.insert(std::sync::Arc::from(r.as_str()), i);
                        i
                    }
                };
                i as f64
            }),
        ];
        numbers.extend_from_slice(&row);
    }
    let out = js_sys::Array::new();
    out.push(&js_sys::Float64Array::from(&numbers[..]));
    out.push(&strings);
    out.into()
}

/// The findings of a screened `text`, offsets in UTF-16 units.
pub(super) fn findings_out(text: &str, findings: &[Finding]) -> JsValue {
    if findings.is_empty() {
        return js_sys::Array::new().into();
    }
    let offsets: Vec<usize> =
        findings.iter().flat_map(|f| [f.span.start, f.span.end]).collect();
    let u16 = crate::span::utf16_offsets(text, &offsets);
    let spans: Vec<(usize, usize)> =
        u16.chunks_exact(2).map(|p| (p[0], p[1])).collect();
    findings_js(findings, &spans)
}

/// Findings whose UTF-16 spans were computed already (stream scanner).
pub(super) fn findings_out_spans(
    findings: &[Finding],
    spans16: &[std::ops::Range<usize>],
) -> JsValue {
    let spans: Vec<(usize, usize)> =
        spans16.iter().map(|s| (s.start, s.end)).collect();
    findings_js(findings, &spans)
}

pub(super) struct ScreenResultOut<'a> {
    verdict: Verdict,
    /// Borrowed: a copy of a 10 MiB result's text was 10 MB more wasm
    /// memory at the call's end.
    text: &'a str,
    /// The caller's own JS string when `text` is that string unchanged
    /// ([`ScreenResultOut::with_input`]): returned as it is, not decoded
    /// from wasm memory again.
    input: Option<&'a JsValue>,
    /// `text` is the caller's (`api.js`) string unchanged: `text` goes
    /// out as `undefined`, which `api.js` replaces with that string (no
    /// decode of the prompt back from wasm memory).
    same: bool,
    risk: f64,
    findings: JsValue,
}

impl ToJs for ScreenResultOut<'_> {
    fn to_js(&self) -> JsValue {
        let o = object();
        NAMES.with(|n| {
            o.set(&n[VERDICT], &n[verdict_index(self.verdict)]);
            match self.input {
                Some(v) => o.set(&n[TEXT], v),
                None if self.same => o.set(&n[TEXT], &JsValue::UNDEFINED),
                None => o.set(&n[TEXT], &JsValue::from_str(self.text)),
            }
            o.set_number(&n[RISK], self.risk);
            o.set(&n[FINDINGS], &self.findings);
        });
        o.into()
    }
}

impl<'a> ScreenResultOut<'a> {
    pub(super) fn new(input: &str, r: &'a ScreenResult) -> Self {
        ScreenResultOut {
            verdict: r.verdict,
            text: &r.text,
            input: None,
            same: false,
            risk: round3(r.risk),
            findings: findings_out(input, &r.findings),
        }
    }

    /// The result's text as `js`, the JS string `input` was read from,
    /// when the text is `input` unchanged. A lone surrogate in `js` was
    /// read as U+FFFD (the glue's `TextEncoder`), and `js` is then not
    /// the text: an `input` holding U+FFFD keeps the decoded text. Any
    /// other JS string reads back as itself.
    pub(super) fn with_input(mut self, input: &str, js: &'a JsValue) -> Self {
        if self.text == input && !input.contains('\u{FFFD}') {
            self.input = Some(js);
        }
        self
    }

    /// [`ScreenResultOut::new`] for an ASCII input of `len` bytes, which
    /// is no longer there: UTF-16 offsets are its byte offsets (as
    /// `span::utf16_offsets` has them, clamped to the end). The findings
    /// are packed (`findings_packed`): `api.js` unpacks them. An allowed
    /// prompt's text is the input unchanged (`allow`: nothing rewritten,
    /// `Verdict::of`; the length is checked too) and goes out as
    /// `undefined` for `api.js` to fill in with the caller's string.
    pub(super) fn ascii(len: usize, r: &'a ScreenResult) -> Self {
        let spans: Vec<(usize, usize)> = r
            .findings
            .iter()
            .map(|f| (f.span.start.min(len), f.span.end.min(len)))
            .collect();
        ScreenResultOut {
            verdict: r.verdict,
            text: &r.text,
            input: None,
            same: r.verdict == Verdict::Allow && r.text.len() == len,
            risk: round3(r.risk),
            findings: findings_packed(&r.findings, &spans),
        }
    }
}

// The inputs below are read from the policy `Value` tree by hand rather
// than with serde's derive: a derived reader formats a wrong-typed number
// into its error message, and that alone pulls core's float printing
// (about 4 KB gzipped) into the module. A wrong shape is `None`.
pub(super) struct FindingIn {
    kind: String,
    type_name: String,
    action: String,
    rule: String,
}

pub(super) struct ScreenResultIn {
    verdict: String,
    risk: f32,
    findings: Vec<FindingIn>,
}

/// The string at `key`: `Some("")` when absent (or null) and `default`
/// allows it, `None` when it has another type.
fn text_field(v: &Value, key: &str, optional: bool) -> Option<String> {
    match v.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        None | Some(Value::Null) if optional => Some(String::new()),
        _ => None,
    }
}

/// The array at `key`, each item read by `item`; absent is empty.
fn list_field<T>(
    v: &Value,
    key: &str,
    item: impl Fn(&Value) -> Option<T>,
) -> Option<Vec<T>> {
    match v.get(key) {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(Value::Array(items)) => items.iter().map(item).collect(),
        _ => None,
    }
}

impl FindingIn {
    fn from_value(v: &Value) -> Option<FindingIn> {
        Some(FindingIn {
            kind: text_field(v, "kind", true)?,
            type_name: text_field(v, "type", true)?,
            action: text_field(v, "action", true)?,
            rule: text_field(v, "rule", true)?,
        })
    }
}

impl ScreenResultIn {
    /// A result of `screenPrompt` / `screenResponse` as `audit` reads it.
    pub(super) fn from_value(v: &Value) -> Option<ScreenResultIn> {
        let risk = match v.get("risk") {
            None | Some(Value::Null) => 0.0,
            Some(Value::Number(n)) => *n as f32,
            Some(_) => return None,
        };
        Some(ScreenResultIn {
            verdict: text_field(v, "verdict", false)?,
            risk,
            findings: list_field(v, "findings", FindingIn::from_value)?,
        })
    }
}

fn kind_from(s: &str) -> Kind {
    match s {
        "secret" => Kind::Secret,
        "injection" => Kind::Injection,
        "canary" => Kind::Canary,
        "leak" => Kind::Leak,
        "exfiltration" => Kind::Exfiltration,
        "limit" => Kind::Limit,
        _ => Kind::Pii,
    }
}

impl ScreenResultIn {
    pub(super) fn into_result(self) -> ScreenResult {
        let verdict = match self.verdict.as_str() {
            "block" => Verdict::Block,
            "redact" => Verdict::Redact,
            _ => Verdict::Allow,
        };
        ScreenResult {
            verdict,
            text: String::new(),
            risk: self.risk.clamp(0.0, 1.0),
            findings: self
                .findings
                .into_iter()
                .map(|f| Finding {
                    kind: kind_from(&f.kind),
                    type_name: f.type_name.chars().take(64).collect(),
                    span: 0..0,
                    score: 0.0,
                    action: Action::parse(&f.action).unwrap_or(Action::Flag),
                    rule: f.rule.chars().take(64).collect(),
                    replacement: None,
                })
                .collect(),
        }
    }
}

pub(super) struct AuditOut {
    verdict: &'static str,
    risk: f64,
    findings: usize,
    counts: TypeMap<usize>,
    rules: Vec<String>,
    policy: String,
}

impl ToJs for AuditOut {
    fn to_js(&self) -> JsValue {
        let o = object();
        o.put_str("verdict", self.verdict);
        o.put_number("risk", self.risk);
        o.put_number("findings", self.findings as f64);
        // An object with a number per type, in the types' order.
        let counts = object();
        for (t, &n) in &self.counts {
            counts.put_number(t, n as f64);
        }
        o.put("counts", &counts);
        o.put("rules", &string_array(&self.rules));
        o.put_str("policy", &self.policy);
        o.into()
    }
}

impl From<&AuditRecord> for AuditOut {
    fn from(a: &AuditRecord) -> AuditOut {
        AuditOut {
            verdict: a.verdict.as_str(),
            risk: round3(a.risk),
            findings: a.findings,
            counts: a.counts.clone(),
            rules: a.rules.clone(),
            policy: a.policy.clone(),
        }
    }
}

pub(super) struct VaultEntryDto {
    token: String,
    value: String,
    type_name: String,
}

pub(super) struct VaultDump {
    version: u32,
    entries: Vec<VaultEntryDto>,
}

impl ToJs for VaultDump {
    /// `{ version, entries: [{ token, value, type }] }`.
    fn to_js(&self) -> JsValue {
        let o = object();
        o.put_number("version", f64::from(self.version));
        let entries = js_sys::Array::new();
        for e in &self.entries {
            let x = object();
            x.put_str("token", &e.token);
            x.put_str("value", &e.value);
            x.put_str("type", &e.type_name);
            entries.push(&x);
        }
        o.put("entries", &entries);
        o.into()
    }
}

impl From<&Vault> for VaultDump {
    fn from(v: &Vault) -> VaultDump {
        VaultDump {
            version: 1,
            entries: v
                .entries()
                .iter()
                .map(|e| VaultEntryDto {
                    token: e.token.clone(),
                    value: e.value.clone(),
                    type_name: e.type_name.clone(),
                })
                .collect(),
        }
    }
}

impl VaultDump {
    /// What `exportVault` returned, read back by hand (see `FindingIn`).
    pub(super) fn from_value(v: &Value) -> Option<VaultDump> {
        let version = match v.get("version") {
            Some(Value::Number(n))
                if *n >= 0.0 && *n <= u32::MAX as f64 && n.fract() == 0.0 =>
            {
                *n as u32
            }
            _ => return None,
        };
        let entries = match v.get("entries") {
            Some(Value::Array(_)) => list_field(v, "entries", |e| {
                Some(VaultEntryDto {
                    token: text_field(e, "token", false)?,
                    value: text_field(e, "value", false)?,
                    type_name: text_field(e, "type", false)?,
                })
            })?,
            _ => return None,
        };
        Some(VaultDump { version, entries })
    }

    pub(super) fn into_entries(self) -> Result<Vec<VaultEntry>, String> {
        if self.version != 1 {
            return Err(format!("unsupported vault version {}", self.version));
        }
        Ok(self
            .entries
            .into_iter()
            .map(|e| VaultEntry {
                token: e.token,
                value: e.value,
                type_name: e.type_name,
            })
            .collect())
    }
}
