//! Keyword prefilter: which rules could match this text, and where?
//!
//! One Aho-Corasick automaton over every rule's keywords, remembering which
//! rules each keyword belongs to (gitleaks' design; regex-automata warns
//! that prefilters which forget the pattern make every candidate re-run
//! every rule). Contract: the candidate set is a superset of the rules that
//! can match. It may include rules that then find nothing; it must never
//! leave out a rule that would match.
//!
//! Beyond *which* rules, it says *where*: the positions at which a match
//! of the rule may start. A match must contain one of its rule's anchors:
//! for rules with keywords, a keyword hit, widened by the context window
//! unless the keyword is a separator inside the match (a built-in rule's
//! keyword without letters or digits, such as `.` in a MAC address); an
//! ASCII digit for rules without (a test checks every built-in example
//! and the dev corpus). So it starts at most `max_len` bytes before the
//! anchor ends and no later than the anchor's last byte.
//! Rules with no length bound may start anywhere once anchored.

use std::ops::Range;
use std::sync::Arc;

use super::context;
use super::rule::{Rule, Words};
use crate::literals::{Literals, MatchKind};

/// Flag on an owner: the keyword may stand near the match, not in it.
const NEAR: u32 = 1 << 31;

#[derive(Debug)]
pub(crate) struct Prefilter {
    /// Shared with the response stream (see [`Prefilter::keyword_map`]).
    automaton: Option<Arc<Literals>>,
    /// The keywords (lowercase) by pattern id.
    words: Words,
    /// keyword pattern id -> its group: keywords with the same owners
    /// (the ten digits of the numeric rules) share one
    group_of: Vec<u32>,
    /// group -> rule indices, with [`NEAR`]
    owners: Vec<Vec<u32>>,
    /// group -> a gap between two hits of the group across which every
    /// owner's windows join (see [`reach`])
    reach: Vec<usize>,
    /// rules with no keywords: always candidates
    always: Vec<u32>,
}

