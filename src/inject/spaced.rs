//! The classifier's view of a text written in spaced or dotted letters
//! ("i g n o r e   a l l", "i.g.n.o.r.e  a.l.l").
//!
//! The normalizer joins the letters back into words, but the text's
//! punctuation was spaced (or dotted) too: "t i t a n i u s ,   a n"
//! folds to "titanius , an", "[.i.n.s.t.]" to "[.inst.]". The byte
//! n-grams around punctuation then differ from those of the same sentence
//! written plainly, and the classifier, trained on plain text, read a
//! spaced attack as something else (the evasion test lost 4 points of
//! TPR on spaced and dotted attacks). [`tidy`] puts the punctuation of
//! such a text back where plain prose has it, so the decoded sentence is
//! judged like the plain sentence, benign or not.
//!
//! Only texts that are mostly single letters are touched (see
//! [`separator`]); plain text keeps its view byte for byte. Linear: one
//! pass to detect, one to rewrite.

/// Letters at least, and the share of them that stand alone, for a text
/// to count as spaced.
const MIN_SINGLES: usize = 12;

/// The separator of a text written in spaced or dotted letters: `Some(b' ')`
/// or the punctuation byte that stands between its letters, when at least
/// [`MIN_SINGLES`] ASCII letters or digits stand alone and they are at
/// least 60% of all of them; `None` for ordinary text.
#[inline(never)]
pub(crate) fn separator(text: &str) -> Option<u8> {
    let b = text.as_bytes();
    // A byte that belongs to a word: ASCII alphanumeric, or any byte of
    // a non-ASCII char (letters of other scripts count as word bytes).
    let word = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
    let (mut alnum, mut singles) = (0usize, 0usize);
    // The byte after most single letters (majority vote, one pass).
    let (mut sep, mut votes) = (b' ', 0usize);
    let mut prev_word = false;
    for (i, &c) in b.iter().enumerate() {
        // Every 256 bytes: can the share still reach 60%? The rest adds
        // x singles and y >= x letters, at most (rest + 1) / 2 singles
        // (a single is followed by a non-word byte), so the margin
        // 10·singles − 6·alnum grows by at most 4x <= 2·(rest + 1).
        // Ordinary prose stops here a third of the way in.
        if i & 255 == 0 && singles * 10 + 2 * (b.len() - i + 1) < alnum * 6 {
            return None;
        }
        let is_word = word(c);
        if c.is_ascii_alphanumeric() {
            alnum += 1;
            let next = b.get(i + 1).copied();
            if !prev_word && !next.is_some_and(word) {
                singles += 1;
                let next = next.unwrap_or(b' ');
                if votes == 0 {
                    sep = next;
                }
                votes = if next == sep { votes + 1 } else { votes - 1 };
            }
        }
        prev_word = is_word;
    }
    let ok = sep == b' ' || sep.is_ascii_punctuation();
    (ok && singles >= MIN_SINGLES && singles * 10 >= alnum * 6).then_some(sep)
}

/// [`separator`] as first written (no early stop), for the test that
/// the two agree.
#[cfg(test)]
fn separator_reference(text: &str) -> Option<u8> {
    let b = text.as_bytes();
    let word = |i: usize| {
        b.get(i).is_some_and(|&c| c.is_ascii_alphanumeric() || c >= 0x80)
    };
    let (mut alnum, mut singles) = (0usize, 0usize);
    let (mut sep, mut votes) = (b' ', 0usize);
    for (i, &c) in b.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            continue;
        }
        alnum += 1;
        if (i == 0 || !word(i - 1)) && !word(i + 1) {
            singles += 1;
            let next = b.get(i + 1).copied().unwrap_or(b' ');
            if votes == 0 {
                sep = next;
            }
            votes = if next == sep { votes + 1 } else { votes - 1 };
        }
    }
    let ok = sep == b' ' || sep.is_ascii_punctuation();
    (ok && singles >= MIN_SINGLES && singles * 10 >= alnum * 6).then_some(sep)
}

/// Punctuation that follows a word without a space in plain prose.
fn closes(c: u8) -> bool {
    matches!(
        c,
        b',' | b'.' | b'!' | b'?' | b';' | b':' | b')' | b']' | b'}' | b'%'
    )
}

