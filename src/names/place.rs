//! LOCATION (gazetteer + context) and DATE_OF_BIRTH (date + birth cue).
//!
//! LOCATION: a gazetteer entry of 1-3 capitalized words. Right after "in",
//! "from", "near", "based in", "live in", "moved to", ... or a place
//! preposition of another language ("em", "dans", "в", "iz") it scores
//! 0.7 (0.6 after one that may also stand before a person: "na", "u");
//! elsewhere 0.35 (not reported by default), but a major place (a
//! country, first-level region or continent) that is no name or common
//! word and stands alone (no capitalized word before it on its line,
//! not a hashtag): 0.5 (issue 14: the gazetteer decides; cities need a
//! cue). After a preposition, an
//! inflected Slavic name is looked up by its base form ("u Kosovu",
//! "iz Srbije"). A state's head noun and its name ("Republike Hrvatske"):
//! 0.7. A preposition counts through an article ("in the Netherlands",
//! "in der Schweiz"); one more place of a list after a reported one
//! ("in Paris, Rome and Berlin"), and a gazetteer place beside another
//! place in a list with no cue ("Köln und Bremen", "Bangkok,
//! Thailand"): 0.6; country abbreviations in capitals
//! (USA, EUA, BiH) and the genitive -s of a major place ("Dänemarks") are
//! gazetteer words. A capitalized word in no list right after a
//! preposition of place ("in Montclair", "u Beogradu", "в Денвере"; not
//! "from", not after an article, not in German text) or before a comma
//! and a country or region ("Mankato, Georgia"): 0.55 (issue 14); with a
//! comma and a US state's code ("Lawrence, KS", not before a ZIP code)
//! the code is in the span, and a gazetteer entry so followed scores 0.6. A
//! major place in lower case ASCII right after English "in", "from",
//! "to", "at", "near" ("from japan"), no name or common word: 0.55. A
//! major place's Slavic case form or genitive -s stands alone as its
//! base form does ("nezavisnosti Kosova", "Danmarks"). A run after
//! "in", "at", "to", "from", "near" that opens or closes with a place's
//! word ("in Beverly Hills", "from West Fargo"): 0.55 (loc45). With
//! the large data, places inside Chinese and
//! Japanese runs: 0.7 after 在/从/到 ... or before で/に/へ/から/まで.
//!
//! DATE_OF_BIRTH: a date (numeric d/m/y, y-m-d, or with a month name in
//! English, German, French, Spanish, Italian, Dutch, Polish, Swedish or
//! Portuguese) within a few words after a birth cue ("born", "DOB", "date of
//! birth", "birthday", "geboren", "né le", "fecha de nacimiento", ...): 0.85.

use super::lexicon::{ending_in, has, place_tier, Key};
use super::lists::{
    lists, BIRTH_CUE, ENDINGS, FIELD_LOC, LOC_CUE, LOC_STRONG, MONTHS,
    PARTICLES, WEAK_LOC_CUE,
};
use super::morph::{
    head_noun, in_sorted, place_preposition, slavic_adjective, slavic_bases,
    German, Head,
};
use super::tokens::{
    after_punct, phrase_before, reach, skip_separators, value_end, Detection,
    Kind, Tok,
};

/// The value of a place field ("City: Porto Alegre", "\"city\": \"Cork\"",
/// "Ort = Bad Tölz") starting at token `i`: its last token.
fn field_value(toks: &[Tok], i: usize) -> Option<usize> {
    if !after_punct(toks, i) {
        return None;
    }
    let (j, field, _) = skip_separators(toks, i);
    if !field || j == 0 || !phrase_before(toks, j, &FIELD_LOC) {
        return None;
    }
    Some(value_end(toks, i, 6))
}

/// A capitalized run after a strong place cue ("based in Jerez de la
/// Frontera", "wohne in Bad Tölz"), outside the gazetteer: its last
/// token. Not for a known given name ("visiting Anna").
fn cued_run(toks: &[Tok], i: usize) -> Option<usize> {
    let t = &toks[i];
    let l = lists();
    if !t.cap
        || t.upper
        || has(l.given, &t.key)
        || has(l.common, &t.key)
        || !phrase_before(toks, i, &LOC_STRONG)
    {
        return None;
    }
    run_end(toks, i)
}

