//! Places and organizations inside Chinese and Japanese runs (no spaces
//! between words: one token), from the word that ends them, without
//! word lists; and persons whose foreign name is written with dots
//! between its parts ([`dotted`]).
//!
//! A name of a place or an organization in these languages usually ends
//! in a head word: 市 / 県 / 省 / 州 / 区 / 国 for places, 公司 / 大学 /
//! 銀行 / 協会 / 党 / 株式会社 for organizations. The rule finds the head
//! word and takes the name before it:
//! - Japanese (kana within a few characters): the run of kanji and
//!   katakana back to the previous kana or punctuation (particles are
//!   kana), at most 8 characters;
//! - Chinese: at most 3 characters back, stopping at a function word
//!   (的 / 在 / 是 / 和 / 被 ...).
//!
//! The name part needs two characters (one for a country's one-character
//! abbreviation before 国 / 軍: 英國, 美軍), its last character must not
//! make a common word with the head (各國, 全国, 該市, 歸國, 政府, 都市,
//! 共和國), and some characters after the head make it another word
//! (中國人, 國家, 市場, 県立). An organization head a few characters
//! on makes the whole an organization (北京市 + 教育委員會, 韓国 + 政府).
//! Two places one after the other (愛媛県松山市, 北京市朝阳区) near the
//! end of the run, before a house number (the next token, or a word
//! glued to it), begin an address: one ADDRESS finding. Scores: place and address 0.7,
//! organization 0.75. A decision reads at most 12 characters before the
//! head word and 9 after it.

use super::han::{han, hira, is_in, kana, FUNC, NOT_AFTER};
use super::lexicon;
use super::tokens::{Detection, Kind, Tok};

/// Whether `f` holds for one of the space-separated words of `set`.
fn any_word(set: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    let b = set.as_bytes();
    let mut a = 0;
    for k in 0..=b.len() {
        if b.get(k).is_none_or(|&x| x == b' ') {
            if f(set.get(a..k).unwrap_or("")) {
                return true;
            }
            a = k + 1;
        }
    }
    false
}

/// Head words, each after its class letter, separated by spaces:
/// L place, N nation (国), J place in Japanese only, O organization,
/// A army (軍: after a country's abbreviation, or in Japanese), P
/// province in Chinese and ministry in Japanese (省), Q organization in
/// Japanese only, E organization only after a place (英国政府,
/// 美国广播公司: alone, 政府 and 公司 are mostly "the government", "the
/// company").
const HEADS: &str = "L市 L県 L縣 L县 L州 L区 L區 L郡 L鎮 L镇 L島 L岛 J町 J村 J府 J都 J駅 \
N国 N國 E公司 O有限公司 O集團 O集团 O銀行 O银行 O大學 O大学 O學院 O学院 O協會 O协会 O協会 \
O委員會 O委员会 O委員会 O基金會 O基金会 O研究所 O研究院 O醫院 O医院 O聯盟 O联盟 O連盟 \
O俱樂部 O俱乐部 O電視台 O电视台 O日報 O日报 O時報 O时报 O財団 O機構 O航空 O證券 O证券 O証券 E政府 \
O黨 O党 O株式会社 O有限会社 O合同会社 A軍 A军 P省 Q庁 Q新聞 Q放送 Q病院 Q高校 Q電力 \
Q鉄道 Q電鉄 Q内閣 Q政権 O艦隊 O部隊 O部队 Q楽団 O樂團 O乐团 Q局 Q商事 Q物産 Q工業 Q自動車 Q製作所 Q組合 Qクラブ Qグループ Qホールディングス";

