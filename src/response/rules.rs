//! What the stream's hold-back needs of the filter's rules, built once
//! per filter, and the per-stream record of the rule keywords seen.
//!
//! The hold-back asks, after each re-screen, where a match of some rule
//! could still be forming at the end of the window ([`guard::Guard`]).
//! Most rules share a character class (digits, digits and separators,
//! base64, ...), and for one class the rule with the longest match holds
//! back furthest, so the rules that always count are folded into one
//! guard per distinct class. Rules that need one of their keywords inside
//! the match (most secret rules) count only while the window holds such
//! a keyword, and their guards are read from the pattern the first time
//! that happens: a stream's first push reads the ~90 PII patterns, not
//! all ~480.
//!
//! Keywords are found incrementally: each re-screen searches only the
//! bytes that arrived since the last one (plus a keyword's length of
//! overlap), and the stream remembers where each keyword last occurred.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use super::guard::{self, floor_char, Guard};
use super::pre;
use crate::filter::{Filter, Rule};
use crate::literals::Literals;
use crate::report::Kind;

/// Built once per filter and shared by its streams (`Filter::derived`).
#[derive(Default)]
pub(super) struct StreamRules {
    /// One guard per distinct class of the rules that may be forming a
    /// match whatever the window holds (PII rules, rules without
    /// keywords), with the longest match of its members.
    always: Vec<Guard>,
    /// PII rules gated by context keywords that may sit *outside* their
    /// match: a match can still appear after one ended, when a keyword
    /// arrives within the context window behind it. Per distinct (class,
    /// digits a match needs): the guard, the digits and the longest
    /// match, if bounded.
    gated: Vec<(Guard, usize, Option<usize>)>,
    /// Rules that need one of their keywords inside the match: the rule
    /// index and its guard, read on first use.
    keyed: Vec<(u32, OnceLock<Guard>)>,
    /// Their keywords as (index in `keyed`, index in the rule's
    /// keywords, length in bytes), grouped by first byte: group `b` is
    /// `by_first[starts[b]..starts[b + 1]]` (no sort, no copies).
    by_first: Vec<(u32, u32, u32)>,
    starts: Vec<u32>,
    /// Bit `pair(a, b)`: some keyword starts with bytes `a b` (ASCII
    /// lowercase; a non-ASCII byte shares the bit of its low 7 bits), so
    /// a text ending in the start of a keyword is looked up only where
    /// its two bytes allow one.
    pairs: Vec<u64>,
    /// Longest keyword in bytes.
    longest: usize,
    /// The filter's keyword automaton (every rule keyword, lowercase,
    /// searched in lowercased text; built once for the prompt's
    /// prefilter). `None`: no automaton, every keyed rule always counts.
    ac: Option<Arc<Literals>>,
}

/// Bits of [`StreamRules::pairs`].
const PAIRS: usize = 128 * 128;

/// The bit of two bytes, ASCII case-insensitively.
fn pair(a: u8, b: u8) -> usize {
    let f = |c: u8| usize::from(c.to_ascii_lowercase() & 0x7F);
    f(a) * 128 + f(b)
}

/// Folds `g` into `list`: a guard of the same class (and literal prefix)
/// takes the longer of the two length bounds, which holds back at least
/// as far as either (a lower floor only adds earlier starts).
fn fold(list: &mut Vec<Guard>, g: Guard) {
    match list.iter_mut().find(|x| x.same_class(&g)) {
        Some(x) => x.widen(g.max_len()),
        None => list.push(g),
    }
}

impl StreamRules {
    /// Built at a filter's first stream push. The per-rule work is in
    /// out-of-line functions (issue 16): inlined, the loops over every
    /// rule and keyword ran over V8's tier-up budget in this one function
    /// and its TurboFan compile (12M V8 instructions) was most of the
    /// first push.
    #[inline(never)]
    pub(super) fn new(rules: &[Rule], filter: &Filter) -> StreamRules {
        let mut t = StreamRules::default();
        let mut count = [0u32; 257];
        for (i, r) in rules.iter().enumerate() {
            // A credential part never runs on a response
            // (`filter::detect::wanted`): no match of it to hold back for.
            if r.part {
                continue;
            }
            if r.kind != Kind::Pii && !r.keywords.is_empty() {
                t.keyed.push((i as u32, OnceLock::new()));
                t.count_keywords(r, &mut count);
            } else {
                t.add_guard(i, r);
            }
        }
        t.group_keywords(rules, count);
        // Every rule keyword is in the prefilter's automaton; `&[]`
        // asks for the automaton alone.
        t.ac = filter.keyword_map(&[]).map(|(ac, _)| ac);
        t
    }

