//! Stage 2 of the engine: one rule over one window of the text.
//!
//! regex-lite's PikeVM is slow when it scans, so a rule whose matches are
//! bounded and non-empty runs an anchored search only at the positions of
//! a window whose bytes can start a match (see `syntax`); other rules scan
//! the window. Each match (the span of the rule's group) goes through
//! the checks of stage 3 (`check`) onto the caller's list.

use std::ops::Range;

use super::check::Checks;
use super::prefilter;
pub(super) use super::program::Scratch;
use super::rule::{Detection, Rule};

/// Work of this thread's searches (`crate::work`): bytes handed to the
/// regexes plus window bytes scanned for starts.
fn add_work(n: usize) {
    crate::work::add(crate::work::Work::Engine, n);
}

/// Bytes searched past a rule's longest match, so a match that ends at
/// its bound is never mistaken for one cut short by the search's end.
const SLACK: usize = 4;

/// Where a search for a match starting at or before `from` may stop: the
/// rule's longest match plus slack past it, on a char boundary; the end of
/// the text when the rule is unbounded.
fn match_end(text: &str, from: usize, max_len: Option<usize>) -> usize {
    match max_len {
        Some(n) => {
            prefilter::ceil(text, from.saturating_add(n).saturating_add(SLACK))
        }
        None => text.len(),
    }
}