/// Last characters of a name part that make a word with the head:
/// determiners (各國, 該市), verbs (歸國, 建国, 跨國), numerals (第三區),
/// and the second characters of generic words (地區, 政府, 幕府, 公立大學,
/// 綜合性大學, 仕様, 大都市, 市町村, 都道府県, 選挙区, 特別区, 城下町,
/// 共和國, 王国, 帝国, 中央政府, 聯邦政府, 臨時政府).
const QUANT: &str = "各全本該该同此每諸诸兩两他某其我貴贵当當両外敵敌鄰邻祖母友盟\
歸归回出入建開开治救愛爱報报護护跨列強强異异万萬一二三四五六七八九十百千地政幕立性\
仕都町府挙別下前和王帝方央邦時时城便継";

/// Countries written with one character before 国 / 軍.
const COUNTRY1: &str = "中美英法德俄日韓韩泰越義意澳印荷瑞挪丹芬波葡西希埃伊以敘叙土蒙緬缅朝米独仏伯豪加";

///
/// Returns these findings and the persons of [`dotted`] and of
/// `han::persons` (a Han surname and given name), one pass over the
/// tokens: Latin text pays one check per token for all.
#[inline(never)]
pub(crate) fn detect(text: &str, toks: &[Tok]) -> [Vec<Detection>; 3] {
    let mut out: Vec<Detection> = Vec::new();
    let mut people: Vec<Detection> = Vec::new();
    let mut places: Vec<Detection> = Vec::new();
    // Tokens before this one were read as parts of a dotted name.
    let mut next_dot = 0;
    let mut chars: Vec<(usize, char)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !t.uncased {
            continue;
        }
        let mut dot = None;
        if i >= next_dot {
            if let Some((d, next)) = dotted(text, toks, i) {
                dot = Some(d);
                next_dot = next;
            }
        }
        let run = text.get(t.start..t.end).unwrap_or("");
        chars.clear();
        chars.extend(run.char_indices().map(|(k, c)| (t.start + k, c)));
        // Persons of a Han surname and given name in the run, then the
        // dotted name that starts in it, in text order without overlaps.
        super::han::persons(text, &chars, &mut people);
        if let Some(d) = dot {
            if people.last().is_none_or(|l| l.span.end <= d.span.start) {
                people.push(d);
            }
        }
        if !run.chars().next().is_some_and(|c| han(c) || kana(c)) {
            continue;
        }
        let from = out.len();
        scan(text, &chars, &mut out);
        let after = text.get(t.end..).and_then(|x| x.chars().next());
        known(text, &chars, after, &mut places);
        // Places one after the other, near the end of the run, before a
        // house number (愛媛県松山市 1-2, 北京市朝阳区建国路88号): an
        // address.
        let glued = |k: usize, at: usize| {
            toks.get(k).filter(|n| !n.nl && n.start <= at + 1)
        };
        let number = glued(i + 1, t.end).is_some_and(|n| {
            n.kind == Kind::Num
                || n.uncased
                    && glued(i + 2, n.end - 1)
                        .is_some_and(|m| m.kind == Kind::Num)
        });
        let mut w = from;
        for r in from..out.len() {
            if w > from
                && number
                && t.end - out[r].span.end <= 24
                && out[r].type_name == "LOCATION"
                && out[w - 1].type_name != "ORGANIZATION"
                && out[w - 1].span.end == out[r].span.start
            {
                let end = out[r].span.end;
                let d = &mut out[w - 1];
                d.span.end = end;
                d.type_name = "ADDRESS";
                d.rule = "address-cjk";
            } else {
                out.swap(w, r);
                w += 1;
            }
        }
        out.truncate(w);
    }
    [out, people, places]
}

/// End byte of the character at `k`.
fn end_of(chars: &[(usize, char)], k: usize) -> usize {
    chars.get(k).map_or(0, |&(p, c)| p + c.len_utf8())
}

