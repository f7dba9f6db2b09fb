//! Actions (mask, redact, hash, pseudonymize, synthesize, block), policy
//! controls for PII, and tolerant restoration, through the public API.

use promptfence::{
    Action, Filter, Policy, PromptFilter, Value, Vault, VaultEntry, Verdict,
};

fn policy(json: &str) -> Policy {
    let v: Value = serde_json::from_str(json).expect("json");
    Policy::from_value(&v).expect("valid policy")
}

fn filter(json: &str) -> Filter {
    Filter::new(policy(json)).expect("filter")
}

const CARD: &str = "4539 1488 0343 6467";

#[test]
fn mask_keeps_separators_and_last_n() {
    let f = filter(
        r##"{"pii":{"action":"mask"},"mask":{"char":"#","keepLast":4}}"##,
    );
    let out =
        PromptFilter::new(&f).screen_prompt(&format!("card {} ok", CARD));
    assert_eq!(out.text, "card #### #### #### 6467 ok");
    assert_eq!(out.verdict, Verdict::Redact);
    assert_eq!(out.findings[0].action, Action::Mask);
}

#[test]
fn redact_uses_the_type_label() {
    let f = filter(r#"{"pii":{"action":"redact"}}"#);
    let out = PromptFilter::new(&f)
        .screen_prompt("mail ana@example.com, NHS 943 476 5919");
    assert_eq!(out.text, "mail [EMAIL], NHS [UK_NHS]");
}

#[test]
fn hash_is_keyed_stable_and_hides_the_value() {
    let a =
        filter(r#"{"pii":{"action":"hash"},"hash":{"key":"key-one-123"}}"#);
    let b =
        filter(r#"{"pii":{"action":"hash"},"hash":{"key":"key-two-456"}}"#);
    let t = "mail ana@example.com";
    let x = PromptFilter::new(&a).screen_prompt(t).text;
    let y = PromptFilter::new(&a).screen_prompt(t).text;
    let z = PromptFilter::new(&b).screen_prompt(t).text;
    assert_eq!(x, y, "stable within a key");
    assert_ne!(x, z, "differs across keys");
    assert!(x.starts_with("mail [EMAIL:") && !x.contains("ana"));
}

#[test]
fn pseudonymize_is_consistent_across_turns_and_restores() {
    let f = filter("{}");
    let mut chat = PromptFilter::new(&f);
    let one = chat.screen_prompt("I am ana@example.com, call +1 415 555 0132");
    assert_eq!(one.text, "I am [EMAIL_1], call [PHONE_1]");
    let two = chat.screen_prompt("again: ana@example.com and bo@example.com");
    assert_eq!(two.text, "again: [EMAIL_1] and [EMAIL_2]");
    let back = chat.screen_response("Sure [EMAIL_1], I will text [PHONE_1].");
    assert_eq!(
        back.text,
        "Sure ana@example.com, I will text +1 415 555 0132."
    );
}

#[test]
fn restore_is_tolerant_but_only_for_vault_tokens() {
    let mut v = Vault::new();
    v.tokenize("EMAIL", "ana@example.com");
    v.tokenize("US_SSN", "536-22-1234");
    let cases = [
        ("**[EMAIL_1]**", "**ana@example.com**"),
        ("[email_1].", "ana@example.com."),
        ("[Email_1]!", "ana@example.com!"),
        ("[ EMAIL_1 ]", "ana@example.com"),
        ("[EMAIL 1]", "ana@example.com"),
        ("write to EMAIL_1, ok", "write to ana@example.com, ok"),
        ("ssn [US_SSN_1]", "ssn 536-22-1234"),
        ("(US_SSN_1)", "(536-22-1234)"),
        // Look like tokens, are not in the vault: untouched.
        ("[EMAIL_2] [PHONE_1]", "[EMAIL_2] [PHONE_1]"),
        ("MY_EMAIL_1 email_1 EMAIL_10", "MY_EMAIL_1 email_1 EMAIL_10"),
        ("[EMAIL_1x]", "[EMAIL_1x]"),
    ];
    for (input, want) in cases {
        assert_eq!(v.restore(input), want, "{}", input);
    }
}

#[test]
fn vault_export_import_round_trip() {
    let f = filter("{}");
    let mut a = PromptFilter::new(&f);
    let out = a.screen_prompt("ana@example.com and 536-22-1234");
    // Export as JSON the way the JS binding does ({version, entries}).
    let dump = serde_json::json!({
        "version": 1,
        "entries": a.vault().entries().iter().map(|e| serde_json::json!({
            "token": e.token, "value": e.value, "type": e.type_name,
        })).collect::<Vec<_>>(),
    });
    let text = dump.to_string();
    let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
    let entries: Vec<VaultEntry> = parsed["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| VaultEntry {
            token: e["token"].as_str().unwrap().into(),
            value: e["value"].as_str().unwrap().into(),
            type_name: e["type"].as_str().unwrap().into(),
        })
        .collect();
    let mut b = PromptFilter::new(&f);
    assert_eq!(b.vault_mut().import(entries.clone()), 2);
    assert_eq!(b.restore(&out.text), "ana@example.com and 536-22-1234");
    // New values continue the numbering; re-import adds nothing.
    let next = b.screen_prompt("bo@example.com");
    assert_eq!(next.text, "[EMAIL_2]");
    assert_eq!(b.vault_mut().import(entries), 0);
    // Malformed tokens are skipped.
    let bad = VaultEntry {
        token: "[EMAIL 9]".into(),
        value: "x@example.com".into(),
        type_name: "EMAIL".into(),
    };
    assert_eq!(b.vault_mut().import(vec![bad]), 0);
    // Debug never shows values.
    assert!(!format!("{:?}", b.vault()).contains("example"));
}

#[test]
fn synthesize_gives_same_format_fakes() {
    let f = filter(
        r#"{"pii":{"action":"synthesize"},"hash":{"key":"synth-key-1"}}"#,
    );
    let t = format!("card {} mail ana@corp.io ip 10.1.2.3", CARD);
    let a = PromptFilter::new(&f).screen_prompt(&t);
    let b = PromptFilter::new(&f).screen_prompt(&t);
    assert_eq!(a.text, b.text, "deterministic per key and value");
    assert!(!a.text.contains("4539") && !a.text.contains("ana@corp.io"));
    assert!(a.text.contains("@example."), "{}", a.text);
    let card = &a.findings[0];
    assert_eq!(card.action, Action::Synthesize);
    let fake = card.replacement.as_deref().unwrap();
    assert_eq!(fake.len(), CARD.len());
    assert!(fake.starts_with("4000 00"));
}

#[test]
fn block_refuses_the_text() {
    let f = filter(r#"{"pii":{"actions":{"US_SSN":"block"}}}"#);
    let out = PromptFilter::new(&f).screen_prompt("ssn 536-22-1234");
    assert_eq!(out.verdict, Verdict::Block);
    assert_eq!(out.text, "");
}

#[test]
fn per_type_actions_thresholds_and_min_score() {
    let f = filter(
        r#"{"pii":{"action":"redact","actions":{"EMAIL":"flag"},
            "thresholds":{"CREDIT_CARD":0.99},"minScore":0.5}}"#,
    );
    let out = PromptFilter::new(&f)
        .screen_prompt(&format!("ana@example.com {}", CARD));
    assert_eq!(out.text, format!("ana@example.com {}", CARD));
    assert_eq!(out.findings.len(), 1);
    assert_eq!(out.findings[0].action, Action::Flag);
    // Context-only rules (score < 0.5) run only next to a context word,
    // whatever minScore says: a bare 9-digit number is never a passport.
    let low = filter(r#"{"pii":{"action":"redact","minScore":0.2}}"#);
    assert_eq!(
        PromptFilter::new(&low).screen_prompt("536221234").text,
        "536221234"
    );
    // minScore 0.92: email (0.95) stays, the card (0.9) goes.
    let high = filter(r#"{"pii":{"action":"redact","minScore":0.92}}"#);
    assert_eq!(
        PromptFilter::new(&high)
            .screen_prompt(&format!("ana@example.com {}", CARD))
            .text,
        format!("[EMAIL] {}", CARD)
    );
    let ctx = filter(r#"{"pii":{"action":"redact"}}"#);
    assert_eq!(
        PromptFilter::new(&ctx).screen_prompt("SSN 536221234").text,
        "SSN [US_SSN]"
    );
    let dflt = filter(r#"{"pii":{"action":"redact"}}"#);
    assert_eq!(
        PromptFilter::new(&dflt).screen_prompt("536221234").text,
        "536221234"
    );
}

#[test]
fn allow_and_deny_lists() {
    let f = filter(
        r#"{"pii":{"action":"redact"},
            "allowList":["support@example.com"],
            "denyList":[{"value":"Project Nightjar","type":"CODENAME"}]}"#,
    );
    let out = PromptFilter::new(&f).screen_prompt(
        "write SUPPORT@example.com or ana@example.com about project nightjar",
    );
    assert_eq!(
        out.text,
        "write SUPPORT@example.com or [EMAIL] about [CODENAME]"
    );
}

#[test]
fn custom_rules_with_validators_by_name() {
    let f = filter(
        r#"{"pii":{"action":"redact"},"rules":[
            {"id":"emp","type":"EMPLOYEE_ID","regex":"\\bEMP-\\d{6}\\b","score":0.9},
            {"id":"acct","type":"ACCOUNT","regex":"\\bAC\\d{16}\\b","validator":"luhn","action":"mask"},
            {"id":"nhs-alt","type":"NHS_ALT","regex":"\\bN\\d{10}\\b","validator":"uk_nhs"}
        ]}"#,
    );
    let out = PromptFilter::new(&f).screen_prompt(
        "EMP-482019 AC4539148803436467 AC4539148803436468 N9434765919 N9434765918",
    );
    assert_eq!(
        out.text,
        "[EMPLOYEE_ID] ****************** AC4539148803436468 [NHS_ALT] N9434765918"
    );
    let bad: Value = serde_json::from_str(
        r#"{"rules":[{"id":"x","type":"X","regex":"a","validator":"nope"}]}"#,
    )
    .unwrap();
    let err = Policy::from_value(&bad).unwrap_err();
    assert_eq!(err.path(), "rules[0].validator");
    assert!(err.message().contains("uk_nhs"), "{}", err.message());
}

#[test]
fn screening_never_panics_on_odd_text() {
    let f = filter("{}");
    let mut s = PromptFilter::new(&f);
    for t in [
        "",
        "\u{0}",
        "é🎉",
        "\u{202e}+1 415 555 0132",
        "[EMAIL_1",
        "::",
        "+",
        "0x",
        "bc1",
        "DE89 3704",
        "4111 1111 1111 1111 1111 1111",
        &"9".repeat(5000),
        &"[EMAIL_1]".repeat(100),
    ] {
        let _ = s.screen_prompt(t);
        let _ = s.screen_response(t);
        let _ = s.restore(t);
    }
}

#[test]
fn dates_are_flagged_not_rewritten_by_default() {
    let f = filter("{}");
    let out =
        PromptFilter::new(&f).screen_prompt("what happened on 2024-01-15?");
    assert_eq!(out.text, "what happened on 2024-01-15?");
    assert_eq!(out.findings[0].type_name, "DATE_TIME");
    assert_eq!(out.findings[0].action, Action::Flag);
    let r = filter(r#"{"pii":{"actions":{"DATE_TIME":"redact"}}}"#);
    assert_eq!(
        PromptFilter::new(&r).screen_prompt("on 2024-01-15").text,
        "on [DATE_TIME]"
    );
}

#[test]
fn allow_list_regex_entries() {
    let f = filter(
        r#"{"pii":{"action":"redact"},
            "allowList":[{"regex":"[a-z.]+@example\\.com"}, "+1 415 555 0132"]}"#,
    );
    let out = PromptFilter::new(&f).screen_prompt(
        "ana@example.com bo@corp.io +1 415 555 0132 +1 212 555 0147",
    );
    assert_eq!(out.text, "ana@example.com [EMAIL] +1 415 555 0132 [PHONE]");
    for (bad, path) in [
        (r#"{"allowList":[{"regex":"("}]}"#, "allowList[0].regex"),
        (r#"{"allowList":[{"re":"x"}]}"#, "allowList[0].regex"),
        (r#"{"allowList":[3]}"#, "allowList[0]"),
    ] {
        let v: Value = serde_json::from_str(bad).unwrap();
        let e = Policy::from_value(&v).unwrap_err();
        assert_eq!(e.path(), path, "{}", bad);
    }
}
