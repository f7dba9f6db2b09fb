//! Word shape across languages, shared by the detectors: whether the text
//! capitalizes its nouns (German), Slavic adjective endings, and the head
//! nouns that open the names of institutions and states in several
//! languages and grammatical cases ("Sveučilišta", "Университете"), and
//! Slavic names in their case forms: a Cyrillic word in Latin letters and
//! its base form ("Петровым": petrov), Slovak possessives ("Bushova").
//!
//! Small closed sets of endings and stems, matched on the folded key: no
//! word list of names here (those are the lexicon's).
//!
//! Depends on `tokens`, and on the lexicon for the German marker words
//! and the name and place lookups.

use super::lexicon::{gazetteer, has, place_tier, Key};
use super::lists::{Lists, FAMOUS, GERMAN_MARKERS, PREFIX, SUBJECT_VERB};
use super::tokens::{Kind, Tok};

/// `key` is a line of `set`, lines sorted by bytes and joined by `\n`:
/// a binary search over the text (a few comparisons; far less wasm than
/// a `match` over strings or an array of `&str`).
pub(crate) fn in_sorted(set: &str, key: &str) -> bool {
    let b = set.as_bytes();
    // [lo, hi) holds whole lines: lo starts one, hi starts one or ends
    // the text.
    let (mut lo, mut hi) = (0usize, b.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let s = b[lo..mid]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(lo, |p| lo + p + 1);
        let e =
            b[s..].iter().position(|&c| c == b'\n').map_or(b.len(), |p| s + p);
        match b[s..e].cmp(key.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = e + 1,
            std::cmp::Ordering::Greater => hi = s,
        }
    }
    false
}

