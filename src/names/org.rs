//! ORGANIZATION: a capitalized run with organization evidence.
//!
//! Scores (default report threshold 0.5):
//! - value of a form field ("Company:", "Empresa:", "Arbeitgeber ="): 0.85
//! - a legal form or an organization head after the name ("Polytec
//!   Holding", "Acme GmbH", "Rossi S.p.A.", "Compass Group"): 0.8
//! - an organization word opening the name ("University of Oslo", "Banco
//!   Santander", "Ministerio de Salud"): 0.75
//! - a compound ending in an institution head ("Justitsministeriet",
//!   "Naturvårdsverket", "Folketinget"), or a Slavic adjective followed
//!   by a lowercase institution head noun ("Europske komisije",
//!   "Республиканской партии"; not an army): 0.7
//! - a cue phrase before it ("works at", "arbeitet bei", "travaille
//!   chez"): 0.7
//! - a capitalized institution head noun alone after a lowercase word
//!   ("sekretar Ministarstva finansija", "članovi Vijeća"; not in
//!   German text): 0.6
//! - a word after it that belongs to organizations ("the Initech
//!   account", "Globex support"), for a run that does not look like a
//!   person's given name: 0.6
//! - a well-known acronym in capitals (NATO, EU, BBC, ONU, "NATO-a"), not
//!   inside a run of capitals; a run that is a known name as written
//!   (data/orgs_known.txt, orgs_web.txt: "Hamas", "Fox News", not
//!   "GOOGLE"); with the large data SEC companies and universities: 0.7
//! - an online platform of orgs_web.txt in lowercase after a preposition
//!   ("on twitter", "auf youtube"; not "google"): 0.7 ([`lower_web`], a
//!   pass of its own)
//!
//! Nothing is reported from capitalization alone: brands, products and
//! eponyms ("Jordan sneakers", "ThinkPad") need one of the cues above.

use super::lexicon::{has, known_org};
use super::lists::{
    lists, FIELD_ORG, ORGS_KNOWN, ORGS_WEB, ORG_AFTER, ORG_CUE, ORG_PREFIX,
    ORG_SUFFIX, PARTICLES,
};
use super::morph::{
    army_head, head_noun, in_sorted, may_open, second_letters,
    slavic_adjective, German, Head,
};
use super::tokens::{
    after_punct, phrase_before, reach, skip_separators, value_end, Detection,
    Kind, Tok, AHEAD,
};

/// A lowercase word that may stand inside an organization name
/// ("Bank of America", "Banco do Brasil", "Procter & Gamble").
fn connector(t: &Tok) -> bool {
    t.is_word()
        && !t.cap
        && t.key.len() <= 4
        && (has(&PARTICLES, &t.key)
            || matches!(
                t.key.as_str(),
                "of" | "for"
                    | "and"
                    | "the"
                    | "und"
                    | "et"
                    | "e"
                    | "i"
                    | "och"
                    | "og"
                    | "voor"
                    | "fur"
            ))
}

/// A word that may be part of a name: capitalized, all caps, or a
/// word of an uncased script after a field label.
fn name_word(t: &Tok) -> bool {
    t.is_word() && (t.cap || t.upper)
}

/// A form label whose value is an organization ends before token `i`.
fn org_field(toks: &[Tok], i: usize) -> bool {
    if !after_punct(toks, i) {
        return false;
    }
    let (j, field, _) = skip_separators(toks, i);
    field && j > 0 && phrase_before(toks, j, &FIELD_ORG)
}

/// Legal form spelled with dots after token `e` ("S.p.A.", "S.A.",
/// "Sp. z o.o."): the index of its last letter token. It opens with a
/// capital and a dot right after its first letters.
fn dotted_suffix(toks: &[Tok], e: usize) -> Option<usize> {
    let open = toks.get(e + 1)?;
    let opens = open.is_word() && open.cap && open.sp && !open.nl;
    let dot_next = toks.get(e + 2).is_some_and(|d| d.is_punct('.') && !d.sp);
    if !(opens && dot_next) {
        return None;
    }
    let mut key = String::new();
    let mut k = e + 1;
    let mut last = None;
    while let Some(t) = toks.get(k) {
        if key.len() > 8 || (t.nl && k > e + 1) {
            break;
        }
        if t.is_word() && t.key.len() <= 3 {
            key.push_str(&t.key);
            if key.len() >= 2 && has(&ORG_SUFFIX, key.as_str()) {
                last = Some(k);
            }
        } else if !t.is_punct('.') {
            break;
        }
        k += 1;
    }
    last
}

