//! The classifier's featurizer, shared by inference and the trainer
//! (`tools/train_injection.rs` reaches it through `__private`), so
//! train and serve cannot drift.
//!
//! Sparse features are hashed (FNV-1a, `BUCKET_BITS` bits, sign from one
//! hash bit) from the normalized text: word unigrams, word bigrams and
//! byte 4-grams. Each occurrence adds `sign / sqrt(total occurrences)`.
//! Only the first `HEAD` and last `TAIL` bytes of the normalized text are
//! featurized, so cost is bounded. Dense features come from the rules and
//! the normalizer (see [`dense`]).

use std::sync::atomic::{AtomicU8, Ordering};

use super::hijack::hijack;
// The bucket space is defined with the sinks that fill it.
#[cfg(test)]
pub(crate) use sink::BUCKET_BITS;
pub(crate) use sink::{bucket_of, BUCKETS};
use sink::{Batch, Push, Sink, Stamped};

const HEAD: usize = 6 * 1024;
const TAIL: usize = 2 * 1024;

/// The hashed weights' bytes (`model.bin`), never written. Atomics only
/// so that the bytes go to the module's writable data, which the linker
/// puts after all read-only data, at the end of the .wasm: there gzip
/// takes these 8 KB of near-random bytes in blocks of their own, ~1.1 KB
/// smaller than amid the text tables (docs/PERFORMANCE.md, size24). A
/// relaxed load is a plain load.
pub(crate) struct Weights([AtomicU8; BUCKETS / 2]);

impl Weights {
    pub(crate) const fn new(bytes: &[u8; BUCKETS / 2]) -> Weights {
        let mut out = [const { AtomicU8::new(0) }; BUCKETS / 2];
        let mut i = 0;
        while i < out.len() {
            out[i] = AtomicU8::new(bytes[i]);
            i += 1;
        }
        Weights(out)
    }

    /// Byte `i`, 0 past the end.
    #[inline]
    pub(super) fn byte(&self, i: usize) -> u8 {
        self.0.get(i).map_or(0, |b| b.load(Ordering::Relaxed))
    }
}

/// Dense feature slots: 16 from rules, normalizer and shape, then one
/// per cue class ([`super::cues`]) from [`dense::CUES`], then
/// [`dense::SPLIT`], [`dense::DETAILED_HARM`], [`dense::LONE_REQUEST`],
/// [`dense::SMUGGLED_HARM`] and [`dense::HIJACK`].
pub(crate) const N_DENSE: usize = 21 + super::cues::CLASSES;

/// Indices of dense features.
#[allow(dead_code)]
pub(crate) mod dense {
    pub const OVERRIDE: usize = 0;
    pub const PERSONA: usize = 1;
    pub const EXTRACT: usize = 2;
    pub const MARKER: usize = 3;
    pub const INDIRECT: usize = 4;
    pub const HIDDEN_TAGS: usize = 5;
    pub const INVISIBLES: usize = 6;
    pub const PAYLOAD: usize = 7;
    pub const PAYLOAD_RISK: usize = 8;
    pub const LENGTH: usize = 9;
    pub const DOC: usize = 10;
    pub const TABLE_PROSE: usize = 11;
    /// A prose line ending in a run of punctuation-laden tokens
    /// ([`super::gibberish_tail`]), and the same when the text has a
    /// harm cue word.
    pub const GIBBERISH: usize = 12;
    pub const GIBBERISH_HARM: usize = 13;
    /// A harm cue word with a framing one (fiction, role, hypothesis),
    /// and with an assembling one (a request given in pieces).
    pub const FRAMED_HARM: usize = 14;
    pub const ASSEMBLED_HARM: usize = 15;
    /// First cue-class slot.
    pub const CUES: usize = 16;
    /// A request given in fragments that the text asks to join
    /// ([`super::super::split`]); the joined text is featurized too.
    pub const SPLIT: usize = 36;
    /// A harm cue word with a request for operational detail (steps,
    /// a guide, a recipe).
    pub const DETAILED_HARM: usize = 37;
    /// One request line in a document, sharing no words with it
    /// ([`super::lone_request`]).
    pub const LONE_REQUEST: usize = 38;
    /// A harm cue word (and no protective one) in what an encoded run,
    /// hidden text or joined fragments decode to: a harmful request
    /// smuggled past a filter ([`super::smuggled_harm`]).
    pub const SMUGGLED_HARM: usize = 39;
    /// An override word followed by what to say instead ("ignore the
    /// question above and output directly: …"; [`super::hijack`]).
    pub const HIJACK: usize = 40;
}

// SPLIT follows the cue classes; HIJACK is the last slot.
const _: () = assert!(dense::HIJACK == N_DENSE - 1);
const _: () = assert!(dense::SPLIT == dense::CUES + super::cues::CLASSES);

