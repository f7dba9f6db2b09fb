//! What stands around a capitalized run, for the PERSON detector: the
//! sentence and line it opens, a street it belongs to, a preposition of
//! place or a role before it, an age after it. Each reads only within
//! the bounded context of a decision (`tokens::BEFORE` before the run,
//! `tokens::AHEAD` after its start).
//!
//! Depends on `tokens`, the lexicon and the cue lists.

use super::lexicon::{ending_in, has, place_tier};
use super::lists::{lists, ENDINGS, MONTHS, PARTICLES, PREFIX, ROLE, SUFFIX};
use super::morph::{in_sorted, German};
use super::tokens::{reach, Kind, Tok, AHEAD};

/// A preposition of place right before token `i` ("in", "at", Slavic
/// "u", "v", "iz", Danish "fra", Portuguese "em", "no"): what follows is
/// far more often a place or a venue than a person ("u Novom Sadu", "at
/// Ogden Theatre", "fra Lyngby Stadion").
pub(crate) fn at_place(toks: &[Tok], i: usize) -> bool {
    before(toks, i).is_some_and(|p| p.is_word() && in_sorted(AT_PLACE, &p.key))
}

/// The token before token `i`, if any.
fn before<'a>(toks: &'a [Tok<'a>], i: usize) -> Option<&'a Tok<'a>> {
    toks.get(i.checked_sub(1)?)
}

/// The prepositions of [`at_place`] (folded, sorted by bytes).
const AT_PLACE: &str =
    "around\nat\nau\ndans\nem\nfra\nin\ninto\niz\nna\nnear\nno\n\
    nos\npa\npri\nu\nuit\nv\nve\nvo";

/// A role word ("President", "Aunt") right before token `i` on its line,
/// in any case ("president Bush").
pub(crate) fn role_before(toks: &[Tok], i: usize) -> bool {
    let (Some(p), Some(t)) = (before(toks, i), toks.get(i)) else {
        return false;
    };
    p.is_word() && t.sp && !t.nl && has(&ROLE, &p.key)
}

/// The token after the initials starting at token `i`: up to three
/// capital letters, each with a period glued to it, before a
/// capitalized word on the line ("T. G. Masaryk", "H.L. Hansen",
/// "J.R.Duran"); `i` when there are none, or for a lone "M." (French
/// "Monsieur": "M. Dupont").
pub(crate) fn initials(toks: &[Tok], i: usize) -> usize {
    let mut k = i;
    while k < i + 6
        && toks.get(k).is_some_and(|w| w.cap && w.key.len() == 1)
        && toks.get(k + 1).is_some_and(|d| d.is_punct('.') && !d.sp)
        && toks.get(k + 2).is_some_and(|n| n.is_word() && n.cap && !n.nl)
    {
        k += 2;
    }
    if k == i + 2 && toks.get(i).is_some_and(|t| t.key.as_str() == "m") {
        return i;
    }
    k
}

/// An age after token `e`: ", 23," or " (23)" (one or two digits), read
/// within the bounded context of the run starting at byte `start`.
pub(crate) fn age_after(
    text: &str,
    toks: &[Tok],
    e: usize,
    start: usize,
) -> bool {
    let at = |k: usize| toks.get(e + k).filter(|t| t.end <= start + AHEAD);
    let age = at(2).is_some_and(|t| {
        t.kind == Kind::Num
            && text.get(t.start..t.end).is_some_and(|s| {
                s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit())
            })
    });
    let close = |c: char| at(3).is_some_and(|t| t.is_punct(c) && !t.sp);
    age && at(1).is_some_and(|t| {
        t.is_punct(',') && !t.sp && close(',')
            || t.is_punct('(') && t.sp && !t.nl && close(')')
    })
}

/// The run is part of a street: "4872 Sean Parkways", "Via Mario Rossi",
/// "C. de José Mora 50", "Núcleo Thomas Andrade".
pub(crate) fn street_context(toks: &[Tok], first: usize, last: usize) -> bool {
    let mut j = first;
    while j > 0
        && (toks[j - 1].is_punct(',')
            || toks[j - 1].is_punct('.')
            || (toks[j - 1].is_word()
                && has(&PARTICLES, &toks[j - 1].key)
                && !toks[j - 1].cap))
    {
        j -= 1;
    }
    if j > 0 {
        let p = &toks[j - 1];
        if p.kind == Kind::Num && !toks[first].nl && j == first {
            return true;
        }
        if p.is_word() && has(&PREFIX, &p.key) && (p.cap || p.key.len() > 2) {
            return true;
        }
    }
    toks.get(last + 1)
        .is_some_and(|n| n.is_word() && n.cap && !n.nl && has(&SUFFIX, &n.key))
}

