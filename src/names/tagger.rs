//! The optional statistical names tagger ("names-tagger.bin", trained by
//! `tools/train_names_tagger.rs` on text `scripts/names-tagger-gen.mjs`
//! generates): a linear model over hashed token features, BIO tags for
//! PERSON, LOCATION and ORGANIZATION, decoded greedily left to right
//! (see [`step`]: what streaming needs). It proposes
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
//! Format (little-endian): `PFTAGGR1`, version (u32, 2), `bits` (u32:
//! the weight table has `2^bits` rows), scale (f32: a weight is its
//! stored i8 times the scale), the minimum mean margins (score of its
//! tag over the score of O, per token; 12 f32, outside the checksum:
//! [`Model::min`]), payload length (u32), FNV-1a of the payload (u32);
//! then the payload: the transition scores (8 rows, from "start" and
//! from each tag, of 7 i8) and the weight table (`2^bits` rows of 7 i8).
//! Version 1 (the first files) has a 40-byte header with one minimum a
//! type, which then holds for every span of the type.
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
/// The rule id of the tagger's findings with a word of a names list
/// (given names, surnames, places; with `"large+tagger"` the large
/// data's too).
pub(crate) const RULE: &str = "name-tagger";
/// The rule id of the tagger's findings without one.
pub(crate) const RULE_UNLISTED: &str = "name-tagger-unlisted";
const MAGIC: &[u8; 8] = b"PFTAGGR1";
const VERSION: u32 = 2;
/// Header bytes of version 1 and 2 files.
const HEADER_V1: usize = 40;
const HEADER: usize = 76;
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
        || (from != 7 && from != 0 && from.div_ceil(2) == to / 2)
}

/// A checked model file.
struct Model {
    bytes: Box<[u8]>,
    /// Where the payload starts (the header's length).
    at: usize,
    mask: usize,
    scale: f32,
    /// The minimum mean margin of a span of each type (PERSON, LOCATION,
    /// ORGANIZATION): under the core lists, of a span with a word of a
    /// names list and of one without; the same under the large data
    /// (its lists hold more names, so a span they miss is more often no
    /// name).
    min: [[f32; 3]; 4],
}