/// A capitalized word in no list right after a preposition of place
/// ("in Montclair", "u Beogradu", "в Новосибирске"), outside German text
/// (its nouns are capitalized: "in Betrieb"): its run's last token.
/// Not a name, an institution's head noun ("u Vijeću") or an
/// English-looking derivation ("in Engineering").
fn prep_run(
    toks: &[Tok],
    i: usize,
    german: &mut Option<German>,
) -> Option<usize> {
    let t = &toks[i];
    let weak = cue_at(toks, i)?;
    // The preposition right before it (no article: "in the Holy Land"),
    // not "from" (a company as often: "from FedEx"),
    // and in lower case inside a sentence (not a headline's "In").
    let p = &toks[i - 1];
    let alone = toks.get(i + 1).is_none_or(|n| !n.is_word() || n.cap);
    let k = t.key.as_str();
    // Slovak and Czech "do" before a genitive ("do Paríža", "do
    // Mníchova"; Portuguese "do Estado", "do Museu" end otherwise; not
    // Vietnamese "đó"), Russian "на" before a locative ("на Камчатке",
    // "на Кубе"; not "г-на"), and Danish, Swedish and Norwegian "i"
    // before one word in text that reads so ("i Nakskov"; not "i
    // Camillas sofa", "i Finansdepartementet", "Marko i Petar").
    let slavic_do = p.key == "do"
        && p.end - p.start == 2
        && k.len() >= 5
        && k.ends_with(['a', 'u', 'y', 'i'])
        && !k.ends_with("eu")
        || p.key == "на" && p.sp && k.ends_with(['е', 'и']);
    let nordic_i = p.key == "i"
        && run_end(toks, i) == Some(i)
        && !(k.ends_with('s') || k.ends_with("et") || k.ends_with("en"))
        && !k.ends_with("ne")
        && nordic(toks, i);
    if !(matches!(p.key.as_str(), "u" | "v" | "в" | "w")
        || slavic_do
        || nordic_i)
        && weak
        || matches!(p.key.as_str(), "from" | "the")
        || p.cap && !opens_sentence(toks, i - 1)
        || slavic_adjective(&t.key) && !alone
        || t.key.len() < 3
        || name_or_common_word(&t.key)
        || head_noun(&t.key).is_some()
        || ending_in(&ENDINGS, &t.key, |_| 2)
    {
        return None;
    }
    let (lo, hi) = reach(toks, i);
    if german.get_or_insert_with(|| German::new(toks)).reads(lo, hi) {
        return None;
    }
    run_end(toks, i)
}

/// Marker words of Danish, Norwegian and Swedish near token `i` (in
/// the window a stream sees): there "i" is "in", elsewhere ("i" in
/// Croatian, Serbian) "and".
fn nordic(toks: &[Tok], i: usize) -> bool {
    let (lo, hi) = reach(toks, i);
    toks[lo..hi].iter().any(|w| {
        w.is_word()
            && !w.cap
            && matches!(
                w.key.as_str(),
                "og" | "och" | "ikke" | "inte" | "det" | "er"
            )
    })
}

/// Words that open ("San", "Fort", "Lake", "North") or close ("Hills",
/// "Park", "Beach", "Springs") a place's name of several words (folded,
/// sorted by bytes).
const PLACE_FIRST: &str =
    "cape\neast\nfort\nft\nglen\ngreat\nlake\nlas\nlong\n\
    los\nlower\nmount\nmt\nnorth\npalm\nport\nsaint\nsainte\nsan\nsanta\n\
    santo\nsao\nsouth\nst\nupper\nwest";
const PLACE_LAST: &str =
    "bay\nbeach\nbend\ncity\ncounty\ncreek\nfalls\ngrove\n\
    harbor\nharbour\nheights\nhills\nisland\nislands\njunction\nlakes\npark\n\
    point\nridge\nsprings\nvalley\nvillage";