/// The lines of `set`.
fn lines(set: &'static str) -> impl Iterator<Item = &'static str> {
    set.split('\n')
}

/// A line of `set` ends `key` (`suffix`) or starts it. One copy of the
/// loop for every set (not inlined: the wasm stays small), over bytes.
#[inline(never)]
fn affix_in(set: &'static str, key: &str, suffix: bool) -> bool {
    let k = key.as_bytes();
    let mut rest = set.as_bytes();
    loop {
        let n = rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
        let e = &rest[..n];
        // One byte compared first: most lines end there.
        let hit = if suffix {
            e.last() == k.last() && k.ends_with(e)
        } else {
            e.first() == k.first() && k.starts_with(e)
        };
        if hit {
            return true;
        }
        match rest.get(n + 1..) {
            Some(r) => rest = r,
            None => return false,
        }
    }
}

/// Whether a word is a German marker, and a strong one ("des", "der",
/// "das", "die" are also French, Danish, Dutch or English words).
fn marker(t: &Tok) -> (bool, bool) {
    // A bit of the token's lexicon entry, looked up once with the token.
    let hit = t.is_word() && has(&GERMAN_MARKERS, &t.key);
    let strong =
        hit && !matches!(t.key.as_str(), "des" | "der" | "das" | "die");
    (hit, strong)
}

/// Where text reads as German, where every noun is capitalized, so a run
/// of capitalized unknown words is no evidence of a name: two or more
/// marker words, one in 25 words or more, among the words of a bounded
/// stretch of the text (so a stream, which sees a window, decides as
/// one-shot screening does). Counts over the tokens, built once.
pub(crate) struct German {
    /// Words, marker words and strong marker words in `toks[..k]`.
    cum: Vec<[u32; 3]>,
}

impl German {
    pub(crate) fn new(toks: &[Tok]) -> German {
        let mut cum = Vec::with_capacity(toks.len() + 1);
        let mut c = [0u32; 3];
        cum.push(c);
        for t in toks {
            if t.is_word() {
                let (hit, strong) = marker(t);
                c[0] += 1;
                c[1] += u32::from(hit);
                c[2] += u32::from(strong);
            }
            cum.push(c);
        }
        German { cum }
    }

    /// Whether the words of `toks[lo..hi]` read as German.
    pub(crate) fn reads(&self, lo: usize, hi: usize) -> bool {
        let (Some(a), Some(b)) = (self.cum.get(lo), self.cum.get(hi)) else {
            return false;
        };
        let words = b[0].saturating_sub(a[0]);
        let hits = b[1].saturating_sub(a[1]);
        let strong = b[2].saturating_sub(a[2]);
        strong >= 1 && hits >= 2 && hits * 25 >= words
    }
}

/// A Slavic adjective by its ending (Russian, Serbian, Croatian, Slovak,
/// Czech, in the cases that follow a preposition or a noun): "Северной",
/// "Соединенных", "Velikoj", "Sjedinjenih", "Strednej", "Saudskú". Names
/// rarely end so; a run of unknown words that opens with one is a place
/// or an institution ("Южной Кореи", "Crnoj Gori").
pub(crate) fn slavic_adjective(key: &str) -> bool {
    const CYR: &str =
        "ой\nого\nего\nому\nему\nых\nих\nыми\nими\nую\nюю\nая\nяя\n\
        ое\nее\nые\nие\nый\nным\nском\nей\nский\nским\nцкий";
    const LAT: &str =
        "oj\nih\nnim\nskim\nske\ncke\nskog\nnog\nnej\nskej\nkej\n\
        skeho\nskych\nckych\nneho\nnych\nsku\ncku\nskym";
    let n = key.chars().count();
    if n < 5 {
        return false;
    }
    if key.chars().next().is_some_and(|c| c as u32 >= 0x400) {
        return affix_in(CYR, key, true);
    }
    affix_in(LAT, key, true)
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
    // Most words open with a letter no stem opens with: no scan.
    let b = *key.as_bytes().first()?;
    if b < 0x80
        && !(b.is_ascii_lowercase() && HEAD_FIRST >> (b - b'a') & 1 != 0)
    {
        return None;
    }
    // Nor with the two letters of most words that open with one: "smith".
    if !may_open(&HEAD_SECOND, key) {
        return None;
    }
    if in_sorted(HEAD_ORG_EXACT, key) {
        return Some(Head::Org);
    }
    if key.chars().count() < 4 {
        return None;
    }
    if affix_in(HEAD_ORG, key, false) {
        return Some(Head::Org);
    }
    (affix_in(HEAD_PLACE, key, false) && !affix_in(HEAD_PLACE_ADJ, key, false))
        .then_some(Head::Place)
}

/// First letters (a-z) of the head-noun stems and words, one bit each.
const HEAD_FIRST: u32 = 0x023E_D52F;

/// Second letters (a-z, one bit each) of the head-noun stems and words,
/// by their first letter.
const HEAD_SECOND: [u32; 26] =
    second_letters(&[HEAD_ORG, HEAD_ORG_EXACT, HEAD_PLACE]);

/// Second letters (a-z, one bit each) of the lines of `sets`, by their
/// first letter (a-z); every bit when a line's second byte is no ASCII
/// letter. A word whose first two letters open no line is in no set.
pub(crate) const fn second_letters(sets: &[&str]) -> [u32; 26] {
    let mut m = [0u32; 26];
    let mut k = 0;
    while k < sets.len() {
        let b = sets[k].as_bytes();
        let mut i = 0;
        while i < b.len() {
            // `i` starts a line.
            if b[i].is_ascii_lowercase() {
                let d = if i + 1 < b.len() { b[i + 1] } else { b'\n' };
                m[(b[i] - b'a') as usize] |= if d.is_ascii_lowercase() {
                    1 << (d - b'a')
                } else {
                    u32::MAX
                };
            }
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            i += 1;
        }
        k += 1;
    }
    m
}

/// Whether `key` may open with a line of the sets `second` was made of
/// ([`second_letters`]): false when its first two bytes are ASCII
/// lowercase letters no line opens with.
#[inline(always)]
pub(crate) fn may_open(second: &[u32; 26], key: &str) -> bool {
    match *key.as_bytes() {
        [a @ b'a'..=b'z', c @ b'a'..=b'z', ..] => {
            second[usize::from(a - b'a')] >> (c - b'a') & 1 != 0
        }
        _ => true,
    }
}

const HEAD_ORG: &str =
    "sveucilist\nuniverzit\nuniversit\nуниверситет\nministarstv\n\
    ministerstv\nминистерств\npredsednist\npredsjednist\n\
    ambasad\nveleposlanst\nпосольств\nсавет\nconselho\n\
    comissao\nassembleia\nsecretaria\ndepartament\ntribunal\n\
    parlament\nпарламент\nvijec\nskupstin\nsabor\nkomisi\n\
    комисси\nкомитет\nagencij\nагентств\nбанк\nvojsk\nарми\n\
    policij\nполици\npartij\nпарти\nсуд\ninstituc\ninstitut\n\
    институт\nfakult\nфакульт\nakademij\nакадеми\nzavod\nklub\n\
    клуб\ncompan\nкомпани\norganizac\n\
    организац\nasocijac\nassociac\nasociac\nассоциац\nudruz\nudrug\n\
    savez\nstrank\nunij\nalijans\nodbor\nsindicat\nsindikat\n\
    fundac\nbolnic";

/// Stems of HEAD_ORG that name armed forces ("vojsko", "армия"): after
/// a people's or a country's adjective they are rarely one body by name
/// ("Македонская армия", "Byzantské vojsko").
const HEAD_ARMY: &str = "vojsk\nарми";

/// Whether a head noun names armed forces (a stem of HEAD_ARMY).
pub(crate) fn army_head(key: &str) -> bool {
    affix_in(HEAD_ARMY, key, false)
}

const HEAD_ORG_EXACT: &str =
    "camara\ncongreso\ncongress\ncongresso\norganisation\norganization\n\
    policia\nsavet\nsaveta\nsavetu\nsenado\nsenat\nsenata\n\
    uniao\nustav\nustava\nvlada\nvlade\nvladi\nvladom\nvladu\n\
    правительства\nправительство\nсовет\nсовета\nсоюз\nсоюза\nсоюзе\n\
    союзом\nсоюзу";

const HEAD_PLACE: &str =
    "republik\nrepublic\nреспублик\nkraljevin\nkralovstv\n\
    королевств\nfederac\nфедераци\nкняжеств\nknezevin\nimperij\n\
    импери\nprovinc\nпровинци\noblast\nобласт\nregion\nрегион\n\
    okrug\nокруг\nzupanij\nopstin\nopcin\nsjedinjen\nсоединенн\n\
    соединён\nspojen";

/// Adjectives made on a stem of HEAD_PLACE ("Republikanische
/// Wirtschaftsexperten", "Regional Series", "Općinski sud"): they open
/// no state's or region's name, though they start with its stem.
const HEAD_PLACE_ADJ: &str =
    "imperijal\nopcinsk\nopstinsk\nprovincial\nprovincijal\nprovincijsk\n\
    regional\nrepublican\nrepublikan\nzupanijsk\nпровинциальн\n\
    региональн\nреспубликанск";

/// Place prepositions of languages the cue list lacks (folded keys):
/// Portuguese, French, Italian, Danish, Russian, Croatian/Serbian,
/// Slovak/Czech. `Some(true)` for one that also stands before people
/// ("na", "u", "do": "to Jordan").
pub(crate) fn place_preposition(key: &str) -> Option<bool> {
    if in_sorted(PLACE_PREP, key) {
        Some(false)
    } else {
        in_sorted(PLACE_PREP_WEAK, key).then_some(true)
    }
}

/// Sorted by bytes: [`in_sorted`] searches it.
const PLACE_PREP: &str =
    "au\naux\nbei\nblizu\ndans\ndiljem\nem\nfra\nim\niz\nnahe\n\
    nas\nnel\nnella\nnos\nokolo\npaa\npela\npelo\nprema\nsirom\n\
    ved\nvers\nvo\nzo\nблиз\nво\nиз\nоколо\nпод";

/// Sorted by bytes: [`in_sorted`] searches it.
const PLACE_PREP_WEAK: &str = "al\nao\ndo\nna\nno\npa\npara\ntil\nu\nv\nв\nна";

/// Base forms to look up for an inflected place name in a Slavic
/// language: "kosovu" gives "kosovo", "srbije" "srbija", "hrvatskoj"
/// "hrvatska", "albaniji" "albania", "beogradu" "beograd". Calls `f` on
/// each until it returns true.
pub(crate) fn slavic_bases(
    key: &str,
    mut f: impl FnMut(&str) -> bool,
) -> bool {
    const ENDS: &str = "ima\nama\nom\noj\nem\nou\nej\nu\na\ne\ni\ny";
    // A buffer on the stack: this runs for most capitalized words.
    let mut buf = [0u8; 40];
    if key.len() < 5 || key.len() >= buf.len() || !key.is_ascii() {
        return false;
    }
    for e in lines(ENDS) {
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
                let n = st.len() + base.len();
                let Some(out) = buf.get_mut(..n) else { break };
                let (a, b) = out.split_at_mut(st.len());
                a.copy_from_slice(st.as_bytes());
                b.copy_from_slice(base.as_bytes());
                let Ok(form) = std::str::from_utf8(out) else { break };
                if form != key && f(form) {
                    return true;
                }
            }
        }
        break;
    }
    false
}