impl Model {
    fn trans(&self, from: usize, to: usize) -> f32 {
        let b = self.bytes.get(self.at + from * TAGS + to).copied();
        f32::from(b.unwrap_or(0) as i8)
    }
    fn weight(&self, row: u32, tag: usize) -> f32 {
        let at = self.at + 8 * TAGS + (row as usize & self.mask) * TAGS + tag;
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
    if bytes.len() < HEADER_V1 || !is_tagger(bytes) {
        return e("not a names tagger (bad magic)");
    }
    let version = u32_at(bytes, 8);
    let at = match version {
        1 => HEADER_V1,
        VERSION => HEADER,
        _ => return e("names tagger: unsupported version"),
    };
    let bits = u32_at(bytes, 12);
    let f = |at| f32::from_bits(u32_at(bytes, at));
    // (NaN scales or margins find nothing: no check needed.)
    let scale = f(16);
    let row = |k: usize| [f(20 + 12 * k), f(24 + 12 * k), f(28 + 12 * k)];
    let min = if version == 1 {
        [row(0); 4]
    } else {
        [row(0), row(1), row(2), row(3)]
    };
    if !BITS.contains(&bits)
        || bytes.len() < at
        || bytes.len() != at + (8 + (1 << bits)) * TAGS
        || bytes.len() - at != u32_at(bytes, at - 8) as usize
    {
        return e("names tagger: truncated or padded");
    }
    if fnv(&bytes[at..]) != u32_at(bytes, at - 4) {
        return e("names tagger: checksum mismatch (corrupted)");
    }
    Ok(Model { bytes: bytes.into(), at, mask: (1 << bits) - 1, scale, min })
}

/// Checks and installs the tagger for this process; returns its number
/// of weight rows. The same file again is a no-op; another one once one
/// is installed is an error.
pub(crate) fn install(bytes: &[u8]) -> Result<usize, DataError> {
    let m = match MODEL.get() {
        Some(m) => m,
        None => {
            let parsed = parse(bytes)?;
            MODEL.get_or_init(|| parsed)
        }
    };
    if *m.bytes != *bytes {
        return Err(DataError("names tagger: another file is loaded"));
    }
    Ok(m.mask + 1)
}

/// Whether a tagger is installed.
pub(crate) fn loaded() -> bool {
    MODEL.get().is_some()
}

#[inline(never)]
fn mix(h: u32, x: u32) -> u32 {
    (h ^ x).wrapping_mul(0x0100_0193).rotate_left(13) ^ 0x9e37_79b9
}

fn hash_bytes(h: u32, s: &[u8]) -> u32 {
    s.iter().fold(mix(h, 0xff), |h, &b| mix(h, u32::from(b)))
}

/// What the features of a token's neighbours read of it, computed once.
#[derive(Clone, Copy, Default)]
pub(crate) struct Ctx {
    /// The lexicon lists its key is in, as bits of `REGISTRY`.
    mask: u64,
    /// It starts a sentence or a line (so its capital says less).
    start: bool,
    /// No name spans it ([`Ctx::cut`]).
    pub(crate) cut: bool,
}

/// Each token's [`Ctx`]. A cut is punctuation other than `. - & '` (a
/// comma, a bracket, a colon...), a word that joins two ("and"), an
/// opaque token or a token on a new line.
pub(crate) fn context(toks: &[Tok]) -> Vec<Ctx> {
    let mut start = true;
    toks.iter()
        .map(|t| {
            let word = t.is_word();
            let mut mask = 0;
            for (i, l) in REGISTRY.iter().enumerate() {
                mask |= u64::from(word && has(l, &t.key)) << i;
            }
            let c = Ctx {
                mask,
                start: start || t.nl,
                cut: t.nl
                    || match t.kind {
                        Kind::Opaque => true,
                        Kind::Punct(c) => {
                            !matches!(c, '.' | '-' | '&' | '\'' | '\u{2019}')
                        }
                        // "and"/"or" of the template languages join two
                        // names, never make one.
                        _ => {
                            matches!(
                                t.key.as_str(),
                                "and"
                                    | "und"
                                    | "og"
                                    | "och"
                                    | "en"
                                    | "et"
                                    | "y"
                                    | "e"
                                    | "i"
                                    | "и"
                                    | "or"
                                    | "oder"
                            ) && !t.cap
                        }
                    },
            };
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
            ) || (t.nl && !word)
                || (start && !word && t.kind != Kind::Num);
            c
        })
        .collect()
}

/// A short code of a token's shape: kind, case, length class, script,
/// hyphen.
fn shape(t: &Tok, text: &str) -> u32 {
    match t.kind {
        Kind::Word => {}
        Kind::Num => return 2,
        Kind::Opaque => return 3,
        Kind::Punct(c) => return (c as u32).wrapping_mul(16).wrapping_add(4),
    }
    let s = text.as_bytes().get(t.start..t.end).unwrap_or(&[]);
    // The script by the first byte of UTF-8: ASCII, Latin and Greek (2
    // bytes: 0xc3..0xcf), Cyrillic (0xd0..0xd4), other 2-byte scripts,
    // 3-byte (CJK, kana, Thai...).
    let script = match s.first().copied().unwrap_or(0) {
        0..=0xcf => 0,
        0xd0..=0xd4 => 1,
        0xd5..=0xdf => 2,
        _ => 3,
    };
    let case =
        u32::from(t.uncased) << 2 | u32::from(t.upper) << 1 | u32::from(t.cap);
    let inner_cap =
        t.cap && !t.upper && s.iter().skip(1).any(u8::is_ascii_uppercase);
    let len = t.key.len().min(12) as u32 / 3;
    5 + (script << 5
        | case << 2
        | u32::from(inner_cap) << 1
        | u32::from(s.contains(&b'-')))
        + (len << 8)
}