#[inline(always)]
fn fnv_start(seed: u32) -> u32 {
    0x811c_9dc5 ^ seed.wrapping_mul(0x0100_0193)
}

#[inline(always)]
fn fnv_step(h: u32, b: u8) -> u32 {
    (h ^ b as u32).wrapping_mul(0x0100_0193)
}

#[inline(always)]
fn fnv_finish(mut h: u32) -> u32 {
    // final avalanche
    h ^= h >> 15;
    h = h.wrapping_mul(0x2c1b_3c6d);
    h ^= h >> 12;
    h
}

#[inline(always)]
fn fnv(seed: u32, bytes: &[u8]) -> u32 {
    fnv_finish(bytes.iter().fold(fnv_start(seed), |h, &b| fnv_step(h, b)))
}

/// Mixes a 64-bit value (an n-gram read as little-endian) to 32 bits.
#[inline(always)]
fn mix(seed: u64, x: u64) -> u32 {
    let mut h = (x ^ seed).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^= h >> 29;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    (h >> 32) as u32
}

/// Appends hashed feature codes of `norm` (bucket in the high bits,
/// sign in bit 0) to `out`.
/// What kind of document a text looks like.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DocShape {
    /// Looks like a pasted document (table, email, code).
    pub doc: bool,
    /// Prose lines (3+ words) inside a markdown table.
    pub table_prose: usize,
}

/// Looks at line structure: tables (3+ lines starting with `|`), emails
/// (`subject:`/`from:` headers), code (fences, `import`/`def` lines).
pub(crate) fn shape(norm: &str) -> DocShape {
    let head = &norm.as_bytes()[..norm.len().min(HEAD)];
    let mut rows = 0;
    let mut prose = 0;
    let mut code = 0;
    let mut email = head.starts_with(b"subject:");
    for (n, line) in head.split(|&c| c == b'\n').enumerate() {
        // "\ncontent:" or "|content:" anywhere.
        email |= n > 0 && line.starts_with(b"content:")
            || line.contains(&b'|')
                && line.windows(9).any(|w| w == b"|content:");
        // Stray dots the normalizer leaves of dotted letters
        // (".| a | b |") do not hide a table row.
        let l = line.trim_ascii();
        let l = &l[l.iter().take_while(|&&c| c == b'.').count()..];
        if l.first() == Some(&b'|') {
            rows += 1;
        } else if l
            .split(|&c| c == b' ')
            .filter(|w| !w.is_empty())
            .nth(2)
            .is_some()
        {
            prose += 1;
        }
        if l.starts_with(b"```")
            || l.starts_with(b"import ")
            || l.starts_with(b"def ")
            || l.starts_with(b"from ")
                && l.windows(8).any(|w| w == b" import ")
        {
            code += 1;
        }
    }
    DocShape {
        doc: rows >= 3 || email || code >= 2,
        table_prose: if rows >= 3 { prose } else { 0 },
    }
}

/// How much the last line of `norm` ends like an optimizer's adversarial
/// suffix ([`gibberish::tail`]); 0 in a document.
pub(crate) fn gibberish_tail(norm: &str, shape: DocShape) -> f32 {
    gibberish::tail(norm, shape.doc)
}

/// A harm word in a decoded or joined payload (`inner`, its dense
/// features) sets [`dense::SMUGGLED_HARM`] of the text around it
/// (`outer`): a harmful ask hidden from a filter, however plain it reads
/// once decoded, but not a harm named to guard against it ("how to
/// prevent fraud", the PROTECT cue class). Returns the risk that makes
/// it: [`SMUGGLED_RISK`] with a harm word, else 0.
pub(crate) fn smuggled_harm(
    outer: &mut [f32; N_DENSE],
    inner: &[f32; N_DENSE],
) -> f32 {
    use super::cues::{HARM_INDEX, PROTECT_INDEX};
    let harm = if inner[dense::CUES + PROTECT_INDEX] > 0.0 {
        0.0
    } else {
        inner[dense::CUES + HARM_INDEX]
    };
    let slot = &mut outer[dense::SMUGGLED_HARM];
    *slot = slot.max(harm);
    if harm > 0.0 {
        SMUGGLED_RISK
    } else {
        0.0
    }
}

/// The risk of an encoded or split payload with a harm word: the
/// default flag threshold (flagged; blocking needs more).
const SMUGGLED_RISK: f32 = 0.5;

/// A logged word's start and classes, for [`hijack`].
fn logged(w: &LogWord) -> (usize, u32) {
    (w.start as usize, w.classes)
}