/// The Latin spelling of a Cyrillic word, Russian letters as in
/// passports and the news ("ж" zh, "х" kh, "ц" ts, "щ" shch, "й" y, "ь"
/// nothing: a table of facts; "Наталья" natalya), appended to `out`.
/// False when `cyr` holds another letter.
fn cyr_latin(cyr: &str, out: &mut String) -> bool {
    // Four bytes a letter, padded with spaces.
    const RU: &[u8; 128] = b"a   b   v   g   d   e   zh  z   i   y   k   l   \
        m   n   o   p   r   s   t   u   f   kh  ts  ch  sh  shch    y   \
            \x20   e   yu  ya  ";
    for c in cyr.chars() {
        let i = match c {
            'а'..='я' => (c as u32 - 0x430) as usize * 4,
            'ё' => 20,
            _ => return false,
        };
        for b in &RU[i..i + 4] {
            if *b != b' ' {
                out.push(*b as char);
            }
        }
    }
    true
}

/// The Latin spellings ([`cyr_latin`]) of a capitalized Cyrillic word and
/// of its base form, for the Latin name lists: "Ивана" gives "ivan",
/// "Петровым" "petrov", "Ольгой" "olga", "Игоря" "igor", "Сергею"
/// "sergey", "Марии" "mariya". Calls `f` on each until it returns true.
/// The -ия nouns keep their "ия" ("России" is "Россия", not "Росси").
pub(crate) fn cyrillic_bases(
    key: &str,
    f: &mut dyn FnMut(&str) -> bool,
) -> bool {
    const ENDS: &str = "ым\nом\nем\nой\nей\nа\nу\nе\nы\nи\nю\nя";
    let mut lat = String::new();
    if cyr_latin(key, &mut lat) && f(&lat) {
        return true;
    }
    let Some(stem) = lines(ENDS).find_map(|e| key.strip_suffix(e)) else {
        return false;
    };
    lat.clear();
    if stem.len() < 6 || !cyr_latin(stem, &mut lat) {
        return false;
    }
    // The base's ending: none, "а", "й" ("ь" is none in Latin).
    let n = lat.len();
    let ends = if stem.ends_with('и') { "ya" } else { "\na\ny" };
    lines(ends).any(|e| {
        lat.truncate(n);
        lat.push_str(e);
        f(&lat)
    })
}

