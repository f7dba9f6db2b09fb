//! Word shape across languages, shared by the detectors: whether the text
//! capitalizes its nouns (German), Slavic adjective endings, and the head
//! nouns that open the names of institutions and states in several
//! languages and grammatical cases ("Sveučilišta", "Университете").
//!
//! Small closed sets of endings and stems, matched on the folded key: no
//! word list of names here (those are the lexicon's).
//!
//! Depends on `tokens`.

use super::tokens::Tok;

/// Frequent German function words that no other language of the set
/// writes the same way (folded keys).
fn german_marker(key: &str) -> bool {
    matches!(
        key,
        "und"
            | "ist"
            | "nicht"
            | "dem"
            | "eine"
            | "einer"
            | "einem"
            | "einen"
            | "sich"
            | "auch"
            | "wurde"
            | "wird"
            | "sind"
            | "zum"
            | "zur"
            | "dass"
            | "oder"
            | "werden"
            | "vom"
            | "beim"
            | "haben"
            | "nach"
            | "des"
            | "der"
            | "das"
            | "durch"
            | "wie"
            | "bei"
            | "aus"
            | "mit"
            | "ich"
            | "wir"
            | "sie"
            | "auf"
            | "ein"
            | "eines"
            | "diese"
            | "dieser"
            | "noch"
            | "schon"
            | "nur"
            | "wenn"
            | "waren"
            | "hatte"
            | "uber"
            | "fur"
            | "zwischen"
            | "unter"
            | "die"
            | "hat"
            | "viel"
            | "sehr"
            | "keine"
            | "seine"
            | "ihre"
    )
}

/// The text reads as German, where every noun is capitalized, so a run
/// of capitalized unknown words is no evidence of a name: two or more
/// marker words, one in 25 words or more.
pub(crate) fn noun_caps(toks: &[Tok]) -> bool {
    let (mut words, mut hits) = (0usize, 0usize);
    let mut strong = 0usize;
    for t in toks.iter().filter(|t| t.is_word()) {
        words += 1;
        if german_marker(&t.key) {
            hits += 1;
            // "des", "der", "das" are also French, Danish or Dutch words.
            strong +=
                usize::from(!matches!(t.key.as_str(), "des" | "der" | "das"));
        }
    }
    strong >= 1 && hits >= 2 && hits * 25 >= words
}

/// A Slavic adjective by its ending (Russian, Serbian, Croatian, Slovak,
/// Czech, in the cases that follow a preposition or a noun): "Северной",
/// "Соединенных", "Velikoj", "Sjedinjenih", "Strednej", "Saudskú". Names
/// rarely end so; a run of unknown words that opens with one is a place
/// or an institution ("Южной Кореи", "Crnoj Gori").
pub(crate) fn slavic_adjective(key: &str) -> bool {
    const CYR: &[&str] = &[
        "ной", "ской", "цкой", "ого", "его", "ому", "ему", "ых", "их", "ыми",
        "ими", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ным",
        "ском", "ней",
    ];
    const LAT: &[&str] = &[
        "oj", "ih", "nim", "skim", "ške", "čke", "skog", "nog", "nej", "skej",
        "kej", "ského", "ských", "ckých", "ného", "ných", "nú", "skú", "ckú",
        "ským",
    ];
    let n = key.chars().count();
    if n < 5 {
        return false;
    }
    if key.chars().next().is_some_and(|c| c as u32 >= 0x400) {
        return CYR.iter().any(|e| key.ends_with(e));
    }
    LAT.iter().any(|e| key.ends_with(e))
}

/// What a head noun opens.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Head {
    /// An institution ("University", "Government", "Bank", "Council").
    Org,
    /// A state or region ("Republic", "Kingdom", "Federation").
    Place,
}