/// What [`hashed`] finds besides the codes: how many words of each cue
/// class the text has, whether it has a lone request
/// ([`lone_request`]) and where it has a goal hijack ([`hijack`]; a
/// byte range of the featurized text).
pub(crate) struct Found {
    pub cues: [u16; super::cues::CLASSES],
    pub lone: bool,
    pub hijack: Option<std::ops::Range<usize>>,
}

/// Appends the hashed feature codes of `norm` to `out` and returns what
/// it found ([`Found`]).
pub(crate) fn hashed(
    norm: &str,
    shape: DocShape,
    out: &mut Vec<u32>,
    seg_codes: &mut Vec<u32>,
    seg_ends: &mut Vec<u32>,
) -> Found {
    out.reserve(norm.len().min(HEAD + TAIL));
    let out = &mut Sink {
        out: Batch::new(out),
        seen: &mut [0; BUCKETS / 64],
        keep: !0,
    };
    hashed_into(norm, shape, out, (seg_codes, seg_ends), false)
}

/// [`hashed`] into `out`. With `wide` (the large model's own pass,
/// [`wide`]), byte 3-grams and 5-grams as well, and every code is kept
/// (`out.keep` 0, the segments' too), to be deduplicated by the large
/// model's buckets afterwards.
fn hashed_into(
    norm: &str,
    shape: DocShape,
    out: &mut Sink,
    (seg_codes, seg_ends): (&mut Vec<u32>, &mut Vec<u32>),
    wide: bool,
) -> Found {
    let with_grams = wide;
    let b = norm.as_bytes();
    let mut counts = [0u16; super::cues::CLASSES];
    let parts: [&[u8]; 2] = if b.len() <= HEAD + TAIL {
        [b, &[]]
    } else {
        [&b[..HEAD], &b[b.len() - TAIL..]]
    };
    let mut logs = [Log::default(), Log::default()];
    for (part, log) in parts.iter().zip(logs.iter_mut()) {
        log.grams = with_grams;
        hashed_part(part, out, log);
    }
    for (part, log) in parts.iter().zip(logs.iter_mut()) {
        cue_grams(part, out, &mut counts, Some(&mut log.words));
    }
    // Documents: words of prose lines again, under their own seed, so the
    // model learns what is suspicious inside pasted content.
    if shape.doc {
        for line in b[..b.len().min(HEAD)].split(|&c| c == b'\n') {
            let l = line.trim_ascii();
            if l.first() == Some(&b'|') || l.len() < 12 {
                continue;
            }
            words(l, out, 10, None);
        }
    }
    segments(parts, &logs, (seg_codes, seg_ends), wide);
    Found {
        cues: counts,
        lone: lone_request(parts, &logs),
        hijack: hijack(parts[0], &logs[0].words, logged).or_else(|| {
            let at = b.len() - parts[1].len();
            hijack(parts[1], &logs[1].words, logged)
                .map(|r| r.start + at..r.end + at)
        }),
    }
}

/// Bytes a text needs before [`lone_request`] looks at it.
const LONE_MIN: usize = 200;

