//! What a URL reveals once found: its host as a browser reads it, whether
//! its scheme runs code, whether the host is allowed, and whether its path
//! or query carries data.

/// The host of an absolute or protocol-relative URL (lowercase, with
/// port), or `None` for relative URLs and schemes without a host. Read
/// as a browser does: tabs and line breaks dropped, `\\` as `/`, and
/// `http:host` (no slashes) as a host. With `keep` false it tells only
/// whether the URL has one (the `String` is then empty: no allow list to
/// read it against, issue 16).
///
/// PERF: reads the URL only up to its host's end (issue 16): a response
/// of `http://` repeated has a bare URL every 7 bytes, each up to
/// `HOLD` long, and a copy of each whole URL made it quadratic.
pub(crate) fn read_host(url: &str, keep: bool) -> Option<String> {
    // Bytes, not chars: every byte dropped, mapped or stopped at is
    // ASCII, and the rest pass as they are, so this reads as the chars
    // did (issue 16: ~1,500 instructions a URL as chars).
    let mut u = url
        .bytes()
        .filter(|b| !matches!(b, b'\t' | b'\n' | b'\r'))
        .skip_while(|&b| b <= b' ')
        .map(|b| if b == b'\\' { b'/' } else { b.to_ascii_lowercase() })
        .peekable();
    if u.next_if_eq(&b'/').is_some() {
        // `//host`; a lone `/` starts no scheme.
        u.next_if_eq(&b'/')?;
    } else {
        // The scheme: up to the first `:`, a letter then letters,
        // digits, `+`, `-` or `.` (any other character before the `:`
        // fails it). Its first bytes only, in place (no `String` per
        // URL, issue 16): the schemes read below are at most 5 long.
        let (mut scheme, mut len) = ([0u8; 5], 0usize);
        loop {
            let c = u.next()?;
            if c == b':' {
                break;
            }
            let ok = if len == 0 {
                c.is_ascii_alphabetic()
            } else {
                c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.')
            };
            if !ok {
                return None;
            }
            if let Some(s) = scheme.get_mut(len) {
                *s = c;
            }
            len += 1;
        }
        if len == 0 {
            return None;
        }
        let slashes = u.next_if_eq(&b'/').is_some();
        if !(slashes && u.next_if_eq(&b'/').is_some()) {
            let web = scheme.get(..len).is_some_and(|s| {
                matches!(s, b"http" | b"https" | b"ftp" | b"ws" | b"wss")
            });
            if !web {
                return None;
            }
            while u.next_if_eq(&b'/').is_some() {}
        }
    }
    // The authority up to `/`, `?` or `#`; the host is its part after
    // the last `@` (one buffer, not the authority's and a copy).
    let mut host = Vec::new();
    for c in u.take_while(|c| !matches!(c, b'/' | b'?' | b'#')) {
        if c == b'@' {
            host.clear();
        } else if keep {
            host.push(c);
        }
    }
    // Whole chars: only ASCII bytes were dropped or cut at.
    String::from_utf8(host).ok()
}

/// True for schemes that run code or embed content: the URL's chars
/// but whitespace and controls, ASCII-lowercased, begin with one of
/// them. Read in place (issue 16: a `String` pushed char by char per
/// URL was a tenth of a response of `http://` repeated).
pub(crate) fn dangerous_scheme(url: &str) -> bool {
    const SCHEMES: [&[u8]; 3] = [b"javascript:", b"vbscript:", b"data:"];
    let mut head = [0u8; 11];
    let mut len = 0;
    // An ASCII char is whitespace or a control exactly when it is at
    // most a space or DEL (issue 16: the Unicode tests per char).
    let kept = url.chars().filter(|&c| {
        if c.is_ascii() {
            c > ' ' && c != '\x7f'
        } else {
            !c.is_whitespace() && !c.is_control()
        }
    });
    // A char past ASCII ends every scheme's match: 0 stands for it.
    for c in kept.take(head.len()) {
        if let Some(h) = head.get_mut(len) {
            *h = u8::try_from(c).map_or(0, |b| b.to_ascii_lowercase());
        }
        len += 1;
    }
    let head = head.get(..len).unwrap_or(&[]);
    SCHEMES.iter().any(|s| head.starts_with(s))
}

pub(crate) fn host_allowed(host: &str, allowed: &[String]) -> bool {
    let bare = host.split(':').next().unwrap_or(host);
    allowed.iter().any(|a| match a.strip_prefix("*.") {
        Some(sfx) => {
            let dotted =
                |h: &str| h == sfx || h.ends_with(&format!(".{}", sfx));
            dotted(host) || dotted(bare)
        }
        None => a == host || a == bare,
    })
}

fn looks_like_data(v: &[u8]) -> bool {
    let pct = v
        .windows(3)
        .filter(|w| {
            w[0] == b'%'
                && w[1].is_ascii_hexdigit()
                && w[2].is_ascii_hexdigit()
        })
        .count();
    let alpha = v.iter().any(|b| b.is_ascii_alphabetic());
    let digit = v.iter().any(|b| b.is_ascii_digit());
    v.len() >= 32
        || pct >= 3
        || v.contains(&b'@')
        || v.windows(3).any(|w| w.eq_ignore_ascii_case(b"%40"))
        || (v.len() >= 16
            && alpha
            && digit
            && crate::validate::entropy(v) >= 3.3)
}