/// The first token of the line holding token `i`, past a leading
/// timestamp or bullet ("[16:58] ", "- ", "12:01 "), when only such
/// tokens stand before `i` on its line.
pub(crate) fn line_start(toks: &[Tok], i: usize) -> bool {
    let mut j = i;
    loop {
        if j == 0 || toks[j].nl {
            return true;
        }
        let p = &toks[j - 1];
        if p.is_word() || p.kind == Kind::Opaque || j + 8 < i {
            return false;
        }
        j -= 1;
    }
}

/// A run of `n` words, `i..=e`, fills its line but for a comma or "!"
/// after it: a name signed under a letter ("Thanks.\nSara"), greeting it
/// ("Cindy,"), or all the text ("Kelly"). One or two words; one word not
/// a place ("Victoria").
pub(crate) fn own_line(toks: &[Tok], i: usize, e: usize, n: usize) -> bool {
    let mark = toks
        .get(e + 1)
        .is_some_and(|t| !t.nl && (t.is_punct(',') || t.is_punct('!')));
    let k = e + 1 + usize::from(mark);
    (n == 2 || n == 1 && place_tier(&toks[e].key).is_none())
        && (i == 0 || toks[i].nl)
        && toks.get(k).is_none_or(|t| t.nl)
}

pub(crate) fn sentence_start(toks: &[Tok], i: usize) -> bool {
    if i == 0 || toks[i].nl {
        return true;
    }
    let mut j = i;
    while j > 0
        && matches!(
            toks[j - 1].kind,
            Kind::Punct('"' | '\'' | '(' | '*' | '“' | '‘' | '[' | '«' | '„')
        )
    {
        j -= 1;
    }
    j == 0
        || toks[j].nl
        || matches!(
            toks[j - 1].kind,
            Kind::Punct('.' | '!' | '?' | ':' | ';' | '>' | '-' | '•')
        )
}

/// Title case in the sentence or table cell of the Latin-script run
/// `first..=last`: two capitalized common words ("Your", "Annual",
/// "Of") that open no sentence stand beside it within the bounded
/// context ("Support Your
/// Local Op Shop", "for their 5th Annual Chocolate Crawl", "An Hour Of
/// Prego Bliss!"), where capitals say nothing of a name. Words English
/// capitalizes anyway do not count: "I", months, days ("Friday"). Out
/// of line: inlined, its loop grew the person detector's body, which V8
/// charges at each turn of the detector's loop (an earlier tier-up).
#[inline(never)]
pub(crate) fn title_case(toks: &[Tok], first: usize, last: usize) -> bool {
    if !toks[first].key.as_bytes().first().is_some_and(u8::is_ascii) {
        return false;
    }
    let (lo, hi) = reach(toks, first);
    // Its sentence or table cell: to a line break, "|" or a full stop.
    let stop = |t: &Tok| matches!(t.kind, Kind::Punct('|' | '.' | '!' | '?'));
    let mut a = first;
    while a > lo && !toks[a].nl && !stop(&toks[a - 1]) {
        a -= 1;
    }
    let mut n = 0;
    for k in a..hi {
        let t = &toks[k];
        if k > last && (t.nl || stop(t)) {
            break;
        }
        if (k < first || k > last)
            && t.is_word()
            && t.cap
            && !t.upper
            && t.key.len() > 1
            && !t.key.ends_with("day")
            && !has(&MONTHS, &t.key)
            && !sentence_start(toks, k)
            && has(lists().common, &t.key)
        {
            n += 1;
        }
    }
    n >= 2
}

pub(crate) fn all_caps_run(toks: &[Tok], idx: &[usize]) -> bool {
    idx.iter().all(|k| toks[*k].upper)
}

/// Whether the text around token `i` reads as German (the words within
/// the bounded context of a decision); counted once on first use.
pub(crate) fn german_text(
    cache: &mut Option<German>,
    toks: &[Tok],
    i: usize,
) -> bool {
    let (lo, hi) = reach(toks, i);
    cache.get_or_insert_with(|| German::new(toks)).reads(lo, hi)
}

/// An unknown word that could be a name: not an English-looking
/// derivation ("Championship", "Engineering", "Times").
pub(crate) fn name_shaped(key: &str, strict: bool) -> bool {
    let k = key.rsplit('-').next().unwrap_or(key);
    k.len() >= 2
        && !ending_in(&ENDINGS, k, |_| 2)
        && !(strict && k.len() > 3 && k.ends_with('s') && !k.ends_with("ss"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_place_is_sorted() {
        let v: Vec<&str> = AT_PLACE.split('\n').collect();
        assert!(v.windows(2).all(|w| w[0] < w[1]), "{v:?}");
        for w in &v {
            assert!(in_sorted(AT_PLACE, w), "{w}");
        }
    }
}
