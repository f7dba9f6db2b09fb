//! ADDRESS: a small street-address grammar over tokens.
//!
//! A street core is one of
//! - `num-first`: house number, then name words ending in a street type
//!   ("221B Baker Street", "8, rue de la Paix", "76, Chandra Ganj");
//! - `type-first`: a street type, name words, house number ("Via Roma 12",
//!   "ul. Długa 5/7", "Calle Mayor, 5", "Rua Augusta, 81");
//! - `joined`: a compound street word, house number ("Hauptstraße 5",
//!   "Storgatan 12", "Lindenlaan 3", "Hauptstr. 5");
//! - `unit-first`: "Flat 7", "Apt 4B", "H.No. 12", "PO Box 77" followed by
//!   more address;
//! - `postcode`: number + capitalized words + a postcode line.
//!
//! The core is then extended over units, cities, regions and postcodes
//! (US ZIP(+4), UK, CA, NL, PL, BR, SE and 4-6 digit codes) while tokens look
//! like address parts.

use super::lexicon::{ending_in, has};
use super::lists::{
    lists, ABBR, CUE, JOINED, JOINED_WEAK, MONTHS, PREFIX, PREFIX_LOWER,
    SUFFIX, UNIT,
};
use super::tokens::{Detection, Kind, Tok};

#[inline(always)]
fn num_like_house(t: &Tok, text: &str) -> bool {
    if t.kind != Kind::Num {
        return false;
    }
    house_number_shape(t, text)
}

/// A number token shaped like a house number: 1-5 digits, no dot.
fn house_number_shape(t: &Tok, text: &str) -> bool {
    let s = text.get(t.start..t.end).unwrap_or("");
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    (1..=5).contains(&digits) && !s.contains('.') && s.len() <= 9
}

fn is_suffix(t: &Tok) -> bool {
    t.is_word() && (has(&SUFFIX, &t.key) || joined(t))
}

fn joined(t: &Tok) -> bool {
    if !t.is_word() {
        return false;
    }
    let k = t.key.as_str();
    let last = match k.bytes().rposition(|b| b == b'-') {
        Some(d) => k.get(d + 1..).unwrap_or(k),
        None => k,
    };
    if last.len() < k.len() && has(&JOINED, last) {
        return true; // "Kaiser-Wilhelm-Allee"
    }
    ending_in(&JOINED, k, |n| if n >= 5 { 2 } else { 3 })
}

fn joined_weak(t: &Tok) -> bool {
    let k = t.key.as_str();
    ending_in(&JOINED_WEAK, k, |_| 3)
}

fn is_prefix(t: &Tok) -> bool {
    t.is_word()
        && has(&PREFIX, &t.key)
        && (t.cap || has(&PREFIX_LOWER, &t.key))
}

/// A name word inside a street name: capitalized, or a particle.
fn name_word(t: &Tok) -> bool {
    t.is_word()
        && (t.cap
            || matches!(
                t.key.as_str(),
                "de" | "del"
                    | "della"
                    | "di"
                    | "da"
                    | "do"
                    | "dos"
                    | "das"
                    | "du"
                    | "des"
                    | "la"
                    | "le"
                    | "les"
                    | "los"
                    | "las"
                    | "van"
                    | "von"
                    | "der"
                    | "den"
                    | "het"
                    | "am"
                    | "an"
                    | "im"
                    | "y"
                    | "e"
                    | "et"
                    | "dei"
                    | "degli"
                    | "delle"
                    | "al"
                    | "el"
                    | "sur"
                    | "sous"
                    | "en"
            ))
}

fn is_unit(t: &Tok) -> bool {
    t.is_word() && has(&UNIT, &t.key)
}

