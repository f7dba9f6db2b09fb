//! Persons inside a run of Chinese or Japanese text (no spaces between
//! words: one token): a surname and a given name, bounded by context
//! that makes them a name.
//!
//! - Surnames: `data/han_surnames.txt` (the most common Chinese ones
//!   that begin no common word, a few compound ones, the most borne
//!   Japanese ones); with the large names data, also any Han surname of
//!   two or three characters it lists (Japanese text only).
//! - Left: the start of the run (not glued to a number or a Latin word:
//!   3500張), a hiragana (Japanese) or a function word (Chinese, [`FUNC`]).
//! - Given name: up to three characters (Japanese) or two (Chinese), the
//!   longest that fits, none of [`NOT_GIVEN`], [`NOT_AFTER`] or (Chinese)
//!   [`FUNC`] (王國, 林業, 張家村, 周辺).
//! - Right: the end of the run (punctuation or a space), a particle
//!   (Japanese: は が の と を に も や へ ら で, and さん / ちゃん / くん),
//!   a function word (Chinese), or an honorific ([`HONOR`]: 先生, 女士,
//!   小姐; in Japanese also 氏, 様, 君, 夫人). A surname alone, or a
//!   Chinese one with one character, needs the honorific (王先生, 山田氏)
//!   or, for a Japanese surname of the core list, a particle of a
//!   subject or a possessive after it (高橋が; に and を also follow
//!   places). In Japanese a Chinese surname takes two more characters
//!   (曹雪芹); a surname known only to the large data takes a given name
//!   it lists or one whose last kanji ends no common noun ([`GENERIC`]:
//!   鹿島建設, 富山大空襲).
//! - A Chinese name at the start of a run (a clause: "1932年，周駿彥出任")
//!   is a surname of one character and two more, without a right bound:
//!   score 0.6 (the default threshold is 0.5); other names score 0.7.
//! - Not a name: a known place (歐洲, 羅馬: `lexicon::cjk_place`).
//!
//! Titles before a name (總統 X, 演員 X) were measured and left out:
//! almost no recall on the dev data for their bytes in the core wasm.
//! A decision reads at most 8 characters of the run. Only runs that
//! hold a Han character get past the first check: other text pays
//! nothing.

use super::dict::WordList;
use super::lexicon;
use super::lists::lists;
use super::tokens::Detection;

// Character classes and sets shared with `cjk.rs` (which uses this
// module: no cycle).

#[inline(never)]
pub(super) fn han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々')
}

#[inline(never)]
pub(super) fn kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}' | '\u{30A1}'..='\u{30FA}' | 'ー')
}

// Not inlined: one copy of the UTF-8 loop for every set.
#[inline(never)]
pub(super) fn is_in(set: &str, c: char) -> bool {
    set.chars().any(|x| x == c)
}

/// Characters that end a Chinese name part going back: function words,
/// pronouns, measure words, time words.
pub(super) const FUNC: &str = "的了在是和與与及於于把被對对從从為为也而並并將将由向到以其這这那\
該该此或但即就又還还已曾則则等位個个他她它我你們们說说讓让給给跟至往去來来時时後后\
年月日各全本每諸诸兩两一有無无不所之當当";

/// Characters after a head that make it another word (中國人, 國家,
/// 國際, 市場, 県立, 大學生, 党員).
pub(super) const NOT_AFTER: &str = "人語语籍系式菜家際际会會立営營産產务務王旗歌境土道庫库債债策体體情力防号號安場场長长間间生員员部們们";

#[inline(never)]
pub(super) fn hira(c: char) -> bool {
    ('\u{3041}'..='\u{309F}').contains(&c)
}

/// Surnames, most borne first: the first line holds Chinese ones of one
/// character (simplified and traditional) without spaces; then one a
/// line, compound Chinese ones and Japanese ones of two or three kanji
/// (`scripts/names-han-surnames`).
const SURNAMES: &str = include_str!("data/han_surnames.txt");

/// Characters not in a given name, besides the function words of
/// [`FUNC`] (Chinese) and the heads of [`NOT_AFTER`]: heads of
/// common words (王國, 林業, 歐洲).
pub(super) const NOT_GIVEN: &str =
    "上下中國国市省縣县區区州島岛村路會会業业學学院\
館局者湖物法軍军洲町郡駅線社党組屋店所寺城宮氏様君女";

/// Honorifics after a name, also after a surname alone (王先生, 山田氏):
/// the Chinese ones first (20 bytes).
const HONOR: &str = "先生 女士 小姐 夫人 氏 様 君";

/// Particles after a Japanese name, and the first kana of honorifics
/// (さん, ちゃん, くん).
const PARTICLES: &str = "はがのとをにもやへらでさちく";

/// Last kanji of common Sino-Japanese nouns after a place name that is
/// also a surname (鹿島建設, 富山大空襲, 宮城遥拝): with a surname of
/// the large data only, not a given name.
const GENERIC: &str = "設襲拝仕機業港湾鉄電局海地争様";