/// Whether `parts` (a text of at least [`LONE_MIN`] bytes and three
/// lines or sentences) has exactly one line or sentence that is a request
/// to an assistant, and that request shares none of its words with the
/// rest of the text: a task planted in a pasted e-mail, table or page
/// ("How does social media marketing impact brand loyalty?" amid a bank
/// notice; "Render your response in Portuguese."). A request of the
/// user's about the text points at it ("Summarize the e-mail below"),
/// and a person's request in an e-mail names its writer ("Can you send
/// me the file?"); neither counts ([`super::cues::POINTERS`]).
///
/// A request is a line or sentence of 4 to 40 words, not a table row,
/// that opens (after [`super::cues::LEADS`]) with a task verb
/// ([`super::cues::TASKS`]), or with a question word
/// ([`super::cues::ASKS`]) and ends in `?`. Its words of five bytes or
/// more are its content; it is lone when it has two or more and three
/// quarters of them occur nowhere else in the text (counted by hash, so
/// a collision can only hide a lone request). One pass over the words
/// the whole-text pass logged; the request's own words are compared
/// with each other, at most 40².
fn lone_request(parts: [&[u8]; 2], logs: &[Log; 2]) -> bool {
    use super::cues::{ASKS, LEADS, POINTERS, SETUPS, TASKS};
    let listed = |bit: u32, w: &LogWord| w.classes & bit != 0;
    if parts[0].len() + parts[1].len() < LONE_MIN {
        return false;
    }
    // Content words seen, by hash: 2^11 counters.
    let slot = |w: &LogWord| (w.uni >> 21) as usize;
    let content = |w: &LogWord| w.end - w.start >= 5;
    let mut seen = [0u8; 1 << 11];
    let (mut units, mut requests) = (0usize, 0usize);
    let mut found: Option<(usize, std::ops::Range<usize>)> = None;
    for (p, (part, log)) in parts.iter().zip(logs).enumerate() {
        let ws = &log.words;
        let gap = |a: usize, b: usize| {
            let from = ws.get(a).map_or(0, |w| w.end as usize);
            let to = ws.get(b).map_or(part.len(), |w| w.start as usize);
            part.get(from..to).unwrap_or_default()
        };
        let mut i = 0;
        while i < ws.len() {
            let mut j = i + 1;
            while j < ws.len() && !unit_break(gap(j - 1, j)) {
                j += 1;
            }
            let unit = &ws[i..j];
            units += 1;
            for w in unit.iter().filter(|w| content(w)) {
                if let Some(s) = seen.get_mut(slot(w)) {
                    *s = s.saturating_add(1);
                }
            }
            let lead = unit.iter().take_while(|w| listed(LEADS, w)).count();
            // The bytes before the unit on its line: a table row opens
            // with `|`.
            let before = match i.checked_sub(1) {
                Some(h) => gap(h, i),
                None => {
                    let to = unit.first().map_or(0, |w| w.start as usize);
                    part.get(..to).unwrap_or_default()
                }
            };
            let before =
                before.rsplit(|&c| c == b'\n').next().unwrap_or_default();
            let asked =
                gap(j - 1, j).trim_ascii_start().first() == Some(&b'?');
            let is_request = (4..=40).contains(&unit.len())
                && !before.contains(&b'|')
                && unit.get(lead).is_some_and(|w| {
                    listed(TASKS, w) || asked && listed(ASKS, w)
                });
            if is_request {
                requests += 1;
                let ok = !unit.iter().any(|w| listed(POINTERS, w));
                found = ok.then_some((p, i..j));
            } else if unit.first().is_some_and(|w| listed(SETUPS, w)) {
                // A role-play set-up ("Imagine you are …", "Remember,
                // …") is a prompt's, so its request is not lone.
                requests += 1;
            }
            i = j;
        }
    }
    let Some(unit) = found.and_then(|(p, r)| logs.get(p)?.words.get(r)) else {
        return false;
    };
    let (Some(first), Some(last)) = (unit.first(), unit.last()) else {
        return false;
    };
    let (first, last) = (first.start as usize, last.end as usize);
    if units < 3
        || requests != 1
        || 10 * (last - first) > 3 * (parts[0].len() + parts[1].len())
    {
        return false;
    }
    let (mut n, mut alone) = (0, 0);
    for w in unit.iter().filter(|w| content(w)) {
        let own =
            unit.iter().filter(|v| content(v) && slot(v) == slot(w)).count();
        n += 1;
        let all = seen.get(slot(w)).map_or(0, |&s| usize::from(s));
        alone += usize::from(all <= own);
    }
    n >= 2 && 4 * alone >= 3 * n
}

/// Whether the bytes between two words end a line or a sentence.
fn unit_break(gap: &[u8]) -> bool {
    gap.iter().enumerate().any(|(k, &c)| {
        c == b'\n'
            || matches!(c, b'.' | b'!' | b'?')
                && gap.get(k + 1).is_some_and(u8::is_ascii_whitespace)
    })
}

/// What the whole-text pass hashed at each position of one part, so
/// the segments reuse it instead of hashing their bytes again.
#[derive(Default)]
struct Log {
    /// The byte 4-gram and 6-gram codes ending at each byte (those
    /// before byte 3 and 5 are never read).
    g4: Vec<u32>,
    g6: Vec<u32>,
    words: Vec<LogWord>,
    /// Byte 3-grams and 5-grams too, before the words ([`wide`]).
    grams: bool,
}

/// One word run of a part: its bytes, unigram code, bigram code with
/// the previous word (0 for the first) and cue classes.
#[derive(Clone, Copy, Default)]
struct LogWord {
    start: u32,
    end: u32,
    uni: u32,
    bi: u32,
    classes: u32,
}

/// Segments featurized at most per text.
pub(crate) const MAX_SEGMENTS: usize = 48;
// Segments are numbered 1..=MAX_SEGMENTS in a byte ([`Stamped`]).
const _: () = assert!(MAX_SEGMENTS < 256);
/// A segment has at least this many bytes (shorter pieces join the next).
const SEGMENT_MIN: usize = 24;

