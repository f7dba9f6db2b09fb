//! The optional statistical names tagger ("names-tagger.bin", trained by
//! `tools/train_names_tagger.rs` on text `scripts/names-tagger-gen.mjs`
//! generates): a linear model over hashed token features, BIO tags for
//! PERSON, LOCATION and ORGANIZATION, decoded greedily left to right
//! (see [`decode`]: what streaming needs). It proposes
//! spans the grammar detectors missed; `names::detect_chunk` merges them
//! under the detectors' (a finding of theirs wins an overlap when it
//! scores higher). Consulted only when a filter's policy asks for it
//! (`pii.names: "tagger"` or `"large+tagger"`): the default never reads
//! it.
//!
//! Cost: linear in the tokens (a fixed number of features per token, 7
//! tags); one score table and one back-pointer table per chunk, nothing
//! allocated per token.
//!
//! Format (little-endian): `PFTAGGR1`, version (u32, 1), `bits` (u32:
//! the weight table has `2^bits` rows), scale (f32: a weight is its
//! stored i8 times the scale), the minimum mean margin (score of its
//! tag over the score of O, per token) of a PERSON, LOCATION and
//! ORGANIZATION span (3 f32, outside the checksum), payload
//! length (u32), FNV-1a of the payload (u32); then the payload: the
//! transition scores (8 rows, from "start" and from each tag, of 7 i8)
//! and the weight table (`2^bits` rows of 7 i8).
//!
//! Depends on `lexicon` and `lists` (the lexicon bits of a token are
//! features) and `tokens`.

use std::sync::OnceLock;

use super::data::{fnv, u32_at, DataError};
use super::lexicon::has;
use super::lists::REGISTRY;
use super::tokens::{Detection, Kind, Tok};

/// The lexicon bits of the given-name, surname and both place lists.
const NAMES_BITS: u64 = 1 | 2 | 1 << 4 | 1 << 37;

/// Tags: O, then B and I of each type.
pub(crate) const TAGS: usize = 7;
const TYPES: [&str; 3] = ["PERSON", "LOCATION", "ORGANIZATION"];
const MAGIC: &[u8; 8] = b"PFTAGGR1";
const VERSION: u32 = 1;
const HEADER: usize = 40;
/// Features per token, at most.
pub(crate) const MAX_FEATURES: usize = 192;
/// Table sizes a file may have (2^12 .. 2^22 rows).
const BITS: std::ops::RangeInclusive<u32> = 12..=22;

/// Whether tag `to` may follow tag `from` (`from` 7 = the start): an I
/// continues a B or an I of its type.
#[inline]
pub(crate) fn allowed(from: usize, to: usize) -> bool {
    to == 0
        || to % 2 == 1
        || (from != 7 && from != 0 && (from + 1) / 2 == to / 2)
}

/// A checked model file.
struct Model {
    bytes: Box<[u8]>,
    mask: usize,
    scale: f32,
    min: [f32; 3],
}

impl Model {
    fn trans(&self, from: usize, to: usize) -> f32 {
        let b = self.bytes.get(HEADER + from * TAGS + to).copied();
        f32::from(b.unwrap_or(0) as i8)
    }
    fn weight(&self, row: u32, tag: usize) -> f32 {
        let at = HEADER + 8 * TAGS + (row as usize & self.mask) * TAGS + tag;
        f32::from(self.bytes.get(at).copied().unwrap_or(0) as i8)
    }
}

static MODEL: OnceLock<Model> = OnceLock::new();

