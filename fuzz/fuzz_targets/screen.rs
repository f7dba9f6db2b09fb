//! Any text through every screening call on filters compiled once: no
//! panic, spans on char boundaries with consistent UTF-16 offsets,
//! restore of a pseudonymized prompt gives the values back.
//! The first byte picks the filter (default or wide policy) and whether
//! the vault is seeded; the rest is the text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use promptfence::PromptFilter;

mod common;
use common::{check_result, FILTERS, SEED_PROMPT};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    FILTERS.with(|filters| {
        let filter = &filters[(mode & 1) as usize];
        let mut chat = PromptFilter::new(filter);
        if mode & 2 != 0 {
            let _ = chat.screen_prompt(SEED_PROMPT);
        }
        let r = chat.screen_prompt(&text);
        check_result(&text, &r);
        let back = chat.restore(&r.text);
        if mode & 1 == 0
            && r.findings.iter().all(|f| {
                f.action == promptfence::Action::Pseudonymize
                    || f.action == promptfence::Action::Allow
            })
            && r.verdict != promptfence::Verdict::Block
        {
            // Only pseudonyms were applied: restore undoes them, unless the
            // input already held text that looks like a vault token.
            if !text.contains('[') && !text.bytes().any(|b| b == b'_') {
                assert_eq!(back, text, "restore does not undo pseudonyms");
            }
        }
        let c = chat.screen_context(&text);
        check_result(&text, &c);
        let s = chat.screen_response(&text);
        check_result(&text, &s);
        let _ = chat.audit(&s);
    });
});
