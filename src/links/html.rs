//! HTML tags inside a response: where each tag ends, and which of its
//! attributes hold a URL that loads by itself or on a click.

use std::ops::Range;

pub(super) fn ws(c: u8) -> bool {
    c.is_ascii_whitespace()
}

/// For every `i`, where a tag whose attributes are read from `i` (outside
/// any value) ends: the index of its `>`, or `u32::MAX`. One backward
/// pass over the quote-aware states, so every tag costs O(1) to close.
pub(super) fn tag_ends(t: &[u8]) -> Vec<u32> {
    // States: 0 between attributes, 1 after `=`, 2 unquoted value,
    // 3 in "…", 4 in '…'.
    let none = u32::MAX;
    let mut next = [none; 5];
    let mut out = vec![none; t.len() + 1];
    for i in (0..t.len()).rev() {
        let c = t[i];
        let here = i as u32;
        let cur = [
            match c {
                b'>' => here,
                b'=' => next[1],
                _ => next[0],
            },
            match c {
                b'>' => here,
                b'"' => next[3],
                b'\'' => next[4],
                c if ws(c) => next[1],
                _ => next[2],
            },
            match c {
                b'>' => here,
                c if ws(c) => next[0],
                _ => next[2],
            },
            if c == b'"' { next[0] } else { next[3] },
            if c == b'\'' { next[0] } else { next[4] },
        ];
        next = cur;
        out[i] = next[0];
    }
    out
}

/// URL-valued attributes in the tag body `r` (quote-aware), each with
/// "needs a click" (`href`/`ping` on link tags, `action`, `formaction`).
pub(super) fn attrs(
    t: &[u8],
    r: Range<usize>,
    tag: &[u8],
) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut i = r.start;
    let link_tag =
        [&b"a"[..], b"area"].iter().any(|n| n.eq_ignore_ascii_case(tag));
    while i < r.end {
        while i < r.end && (ws(t[i]) || t[i] == b'/') {
            i += 1;
        }
        let ns = i;
        while i < r.end && !(ws(t[i]) || b"/=>".contains(&t[i])) {
            i += 1;
        }
        let name = &t[ns..i];
        if name.is_empty() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < r.end && ws(t[j]) {
            j += 1;
        }
        if j >= r.end || t[j] != b'=' {
            continue;
        }
        j += 1;
        while j < r.end && ws(t[j]) {
            j += 1;
        }
        let (vs, ve, next) = match t.get(j) {
            Some(&q @ (b'"' | b'\'')) if j < r.end => {
                let mut e = j + 1;
                while e < r.end && t[e] != q {
                    e += 1;
                }
                (j + 1, e, e + 1)
            }
            _ => {
                let mut e = j;
                while e < r.end && !ws(t[e]) {
                    e += 1;
                }
                (j, e, e)
            }
        };
        i = next;
        let is = |n: &str| name.eq_ignore_ascii_case(n.as_bytes());
        let click = (link_tag && (is("href") || is("ping")))
            || is("action")
            || is("formaction");
        if is("srcset") || is("imagesrcset") {
            // Candidates: URL, then descriptors up to a comma.
            let mut k = vs;
            while k < ve {
                while k < ve && (ws(t[k]) || t[k] == b',') {
                    k += 1;
                }
                let us = k;
                while k < ve && !ws(t[k]) {
                    k += 1;
                }
                let mut ue = k;
                while ue > us && t[ue - 1] == b',' {
                    ue -= 1;
                }
                if ue > us {
                    out.push((us..ue, false));
                }
                if ue == k {
                    while k < ve && t[k] != b',' {
                        k += 1;
                    }
                }
            }
        } else if is("style") {
            let v = &t[vs..ve];
            let mut k = 0;
            while let Some(p) = v.get(k..).and_then(|x| {
                x.windows(4).position(|w| w.eq_ignore_ascii_case(b"url("))
            }) {
                let mut s = k + p + 4;
                while s < v.len() && ws(v[s]) {
                    s += 1;
                }
                let close = match v.get(s) {
                    Some(&q @ (b'"' | b'\'')) => {
                        s += 1;
                        q
                    }
                    _ => b')',
                };
                let mut e = s;
                while e < v.len() && v[e] != close {
                    e += 1;
                }
                out.push((vs + s..vs + e, false));
                k = e;
            }
        } else if click
            || [
                "src",
                "poster",
                "data",
                "background",
                "href",
                "lowsrc",
                "dynsrc",
                "xlink:href",
                "codebase",
                "manifest",
                "icon",
                "longdesc",
                "cite",
                "profile",
            ]
            .iter()
            .any(|n| is(n))
        {
            out.push((vs..ve, click));
        }
    }
    out
}