fn next_boundary(text: &str, at: usize) -> usize {
    let mut i = at + 1;
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Runs one rule over `window` of `text`. The search sees the text
/// before the window (so `\b` at its start is right) but not after it;
/// a match that ends exactly at a cut-off window end may be truncated
/// and is dropped: windows are wider than any match of the rule around
/// its anchor, so no real match ends there.
#[allow(clippy::too_many_arguments)]
pub(super) fn search(
    text: &str,
    index: usize,
    rule: &Rule,
    window: Range<usize>,
    checks: &Checks,
    bounds: &Bounds,
    scratch: &mut Scratch,
    out: &mut Vec<Detection>,
) {
    if rule.anchorable() {
        let (b, s) = (bounds, scratch);
        search_anchored(text, index, rule, window, checks, b, s, out);
    } else {
        scan(text, index, rule, window, checks, out);
    }
}

/// Anchored searches at each position of `window` where a match may
/// begin. Equivalent to scanning, since leftmost-first iteration
/// reports, from each resume point, the match at the earliest position
/// that has one; but a PikeVM dies within a few bytes at positions that
/// do not match, where a scan pays for every byte of the window.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn search_anchored(
    text: &str,
    index: usize,
    rule: &Rule,
    window: Range<usize>,
    checks: &Checks,
    bounds: &Bounds,
    scratch: &mut Scratch,
    out: &mut Vec<Detection>,
) {
    let facts = rule.facts();
    let Some(max_len) = facts.max_len else { return };
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let shape = rule.shape();
    let mut recent = super::shape::Recent::default();
    // Whether a match starts at `p` (the end of the leftmost-first one,
    // from `base`): the rule's program when it has one (exact, a
    // fraction of a PikeVM run), the regex otherwise; a regex is
    // compiled only when needed. The program too is read at a rule's
    // first visit: most rules searched in a text never reach one.
    // At the start of the text there is no char before `p`: search the
    // plain pattern there (the lazily compiled unanchored regex, whose
    // match must then start at 0).
    let mut find_at = |text: &str, p: usize, base: usize, end: usize| {
        let hay = &text[base..end];
        add_work(hay.len());
        if let Some(prog) = rule.program() {
            return prog.find(hay.as_bytes(), p - base, scratch);
        }
        let m = if p == 0 {
            rule.regex()?.find(hay).filter(|m| m.start() == 0)
        } else {
            rule.anchored()?.find(hay)
        };
        m.map(|m| m.end())
    };
    // From a candidate position `p` that passed the first-byte and
    // boundary tests: the shape (the bytes from `p` on must begin a
    // string of the pattern's superset language, see `shape::Shape`:
    // most candidates fail within a few bytes), the search, the checks.
    // Returns where to go on (past a match, or the next byte).
    let mut visit = |p: usize, out: &mut Vec<Detection>| -> usize {
        let at = &bytes[p..];
        if !shape.is_none_or(|s| s.may_start_recent(at, &mut recent)) {
            return p + 1;
        }
        let end = match_end(text, p, Some(max_len));
        let base = if p == 0 { 0 } else { prefilter::floor(text, p - 1) };
        let Some(m_end) = find_at(text, p, base, end) else {
            return p + 1;
        };
        let hay = &text[base..end];
        if end < text.len() && m_end == hay.len() {
            return p + 1;
        }
        let whole = p..base + m_end;
        let span = if rule.group == 0 {
            Some(whole.clone())
        } else {
            let re_here = if p == 0 { rule.regex() } else { rule.anchored() };
            re_here
                .and_then(|re| re.captures(hay))
                .and_then(|c| c.get(rule.group))
                .map(|g| base + g.start()..base + g.end())
        };
        if let Some(span) = span {
            checks.consider(text, index, rule, span, p, out);
        }
        if whole.end > p {
            whole.end
        } else {
            p + 1
        }
    };
    let mut p = window.start;
    let end = window.end.min(bytes.len());
    add_work(end.saturating_sub(p));
    // Every start needs a word boundary before it (numeric rules): visit
    // only the text's boundaries, found once for all rules.
    let at_bounds = !facts.first.meets(&facts.free);
    if at_bounds && facts.first.is_digits() {
        // A digit after a non-word byte (`\b\d…`, most numeric rules):
        // the text's list of those, found once, is every candidate. Its
        // own loop rather than the two-list walk below with no letter
        // starts: that walk costs ~1% more on a text of card numbers
        // (callgrind, `pathological 131072 4111`: 258.4M -> 260.9M).
        let (starts, sifted) = match bounds.sifted_starts(index) {
            Some(list) => (list, true),
            None => (&bounds.digit_starts[..], false),
        };
        let from = starts.partition_point(|&s| (s as usize) < p);
        for &s in &starts[from..] {
            let s = s as usize;
            if s >= end {
                break;
            }
            // The shape's first test inline: most numeric rules fail it
            // at most digit starts of a long number text. The sieve ran
            // the same tests on the starts it kept, save near the end of
            // the text (where it keeps what it cannot read). Only a
            // shortcut: `visit` tests the shape again.
            let sure = sifted && s + super::sieve::OFFSETS <= bytes.len();
            let fits = sure
                || facts.first.contains(bytes[s])
                    && shape.is_none_or(|sh| sh.prefix_fits(&bytes[s..]));
            if s >= p && fits {
                p = visit(s, out);
            }
        }
        return;
    }
    // Every start is a `\b` then a word byte (a letter-first numeric
    // rule, `email`): the text's word starts, found once, are every
    // candidate; a text of numbers has no letter start to visit. So too
    // when the bytes that start a match without the boundary (`+` of
    // `\+90…|\b0…`, the letter of `(?:\b|[A-Za-z])\d{6}`) and those
    // that are no word bytes do not occur in this text: such rules
    // walked every byte of a text of numbers.
    let mut here = facts.first;
    here.intersect(&bounds.present);
    let word_starts = here.word_parts().filter(|_| !here.meets(&facts.free));
    if let Some((digit, alpha)) = word_starts {
        if alpha && !bounds.letters_listed {
            // A long text's letter starts are read from its bits.
            let mut try_at = |s: usize, p: usize| {
                let fits = shape.is_none_or(|sh| sh.prefix_fits(&bytes[s..]));
                let wanted =
                    if bytes[s].is_ascii_digit() { digit } else { true };
                if s >= p && wanted && facts.first.contains(bytes[s]) && fits {
                    visit(s, out)
                } else {
                    p
                }
            };
            bounds.walk_starts(bytes, p, end, &mut try_at);
            return;
        }
        let none: &[u32] = &[];
        let digits = if digit { &bounds.digit_starts[..] } else { none };
        let alphas = if alpha { &bounds.alpha_starts[..] } else { none };
        let mut i = digits.partition_point(|&s| (s as usize) < p);
        let mut j = alphas.partition_point(|&s| (s as usize) < p);
        loop {
            // The two sorted lists in one order (they are disjoint).
            let s = match (digits.get(i), alphas.get(j)) {
                (Some(&d), Some(&a)) if d < a => {
                    i += 1;
                    d
                }
                (Some(&d), None) => {
                    i += 1;
                    d
                }
                (_, Some(&a)) => {
                    j += 1;
                    a
                }
                (None, None) => break,
            } as usize;
            if s >= end {
                break;
            }
            let fits = shape.is_none_or(|sh| sh.prefix_fits(&bytes[s..]));
            if s >= p && facts.first.contains(bytes[s]) && fits {
                p = visit(s, out);
            }
        }
        return;
    }
    let free_word = facts.free.has_word();
    while p < end {
        if at_bounds {
            p = bounds.next(p);
            if p >= end {
                break;
            }
        }
        let b = bytes[p];
        // Most bytes start no match: one table lookup says so. In a run
        // of word bytes, a start that needs a leading `\b` is possible
        // only where the run begins (a run of digits).
        if !facts.first.contains(b) {
            p += 1;
            continue;
        }
        if !facts.free.contains(b)
            && p > 0
            && is_word(bytes[p - 1]) == is_word(b)
        {
            // Inside a run of word bytes (a long number), when every
            // word byte needs the boundary: none of the rest starts one.
            p = if is_word(b) && !free_word {
                bounds.next(p + 1).min(end)
            } else {
                p + 1
            };
            continue;
        }
        let prev_word = p > 0 && is_word(bytes[p - 1]);
        let boundary_ok = facts.free.contains(b) || prev_word != is_word(b);
        if !text.is_char_boundary(p) || !boundary_ok {
            p += 1;
            continue;
        }
        // The shape's first test inline, as for digit starts: most
        // candidates fail it, before the shape's cache is keyed.
        if !shape.is_none_or(|sh| sh.prefix_fits(&bytes[p..])) {
            p += 1;
            continue;
        }
        p = visit(p, out);
    }
}