/// The length in characters of the longest word of `list` (separated by
/// spaces or line breaks) that starts at `s` in `chars`, or, with `back`,
/// ends at `s` (0: none).
fn word_at(chars: &[(usize, char)], a: usize, list: &str) -> usize {
    let mut best = 0;
    for w in list.split_ascii_whitespace() {
        let n = w.chars().count();
        if n > best
            && chars
                .get(a..a + n)
                .is_some_and(|x| x.iter().map(|p| p.1).eq(w.chars()))
        {
            best = n;
        }
    }
    best
}

/// Finds persons in `chars` (the characters of one run of text without
/// spaces and their byte offsets in `text`), after those of `out`
/// (without overlapping them). Returns at once unless the run holds a
/// Han character.
#[inline(never)]
pub(super) fn persons(
    text: &str,
    chars: &[(usize, char)],
    out: &mut Vec<Detection>,
) {
    if !chars.iter().any(|p| han(p.1)) {
        return;
    }
    // Japanese: kana in the run.
    let ja = chars.iter().any(|p| kana(p.1));
    // A run glued to a number or a Latin word (3500張底片) starts no name.
    let open = !text
        .as_bytes()
        .get(chars[0].0.wrapping_sub(1))
        .is_some_and(u8::is_ascii_alphanumeric);
    let n = chars.len();
    let run_end = chars.last().map_or(0, |p| p.0 + p.1.len_utf8());
    // The text of `chars[a..b]`.
    let slice = |a: usize, b: usize| {
        let at = |k: usize| chars.get(k).map_or(run_end, |p| p.0);
        text.get(at(a)..at(b)).unwrap_or("")
    };
    // A number in the run or glued to its end (a house number, a date):
    // its words are no clause of prose.
    let numbered = chars.iter().any(|p| p.1.is_numeric())
        || text
            .get(run_end..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_numeric);
    let (one, rest) = SURNAMES.split_once('\n').unwrap_or_default();
    let mut k = 0;
    while k < n {
        // The run starts after punctuation or a space (a token).
        let left = match k.checked_sub(1) {
            None => open,
            Some(p) if ja => hira(chars[p].1),
            Some(p) => is_in(FUNC, chars[p].1),
        };
        // The surname at `k` (longest first) and whether it is in the
        // core list; with Japanese and the large data, any Han surname
        // of two or three it lists.
        let c = chars.get(k).map_or(' ', |p| p.1);
        let mut s = 0;
        let mut core = true;
        if han(c) && left {
            s = word_at(chars, k, rest).max(is_in(one, c) as usize);
            if ja && s < 2 {
                for m in [2, 3] {
                    if listed(lists().surnames, slice(k, k + m)) {
                        (s, core) = (m, false);
                    }
                }
            }
        }
        let mut next = k + 1;
        let honors = if ja { HONOR } else { HONOR.get(..20).unwrap_or("") };
        // The given name: up to 3 characters in Japanese, 2 in Chinese,
        // the longest that ends where the context allows.
        for g in (0..=if ja { 3 } else { 2 }).rev() {
            let e = k + s + g;
            if s == 0
                || e > n
                || chars
                    .get(k + s..e)
                    .unwrap_or(&[])
                    .iter()
                    .any(|p| not_given(p.1, ja))
            {
                continue;
            }
            // The end of the run is punctuation or a space.
            let after = chars.get(e).map_or(' ', |p| p.1);
            // Japanese honorifics (様, 氏) only in Japanese (王子様).
            let honor = word_at(chars, e, honors) > 0;
            let bounded = honor
                || !(han(after) || kana(after) || after.is_alphanumeric())
                || is_in(if ja { PARTICLES } else { FUNC }, after);
            // A Chinese name at the start of a clause (，周駿彥出任): a
            // surname and two characters; not in a run with a number
            // (王寨七条1037号: a street and its house number).
            let clause = !ja && k == 0 && g == 2 && s == 1 && !numbered;
            let ok = (bounded || clause)
                && match (ja, s, g) {
                    // A surname alone, or a Chinese one with one
                    // character: before an honorific (王先生,
                    // 山田氏), or a Japanese one of the core list before
                    // a particle of a subject or a possessive (に, へ,
                    // を also follow a place: 山田に突入).
                    (false, _, 0 | 1) => honor,
                    (true, _, 0) => {
                        honor || core && s > 1 && is_in("はがのとも", after)
                    }
                    // Japanese: a Chinese surname and two more (曹雪芹);
                    // a surname of the large data only, a given name it
                    // lists or one that ends no common noun (鹿島建設).
                    (true, 1, _) => g == 2,
                    (true, _, _) => {
                        core || !is_in(GENERIC, chars[e - 1].1)
                            || listed(lists().given, slice(k + s, e))
                    }
                    _ => true,
                }
                && lexicon::cjk_place(slice(k, e)).is_none()
                && lexicon::cjk_place(slice(k, k + 2)).is_none();
            let start = chars.get(k).map_or(0, |p| p.0);
            if ok && out.last().is_none_or(|l| l.span.end <= start) {
                next = e;
                out.push(Detection::new(
                    "PERSON",
                    "person-han",
                    start..start + slice(k, e).len(),
                    if bounded && g > 0 { 0.7 } else { 0.6 },
                ));
                break;
            }
        }
        k = next;
    }
}