/// Head words that end a one-word institution name in Danish, Norwegian,
/// Swedish, German and Dutch compounds ("Justitsministeriet",
/// "Naturvårdsverket", "Folketinget", "Bundesministerium",
/// "Landsforeningen"; folded). Hand-written facts.
const COMPOUND_HEADS: [&str; 14] = [
    "departementet",
    "direktoratet",
    "forbundet",
    "foreningen",
    "gerichtshof",
    "institutet",
    "instituttet",
    "ministeriet",
    "ministerie",
    "ministerium",
    "partei",
    "partiet",
    "tinget",
    "verket",
];

/// Token `t` is a compound that ends in one of [`COMPOUND_HEADS`] after
/// at least three letters of its own. A word of at most eight bytes
/// (most of them) is too short for the shortest head (`partei`); the
/// heads are an array, not lines split at each call (which were ~1,200
/// instructions a capitalized word of base64 text).
fn compound_head(t: &Tok) -> bool {
    let k = t.key.as_bytes();
    !t.upper
        && k.len() > 8
        && COMPOUND_HEADS
            .iter()
            .any(|h| k.len() > h.len() + 2 && k.ends_with(h.as_bytes()))
}

/// After the run ending at `last`, a lowercase institution head noun that
/// the run's last word, a Slavic adjective, qualifies ("Europske
/// komisije", "Nacionalnog instituta", "Республиканской партии"): its
/// index. Not an army (`army_head`).
fn head_after_adjective(toks: &[Tok], last: usize) -> Option<usize> {
    let n = toks.get(last + 1)?;
    (n.is_word()
        && !n.cap
        && !army_head(&n.key)
        && n.sp
        && !n.nl
        && !toks[last].upper
        && slavic_adjective(&toks[last].key)
        && head_noun(&n.key) == Some(Head::Org))
    .then_some(last + 1)
}

/// Token `i` is a capitalized institution head noun alone inside a
/// sentence, in a language that capitalizes it only in a name
/// ("Državni sekretar Ministarstva finansija", "tajnik u Ministarstvu",
/// "članovi Vijeća", "карты Министерства обороны"). The span is the head
/// word: where the name's genitive after it ends is no grammar's to
/// tell from a verb. After a lowercase word on its line; not an army,
/// not in German text (every noun capitalized: "des Instituts").
fn lone_head(toks: &[Tok], i: usize, german: &mut Option<German>) -> bool {
    let (Some(t), Some(p)) =
        (toks.get(i), i.checked_sub(1).and_then(|k| toks.get(k)))
    else {
        return false;
    };
    // The German test (a reach's two searches, a pass over the text on
    // first use) last: most candidates fail the cheap tests before it.
    !t.nl
        && !t.upper
        && p.is_word()
        && !p.cap
        && !p.uncased
        && !army_head(&t.key)
        && head_noun(&t.key) == Some(Head::Org)
        && {
            let (lo, hi) = reach(toks, i);
            !german.get_or_insert_with(|| German::new(toks)).reads(lo, hi)
        }
}