/// Appends the hashed codes of each segment (a line, or a sentence of a
/// long line, at least [`SEGMENT_MIN`] bytes and four words) of the
/// featurized `parts` to `codes`, and the end of each segment's codes to
/// `ends`. The classifier scores the whole text and each segment and
/// keeps the highest, so one planted sentence in a long document is not
/// diluted by the document around it. Nothing is appended for a text of
/// one segment. Each segment gets the byte grams, words and cue pairs
/// that lie inside it, in the order [`hashed_part`] and [`cue_grams`]
/// would give them for the segment alone, read from the whole-text
/// pass's `logs` and deduplicated per segment.
fn segments(
    parts: [&[u8]; 2],
    logs: &[Log; 2],
    (codes, ends): (&mut Vec<u32>, &mut Vec<u32>),
    wide: bool,
) {
    let ranges = segment_ranges(parts);
    if ranges.len() < 2 {
        return;
    }
    // About two codes a byte (4-grams and 6-grams) and a few a word: one
    // allocation instead of a dozen doublings.
    codes.reserve(3 * (parts[0].len() + parts[1].len()));
    // Segment k's codes are deduplicated by stamping each bucket with
    // k + 1 (MAX_SEGMENTS < 256): no bitmap to clear between segments.
    let mut stamp = [0u8; BUCKETS];
    let mut next_word = [0usize; 2];
    for (k, (p, r)) in ranges.into_iter().take(MAX_SEGMENTS).enumerate() {
        let log = &logs[p];
        // Word runs never cross a segment boundary (it follows a
        // non-word byte), and ranges come in order.
        let w0 = next_word[p]
            + log.words[next_word[p]..]
                .iter()
                .take_while(|w| (w.start as usize) < r.start)
                .count();
        let n = log.words[w0..]
            .iter()
            .take_while(|w| (w.end as usize) <= r.end)
            .count();
        next_word[p] = w0 + n;
        if n < 4 {
            continue; // under four words
        }
        let out = Batch::new(codes);
        let keep = if wide { 0 } else { !0 };
        let mut sink =
            Stamped { out, stamp: &mut stamp, k: k as u8 + 1, keep };
        let (s, e) = (r.start, r.end);
        for &g in log.g4.get(s + 3..e.min(s + 5)).unwrap_or_default() {
            sink.push(g);
        }
        if let (Some(g4), Some(g6)) =
            (log.g4.get(s + 5..e), log.g6.get(s + 5..e))
        {
            for (&a, &b) in g4.iter().zip(g6) {
                sink.push(a);
                sink.push(b);
            }
        }
        if wide {
            grams(parts[p].get(s..e).unwrap_or_default(), &mut sink);
        }
        let ws = &log.words[w0..w0 + n];
        for (j, w) in ws.iter().enumerate() {
            sink.push(w.uni);
            if j > 0 {
                sink.push(w.bi);
            }
        }
        let (mut last, mut since) = (0u32, usize::MAX);
        for w in ws {
            since = since.saturating_add(1);
            let c = w.classes & CUE_MASK;
            if c == 0 {
                continue;
            }
            if last != 0 && since <= CUE_REACH {
                cue_pairs(last, c, &mut sink);
            }
            last = c;
            since = 0;
        }
        drop(sink); // its codes reach `codes`
        ends.push(codes.len() as u32);
    }
}

/// The segments of `parts`: (part, byte range), lines and sentences
/// (after `. `, `! `, `? `) of at least [`SEGMENT_MIN`] bytes, shorter
/// pieces joining the next.
fn segment_ranges(parts: [&[u8]; 2]) -> Vec<(usize, std::ops::Range<usize>)> {
    let mut ranges = Vec::new();
    for (p, part) in parts.iter().enumerate() {
        let mut start = 0;
        for (i, &c) in part.iter().enumerate() {
            if !SEGMENT_END[usize::from(c)] {
                continue;
            }
            let end_here = c == b'\n'
                || part.get(i + 1).is_some_and(|c| c.is_ascii_whitespace());
            if end_here && i + 1 - start >= SEGMENT_MIN {
                ranges.push((p, start..i + 1));
                start = i + 1;
            }
        }
        if part.len() > start {
            ranges.push((p, start..part.len()));
        }
    }
    ranges
}

/// The bytes that may end a segment (`\n . ! ?`), as a table: one load
/// a byte in [`segment_ranges`].
static SEGMENT_END: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t
};

/// The cue classes' bits of a word's classes (the bits above are the
/// lone-request lists', [`super::cues::LONE`]).
const CUE_MASK: u32 = (1 << super::cues::CLASSES) - 1;

/// Words further apart than this do not pair as cue classes.
const CUE_REACH: usize = 3;

