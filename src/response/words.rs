//! Holds for text at the end of a stream window that may still change:
//! a word still forming (names in any script) and a pseudonym token.

/// Longest trailing word held back for names: the names tokenizer's own
/// look-ahead (64 bytes), past which a run is one opaque token.
const WORD_HOLD: usize = 64;

/// Start of the last words that a names decision may still change: the
/// trailing word, which may still be forming, and the word before it,
/// which the next word may turn into a name ("Ивана " + "Петрова"), each
/// at most [`WORD_HOLD`] bytes. Other holds cover runs of ASCII word
/// characters only, so chunks ending inside or after "Reykjaví" or
/// "Ивана" committed half a name that the one-shot screen redacts.
/// Letters of any script and combining accents count.
pub(super) fn partial_word(text: &str) -> usize {
    let word_start = |end: usize| {
        let mut start = end;
        for (i, c) in text[..end].char_indices().rev() {
            let mark = ('\u{300}'..='\u{36f}').contains(&c);
            if !(c.is_alphanumeric() || mark) || end - i > WORD_HOLD {
                break;
            }
            start = i;
        }
        start
    };
    let last = word_start(text.len());
    // PERF: a byte loop (`trim_end_matches` was compiled by the first
    // push for this one use; issue 16).
    let b = text.as_bytes();
    let mut gap = last;
    while gap > 0 && matches!(b.get(gap - 1), Some(b' ' | b'\t')) {
        gap -= 1;
    }
    if gap == last || last - gap > 2 {
        return last;
    }
    match word_start(gap) {
        before if before < gap => before,
        _ => last,
    }
}

/// Earliest start of a pseudonym token that may still be forming.
pub(super) fn token_pending(text: &str) -> usize {
    let b = text.as_bytes();
    let lo = b.len().saturating_sub(52);
    for i in (lo..b.len()).rev() {
        match b[i] {
            b'[' => return i,
            c if c.is_ascii_alphanumeric() || c == b'_' => {}
            // Kelvin sign / long s (case folding) are multi-byte.
            c if c >= 0x80 => {}
            _ => break,
        }
    }
    b.len()
}