/// The hashed features of token `i` into `out` (at most
/// [`MAX_FEATURES`]); returns how many. The first ones are the word's
/// own (bias, key, affixes: 8 for a word, 2 otherwise), then its
/// neighbours' keys and shapes (two before, one after: never more, see
/// [`step`]) and the lexicon lists of it and its neighbours.
pub(crate) fn features(
    text: &str,
    toks: &[Tok],
    ctx: &[Ctx],
    i: usize,
    out: &mut [u32; MAX_FEATURES],
) -> usize {
    // The bias is row 0; every other feature is salted by its place.
    out[0] = 0;
    let mut n = 1;
    let mut push = |f: u32| {
        if let Some(slot) = out.get_mut(n) {
            *slot = mix(f, n as u32);
            n += 1;
        }
    };
    // Tokens i-2, i-1, i, i+1: key hash (a word's) or shape, shape, lists.
    let (mut kh, mut sh, mut mk) = ([1u32; 4], [1u32; 4], [0u64; 4]);
    for j in 0..4 {
        let k = (i + j).checked_sub(2);
        if let Some(t) = k.and_then(|k| toks.get(k)) {
            sh[j] = shape(t, text);
            kh[j] = if t.is_word() {
                hash_bytes(0, t.key.as_bytes())
            } else {
                sh[j]
            };
        }
        mk[j] = k.and_then(|k| ctx.get(k)).map_or(0, |c| c.mask);
    }
    let st = u32::from(ctx.get(i).is_none_or(|c| c.start));
    let s0 = sh[2];
    push(kh[2]);
    // Prefixes (2, 3 letters) and suffixes (2 to 5) of the key, in bytes
    // (a letter past Latin is two).
    if let Some(t) = toks.get(i).filter(|t| t.is_word()) {
        let k = t.key.as_bytes();
        let w = if k.first().is_some_and(|&b| b >= 0x80) { 2 } else { 1 };
        for (j, n) in [2usize, 3, 2, 3, 4, 5].into_iter().enumerate() {
            let n = (n * w).min(k.len());
            let part = if j < 2 { k.get(..n) } else { k.get(k.len() - n..) };
            push(hash_bytes(j as u32, part.unwrap_or(&[])));
        }
    }
    let g = |m: u64| (m & 3) as u32;
    for f in [
        kh[1],
        kh[3],
        kh[0],
        s0,
        mix(sh[1], s0),
        mix(s0, sh[3]),
        mix(s0, st),
        mix(kh[1], s0),
        mix(kh[3], s0),
        mix(mix(kh[1], s0), st),
        mix(g(mk[2]), mix(s0, st)),
        mix(g(mk[1]), g(mk[2])),
        mix(g(mk[3]), g(mk[2])),
    ] {
        push(f);
    }
    // Each list of this token (with its case) and of its neighbours.
    for (j, &m) in mk.iter().enumerate() {
        let mut m = m;
        while m != 0 {
            let b = m.trailing_zeros();
            m &= m - 1;
            push(mix(100 + j as u32, b) ^ if j == 2 { s0 & 0x1f } else { 0 });
        }
    }
    n
}

/// The tagger's spans over `toks`, in text order, without overlaps;
/// none when no tagger is installed.
pub(crate) fn detect(text: &str, toks: &[Tok]) -> Vec<Detection> {
    match MODEL.get() {
        Some(m) => spans(m, text, toks, false),
        None => Vec::new(),
    }
}