/// Length in bytes of a postcode starting at byte `p`, if one starts there
/// and ends at a word boundary.
pub(crate) fn postcode_len(text: &str, p: usize) -> Option<usize> {
    let b = text.as_bytes().get(p..)?;
    let d = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let up = |i: usize| b.get(i).is_some_and(u8::is_ascii_uppercase);
    let end_ok =
        |i: usize| !b.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    // Digit-first shapes.
    if digits > 0 {
        if digits == 5
            && b.get(5) == Some(&b'-')
            && (6..10).all(d)
            && end_ok(10)
        {
            return Some(10); // US ZIP+4
        }
        if digits == 5 && b.get(5) == Some(&b'-') && (6..9).all(d) && end_ok(9)
        {
            return Some(9); // BR CEP
        }
        if digits == 2 && b.get(2) == Some(&b'-') && (3..6).all(d) && end_ok(6)
        {
            return Some(6); // PL
        }
        if digits == 4
            && b.get(4) == Some(&b' ')
            && up(5)
            && up(6)
            && end_ok(7)
        {
            return Some(7); // NL "1234 AB"
        }
        if digits == 4 && up(4) && up(5) && end_ok(6) {
            return Some(6); // NL "1234AB"
        }
        if digits == 3 && b.get(3) == Some(&b' ') && d(4) && d(5) && end_ok(6)
        {
            return Some(6); // SE "123 45"
        }
        if (4..=8).contains(&digits) && end_ok(digits) {
            return Some(digits);
        }
        return None;
    }
    // CA "A1A 1A1" / "A1A1A1".
    if up(0) && d(1) && up(2) {
        let q = if b.get(3) == Some(&b' ') { 4 } else { 3 };
        if d(q) && up(q + 1) && d(q + 2) && end_ok(q + 3) {
            return Some(q + 3);
        }
    }
    // UK: A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA.
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if (1..=2).contains(&letters) && d(letters) {
        let mut i = letters + 1;
        if d(i) || up(i) {
            i += 1;
        }
        if b.get(i) == Some(&b' ') {
            i += 1;
        }
        if d(i) && up(i + 1) && up(i + 2) && end_ok(i + 3) {
            return Some(i + 3);
        }
    }
    None
}

struct Ext {
    end_tok: usize,
    postcode: bool,
}

/// Extends an address core ending at token `k` over the tokens that follow.
fn extend(text: &str, toks: &[Tok], mut k: usize) -> Ext {
    let l = lists();
    let mut postcode = false;
    let mut j = k + 1;
    let mut lines = 0;
    let limit = (k + 16).min(toks.len());
    while j < limit {
        let t = &toks[j];
        if t.nl {
            lines += 1;
            if lines > 3 {
                break;
            }
        }
        if let Some(n) = postcode_len(text, t.start) {
            let stop = t.start + n;
            let mut m = j;
            while m + 1 < toks.len() && toks[m + 1].start < stop {
                m += 1;
            }
            if toks[m].end == stop {
                postcode = true;
                k = m;
                j = m + 1;
                continue;
            }
        }
        match t.kind {
            Kind::Punct(',' | '-' | '/' | '(' | ')' | '#') => {
                j += 1;
                continue;
            }
            Kind::Punct('.')
                if toks[j - 1].is_word()
                    && !t.sp
                    && toks[j - 1].key.len() <= 4
                    && toks.get(j + 1).is_some_and(|n| {
                        !n.nl && n.kind != Kind::Punct('.')
                    }) =>
            {
                // Abbreviation dot ("Apt.", "St.") inside the address.
                j += 1;
                continue;
            }
            Kind::Num => {
                let prev_unit = toks[..j]
                    .iter()
                    .rev()
                    .find(|p| !matches!(p.kind, Kind::Punct(_)));
                if prev_unit.is_some_and(|p| {
                    is_unit(p) || p.kind == Kind::Num || p.upper
                }) || num_like_house(t, text)
                    && toks.get(j + 1).is_some_and(|n| is_suffix(n) || n.cap)
                {
                    k = j;
                    j += 1;
                    continue;
                }
                break;
            }
            Kind::Word => {
                if is_unit(t) && t.cap {
                    j += 1;
                    continue;
                }
                if t.upper && t.end - t.start <= 3 {
                    k = j; // state / province code
                    j += 1;
                    continue;
                }
                let next_cap = toks
                    .get(j + 1)
                    .is_some_and(|n| n.is_word() && n.cap && n.sp && !n.nl);
                // A capitalized word that is no common word, is followed by
                // another capitalized word, or is a street suffix.
                if t.cap
                    && (!has(l.common, &t.key) || next_cap || is_suffix(t))
                {
                    k = j;
                    j += 1;
                    continue;
                }
                if !t.cap
                    && name_word(t)
                    && toks.get(j + 1).is_some_and(|n| n.cap && n.is_word())
                {
                    j += 1;
                    continue;
                }
                break;
            }
            _ => break,
        }
    }
    Ext { end_tok: k, postcode }
}

