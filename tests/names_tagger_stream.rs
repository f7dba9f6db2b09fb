//! Shared by the names tagger tests (`names_tagger`, `names_tagger_trained`):
//! a response stream cut in two anywhere gives the one-shot text.

use promptfence::{PromptFilter, ResponseScanner};

/// Streams `text` in two pieces at every char boundary through `f` and
/// checks each result equals `f.screen_response(text)`'s text; returns
/// the one-shot findings.
pub fn every_split_equals_one_shot(
    f: &mut PromptFilter,
    text: &str,
) -> Vec<promptfence::Finding> {
    let one = f.screen_response(text);
    for cut in (1..text.len()).filter(|&c| text.is_char_boundary(c)) {
        let mut sc = ResponseScanner::new();
        let mut out = sc.push(&mut f.response_context(), &text[..cut]);
        out += &sc.push(&mut f.response_context(), &text[cut..]);
        out += &sc.finish(&mut f.response_context());
        assert_eq!(out, one.text, "{text:?} cut at {cut}");
    }
    one.findings
}