impl Prefilter {
    pub(crate) fn new(rules: &[Rule]) -> Prefilter {
        let mut words = Words::default();
        let mut owners: Vec<Vec<u32>> = Vec::new();
        let mut always = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            if rule.keywords.is_empty() {
                always.push(i as u32);
                continue;
            }
            for kw in &rule.keywords {
                let owner = i as u32
                    | if rule.keyword_may_be_near(kw) { NEAR } else { 0 };
                let id = words.id(kw) as usize;
                if id == owners.len() {
                    owners.push(Vec::new());
                }
                if let Some(o) = owners.get_mut(id) {
                    o.push(owner);
                }
            }
        }
        // Standard semantics: overlapping iteration reports every keyword
        // present, including one inside another keyword. The words are
        // lowercase and the search runs over the text in lowercase (see
        // `Literals::lowercase`).
        let refs: Vec<&str> = words.all().iter().map(String::as_str).collect();
        let automaton =
            Some(Arc::new(Literals::new(&refs, MatchKind::Standard)));
        // Keywords of one list are numbered in a row (a numeric rule's
        // ten digits): a keyword joins the group of the one before when
        // their owners are equal. Linear, not a search of every group.
        let mut groups: Vec<Vec<u32>> = Vec::new();
        let group_of = owners
            .into_iter()
            .map(|o| {
                if groups.last() != Some(&o) {
                    groups.push(o);
                }
                groups.len() as u32 - 1
            })
            .collect();
        let reach = groups.iter().map(|o| reach(o)).collect();
        Prefilter { automaton, words, group_of, owners: groups, reach, always }
    }

    /// The keyword automaton (lowercase words, searched in lowercased
    /// text) and, per pattern id, the index in `words` of the same
    /// keyword (`u32::MAX`: none): the response stream looks for its
    /// rules' keywords with it instead of building its own. `None` when
    /// the automaton could not be built.
    pub(crate) fn keyword_map(
        &self,
        words: &[String],
    ) -> Option<(Arc<Literals>, Vec<u32>)> {
        let ac = self.automaton.clone()?;
        let mut map = vec![u32::MAX; self.words.all().len()];
        for (k, w) in words.iter().enumerate() {
            // Not a keyword of these rules: the caller's words would go
            // unseen, so it must build its own.
            let id = self.words.get(w)?;
            if let Some(m) = map.get_mut(id as usize) {
                *m = k as u32;
            }
        }
        Some((ac, map))
    }

    /// Adds the windows of one (joined) keyword anchor to its owners.
    #[allow(clippy::too_many_arguments)]
    fn visit_owners(
        &self,
        g: usize,
        anchor: Range<usize>,
        text: &str,
        rules: &[Rule],
        digits: usize,
        out: &mut [Vec<Range<usize>>],
    ) {
        // A keyword may also be a context word near the match (rules
        // that run only where one occurs): then widen the anchor by the
        // context window on both sides.
        let near = anchor.start.saturating_sub(context::WINDOW_AFTER)
            ..anchor
                .end
                .saturating_add(context::WINDOW_BEFORE)
                .min(text.len());
        for &owner in &self.owners[g] {
            let i = (owner & !NEAR) as usize;
            let Some(rule) = rules.get(i) else { continue };
            // Its windows would all be dropped below for want of digits
            // (prose: most keyword hits).
            if rule.min_digits() > digits {
                continue;
            }
            let a =
                if owner & NEAR != 0 { near.clone() } else { anchor.clone() };
            push_window(text, &mut out[i], a, rule.max_len());
        }
    }

    /// The rules that may match, by index, each with the ranges where a
    /// match may start, sorted and disjoint. Rules left out do not run.
    /// `lower` is `text` lowercased by `literals::lower` (same offsets).
    pub(crate) fn windows(
        &self,
        text: &str,
        lower: &str,
        rules: &[Rule],
    ) -> Vec<(usize, Vec<Range<usize>>)> {
        let mut out: Vec<Vec<Range<usize>>> = vec![Vec::new(); rules.len()];
        let runs = digit_runs(text);
        let digits: usize = runs.iter().map(|r| r.len()).sum();
        if !self.always.is_empty() {
            // A rule without keywords whose match needs no digit (only
            // custom rules: a built-in one always needs one) has no anchor
            // to look for: it runs over the whole text.
            for &i in &self.always {
                if rules[i as usize].min_digits() == 0 {
                    out[i as usize].push(0..text.len());
                }
            }
            if !runs.is_empty() {
                // digits_before[k]: digits in text[..runs[k].start]
                let mut digits_before = Vec::with_capacity(runs.len() + 1);
                let mut total = 0;
                for r in &runs {
                    digits_before.push(total);
                    total += r.len();
                }
                digits_before.push(total);
                for &i in &self.always {
                    let rule = &rules[i as usize];
                    let (min_digits, max_len) =
                        (rule.min_digits(), rule.max_len());
                    let list = &mut out[i as usize];
                    for (k, r) in runs.iter().enumerate() {
                        if min_digits > r.len() {
                            // A match holding this run spans at most
                            // max_len bytes: count the digits within reach.
                            let reach = max_len.unwrap_or(usize::MAX);
                            let lo = r.start.saturating_sub(reach);
                            let hi = r.end.saturating_add(reach);
                            let first =
                                runs[..k].partition_point(|x| x.end <= lo);
                            let last = k + runs[k..]
                                .partition_point(|x| x.start < hi);
                            if digits_before[last] - digits_before[first]
                                < min_digits
                            {
                                continue;
                            }
                        }
                        // Any digit of the run may be the match's anchor.
                        push_window(text, list, r.start..r.end, max_len);
                    }
                }
            }
        }
        match &self.automaton {
            Some(ac) => {
                // Per group, the hits joined so far (start, end).
                let visit = |g, a, out: &mut Vec<Vec<Range<usize>>>| {
                    self.visit_owners(g, a, text, rules, digits, out)
                };
                let mut pending: Vec<(usize, usize)> =
                    vec![(usize::MAX, 0); self.owners.len()];
                // Lowercase words, searched in the lowercased text (same
                // offsets): see `Literals::lowercase`.
                for m in ac.find_overlapping_iter(lower) {
                    let Some(&g) = self.group_of.get(m.literal()) else {
                        continue;
                    };
                    let g = g as usize;
                    let (s, e) = pending[g];
                    if s != usize::MAX {
                        let close =
                            m.start() <= e || m.start() - e <= self.reach[g];
                        if close {
                            pending[g] = (s.min(m.start()), e.max(m.end()));
                            continue;
                        }
                        visit(g, s..e, &mut out);
                    }
                    pending[g] = (m.start(), m.end());
                }
                for (g, &(s, e)) in pending.iter().enumerate() {
                    if s != usize::MAX {
                        visit(g, s..e, &mut out);
                    }
                }
            }
            // Could not build the automaton: stay sound, run everything.
            None => out.iter_mut().for_each(|l| l.push(0..text.len())),
        }
        let mut candidates = Vec::new();
        for (i, (list, rule)) in out.iter_mut().zip(rules).enumerate() {
            if list.is_empty() {
                continue;
            }
            merge(list);
            // A match holds `min_digits` digits, all within `max_len` bytes
            // of its start: keyword windows without that many digits in
            // reach cannot hold one (in prose, most keyword hits).
            let need = rule.min_digits();
            let max_len = rule.max_len();
            if need > 0 && !rule.keywords.is_empty() {
                list.retain(|w| {
                    let reach = match max_len {
                        Some(n) => w.end.saturating_add(n + SLACK),
                        None => usize::MAX,
                    };
                    has_digits(&runs, w.start..reach, need)
                });
            }
            if !list.is_empty() {
                candidates.push((i, std::mem::take(list)));
            }
        }
        candidates
    }
}