/// A well-known head of state's surname (`data/famous.txt`); a Cyrillic
/// word by the Latin spelling of it or of its base form ("Трампом":
/// tramp, "Путина": putin).
pub(crate) fn famous(key: &Key) -> bool {
    has(&FAMOUS, key)
        || key.as_bytes().first().is_some_and(|b| *b >= 0xD0)
            && cyrillic_bases(key, &mut |lat| has(&FAMOUS, lat))
}

/// A Slovak or Czech possessive adjective of a name, or a surname's
/// feminine or dative form, by its ending: "Bushova", "Kimovej",
/// "Štefánikov", "Tiberiovho", "Novákovu". Returns the stem through
/// "ov" ("bushov"), for the caller's place test ("Kosova" is Kosovo's).
pub(crate) fn slavic_possessive(key: &str) -> Option<&str> {
    // After "ov": nothing, or up to three letters of the endings "a e u
    // ej ho mu om ou ych ym" (not "-ovi": the plural of South Slavic
    // nouns, "Vjetrovi"), nor "-ovo" and "-ovac", places ("Kosovo",
    // "Karlovac"). Not "-skov", Danish towns ("Nakskov"); not the Nobel
    // Prize ("Nobelovu cenu").
    let n = key.as_bytes().windows(2).rposition(|w| w == b"ov")? + 2;
    let rest = &key.as_bytes()[n..];
    (n >= 5
        && rest.len() <= 3
        && rest.iter().all(|b| b"aehjmouyc".contains(b))
        && rest != b"o"
        && rest != b"ac"
        && key.is_ascii()
        && !key.ends_with("skov")
        && !key.starts_with("nobelov"))
    .then(|| &key[..n])
}