/// Whether `bytes` claim to be a tagger file (its magic).
pub(crate) fn is_tagger(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

fn parse(bytes: &[u8]) -> Result<Model, DataError> {
    let e = |m| Err(DataError(m));
    if bytes.len() < HEADER || !is_tagger(bytes) {
        return e("not a names tagger (bad magic)");
    }
    if u32_at(bytes, 8) != VERSION {
        return e("names tagger: unsupported version");
    }
    let bits = u32_at(bytes, 12);
    let f = |at| f32::from_bits(u32_at(bytes, at));
    let (scale, min) = (f(16), [f(20), f(24), f(28)]);
    if bytes.len() - HEADER != u32_at(bytes, 32) as usize {
        return e("names tagger: truncated or padded");
    }
    if fnv(&bytes[HEADER..]) != u32_at(bytes, 36) {
        return e("names tagger: checksum mismatch (corrupted)");
    }
    if !BITS.contains(&bits)
        || !(scale.is_finite() && scale > 0.0)
        || !min.iter().all(|m| m.is_finite())
    {
        return e("names tagger: bad header values");
    }
    if bytes.len() != HEADER + (8 + (1 << bits)) * TAGS {
        return e("names tagger: size does not match its table");
    }
    Ok(Model { bytes: bytes.into(), mask: (1 << bits) - 1, scale, min })
}

/// Checks and installs the tagger for this process; returns its number
/// of weight rows. The same file again is a no-op; another one once one
/// is installed is an error.
pub(crate) fn install(bytes: &[u8]) -> Result<usize, DataError> {
    if let Some(m) = MODEL.get() {
        return if *m.bytes == *bytes {
            Ok(m.mask + 1)
        } else {
            Err(DataError("names tagger: another file is loaded"))
        };
    }
    let parsed = parse(bytes)?;
    let m = MODEL.get_or_init(|| parsed);
    if *m.bytes != *bytes {
        return Err(DataError("names tagger: another file is loaded"));
    }
    Ok(m.mask + 1)
}

/// Whether a tagger is installed.
pub(crate) fn loaded() -> bool {
    MODEL.get().is_some()
}

#[inline]
fn mix(h: u32, x: u32) -> u32 {
    (h ^ x).wrapping_mul(0x0100_0193).rotate_left(13) ^ 0x9e37_79b9
}

fn hash_str(h: u32, s: &str) -> u32 {
    s.bytes().fold(mix(h, 0xff), |h, b| mix(h, u32::from(b)))
}

/// The lexicon lists a token's key is in, as bits of `REGISTRY`.
fn lex_mask(t: &Tok) -> u64 {
    if !t.is_word() {
        return 0;
    }
    REGISTRY
        .iter()
        .enumerate()
        .fold(0, |m, (i, l)| m | u64::from(has(l, &t.key)) << i)
}

/// A short code of a token's shape: kind, case pattern (first letter,
/// the rest), length class, script.
fn shape(t: Option<&Tok>, text: &str) -> u32 {
    let Some(t) = t else { return 1 };
    match t.kind {
        Kind::Word => {}
        Kind::Num => return 2,
        Kind::Opaque => return 3,
        Kind::Punct(c) => return (c as u32).wrapping_mul(16).wrapping_add(4),
    }
    let s = text.get(t.start..t.end).unwrap_or("");
    let first = s.chars().next().unwrap_or(' ') as u32;
    let script = match first {
        0..=0x24f => 0,
        0x370..=0x3ff => 1,
        0x400..=0x52f => 2,
        0x3040..=0x30ff => 3,
        0x3400..=0x9fff => 4,
        _ => 5,
    };
    let case = if t.uncased {
        0
    } else if t.upper {
        1
    } else if t.cap {
        2
    } else {
        3
    };
    let inner_cap =
        t.cap && !t.upper && s.chars().skip(1).any(char::is_uppercase);
    let len = s.chars().count().min(12) as u32 / 3;
    let hyphen = s.contains('-');
    5 + (script << 4
        | case << 2
        | u32::from(inner_cap) << 1
        | u32::from(hyphen))
        + (len << 8)
}

/// The hashed features of token `i` into `out` (at most
/// [`MAX_FEATURES`]); returns how many. `masks` holds each token's
/// lexicon bits; `starts[i]` whether token `i` starts a sentence or line.
pub(crate) fn features(
    text: &str,
    toks: &[Tok],
    masks: &[u64],
    starts: &[bool],
    i: usize,
    out: &mut [u32; MAX_FEATURES],
) -> usize {
    let mut n = 0;
    let mut push = |f: u32| {
        if let Some(slot) = out.get_mut(n) {
            *slot = f;
            n += 1;
        }
    };
    let at = |d: isize| i.checked_add_signed(d).and_then(|k| toks.get(k));
    let key = |d: isize, salt: u32| match at(d) {
        Some(t) if t.is_word() => hash_str(salt, t.key.as_str()),
        Some(t) => mix(salt, shape(Some(t), text)),
        None => mix(salt, 1),
    };
    let sh = |d| shape(at(d), text);
    let mask = |d: isize| {
        i.checked_add_signed(d)
            .and_then(|k| masks.get(k))
            .copied()
            .unwrap_or(0)
    };
    let start = starts.get(i).copied().unwrap_or(true);
    let s0 = sh(0);
    // First the word's own (its key and affixes), then its context.
    push(0);
    push(key(0, 1));
    // Prefixes and suffixes of the key.
    if let Some(t) = at(0).filter(|t| t.is_word()) {
        let k = t.key.as_str();
        let cut: [usize; 6] = [
            k.char_indices().nth(2).map_or(k.len(), |c| c.0),
            k.char_indices().nth(3).map_or(k.len(), |c| c.0),
            k.char_indices().nth_back(1).map_or(0, |c| c.0),
            k.char_indices().nth_back(2).map_or(0, |c| c.0),
            k.char_indices().nth_back(3).map_or(0, |c| c.0),
            k.char_indices().nth_back(4).map_or(0, |c| c.0),
        ];
        for (j, &c) in cut.iter().enumerate() {
            let part = if j < 2 { k.get(..c) } else { k.get(c..) };
            push(hash_str(20 + j as u32, part.unwrap_or("")));
        }
    }
    push(key(-1, 2));
    push(key(1, 3));
    push(key(-2, 4));
    push(mix(6, s0));
    push(mix(mix(7, sh(-1)), s0));
    push(mix(mix(8, s0), sh(1)));
    push(mix(mix(9, s0), u32::from(start)));
    push(mix(key(-1, 10), s0));
    push(mix(key(1, 11), s0));
    push(mix(mix(key(-1, 12), s0), u32::from(start)));
    // Lexicon lists of this token and its neighbours, each list a
    // feature, and this token's with its case.
    let m0 = mask(0);
    for (d, salt) in [(0isize, 30u32), (-1, 31), (1, 32), (-2, 33)] {
        let mut m = mask(d);
        // At most 38 lists a token; 4 neighbours fit in the array.
        while m != 0 {
            let b = m.trailing_zeros();
            m &= m - 1;
            push(mix(mix(salt, b), if d == 0 { s0 & 0xf } else { 0 }));
        }
    }
    let given_sur = (m0 & 3) as u32;
    push(mix(mix(34, given_sur), mix(s0, u32::from(start))));
    push(mix(mix(35, (mask(-1) & 3) as u32), given_sur));
    push(mix(mix(36, (mask(1) & 3) as u32), given_sur));
    n
}

/// Tokens that start a sentence or a line (so their capital says less).
pub(crate) fn sentence_starts(toks: &[Tok], out: &mut Vec<bool>) {
    out.clear();
    let mut start = true;
    for t in toks {
        out.push(start || t.nl);
        start = matches!(
            t.kind,
            Kind::Punct(
                '.' | '!'
                    | '?'
                    | ':'
                    | '"'
                    | '\u{201c}'
                    | '-'
                    | '>'
                    | '*'
                    | '#'
            )
        ) || (t.nl && !t.is_word())
            || (start && !t.is_word() && t.kind != Kind::Num);
    }
}

/// Per token: its lexicon bits, and whether it starts a sentence.
pub(crate) fn context(toks: &[Tok]) -> (Vec<u64>, Vec<bool>) {
    let masks = toks.iter().map(lex_mask).collect();
    let mut starts = Vec::with_capacity(toks.len());
    sentence_starts(toks, &mut starts);
    (masks, starts)
}

/// The tagger's spans over `toks`, in text order, without overlaps;
/// none when no tagger is installed.
pub(crate) fn detect(text: &str, toks: &[Tok]) -> Vec<Detection> {
    match MODEL.get() {
        Some(m) => spans(m, text, toks, false),
        None => Vec::new(),
    }
}

/// [`detect`]'s spans; with `all`, also those under their type's
/// minimum, each scored with its mean margin instead.
fn spans(m: &Model, text: &str, toks: &[Tok], all: bool) -> Vec<Detection> {
    let mut out = Vec::new();
    let n = toks.len();
    if n == 0 {
        return out;
    }
    let (masks, starts) = context(toks);
    let mut emit = vec![0f32; n * TAGS];
    let mut feats = [0u32; MAX_FEATURES];
    for i in 0..n {
        let k = features(text, toks, &masks, &starts, i, &mut feats);
        let row = emit.get_mut(i * TAGS..(i + 1) * TAGS).unwrap_or(&mut []);
        for &f in feats.get(..k).unwrap_or(&[]) {
            for (tag, e) in row.iter_mut().enumerate() {
                *e += m.weight(f, tag);
            }
        }
    }
    let mut tags = vec![0u8; n];
    decode(&emit, &|a, b| m.trans(a, b), &cuts(toks), &mut tags);
    // Spans: a B and its Is; trimmed to words; kept when their mean
    // margin over O clears the type's minimum.
    let mut i = 0;
    while i < n {
        let tag = usize::from(tags.get(i).copied().unwrap_or(0));
        if tag == 0 || tag % 2 == 0 {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while tags.get(e).is_some_and(|&t| usize::from(t) == tag + 1) {
            e += 1;
        }
        let word = |k: &usize| toks.get(*k).is_some_and(Tok::is_word);
        let (Some(a), Some(b)) = ((i..e).find(word), (i..e).rev().find(word))
        else {
            i = e;
            continue;
        };
        // Shape gates: a name's first and last words are capitalized (or
        // of a script without case); not every word all-caps (shouting,
        // acronyms); not a lone letter; a lone word opening a sentence
        // only when a names list holds it.
        let cased = |k: usize| toks.get(k).is_some_and(|t| t.cap || t.uncased);
        let (ta, tb) = (toks.get(a), toks.get(b));
        let lone = a == b;
        let shaky = !cased(a)
            || !cased(b)
            || (a..=b)
                .all(|k| toks.get(k).is_some_and(|t| !t.is_word() || t.upper))
            || (lone && ta.is_some_and(|t| t.end - t.start < 2))
            || (lone
                && starts.get(a).copied().unwrap_or(true)
                && masks.get(a).copied().unwrap_or(0) & NAMES_BITS == 0);
        if shaky {
            i = e;
            continue;
        }
        let margin: f32 = (i..e)
            .map(|k| {
                let t = usize::from(tags.get(k).copied().unwrap_or(0));
                emit.get(k * TAGS + t).copied().unwrap_or(0.0)
                    - emit.get(k * TAGS).copied().unwrap_or(0.0)
            })
            .sum::<f32>()
            / (e - i) as f32
            * m.scale;
        let ty = tag / 2;
        let min = m.min.get(ty).copied().unwrap_or(f32::MAX);
        if all {
            let (Some(ta), Some(tb)) = (ta, tb) else { break };
            let ty = TYPES.get(ty).copied().unwrap_or("PERSON");
            out.push(Detection::new(ty, "", ta.start..tb.end, margin));
        } else if margin >= min {
            let (Some(ta), Some(tb)) = (ta, tb) else { break };
            let sure = margin - min;
            let score = 0.6 + (sure / (1.0 + sure)).clamp(0.0, 1.0) * 0.2;
            out.push(Detection::new(
                TYPES.get(ty).copied().unwrap_or("PERSON"),
                "name-tagger",
                ta.start..tb.end,
                score,
            ));
        }
        i = e;
    }
    out
}

/// A grammar finding scoring below this (the default minimum score of a
/// policy: one a filter would most likely drop) gives way to a tagger
/// span it overlaps.
const WEAK: f32 = 0.5;

/// `found` (in text order, without overlaps) with the spans of `more`
/// (the same) that overlap none of its findings scoring [`WEAK`] or
/// more; weaker findings overlapping a span taken are dropped. In text
/// order, linear.
pub(crate) fn add_free(
    found: Vec<Detection>,
    more: Vec<Detection>,
) -> Vec<Detection> {
    if more.is_empty() {
        return found;
    }
    let mut out: Vec<Detection> = Vec::with_capacity(found.len() + more.len());
    let mut f = found.into_iter().peekable();
    for d in more {
        while let Some(x) = f.next_if(|x| x.span.end <= d.span.start) {
            out.push(x);
        }
        // The findings overlapping `d` start before its end.
        let mut weak = Vec::new();
        let mut clash = out.last().is_some_and(|x| x.span.end > d.span.start);
        while let Some(x) = f.next_if(|x| x.span.start < d.span.end) {
            clash |= x.score >= WEAK;
            weak.push(x);
        }
        if clash {
            out.append(&mut weak);
        } else {
            out.push(d);
        }
    }
    out.extend(f);
    out
}

/// Tags `emit` (rows of [`TAGS`] scores per token) left to right: each
/// token the best tag allowed after the previous one, by its score plus
/// the transition `trans(from, to)` (from 7 = the start). Tokens that
/// `cut` marks are O. Greedy, not Viterbi: a token's tag depends on the
/// text before it and one token after (its features), never on text
/// further on, so a stream that holds back the last words decides as the
/// one-shot screen does.
pub(crate) fn decode(
    emit: &[f32],
    trans: &dyn Fn(usize, usize) -> f32,
    cut: &[bool],
    tags: &mut [u8],
) {
    let mut prev = 7;
    for (i, slot) in tags.iter_mut().enumerate() {
        let mut best = (f32::NEG_INFINITY, 0usize);
        if !cut.get(i).copied().unwrap_or(false) {
            for to in 0..TAGS {
                if allowed(prev, to) {
                    let s = emit.get(i * TAGS + to).copied().unwrap_or(0.0)
                        + trans(prev, to);
                    if s > best.0 {
                        best = (s, to);
                    }
                }
            }
        }
        *slot = best.1 as u8;
        prev = best.1;
    }
}

/// Lowercase "and"/"or" of the languages of the templates: they join two
/// names, never one.
const JOIN: [&str; 12] =
    ["and", "und", "og", "och", "en", "et", "y", "e", "i", "и", "or", "oder"];

/// Tokens no name spans: punctuation other than `. - & '` (a comma, a
/// bracket, a colon...), a word that joins two ("and"), and a token on a
/// new line.
pub(crate) fn cuts(toks: &[Tok]) -> Vec<bool> {
    toks.iter()
        .map(|t| {
            t.nl || t.kind == Kind::Opaque
                || (t.is_word() && !t.cap && JOIN.contains(&t.key.as_str()))
                || matches!(t.kind, Kind::Punct(c) if !matches!(c, '.' | '-' | '&' | '\'' | '\u{2019}'))
        })
        .collect()
}

/// Writes a tagger file (the trainer's output; tests).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn encode(
    bits: u32,
    scale: f32,
    min: [f32; 3],
    trans: &[i8],
    weights: &[i8],
) -> Vec<u8> {
    let payload: Vec<u8> =
        trans.iter().chain(weights).map(|&w| w as u8).collect();
    let mut out = MAGIC.to_vec();
    for x in [
        VERSION,
        bits,
        scale.to_bits(),
        min[0].to_bits(),
        min[1].to_bits(),
        min[2].to_bits(),
    ] {
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&fnv(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

/// Checks a tagger file without installing it (the fuzz target, tests).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn check(bytes: &[u8]) -> Result<usize, DataError> {
    parse(bytes).map(|m| m.mask + 1)
}

/// Each token's byte span, hashed features (the trainer's view of a
/// text, the same as `detect`'s) and how many of those come first that
/// are the word's own (its key and affixes: what a trainer may drop),
/// and whether the token is always O ([`cuts`]).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn token_features(
    text: &str,
) -> Vec<(usize, usize, Vec<u32>, usize, bool)> {
    let toks = super::tokens::tokenize(text);
    let (masks, starts) = context(&toks);
    let cut = cuts(&toks);
    let mut feats = [0u32; MAX_FEATURES];
    (0..toks.len())
        .map(|i| {
            let k = features(text, &toks, &masks, &starts, i, &mut feats);
            let t = &toks[i];
            let own = if t.is_word() { 8 } else { 2 };
            (t.start, t.end, feats[..k].to_vec(), own, cut[i])
        })
        .collect()
}

/// The installed tagger's spans of `text` (byte span, type, mean
/// margin), whatever their margin: for the trainer's figures.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn raw_spans(text: &str) -> Vec<(usize, usize, &'static str, f32)> {
    let toks = super::tokens::tokenize(text);
    let Some(m) = MODEL.get() else { return Vec::new() };
    spans(m, text, &toks, true)
        .into_iter()
        .map(|d| (d.span.start, d.span.end, d.type_name, d.score))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A model whose bias row makes every token a B-PERSON: what the
    /// shape gates and the span rules then keep.
    fn biased(bits: u32) -> Vec<u8> {
        let mut w = vec![0i8; (1 << bits) * TAGS];
        w[1] = 100;
        encode(bits, 0.1, [1.0, 1.0, 1.0], &[0; 8 * TAGS], &w)
    }

    fn spans_of(model: &[u8], text: &str) -> Vec<(String, &'static str)> {
        let m = parse(model).unwrap();
        let toks = super::super::tokens::tokenize(text);
        let (masks, starts) = context(&toks);
        let n = toks.len();
        let mut emit = vec![0f32; n * TAGS];
        let mut f = [0u32; MAX_FEATURES];
        for i in 0..n {
            let k = features(text, &toks, &masks, &starts, i, &mut f);
            for &x in &f[..k] {
                for t in 0..TAGS {
                    emit[i * TAGS + t] += m.weight(x, t);
                }
            }
        }
        let mut tags = vec![0u8; n];
        decode(&emit, &|a, b| m.trans(a, b), &cuts(&toks), &mut tags);
        (0..n)
            .filter(|&i| tags[i] == 1 && toks[i].cap && !starts[i])
            .map(|i| (text[toks[i].start..toks[i].end].to_string(), "PERSON"))
            .collect()
    }

    #[test]
    fn decodes_with_the_bias_row() {
        let got = spans_of(&biased(12), "we met Zorblax and Quintavia, ok");
        assert_eq!(
            got,
            vec![
                ("Zorblax".to_string(), "PERSON"),
                ("Quintavia".into(), "PERSON")
            ]
        );
    }

    #[test]
    fn i_follows_only_its_own_b() {
        // An I of a type never follows O, the start or another type.
        for from in [0, 7, 3, 4] {
            assert!(!allowed(from, 2), "{from}");
        }
        assert!(allowed(1, 2) && allowed(2, 2) && allowed(5, 6));
        // Greedy decoding keeps that even when I scores best everywhere.
        let mut emit = vec![0f32; 3 * TAGS];
        for i in 0..3 {
            emit[i * TAGS + 2] = 10.0;
        }
        let mut tags = [0u8; 3];
        decode(&emit, &|_, _| 0.0, &[false; 3], &mut tags);
        assert!(tags.iter().all(|&t| t != 2), "{tags:?}");
        // A cut token is O.
        emit[TAGS + 1] = 50.0;
        decode(&emit, &|_, _| 0.0, &[false, true, false], &mut tags);
        assert_eq!(tags[1], 0);
    }

    #[test]
    fn rejects_bad_files_with_a_message() {
        let good = biased(12);
        let e = |b: &[u8]| parse(b).err().map(|e| e.0).unwrap_or("ok");
        assert_eq!(e(&good), "ok");
        assert!(e(b"").contains("magic"));
        assert!(e(&good[..good.len() - 1]).contains("truncated"));
        let mut v = good.clone();
        v[8] = 2;
        assert!(e(&v).contains("version"));
        let mut v = good.clone();
        let last = v.len() - 1;
        v[last] ^= 1;
        assert!(e(&v).contains("checksum"));
        let mut v = good.clone();
        v[12] = 40;
        assert!(e(&v).contains("header"));
        // A consistent file whose table is the wrong size.
        let short = encode(12, 0.1, [0.0; 3], &[0; 8 * TAGS], &[0; 5]);
        assert!(e(&short).contains("size"));
        // NaN margins.
        let nan =
            encode(12, 0.1, [f32::NAN, 0.0, 0.0], &[0; 56], &[0; 4096 * 7]);
        assert!(e(&nan).contains("header"));
    }

    /// Any bytes: an error or a model, never a panic (every prefix and
    /// single-byte change of a good file).
    #[test]
    fn parse_never_panics() {
        let good = biased(12);
        for n in (0..good.len()).step_by(97).chain(0..64) {
            let _ = parse(&good[..n]);
        }
        for i in 0..64 {
            for x in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut v = good.clone();
                v[i] = x;
                let _ = parse(&v);
            }
        }
    }

    /// The model `scripts/names-tagger` built, when there is one (the
    /// build needs the shared lexicons): names it must find and words it
    /// must leave, in languages of its templates. Not a measure of
    /// quality (docs/NAMES_TAGGER.md has those, on real text).
    #[test]
    fn trained_model_hits_and_misses() {
        let root = env!("CARGO_MANIFEST_DIR");
        let Some(bytes) =
            ["target/names-tagger/names-tagger.bin", "pkg/names-tagger.bin"]
                .iter()
                .find_map(|f| std::fs::read(format!("{root}/{f}")).ok())
        else {
            return;
        };
        let m = parse(&bytes).unwrap();
        let run = |text: &str| -> Vec<(String, &'static str)> {
            let toks = super::super::tokens::tokenize(text);
            spans(&m, text, &toks, false)
                .into_iter()
                .map(|d| (text[d.span].to_string(), d.type_name))
                .collect()
        };
        for (text, want, ty) in [
            ("Hvala Jovana!", "Jovana", "PERSON"),
            ("I talked to Brannigan yesterday.", "Brannigan", "PERSON"),
            ("It was raining in Tunip.", "Tunip", "LOCATION"),
        ] {
            let got = run(text);
            assert!(
                got.iter().any(|(v, t)| v == want && *t == ty),
                "{text}: {got:?}"
            );
        }
        for text in [
            "The meeting is on Monday.",
            "However, we disagree.",
            "we went to the lobby and waited",
            "PLEASE READ THE MANUAL",
        ] {
            assert!(run(text).is_empty(), "{text}: {:?}", run(text));
        }
    }

    #[test]
    fn add_free_keeps_strong_findings_and_drops_weak_ones() {
        let d = |s: usize, e: usize, score: f32| {
            Detection::new("PERSON", "r", s..e, score)
        };
        let found = vec![d(0, 5, 0.9), d(10, 15, 0.3), d(20, 25, 0.8)];
        let more = vec![d(3, 8, 0.7), d(9, 16, 0.7), d(30, 35, 0.7)];
        let got: Vec<_> = add_free(found, more)
            .into_iter()
            .map(|x| (x.span, x.score))
            .collect();
        assert_eq!(
            got,
            vec![(0..5, 0.9), (9..16, 0.7), (20..25, 0.8), (30..35, 0.7)]
        );
    }
}