/// Does the URL carry data in its path, query or fragment?
pub(crate) fn carries_data(url: &str) -> bool {
    let b = url.as_bytes();
    let lower = url.to_ascii_lowercase();
    if b.contains(&b'[') || b.contains(&b']') || lower.contains("%5b") {
        return true; // a pseudonym token or bracketed payload
    }
    // Whether there is a host, not its text ([`read_host`] keeps none).
    let after_host = match read_host(url, false) {
        Some(_) => {
            let start = lower.find("//").map_or(0, |i| i + 2);
            let rest = &url[start..];
            rest.find(['/', '?', '#']).map_or("", |i| &rest[i..])
        }
        None => url,
    };
    let (path, query) = match after_host.find(['?', '#']) {
        Some(i) => (&after_host[..i], &after_host[i + 1..]),
        None => (after_host, ""),
    };
    if query.len() >= 96 {
        return true;
    }
    let q = query
        .split(['&', '#', ';'])
        .map(|kv| kv.split_once('=').map_or(kv, |(_, v)| v));
    path.split('/').chain(q).any(|v| looks_like_data(v.as_bytes()))
}

/// [`read_host`] with the host kept (the tests' reading).
#[cfg(test)]
pub(crate) fn host(url: &str) -> Option<String> {
    read_host(url, true)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// `host` before it read only up to the host's end: the whole URL
    /// normalized into a `String`, then split.
    fn host_whole(url: &str) -> Option<String> {
        let u: String = url
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect::<String>()
            .trim_start_matches(|c: char| c <= ' ')
            .chars()
            .map(|c| if c == '\\' { '/' } else { c.to_ascii_lowercase() })
            .collect::<String>();
        let rest = if let Some(r) = u.strip_prefix("//") {
            r
        } else {
            let (scheme, r) = u.split_once(':')?;
            if !scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                || !scheme
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
            {
                return None;
            }
            match r.strip_prefix("//") {
                Some(r) => r,
                None if matches!(
                    scheme,
                    "http" | "https" | "ftp" | "ws" | "wss"
                ) =>
                {
                    r.trim_start_matches('/')
                }
                None => return None,
            }
        };
        let auth = rest.split(['/', '?', '#']).next().unwrap_or("");
        Some(auth.rsplit('@').next().unwrap_or("").to_string())
    }

    proptest! {
        /// The same host as the whole-URL reading, on URL-ish texts.
        #[test]
        fn host_reads_as_the_whole_url_did(
            url in "[ \t\n\r\\\\/:@?#a-zA-Z0-9+.\\-éÉ\u{c0}中]{0,24}",
            scheme in prop::sample::select(vec![
                "", "http:", "HTTPS:", "ftp:", "ws:", "wss:", "mailto:",
                "x+y.z-1:", "//", "1a:", " \tHt\ntp:", "é:",
            ]),
        ) {
            let url = format!("{scheme}{url}");
            prop_assert_eq!(super::host(&url), host_whole(&url), "{:?}", url);
            // Not kept: whether there is one, and nothing of it.
            let bare = super::read_host(&url, false);
            prop_assert_eq!(bare.is_some(), super::host(&url).is_some());
            prop_assert!(bare.is_none_or(|h| h.is_empty()));
        }
    }

    /// The reading of `dangerous_scheme` before issue 16's change (a
    /// `String` of the first 16 chars).
    fn dangerous_whole(url: &str) -> bool {
        let u: String = url
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .take(16)
            .collect::<String>()
            .to_ascii_lowercase();
        u.starts_with("javascript:")
            || u.starts_with("vbscript:")
            || u.starts_with("data:")
    }

    proptest! {
        /// The same answer as the `String` reading, on scheme-ish texts.
        #[test]
        fn dangerous_scheme_reads_as_the_string_did(
            pre in "[ \t\n\u{0}\u{85}\u{a0}\u{3000}é]{0,3}",
            scheme in prop::sample::select(vec![
                "javascript:", "JavaScript:", "java script:", "vbscript:",
                "VBScript", "data:", "DATA :", "dat\na:", "http:", "dataé:",
                "javascrİpt:", "",
            ]),
            rest in "[ a-zA-Z:/é\u{0}]{0,8}",
        ) {
            let url = format!("{pre}{scheme}{rest}");
            prop_assert_eq!(
                super::dangerous_scheme(&url),
                dangerous_whole(&url),
                "{:?}",
                url
            );
        }
    }

    /// A URL is read up to its host: `http://` repeated (a bare URL
    /// every 7 bytes) reads a few bytes of each.
    #[test]
    fn host_of_a_long_url_is_its_first_host() {
        let url = "http://".repeat(2000);
        assert_eq!(super::host(&url).as_deref(), Some("http:"));
        assert_eq!(host_whole(&url).as_deref(), Some("http:"));
    }
}