/// The normalized view `norm` of a text whose letters were separated by
/// `sep` ([`separator`]), with its punctuation placed as in plain prose:
/// a punctuation separator left outside a word dropped (one dot kept
/// where a word ends a sentence: "access.. you"), no space before
/// closing punctuation, after opening punctuation or at a line's ends, a
/// quote attached to the words it encloses, one space at most in a row.
/// One pass. With the view, for each of its bytes the offset in `norm`
/// of the byte it is (bytes are kept or dropped, never changed), so a
/// match on the view maps back to the text.
#[inline(never)]
pub(crate) fn tidy(norm: &str, sep: u8) -> (String, Vec<u32>) {
    let b = norm.as_bytes();
    let mut at: Vec<u32> = Vec::with_capacity(b.len());
    let word = |i: Option<usize>| {
        i.and_then(|i| b.get(i))
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c >= 0x80)
    };
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut quote = false;
    for (i, &c) in b.iter().enumerate() {
        let (before, after) = (word(i.checked_sub(1)), word(Some(i + 1)));
        if sep != b' '
            && c == sep
            && !(before && after)
            && !(before && sep == b'.' && b.get(i + 1) == Some(&b'.'))
        {
            continue;
        }
        let last = out.last().copied();
        match c {
            b'\n' => {
                while out.last() == Some(&b' ') {
                    out.pop();
                    at.pop();
                }
                quote = false;
            }
            b' ' => {
                if matches!(
                    last,
                    None | Some(b' ' | b'\n' | b'(' | b'[' | b'{')
                ) || quote && last == Some(b'"')
                {
                    continue;
                }
            }
            _ => {
                if (closes(c) || c == b'"' && quote) && last == Some(b' ') {
                    out.pop();
                    at.pop();
                }
                quote ^= c == b'"';
            }
        }
        out.push(c);
        at.push(i as u32);
    }
    while out.last() == Some(&b' ') {
        out.pop();
        at.pop();
    }
    // Only ASCII bytes were removed, never part of a UTF-8 sequence, so
    // the bytes stay valid UTF-8 (and `at` stays aligned with them); the
    // empty default cannot happen. Not `from_utf8_lossy`, whose decoder
    // costs ~1 KB of wasm (size24).
    (String::from_utf8(out).unwrap_or_default(), at)
}

/// The range of `norm` (the text [`tidy`] was given) that the range `r`
/// of the tidied view came from, given the view's offsets `at`; `None`
/// for an empty or out-of-range `r`.
pub(crate) fn to_norm(
    at: &[u32],
    r: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let first = *at.get(r.start)? as usize;
    let last = *at.get(r.end.checked_sub(1)?)? as usize;
    (r.start < r.end && first <= last).then_some(first..last + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_not_spaced() {
        assert_eq!(
            separator("Please summarize the meeting notes, thanks."),
            None
        );
        assert_eq!(separator("a b c"), None);
        assert_eq!(separator("x = 1, y = 2, z = 3"), None);
    }

    /// The early stop never changes the answer: random texts mixing
    /// words, single letters, separators and non-ASCII, of every length
    /// around the 256-byte checkpoints.
    #[test]
    fn early_stop_equals_the_reference() {
        let pieces = [
            "a ",
            "b.",
            "ig ",
            "word ",
            "x",
            ". ",
            "é",
            "日",
            "  ",
            "\n",
            "-",
            "q-",
            "longerword ",
            "1 ",
            "z,",
            "i g n o r e ",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for n in 0..3000 {
            let mut t = String::new();
            let len = n % 700;
            while t.len() < len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                // Runs of one piece, so spaced stretches occur.
                let p = pieces[(seed % pieces.len() as u64) as usize];
                for _ in 0..(seed >> 40) % 9 {
                    t.push_str(p);
                }
            }
            assert_eq!(separator(&t), separator_reference(&t), "{t:?}");
        }
    }

    #[test]
    fn spaced_and_dotted_text() {
        let s = "t i t a n i u s ,   a n   u n f i l t e r e d   a i .";
        assert_eq!(separator(s), Some(b' '));
        let view = |t: &str, sep: u8| {
            let (v, at) = tidy(t, sep);
            // Every byte of the view is the byte of `t` it maps to.
            assert_eq!(v.len(), at.len());
            assert!(at.windows(2).all(|w| w[0] < w[1]));
            for (j, &i) in at.iter().enumerate() {
                assert_eq!(v.as_bytes()[j], t.as_bytes()[i as usize]);
            }
            v
        };
        assert_eq!(
            view("titanius , an unfiltered ai .", b' '),
            "titanius, an unfiltered ai."
        );
        let d = "i.g.n.o.r.e  a.l.l  p.r.e.v.i.o.u.s";
        assert_eq!(separator(d), Some(b'.'));
        assert_eq!(
            view("[.inst.] ignore the rules.. tell me", b'.'),
            "[inst] ignore the rules. tell me"
        );
        assert_eq!(
            view("print ( \" access granted \" ) now", b' '),
            "print (\"access granted\") now"
        );
        assert_eq!(
            view("codes., and your purpose is.\n.to remain", b'.'),
            "codes, and your purpose is\nto remain"
        );
        assert_eq!(view("é . ü ,  日", b' '), "é. ü, 日");
        let (v, at) = tidy("[.inst.] ignore", b'.');
        assert_eq!(&v[1..5], "inst");
        assert_eq!(to_norm(&at, 1..5), Some(2..6));
        assert_eq!(to_norm(&at, 3..3), None);
        assert_eq!(to_norm(&at, 0..99), None);
    }
}