fn cue_before(toks: &[Tok], i: usize) -> bool {
    toks[i.saturating_sub(6)..i]
        .iter()
        .any(|t| t.is_word() && has(&CUE, &t.key))
}

pub(crate) fn detect(text: &str, toks: &[Tok]) -> Vec<Detection> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match core(text, toks, i) {
            Some((first, end, base, rule)) => {
                let ext = extend(text, toks, end);
                let mut score = base;
                if ext.postcode {
                    score = (score + 0.3).min(0.95);
                }
                if cue_before(toks, i) {
                    score = (score + 0.2).min(0.95);
                }
                if score >= 0.5 {
                    out.push(Detection {
                        type_name: "ADDRESS",
                        rule,
                        span: toks[first].start..toks[ext.end_tok].end,
                        score,
                    });
                    i = ext.end_tok + 1;
                } else {
                    i += 1;
                }
            }
            None => i += 1,
        }
    }
    out
}

/// Recognizes a street core starting at token `i`: (last token, score, rule).
fn core(
    text: &str,
    toks: &[Tok],
    i: usize,
) -> Option<(usize, usize, f32, &'static str)> {
    core_end(text, toks, i).map(|(e, s, r)| {
        let t = &toks[i];
        let back = t.is_word() && t.cap && !joined(t) && is_suffix(t) && i > 0;
        (if back { i - 1 } else { i }, e, s, r)
    })
}