fn scan(text: &str, chars: &[(usize, char)], out: &mut Vec<Detection>) {
    // The first character not yet covered by a finding.
    let mut free = 0;
    let mut e = 0;
    while e < chars.len() {
        let found = head_at(text, chars, e).and_then(|(class, len)| {
            judge(chars, free, e + 1 - len, e, class)
        });
        let Some((s, ja, mut ty, score)) = found else {
            e += 1;
            continue;
        };
        // A longer organization name on the same run.
        let mut last = e;
        let mut k = e + 1;
        while k < chars.len() && k <= e + 8 {
            let c = chars[k].1;
            if hira(c) || !(han(c) || kana(c)) || !ja && is_in(FUNC, c) {
                break;
            }
            if head_at(text, chars, k)
                .is_some_and(|x| matches!(x.0, b'O' | b'Q' | b'A' | b'E'))
            {
                last = k;
                ty = "ORGANIZATION";
            }
            k += 1;
        }
        let (rule, score) = if ty == "LOCATION" {
            ("location-cjk-head", score)
        } else {
            ("org-cjk-head", 0.75)
        };
        out.push(Detection::new(
            ty,
            rule,
            chars[s].0..end_of(chars, last),
            score,
        ));
        free = last + 1;
        e = last + 1;
    }
}

/// Known places inside a run (日本, 美國, 湖北, 深圳): the longest entry
/// (2 to 8 characters) of `places_cjk.txt`, or with the large names data
/// one of its major places (a smaller one after a preposition of place,
/// 在 / 從, or before a particle of place, で / に / へ / から / まで), at
/// each character. They go to a
/// list of their own: where a finding of [`scan`] overlaps one, the
/// merge of `names::detect_chunk` keeps the higher score, then the longer
/// span (北京大學 is an organization, 大阪市 a city, both from their head
/// words). Not a place:
/// - a name followed by a character of [`NOT_AFTER`] (日本人, 中國語);
/// - katakana within katakana (タイ in スタイル) or before a dot
///   (ドイツ・ハンザ同盟);
/// - in Japanese (the run holds kana), a name glued to a kanji before it
///   (東日本) or to a kanji, katakana, Latin letter or digit after it:
///   Japanese writes the place first in the names of companies, teams
///   and events (東京電力, アメリカ軍, 横浜FM, 北京オリンピック), and a
///   particle after a place (日本では). Chinese has no particle to tell
///   (香港電台 is an organization that the head word 電台 does not mark).
fn known(
    text: &str,
    chars: &[(usize, char)],
    next: Option<char>,
    out: &mut Vec<Detection>,
) {
    let ja = chars.iter().any(|&(_, c)| kana(c));
    // The character at `k`, or the one after the run.
    let at = |k: usize| {
        chars.get(k).map(|x| x.1).or(next.filter(|_| k == chars.len()))
    };
    let kata = |k: usize| at(k).is_some_and(|c| kana(c) && !hira(c));
    let mut i = 0;
    while i + 1 < chars.len() {
        let mut n = (chars.len() - i).min(8);
        while n >= 2 {
            let e = i + n - 1;
            let after = at(e + 1).unwrap_or(' ');
            let glued =
                han(after) || kata(e + 1) || after.is_ascii_alphanumeric();
            // A smaller place of the large data only after a preposition
            // of place (在, 從) or before a particle of place (で, に,
            // へ, から, まで).
            let cued = || {
                i.checked_sub(1).is_some_and(|p| is_in(CUE, chars[p].1))
                    || is_in("でにへ", after)
                    || matches!(
                        (after, at(e + 2)),
                        ('か', Some('ら')) | ('ま', Some('で'))
                    )
            };
            if lexicon::cjk_place(
                text.get(chars[i].0..end_of(chars, e)).unwrap_or(""),
            )
            .is_some_and(|major| major || cued())
                && !is_in(NOT_AFTER, after)
                && !is_in(DOTS, after)
                && !(kata(i) && (i > 0 && kata(i - 1) || kata(e + 1)))
                && !(ja && (glued || i > 0 && han(chars[i - 1].1)))
            {
                break;
            }
            n -= 1;
        }
        if n < 2 {
            i += 1;
            continue;
        }
        // Chinese: under the default threshold unless a function word
        // or a preposition of place is before it (在緬甸, 是台灣) or a
        // function word or punctuation after it (印度屬於 is not:
        // 中国石化 and 武汉钢铁 are companies, 广西壮族自治区 a longer
        // name).
        let func = |c: Option<char>| {
            c.is_some_and(|c| is_in(FUNC, c) || is_in(CUE, c))
        };
        let after = at(i + n);
        let bounded = ja
            || func(i.checked_sub(1).map(|p| chars[p].1))
            || func(after)
            || !after.is_some_and(|c| han(c) || kana(c));
        // A place that is its whole run with no CJK text or punctuation
        // beside it stands in other text ("It works. 日本"): no more
        // evidence than a lone "Japan", which needs context too.
        let lone = i == 0
            && n == chars.len()
            && !next.is_some_and(cjk_beside)
            && !text
                .get(..chars[0].0)
                .and_then(|x| x.chars().next_back())
                .is_some_and(cjk_beside);
        out.push(Detection::new(
            "LOCATION",
            "location-cjk-known",
            chars[i].0..end_of(chars, i + n - 1),
            if bounded && !lone { 0.7 } else { 0.45 },
        ));
        i += n;
    }
}