    /// A keyed rule's keywords: counted by first byte, the longest, and
    /// their first two bytes in `pairs`.
    #[inline(never)]
    fn count_keywords(&mut self, r: &Rule, count: &mut [u32; 257]) {
        for w in r.keywords.iter() {
            let b = w.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
            count[b as usize + 1] += 1;
            self.longest = self.longest.max(w.len());
            if let [a, b, ..] = w.as_bytes() {
                let k = pair(*a, *b);
                if self.pairs.is_empty() {
                    self.pairs = vec![0; PAIRS / 64];
                }
                if let Some(x) = self.pairs.get_mut(k / 64) {
                    *x |= 1 << (k % 64);
                }
            }
        }
    }

    /// The guard of rule `i`, which counts whatever the window holds:
    /// folded into `always`, and into `gated` for a PII rule gated by
    /// context keywords.
    #[inline(never)]
    fn add_guard(&mut self, i: usize, r: &Rule) {
        // The built-in PII rules' guards and lengths were read at
        // compile time (`pre`).
        let (g, max, need) = match pre::get(i, r) {
            Some(p) => {
                let (max, need) = p.lengths(r);
                (Guard::new(p.class(), r.pattern(), max), max, need)
            }
            None => {
                let max = r.max_len();
                (Guard::of_pattern(r.pattern(), max), max, r.min_digits())
            }
        };
        if r.kind == Kind::Pii && !r.keywords.is_empty() {
            // One entry per class and digit count, with the longest
            // bound (`None`: unbounded) of its rules: it holds back at
            // least as far as each of them.
            match self
                .gated
                .iter_mut()
                .find(|(x, n, _)| *n == need && x.same_class(&g))
            {
                Some(e) => {
                    e.2 = match (e.2, max) {
                        (Some(a), Some(b)) => Some(a.max(b)),
                        _ => None,
                    }
                }
                None => self.gated.push((g.clone(), need, max)),
            }
        }
        fold(&mut self.always, g);
    }

    /// `by_first` and `starts` from the keyword counts by first byte.
    #[inline(never)]
    fn group_keywords(&mut self, rules: &[Rule], mut count: [u32; 257]) {
        for b in 0..256 {
            count[b + 1] += count[b];
        }
        self.starts = count.to_vec();
        let mut next = count;
        self.by_first = vec![(0, 0, 0); count[256] as usize];
        for (k, (i, _)) in self.keyed.iter().enumerate() {
            let Some(r) = rules.get(*i as usize) else { continue };
            for (j, w) in r.keywords.iter().enumerate() {
                let b = w.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
                let b = b as usize;
                if let Some(slot) = self.by_first.get_mut(next[b] as usize) {
                    *slot = (k as u32, j as u32, w.len() as u32);
                }
                next[b] += 1;
            }
        }
    }

    /// Calls `f` with each keyword starting with byte `b` whose length
    /// is in `lens`, and its `keyed` index.
    fn group(
        &self,
        rules: &[Rule],
        b: u8,
        lens: Range<usize>,
        f: &mut dyn FnMut(u32, &[u8]),
    ) {
        let at = |i: usize| self.starts.get(i).map_or(0, |&s| s as usize);
        let (lo, hi) = (at(b as usize), at(b as usize + 1));
        for &(k, j, n) in self.by_first.get(lo..hi).unwrap_or(&[]) {
            // PERF: the length rejects most keywords of a group before
            // their text is looked up (a keyword found in new text
            // scanned its whole group: ~4% of a 64-char stream in V8).
            if !lens.contains(&(n as usize)) {
                continue;
            }
            let w = self
                .keyed
                .get(k as usize)
                .and_then(|(i, _)| rules.get(*i as usize))
                .and_then(|r| r.keywords.get(j as usize));
            if let Some(w) = w {
                f(k, w.as_bytes());
            }
        }
    }

