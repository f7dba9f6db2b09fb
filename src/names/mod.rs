//! Names, addresses, locations and dates of birth without an ML model.
//!
//! Owns the dictionary- and grammar-based PII detectors (PERSON, ADDRESS,
//! LOCATION, ORGANIZATION, DATE_OF_BIRTH). Depends on nothing else in the crate; the
//! filter layer applies policy to what it returns.
//!
//! One pass splits the text into tokens (words, numbers, punctuation; e-mail
//! addresses and URLs become opaque tokens), then each detector walks the
//! token list with a bounded look-back/look-ahead, so the cost is linear in
//! the input length.
//!
//! Layers, each using only those above it:
//! - `dict`: the word-list type and folding;
//! - `lists`: every word list, as data (big ones in `data/`), and the
//!   registry of their bits;
//! - `data`: the optional large names data (a file loaded on demand),
//!   parsed, checked and consulted inside a scope;
//! - `lexicon`: one table over all lists, and the lookups (`has`, `Key`);
//! - `tokens`: the token list and the `Detection` type;
//! - `morph`: word shape across languages (German text, Slavic endings,
//!   institution and state head nouns, place prepositions, verbs of
//!   saying), small closed sets;
//! - `address`, `person`, `place`, `org`, `table` (CSV/Markdown columns),
//!   `han` (persons of a Han surname and given name inside Chinese and
//!   Japanese runs, called by `cjk`), `cjk` (head words inside Chinese
//!   and Japanese runs, foreign names
//!   joined by dots): the detectors;
//! - this file: runs them over chunks of the text and merges their
//!   findings.

mod address;
mod cjk;
mod context;
mod data;
mod dict;
mod han;
mod lexicon;
mod lists;
mod morph;
mod org;
mod person;
mod place;
mod table;
pub(crate) mod tagger;
mod tokens;

pub(crate) use lexicon::{install, loaded};

/// Checks and decodes a names data file without keeping it (for the
/// fuzz target): its number of entries, or what is wrong.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn decode_data(bytes: &[u8]) -> Result<usize, &'static str> {
    let mut keys = 0usize;
    let n =
        data::decode(bytes, &mut |k, _| keys += k.len()).map_err(|e| e.0)?;
    Ok(n.max(keys.min(n)))
}
use tokens::{tokenize, Detection};

/// Texts are scanned in chunks of about this many bytes, cut at a line
/// break (or a space) so token memory stays bounded for huge inputs.
const CHUNK: usize = 32 * 1024;

/// Like [`detect`]; with `large`, consulting the installed large names
/// data as well; with `tagger`, adding the installed tagger's spans.
pub(crate) fn detect_with(
    text: &str,
    large: bool,
    tagger: bool,
) -> Vec<Detection> {
    let _scope = large.then(data::Scope::new);
    detect_all(text, tagger)
}

/// Finds names, addresses, locations and dates of birth.
#[cfg(test)]
pub(crate) fn detect(text: &str) -> Vec<Detection> {
    detect_all(text, false)
}

fn detect_all(text: &str, tagger: bool) -> Vec<Detection> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + CHUNK).min(text.len());
        if end < text.len() {
            let window = text.as_bytes().get(start..end).unwrap_or(&[]);
            let cut = window
                .iter()
                .rposition(|&b| b == b'\n')
                .or_else(|| window.iter().rposition(|&b| b == b' '))
                .map(|p| start + p + 1)
                .unwrap_or(end);
            end = cut.max(start + 1);
            while end < text.len() && !text.is_char_boundary(end) {
                end += 1;
            }
        }
        // Each chunk is read with the context its decisions may read on
        // both sides (a table's header above, the words after), and
        // keeps the findings that start inside it: the findings do not
        // depend on where the chunks are cut, as a stream's window does
        // not change them either.
        let lo = if start == 0 {
            0
        } else {
            let keep = start.saturating_sub(CHUNK_CONTEXT);
            keep_from(text, keep, start)
        };
        let mut hi = (end + 2 * tokens::AHEAD).min(text.len());
        while hi < text.len() && !text.is_char_boundary(hi) {
            hi += 1;
        }
        let part = text.get(lo..hi).unwrap_or("");
        for mut d in detect_chunk(part, tagger) {
            d.span = d.span.start + lo..d.span.end + lo;
            if (start..end).contains(&d.span.start) {
                out.push(d);
            }
        }
        start = end;
    }
    out
}

/// Bytes before a chunk read as its left context: at least what a
/// stream keeps (256) and a table's reach to its header.
const CHUNK_CONTEXT: usize = table::TABLE_REACH + 512;