fn core_end(
    text: &str,
    toks: &[Tok],
    i: usize,
) -> Option<(usize, f32, &'static str)> {
    let t = &toks[i];
    let at = |k: usize| toks.get(k);
    // num-first
    if num_like_house(t, text)
        && (i == 0
            || !matches!(
                toks[i - 1].kind,
                Kind::Num
                    | Kind::Punct(
                        '.' | '-' | '/' | ':' | '+' | '$' | '€' | '£' | '#'
                    )
            )
            || (toks[i - 1].is_punct(':') && t.sp))
    {
        let mut k = i + 1;
        if at(k).is_some_and(|x| x.is_punct(',')) {
            k += 1;
        }
        let first = at(k)?;
        if first.nl && !first.cap {
            return None;
        }
        if is_prefix(first) {
            // "8, avenue Manon Gillet", "16 rue de Salmon"
            let mut m = k + 1;
            let mut last = None;
            while m < toks.len()
                && m < k + 6
                && name_word(&toks[m])
                && !toks[m].nl
            {
                if toks[m].cap {
                    last = Some(m);
                }
                m += 1;
            }
            return last.map(|e| (e, 0.85, "address-street"));
        }
        let mut m = k;
        let mut words = 0;
        while m < toks.len()
            && words < 5
            && toks[m].is_word()
            && (toks[m].cap || name_word(&toks[m]))
            && (m == k || !toks[m].nl)
        {
            if is_suffix(&toks[m]) && toks[m].cap && words > 0 {
                let mut e = m;
                if at(m + 1).is_some_and(|x| x.is_punct('.') && !x.sp) {
                    e = m + 1;
                }
                // "2011 Arab Spring": a year, not a house number.
                let year = text
                    .get(t.start..t.end)
                    .and_then(|v| v.parse::<u32>().ok())
                    .is_some_and(|y| (1900..=2099).contains(&y));
                return Some((
                    e,
                    if year { 0.25 } else { 0.85 },
                    "address-street",
                ));
            }
            if joined(&toks[m]) && words == 0 {
                return Some((m, 0.8, "address-street"));
            }
            words += 1;
            m += 1;
        }
        // "25 April 2013", "3 Apple Watches": not a street.
        let plain = !has(lists().common, &toks[k].key)
            && (k..m).all(|w| !has(&MONTHS, &toks[w].key));
        if (1..=3).contains(&words) && toks[k].cap && plain {
            // Weak: "12 Foo Bar" with no street type; the postcode or a cue
            // must raise it.
            return Some((m - 1, 0.25, "address-street"));
        }
        return None;
    }
    // type-first
    let abbr = has(&ABBR, &t.key);
    if is_prefix(t)
        && (!abbr || at(i + 1).is_some_and(|x| x.is_punct('.') && !x.sp))
    {
        let mut m = i + 1;
        if at(m).is_some_and(|x| x.is_punct('.')) {
            m += 1;
        }
        let mut words = 0;
        let mut capped = false;
        while m < toks.len() && words < 6 && name_word(&toks[m]) && !toks[m].nl
        {
            capped |= toks[m].cap && toks[m].end - toks[m].start > 1;
            words += 1;
            m += 1;
        }
        if !capped {
            return None;
        }
        let mut n = m;
        if at(n).is_some_and(|x| x.is_punct(',')) {
            n += 1;
        }
        if at(n).is_some_and(|x| num_like_house(x, text) && (!x.nl || n == m))
        {
            return Some((n, 0.85, "address-street"));
        }
        // No house number: let a postcode decide.
        return Some((m - 1, 0.3, "address-street"));
    }
    // joined: "Hauptstraße 5", "Berliner Straße 12"
    if t.is_word() && t.cap && !joined(t) && joined_weak(t) {
        if at(i + 1).is_some_and(|x| num_like_house(x, text) && !x.nl) {
            return Some((i + 1, 0.25, "address-street"));
        }
        return None;
    }
    if t.is_word()
        && t.cap
        && (joined(t)
            || (is_suffix(t)
                && i > 0
                && !t.nl
                && toks[i - 1].cap
                && toks[i - 1].is_word()
                && !has(lists().common, &toks[i - 1].key)))
    {
        let mut n = i + 1;
        if at(n).is_some_and(|x| x.is_punct('.') && !x.sp) {
            n += 1;
        }
        if at(n).is_some_and(|x| num_like_house(x, text) && !x.nl) {
            return Some((n, 0.85, "address-street"));
        }
        return None;
    }
    // unit-first: "Flat 7", "Apt 4B", "H.No. 12", "PO Box 77"
    if is_unit(t) && t.cap && t.key != "no" && t.key != "m" && t.key != "box" {
        let mut n = i + 1;
        if at(n).is_some_and(|x| x.is_punct('.')) {
            n += 1;
        }
        if at(n).is_some_and(|x| x.is_punct('#')) {
            n += 1;
        }
        if at(n).is_some_and(|x| x.kind == Kind::Num) {
            return Some((n, 0.25, "address-unit"));
        }
        return None;
    }
    if t.is_word() && (t.key == "h" || t.key == "po" || t.key == "p") {
        // H.No. 12 / PO Box 12 / P.O. Box 12
        let mut n = i + 1;
        while n < toks.len() && n < i + 5 && !matches!(toks[n].kind, Kind::Num)
        {
            if !(toks[n].is_punct('.')
                || matches!(toks[n].key.as_str(), "no" | "o" | "box"))
            {
                return None;
            }
            n += 1;
        }
        if at(n).is_some_and(|x| x.kind == Kind::Num) && n > i + 1 {
            return Some((n, 0.55, "address-unit"));
        }
    }
    None
}
