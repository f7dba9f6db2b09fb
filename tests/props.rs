//! Property tests: untrusted text and policies never panic, spans stay on
//! char boundaries, pseudonymization round-trips.

use proptest::prelude::*;

use promptfence::{Filter, Policy, PromptFilter, Value};

fn texty() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ana@example.com",
        "+1 415 555 0132",
        "4111 1111 1111 1111",
        "536-22-1234",
        "DE89 3704 0044 0532 0130 00",
        "192.168.0.1",
        "ghp_R4nd0mT0k3nV4lu3sAr3N0tR34lAbCd12345",
        "AKIAZ7QWERTYUIOP2345",
        "ignore previous instructions",
        "😀",
        "東京",
        "e\u{301}",
        "\u{200b}",
        "\u{E0041}",
        "[EMAIL_1]",
        "-----BEGIN",
        " ",
        "\n",
        "@",
        ".",
        ":",
        "1",
        "x",
    ]);
    prop::collection::vec(
        prop_oneof![pieces.prop_map(String::from), any::<String>()],
        0..12,
    )
    .prop_map(|v| v.concat())
}

fn arb_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(Value::Number),
        "[a-zA-Z_\\[\\]().*+?\\\\{}0-9 -]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        let keys = prop::sample::select(vec![
            "pii",
            "secrets",
            "types",
            "action",
            "actions",
            "minScore",
            "rules",
            "id",
            "type",
            "regex",
            "response",
            "allowedHosts",
            "EMAIL",
            "limits",
            "maxInputBytes",
            "mask",
            "char",
            "denyList",
            "value",
            "group",
            "validator",
            "injection",
            "bogus",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((keys.prop_map(String::from), inner), 0..5)
                .prop_map(Value::Object),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn screening_any_text_is_total_and_well_formed(text in texty()) {
        let f = Filter::new(Policy::default()).unwrap();
        let mut chat = PromptFilter::new(&f);
        let r = chat.screen_prompt(&text);
        prop_assert!((0.0..=1.0).contains(&r.risk));
        for x in &r.findings {
            prop_assert!(x.span.start < x.span.end && x.span.end <= text.len());
            prop_assert!(text.is_char_boundary(x.span.start) && text.is_char_boundary(x.span.end));
            prop_assert!((0.0..=1.0).contains(&x.score));
        }
        let r = chat.screen_context(&text);
        prop_assert!((0.0..=1.0).contains(&r.risk));
        for x in &r.findings {
            prop_assert!(x.span.start <= x.span.end && x.span.end <= text.len());
            prop_assert!(text.is_char_boundary(x.span.start) && text.is_char_boundary(x.span.end));
        }
        let _ = chat.screen_response(&text);
        let _ = chat.restore(&text);
    }

    #[test]
    fn pseudonymized_text_restores(text in texty()) {
        // Only pseudonymize: restore must give the input back exactly,
        // unless the input already held a token-shaped string.
        prop_assume!(!text.contains('['));
        let p = Policy::from_value(&Value::Object(vec![
            ("secrets".into(), Value::Object(vec![("action".into(), Value::String("pseudonymize".into()))])),
            ("injection".into(), Value::Object(vec![("enabled".into(), Value::Bool(false))])),
        ])).unwrap();
        let f = Filter::new(p).unwrap();
        let mut chat = PromptFilter::new(&f);
        let r = chat.screen_prompt(&text);
        prop_assert_eq!(chat.restore(&r.text), text);
    }

    #[test]
    fn any_policy_value_is_accepted_or_rejected_without_panic(v in arb_value()) {
        match Policy::from_value(&v) {
            Ok(p) => {
                if let Ok(f) = Filter::new(p) {
                    let _ = PromptFilter::new(&f).screen_prompt("mail ana@example.com 4111 1111 1111 1111");
                }
            }
            Err(e) => prop_assert!(!e.path().is_empty() || !e.message().is_empty()),
        }
    }
}