/// A run of two to four capitalized words right after "in", "at",
/// "to", "from", "near" that opens or closes with a word of
/// [`PLACE_FIRST`] / [`PLACE_LAST`] ("in Beverly Hills", "at Moore
/// Park", "from West Fargo", "in Ft Mitchell"): its last token. Its
/// words may be names or common words, which [`prep_run`] refuses.
fn place_word_run(toks: &[Tok], i: usize) -> Option<usize> {
    let p = toks.get(i.checked_sub(1)?)?;
    let t = &toks[i];
    if !p.is_word()
        || !matches!(p.key.as_str(), "in" | "at" | "to" | "from" | "near")
        || p.cap && !opens_sentence(toks, i - 1)
        || in_sorted(ARTICLES, &t.key)
    {
        return None;
    }
    let first = in_sorted(PLACE_FIRST, &t.key);
    let mut e = i;
    let mut k = i + 1;
    // "St. Mark's", "Ft. Myers": the abbreviation's full stop.
    if first
        && t.key.len() == 2
        && toks.get(k).is_some_and(|d| d.is_punct('.') && !d.sp)
    {
        k += 1;
    }
    while let Some(n) = toks.get(k) {
        if k > i + 4 || n.nl || !n.sp || !n.is_word() || !n.cap || n.upper {
            break;
        }
        e = k;
        if !first && in_sorted(PLACE_LAST, &n.key) {
            return Some(e);
        }
        k += 1;
    }
    (first && e > i).then_some(e)
}

/// A capitalized run in no list before a comma and a major place
/// ("Mankato, Georgia", "Agde, Zimbabwe"): its last token; before a
/// comma and a US state's code ("Lawrence, KS"), the code's.
fn before_country(toks: &[Tok], i: usize) -> Option<usize> {
    let t = &toks[i];
    if t.key.len() < 3 || has(lists().common, &t.key) {
        return None;
    }
    let e = run_end(toks, i)?;
    if let Some(k) = state_after(toks, e) {
        return Some(k);
    }
    if name_or_common_word(&t.key) {
        return None;
    }
    let c = toks.get(e + 2)?;
    let after = toks.get(e + 3);
    (toks[e + 1].is_punct(',')
        && c.is_word()
        && c.cap
        && c.sp
        && !c.nl
        && place_tier(&c.key) == Some(true)
        && !after.is_some_and(|n| n.is_word() && n.cap && n.sp))
    .then_some(e)
}

/// The two-letter postal codes of the US states and DC (sorted by
/// bytes: [`in_sorted`] searches it).
const US_STATES: &str = "ak\nal\nar\naz\nca\nco\nct\ndc\nde\nfl\nga\nhi\nia\n\
    id\nil\nin\nks\nky\nla\nma\nmd\nme\nmi\nmn\nmo\nms\nmt\nnc\nnd\nne\n\
    nh\nnj\nnm\nnv\nny\noh\nok\nor\npa\nri\nsc\nsd\ntn\ntx\nut\nva\nvt\n\
    wa\nwi\nwv\nwy";

/// A US state's code in capitals after token `e` and a comma, ending its
/// run of capitals: "Lawrence, KS", "Portland, OR at 9 PM". Its index.
/// Not before a ZIP code: that is an address's last line, the address
/// rules' to read.
fn state_after(toks: &[Tok], e: usize) -> Option<usize> {
    let c = toks.get(e + 2)?;
    (toks[e + 1].is_punct(',')
        && !toks[e].upper
        && c.is_word()
        && c.upper
        && c.sp
        && !c.nl
        && c.end - c.start == 2
        && in_sorted(US_STATES, &c.key)
        && !toks.get(e + 3).is_some_and(|n| {
            n.is_word() && n.upper && n.sp || n.kind == Kind::Num
        }))
    .then_some(e + 2)
}