/// A head noun of an institution or a state, in any case, by stem:
/// "Sveučilišta Kosova", "Vlade Srbije", "Университете Северной
/// Каролины", "Conselho da Europa", "Republike Hrvatske". Folded key
/// (diacritics of Latin letters dropped).
pub(crate) fn head_noun(key: &str) -> Option<Head> {
    const ORG: &[&str] = &[
        "sveucilist",
        "univerzit",
        "universit",
        "университет",
        "ministarstv",
        "ministerstv",
        "министерств",
        "predsednist",
        "predsjednist",
        "ambasad",
        "veleposlanst",
        "посольств",
        "савет",
        "conselho",
        "comissao",
        "assembleia",
        "secretaria",
        "departament",
        "tribunal",
        "parlament",
        "парламент",
        "vijec",
        "vijeca",
        "skupstin",
        "sabor",
        "komisij",
        "komisi",
        "комисси",
        "комитет",
        "agencij",
        "агентств",
        "банк",
        "vojsk",
        "армии",
        "армия",
        "policij",
        "полици",
        "partij",
        "парти",
        "суд",
        "instituc",
        "institut",
        "институт",
        "fakult",
        "факульт",
        "akademij",
        "академи",
        "zavod",
        "klub",
        "клуб",
        "compan",
        "компани",
    ];
    const ORG_EXACT: &[&str] = &[
        "vlada",
        "vlade",
        "vladi",
        "vladu",
        "vladom",
        "savet",
        "saveta",
        "savetu",
        "ustav",
        "ustava",
        "uniao",
        "camara",
        "senado",
        "senat",
        "senata",
        "правительство",
        "правительства",
        "совет",
        "совета",
    ];
    const PLACE: &[&str] = &[
        "republik",
        "republic",
        "республик",
        "kraljevin",
        "kralovstv",
        "королевств",
        "federacij",
        "federacie",
        "федераци",
        "княжеств",
        "kneževin",
        "knezevin",
        "imperij",
        "импери",
        "provinc",
        "провинци",
        "oblast",
        "област",
        "region",
        "регион",
        "okrug",
        "округ",
        "zupanij",
        "opstin",
        "opcin",
        "sjedinjen",
        "соединенн",
        "соединён",
        "spojen",
    ];
    if ORG_EXACT.contains(&key) {
        return Some(Head::Org);
    }
    if key.chars().count() < 4 {
        return None;
    }
    if ORG.iter().any(|s| key.starts_with(s)) {
        return Some(Head::Org);
    }
    PLACE.iter().any(|s| key.starts_with(s)).then_some(Head::Place)
}

/// Place prepositions of languages the cue list lacks (folded keys):
/// Portuguese, French, Italian, Danish, Russian, Croatian/Serbian,
/// Slovak/Czech. `Some(true)` for one that also stands before people
/// ("na", "u", "do": "to Jordan").
pub(crate) fn place_preposition(key: &str) -> Option<bool> {
    match key {
        "em" | "nos" | "nas" | "pela" | "pelo" | "dans" | "au" | "aux"
        | "vers" | "nel" | "nella" | "fra" | "paa" | "ved" | "во" | "из"
        | "под" | "около" | "близ" | "iz" | "diljem" | "sirom" | "prema"
        | "vo" | "zo" | "okolo" | "blizu" | "im" | "bei" | "nahe" => {
            Some(false)
        }
        "no" | "na" | "ao" | "para" | "в" | "на" | "u" | "v" | "do" | "pa"
        | "til" | "al" => Some(true),
        _ => None,
    }
}