/// A Cyrillic word of no list read as a name: the Latin spelling of the
/// word or of its base form ("Ивану", "Петровым") is a listed given
/// name or surname. Not a place of the gazetteer ("Берлине").
pub(crate) fn inflected(l: &Lists, k: &str) -> (bool, bool) {
    let mut r = (false, false);
    let mut place = false;
    if k.as_bytes().first().is_some_and(|b| *b >= 0xD0) {
        cyrillic_bases(k, &mut |lat| {
            // One lookup, then bit tests.
            let key = Key::folded(lat);
            place = gazetteer(&key);
            r = (has(l.given, &key), has(l.surnames, &key));
            place || r.0 || r.1
        });
    }
    if place {
        (false, false)
    } else {
        r
    }
}

/// The lone word `i` is a Slavic possessive or surname form of a name
/// ([`slavic_possessive`]: "Bushova", "Kimovej"): not a place's
/// ("Kosova", "Kosovu": the stem and "o" is a place), nor after a place
/// preposition ("do Mníchova"), nor in CamelCase ("YouGov"), nor a
/// street ("Komzákova 1273", "Figová ulica").
#[inline(never)]
pub(crate) fn possessive_name(text: &str, toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    let Some(st) = slavic_possessive(&t.key) else {
        return false;
    };
    let word = text.get(t.start..t.end).unwrap_or("");
    !gazetteer((st.to_owned() + "o").as_str())
        && !word.bytes().skip(1).any(|b| b.is_ascii_uppercase())
        && !i.checked_sub(1).is_some_and(|p| {
            toks[p].is_word() && place_preposition(&toks[p].key).is_some()
        })
        && !toks.get(i + 1).is_some_and(|n| {
            n.kind == Kind::Num || n.is_word() && has(&PREFIX, &n.key)
        })
}

/// Token `i` opens a sentence as a Slavic possessive of a name before a
/// lowercase word ("Bushova popularita", "Tolkienov zápal"), in an
/// ending no common adjective shares ("Osudovým", "Osnove"), not a
/// pronoun ("Njihova", "Njegova").
pub(crate) fn opening_possessive(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    let key = t.key.as_str();
    !t.upper
        && place_tier(key).is_none()
        && !key.starts_with("nj")
        && ["ov", "ova", "ovu", "ovho", "ovmu"]
            .iter()
            .any(|e| key.ends_with(e))
        && toks
            .get(i + 1)
            .is_some_and(|a| a.is_word() && !a.cap && a.sp && !a.nl)
        && possessive_name(text, toks, i)
}

