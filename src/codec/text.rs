//! Whether a decoding reads as text. Random tokens that merely look like
//! an encoding decode to binary or to noise; these checks drop them
//! before anything rescans them.

/// The thresholds one finder applies to its decodings.
///
/// NOTE: the two finders were tuned apart and keep their own values
/// (`SECRET_TEXT` in `rescan`, `PAYLOAD_TEXT` in `payload`): a secret is
/// any printable string, an injection payload must be prose. Unifying
/// them would change which runs get rescanned.
#[derive(Debug)]
pub(crate) struct Readable {
    /// Fewest chars.
    pub min_chars: usize,
    /// Most control chars, in percent of all chars. Tab, line feed and
    /// carriage return never count.
    pub max_control_percent: usize,
    /// Whether a form feed counts as whitespace (not as a control char).
    pub form_feed_is_space: bool,
    /// Prose: a quarter of the chars at least are letters and one at
    /// least is whitespace.
    pub prose: bool,
}

/// `bytes` as a string when it is valid UTF-8 and passes `check`.
pub(crate) fn readable(bytes: Vec<u8>, check: &Readable) -> Option<String> {
    let s = String::from_utf8(bytes).ok()?;
    let n = s.chars().count();
    if n < check.min_chars {
        return None;
    }
    let control = s
        .chars()
        .filter(|&c| {
            c.is_control()
                && !matches!(c, '\n' | '\r' | '\t')
                && !(check.form_feed_is_space && c == '\x0c')
        })
        .count();
    if control * 100 > n * check.max_control_percent {
        return None;
    }
    if check.prose {
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        let spaces = s.chars().filter(|c| c.is_whitespace()).count();
        if letters * 4 < n || spaces == 0 {
            return None;
        }
    }
    Some(s)
}
