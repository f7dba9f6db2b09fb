//! Any text through prompt and response screening: no panic, spans on
//! char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;
use promptfence::{Filter, Policy, PromptFilter};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let filter = Filter::new(Policy::default()).unwrap();
    let mut chat = PromptFilter::new(&filter);
    let r = chat.screen_prompt(&text);
    for f in &r.findings {
        assert!(
            text.is_char_boundary(f.span.start)
                && text.is_char_boundary(f.span.end)
        );
        assert!(f.span.start < f.span.end && f.span.end <= text.len());
    }
    let _ = chat.screen_response(&text);
    let _ = chat.restore(&r.text);
});