/// The word boundaries of a text, one bit per byte: `p` where the bytes
/// at `p - 1` and `p` differ in being word bytes (`[A-Za-z0-9_]`), and 0
/// when the text starts with one. Found once per text and shared by every
/// rule searched in it, so rules whose matches start at a `\b` no
/// longer walk every byte of a long digit run each.
pub(super) struct Bounds {
    bits: Vec<u64>,
    /// Positions of an ASCII digit after a non-word byte or at 0: every
    /// start of a rule whose starts are all `\b` then a digit.
    digit_starts: Vec<u32>,
    /// Positions of an ASCII letter or `_` after a non-word byte or at 0;
    /// empty for a long text (see `letters_listed`).
    alpha_starts: Vec<u32>,
    /// Whether `alpha_starts` lists them: not for a text of
    /// [`Bounds::LONG`] bytes or more, where the list took 4 B a word
    /// (8.4 MB of a 10 MiB prompt's wasm memory, issue 16) and
    /// `walk_starts` reads them from `bits` instead.
    letters_listed: bool,
    /// Those that pass each numeric rule's first tests (`sieve`): rule
    /// index -> bit, and per bit where its starts begin in the list of
    /// all (`Sieve::sift`); empty when not sifted.
    sifted: (Vec<u8>, Vec<usize>, Vec<u32>),
    /// The bytes the text holds.
    present: super::syntax::ByteSet,
}

impl Bounds {
    pub(super) fn new(text: &str) -> Bounds {
        Bounds::build(text, text.len() < Self::LONG)
    }

    /// [`Bounds::new`], listing the letter starts or not. Out of line:
    /// inlined into `Engine::detect_depth`, its byte loop was laid out
    /// with its back edge at the end of that 9 KB function, and V8's
    /// Liftoff charges a loop's tier-up budget by the machine code
    /// between its start and its back edge: a 96-byte text then spent
    /// the whole budget and sent `detect_depth` to TurboFan in the first
    /// screen (+70M V8 instructions; docs/PERFORMANCE.md, mem42).
    #[inline(never)]
    fn build(text: &str, letters_listed: bool) -> Bounds {
        let bytes = text.as_bytes();
        let mut bits = vec![0u64; bytes.len() / 64 + 1];
        let (mut digit_starts, mut alpha_starts) = (Vec::new(), Vec::new());
        let mut present = super::syntax::ByteSet::default();
        let mut prev = false;
        for (i, &b) in bytes.iter().enumerate() {
            present.insert(b);
            let w = b.is_ascii_alphanumeric() || b == b'_';
            if w != prev {
                bits[i / 64] |= 1 << (i % 64);
                if b.is_ascii_digit() {
                    digit_starts.push(i as u32);
                } else if w && letters_listed {
                    alpha_starts.push(i as u32);
                }
            }
            prev = w;
        }
        let sifted = (Vec::new(), Vec::new(), Vec::new());
        let listed = letters_listed;
        Bounds {
            bits,
            digit_starts,
            alpha_starts,
            letters_listed: listed,
            sifted,
            present,
        }
    }

    /// From this many bytes on, a text's letter starts are not listed.
    const LONG: usize = prefilter::LONG;

    /// Calls `f(s, p)` at each word start `s` (a digit or a letter after
    /// a non-word byte, or at 0) from `p` to `end`, in order, with `p`
    /// the position `f` last returned (at first the one given): the
    /// starts `search_anchored` merges from its two lists, read from the
    /// boundary bits (a word's end is a boundary too, and is skipped).
    #[inline(never)]
    fn walk_starts(
        &self,
        bytes: &[u8],
        mut p: usize,
        end: usize,
        f: &mut dyn FnMut(usize, usize) -> usize,
    ) {
        let mut at = p;
        loop {
            let s = self.next(at);
            let Some(&b) = bytes.get(s).filter(|_| s < end) else { break };
            if b.is_ascii_alphanumeric() || b == b'_' {
                p = f(s, p);
            }
            at = (s + 1).max(p);
        }
    }