/// Base forms to look up for an inflected place name in a Slavic
/// language: "kosovu" gives "kosovo", "srbije" "srbija", "hrvatskoj"
/// "hrvatska", "albaniji" "albania", "beogradu" "beograd". Calls `f` on
/// each until it returns true.
pub(crate) fn slavic_bases(
    key: &str,
    mut f: impl FnMut(&str) -> bool,
) -> bool {
    const ENDS: &[&str] =
        &["ima", "ama", "om", "oj", "em", "ou", "ej", "u", "a", "e", "i", "y"];
    if key.len() < 5 || !key.is_ascii() {
        return false;
    }
    let mut buf = String::with_capacity(key.len() + 2);
    for e in ENDS {
        let Some(stem) = key.strip_suffix(e) else { continue };
        if stem.len() < 3 {
            continue;
        }
        // "albanij" is "albani-" in English spelling.
        let stems = [stem, stem.strip_suffix('j').unwrap_or(stem)];
        for (n, st) in stems.iter().enumerate() {
            if n == 1 && st.len() == stem.len() {
                break;
            }
            for base in ["", "a", "o", "e"] {
                buf.clear();
                buf.push_str(st);
                buf.push_str(base);
                if buf != key && f(&buf) {
                    return true;
                }
            }
        }
        break;
    }
    false
}

/// A South Slavic surname by its ending "-ić", in any case, on the word
/// as written: "Simić", "Tadićem", "Mladića".
pub(crate) fn slavic_surname(word: &str) -> bool {
    const IC: &[&str] = &["ić", "ića", "iću", "ićem", "ići"];
    word.chars().count() >= 4 && IC.iter().any(|e| word.ends_with(e))
}

/// A verb of saying (folded), before or after the one who speaks:
/// "said Smith", "Smith said", "sagte Müller", "rekao je Simić".
pub(crate) fn speech_verb(key: &str) -> bool {
    matches!(
        key,
        "said"
            | "says"
            | "told"
            | "added"
            | "explained"
            | "wrote"
            | "asked"
            | "replied"
            | "insisted"
            | "sagte"
            | "sagt"
            | "erklarte"
            | "meinte"
            | "schrieb"
            | "betonte"
            | "disse"
            | "diz"
            | "afirmou"
            | "explicou"
            | "declarou"
            | "acrescentou"
            | "dijo"
            | "afirmo"
            | "explico"
            | "anadio"
            | "declaro"
            | "sagde"
            | "siger"
            | "skriver"
            | "fortaeller"
            | "sager"
            | "sade"
            | "сказал"
            | "сказала"
            | "заявил"
            | "заявила"
            | "отметил"
            | "отметила"
            | "пишет"
            | "говорит"
            | "rekao"
            | "rekla"
            | "izjavio"
            | "izjavila"
            | "kazao"
            | "kazala"
            | "dodao"
            | "dodala"
            | "naveo"
            | "navela"
            | "istaknuo"
            | "istakao"
            | "povedal"
            | "povedala"
            | "uviedol"
            | "uviedla"
            | "napisal"
            | "dodal"
            | "a declare"
            | "declare"
            | "ha detto"
            | "ha dichiarato"
            | "zei"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::tokens::tokenize;

    #[test]
    fn german() {
        assert!(noun_caps(&tokenize(
            "Die Führungskräfte von Unternehmen wie Spotify sind nicht da."
        )));
        assert!(!noun_caps(&tokenize("Ask Anna Weber about the invoice.")));
        assert!(!noun_caps(&tokenize("Le chef des ventes est à Paris.")));
    }

    #[test]
    fn shapes() {
        assert!(slavic_adjective("северной"));
        assert!(slavic_adjective("velikoj"));
        assert!(slavic_adjective("sjedinjenih"));
        assert!(!slavic_adjective("slobodana"));
        assert!(!slavic_adjective("ivanov"));
        assert_eq!(head_noun("sveucilista"), Some(Head::Org));
        assert_eq!(head_noun("республики"), Some(Head::Place));
        assert_eq!(head_noun("vladimir"), None);
        let base = |k: &str| {
            let mut got = Vec::new();
            slavic_bases(k, |b| {
                got.push(b.to_string());
                false
            });
            got
        };
        assert!(base("kosovu").contains(&"kosovo".to_string()));
        assert!(base("srbije").contains(&"srbija".to_string()));
        assert!(base("hrvatskoj").contains(&"hrvatska".to_string()));
        assert!(base("albaniji").contains(&"albania".to_string()));
    }
}