/// A South Slavic surname by its ending "-ić" in any case ("Simić",
/// "Tadićem", "Mladića"): the `word` as written ends so, with the "ć"
/// ("Atlantic" has none; "Liječnici", doctors, has a "č" but a plain "c"
/// in its ending).
pub(crate) fn slavic_surname(key: &str, word: &str) -> bool {
    // (A "ć" is two bytes, its folded "c" one: most words stop here.)
    key.len() >= 4
        && word.len() > key.len()
        && ["", "a", "u", "em", "i"].iter().any(|tail| {
            word.strip_suffix(tail).is_some_and(|w| w.ends_with("ić"))
        })
}

/// "'s" right after token `e` and no capitalized word after it: "Nina's
/// day", not "Victoria's Secret"; nor a saint's name before it ("St.
/// Mary's", "Saint George's": a church, a school).
pub(crate) fn possessive_after(toks: &[Tok], e: usize) -> bool {
    let saint = |k: usize| {
        toks.get(k).is_some_and(|w| {
            w.is_word()
                && matches!(w.key.as_str(), "st" | "ste" | "saint" | "sankt")
        })
    };
    !(e >= 1 && saint(e - 1)
        || e >= 2 && toks[e - 1].is_punct('.') && saint(e - 2))
        && toks.get(e + 1).is_some_and(|a| {
            !a.sp && matches!(a.kind, Kind::Punct('\'' | '’'))
        })
        && toks
            .get(e + 2)
            .is_some_and(|s| !s.sp && s.is_word() && s.key.as_str() == "s")
        && !toks
            .get(e + 3)
            .is_some_and(|n| n.is_word() && n.cap && n.sp && !n.nl)
}

/// A lowercase English verb of [`SUBJECT_VERB`] right after token `e`, on
/// its line: "Casey is", "Harry got".
pub(crate) fn subject_verb_after(toks: &[Tok], e: usize) -> bool {
    toks.get(e + 1).is_some_and(|v| {
        v.is_word() && v.sp && !v.nl && !v.cap && has(&SUBJECT_VERB, &v.key)
    })
}

/// A verb of saying (folded), before or after the one who speaks:
/// "said Smith", "Smith said", "sagte Müller", "rekao je Simić".
pub(crate) fn speech_verb(key: &str) -> bool {
    may_open(&SPEECH_SECOND, key) && in_sorted(SPEECH_VERB_WORDS, key)
}

/// [`second_letters`] of [`SPEECH_VERB_WORDS`].
const SPEECH_SECOND: [u32; 26] = second_letters(&[SPEECH_VERB_WORDS]);