    pub(super) fn digit_start_count(&self) -> usize {
        self.digit_starts.len()
    }

    /// Keeps, per rule of `sieve`, the digit starts that pass its tests.
    pub(super) fn sift(&mut self, bytes: &[u8], sieve: &super::sieve::Sieve) {
        let (from, list) = sieve.sift(bytes, &self.digit_starts);
        self.sifted = (sieve.bits().to_vec(), from, list);
    }

    /// The digit starts of rule `index` that passed the sieve; `None`
    /// when the text was not sifted or the rule is not in the sieve.
    fn sifted_starts(&self, index: usize) -> Option<&[u32]> {
        let (bits, from, list) = &self.sifted;
        let b = usize::from(*bits.get(index)?);
        list.get(*from.get(b)?..*from.get(b + 1)?)
    }

    /// Whether rule `index` has nothing to visit in this text: it is in
    /// the sieve and no digit start passed its tests. Such a rule (every
    /// start `\b` then a digit) finds nothing, whatever its windows.
    pub(super) fn sifted_out(&self, index: usize) -> bool {
        self.sifted_starts(index).is_some_and(<[u32]>::is_empty)
    }

    /// The first boundary at or after `from`; past the text if none.
    fn next(&self, from: usize) -> usize {
        let mut i = from / 64;
        let mut word =
            self.bits.get(i).map_or(0, |w| w & (u64::MAX << (from % 64)));
        while word == 0 {
            i += 1;
            match self.bits.get(i) {
                Some(&w) => word = w,
                None => return usize::MAX,
            }
        }
        i * 64 + word.trailing_zeros() as usize
    }
}

/// Scans `window` with the unanchored regex.
pub(super) fn scan(
    text: &str,
    index: usize,
    rule: &Rule,
    window: Range<usize>,
    checks: &Checks,
    out: &mut Vec<Detection>,
) {
    let Some(re) = rule.regex() else { return };
    // `window` holds starts; matches may run max_len past the last.
    let end = match_end(text, window.end, rule.max_len());
    let window = window.start..end;
    let hay = &text[..window.end];
    let cut = window.end < text.len();
    let mut at = window.start;
    while at <= hay.len() {
        // PERF: find first; captures only when a group is reported.
        add_work(hay.len() - at);
        let Some(m) = re.find_at(hay, at) else { break };
        if cut && m.end() == hay.len() {
            break;
        }
        let span = if rule.group == 0 {
            Some(m.range())
        } else {
            re.captures_at(hay, m.start())
                .and_then(|c| c.get(rule.group))
                .map(|g| g.range())
        };
        if let Some(span) = span {
            checks.consider(text, index, rule, span, m.start(), out);
        }
        at = if m.end() > m.start() {
            m.end()
        } else {
            next_boundary(hay, m.end())
        };
    }
}

#[cfg(test)]
mod tests {
    use super::Bounds;
    use proptest::prelude::*;

    const ALPHABET: [&str; 10] =
        ["a", "Z", "_", "7", "0", " ", "-", ".", "é", "\n"];

    proptest! {
        /// `walk_starts` visits what the merge of the two lists visits,
        /// with the same positions handed back; each visit moves on by
        /// a step of 0-3 bytes (a match's length).
        #[test]
        fn walked_starts_are_the_listed_ones(
            picks in proptest::collection::vec(0..ALPHABET.len(), 0..200),
            cut in (0.0..=1.0f64, 0.0..=1.0f64),
            steps in proptest::collection::vec(0..4usize, 400),
        ) {
            let text: String = picks.iter().map(|&i| ALPHABET[i]).collect();
            let listed = Bounds::build(&text, true);
            let walked = Bounds::build(&text, false);
            prop_assert!(walked.alpha_starts.is_empty());
            let mut all = listed.digit_starts.clone();
            all.extend(&listed.alpha_starts);
            all.sort_unstable();
            let len = text.len();
            let from = (cut.0 * len as f64) as usize;
            let end = from + (cut.1 * (len - from) as f64) as usize;
            let (mut want, mut p) = (Vec::new(), from);
            for &s in &all {
                let s = s as usize;
                if s >= end {
                    break;
                }
                if s >= p {
                    want.push(s);
                    p = s + steps[s];
                }
            }
            let mut got = Vec::new();
            walked.walk_starts(text.as_bytes(), from, end, &mut |s, _| {
                got.push(s);
                s + steps[s]
            });
            prop_assert_eq!(got, want);
        }
    }
}
