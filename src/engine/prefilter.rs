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

/// `rule`'s keywords, as owners of their ids.
#[inline(never)]
fn add_keywords(
    words: &mut Words,
    owners: &mut Vec<Vec<u32>>,
    rule: &Rule,
    i: u32,
) {
    for kw in rule.keywords.iter() {
        let owner = i | if rule.keyword_may_be_near(kw) { NEAR } else { 0 };
        let id = words.id(kw) as usize;
        if id == owners.len() {
            owners.push(Vec::new());
        }
        if let Some(o) = owners.get_mut(id) {
            o.push(owner);
        }
    }
}

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
    /// rules with no keywords: always candidates
    always: Vec<u32>,
}

impl Prefilter {
    /// Out of line (issue 16): its loop over every keyword would make V8
    /// tier up the whole filter constructor it was inlined into.
    #[inline(never)]
    pub(crate) fn new(rules: &[Rule]) -> Prefilter {
        let mut words = Words::default();
        let mut owners: Vec<Vec<u32>> = Vec::new();
        let mut always = Vec::new();
        // A rule's keywords out of line (issue 16), as `ContextIndex`'s
        // words: inline, this loop over every rule ran over V8's tier-up
        // budget in the filter constructor.
        for (i, rule) in rules.iter().enumerate() {
            if rule.keywords.is_empty() {
                always.push(i as u32);
            } else {
                add_keywords(&mut words, &mut owners, rule, i as u32);
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
        Prefilter { automaton, words, group_of, owners: groups, always }
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

    /// Two hits of group `g` whose gap (next start minus this end) is at
    /// most this give every owner one window for both, the same as the
    /// union of their own: `Found::push` starts a window
    /// `max_len + SLACK - 1` bytes before the anchor's start and ends it
    /// at the anchor's end, so the windows of anchors that far apart
    /// touch; a near anchor
    /// adds the context window on both sides. So hits that close are
    /// joined before the owners are visited: a run of digits is one
    /// anchor, not one per digit for each of the ~60 numeric rules, and
    /// "12-34.56/78 …" one for the owners of `-`, not one per dash. Only
    /// the owners that get windows in this text count (the others are
    /// skipped at every visit); their bounds are the ones the visits read.
    fn join_reach(&self, g: usize, rules: &[Rule], digits: usize) -> usize {
        let Some(owners) = self.owners.get(g) else { return 0 };
        owners
            .iter()
            .filter_map(|&owner| {
                let rule = rules.get((owner & !NEAR) as usize)?;
                if rule.min_digits() > digits {
                    return None;
                }
                let near = if owner & NEAR != 0 {
                    context::WINDOW_AFTER + context::WINDOW_BEFORE
                } else {
                    0
                };
                Some(rule.max_len().map_or(usize::MAX, |n| {
                    n.saturating_add(SLACK - 1 + near)
                }))
            })
            .min()
            .unwrap_or(usize::MAX)
    }

    /// The rules that may match, each with the ranges where a match may
    /// start: `found(rule index, range)`, by rule index, and per rule
    /// sorted and disjoint. Rules left out do not run; neither do those
    /// `wanted` turns down (their windows are not worked out).
    ///
    /// The keyword hits are kept once per group (joined, in text order),
    /// not once per owner: a rule's windows are worked out from its
    /// groups' anchors when its turn comes, so a call holds the anchors
    /// and one rule's windows at a time. (A list of every owner's windows
    /// over the whole text, ~60 numeric rules per run of digits, was most
    /// of the memory of a 10 MiB document: issue 16.) A rule's windows
    /// are the union of its anchors' (`window`), whatever their order.
    pub(crate) fn windows(
        &self,
        text: &str,
        rules: &[Rule],
        wanted: &dyn Fn(usize, &Rule) -> bool,
        found: &mut dyn FnMut(usize, Range<usize>),
    ) {
        let runs = digit_runs(text);
        let digits: usize = runs.iter().map(|r| r.len()).sum();
        // Per group: 1 + its index in `hits`, 0: not hit. The one array
        // a call zeroes (4 bytes a group), at the first keyword hit (a
        // text without one makes none); the rest grows with the hits.
        let mut slot: Vec<u32> = Vec::new();
        let mut hits: Vec<Hit> = Vec::new();
        // Each anchor links to its group's anchor before it.
        let mut anchors: Vec<(Range<usize>, u32)> = Vec::new();
        let mut visit = |h: &mut Hit, a: Range<usize>| {
            anchors.push((a, h.last));
            h.last = anchors.len() as u32;
        };
        if let Some(ac) = &self.automaton {
            // Lowercase words, searched in the text read in lowercase.
            for m in ac.find_overlapping_iter(text, true) {
                let Some(&g) = self.group_of.get(m.literal()) else {
                    continue;
                };
                if slot.is_empty() {
                    slot = vec![0; self.owners.len()];
                }
                let Some(k) = slot.get_mut(g as usize) else { continue };
                if *k == 0 {
                    hits.push(Hit { group: g, last: 0, pending: [0; 3] });
                    *k = hits.len() as u32;
                }
                let Some(h) = hits.get_mut(*k as usize - 1) else {
                    continue;
                };
                let [s, e1, r1] = h.pending;
                let reach = match r1.checked_sub(1) {
                    Some(r) => r,
                    None => self.join_reach(g as usize, rules, digits),
                };
                let r1 = reach.saturating_add(1);
                h.pending = [m.start(), m.end() + 1, r1];
                if e1 != 0 {
                    let e = e1 - 1;
                    let close = m.start() <= e || m.start() - e <= reach;
                    if close {
                        h.pending = [s.min(m.start()), e.max(m.end()) + 1, r1];
                        continue;
                    }
                    visit(h, s..e);
                }
            }
            for h in &mut hits {
                let [s, e1, _] = h.pending;
                if e1 != 0 {
                    visit(h, s..e1 - 1);
                }
            }
        }
        // Per rule: 1 + the index in `links` of its last (owner with
        // `NEAR`, 1 + the index in `anchors` of the group's last anchor,
        // link before); 0: none. `set`: the rules to visit, a bit each
        // (no walk of every rule, no sort).
        let mut first: Vec<u32> =
            if hits.is_empty() { Vec::new() } else { vec![0; rules.len()] };
        let mut set: Vec<u64> = vec![0; rules.len() / 64 + 1];
        let mut mark = |i: usize| {
            if let Some(w) = set.get_mut(i / 64) {
                *w |= 1 << (i % 64);
            }
        };
        let mut links: Vec<[u32; 3]> = Vec::new();
        for h in &hits {
            for &owner in
                self.owners.get(h.group as usize).into_iter().flatten()
            {
                let i = (owner & !NEAR) as usize;
                if let Some(f) = first.get_mut(i) {
                    links.push([owner, h.last, *f]);
                    *f = links.len() as u32;
                    mark(i);
                }
            }
        }
        // Rules without keywords (every rule when the automaton could not
        // be built: stay sound) are candidates anyway.
        if self.automaton.is_none() {
            (0..rules.len()).for_each(&mut mark);
        } else {
            self.always.iter().for_each(|&a| mark(a as usize));
        }
        // digits_before[k]: digits in text[..runs[k].start]
        let mut digits_before = Vec::new();
        if !self.always.is_empty() && !runs.is_empty() {
            let mut total = 0;
            for r in &runs {
                digits_before.push(total);
                total += r.len();
            }
            digits_before.push(total);
        }
        let mut always = self.always.iter().peekable();
        let mut list: Vec<Range<usize>> = Vec::new();
        // The rules of `set`, in order.
        let todo = set.iter().enumerate().flat_map(|(w, &bits)| {
            let mut bits = bits;
            std::iter::from_fn(move || {
                let i = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits.checked_sub(1)?;
                Some(i)
            })
        });
        for i in todo {
            let is_always = always.next_if(|&&a| a as usize == i).is_some();
            let Some(rule) = rules.get(i) else { continue };
            if !wanted(i, rule) {
                continue;
            }
            list.clear();
            let (min_digits, max_len) = (rule.min_digits(), rule.max_len());
            if is_always {
                // A rule without keywords whose match needs no digit (only
                // custom rules: a built-in one always needs one) has no
                // anchor to look for: it runs over the whole text.
                if min_digits == 0 {
                    add(&mut list, 0, window(text, 0..text.len(), None));
                }
                for (k, r) in runs.iter().enumerate() {
                    if min_digits > r.len() {
                        // A match holding this run spans at most
                        // max_len bytes: count the digits within reach.
                        let reach = max_len.unwrap_or(usize::MAX);
                        let lo = r.start.saturating_sub(reach);
                        let hi = r.end.saturating_add(reach);
                        let first = runs[..k].partition_point(|x| x.end <= lo);
                        let last =
                            k + runs[k..].partition_point(|x| x.start < hi);
                        if digits_before[last] - digits_before[first]
                            < min_digits
                        {
                            continue;
                        }
                    }
                    // Any digit of the run may be the match's anchor.
                    add(&mut list, 0, window(text, r.clone(), max_len));
                }
            }
            if self.automaton.is_none() {
                // Could not build the automaton: stay sound, run everything.
                add(&mut list, 0, window(text, 0..text.len(), None));
            }
            // Its keyword windows would all be dropped below for want of
            // digits (prose: most keyword hits).
            let mut k = if min_digits > digits {
                0
            } else {
                first.get(i).copied().unwrap_or(0)
            };
            // Its anchors' lowest start, and whether any of its keywords
            // may stand near a match, or all do (see `trim`).
            let (mut lowest, mut any_near, mut all_near) =
                (usize::MAX, false, true);
            while let Some(&[owner, last, before]) =
                links.get((k as usize).wrapping_sub(1))
            {
                k = before;
                // A keyword may also be a context word near the match
                // (rules that run only where one occurs): then widen the
                // anchor by the context window on both sides.
                let near = owner & NEAR != 0;
                any_near |= near;
                all_near &= near;
                // The group's anchors come last first: added so, then
                // turned, they are in text order.
                let from = list.len();
                let mut a = last;
                while let Some((anchor, before)) =
                    anchors.get((a as usize).wrapping_sub(1))
                {
                    a = *before;
                    lowest = lowest.min(anchor.start);
                    let anchor = if near {
                        anchor.start.saturating_sub(context::WINDOW_AFTER)
                            ..anchor
                                .end
                                .saturating_add(context::WINDOW_BEFORE)
                                .min(text.len())
                    } else {
                        anchor.clone()
                    };
                    add(&mut list, from, window(text, anchor, max_len));
                }
                list[from..].reverse();
            }
            if list.is_empty() {
                continue;
            }
            merge(&mut list);
            // A match holds `min_digits` digits, all within `max_len` bytes
            // of its start: keyword windows without that many digits in
            // reach cannot hold one (in prose, most keyword hits).
            let keyed = min_digits > 0 && !rule.keywords.is_empty();
            // A long rule whose anchors lie in its matches: their
            // bytes (see `trim`), read at its first window kept. The
            // shape is built on first use: windows the digit test drops,
            // and rules whose anchors may stand outside a match, need
            // none (the first screen's cost, issue 16).
            let long = max_len
                .filter(|&n| n >= NARROW_MIN && lowest != usize::MAX)
                .filter(|_| !any_near || rule.letters_in_match());
            let mut alphabet = None;
            // Every match holds one of its anchors whole (`held_starts`).
            let held = max_len
                .filter(|_| lowest != usize::MAX)
                .and_then(|n| Some((n, rule.keyword_lead()?)));
            for mut w in list.drain(..) {
                let kept = !keyed || {
                    let reach = match max_len {
                        Some(n) => w.end.saturating_add(n + SLACK),
                        None => usize::MAX,
                    };
                    has_digits(&runs, w.start..reach, min_digits)
                };
                if !kept {
                    continue;
                }
                let whole = w.clone();
                if let Some((n, lead)) = held {
                    w = held_starts(text, &w, lowest, n, lead, all_near);
                }
                if let Some(n) = long {
                    let a = *alphabet.get_or_insert_with(|| {
                        let shape = rule.shape();
                        shape
                            .map(|s| s.alphabet())
                            .filter(|a| !a.contains(b' '))
                    });
                    if let Some(a) = a {
                        let far = n + SLACK - 1;
                        let far = far
                            + if all_near { context::WINDOW_AFTER } else { 0 };
                        w.start =
                            w.start.max(trim(text, &whole, lowest, far, a));
                    }
                }
                if w.start < w.end {
                    found(i, w);
                }
            }
        }
    }
}

/// Rules at least this long get their windows trimmed (`trim`): e-mail,
/// URLs, wallets, long tokens. Shorter ones (numbers) have short windows.
const NARROW_MIN: usize = 64;

/// The first start of window `w` (a rule's, merged) at which a match
/// may begin when every match holds some byte of an anchor of `w` and is
/// made of `alphabet`'s bytes: after the last byte not in it at or
/// before the first anchor's start ("the word before `@`", not the ~340
/// bytes before it). That start is at least `lowest` (the rule's first
/// anchor) and, unless `w` starts the text, `w.start + far` (an anchor's
/// window starts at most `far` bytes before it). Only the start moves: a
/// match found in `w` still hides the starts it covers, as before.
fn trim(
    text: &str,
    w: &Range<usize>,
    lowest: usize,
    far: usize,
    alphabet: &super::syntax::ByteSet,
) -> usize {
    let bytes = text.as_bytes();
    let at = if w.start == 0 { lowest } else { lowest.max(w.start + far) };
    let mut k = at.saturating_add(1).min(w.end).min(bytes.len());
    while k > w.start
        && bytes.get(k - 1).is_some_and(|&b| alphabet.contains(b))
    {
        k -= 1;
    }
    ceil(text, k.max(w.start))
}

/// The starts of window `w` (a rule's, merged) at which a match may
/// begin when every match holds an anchor of `w` whole: from `lead` (a
/// match's most bytes before the first keyword it holds,
/// `Rule::keyword_lead`) before its first anchor's start to its last
/// anchor's start.
/// The first anchor starts at `lowest` (the rule's first) or later and,
/// unless `w` starts the text, `far` bytes after `w.start` or later; the
/// last one ends at least `context::WINDOW_BEFORE` bytes before `w.end`
/// when `all_near` widened every anchor so and `w` ends before the text
/// does. Only starts no match can begin at are left out and the window
/// is not split: the search finds the same matches and hides the same
/// starts (the month names' windows in prose, issue 13).
fn held_starts(
    text: &str,
    w: &Range<usize>,
    lowest: usize,
    max_len: usize,
    lead: usize,
    all_near: bool,
) -> Range<usize> {
    let near = |k: usize| if all_near { k } else { 0 };
    let far = max_len + SLACK - 1 + near(context::WINDOW_AFTER);
    let at = if w.start == 0 { lowest } else { lowest.max(w.start + far) };
    let start = floor(text, at.saturating_sub(lead.min(max_len + SLACK - 1)));
    let end = if w.end < text.len() {
        ceil(text, w.end.saturating_sub(near(context::WINDOW_BEFORE)))
    } else {
        w.end
    };
    w.start.max(start)..end.min(w.end)
}

/// A keyword group hit in the text being screened.
struct Hit {
    group: u32,
    /// 1 + the index in `anchors` of the group's last anchor; 0: none.
    last: u32,
    /// The hits joined so far, [start, end + 1] (0: none pending), and
    /// the group's `join_reach` + 1 (0: not worked out yet).
    pending: [usize; 3],
}

/// The start positions of matches that contain some byte of `anchor` and
/// are at most `max_len` long.
fn window(
    text: &str,
    anchor: Range<usize>,
    max_len: Option<usize>,
) -> Range<usize> {
    match max_len {
        Some(n) => {
            floor(text, (anchor.start + 1).saturating_sub(n + SLACK))
                ..ceil(text, anchor.end)
        }
        None => 0..text.len(),
    }
}

/// Adds `w` to `list`, joined to its last window, if that is at `from` or
/// after, when they overlap or touch: a rule's windows arrive in text
/// order (or its reverse) per group, so runs of anchors stay one window;
/// `merge` joins the rest.
fn add(list: &mut Vec<Range<usize>>, from: usize, w: Range<usize>) {
    if list.len() > from {
        if let Some(l) = list.last_mut() {
            if w.start <= l.end && w.end >= l.start {
                l.start = l.start.min(w.start);
                l.end = l.end.max(w.end);
                return;
            }
        }
    }
    list.push(w);
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

/// Sorts `list` and joins the ranges that overlap or touch, in place.
fn merge(list: &mut Vec<Range<usize>>) {
    if list.len() < 2 {
        return;
    }
    crate::order::sort_by_key(list, |r| r.start);
    // `list[..n]` is merged; `n <= k`.
    let mut n: usize = 0;
    for k in 0..list.len() {
        let r = list[k].clone();
        match n.checked_sub(1).and_then(|j| list.get_mut(j)) {
            Some(last) if r.start <= last.end => {
                last.end = last.end.max(r.end)
            }
            _ => {
                list[n] = r;
                n += 1;
            }
        }
    }
    list.truncate(n);
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
