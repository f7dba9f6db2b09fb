//! rot13: each ASCII letter moved 13 places. Any text "decodes", so it
//! is tried only on a text that names it.

/// rot13 of the ASCII letters of `s`; other chars are kept.
pub(crate) fn rot13(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'a'..='z' => (((c as u8 - b'a') + 13) % 26 + b'a') as char,
            'A'..='Z' => (((c as u8 - b'A') + 13) % 26 + b'A') as char,
            _ => c,
        })
        .collect()
}

/// Whether the lowercased text says "rot13", "rot 13", "rot-13" or
/// "caesar": one pass, looking further only after "ro" or "ca".
pub(crate) fn named(lowered: &str) -> bool {
    let b = lowered.as_bytes();
    b.windows(2).enumerate().any(|(i, pair)| match pair {
        b"ro" => {
            let rest = &b[i + 2..];
            rest.starts_with(b"t13")
                || rest.starts_with(b"t 13")
                || rest.starts_with(b"t-13")
        }
        b"ca" => b[i + 2..].starts_with(b"esar"),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotates_letters_only() {
        assert_eq!(rot13("vtaber"), "ignore");
        assert_eq!(rot13("Vtaber 13 ñ!"), "Ignore 13 ñ!");
    }

    #[test]
    fn rotation_is_named() {
        for hint in [
            "rot13",
            "decode this rot 13: vtaber",
            "(rot-13)",
            "a caesar cipher",
        ] {
            assert!(named(hint), "{hint}");
        }
        for hint in ["", "r", "rot", "rot1", "rot 1", "caesa", "carrot 12"] {
            assert!(!named(hint), "{hint}");
        }
    }
}
