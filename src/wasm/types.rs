//! Serialization DTOs: the JS-visible wire format.
//!
//! Result: `{ verdict, text, risk, findings: [{ kind, type, start, end,
//! score, action, rule, replacement? }] }`, offsets in UTF-16 code units of
//! the original string. Maps serialize as plain objects.

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use crate::report::{
    Action, AuditRecord, Finding, Kind, ScreenResult, Verdict,
};
use crate::vault::{Vault, VaultEntry};

const SERIALIZER: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);

pub(super) fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&SERIALIZER)
        .map_err(|e| js_sys::Error::new(&e.to_string()).into())
}

/// Scores are f32 inside; three decimals keep JSON free of f32 noise
/// (0.949999988...).
fn round3(x: f32) -> f64 {
    ((x as f64) * 1000.0).round() / 1000.0
}

#[derive(Serialize)]
pub(super) struct FindingOut {
    kind: &'static str,
    #[serde(rename = "type")]
    type_name: String,
    start: usize,
    end: usize,
    score: f64,
    action: &'static str,
    rule: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    replacement: Option<String>,
}

pub(super) fn findings_out(
    text: &str,
    findings: &[Finding],
) -> Vec<FindingOut> {
    let offsets: Vec<usize> =
        findings.iter().flat_map(|f| [f.span.start, f.span.end]).collect();
    let u16 = crate::span::utf16_offsets(text, &offsets);
    findings
        .iter()
        .enumerate()
        .map(|(i, f)| FindingOut {
            kind: f.kind.as_str(),
            type_name: f.type_name.clone(),
            start: u16[2 * i],
            end: u16[2 * i + 1],
            score: round3(f.score),
            action: f.action.as_str(),
            rule: f.rule.clone(),
            replacement: f.replacement.clone(),
        })
        .collect()
}

/// Findings whose UTF-16 spans were computed already (stream scanner).
pub(super) fn findings_out_spans(
    findings: &[Finding],
    spans16: &[std::ops::Range<usize>],
) -> Vec<FindingOut> {
    findings
        .iter()
        .zip(spans16)
        .map(|(f, s)| FindingOut {
            kind: f.kind.as_str(),
            type_name: f.type_name.clone(),
            start: s.start,
            end: s.end,
            score: round3(f.score),
            action: f.action.as_str(),
            rule: f.rule.clone(),
            replacement: f.replacement.clone(),
        })
        .collect()
}

#[derive(Serialize)]
pub(super) struct ScreenResultOut {
    verdict: &'static str,
    text: String,
    risk: f64,
    findings: Vec<FindingOut>,
}

impl ScreenResultOut {
    pub(super) fn new(input: &str, r: &ScreenResult) -> ScreenResultOut {
        ScreenResultOut {
            verdict: r.verdict.as_str(),
            text: r.text.clone(),
            risk: round3(r.risk),
            findings: findings_out(input, &r.findings),
        }
    }
}

#[derive(Deserialize)]
pub(super) struct FindingIn {
    #[serde(default)]
    kind: String,
    #[serde(rename = "type", default)]
    type_name: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    rule: String,
}

#[derive(Deserialize)]
pub(super) struct ScreenResultIn {
    verdict: String,
    #[serde(default)]
    risk: f32,
    #[serde(default)]
    findings: Vec<FindingIn>,
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

#[derive(Serialize)]
pub(super) struct AuditOut {
    verdict: &'static str,
    risk: f64,
    findings: usize,
    counts: std::collections::BTreeMap<String, usize>,
    rules: Vec<String>,
    policy: String,
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

#[derive(Serialize, Deserialize)]
pub(super) struct VaultEntryDto {
    token: String,
    value: String,
    #[serde(rename = "type")]
    type_name: String,
}

#[derive(Serialize, Deserialize)]
pub(super) struct VaultDump {
    version: u32,
    entries: Vec<VaultEntryDto>,
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