/// Cue classes of the words of `b`: counted into `counts`, and each pair
/// of classes of two cue words at most [`CUE_REACH`] words apart hashed
/// (seed 30) in text order, so "ignore … previous … instructions" gives
/// OVERRIDE·PRIOR and PRIOR·RULES whatever the language or synonym.
fn cue_grams(
    b: &[u8],
    out: &mut Sink,
    counts: &mut [u16; super::cues::CLASSES],
    log: Option<&mut Vec<LogWord>>,
) {
    let mut last: u32 = 0;
    let mut since = usize::MAX;
    // The whole-text pass logged each word with its unigram code (seed
    // 0), which the cue lookup reuses; otherwise the words are hashed.
    let mut logged = log.map(|l| l.iter_mut());
    let mut runs = word_runs(b);
    loop {
        let c = match logged.as_mut() {
            Some(it) => match it.next() {
                Some(lw) => {
                    let w = &b[lw.start as usize..lw.end as usize];
                    lw.classes = cue_classes(lw.uni, w);
                    lw.classes & CUE_MASK
                }
                None => break,
            },
            None => match runs.next() {
                Some(r) => {
                    cue_classes(unigram(&b[r.clone()]), &b[r]) & CUE_MASK
                }
                None => break,
            },
        };
        since = since.saturating_add(1);
        if c == 0 {
            continue;
        }
        for (k, n) in counts.iter_mut().enumerate() {
            *n += ((c >> k) & 1) as u16;
        }
        if last != 0 && since <= CUE_REACH {
            cue_pairs(last, c, out);
        }
        last = c;
        since = 0;
    }
}

/// Each pair of a class of `last` and a class of `c`, hashed (seed 30).
#[inline]
fn cue_pairs(last: u32, c: u32, out: &mut impl Push) {
    for a in 0..super::cues::CLASSES as u64 {
        if last >> a & 1 == 0 {
            continue;
        }
        for z in 0..super::cues::CLASSES as u64 {
            if c >> z & 1 == 1 {
                out.push(mix(30, a << 8 | z));
            }
        }
    }
}

fn hashed_part(b: &[u8], out: &mut Sink, log: &mut Log) {
    // Byte 4-grams and 6-grams from a rolling 64-bit window: the first
    // five bytes, then a loop with no position tests.
    let mut x: u64 = 0;
    let head = b.len().min(5);
    log.g4 = vec![0; b.len()];
    log.g6 = vec![0; b.len()];
    for (i, &c) in b[..head].iter().enumerate() {
        x = (x << 8) | c as u64;
        if i >= 3 {
            log.g4[i] = mix(1, x & 0xFFFF_FFFF);
            out.push(log.g4[i]);
        }
    }
    for ((&c, g4), g6) in
        b[head..].iter().zip(&mut log.g4[head..]).zip(&mut log.g6[head..])
    {
        x = (x << 8) | c as u64;
        *g4 = mix(1, x & 0xFFFF_FFFF);
        *g6 = mix(6, x & 0xFFFF_FFFF_FFFF);
        out.push(*g4);
        out.push(*g6);
    }
    if log.grams {
        grams(b, out);
    }
    words(b, out, 0, Some(&mut log.words));
}

/// The unigram code of a word of the whole-text pass ([`words`] under
/// seed 0; words are cut at 24 bytes).
#[inline]
fn unigram(w: &[u8]) -> u32 {
    fnv(2, &w[..w.len().min(24)])
}

/// A cue table entry: (key, word or stem, classes).
type Cue = (u32, &'static [u8], u32);

/// Cue entries grouped by the key's top bits, with an index on them:
/// the entries whose key starts with `h` are
/// `entries[first[h]..first[h + 1]]`, a slot of about one entry (keys
/// are hashes), so a lookup reads one slot instead of a binary search.
struct CueTable {
    entries: Vec<Cue>,
    first: Vec<u16>,
    shift: u32,
}

impl CueTable {
    /// Grouped by slot (at least two) by a counting sort: a lookup ORs
    /// its key's classes in its slot, in any order. No ipnsort (3.6 KB).
    fn new(list: Vec<Cue>) -> CueTable {
        let shift =
            32 - list.len().max(2).next_power_of_two().trailing_zeros();
        let (mut next, mut sum) = (vec![0usize; (1 << (32 - shift)) + 1], 0);
        for e in &list {
            if let Some(n) = next.get_mut((e.0 >> shift) as usize + 1) {
                *n += 1;
            }
        }
        for n in next.iter_mut() {
            (sum, *n) = (sum + *n, sum + *n);
        }
        let first = next.iter().map(|&i| i.min(65535) as u16).collect();
        let mut entries = list.clone();
        for e in &list {
            if let Some(at) = next.get_mut((e.0 >> shift) as usize) {
                if let Some(d) = entries.get_mut(*at) {
                    *d = *e;
                }
                *at += 1;
            }
        }
        CueTable { entries, first, shift }
    }

    /// The classes of the entries under `key` that `hit` accepts.
    #[inline]
    fn lookup(&self, key: u32, hit: impl Fn(&[u8]) -> bool) -> u32 {
        let h = (key >> self.shift) as usize;
        let (Some(&a), Some(&z)) = (self.first.get(h), self.first.get(h + 1))
        else {
            return 0;
        };
        let slot = self.entries.get(usize::from(a)..usize::from(z));
        let mut c = 0;
        for &(k, w, classes) in slot.unwrap_or_default() {
            if k == key && hit(w) {
                c |= classes;
            }
        }
        c
    }
}

/// The cue words' table (keyed by unigram code) and the stems' table
/// (keyed by [`stem_key`] times an odd constant, a bijection that
/// spreads the keys over the index); built on first use. A word listed
/// in several classes has an entry for each: a lookup ORs the classes of
/// every entry of its key that it hits, so they need no merging (a
/// search for the word's earlier entry at each word made the build
/// quadratic, ~150,000 compares in the first screen).
fn cue_tables() -> &'static [CueTable; 2] {
    static TABLES: std::sync::OnceLock<[CueTable; 2]> =
        std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let keys: [fn(&[u8]) -> u32; 2] = [unigram, stem_slot_key];
        // The lone-request lists take the bits after the cue classes'.
        let words: Vec<&str> = super::cues::WORDS
            .iter()
            .chain(&super::cues::LONE)
            .copied()
            .collect();
        let lists =
            [(&words[..], keys[0]), (&super::cues::STEMS[..], keys[1])];
        lists.map(|(list, key)| {
            let mut t: Vec<Cue> = Vec::new();
            for (k, words) in list.iter().enumerate() {
                for w in words.split(' ').filter(|w| !w.is_empty()) {
                    t.push((key(w.as_bytes()), w.as_bytes(), 1 << k));
                }
            }
            CueTable::new(t)
        })
    })
}