/// Token `i` is a major place in lower case ASCII ("japan", "canada")
/// right after "in", "from", "to", "at" or "near", not a name or a
/// common word ("jordan", "turkey"). English only: in other languages
/// a lowercase word after a short preposition is too often a word of
/// their own ("u mali", Croatian "in the small"; "at købe").
fn lower_place(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    t.is_word()
        && !t.cap
        && !t.upper
        && !t.uncased
        && t.key.len() >= 4
        && t.end - t.start == t.key.len()
        && i > 0
        && toks[i - 1].is_word()
        && !toks[i - 1].cap
        && matches!(
            toks[i - 1].key.as_str(),
            "in" | "from" | "to" | "at" | "near"
        )
        && place_tier(&t.key) == Some(true)
        && !name_or_common_word(&t.key)
}

/// A major place with no cue is read as one (0.5) when the word before
/// it on its line is no capitalized word ("Air France", "CBC Manitoba"
/// keep 0.45) and it is no hashtag or handle ("#Kansas", "@Texas").
/// A name's last word after "of" ("Bank of Scotland") is not told
/// apart: that lost more places than names (names42).
fn stands_alone(toks: &[Tok], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).and_then(|k| toks.get(k)) else {
        return true;
    };
    let t = &toks[i];
    // A sentence's first word as an article is no name's word ("Die
    // Vereinigten Staaten", "The US has").
    let article =
        || in_sorted(ARTICLES, &p.key) && opens_sentence(toks, i - 1);
    t.nl || !(p.is_word() && p.cap && !article())
        && (t.sp || !(p.is_punct('#') || p.is_punct('@')))
}

/// A given name, surname, name that is also a word, or common word: a
/// capitalized word no place rule reads as an unlisted place.
/// One lookup: the key's lists, read when the token was made (a `&str`
/// here was four hash lookups of every capitalized word).
fn name_or_common_word(key: &Key) -> bool {
    let l = lists();
    has(l.given, key)
        || has(l.surnames, key)
        || has(l.ambiguous, key)
        || has(l.common, key)
}

/// The last token of a run of capitalized words from `i` (up to five,
/// joined by particles: "Jerez de la Frontera").
fn run_end(toks: &[Tok], i: usize) -> Option<usize> {
    let l = lists();
    let mut e = i;
    let mut k = i + 1;
    while let Some(n) = toks.get(k) {
        if n.nl || !n.sp || k > i + 4 || !n.is_word() {
            break;
        }
        if n.cap && !has(l.common, &n.key) {
            e = k;
        } else if !(has(&PARTICLES, &n.key)
            && toks.get(k + 1).is_some_and(|m| m.cap && m.sp))
        {
            break;
        }
        k += 1;
    }
    Some(e)
}

/// A place preposition right before token `i`: `Some(weak)`, weak when
/// it may also stand before a person ("to", "na").
fn cue_at(toks: &[Tok], i: usize) -> Option<bool> {
    let mut k = i.checked_sub(1)?;
    let mut p = toks.get(k)?;
    // "in the Netherlands", "in der Schweiz", "en el Perú": an article
    // between the preposition and the place.
    if p.is_word() && !p.cap && p.key.len() <= 3 && in_sorted(ARTICLES, &p.key)
    {
        if !p.sp {
            return None;
        }
        k = k.checked_sub(1)?;
        p = toks.get(k)?;
    }
    if !p.is_word() || p.cap && p.key.len() > 2 {
        return None;
    }
    if has(&LOC_CUE, &p.key) {
        return Some(has(&WEAK_LOC_CUE, &p.key));
    }
    place_preposition(&p.key)
}

/// Articles that may stand between a place preposition and a place
/// (sorted by bytes: [`in_sorted`] searches it).
const ARTICLES: &str =
    "das\ndem\nden\nder\ndes\ndie\nel\nil\nla\nle\nles\nlo\nlos\nthe";

/// Country abbreviations written in capitals ("USA", "EUA", "BiH",
/// "SSSR"): places though a capitalized word is otherwise no place
/// (sorted by bytes).
const ABBREV: &str = "bih\neua\nnyc\nsssr\nuae\nuk\nurss\nus\nusa\nussr";