/// The tagger's PERSON spans in `spans` that hold a grammar candidate
/// (`person::detect`'s runs, any score, `grammar` in text order without
/// overlaps) scoring at least [`BACKED`]; its other spans as they are.
/// Issue 14, branch person43: of the PERSON spans the tagger added over
/// the grammar, those over no candidate (a lowercase word, a place) or
/// over a lone unknown capitalized word (0.1) were right 59 of 125 times
/// with the core lists, and with the large data those under a known
/// given name (0.35: two unknown words, a lone surname) 152 of 307.
/// Linear: both lists are walked once.
pub(crate) fn backed(
    mut spans: Vec<Detection>,
    grammar: &[Detection],
) -> Vec<Detection> {
    let min = BACKED[usize::from(super::data::in_scope())];
    let mut j = 0;
    spans.retain(|d| {
        if d.type_name != "PERSON" {
            return true;
        }
        while grammar.get(j).is_some_and(|c| c.span.end <= d.span.start) {
            j += 1;
        }
        grammar
            .get(j..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.span.start < d.span.end)
            .any(|c| c.type_name == "PERSON" && c.score >= min)
    });
    spans
}

/// The least grammar score under a tagger PERSON span: with the core
/// lists any run but a lone unknown word (0.1); with the large data a
/// run its lists support (a known given name alone scores 0.35).
const BACKED: [f32; 2] = [0.2, 0.35];

/// [`detect`]'s spans; with `all` (not in wasm), also those under their
/// type's minimum, each scored with its mean margin instead.
fn spans(m: &Model, text: &str, toks: &[Tok], all: bool) -> Vec<Detection> {
    let _ = all;
    let mut out = Vec::new();
    let ctx = context(toks);
    let mut feats = [0u32; MAX_FEATURES];
    // The open span: first token, type, sum of its tokens' margins over O.
    let mut open: Option<(usize, usize, f32)> = None;
    let mut prev = 7;
    for i in 0..=toks.len() {
        let mut row = [0f32; TAGS];
        let mut tag = 0;
        if i < toks.len() {
            let k = features(text, toks, &ctx, i, &mut feats);
            for &f in feats.get(..k).unwrap_or(&[]) {
                for (t, e) in row.iter_mut().enumerate() {
                    *e += m.weight(f, t);
                }
            }
            tag = step(prev, &row, ctx[i].cut, &|a, b| m.trans(a, b));
            prev = tag;
        }
        let gain = row[tag] - row[0];
        if let Some((a, ty, sum)) = open.as_mut() {
            if tag != 0 && tag == 2 * *ty + 2 {
                *sum += gain;
                continue;
            }
            let (a, ty, margin) = (*a, *ty, *sum / (i - *a) as f32 * m.scale);
            open = None;
            // Shape gates: a name's first and last tokens are words,
            // capitalized (or of a script without case); not every word
            // all-caps (shouting, acronyms); not a lone letter; a lone
            // word opening a sentence only when a names list holds it.
            let b = i - 1;
            let (ta, tb) = (&toks[a], &toks[b]);
            let lone = a == b;
            // Inside, a lowercase word is a particle ("van", "de", "of")
            // or it ends the name ("Brannigan said Kesterholt").
            let shaky = toks[a..=b].iter().any(|t| {
                t.is_word() && !t.cap && !t.uncased && t.key.len() > 3
            }) || !(ta.cap || ta.uncased)
                || !(tb.cap || tb.uncased)
                || !tb.is_word()
                || toks[a..=b].iter().all(|t| !t.is_word() || t.upper)
                || (lone && ta.end - ta.start < 2)
                || (lone && ctx[a].start && ctx[a].mask & NAMES_BITS == 0);
            #[cfg(not(target_arch = "wasm32"))]
            if all && !shaky {
                out.push(Detection::new(
                    TYPES[ty],
                    "",
                    ta.start..tb.end,
                    margin,
                ));
            }
            // A span with a word of a names list, or without one, under
            // the core lists or the large data: its own minimum. A lone
            // word opening a sentence counts as without ("Essen", "Bol",
            // "Sandy soil": the large data's lists hold many words that
            // are common words of some language).
            let listed = !(lone && ctx[a].start)
                && ctx[a..=b].iter().any(|c| c.mask & NAMES_BITS != 0);
            let k = usize::from(!listed)
                + if super::data::in_scope() { 2 } else { 0 };
            let sure = margin - m.min[k][ty];
            if !all && !shaky && sure >= 0.0 {
                let score = 0.6 + sure / (1.0 + sure) * 0.2;
                out.push(Detection::new(
                    TYPES[ty],
                    if listed { RULE } else { RULE_UNLISTED },
                    ta.start..tb.end,
                    score,
                ));
            }
        }
        if tag % 2 == 1 {
            open = Some((i, tag / 2, gain));
        }
    }
    out
}

