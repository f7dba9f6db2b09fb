//! DATE_TIME: dates written with a month name in many languages ("12.
//! März 2024", "3 de marzo", "5. svibnja 2019.", "12 марта 2020 г."),
//! and clock times ("14:30", "9:05 pm", "3pm"), plus the date shapes
//! that DATE_OF_BIRTH (`place`) reads after a birth cue.
//!
//! Numeric dates and English month names are the engine's rules
//! (`date-iso`, `date-numeric`, `date-month-name`); this file reports
//! what those leave: a date whose month is a word of another language,
//! and a time of day.
//!
//! Scores: a month-name date with a year 0.6, without one 0.55; a time
//! after a time word ("at", "um", "à", "в"), with "am"/"pm", or right
//! after a date 0.55 (bare "12:30" is a score or a ratio as often).
//!
//! Depends on `lexicon`, `lists` (month names) and `tokens`.

use super::lexicon::has;
use super::lists::MONTHS;
use super::morph::in_sorted;
use super::tokens::{Detection, Kind, Tok};

/// Month names (folded) of languages the lexicon's list lacks, in the
/// forms dates use: Russian (genitive), Croatian, Serbian, Slovak/Czech
/// (genitive), Danish/Norwegian, Turkish.
fn more_month(key: &str) -> bool {
    in_sorted(MORE_MONTH_WORDS, key)
}

/// Sorted by bytes: [`in_sorted`] searches it.
pub(crate) const MORE_MONTH_WORDS: &str =
    "agustos\naprila\naprilu\naralik\naugusta\navgusta\nbrezna\n\
    cervence\ncervna\ndecembra\ndubna\nekim\neylul\nfebruara\n\
    februari\nhaziran\njanuara\njanuari\njula\njuli\njuna\n\
    juni\nkasim\nkolovoza\nkvetna\nledna\nlipnja\nlistopada\n\
    maji\nmarec\nmarta\nmarts\nmayis\nnisan\nnovembra\nocak\n\
    oktobra\nozujka\nprosinca\nprosince\nrijna\nrujna\n\
    septembra\nsijecnja\nsrpna\nsrpnja\nstudenog\nstudenoga\n\
    subat\nsvibnja\ntemmuz\ntravnja\nunora\nveljace\nzari\n\
    августа\nапреля\nдекабря\nиюля\nиюня\nмарта\nмая\nноября\n\
    октября\nсентября\nфевраля\nянваря";

/// English month names and abbreviations: the engine's rule reads them.
fn english_month(key: &str) -> bool {
    in_sorted(ENGLISH_MONTH_WORDS, key)
}

/// Sorted by bytes: [`in_sorted`] searches it.
pub(crate) const ENGLISH_MONTH_WORDS: &str =
    "apr\napril\naug\naugust\ndec\ndecember\nfeb\nfebruary\njan\n\
    january\njul\njuly\njun\njune\nmar\nmarch\nmay\nnov\n\
    november\noct\noctober\nsep\nsept\nseptember";

/// A word that says a time of day follows (folded).
fn time_cue(key: &str) -> bool {
    in_sorted(TIME_CUE_WORDS, key)
}

/// Sorted by bytes: [`in_sorted`] searches it.
pub(crate) const TIME_CUE_WORDS: &str =
    "a\nab\nafter\nalle\naround\nas\nat\nbefore\nbis\nby\ndes\n\
    desde\ndo\nfrom\ngegen\ngodz\nhasta\nheure\nhora\nkl\n\
    klockan\nklokken\nlas\no\nod\nom\nore\nsaat\ntill\ntime\nu\n\
    uhrzeit\num\nuntil\nvers\nв\nдо\nк";

/// A month name: the lexicon's list, or one of [`more_month`].
fn is_month(t: &Tok) -> bool {
    t.is_word() && (has(&MONTHS, &t.key) || more_month(&t.key))
}