/// Token `i` is one of [`ABBREV`] in capitals (or "BiH"), not inside a
/// run of capitals ("LET US KNOW").
fn abbrev_at(text: &str, toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    // "BiH": capitals first and last; a byte test (no char decoding),
    // as this runs for each capitalized word.
    let mixed = t.cap
        && t.end > t.start
        && text.as_bytes().get(t.end - 1).is_some_and(u8::is_ascii_uppercase);
    let caps =
        |k: usize| toks.get(k).is_some_and(|w| w.is_word() && w.upper && w.sp);
    (t.upper || mixed)
        && in_sorted(ABBREV, &t.key)
        && !toks.get(i + 1).is_some_and(|n| !n.sp && n.is_punct('$'))
        && !(i > 0 && toks[i - 1].is_word() && toks[i - 1].upper)
        && !caps(i + 1)
}

/// The token before `i` closes a reported place, with at most a comma
/// and a coordinating word between: "in Paris, Rome and Berlin".
fn listed_after(toks: &[Tok], i: usize, last: Option<usize>) -> bool {
    let Some(e) = last else { return false };
    if e + 1 >= i || i - e > 3 {
        return false;
    }
    toks[e + 1..i].iter().enumerate().all(|(k, b)| {
        b.is_punct(',') && k == 0
            || b.is_word() && !b.cap && in_sorted(AND, &b.key)
    }) && !toks[e + 1..=i].iter().any(|b| b.nl)
}

/// Verbs of being and having, and auxiliaries, in the languages the
/// grammar reads (folded, sorted by bytes): after a sentence-initial
/// major place they make it the subject ("Srbija je postala", "Sverige
/// har", "Frankreich hat", "Kosovo se"), not a thing ("Turkey for
/// Thanksgiving"). Hand-written grammar words.
const PLACE_VERB: &str =
    "ar\nbi\nbil\nbol\nbola\nbolo\nce\ne\ner\nera\nes\nest\nfoi\nfue\nha\n\
    had\nhade\nhar\nhas\nhat\nhatte\nhavde\nheeft\nima\nis\nist\nje\nkan\n\
    ma\nnije\nse\nsera\nskal\ntem\nvar\nvil\nwar\nwas\nwill\nwird\nwurde";

/// "and", "or" in several languages (sorted by bytes).
const AND: &str = "and\ne\net\ni\nili\noch\nog\nor\nou\nu\nund\ny\nи";

/// The place from token `i` to `e` stands in a list beside another
/// ("Indien, Pakistan og Storbritannien", "Köln und Bremen", "Bangkok,
/// Thailand"; either tier since cities need a cue, names42): a one-word
/// gazetteer place that is no one's name, and a
/// comma or one of [`AND`] (not "u", Slavic "in") between them. Reads
/// two tokens each side, on the line.
fn in_list(toks: &[Tok], i: usize, e: usize) -> bool {
    let on = |k: usize| toks.get(k).filter(|t| !t.nl);
    let place = |k: usize| {
        on(k).is_some_and(|t| {
            t.cap
                && !t.upper
                && place_tier(&t.key).is_some()
                && !name_or_common_word(&t.key)
        })
    };
    let join = |k: usize| {
        on(k).is_some_and(|t| {
            t.is_punct(',')
                || t.is_word()
                    && !t.cap
                    && t.key != "u"
                    && in_sorted(AND, &t.key)
        })
    };
    on(i).is_some() && i >= 2 && join(i - 1) && place(i - 2)
        || join(e + 1) && place(e + 2)
}

/// Token `i` opens a line or follows `.`, `!`, `?`, `>` or `:` (and
/// opening quotes).
fn opens_sentence(toks: &[Tok], i: usize) -> bool {
    let mut j = i;
    while j > 0 && matches!(toks[j - 1].kind, Kind::Punct('"' | '(' | '\'')) {
        j -= 1;
    }
    j == 0
        || toks[j].nl
        || matches!(toks[j - 1].kind, Kind::Punct('.' | '!' | '?' | '>' | ':'))
}