/// Start of the text at the end of a stream's window that names
/// decisions may still change as more text arrives; a stream shows text
/// only up to here. Decisions read at most [`tokens::AHEAD`] bytes after
/// the start of a word of a run, so a capitalized word (or one of a
/// script without case) is held with its run until that much text
/// follows it; a row of an open table until its line is complete (at
/// most [`table::ROW_MAX`] bytes). A capitalized common word that no run
/// continues ("The quick") is not held.
pub(crate) fn pending(text: &str) -> usize {
    let n = text.len();
    let mut from = n.saturating_sub(tokens::AHEAD + 256);
    while from < n && !text.is_char_boundary(from) {
        from += 1;
    }
    // Start at a space, where tokens read as they do in the whole text.
    if from > 0 {
        if let Some(p) =
            text.as_bytes()[from..].iter().position(u8::is_ascii_whitespace)
        {
            from += p;
        }
    }
    let tail = text.get(from..).unwrap_or("");
    let toks = tokenize(tail);
    let l = lists::lists();
    let mut hold = n;
    for (k, t) in toks.iter().enumerate() {
        if from + t.start + tokens::AHEAD <= n
            || !t.is_word()
            || !(t.cap || t.uncased)
        {
            continue;
        }
        let next = toks.get(k + 1);
        let final_common = lexicon::has(l.common, &t.key)
            && !lexicon::has(l.given, &t.key)
            && !lexicon::has(l.surnames, &t.key)
            && !lexicon::gazetteer(&t.key)
            && next.is_some_and(|x| {
                x.is_word() && !x.cap && !x.uncased && x.sp && !x.nl
            });
        if final_common {
            continue;
        }
        // Back to the start of its run: words and initials on its line.
        let mut j = k;
        while j > 0
            && k - j < 6
            && !toks[j].nl
            && (toks[j - 1].is_word() || toks[j - 1].is_punct('.'))
        {
            j -= 1;
        }
        hold = from + toks[j].start;
        break;
    }
    hold.min(table::open_row(text))
}

/// Where a stream's window may begin, at or before `keep`, so that the
/// names decisions after byte `at` see what one-shot screening sees: a
/// line start or a point whose line cannot pass for a table header
/// (`table::line_keep`), and the header line of a table that may still
/// type rows after `at` (at most [`table::TABLE_REACH`] bytes before it).
pub(crate) fn keep_from(text: &str, keep: usize, at: usize) -> usize {
    let at = at.min(text.len());
    table::line_keep(text, keep.min(at)).min(table::header_before(text, at))
}

fn detect_chunk(text: &str, tagger: bool) -> Vec<Detection> {
    if text.is_empty()
        || !text.bytes().any(|b| b.is_ascii_alphabetic() || b >= 0x80)
    {
        return Vec::new();
    }
    let toks = tokenize(text);
    // Only uncased tokens (Han, kana, ...) give `cjk` work; a text
    // without one never enters it (issue 16, cold start: V8 compiles a
    // function when it is first called, and this one is 5 KB of wasm).
    let [cjk_heads, cjk_persons, cjk_places] =
        if toks.iter().any(|t| t.uncased) {
            cjk::detect(text, &toks)
        } else {
            Default::default()
        };
    let persons = person::detect(text, &toks);
    // A tagger PERSON span needs a grammar candidate under it (`backed`).
    let tagged = if tagger {
        tagger::backed(tagger::detect(text, &toks), &persons)
    } else {
        Vec::new()
    };
    // Each detector returns its findings in text order, without overlaps;
    // merge the lists by start (no sort: keeps the wasm small).
    let lists = [
        address::detect(text, &toks),
        persons,
        place::detect(text, &toks),
        org::detect(&toks),
        org::lower_web(&toks),
        // A table is a header line and a row under it: one line has none
        // (and never enters the table code: issue 16, cold start).
        if text.contains('\n') { table::detect(text) } else { Vec::new() },
        cjk_heads,
        cjk_persons,
        cjk_places,
        tagged,
    ];
    let mut pos = [0usize; 10];
    let mut all = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    loop {
        let mut best: Option<usize> = None;
        for k in 0..lists.len() {
            if let Some(d) = lists[k].get(pos[k]) {
                if best.is_none_or(|b| {
                    lists[b]
                        .get(pos[b])
                        .is_some_and(|x| d.span.start < x.span.start)
                }) {
                    best = Some(k);
                }
            }
        }
        let Some(k) = best else { break };
        if let Some(d) = lists[k].get(pos[k]) {
            all.push(d.clone());
        }
        pos[k] += 1;
    }
    // Between detectors an ADDRESS wins, then a grammar finding scoring
    // 0.5 or more over a tagger span, then the higher score, then the
    // longer span. Linear.
    let rank = |d: &Detection| {
        let sure = d.score >= 0.5
            && d.rule != tagger::RULE
            && d.rule != tagger::RULE_UNLISTED;
        (d.type_name == "ADDRESS", sure, d.score, d.span.len())
    };
    // Inside CJK title marks 《...》 a name is part of a title of a work.
    let titled = text.contains('《');
    let mut kept: Vec<Detection> = Vec::with_capacity(all.len());
    for d in all {
        if titled && in_title_marks(text, &d.span) {
            continue;
        }
        match kept.last_mut() {
            Some(k) if d.span.start < k.span.end => {
                if rank(&d) > rank(k) {
                    *k = d;
                }
            }
            _ => kept.push(d),
        }
    }
    kept
}

