//! Offset conversion between Rust byte offsets and JS UTF-16 code units.
//!
//! The engine works on byte offsets into UTF-8 text. JS callers index
//! strings in UTF-16 code units. A lone surrogate in a JS string reaches
//! Rust as U+FFFD, which is also one UTF-16 unit, so offsets computed here
//! line up with the caller's original string.

/// Converts many byte offsets of `text` to UTF-16 offsets in one pass.
///
/// Offsets need not be sorted. An offset that is not on a char boundary is
/// rounded down to the boundary before it; one past the end is clamped.
pub fn utf16_offsets(text: &str, byte_offsets: &[usize]) -> Vec<usize> {
    if text.is_ascii() {
        // One unit per byte: no sort, no walk (a text of card numbers
        // has 70,000 findings per MB to place).
        return byte_offsets.iter().map(|&o| o.min(text.len())).collect();
    }
    let mut order: Vec<usize> = (0..byte_offsets.len()).collect();
    crate::order::sort_by_key(&mut order, |&i| byte_offsets[i]);
    let mut out = vec![0; byte_offsets.len()];
    let mut chars = text.char_indices().peekable();
    let mut units = 0usize;
    for i in order {
        let target = byte_offsets[i].min(text.len());
        while let Some(&(pos, ch)) = chars.peek() {
            if pos + ch.len_utf8() > target {
                break;
            }
            units += ch.len_utf16();
            chars.next();
        }
        out[i] = units;
    }
    out
}

/// Length of `text` in UTF-16 code units.
pub fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_around_multibyte_chars() {
        let t = "é あ 🎉x";
        // bytes: é=2, ' '=1, あ=3, ' '=1, 🎉=4, x=1
        let got = utf16_offsets(t, &[0, 2, 3, 6, 7, 11, 12]);
        assert_eq!(got, vec![0, 1, 2, 3, 4, 6, 7]);
        assert_eq!(utf16_len(t), 7);
    }

    #[test]
    fn rounds_inside_char_down_and_clamps() {
        let t = "🎉a";
        assert_eq!(utf16_offsets(t, &[2, 99]), vec![0, 3]);
    }

    #[test]
    fn ascii_offsets_are_the_byte_offsets_clamped() {
        assert_eq!(utf16_offsets("abc d", &[4, 0, 9, 2]), vec![4, 0, 5, 2]);
    }
}