fn num_val(text: &str, t: &Tok) -> Option<u32> {
    if t.kind != Kind::Num {
        return None;
    }
    let s = text.get(t.start..t.end)?;
    let s = s.trim_end_matches(|c: char| c.is_alphabetic());
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn year_ok(y: u32, len: usize) -> bool {
    len == 2 || (1900..=2030).contains(&y)
}

/// A numeric date in one token: d/m/y, m/d/y, y-m-d, d.m.y.
fn numeric_date(text: &str, t: &Tok) -> bool {
    if t.kind != Kind::Num {
        return false;
    }
    let s = text.get(t.start..t.end).unwrap_or("");
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    if parts.len() != 3
        || parts.iter().any(|p| {
            p.is_empty()
                || p.len() > 4
                || !p.bytes().all(|b| b.is_ascii_digit())
        })
    {
        return false;
    }
    let v: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    if parts[0].len() == 4 {
        return year_ok(v[0], 4)
            && (1..=12).contains(&v[1])
            && (1..=31).contains(&v[2]);
    }
    let (a, b, y) = (v[0], v[1], v[2]);
    year_ok(y, parts[2].len())
        && parts[2].len() != 3
        && (1..=31).contains(&a)
        && (1..=31).contains(&b)
        && (a <= 12 || b <= 12)
}

/// Date starting at token `i`: returns the last token of the date.
pub(crate) fn date_at(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if numeric_date(text, t) {
        return Some(i);
    }
    let at = |k: usize| toks.get(k);
    let skip = |k: usize| {
        if at(k).is_some_and(|x| {
            matches!(x.kind, Kind::Punct('.' | ',' | '-' | '/'))
        }) {
            k + 1
        } else {
            k
        }
    };
    // 12 March 1990 / 12. März 1990 / 12 de marzo de 1990 / 12-May-1990
    if let Some(d) = num_val(text, t) {
        if (1..=31).contains(&d) {
            let mut k = skip(i + 1);
            if at(k).is_some_and(|x| x.key == "de" || x.key == "of") {
                k += 1;
            }
            if at(k).is_some_and(is_month) {
                let mut y = skip(k + 1);
                if at(y).is_some_and(|x| x.key == "de") {
                    y += 1;
                }
                if let (Some(v), Some(yt)) =
                    (at(y).and_then(|x| num_val(text, x)), at(y))
                {
                    if year_ok(v, yt.end - yt.start) && yt.end - yt.start >= 2
                    {
                        return Some(y);
                    }
                }
                return Some(k); // "12 March" (no year) still a birthday
            }
        }
    }
    // March 12, 1990 / March 12th 1990
    if is_month(t) {
        let k = skip(i + 1);
        if let Some(d) = at(k).and_then(|x| num_val(text, x)) {
            if (1..=31).contains(&d) {
                let mut y = k + 1;
                if at(y).is_some_and(|x| {
                    x.is_word()
                        && matches!(x.key.as_str(), "st" | "nd" | "rd" | "th")
                }) {
                    y += 1;
                }
                let y = skip(y);
                if let Some(v) = at(y).and_then(|x| num_val(text, x)) {
                    if year_ok(v, 4) && v >= 1900 {
                        return Some(y);
                    }
                }
                return Some(k);
            }
        }
    }
    None
}

/// A clock time starting at token `i` ("14:30", "9:05:12", "3 pm",
/// "11am"): its last token and whether it says am/pm.
fn time_at(text: &str, toks: &[Tok], i: usize) -> Option<(usize, bool)> {
    let h = num_val(text, toks.get(i)?)?;
    let two = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == Kind::Num && !t.sp && t.end - t.start == 2)
            .and_then(|t| num_val(text, t))
            .filter(|m| *m <= 59)
    };
    let colon =
        |k: usize| toks.get(k).is_some_and(|t| t.is_punct(':') && !t.sp);
    let mut e = i;
    let mut clock = false;
    if h <= 23 && colon(i + 1) && two(i + 2).is_some() {
        e = i + 2;
        clock = true;
        if colon(e + 1) && two(e + 2).is_some() {
            e += 2;
        }
    }
    // "pm", "p.m.", "Uhr", "h".
    let mut ampm = false;
    if let Some(w) = toks.get(e + 1).filter(|w| w.is_word()) {
        match w.key.as_str() {
            "am" | "pm" if h >= 1 && h <= 12 => {
                ampm = true;
                e += 1;
            }
            "a" | "p"
                if h <= 12
                    && toks
                        .get(e + 2)
                        .is_some_and(|d| d.is_punct('.') && !d.sp)
                    && toks
                        .get(e + 3)
                        .is_some_and(|m| m.key.as_str() == "m" && !m.sp) =>
            {
                ampm = true;
                e += 3;
            }
            "uhr" if h <= 23 => {
                ampm = true;
                e += 1;
            }
            _ => {}
        }
    }
    (clock || ampm).then_some((e, ampm))
}

pub(crate) fn detect(text: &str, toks: &[Tok]) -> Vec<Detection> {
    let mut out: Vec<Detection> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.kind != Kind::Num && !t.is_word() {
            i += 1;
            continue;
        }
        // A date with a month name that is not English.
        if let Some(e) = date_at(text, toks, i) {
            let month =
                toks[i..=e].iter().find(|w| w.is_word() && is_month(w));
            if let Some(m) = month.filter(|m| !english_month(&m.key)) {
                let year = toks[e].kind == Kind::Num
                    && e > i
                    && !std::ptr::eq(&toks[e], m);
                let mut end = e;
                // "12. März 2024 um 14:30", "3 марта 2020 г. в 10:00".
                let mut k = e + 1;
                if toks.get(k).is_some_and(|w| w.is_word() && time_cue(&w.key))
                {
                    k += 1;
                }
                if let Some((te, _)) = time_at(text, toks, k) {
                    end = te;
                }
                let score = if year { 0.6 } else { 0.55 };
                out.push(Detection::new(
                    "DATE_TIME",
                    "date-words",
                    t.start..toks[end].end,
                    score,
                ));
                i = end + 1;
                continue;
            }
        }
        // A time of day.
        if t.kind == Kind::Num {
            if let Some((e, ampm)) = time_at(text, toks, i) {
                let cued = i > 0 && {
                    let p = &toks[i - 1];
                    p.is_word() && time_cue(&p.key) || p.kind == Kind::Num
                };
                if ampm || cued {
                    out.push(Detection::new(
                        "DATE_TIME",
                        "time",
                        t.start..toks[e].end,
                        0.55,
                    ));
                }
                i = e + 1;
                continue;
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::tokens::tokenize;

    fn spans(text: &str) -> Vec<&str> {
        detect(text, &tokenize(text))
            .iter()
            .map(|d| &text[d.span.clone()])
            .collect()
    }

    #[test]
    fn dates_and_times() {
        assert_eq!(
            spans("Termin am 12. März 2024 um 14:30 bitte."),
            ["12. März 2024 um 14:30"]
        );
        assert_eq!(spans("Rok je 5. svibnja 2019."), ["5. svibnja 2019"]);
        assert_eq!(spans("родился 12 марта 1990 года"), ["12 марта 1990"]);
        assert_eq!(spans("on 12 March 2024"), Vec::<&str>::new());
        assert_eq!(spans("meet at 9:05 pm"), ["9:05 pm"]);
        assert_eq!(spans("call me at 3pm"), ["3pm"]);
        assert_eq!(spans("the score was 2:1 and 12:30"), Vec::<&str>::new());
        assert_eq!(spans("ratio 16:9"), Vec::<&str>::new());
    }
}
