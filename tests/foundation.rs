//! Cross-cutting promises: UTF-16 offsets, no raw values in Debug, auto
//! traits. (The layering rules are in `architecture.rs`.)

use promptfence::{utf16_offsets, Filter, Policy, PromptFilter, Verdict};

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

#[test]
fn utf16_offsets_slice_the_value_after_emoji_cjk_and_combining_marks() {
    let f = Filter::new(Policy::default()).unwrap();
    for prefix in
        ["😀 ", "東京の 🎉🎉 ", "e\u{301}e\u{301} ", "\u{FFFD} ", "👩‍👩‍👧 "]
    {
        let text = format!("{}mail ana.lopez@example.com 😀 ok", prefix);
        let r = PromptFilter::new(&f).screen_prompt(&text);
        let email = r
            .findings
            .iter()
            .find(|x| x.type_name == "EMAIL")
            .expect("email found");
        let u = utf16_offsets(&text, &[email.span.start, email.span.end]);
        assert_eq!(
            utf16_slice(&text, u[0], u[1]),
            "ana.lopez@example.com",
            "{:?}",
            prefix
        );
    }
}

#[test]
fn acceptance_example_round_trips() {
    let f = Filter::new(Policy::default()).unwrap();
    let mut chat = PromptFilter::new(&f);
    let text = "Mail me at ana.lopez@example.com 😀 ok";
    let r = chat.screen_prompt(text);
    assert_eq!(r.verdict, Verdict::Redact);
    assert!(!r.text.contains("ana.lopez"));
    assert_eq!(chat.restore(&r.text), text);
}

#[test]
fn debug_output_never_contains_values() {
    let f = Filter::new(Policy::default()).unwrap();
    let mut chat = PromptFilter::new(&f);
    let r = chat
        .screen_prompt("card 4111 1111 1111 1111, mail ana.lopez@example.com");
    let dbg = format!("{:?} {:?} {:?}", r, chat, chat.audit(&r));
    for secret in ["4111", "ana.lopez", "example.com"] {
        assert!(
            !dbg.contains(secret),
            "{} leaked into Debug: {}",
            secret,
            dbg
        );
    }
}

#[test]
fn public_types_are_send_sync_unwind_safe() {
    fn check<
        T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe,
    >() {
    }
    check::<promptfence::Filter>();
    check::<promptfence::Policy>();
    check::<promptfence::ScreenResult>();
    check::<promptfence::Error>();
    check::<promptfence::PromptFilter>();
    check::<promptfence::Vault>();
}