/// Not in a given name: a character of [`NOT_GIVEN`] or
/// [`NOT_AFTER`], or in Chinese a function word ([`FUNC`]).
#[inline(never)]
fn not_given(c: char, ja: bool) -> bool {
    !han(c)
        || is_in(NOT_GIVEN, c)
        || is_in(NOT_AFTER, c)
        || !ja && is_in(FUNC, c)
}

/// `word` is a line of `list` (one copy of the lookup).
#[inline(never)]
fn listed(list: &'static WordList, word: &str) -> bool {
    lexicon::has(list, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The persons of `text` after `pre` (which sets the language and
    /// what comes before the run: "は" for Japanese, "，" for Chinese).
    fn run(pre: &str, text: &str) -> Vec<String> {
        let all = format!("{pre}{text}");
        let chars: Vec<(usize, char)> =
            all.char_indices().skip(pre.chars().count()).collect();
        let mut out = Vec::new();
        persons(&all, &chars, &mut out);
        out.into_iter().map(|d| all[d.span].to_string()).collect()
    }

    fn find(text: &str, ja: bool) -> Vec<String> {
        run(if ja { "は、" } else { "，" }, text)
    }

    #[test]
    fn chinese_names() {
        let zh = |t: &str| find(t, false);
        // A function word around the name.
        assert_eq!(zh("他與張作霖在奉天"), ["張作霖"]);
        // A surname and an honorific.
        assert_eq!(zh("陳先生表示同意"), ["陳"]);
        assert_eq!(zh("他和李女士"), ["李"]);
        // The start of a clause: a surname and two characters.
        assert_eq!(zh("周駿彥出任南京國民政府"), ["周駿彥"]);
        assert_eq!(zh("王繼恩密謀廢掉太子"), ["王繼恩"]);
    }

    #[test]
    fn chinese_non_names() {
        for t in [
            // Common words that begin with a surname character.
            "這個王國的歷史",
            "中國的林業發展",
            "高速公路的建設",
            "他曾經去過",
            "任務完成了",
            "白色的花",
            "方法是",
            // A place (歐洲, 羅馬) or a head word (張家村).
            "歐洲的",
            "羅馬教廷於",
            "張家村的",
            // One character after a surname needs an honorific.
            "在李家",
            "王子說",
        ] {
            assert!(find(t, false).is_empty(), "{t}: {:?}", find(t, false));
        }
        // After a number: a measure word (3500張底片).
        assert!(run("3500", "張底片。").is_empty());
        // A street before its house number, not a clause's subject.
        assert!(find("王寨七条1037号", false).is_empty());
        // The same when the run stops before the digits, as tokens do.
        let text = "王寨七条1037号";
        let chars: Vec<(usize, char)> = text.char_indices().take(4).collect();
        let mut out = Vec::new();
        persons(text, &chars, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn japanese_names() {
        let ja = |t: &str| find(t, true);
        assert_eq!(ja("佐藤栄作であった"), ["佐藤栄作"]);
        assert_eq!(ja("しかし鈴木雅夫は"), ["鈴木雅夫"]);
        assert_eq!(ja("田中氏が発表した"), ["田中"]);
        assert_eq!(ja("その後は高橋が"), ["高橋"]);
        // A Chinese surname and two more.
        assert_eq!(ja("これは曹雪芹の作品"), ["曹雪芹"]);
    }

    #[test]
    fn japanese_non_names() {
        for t in [
            // A surname before a head word (田中町, 中村屋) or a place
            // particle (高橋を渡る: a bridge).
            "田中町に住む",
            "中村屋の",
            "高橋を渡る",
            // A Chinese surname and one more (周辺, 林業), or alone
            // before a particle (馬と: a horse).
            "その周辺の",
            "少女と馬とのふれあい",
            "林業の発展",
        ] {
            assert!(find(t, true).is_empty(), "{t}: {:?}", find(t, true));
        }
    }

    #[test]
    fn surnames_file_is_clean() {
        // Han only, no duplicates: the first line one character each,
        // then one surname a line.
        let mut seen = std::collections::HashSet::new();
        let (one, rest) = SURNAMES.split_once('\n').unwrap_or_default();
        for c in one.chars() {
            assert!(han(c) && seen.insert(c.to_string()), "{c:?}");
        }
        for l in rest.lines() {
            assert!(l.chars().count() >= 2 && l.chars().all(han), "{l:?}");
            assert!(seen.insert(l.to_string()), "duplicate {l}");
        }
    }
}