/// Well-known organizations written in capitals (folded, sorted by bytes):
/// international bodies in several languages, agencies, broadcasters and
/// news agencies, a few companies and parties; since org43 also the
/// North American sports leagues, national broadcasters and news
/// agencies of Europe and North America, US federal agencies, companies
/// known worldwide by their capitals (HSBC, BASF, UPS, KDDI), parties
/// that led a G20 or EU government since 2000, and universities known by
/// their capitals (MIT, UCLA). Hand-written facts, chosen by those
/// categories, not from the dev text; left out: capitals that are also a
/// placeholder or a word ("ABC", "WHO", "ICE", "ING"), NHS (the label of
/// a UK_NHS number: "NHS 943 476 5919"), and MLB (its only
/// dev-data hit is a span-less item). (Ones known by name are in
/// data/orgs_known.txt.)
const KNOWN_ACRONYMS: &str =
    "afd\nafp\nakp\namd\nanc\nansa\nard\nasean\natf\naxa\nbasf\n\
    bbc\nbce\nbjp\nbmw\ncbc\ncbs\ncdc\ncdu\ncern\ncia\ncnbc\ncnn\ncsu\n\
    dea\ndhl\ndhs\ndoj\ndpa\necb\nefe\neib\nepa\nesa\nespn\neu\nezb\n\
    fbi\nfcc\nfda\nfdp\nfema\nfia\nfifa\nfmi\nfsb\nftc\ngop\nhbo\nhdz\n\
    hsbc\niaea\nibm\nicrc\niea\nikea\nimf\nioc\nirs\nitv\niwf\nkddi\n\
    kgb\nklm\nkmt\nldp\nlse\nmit\nmmf\nmsf\nmsnbc\nmtv\nnasa\n\
    nascar\nnato\nnba\nnbc\nncaa\nnec\nnfl\nnhk\nnhl\nnih\nnoaa\n\
    npr\nnrk\nnsa\nnsf\nntt\nnyu\nocde\noecd\nomc\nonu\noon\nopec\norf\n\
    osce\nosze\notan\npbs\npsoe\nrai\nrtl\nrtp\nrtve\nsap\nsec\nsnp\n\
    spd\nsvt\ntass\ntsmc\nubs\nuci\nucla\nue\nuefa\nufc\nukip\nun\n\
    undp\nunep\nunesco\nunhcr\nunicef\nuno\nunodc\nupi\nups\nusps\nvw\n\
    wfp\nwto\nwwe\nyle\nzdf\nес\nкгб\nкпрф\nмвд\nмвф\nмид\nнато\nобсе\n\
    оон\nтасс\nфсб";

/// A word in capitals the list above knows: "NATO", or "NATO-a", "UN-u"
/// (a Slavic case ending after a hyphen); or a known name capitalized,
/// not in capitals ("Google", not "GOOGLE"; data/orgs_known.txt).
fn acronym(t: &Tok) -> bool {
    capitals(t) || web(t) || t.cap && !t.upper && has(&ORGS_KNOWN, &t.key)
}

/// An online platform's name capitalized, not in capitals ("YouTube";
/// data/orgs_web.txt).
fn web(t: &Tok) -> bool {
    t.cap && !t.upper && has(&ORGS_WEB, &t.key)
}

/// An online platform's name in lowercase right after a preposition:
/// "on twitter", "to facebook", "auf youtube" ("na instagramu" is not
/// read: no case forms); data/orgs_web.txt, not one that is also a
/// common word ("google": data/common.txt). Without the preposition a
/// lowercase name is as often a product or an attribute ("a new
/// youtube video"). Reads the word and the one before it only: a
/// stream holds back no lowercase word. A pass of its own, not a test
/// in [`detect`]'s loop: that loop's budget decides when V8 tiers it
/// up, and a test there moved the tier-up into the first response push
/// (docs/NAMES_LATIN.md, names41).
#[inline(never)]
pub(crate) fn lower_web(toks: &[Tok]) -> Vec<Detection> {
    let mut out = Vec::new();
    let mut prev: Option<&Tok> = None;
    for t in toks {
        // The list's bit first: most lowercase words stop there.
        if has(&ORGS_WEB, &t.key)
            && t.is_word()
            && !t.cap
            && !t.uncased
            && t.sp
            && !t.nl
            && prev.is_some_and(|p| p.is_word() && !p.cap && web_prep(&p.key))
            && !has(lists().common, &t.key)
        {
            out.push(Detection::new(
                "ORGANIZATION",
                "org-known",
                t.start..t.end,
                0.7,
            ));
        }
        prev = Some(t);
    }
    out
}