/// Sorted by bytes: [`in_sorted`] searches it.
const SPEECH_VERB_WORDS: &str =
    "acrescentou\nadded\nafirmo\nafirmou\nasked\ndeclare\n\
    declaro\ndeclarou\ndijo\ndisse\ndiz\ndodal\ndodala\ndodao\n\
    erklarte\nexplained\nexplico\nexplicou\nfortaeller\n\
    istaknuo\nizjavila\nizjavio\nkazala\nkazao\nmeinte\nnaveo\n\
    povedal\npovedala\nrekao\nrekla\nsagde\nsager\nsagt\nsagte\n\
    said\nsays\nschrieb\nsiger\nskriver\ntold\nuviedol\nwrote\n\
    zei\nговорит\nзаявил\nзаявила\nотметил\nотметила\nпишет\n\
    сказал\nсказала";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::tokens::tokenize;

    #[test]
    fn sets_are_sorted() {
        for set in [SPEECH_VERB_WORDS, PLACE_PREP, PLACE_PREP_WEAK] {
            let v: Vec<&str> = set.split('\n').collect();
            assert!(v.windows(2).all(|w| w[0] < w[1]), "{set:?}");
            for w in &v {
                assert!(in_sorted(set, w), "{w}");
                assert!(!in_sorted(set, &format!("{w}#")), "{w}#");
            }
            assert!(!in_sorted(set, ""));
        }
    }

    #[test]
    fn head_second_letters() {
        assert_eq!(head_noun("smith"), None);
        assert!(!speech_verb("smith") && !may_open(&SPEECH_SECOND, "john"));
        for w in SPEECH_VERB_WORDS.split('\n') {
            assert!(speech_verb(w), "{w}");
        }
        for set in [HEAD_ORG, HEAD_ORG_EXACT, HEAD_PLACE] {
            for w in set.split('\n') {
                let b = w.as_bytes();
                if b[0].is_ascii_lowercase() && b[1].is_ascii_lowercase() {
                    let bits = HEAD_SECOND[usize::from(b[0] - b'a')];
                    assert!(bits >> (b[1] - b'a') & 1 != 0, "{w}");
                }
                let word = if set == HEAD_ORG_EXACT {
                    w.to_string()
                } else {
                    format!("{w}ama")
                };
                assert!(head_noun(&word).is_some(), "{word}");
            }
        }
    }

    #[test]
    fn head_first_letters() {
        for set in [HEAD_ORG, HEAD_ORG_EXACT, HEAD_PLACE] {
            for w in set.split('\n') {
                let b = w.as_bytes()[0];
                assert!(b >= 0x80 || HEAD_FIRST >> (b - b'a') & 1 != 0, "{w}");
            }
        }
    }

    #[test]
    fn german() {
        let reads = |s: &str| {
            let t = tokenize(s);
            German::new(&t).reads(0, t.len())
        };
        assert!(reads(
            "Die Führungskräfte von Unternehmen wie Spotify sind nicht da."
        ));
        assert!(!reads("Ask Anna Weber about the invoice."));
        assert!(!reads("Le chef des ventes est à Paris."));
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
        // Adjectives on a state's stem are no head (HEAD_PLACE_ADJ).
        for w in [
            "republikanische",
            "republican",
            "regional",
            "opcinski",
            "республиканской",
        ] {
            assert_eq!(head_noun(w), None, "{w}");
        }
        for w in ["republikanische", "regionalni", "provincial"] {
            assert!(affix_in(HEAD_PLACE, w, false), "{w}");
        }
        for w in ["republike", "regionu", "republica", "provincija"] {
            assert_eq!(head_noun(w), Some(Head::Place), "{w}");
        }
        for w in ["camara", "vladu", "совета", "правительство", "ustav"]
        {
            assert_eq!(head_noun(w), Some(Head::Org), "{w}");
        }
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

    #[test]
    fn cyrillic_names() {
        let mut lat = String::new();
        assert!(cyr_latin("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", &mut lat));
        assert_eq!(lat, "abvgdeezhziyklmnoprstufkhtschshshchyeyuya");
        lat.clear();
        assert!(cyr_latin("ыь", &mut lat) && lat == "y");
        assert!(!cyr_latin("ivan", &mut lat));
        let bases = |k: &str| {
            let mut got = Vec::new();
            cyrillic_bases(k, &mut |b| {
                got.push(b.to_string());
                false
            });
            got
        };
        // Hits: the word's own spelling, then its base forms.
        for (word, base) in [
            ("дональд", "donald"),
            ("ивана", "ivan"),
            ("ивану", "ivan"),
            ("петровым", "petrov"),
            ("петровой", "petrov"),
            ("ольгой", "olga"),
            ("игоря", "igor"),
            ("сергею", "sergey"),
            ("марии", "mariya"),
            ("наталья", "natalya"),
        ] {
            assert!(bases(word).contains(&base.to_string()), "{word}");
        }
        // Misses: "России" is no "Росси", a short stem is no name.
        assert!(!bases("россии").contains(&"rossi".to_string()));
        assert_eq!(bases("ему"), ["emu"]);
    }

    #[test]
    fn possessives() {
        for (w, st) in [
            ("bushova", "bushov"),
            ("kimovej", "kimov"),
            ("stefanikov", "stefanikov"),
            ("tiberiovho", "tiberiov"),
            ("kosova", "kosov"),
        ] {
            assert_eq!(slavic_possessive(w), Some(st), "{w}");
        }
        for w in [
            "nakskov", "nobelovu", "vjetrovi", "nova", "ivan", "lenovo",
            "karlovac",
        ] {
            assert_eq!(slavic_possessive(w), None, "{w}");
        }
    }
}