/// The cue classes ([`super::cues`]) of a folded word whose unigram
/// code ([`unigram`]) is `code`, which the whole-text pass has already
/// computed: a slot of the cue words' table by the code, and a byte
/// comparison, no hashing of the word again. A word that is none has
/// the classes of the stems ([`super::cues::STEMS`]) it starts with: a
/// slot of the stems' table by its first four bytes, then a prefix
/// comparison with the few stems that share them.
#[inline]
fn cue_classes(code: u32, word: &[u8]) -> u32 {
    let [words, stems] = cue_tables();
    let c = words.lookup(code, |w| w == word);
    if c & CUE_MASK != 0 {
        return c;
    }
    let c = c | stems.lookup(stem_slot_key(word), |s| word.starts_with(s));
    if c & CUE_MASK != 0 {
        return c;
    }
    c | cjk_classes(word, words)
}

/// The cue classes of the two-character cue words inside a run of CJK,
/// kana or Hangul text ("请忽略上述提问" has 忽略, 上述 and 提问): such
/// scripts write no spaces, so a run is a clause, not a word. Each
/// three-byte character that starts a window of two is looked up
/// ([`super::cues::CJK_LEADS`]); 0 at once for a run without one.
fn cjk_classes(word: &[u8], words: &CueTable) -> u32 {
    let mut c = 0;
    for (i, &b) in word.iter().enumerate() {
        if !super::cues::CJK_LEADS.contains(&b) {
            continue;
        }
        let Some(w) = word.get(i..i + 6) else { break };
        if w[3] & 0xF0 == 0xE0 {
            c |= words.lookup(unigram(w), |x| x == w);
        }
    }
    c & CUE_MASK
}

/// The stems' table key of a word or stem: [`stem_key`] times an odd
/// constant (equal keys stay equal, different ones different).
#[inline]
fn stem_slot_key(w: &[u8]) -> u32 {
    stem_key(w).wrapping_mul(0x9E37_79B1)
}

/// The first four bytes of a word or stem, as the stem table's key.
#[inline]
fn stem_key(w: &[u8]) -> u32 {
    w.get(..4).map_or(0, |k| u32::from_le_bytes([k[0], k[1], k[2], k[3]]))
}

/// Word unigrams and bigrams under hash seeds `seed+2..=seed+5`: a
/// unigram is `fnv(seed+2, w)`, a bigram `fnv(seed+5, fnv(seed+3, prev)
/// ^ fnv(seed+4, w).rotate_left(7))`. The three word hashes are taken in
/// one pass over the word, and the previous word's is kept.
fn words(
    b: &[u8],
    out: &mut Sink,
    seed: u32,
    mut log: Option<&mut Vec<LogWord>>,
) {
    // Words: runs of ASCII alphanumerics or non-ASCII bytes; CJK text is
    // covered by the byte n-grams.
    let mut prev: Option<u32> = None;
    let mut at = 0;
    while let Some(r) = next_run(b, &mut at) {
        let w = &b[r.start..r.end.min(r.start + 24)];
        let (mut h2, mut h3, mut h4) =
            (fnv_start(seed + 2), fnv_start(seed + 3), fnv_start(seed + 4));
        for &c in w {
            h2 = fnv_step(h2, c);
            h3 = fnv_step(h3, c);
            h4 = fnv_step(h4, c);
        }
        let uni = fnv_finish(h2);
        out.push(uni);
        let mut bi = 0;
        if let Some(p) = prev {
            let h = p ^ fnv_finish(h4).rotate_left(7);
            bi = fnv(seed + 5, &h.to_le_bytes());
            out.push(bi);
        }
        prev = Some(fnv_finish(h3));
        if let Some(l) = log.as_deref_mut() {
            l.push(LogWord {
                start: r.start as u32,
                end: r.end as u32,
                uni,
                bi,
                classes: 0,
            });
        }
    }
}

