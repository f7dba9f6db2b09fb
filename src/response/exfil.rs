//! Exfiltration: one link or image of a response, decided on its URL as
//! it would be emitted (vault tokens restored). Used by `analyze`.

use std::borrow::Cow;
use std::ops::Range;

use crate::filter::Candidate;
use crate::links;
use crate::report::{Action, Finding, Kind};

/// Finding types of the exfiltration check.
pub(super) const IMAGE: &str = "IMAGE";
pub(super) const LINK: &str = "LINK";

/// Replacements of the text: (byte range, new text).
pub(super) type Edits = Vec<(Range<usize>, String)>;

/// The exfiltration findings of a window's links and images (added to
/// `extras`), given its detections `cands` and vault `tokens`; returns
/// every link's span.
///
/// PERF: out of line, called only when there are links (issue 16, the
/// first push).
#[inline(never)]
pub(super) fn findings(
    text: &str,
    found: Vec<links::Link>,
    cands: &[Candidate],
    tokens: &[(Range<usize>, String)],
    allowed: &[String],
    extras: &mut Vec<(Finding, Edits)>,
) -> Vec<Range<usize>> {
    // Starts of detected values (not URLs themselves), sorted.
    let mut data: Vec<usize> = cands
        .iter()
        .filter(|c| c.type_name != "URL")
        .map(|c| c.span.start)
        .collect();
    crate::order::sort_by_key(&mut data, |&s| s);
    for l in &found {
        if let Some(x) = exfiltration(text, l, tokens, &data, allowed) {
            extras.push(x);
        }
    }
    found.into_iter().map(|l| l.span).collect()
}

/// A URL as it would be emitted: vault tokens inside it restored (the
/// text itself, not a copy, when it holds none).
fn restored<'a>(
    text: &'a str,
    r: &Range<usize>,
    tokens: &[(Range<usize>, String)],
) -> Cow<'a, str> {
    if tokens.is_empty() {
        return Cow::Borrowed(text.get(r.clone()).unwrap_or(""));
    }
    let mut out = String::new();
    let mut last = r.start;
    for (t, v) in tokens {
        if t.start >= last && t.end <= r.end {
            out.push_str(text.get(last..t.start).unwrap_or(""));
            out.push_str(v);
            last = t.end;
        }
    }
    out.push_str(text.get(last..r.end).unwrap_or(""));
    Cow::Owned(out)
}

/// Classifies one link/image, deciding on the URL as it would be
/// emitted (tokens restored); `None` when it is harmless.
///
/// SECURITY: a URL whose host is off `allowed` never goes out carrying
/// a restored vault value or a detected PII/secret value, whatever the
/// form: images are removed, links lose their URL.
///
fn exfiltration(
    text: &str,
    l: &links::Link,
    tokens: &[(Range<usize>, String)],
    data: &[usize],
    allowed: &[String],
) -> Option<(Finding, Edits)> {
    use links::Form;
    let overlaps = |a: &Range<usize>, b: &Range<usize>| {
        a.start < b.end && b.start < a.end
    };
    let (mut foreign, mut carried, mut heuristic, mut dangerous) =
        (false, false, false, false);
    for r in std::iter::once(&l.url).chain(&l.more) {
        // Tokens are sorted and disjoint: those overlapping `r`.
        let lo = tokens.partition_point(|t| t.0.end <= r.start);
        let hi = tokens.partition_point(|t| t.0.start < r.end).max(lo);
        let near = &tokens[lo..hi];
        let inside: Vec<&Range<usize>> =
            near.iter().map(|t| &t.0).filter(|t| overlaps(t, r)).collect();
        let url = restored(text, r, near);
        dangerous |= !l.image && links::dangerous_scheme(&url);
        // No allow list (the default): no host is on it, none is kept.
        let keep = !allowed.is_empty();
        let Some(h) = links::read_host(&url, keep) else { continue };
        if links::host_allowed(&h, allowed) {
            continue;
        }
        foreign = true;
        // A URL that is one token is the user's own address, not data
        // added to someone else's.
        let raw = text.get(r.clone()).unwrap_or("").trim();
        let whole = inside.len() == 1
            && text.get(inside[0].clone()).is_some_and(|t| t == raw);
        // PII or secrets detected in the path, query or fragment (the
        // URL itself and its host are not data).
        // A byte search for `//`: `str::find`'s two-way searcher was
        // set up anew per URL (issue 16: ~450 instructions each).
        // The path's first delimiter by bytes too (ASCII: the same
        // offset as `str::find` of the chars, without its searcher).
        let rb = raw.as_bytes();
        let slashes = rb.windows(2).position(|w| w == b"//");
        let path = slashes.map_or(0, |i| {
            let after = rb.get(i + 2..).unwrap_or(&[]);
            after
                .iter()
                .position(|b| matches!(b, b'/' | b'?' | b'#'))
                .map_or(raw.len(), |j| i + 2 + j)
        });
        let full = text.get(r.clone()).unwrap_or("");
        let path = r.start + full.len() - full.trim_start().len() + path;
        carried |= (!inside.is_empty() && !whole)
            || data[data.partition_point(|&s| s < path)..]
                .first()
                .is_some_and(|&s| s < r.end)
            || l.long;
        // Read only for forms other than a bare URL (below): a bare URL
        // of `http://` repeated is up to `HOLD` long, one every 7 bytes.
        heuristic |= l.form != Form::Bare
            && links::carries_data(text.get(r.clone()).unwrap_or(""));
    }
    let always = matches!(l.form, Form::RefImage | Form::Opener);
    let image = l.image || always;
    let defang = always
        || dangerous
        || (foreign
            && (image || carried || (l.form != Form::Bare && heuristic)));
    let flag = foreign
        && matches!(
            l.form,
            Form::Inline | Form::Definition | Form::Autolink | Form::Html
        );
    if !defang && !flag {
        return None;
    }
    let rule = match l.form {
        Form::Inline if image => "md-image",
        Form::Inline => "md-link",
        Form::RefImage => "md-ref-image",
        Form::Definition => "md-definition",
        Form::Autolink => "autolink",
        Form::Bare => "bare-url",
        Form::Html if image => "html-img",
        Form::Html => "html-a",
        Form::Css => "css-url",
        Form::Opener if image => "unclosed-image",
        Form::Opener => "unclosed-link",
    };
    let span = l.span.clone();
    let edits = if !defang {
        Vec::new()
    } else {
        match l.form {
            // Keep the label (its own findings still apply).
            Form::Inline | Form::RefImage => vec![
                (span.start..l.label.start, String::new()),
                (l.label.end..span.end, String::new()),
            ],
            Form::Autolink | Form::Bare => {
                vec![(span.clone(), "[LINK]".to_string())]
            }
            // A run of `<` openers (links::RUN_BLOCK) is one finding.
            Form::Opener
                if text
                    .get(span.clone())
                    .is_some_and(|s| s.bytes().all(|b| b == b'<')) =>
            {
                vec![(span.clone(), "&lt;".repeat(span.len()))]
            }
            _ => vec![(span.clone(), String::new())],
        }
    };
    let f = Finding {
        kind: Kind::Exfiltration,
        type_name: if image { IMAGE } else { LINK }.to_string(),
        span,
        score: if defang { 1.0 } else { 0.6 },
        action: if defang { Action::Redact } else { Action::Flag },
        rule: rule.to_string(),
        replacement: None,
    };
    Some((f, edits))
}