/// The tag of a token whose scores are `row`, after tag `prev` (7: the
/// start): the best one allowed, by its score plus the transition
/// `trans(from, to)`; O for a cut token ([`Ctx::cut`]). Taggers decode
/// greedily, left to right: a token's tag depends on the text before it
/// and one token after (its features), never on text further on, so a
/// stream that holds back the last words decides as the one-shot screen
/// does.
fn step(
    prev: usize,
    row: &[f32; TAGS],
    cut: bool,
    trans: &dyn Fn(usize, usize) -> f32,
) -> usize {
    let mut best = (f32::NEG_INFINITY, 0);
    for (to, e) in row.iter().enumerate() {
        let s = e + trans(prev, to);
        if !cut && allowed(prev, to) && s > best.0 {
            best = (s, to);
        }
    }
    best.1
}

/// Tags `emit` (rows of [`TAGS`] scores per token) as [`spans`] does
/// (see [`step`]), tokens that `cut` marks O: the trainer's decoder.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn decode_cuts(
    emit: &[f32],
    trans: &dyn Fn(usize, usize) -> f32,
    cut: &[bool],
    tags: &mut [u8],
) {
    let mut prev = 7;
    for (i, slot) in tags.iter_mut().enumerate() {
        let mut row = [0f32; TAGS];
        if let Some(e) = emit.get(i * TAGS..(i + 1) * TAGS) {
            row.copy_from_slice(e);
        }
        prev = step(prev, &row, cut.get(i).copied().unwrap_or(false), trans);
        *slot = prev as u8;
    }
}