    /// Earliest start of a match that may still grow past the end of
    /// `text`, over every rule that counts, or `g` if that is earlier.
    /// `at`: the window's absolute offset `base`; `floor`: older matches
    /// are complete by the length bound; `e2`: matches of gated rules
    /// ending at or after it can still gain a context keyword. `found`:
    /// starts of matches the engine reported.
    #[inline(never)]
    pub(super) fn pending(
        &self,
        filter: &Filter,
        seen: &Keywords,
        text: &str,
        at: (usize, usize, usize),
        mut g: usize,
        found: &dyn Fn(usize) -> bool,
    ) -> usize {
        let (base, floor, e2) = at;
        for gd in &self.always {
            g = g.min(gd.pending(text, floor, found));
        }
        let rules = filter.rules();
        // Only the live rules: a loop over every keyed rule (~480) at
        // each push ran the first push's `pending` over V8's tier-up
        // budget (issue 16).
        for k in self.live(rules, seen, text, base) {
            let Some((i, slot)) = self.keyed.get(k as usize) else { continue };
            let Some(r) = rules.get(*i as usize) else { continue };
            // PERF: a guard holds from no earlier than its longest match
            // before the end: one that cannot reach below `g` is not
            // read (a first push with "asked" in it read `sk`'s rule's
            // pattern; issue 16).
            let lo = r.max_len().map_or(floor, |n| {
                floor.max(floor_char(text, text.len().saturating_sub(n)))
            });
            if lo >= g {
                continue;
            }
            let gd = slot.get_or_init(|| Guard::of_rule(r));
            g = g.min(gd.pending(text, floor, found));
        }
        // Gated rules: hold every run of their characters (with the
        // digits a match needs) that ends within the context window of
        // the end, since a keyword may still arrive there. A match a late
        // keyword can still reveal ends after `e2`, so it starts no
        // earlier than its longest length before that: a long run of
        // digits or base64 is not held whole.
        for (gd, need, max_len) in &self.gated {
            let lo = max_len.map_or(floor, |n| {
                floor.max(floor_char(text, e2.saturating_sub(n)))
            });
            g = g.min(gated_pending(text, lo, e2, gd, *need));
        }
        g
    }

    /// The `keyed` rules (their indices, each once) that may be forming
    /// a match at the end of `text`: one of its keywords occurs in the
    /// last [`guard::MAX_MATCH`] bytes (as `seen` recorded it), or the
    /// text ends with the start of one; every one without an automaton.
    #[inline(never)]
    fn live(
        &self,
        rules: &[Rule],
        seen: &Keywords,
        text: &str,
        base: usize,
    ) -> Vec<u32> {
        if self.ac.is_none() {
            return (0..self.keyed.len() as u32).collect();
        }
        let mut marked = vec![false; self.keyed.len()];
        let mut out = Vec::new();
        let mut mark = |k: u32| {
            if let Some(x) = marked.get_mut(k as usize) {
                if !*x {
                    *x = true;
                    out.push(k);
                }
            }
        };
        let tail = base
            + floor_char(text, text.len().saturating_sub(guard::MAX_MATCH));
        for &k in &seen.list {
            if seen.last.get(k as usize).is_some_and(|&a| a > tail) {
                mark(k);
            }
        }
        // A keyword whose start ends the text: its proper prefixes.
        let b = text.as_bytes();
        for n in 1..self.longest.min(b.len() + 1) {
            let end = &b[b.len() - n..];
            if let [x, y, ..] = end {
                let k = pair(*x, *y);
                if self
                    .pairs
                    .get(k / 64)
                    .is_none_or(|w| w & 1 << (k % 64) == 0)
                {
                    continue;
                }
            }
            let b = end[0].to_ascii_lowercase();
            self.group(rules, b, n + 1..usize::MAX, &mut |k, w| {
                if w.len() > n && end.eq_ignore_ascii_case(&w[..n]) {
                    mark(k);
                }
            });
        }
        out
    }
}

/// Where the keywords of the filter's keyed rules last started in one
/// stream (absolute byte offsets), searched in new bytes only.
#[derive(Default)]
pub(super) struct Keywords {
    /// Per `keyed` rule: the last start of one of its keywords plus one
    /// (0: never seen).
    last: Vec<usize>,
    /// Rules seen at least once.
    list: Vec<u32>,
    /// Absolute offset up to which the stream was searched.
    searched: usize,
}

impl Keywords {
    /// Searches `text` (starting at absolute offset `base`) from where the
    /// last search ended, less a keyword's length (a keyword may straddle
    /// the two).
    pub(super) fn update(
        &mut self,
        t: &StreamRules,
        rules: &[Rule],
        text: &str,
        base: usize,
    ) {
        let Some(ac) = &t.ac else { return };
        if self.last.len() != t.keyed.len() {
            self.last = vec![0; t.keyed.len()];
        }
        let back = t.longest.saturating_sub(1);
        let from = floor_char(
            text,
            self.searched.saturating_sub(base).saturating_sub(back),
        );
        let Some(part) = text.get(from..) else { return };
        let (last, list) = (&mut self.last, &mut self.list);
        // PERF: searched as ASCII lowercase in place (the prefilter's own
        // search, compiled by the first screen), not in a lowercased copy
        // (the copy's code was compiled by the first push; issue 16).
        for m in ac.find_overlapping_iter(part, true) {
            let Some(w) = part.as_bytes().get(m.range()) else { continue };
            let Some(&first) = w.first() else { continue };
            let first = first.to_ascii_lowercase();
            let at = base + from + m.start() + 1;
            t.group(rules, first, w.len()..w.len() + 1, &mut |k, kw| {
                if !kw.eq_ignore_ascii_case(w) {
                    return;
                }
                if let Some(slot) = last.get_mut(k as usize) {
                    if *slot == 0 {
                        list.push(k);
                    }
                    *slot = (*slot).max(at);
                }
            });
        }
        self.searched = base + text.len();
    }
}