fn is_month(t: &Tok) -> bool {
    t.is_word() && has(&MONTHS, &t.key)
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
fn date_at(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
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

/// The tier of the place whose Slavic case form or genitive -s word
/// `i` (its key `k`) is: "u Kosovu", "iz Srbije" after a place
/// preposition; with none only a major place's form ("nezavisnosti
/// Kosova", "Predsednik Srbije", "v Slovensku"; cities need a cue), and
/// not a bare "-i" after a consonant: English demonyms ("Iraqi",
/// "Israeli") are no locatives. A form's last three bytes are looked up
/// in the major list's endings first. Out of line: `detect`'s loop stays
/// small for V8 (issue 14, 2 KB prose).
#[inline(never)]
fn case_form_tier(toks: &[Tok], i: usize, k: &str) -> Option<bool> {
    // Two vowels at the end (but "-ou", "-ie", "-ii") make no case form
    // with no cue: English words ("Revenue", "Value") stop here.
    let b = k.as_bytes();
    let vowel = |c: Option<&u8>| c.is_some_and(|c| b"aeiouy".contains(c));
    let pair = b.get(b.len().saturating_sub(2)..).unwrap_or(b"");
    let two_vowels = vowel(pair.first())
        && vowel(pair.get(1))
        && pair.first() != Some(&b'i')
        && pair != b"ou";
    let cued = cue_at(toks, i).is_some();
    if two_vowels && !cued {
        return None;
    }
    let may = |b: &str| {
        cued || lists()
            .major
            .may_end_with(&b.as_bytes()[b.len().saturating_sub(3)..])
    };
    let mut tier = None;
    if k.is_ascii() && (cued || !k.ends_with('i') || k.ends_with("ji")) {
        slavic_bases(k, |b| {
            tier = if may(b) {
                place_tier(b).filter(|m| cued || *m)
            } else {
                None
            };
            tier.is_some()
        });
    }
    // "i Danmarks", "Deutschlands", "Afrikas": the genitive of a major
    // place.
    if tier.is_none() && k.ends_with('s') {
        let b = &k[..k.len() - 1];
        if may(b) {
            tier = place_tier(b).filter(|major| *major);
        }
    }
    tier
}

#[inline(never)]
pub(crate) fn detect(text: &str, toks: &[Tok]) -> Vec<Detection> {
    let mut out = Vec::new();
    let mut last_cue: Option<usize> = None;
    // The last token of the last place reported at 0.6 or more.
    let mut last_loc: Option<usize> = None;
    let mut key = String::new();
    let mut german = None;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.is_word() && has(&BIRTH_CUE, &t.key) {
            last_cue = Some(i);
        }
        // DATE_OF_BIRTH
        if last_cue.is_some_and(|c| i > c && i - c <= 8) {
            if let Some(e) = date_at(text, toks, i) {
                out.push(Detection {
                    type_name: "DATE_OF_BIRTH",
                    rule: "dob-cue",
                    span: t.start..toks[e].end,
                    // Above a plain DATE_TIME on the same span: the birth
                    // cue makes it the more specific type.
                    score: 0.95,
                });
                last_cue = None;
                i = e + 1;
                continue;
            }
        }
        // LOCATION: the value of "City:", "Ciudad:", "Ort =" first.
        let field = (t.is_word() && (t.cap || t.uncased))
            .then(|| field_value(toks, i))
            .flatten();
        // LOCATION: a major place in lower case right after a place
        // preposition ("from japan", "back to canada"): chat drops the
        // capital. One word, no name or common word, and nothing after it
        // is read, so a stream decides as one-shot does.
        if field.is_none() && lower_place(toks, i) {
            out.push(Detection::new(
                "LOCATION",
                "location-lower",
                t.start..t.end,
                0.55,
            ));
            i += 1;
            continue;
        }
        // LOCATION: longest gazetteer match of 1..=3 words.
        let abbrev = t.cap && t.is_word() && abbrev_at(text, toks, i);
        if field.is_none() && t.is_word() && t.cap && (!t.upper || abbrev) {
            let mut best = None;
            let mut major = false;
            // The best match is a case form ("Meinung Dänemarks",
            // "Predsednik Srbije"): its ending ties it to the word
            // before, so a capitalized word there makes no name of the
            // two ("Air France").
            let mut form = false;
            for n in 0..3 {
                let Some(w) = toks.get(i + n) else { break };
                if !w.is_word() || (n > 0 && (!w.sp || w.nl)) {
                    break;
                }
                // A token's own key is looked up already; a longer entry
                // must end in a word that ends some phrase, and only then
                // is its text put together.
                let mut f = false;
                let tier = if n == 0 && abbrev {
                    Some(true)
                } else if n == 0 {
                    place_tier(&w.key).or_else(|| {
                        f = true;
                        // "u Kosovu", "iz Srbije": an inflected name; a
                        // byte test of the ending first (only the
                        // endings a case form or genitive can have),
                        // the lookup out of line: most capitalized words
                        // are no place, and this runs for each.
                        let k = w.key.as_bytes();
                        (k.len() >= 5
                            && matches!(
                                k.last(),
                                Some(b'a' | b'e' | b'i' | b'j' | b'm')
                                    | Some(b'u' | b'y' | b's')
                            ))
                        .then(|| case_form_tier(toks, i, &w.key))
                        .flatten()
                    })
                } else if w.key.ends_phrase() {
                    key.clear();
                    for (m, p) in toks[i..=i + n].iter().enumerate() {
                        if m > 0 {
                            key.push(' ');
                        }
                        key.push_str(&p.key);
                    }
                    place_tier(key.as_str())
                } else {
                    None
                };
                if let Some(m) = tier {
                    best = Some(i + n);
                    major = m;
                    form = f;
                }
            }
            if let Some(e) = best {
                let cue = cue_at(toks, i);
                let person_like =
                    e == i && !abbrev && name_or_common_word(&t.key);
                // A country or first-level region that is no one's name,
                // no common word and not beside a capitalized word is a
                // place without a cue ("Turkey?", "Utah lawmakers",
                // "What is the capital of France?"; issue 14: the
                // gazetteer decides, cities need a cue). Beside a
                // capitalized word ("Air France") it scores just under
                // the default threshold, so a policy that lowers
                // `thresholds.LOCATION` gets it.
                // At a sentence start and before a lowercase word it may be
                // a thing ("Turkey for Thanksgiving", "Brussels sprouts").
                // Not before a verb of being or having ("Srbija je",
                // "Sverige har", "Frankreich hat"), unless the name is
                // also a Slavic adjective ("Hrvatska je modna ...").
                let thing = opens_sentence(toks, i)
                    && toks.get(e + 1).is_some_and(|n| {
                        n.is_word()
                            && !n.cap
                            && (!in_sorted(PLACE_VERB, &n.key)
                                || t.key.ends_with("ska")
                                || t.key.ends_with("cka"))
                    });
                let mut score: f32 = match major && !person_like && !thing {
                    true if form || stands_alone(toks, i) => 0.5,
                    true => 0.45,
                    false => 0.35,
                };
                if let Some(weak) = cue {
                    score = if weak && person_like {
                        0.45
                    } else if weak || person_like {
                        0.6
                    } else {
                        0.7
                    };
                } else if !person_like
                    && (listed_after(toks, i, last_loc) || in_list(toks, i, e))
                {
                    // One more place of a list: "in Paris, Rome and
                    // Berlin", "Indien, Pakistan og Storbritannien".
                    score = 0.6;
                }
                // A following capitalized word that is not part of the entry
                // ("Paris Hilton", "Jordan Peterson") means something else;
                // not after a Slavic case form and a cue ("ambasador u
                // Sloveniji Anton Beriša": an inflected word opens no name;
                // a genitive -s does: "i Danmarks Radio").
                if !(form && cue.is_some() && !t.key.ends_with('s'))
                    && toks
                        .get(e + 1)
                        .is_some_and(|n| n.is_word() && n.cap && n.sp && !n.nl)
                {
                    score = score.min(0.3);
                }
                // A US state's code after it: "Atlanta, GA".
                let e = match state_after(toks, e) {
                    Some(k) if !person_like => {
                        score = score.max(0.6);
                        k
                    }
                    _ => e,
                };
                let span = t.start..toks[e].end;
                last_loc = (score >= 0.6).then_some(e);
                out.push(Detection::new(
                    "LOCATION",
                    "location-gazetteer",
                    span,
                    score,
                ));
                i = e + 1;
                continue;
            }
        }
        // LOCATION: a state's head noun and its name ("Republike
        // Hrvatske", "Sjedinjenih Država", "Королевства Франция").
        if t.is_word()
            && t.cap
            && !t.upper
            && toks.get(i + 1).is_some_and(|n| {
                n.is_word() && n.cap && n.sp && !n.nl && !n.upper
            })
            && head_noun(&t.key) == Some(Head::Place)
        {
            let mut e = i;
            while let Some(n) = toks.get(e + 1) {
                if e >= i + 3
                    || n.nl
                    || !n.sp
                    || !n.is_word()
                    || !n.cap
                    || n.upper
                {
                    break;
                }
                e += 1;
            }
            if e > i {
                out.push(Detection::new(
                    "LOCATION",
                    "location-head",
                    t.start..toks[e].end,
                    0.7,
                ));
                i = e + 1;
                continue;
            }
        }
        // LOCATION: a field's value, or a run after a strong place cue.
        let ruled = field.map(|e| (e, "location-field", 0.85)).or_else(|| {
            let cued = t.is_word() && t.cap && !t.upper;
            cued.then(|| cued_run(toks, i))
                .flatten()
                .map(|e| (e, "location-cue", 0.6))
                .or_else(|| {
                    cued.then(|| prep_run(toks, i, &mut german))
                        .flatten()
                        .map(|e| (e, "location-prep", 0.55))
                })
                .or_else(|| {
                    cued.then(|| place_word_run(toks, i))
                        .flatten()
                        .map(|e| (e, "location-prep", 0.55))
                })
                .or_else(|| {
                    cued.then(|| before_country(toks, i))
                        .flatten()
                        .map(|e| (e, "location-comma", 0.55))
                })
        });
        if let Some((e, rule, score)) = ruled {
            last_loc = Some(e);
            let span = t.start..toks[e].end;
            out.push(Detection::new("LOCATION", rule, span, score));
            i = e + 1;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower(text: &str) -> Vec<String> {
        let toks = super::super::tokens::tokenize(text);
        detect(text, &toks)
            .into_iter()
            .filter(|d| d.rule == "location-lower" && d.score >= 0.5)
            .map(|d| text[d.span].to_string())
            .collect()
    }

    #[test]
    fn lowercase_major_place_after_english_preposition() {
        assert_eq!(lower("when are you coming back to canada?"), ["canada"]);
        assert_eq!(lower("a 24 y/o kid from japan won"), ["japan"]);
        for t in [
            // Not after a preposition; a name; another language's word.
            "japan is far",
            "i went to jordan",
            "Det er ikke populært at købe biler",
            "pretvarajući Polokvane u mali Buenos Ajres",
            "from japanese food",
        ] {
            assert!(lower(t).is_empty(), "{t}: {:?}", lower(t));
        }
    }

    #[test]
    fn sets_are_sorted() {
        for set in [
            ARTICLES,
            ABBREV,
            AND,
            US_STATES,
            PLACE_VERB,
            PLACE_FIRST,
            PLACE_LAST,
        ] {
            let v: Vec<&str> = set.split('\n').collect();
            assert!(v.windows(2).all(|w| w[0] < w[1]), "{set:?}");
            for w in &v {
                assert!(in_sorted(set, w), "{w}");
            }
        }
    }
}
