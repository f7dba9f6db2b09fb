//! Any JSON document as a policy: accepted or a policy error, never a
//! panic; an accepted policy screens text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use promptfence::{Filter, Policy, PromptFilter, Value};

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else { return };
    if let Ok(policy) = Policy::from_value(&value) {
        if let Ok(filter) = Filter::new(policy) {
            let _ = PromptFilter::new(&filter).screen_prompt(
                "mail ana@example.com, card 4111 1111 1111 1111",
            );
        }
    }
});