/// Han, kana, or CJK and full-width punctuation (。「」：，).
fn cjk_beside(c: char) -> bool {
    han(c)
        || kana(c)
        || ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// The longest head word ending at character `e`: its class and length
/// in characters.
fn head_at(
    text: &str,
    chars: &[(usize, char)],
    e: usize,
) -> Option<(u8, usize)> {
    let end = end_of(chars, e);
    let mut best: Option<(u8, usize)> = None;
    any_word(HEADS, |item| {
        let word = item.get(1..).unwrap_or("");
        let n = word.chars().count();
        if n <= e + 1
            && best.is_none_or(|b| b.1 < n)
            && text.get(chars[e + 1 - n].0..end) == Some(word)
        {
            best = Some((item.as_bytes()[0], n));
        }
        false
    });
    best
}

/// Whether the head `chars[h..=e]` of `class` and the name before it make
/// a finding: its first character, whether the text is Japanese, and its
/// type. The name part goes back over kanji and katakana to kana or
/// punctuation (Japanese, at most 8 characters) or to a function word
/// (Chinese, at most 3), not before `free`.
fn judge(
    chars: &[(usize, char)],
    free: usize,
    h: usize,
    e: usize,
    class: u8,
) -> Option<(usize, bool, &'static str, f32)> {
    let ja = (h.saturating_sub(12)..(e + 5).min(chars.len()))
        .any(|k| kana(chars[k].1));
    let mut s = h;
    while s > free && h - s < if ja { 8 } else { 3 } {
        let c = chars[s - 1].1;
        if hira(c) || !(han(c) || kana(c)) || !ja && is_in(FUNC, c) {
            break;
        }
        s -= 1;
    }
    let before = chars.get(h.checked_sub(1)?)?.1;
    if s == h || is_in(QUANT, before) {
        return None;
    }
    let country = is_in(COUNTRY1, before);
    let nation = matches!(class, b'N' | b'A');
    // An army: after a country's abbreviation (美軍, 日本軍); in Chinese
    // only that (冠軍, 大軍 are words).
    if class == b'A' && !(country || ja && h - s >= 2)
        || h - s < 2 && !(country && nation)
    {
        return None;
    }
    // 英國, 美軍: the country's character and the head.
    let s = if country && nation { h - 1 } else { s };
    let ty = match class {
        b'L' | b'N' => "LOCATION",
        b'J' | b'P' if ja == (class == b'J') => "LOCATION",
        b'J' | b'Q' if !ja => return None,
        b'E' => return None,
        _ => "ORGANIZATION",
    };
    if chars.get(e + 1).is_some_and(|x| is_in(NOT_AFTER, x.1)) {
        return None;
    }
    // A country by its short name (英國, 美国) is a place without a cue,
    // as "France" is in Latin text: under the default threshold unless a
    // preposition of place stands before it (在英國, 到美国) or a
    // particle of place after it (英国で, 米国から).
    let cued = s < h - 1
        || s.checked_sub(1).is_some_and(|p| is_in(CUE, chars[p].1))
        || chars.get(e + 1).is_some_and(|x| is_in("でにへ", x.1))
        || chars.get(e + 1..e + 3).is_some_and(|x| {
            matches!((x[0].1, x[1].1), ('か', 'ら') | ('ま', 'で'))
        });
    Some((s, ja, ty, if cued { 0.7 } else { 0.45 }))
}

/// Prepositions of place before a Chinese name.
const CUE: &str = "在從从到去往於于至";

/// Marks that join the parts of a foreign name written in Chinese or
/// Japanese: 菲德爾·卡斯特羅, ジョン・レノン, ジャン＝ポール.
const DOTS: &str = "・·‧＝゠=";

/// Given names often written in katakana, space-separated: the first
/// part of a Japanese name joined by ・ must be one (スタンダード・オイル
/// and ニューヨーク・ジャイアンツ are an oil company and a team).
const KANA_GIVEN: &str = "ジョン ジョージ ジェームズ ウィリアム デビッド デヴィッド \
マイケル ロバート リチャード トーマス チャールズ ジョセフ ピーター ポール マーク \
ダニエル ヘンリー エドワード フランク スティーブン ブライアン ジャック ハリー クリス \
ニコラス アンドリュー アレクサンダー アーサー ハロルド アルバート ドナルド ロナルド \
ジョニー トム エリック ジャン ピエール ルイ シャルル フランソワ アンリ ミシェル \
フィリップ カール ハンス フリードリヒ ヴィルヘルム ヨハン ルートヴィヒ オットー \
ハインリヒ フランツ ゲルハルト アレクサンドル アレクセイ イワン セルゲイ ニコライ \
ウラジーミル ミハイル ドミトリー ボリス ピョートル アントニオ ジョヴァンニ カルロ \
マリオ フアン ホセ カルロス ペドロ ルイス ミゲル フランシスコ アフマド ムハンマド \
アリ マリア アンナ メアリー エリザベス ヒラリー マリー キャサリン ジェーン \
マーガレット ダイアナ";

/// A person's foreign name joined by dots, from the end of token `i` (a
/// word of a script without case):
/// the finding and the token that holds its last part (read again:
/// another name may follow in it). Chinese and Japanese write the parts
/// of a foreign name with a dot between them (菲德爾·卡斯特羅,
/// ジョン・レノン).
/// - Chinese: a middle dot (· ‧; Japanese lists words with ・:
///   政治・経済), up to 4 Han characters on each side of each dot, no
///   function word;
/// - Japanese: the katakana on each side (up to 12), the first part a
///   common given name (スタンダード・オイル and ニューヨーク・ジャイアンツ
///   are a company and a team), not before a place or organization
///   head (ジョージ・ワシントン大学);
/// - at most 4 dots.
///
/// Score 0.7.
fn dotted(text: &str, toks: &[Tok], i: usize) -> Option<(Detection, usize)> {
    let t = &toks[i];
    let is_dot = |k: usize, at: usize| {
        toks.get(k).is_some_and(|d| {
            d.start == at && matches!(d.kind, Kind::Punct(c) if is_in(DOTS, c))
        })
    };
    if !is_dot(i + 1, t.end) {
        return None;
    }
    let word = text.get(t.start..t.end)?;
    let ja = word.chars().next_back().is_some_and(kana);
    if !ja && !matches!(toks[i + 1].kind, Kind::Punct('·' | '‧')) {
        return None;
    }
    // A letter of a part: katakana (at most 12 a part), or a Han
    // character that is no function word (at most 4). Parts and dots
    // are bounded so a decision reads a bounded context.
    let part = |c: char, n: usize| {
        if ja {
            kana(c) && !hira(c) && n < 12
        } else {
            han(c) && !is_in(FUNC, c) && n < 4
        }
    };
    let mut s = t.end;
    let mut n = 0;
    for (k, c) in word.char_indices().rev() {
        if !part(c, n) {
            break;
        }
        n += 1;
        s = t.start + k;
    }
    let first = text.get(s..t.end)?;
    if n == 0 || ja && !any_word(KANA_GIVEN, |w| w == first) {
        return None;
    }
    // Each part after a dot, while a dot follows one that fills its token.
    let mut k = i;
    let end = loop {
        let p = toks.get(k + 2).filter(|p| p.start == toks[k + 1].end)?;
        let mut n = 0;
        let mut end = p.start;
        for c in text.get(p.start..p.end)?.chars() {
            if !part(c, n) {
                break;
            }
            n += 1;
            end += c.len_utf8();
        }
        k += 2;
        if n == 0 {
            return None;
        }
        if end < p.end || !is_dot(k + 1, end) || k >= i + 8 {
            break end;
        }
    };
    // Not before a place or organization head.
    let after = text.get(end..).unwrap_or("");
    if ja
        && (after
            .chars()
            .next()
            .is_some_and(|c| is_in("州市県区町村郡島社党軍駅線港", c))
            || after.starts_with("大学"))
    {
        return None;
    }
    Some((Detection::new("PERSON", "person-cjk", s..end, 0.7), k))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn find(text: &str) -> Vec<(&'static str, String)> {
        let toks = tokenize(text);
        let [mut found, _, places] = detect(text, &toks);
        // As `names::detect_chunk` merges them: the higher score, then
        // the longer span.
        for p in places {
            match found.iter_mut().find(|d| {
                d.span.start < p.span.end && p.span.start < d.span.end
            }) {
                Some(d) => {
                    if (p.score, p.span.len()) > (d.score, d.span.len()) {
                        *d = p;
                    }
                }
                None => found.push(p),
            }
        }
        found.sort_by_key(|d| d.span.start);
        found
            .into_iter()
            .map(|d| (d.type_name, text[d.span].to_string()))
            .collect()
    }

    #[test]
    fn heads() {
        assert_eq!(
            find("彼は名古屋市に住んでいる。"),
            vec![("LOCATION", "名古屋市".to_string())]
        );
        assert_eq!(
            find("東京電力ホールディングスに勤務"),
            vec![("ORGANIZATION", "東京電力ホールディングス".to_string())]
        );
        assert_eq!(
            find("他在英國讀書"),
            vec![("LOCATION", "英國".to_string())]
        );
        assert_eq!(
            find("他是北京大學的教授"),
            vec![("ORGANIZATION", "北京大學".to_string())]
        );
        assert_eq!(
            find("北京市教育委員會表示"),
            vec![("ORGANIZATION", "北京市教育委員會".to_string())]
        );
        assert_eq!(
            find("住所は愛媛県松山市 1-2"),
            vec![("ADDRESS", "愛媛県松山市".to_string())]
        );
    }

    fn people(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        let [_, found, _] = detect(text, &toks);
        found.into_iter().map(|d| text[d.span].to_string()).collect()
    }

    #[test]
    fn known_places() {
        let loc = |w: &str| vec![("LOCATION", w.to_string())];
        assert_eq!(find("率軍攻打陝西"), loc("陝西"));
        assert_eq!(find("選擇嬰兒性別在印度屬於違法"), loc("印度"));
        assert_eq!(find("她是日本第一位女性宇航員"), loc("日本"));
        assert_eq!(find("我下周去深圳出差"), loc("深圳"));
        assert_eq!(find("翌年に韓国へ渡った"), loc("韓国"));
        assert_eq!(find("日本では1996年に"), loc("日本"));
        // The head words come first: an organization, a city.
        assert_eq!(
            find("他是北京大學的教授"),
            vec![("ORGANIZATION", "北京大學".to_string())]
        );
        assert_eq!(find("彼は大阪市に住んでいる"), loc("大阪市"));
        assert_eq!(
            find("当時の吉田内閣の労働大臣"),
            vec![("ORGANIZATION", "吉田内閣".to_string())]
        );
        assert_eq!(
            find("北京交響楽団に入団した"),
            vec![("ORGANIZATION", "北京交響楽団".to_string())]
        );
        assert_eq!(
            find("《紐約時報》認為"),
            vec![("ORGANIZATION", "紐約時報".to_string())]
        );
    }

    #[test]
    fn known_place_alone_in_other_text_needs_context() {
        let scores = |t: &str| {
            let toks = tokenize(t);
            let [_, _, places] = detect(t, &toks);
            places.iter().map(|d| d.score).collect::<Vec<_>>()
        };
        // Beside Latin text, as a lone "Japan" is: under the threshold.
        assert!(scores("It works. 日本").iter().all(|&s| s < 0.5));
        // Beside CJK text or full-width punctuation: a place.
        assert!(scores("城市：北京").iter().any(|&s| s >= 0.7));
        assert!(scores("我住在日本。").iter().any(|&s| s >= 0.7));
        assert!(scores("「日本」").iter().any(|&s| s >= 0.7));
    }

    #[test]
    fn known_places_not_found() {
        for t in [
            // A demonym or a language.
            "他是日本人",
            "日本語を話す",
            // Katakana inside katakana (スタイル), before a dot.
            "スタイルは",
            "ドイツ・ハンザ同盟の",
            // Japanese: the place opens a company, a team or an event
            // name, or a kanji is glued before it.
            "東京電力に残って",
            "アメリカ軍や",
            "横浜FMから",
            "東日本大震災のため",
            // One character, or not an entry.
            "美",
            "天府之國",
            // A generic word before 局 (a post office, a relay station).
            "近くの郵便局で",
        ] {
            let places: Vec<_> =
                find(t).into_iter().filter(|f| f.0 == "LOCATION").collect();
            assert!(places.is_empty(), "{t}: {places:?}");
        }
    }

    #[test]
    fn dotted_names() {
        assert_eq!(people("在菲德爾·卡斯特羅的時代"), ["菲德爾·卡斯特羅"]);
        assert_eq!(people("音樂劇由安德魯·洛伊·韋伯。"), ["安德魯·洛伊·韋伯"]);
        assert_eq!(people("ジョン・レノンはイギリスの"), ["ジョン・レノン"]);
        assert_eq!(
            people("ヒラリー・クリントン国務長官"),
            ["ヒラリー・クリントン"]
        );
        assert_eq!(
            people("ジャン＝ポール・ベルモンドとアンナ・カリーナ"),
            ["ジャン＝ポール・ベルモンド", "アンナ・カリーナ"]
        );
        assert_eq!(people("斯坦·李和約翰·史密斯"), ["斯坦·李", "約翰·史密斯"]);
    }

    #[test]
    fn dotted_non_names() {
        for t in [
            // Not a given name first: a company, a team.
            "スタンダード・オイルの",
            "ニューヨーク・ジャイアンツは",
            // Before a place or organization head.
            "ジョージ・ワシントン大学",
            // Japanese lists words with ・.
            "政治・経済",
            "日本・中国",
            // A dot without a part after it.
            "ジョン・",
            "菲德爾·",
            "·卡斯特羅",
        ] {
            assert!(people(t).is_empty(), "{t}: {:?}", people(t));
        }
    }

    #[test]
    fn generic_words() {
        for t in [
            "這是一個大城市",
            "各國的代表",
            "中國人",
            "股市上漲",
            "全国で",
            "市町村の",
            "その国家は",
            "仕様",
        ] {
            assert!(find(t).is_empty(), "{t}: {:?}", find(t));
        }
    }
}
