//! Any text split anywhere: the stream's joined output equals one-shot.
#![no_main]
use libfuzzer_sys::fuzz_target;
use promptfence::{Filter, Policy, PromptFilter, ResponseScanner};

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let step = 1 + data[0] as usize % 16;
    let text = String::from_utf8_lossy(&data[1..]).into_owned();
    let filter = Filter::new(Policy::default()).unwrap();
    let mut one = PromptFilter::new(&filter);
    let want = one.screen_response(&text).text;
    let mut chat = PromptFilter::new(&filter);
    let mut scanner = ResponseScanner::new();
    let mut got = String::new();
    let mut at = 0;
    while at < text.len() {
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
    assert_eq!(got, want);
});