/// The prepositions [`lower_web`] reads before a platform's name.
fn web_prep(k: &str) -> bool {
    matches!(
        k,
        "on" | "to"
            | "about"
            | "via"
            | "from"
            | "at"
            | "auf"
            | "bei"
            | "sur"
            | "su"
            | "op"
            | "pa"
            | "na"
            | "em"
            | "no"
            | "en"
            | "в"
            | "на"
    )
}

/// A known acronym in capitals, or with a case ending ("NATO-a").
fn capitals(t: &Tok) -> bool {
    let k = t.key.as_str();
    let acr =
        |k: &str| may_open(&ACRONYM_SECOND, k) && in_sorted(KNOWN_ACRONYMS, k);
    t.upper && acr(k) || t.cap && hyphen_base(k).is_some_and(acr)
}

/// The part of `k` before its last `-` when one to three bytes follow
/// it ("nato" of "nato-a"): a byte loop, not `rsplit_once`'s searcher
/// (~200 instructions at every capitalized word).
fn hyphen_base(k: &str) -> Option<&str> {
    let b = k.as_bytes();
    let p = b.iter().rposition(|&c| c == b'-')?;
    (1..=3).contains(&(b.len() - p - 1)).then(|| k.get(..p)).flatten()
}

/// [`second_letters`] of the list above: most capitalized words
/// ("John", "Smith") open with two letters no line opens with, and skip
/// the binary search (a scan for line ends at every step), which was a
/// tenth of a text of names.
const ACRONYM_SECOND: [u32; 26] = second_letters(&[KNOWN_ACRONYMS]);

/// Token `i` opens a sentence and a lowercase word follows: "Google it."
fn opens_before_lower(toks: &[Tok], i: usize) -> bool {
    (i == 0
        || toks[i].nl
        || matches!(toks[i - 1].kind, Kind::Punct('.' | '!' | '?' | ':')))
        && toks.get(i + 1).is_some_and(|n| n.is_word() && !n.cap)
}

/// A run known as an organization: one acronym or known name, a
/// known name of several words not all in capitals ("Fox News", "Real
/// Madrid"; data/orgs_known.txt), or the run's words in the large names
/// data (SEC names, universities) when a filter consults it.
fn well_known(toks: &[Tok], first: usize, last: usize) -> bool {
    let run = &toks[first..=last];
    first == last && acronym(&toks[first])
        || known_org(
            run.iter().filter(|t| t.is_word()).map(|t| t.key.as_str()),
            first < last
                && toks[last].key.ends_phrase()
                && !run.iter().all(|w| w.upper || !w.is_word()),
        )
}

/// An acronym in capitals defined in parentheses at token `i` (the
/// "("), whose letters are the initials of the words before it on its
/// line, connectors left out, the first capitalized ("Instituto de Arte
/// Contemporânea (IAC)", "Bugarska socijalistička partija (BSP)"): the
/// indices of the name's first word and of the ")". Within a decision's
/// reach: the name and acronym span less than [`AHEAD`] bytes.
fn defined_acronym(toks: &[Tok], i: usize) -> Option<(usize, usize)> {
    let a = toks.get(i + 1)?;
    let close = toks.get(i + 2)?;
    let glued = a.upper && !a.sp && close.is_punct(')') && !close.sp;
    if !glued || !(2..=6).contains(&a.key.chars().count()) {
        return None;
    }
    let mut letters = a.key.chars().rev().peekable();
    let mut k = i;
    while letters.peek().is_some() {
        let w = toks.get(k.checked_sub(1)?)?;
        if !w.is_word() || w.nl {
            return None;
        }
        k -= 1;
        if w.key.chars().next() == letters.peek().copied() {
            letters.next();
        } else if !connector(w) {
            return None;
        }
    }
    // Not a state's name ("Republike Srpske (RS)": a place), nor a
    // person's initials ("Anna Berg (AB)"); an institution's word in it
    // ("partija", "Instituto", "Authority"), not a term ("Total Cost of
    // Ownership (TCO)", "Personally Identifiable Information (PII)").
    let first = &toks[k];
    (first.cap
        && close.end - first.start < AHEAD
        && head_noun(&first.key) != Some(Head::Place)
        && !has(lists().given, &first.key)
        && toks[k..i].iter().any(|w| {
            head_noun(&w.key) == Some(Head::Org)
                || has(&ORG_PREFIX, &w.key)
                || has(&ORG_SUFFIX, &w.key)
        }))
    .then_some((k, i + 2))
}

