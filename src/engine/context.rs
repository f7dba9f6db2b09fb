//! Context words: whole words near a match that raise its score, and
//! anti-context words ("order", "invoice", "version") that lower it.
//!
//! Presidio matches context as substrings by default ("lic" in
//! "duplicate"); we match whole words only, in a fixed window around the
//! match, found with one Aho-Corasick pass over the text.

use super::rule::{Detection, Rule, Words};
use crate::literals::{Literals, MatchKind};

/// Bytes before a match searched for context words.
pub(crate) const WINDOW_BEFORE: usize = 48;
/// Bytes after a match searched for context words.
pub(crate) const WINDOW_AFTER: usize = 24;
/// Added to the score when a context word is present (capped at 1.0).
pub(crate) const BOOST: f32 = 0.35;
/// Subtracted when an anti-context word is present (floored at 0). Larger
/// than the boost: "order number 0151 2345678" stays below the default
/// threshold although "number" is a phone context word.
pub(crate) const PENALTY: f32 = 0.45;

/// Hits are ordered by end offset; a word longer than this could end
/// past the scan cut-off yet start inside the window.
const MAX_WORD: usize = 64;

/// `rule`'s context and anti-context words, as owners of their ids.
#[inline(never)]
fn add_words(
    words: &mut Words,
    owners: &mut Vec<Vec<u32>>,
    rule: &Rule,
    i: u32,
) {
    let plain = rule.context.iter().map(|w| (w, i));
    let anti = rule.anti_context.iter().map(|w| (w, i | ANTI));
    for (w, owner) in plain.chain(anti) {
        let id = words.id(w) as usize;
        if id == owners.len() {
            owners.push(Vec::new());
        }
        if let Some(o) = owners.get_mut(id) {
            o.push(owner);
        }
    }
}

#[derive(Debug)]
pub(crate) struct ContextIndex {
    automaton: Option<Literals>,
    /// word id -> rule indices that use it; the top bit marks an
    /// anti-context use.
    owners: Vec<Vec<u32>>,
}

const ANTI: u32 = 1 << 31;

impl ContextIndex {
    /// Out of line, as `Prefilter::new`.
    #[inline(never)]
    pub(crate) fn new(rules: &[Rule]) -> ContextIndex {
        let mut words = Words::default();
        let mut owners: Vec<Vec<u32>> = Vec::new();
        // Most rules have no context words: the loop over every rule
        // stays small and the words of the others are added out of line
        // (issue 16: V8 charges a loop its whole body at each turn, and
        // with the adding inline this one-time loop ran over its tier-up
        // budget in the filter constructor).
        for (i, rule) in rules.iter().enumerate() {
            if !rule.context.is_empty() || !rule.anti_context.is_empty() {
                add_words(&mut words, &mut owners, rule, i as u32);
            }
        }
        let automaton = if words.all().is_empty() {
            None
        } else {
            // Lowercase words, searched in the text read in lowercase.
            let words: Vec<&str> =
                words.all().iter().map(String::as_str).collect();
            Some(Literals::new(&words, MatchKind::Standard))
        };
        ContextIndex { automaton, owners }
    }

    /// Raises or lowers each detection's score by the words near it, and
    /// drops detections of context-only rules that have no context word
    /// near them: such a match is not evidence of anything, and left in
    /// it could shadow a real finding it overlaps. (Their keywords gate
    /// them on the whole text, so without this a context word far away
    /// would decide what a span is.)
    pub(crate) fn boost(
        &self,
        text: &str,
        rules: &[Rule],
        detections: &mut Vec<Detection>,
    ) {
        let hits = self.hits(text, rules, detections);
        detections.retain_mut(|d| {
            let rule = &rules[d.rule];
            let (plus, minus) = Self::near(&self.owners, text, &hits, d);
            if minus {
                d.score = (d.score - PENALTY).max(0.0);
            } else if plus {
                d.score = (d.score + BOOST).min(1.0);
            }
            plus || !rule.context_only()
        });
    }

    /// (start, end, word id) of whole-word context occurrences, in text
    /// order; empty when no detection's rule uses context words.
    fn hits(
        &self,
        text: &str,
        rules: &[Rule],
        detections: &[Detection],
    ) -> Vec<(usize, usize, usize)> {
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        let Some(ac) = &self.automaton else { return hits };
        if !detections.iter().any(|d| {
            let r = &rules[d.rule];
            !r.context.is_empty() || !r.anti_context.is_empty()
        }) {
            return hits;
        }
        let bytes = text.as_bytes();
        let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        // Lowercase words, searched in the text read in lowercase.
        for m in ac.find_overlapping_iter(text, true) {
            let (s, e) = (m.start(), m.end());
            let left_ok = s == 0 || !is_word(bytes[s - 1]);
            let right_ok = e == bytes.len() || !is_word(bytes[e]);
            if left_ok && right_ok {
                hits.push((s, e, m.literal()));
            }
        }
        hits
    }

    /// Whether a context word (`.0`) or a describing anti-context word
    /// (`.1`) of the detection's rule is near it.
    fn near(
        owners: &[Vec<u32>],
        text: &str,
        hits: &[(usize, usize, usize)],
        d: &Detection,
    ) -> (bool, bool) {
        let bytes = text.as_bytes();
        let lo = d.span.start.saturating_sub(WINDOW_BEFORE);
        let hi = d.span.end.saturating_add(WINDOW_AFTER);
        let first = hits.partition_point(|h| h.1 <= lo);
        let (mut plus, mut minus) = (false, false);
        let rule = d.rule as u32;
        for h in hits[first..]
            .iter()
            .take_while(|h| h.1 <= hi + MAX_WORD)
            .filter(|h| h.0 < hi)
            .filter(|h| h.1 <= d.span.start || h.0 >= d.span.end)
        {
            // Anti-context counts only before the match with no digit
            // in between: "order number 4471" describes this number,
            // while in "card 4111 ... version 1.2" and "version 1.2,
            // card 4111 ..." the word belongs to another number.
            let describes = h.1 <= d.span.start
                && !bytes[h.1..d.span.start].iter().any(u8::is_ascii_digit);
            for &o in &owners[h.2] {
                if o == rule {
                    plus = true;
                } else if o == rule | ANTI && describes {
                    minus = true;
                }
            }
        }
        (plus, minus)
    }
}