/// Two hits of a group whose gap (next start minus this end) is at most
/// this give every owner one window for both, the same as the union of
/// their own: `push_window` starts a window `max_len + SLACK - 1` bytes
/// before the anchor (`max_len` ≥ 0), and a near anchor adds the context
/// window on both sides. So hits that close are joined before the owners
/// are visited (a run of digits is one anchor, not one per digit for each
/// of the ~60 numeric rules). A bound without `max_len`: reading it would
/// parse every owner's pattern when the filter first sees a digit.
fn reach(owners: &[u32]) -> usize {
    owners
        .iter()
        .map(|&owner| {
            let near = if owner & NEAR != 0 {
                context::WINDOW_AFTER + context::WINDOW_BEFORE
            } else {
                0
            };
            SLACK - 1 + near
        })
        .min()
        .unwrap_or(0)
}

/// Whether `runs` hold at least `need` ASCII digits inside `range`;
/// stops counting once they do (a window over a long digit text would
/// otherwise count every run in it, once per rule).
fn has_digits(
    runs: &[Range<usize>],
    range: Range<usize>,
    need: usize,
) -> bool {
    let first = runs.partition_point(|r| r.end <= range.start);
    let mut seen = 0;
    for r in runs[first..].iter().take_while(|r| r.start < range.end) {
        seen += r.end.min(range.end) - r.start.max(range.start);
        if seen >= need {
            return true;
        }
    }
    seen >= need
}

/// Maximal runs of ASCII digits.
fn digit_runs(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            runs.push(s..i);
        } else {
            i += 1;
        }
    }
    runs
}

/// Slack before a window so a bound that is off by a char (a multi-byte
/// char counted as one) still covers every start.
const SLACK: usize = 4;

/// Adds the start positions of matches that contain some byte of
/// `anchor` and are at most `max_len` long.
fn push_window(
    text: &str,
    list: &mut Vec<Range<usize>>,
    anchor: Range<usize>,
    max_len: Option<usize>,
) {
    let w = match max_len {
        Some(n) => {
            floor(text, (anchor.start + 1).saturating_sub(n + SLACK))
                ..ceil(text, anchor.end)
        }
        None => 0..text.len(),
    };
    // Windows arrive roughly in text order: extend the last when they
    // overlap, so long runs of anchors stay one window.
    if let Some(last) = list.last_mut() {
        if w.start <= last.end && w.end >= last.start {
            last.start = last.start.min(w.start);
            last.end = last.end.max(w.end);
            return;
        }
    }
    list.push(w);
}

fn merge(list: &mut Vec<Range<usize>>) {
    if list.len() < 2 {
        return;
    }
    crate::order::sort_by_key(list, |r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(list.len());
    for r in list.drain(..) {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => {
                last.end = last.end.max(r.end)
            }
            _ => merged.push(r),
        }
    }
    *list = merged;
}

/// The char boundary at or before `at` (clamped to the text).
pub(super) fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The char boundary at or after `at` (clamped to the text).
pub(super) fn ceil(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}