/// Writes a tagger file (the trainer's output; tests).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn encode(
    bits: u32,
    scale: f32,
    min: [f32; 12],
    trans: &[i8],
    weights: &[i8],
) -> Vec<u8> {
    let payload: Vec<u8> =
        trans.iter().chain(weights).map(|&w| w as u8).collect();
    let mut out = MAGIC.to_vec();
    for x in [VERSION, bits, scale.to_bits()]
        .into_iter()
        .chain(min.iter().map(|m| m.to_bits()))
    {
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
    let ctx = context(&toks);
    let mut feats = [0u32; MAX_FEATURES];
    (0..toks.len())
        .map(|i| {
            let k = features(text, &toks, &ctx, i, &mut feats);
            let t = &toks[i];
            let own = if t.is_word() { 8 } else { 2 };
            (t.start, t.end, feats[..k].to_vec(), own, ctx[i].cut)
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
        encode(bits, 0.1, [1.0; 12], &[0; 8 * TAGS], &w)
    }

    fn spans_of(model: &[u8], text: &str) -> Vec<(String, &'static str)> {
        let m = parse(model).unwrap();
        let toks = super::super::tokens::tokenize(text);
        spans(&m, text, &toks, false)
            .into_iter()
            .map(|d| (text[d.span].to_string(), d.type_name))
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

    /// A span with a word of a names list and one without have their
    /// own minimums and rule ids; a version 1 file (one minimum a type)
    /// holds its minimum for both.
    #[test]
    fn listed_and_unlisted_spans_have_their_own_minimum() {
        let mut w = vec![0i8; (1 << 12) * TAGS];
        w[1] = 100;
        let mut min = [1.0f32; 12];
        min[3] = 1e9; // PERSON without a listed word, core lists
        min[9] = 1e9; // the same, large data
        let v2 = encode(12, 0.1, min, &[0; 8 * TAGS], &w);
        let text = "we met Zorblax and Anna, ok";
        let m = parse(&v2).unwrap();
        let toks = super::super::tokens::tokenize(text);
        let got: Vec<_> = spans(&m, text, &toks, false)
            .into_iter()
            .map(|d| (text[d.span].to_string(), d.rule))
            .collect();
        assert_eq!(got, vec![("Anna".to_string(), RULE)]);
        // Version 1: a 40-byte header with three minimums.
        let mut v1 = v2[..20].to_vec();
        v1[8] = 1;
        for x in [1f32, 1.0, 1.0] {
            v1.extend_from_slice(&x.to_le_bytes());
        }
        v1.extend_from_slice(&v2[68..]);
        let m = parse(&v1).unwrap();
        let got: Vec<_> = spans(&m, text, &toks, false)
            .into_iter()
            .map(|d| (text[d.span].to_string(), d.rule))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Zorblax".to_string(), RULE_UNLISTED),
                ("Anna".into(), RULE)
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
        decode_cuts(&emit, &|_, _| 0.0, &[false; 3], &mut tags);
        assert!(tags.iter().all(|&t| t != 2), "{tags:?}");
        // A cut token is O.
        emit[TAGS + 1] = 50.0;
        decode_cuts(&emit, &|_, _| 0.0, &[false, true, false], &mut tags);
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
        v[8] = 3;
        assert!(e(&v).contains("version"));
        let mut v = good.clone();
        let last = v.len() - 1;
        v[last] ^= 1;
        assert!(e(&v).contains("checksum"));
        let mut v = good.clone();
        v[12] = 40;
        assert!(e(&v).contains("truncated"));
        // A consistent file whose table is the wrong size.
        let short = encode(12, 0.1, [0.0; 12], &[0; 8 * TAGS], &[0; 5]);
        assert!(e(&short).contains("truncated"));
        // NaN margins load and find nothing.
        let nan = encode(12, 0.1, [f32::NAN; 12], &[0; 56], &[100; 4096 * 7]);
        let m = parse(&nan).unwrap();
        let toks = super::super::tokens::tokenize("we met Zorblax");
        assert!(spans(&m, "we met Zorblax", &toks, false).is_empty());
    }

    /// Any bytes: an error or a model, never a panic (every prefix and
    /// single-byte change of a good file).
    #[test]
    fn parse_never_panics() {
        let good = biased(12);
        for n in (0..good.len()).step_by(97).chain(0..HEADER + 8) {
            let _ = parse(&good[..n]);
        }
        for i in 0..HEADER + 8 {
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
            (
                "Mein Kollege Brannigan Kesterholt kommt morgen.",
                "Brannigan Kesterholt",
                "PERSON",
            ),
            ("It was raining in Tunip, near the coast.", "Tunip", "LOCATION"),
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

    /// A tagger PERSON span is kept over a grammar candidate scoring at
    /// least 0.2 (core lists), dropped over a lone unknown word (0.1) or
    /// over none; its LOCATION spans are not read.
    #[test]
    fn person_spans_need_a_grammar_candidate() {
        let d =
            |t, r: std::ops::Range<usize>, s| Detection::new(t, RULE, r, s);
        let spans = vec![
            d("PERSON", 0..5, 0.8),
            d("PERSON", 10..15, 0.8),
            d("LOCATION", 20..25, 0.8),
            d("PERSON", 30..40, 0.8),
        ];
        let grammar = [
            d("PERSON", 0..5, 0.35),
            d("PERSON", 10..15, 0.1),
            d("PERSON", 33..36, 0.2),
        ];
        let kept: Vec<_> =
            backed(spans, &grammar).into_iter().map(|d| d.span).collect();
        assert_eq!(kept, vec![0..5, 20..25, 30..40]);
        assert!(backed(vec![d("PERSON", 0..5, 0.8)], &[]).is_empty());
    }
}
