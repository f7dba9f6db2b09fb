//! A response split into chunks anywhere: the stream's joined output
//! equals one-shot screening. Chunking and text are mutated separately:
//! byte 0 = mode (filter, seeded vault), byte 1 = n, the next n bytes are
//! chunk lengths in bytes (used in a cycle, 0 means 1), the rest is the
//! text. Filters are compiled once.
#![no_main]
use libfuzzer_sys::fuzz_target;
use promptfence::{PromptFilter, ResponseScanner};

mod common;
use common::{check_result, FILTERS, SEED_PROMPT};

fuzz_target!(|data: &[u8]| {
    let [mode, n, rest @ ..] = data else { return };
    let n = (*n as usize % 16).min(rest.len());
    let (lens, body) = rest.split_at(n);
    let text = String::from_utf8_lossy(body).into_owned();
    FILTERS.with(|filters| {
        let filter = &filters[(mode & 1) as usize];
        let seed = |chat: &mut PromptFilter| {
            if mode & 2 != 0 {
                let _ = chat.screen_prompt(SEED_PROMPT);
            }
        };
        let mut one = PromptFilter::new(filter);
        seed(&mut one);
        let want = one.screen_response(&text);
        check_result(&text, &want);

        let mut chat = PromptFilter::new(filter);
        seed(&mut chat);
        let mut scanner = ResponseScanner::new();
        let mut got = String::new();
        let mut at = 0;
        let mut i = 0;
        while at < text.len() {
            let step = if lens.is_empty() {
                1 + (*mode as usize >> 2)
            } else {
                (lens[i % lens.len()] as usize).max(1)
            };
            i += 1;
            let mut end = (at + step).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            got.push_str(
                &scanner.push(&mut chat.response_context(), &text[at..end]),
            );
            at = end;
        }
        got.push_str(&scanner.finish(&mut chat.response_context()));
        assert_eq!(got, want.text, "stream differs from one-shot");
    });
});