/// Start of the earliest run of `guard` characters holding at least
/// `need` digits (one, if `need` is 0) that ends at or after `e2`; `len`
/// when there is none.
fn gated_pending(
    text: &str,
    floor: usize,
    e2: usize,
    guard: &Guard,
    need: usize,
) -> usize {
    let need = need.max(1);
    let mut best = text.len();
    let (mut run_start, mut run_end, mut digits) = (None, 0, 0);
    let mut at = text.len();
    while let Some((i, c)) = guard::char_before(text, at) {
        if i < floor {
            break;
        }
        at = i;
        if guard.contains(c) {
            if run_start.is_none() {
                run_end = i + c.len_utf8();
                digits = 0;
            }
            run_start = Some(i);
            digits += usize::from(c.is_ascii_digit());
        } else if let Some(start) = run_start.take() {
            if run_end < e2 {
                return best;
            }
            if digits >= need {
                best = start;
            }
        }
    }
    if let Some(start) = run_start {
        if run_end >= e2 && digits >= need {
            best = start;
        }
    }
    best
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The hold of every rule on its own, as the stream computed it
    /// before guards were folded by class and keywords searched
    /// incrementally: a guard per rule, a keyed rule counted when one of
    /// its keywords is in the text or starts at its end.
    fn per_rule(rules: &[Rule], guards: &[Guard], text: &str) -> usize {
        let (floor, e) = (0, text.len());
        let e2 = floor_char(text, e.saturating_sub(super::super::CTX_AFTER));
        let lower = text.to_ascii_lowercase();
        let lower = lower.as_bytes();
        let no = |_: usize| false;
        let mut g = e;
        for (r, gd) in rules.iter().zip(guards) {
            // Parts do not run on a response.
            if r.part {
                continue;
            }
            if r.kind != Kind::Pii && !r.keywords.is_empty() {
                let seen = r.keywords.iter().any(|k| {
                    let k = k.as_bytes();
                    lower.windows(k.len()).any(|w| w == k)
                        || (1..k.len()).any(|n| lower.ends_with(&k[..n]))
                });
                if !seen {
                    continue;
                }
            }
            g = g.min(gd.pending(text, floor, &no));
            if r.kind == Kind::Pii && !r.keywords.is_empty() {
                let lo = r.max_len().map_or(floor, |n| {
                    floor.max(floor_char(text, e2.saturating_sub(n)))
                });
                g = g.min(gated_pending(text, lo, e2, gd, r.min_digits()));
            }
        }
        g
    }

    /// Folded guards, lazily read keyed guards and keywords found in
    /// pieces hold back at least as far as each rule's own guard, at
    /// several cuts of every built-in rule's examples.
    #[test]
    fn folded_guards_hold_as_far_as_each_rule() {
        let f = Filter::new(crate::Policy::default()).expect("filter");
        let rules = f.rules();
        let guards: Vec<Guard> = rules.iter().map(Guard::of_rule).collect();
        let t = StreamRules::new(rules, &f);
        let no = |_: usize| false;
        let mut checked = 0;
        for def in crate::rules::builtin() {
            for hit in def.hits {
                let text = format!("Sure, here it is: {hit} and more");
                for cut in [8, text.len() / 3, text.len() / 2, text.len() - 9]
                {
                    let cut = floor_char(&text, cut);
                    let part = &text[..cut];
                    let mut seen = Keywords::default();
                    seen.update(
                        &t,
                        rules,
                        &part[..floor_char(part, cut / 2)],
                        0,
                    );
                    seen.update(&t, rules, part, 0);
                    let e2 = floor_char(
                        part,
                        cut.saturating_sub(super::super::CTX_AFTER),
                    );
                    let new = t.pending(
                        &f,
                        &seen,
                        part,
                        (0, 0, e2),
                        part.len(),
                        &no,
                    );
                    let old = per_rule(rules, &guards, part);
                    assert!(
                        new <= old,
                        "{}: cut {cut}: {new} > {old}",
                        def.id
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }
}