/// Words left off the front of a name: "The Acme Group", "der Allianz".
fn article(t: &Tok) -> bool {
    matches!(
        t.key.as_str(),
        "the"
            | "a"
            | "an"
            | "our"
            | "my"
            | "your"
            | "their"
            | "this"
            | "der"
            | "die"
            | "das"
            | "le"
            | "la"
            | "les"
            | "el"
            | "los"
            | "las"
            | "il"
            | "lo"
            | "o"
            | "os"
            | "het"
            | "de"
            | "een"
    )
}

pub(crate) fn detect(toks: &[Tok]) -> Vec<Detection> {
    let l = lists();
    let mut out = Vec::new();
    let mut german = None;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // "Partido dos Trabalhadores (PT)": the name and its acronym, in
        // place of what the run found in the name.
        if let Some((s, e)) =
            t.is_punct('(').then(|| defined_acronym(toks, i)).flatten()
        {
            let from = toks[s].start;
            while out.last().is_some_and(|d: &Detection| d.span.start >= from)
            {
                out.pop();
            }
            if out.last().is_none_or(|d| d.span.end <= from) {
                let span = from..toks[e].end;
                out.push(Detection::new(
                    "ORGANIZATION",
                    "org-acronym",
                    span,
                    0.7,
                ));
            }
            i = e + 1;
            continue;
        }
        if !t.is_word() || !(t.cap || t.upper || t.uncased) {
            i += 1;
            continue;
        }
        // "Company: Initech", "\"employer\": \"Globex\"": the value, to the
        // end of its line, quote or comma.
        if org_field(toks, i) {
            let e = value_end(toks, i, 8);
            let span = t.start..toks[e].end;
            out.push(Detection::new("ORGANIZATION", "org-field", span, 0.85));
            i = e + 1;
            continue;
        }
        // A lone capitalized common word ("The", "Could") names nothing:
        // most capitals of prose end here.
        let alone = !toks.get(i + 1).is_some_and(|n| {
            n.sp && !n.nl && (name_word(n) || connector(n)) || n.is_punct('&')
        });
        if t.uncased
            || alone
                && has(l.common, &t.key)
                && !t.upper
                && (!well_known(toks, i, i) || opens_before_lower(toks, i))
        {
            i += 1;
            continue;
        }
        // The run: capitalized words, with connectors between them.
        let mut last = i;
        let mut words = 1;
        let mut k = i + 1;
        while let Some(n) = toks.get(k) {
            if n.nl || !n.sp && !n.is_punct('&') || words >= 6 {
                break;
            }
            // An abbreviation with dots ("S.p.A.", "Inc.") ends the run.
            if name_word(n)
                && !(n.key.len() <= 3
                    && toks
                        .get(k + 1)
                        .is_some_and(|d| d.is_punct('.') && !d.sp)
                    && toks.get(k + 2).is_some_and(|w| w.is_word() && !w.sp))
            {
                last = k;
                words += 1;
                k += 1;
            } else if (connector(n) || n.is_punct('&'))
                && toks.get(k + 1).is_some_and(|m| name_word(m) && !m.nl)
            {
                k += 1;
            } else {
                break;
            }
        }
        // A leading common word ("The", "Our") is not part of the name.
        let mut first = i;
        while first < last && article(&toks[first]) {
            first += 1;
            while first < last && !name_word(&toks[first]) {
                first += 1;
            }
        }
        let head = &toks[first];
        let tail = &toks[last];
        let mut end = last;
        let mut score: f32 = 0.0;
        let mut rule = "org-suffix";
        let mut start = head.start;
        if let Some(d) = dotted_suffix(toks, last) {
            score = 0.8;
            end = d;
        } else if last > first
            && has(&ORG_SUFFIX, &tail.key)
            // Two-letter forms in capitals ("AG", "SA"; "Oy", "Co"), not
            // "As" or "Is" of a title-cased headline.
            && (tail.key.len() > 2 || tail.upper || matches!(tail.key.as_str(), "oy" | "co"))
            && head.key.len() >= 2
            // "Kathrine SA": a given name and a short form is a person.
            && !(last == first + 1 && has(l.given, &head.key) && tail.key.len() <= 3)
            && !head.upper
            // "AB51 ABC" is a plate, not "… AB".
            && !toks.get(last + 1).is_some_and(|x| !x.sp && !matches!(x.kind, Kind::Punct(_)))
        {
            score = 0.8;
        } else if last > first
            && (has(&ORG_PREFIX, &head.key)
                || head_noun(&head.key) == Some(Head::Org))
            && !head.upper
            && !toks.get(first + 1).is_some_and(|c| c.key == "and")
        {
            score = 0.75;
            rule = "org-prefix";
        } else if compound_head(tail) {
            score = 0.7;
            rule = "org-compound";
        } else if first == last && lone_head(toks, first, &mut german) {
            score = 0.6;
            rule = "org-head";
        } else if let Some(h) = head_after_adjective(toks, last) {
            score = 0.7;
            rule = "org-head";
            end = h;
            // From the first of the adjectives ("Predsjednik Europske
            // komisije": the president is no part of it).
            let mut a = last;
            while a > first && slavic_adjective(&toks[a - 1].key) {
                a -= 1;
            }
            start = toks[a].start;
        } else if !has(l.common, &head.key) || head.upper {
            let before = skip_separators(toks, first).0;
            if before == first && phrase_before(toks, first, &ORG_CUE) {
                score = 0.7;
                rule = "org-cue";
            } else if toks.get(last + 1).is_some_and(|a| {
                a.is_word() && !a.cap && a.sp && has(&ORG_AFTER, &a.key)
            }) && !(first == last && has(l.given, &head.key))
            {
                score = 0.6;
                rule = "org-cue";
            }
        }
        // A known organization ("NATO"; with the large data "Nvidia",
        // "Banco Bradesco").
        if score == 0.0 && well_known(toks, first, last) {
            score = 0.7;
            rule = "org-known";
        } else if score == 0.0
            && last > first
            && toks.get(first + 1).is_some_and(connector)
            && well_known(toks, first, first)
        {
            // "EU and NATO": the first of two joined names.
            score = 0.7;
            rule = "org-known";
            end = first;
        } else if score == 0.0
            && last > first
            && !toks[first..=last].iter().all(|w| w.upper || !w.is_word())
        {
            // "Sastanak NATO-a", "Summit EU": a known acronym inside a run.
            // Or an online platform's ("Our Favorite YouTube Videos"),
            // not another known name ("Walt Disney", "Sony Australia").
            if let Some(k) =
                (first..=last).find(|&k| capitals(&toks[k]) || web(&toks[k]))
            {
                out.push(Detection::new(
                    "ORGANIZATION",
                    "org-known",
                    toks[k].start..toks[k].end,
                    0.7,
                ));
                i = k + 1;
                continue;
            }
        }
        if score > 0.0 {
            let span = start..toks[end].end;
            out.push(Detection::new("ORGANIZATION", rule, span, score));
        }
        i = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::lexicon::core_has;
    use crate::names::tokens::tokenize;

    #[test]
    fn known_sets_are_sorted() {
        let v: Vec<&str> = KNOWN_ACRONYMS.split('\n').collect();
        assert!(v.windows(2).all(|w| w[0] < w[1]));
        for w in &v {
            assert!(
                in_sorted(KNOWN_ACRONYMS, w) && may_open(&ACRONYM_SECOND, w)
            );
        }
        // Every known name as written is found by its folded key (the
        // build folds data/orgs_known.txt as the tokenizer does).
        let core = include_str!("data/orgs_known.txt").split("# large only");
        let web = include_str!("data/orgs_web.txt");
        for line in core.take(1).chain([web]).flat_map(str::lines) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let toks = tokenize(line);
            let words: Vec<&str> = toks
                .iter()
                .filter(|t| t.is_word())
                .map(|t| t.key.as_str())
                .collect();
            let key = words.join(" ");
            assert!(
                core_has(&ORGS_KNOWN, &key) || core_has(&ORGS_WEB, &key),
                "{line}"
            );
        }
    }

    fn orgs(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        detect(&toks).into_iter().map(|d| &text[d.span]).collect()
    }

    #[test]
    fn compound_and_adjective_heads() {
        assert_eq!(
            orgs("Forinden havde Justitsministeriet nået at erklære"),
            ["Justitsministeriet"]
        );
        assert_eq!(
            orgs("Så säger i dag Naturvårdsverket."),
            ["Naturvårdsverket"]
        );
        assert_eq!(
            orgs("Predsjednik Europske komisije je rekao"),
            ["Europske komisije"]
        );
        assert_eq!(
            orgs("кандидат Республиканской партии заявил"),
            ["Республиканской партии"]
        );
        for t in [
            // A head alone, or too short a compound; an army; no adjective.
            "Ministeriet svarede ikke.",
            "Byzantské vojsko napadlo mesto.",
            "Македонская армия продвинулась.",
            "Marko komisije nije video.",
        ] {
            assert!(orgs(t).is_empty(), "{t}: {:?}", orgs(t));
        }
    }

    #[test]
    fn well_known_organizations() {
        assert_eq!(orgs("The EU and NATO met."), ["EU", "NATO"]);
        assert_eq!(orgs("Sastanak NATO-a je bio dug."), ["NATO-a"]);
        // Leagues, broadcasters, agencies and companies known by their
        // capitals (org43); not in a run of capitals.
        assert_eq!(
            orgs("he joined the NFL after a season on MTV and HSBC"),
            ["NFL", "MTV", "HSBC"]
        );
        assert_eq!(orgs("Он работал в МИД."), ["МИД"]);
        assert!(orgs("THE NBA FINALS").is_empty());
        // Not inside a run of capitals, not a common word opening a
        // sentence, not a word of another language that folds alike.
        assert!(orgs("UN TALKS FAIL").is_empty());
        assert!(orgs("Google it.").is_empty());
        assert!(orgs("Über die Brücke geht es.").is_empty());
        assert!(orgs("Le un et le deux.").is_empty());
        // Known by name (data/orgs_known.txt): as written, one word or
        // several; not lowercase, not in capitals.
        assert_eq!(orgs("She tweeted it on Twitter today."), ["Twitter"]);
        assert_eq!(orgs("It aired on Fox News last night."), ["Fox News"]);
        assert_eq!(
            orgs("a leader of Hamas and Hezbollah"),
            ["Hamas", "Hezbollah"]
        );
        assert!(orgs("I posted it on twitter.").is_empty());
        // Lowercase after a preposition: the pass of its own (an online
        // platform only), not a common word nor a hashtag.
        let lower = |text: &str| -> Vec<String> {
            lower_web(&tokenize(text))
                .into_iter()
                .map(|d| text[d.span].to_string())
                .collect()
        };
        assert_eq!(lower("I posted it on twitter."), ["twitter"]);
        assert!(lower("a new youtube video").is_empty());
        assert!(lower("search on google").is_empty());
        assert!(lower("see on #twitter").is_empty());
        assert!(lower("on Twitter").is_empty());
        assert!(orgs("I LOVE GOOGLE").is_empty());
        assert!(orgs("The Apple pie recipe calls for cinnamon.").is_empty());
        assert!(orgs("Google it.").is_empty());
        // Inside a title-case run: an online platform, not a surname.
        assert_eq!(orgs("Our Favorite YouTube Videos This Week"), ["YouTube"]);
        assert!(orgs("He wrote a letter to Walt Disney.").is_empty());
    }
}