/// The byte ranges of the words of `b`: runs of [`is_word_byte`].
#[inline(always)]
fn word_runs(b: &[u8]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || next_run(b, &mut i))
}

/// The next word of `b` from byte `*i` on, with `*i` moved past it: as
/// [`word_runs`], for loops that call it inline (`FromFn`'s `next` is a
/// call a word in the wasm).
#[inline(always)]
fn next_run(b: &[u8], i: &mut usize) -> Option<std::ops::Range<usize>> {
    while b.get(*i).is_some_and(|&c| !is_word_byte(c)) {
        *i += 1;
    }
    let s = *i;
    while b.get(*i).is_some_and(|&c| is_word_byte(c)) {
        *i += 1;
    }
    (s < *i).then_some(s..*i)
}

#[inline(always)]
fn is_word_byte(c: u8) -> bool {
    WORD_BYTE[usize::from(c)]
}

/// [`is_word_byte`] as a table: ASCII alphanumerics and every non-ASCII
/// byte (one load instead of three range tests per byte).
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b >= 0x80;
        c += 1;
    }
    t
};

/// The large model's own featurizer pass ([`super::large`]): the codes
/// of [`hashed`] deduplicated by its own `2^bits` buckets (the shipped
/// pass keeps one code per 2^14 bucket, which capped what any bucket
/// count could learn), plus byte 3-grams and 5-grams ([`grams`]). Runs
/// only when a policy uses the large model.
/// Its codes of the featurized text `view` (of shape
/// `shape`) over `2^bits` buckets: (the whole text's, the segments'
/// one after another, where each segment's end), as
/// [`hashed`] gives them.
pub(crate) fn wide(
    view: &str,
    shape: DocShape,
    bits: u32,
) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
    let shift = 32 - bits.clamp(6, 24);
    // Every code of the shared pass, in order; then each bucket's first.
    let (mut all, mut codes, mut ends) = (Vec::new(), Vec::new(), Vec::new());
    {
        let out = Batch::new(&mut all);
        let sink = &mut Sink { out, seen: &mut [0; BUCKETS / 64], keep: 0 };
        hashed_into(view, shape, sink, (&mut codes, &mut ends), true);
    } // the batch reaches `all`
      // A stamp a bucket: the whole text's is 255, segment k's k + 1
      // (MAX_SEGMENTS < 255).
    let mut stamp = vec![0u8; 1 << (32 - shift)];
    let mut first = |from: &[u32], k: u8, to: &mut Vec<u32>| {
        for &code in from {
            if let Some(s) = stamp.get_mut((code >> shift) as usize) {
                if *s != k {
                    *s = k;
                    to.push(code);
                }
            }
        }
    };
    let (mut h, mut c, mut e) = (Vec::new(), Vec::new(), Vec::new());
    first(&all, 255, &mut h);
    let mut from = 0;
    for (k, &end) in ends.iter().enumerate() {
        let end = (end as usize).min(codes.len());
        first(
            codes.get(from.min(end)..end).unwrap_or_default(),
            k as u8 + 1,
            &mut c,
        );
        e.push(c.len() as u32);
        from = end;
    }
    (h, c, e)
}

/// Pushes the byte 3-gram and 5-gram codes of `b` (seeds 13 and 15).
fn grams(b: &[u8], out: &mut dyn Push) {
    let mut x: u64 = 0;
    for (i, &c) in b.iter().enumerate() {
        x = (x << 8) | u64::from(c);
        if i >= 2 {
            out.push(mix(13, x & 0xFF_FFFF));
        }
        if i >= 4 {
            out.push(mix(15, x & 0xFF_FFFF_FFFF));
        }
    }
}

/// Bucket and sign of a feature code.
#[inline]
pub(crate) fn bucket(code: u32) -> (usize, f32) {
    (bucket_of(code), if code & 1 == 1 { 1.0 } else { -1.0 })
}

/// Per-occurrence weight for `n` occurrences.
#[inline]
pub(crate) fn occurrence_weight(n: usize) -> f32 {
    if n == 0 {
        0.0
    } else {
        1.0 / (n as f32).sqrt()
    }
}

mod gibberish;
mod sink;
#[cfg(test)]
mod tests;