/// Whether `span` stands inside the CJK title marks 《...》 (a book, a
/// film, a newspaper, a law: "《北京人在紐約》", "《紐約時報》") on its
/// line: a 《 within [`tokens::BEFORE`] bytes before it with no 》 between,
/// and a 》 after it within [`tokens::AHEAD`] bytes of its start with no
/// 《 between. A span that opens with a lowercase letter is not read
/// (a stream does not hold such a word until that much text follows).
fn in_title_marks(text: &str, span: &std::ops::Range<usize>) -> bool {
    const OPEN: &[u8] = "《".as_bytes();
    const CLOSE: &[u8] = "》".as_bytes();
    let b = text.as_bytes();
    if text
        .get(span.start..)
        .and_then(|s| s.chars().next())
        .is_none_or(char::is_lowercase)
    {
        return false;
    }
    let lo = span.start.saturating_sub(tokens::BEFORE);
    let before = b.get(lo..span.start).unwrap_or(&[]);
    let mut open = false;
    for w in (0..before.len()).rev() {
        let s = before.get(w..).unwrap_or(&[]);
        if before[w] == b'\n' || s.starts_with(CLOSE) {
            break;
        }
        if s.starts_with(OPEN) {
            open = true;
            break;
        }
    }
    if !open {
        return false;
    }
    let hi = (span.start + tokens::AHEAD).min(b.len());
    let after = b.get(span.end.min(hi)..hi).unwrap_or(&[]);
    for w in 0..after.len() {
        let s = after.get(w..).unwrap_or(&[]);
        if after[w] == b'\n' || s.starts_with(OPEN) {
            return false;
        }
        if s.starts_with(CLOSE) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod timing {
    #[test]
    #[ignore]
    fn names_detect_scaling() {
        let unit = "Hi, I'm Anna Kowalska from Warsaw. Ship it to ul. Długa 5/7, 00-238 Warszawa \
                    or 221B Baker Street, London NW1 6XE. Born 12/03/1985. The Board met on Tuesday. \
                    Could you ask Dr. Okafor whether the clinic in Lagos has sent the figures? The \
                    team at Northwind Traders Ltd said they would share the invoice by Friday.\n";
        for n in [1_000usize, 4_000] {
            let text = unit.repeat(n);
            let t0 = std::time::Instant::now();
            let toks = super::tokenize(&text[..100_000]);
            println!("tokenize 100k: {:.3}", t0.elapsed().as_secs_f64());
            let t1 = std::time::Instant::now();
            let _ = super::address::detect(&text[..100_000], &toks);
            println!("address: {:.3}", t1.elapsed().as_secs_f64());
            let t1 = std::time::Instant::now();
            let _ = super::person::detect(&text[..100_000], &toks);
            println!("person: {:.3}", t1.elapsed().as_secs_f64());
            let t1 = std::time::Instant::now();
            let _ = super::place::detect(&text[..100_000], &toks);
            println!("place: {:.3}", t1.elapsed().as_secs_f64());
            let t1 = std::time::Instant::now();
            let _ = super::org::detect(&toks);
            println!("org: {:.3}", t1.elapsed().as_secs_f64());
            let t1 = std::time::Instant::now();
            let _ = super::table::detect(&text[..100_000]);
            println!("table: {:.3}", t1.elapsed().as_secs_f64());
            let t0 = std::time::Instant::now();
            let d = super::detect(&text);
            let dt = t0.elapsed().as_secs_f64();
            println!(
                "{} bytes: {:.3} s, {:.2} MB/s, {}",
                text.len(),
                dt,
                text.len() as f64 / 1e6 / dt,
                d.len()
            );
        }
    }
}

#[cfg(test)]
mod prose_timing {
    #[test]
    #[ignore]
    fn names_prose_2k() {
        let para = "Hi Marta, thanks for the quick reply yesterday. I talked to Jonas Weber from the Berlin office and he agrees that the Q3 report should go out before the board meeting on 12 March 2025. Could you ask Dr. Okafor whether the clinic in Lagos has sent the updated figures? The team at Northwind Traders Ltd said they would share the invoice by Friday, but nothing has arrived yet. We also need to book flights to Lisbon for the conference; Priya suggested the Tuesday morning slot, which works for me. Please remind Mr. Tanaka that the contract with Globex GmbH renews next month and that legal wants a summary of the changes. If anything is unclear, call me. Best regards,\nAna Lopez\nOperations, Contoso S.A.\n";
        let mut text = String::new();
        while text.len() < 2048 {
            text.push_str(para);
        }
        let text = &text[..2048];
        for _ in 0..200 {
            let _ = super::detect(text);
        }
        let mut v = Vec::new();
        for _ in 0..15 {
            let t0 = std::time::Instant::now();
            for _ in 0..200 {
                let _ = super::detect(text);
            }
            v.push(t0.elapsed().as_secs_f64() / 200.0 * 1e6);
        }
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!("names::detect 2KB prose median {:.1} us", v[7]);
    }
}
