//! The matcher: turns text into raw detections.
//!
//! Owns compiled rules ([`Rule`], regexes compiled on first use), the
//! keyword prefilter, the anchored search, validators, entropy and
//! placeholder checks, context scoring, and the rescan of encoded runs.
//! It knows nothing of policies, actions or the JS binding: it gets a list
//! of [`Rule`]s and returns [`Detection`]s with byte spans. Overlap
//! resolution, thresholds and actions belong to the filter layer.
//!
//! Stage order for one text ([`Engine::detect_with`]):
//! 1. prefilter ([`Prefilter::windows`]): one Aho-Corasick pass over every
//!    rule keyword (ASCII case-insensitive, overlapping) and the runs of
//!    ASCII digits give each candidate rule its windows, the ranges where
//!    a match may start: around a keyword hit (widened by the context
//!    window when the keyword is a context word near the match) or, for
//!    rules without keywords, around a digit run (the whole text for a
//!    custom one whose match needs no digit); windows without the
//!    digits a match needs are dropped. A rule without windows does not
//!    run. The windows are a superset: a test runs every rule over the
//!    whole text instead and expects equal results.
//! 2. search (`search`): in each window, a rule whose matches are bounded
//!    and non-empty runs anchored searches (`^(?s:.)(?:pattern)`, seeing
//!    the char before) only at positions whose bytes can start a match
//!    (first bytes, a leading `\b` at one of the text's word boundaries,
//!    found once per text, and the rule's position automaton over the
//!    bytes after, `shape::Shape`), each reading at most the rule's
//!    longest match plus slack, with the rule's exact program when its
//!    pattern is simple (`program`) and the regex otherwise; other
//!    rules scan the window with the plain regex.
//! 3. check (`check`): checksum/range validators, IPv6 glue, the
//!    entropy floor, and for secrets placeholders and stopwords.
//! 4. context ([`ContextIndex::boost`]): whole-word context words near a
//!    match raise its score, anti-context words lower it; a context-only
//!    rule's match with no context word near is dropped.
//! 5. rescan ([`crate::codec::rescan`]): base64 and percent-encoded runs
//!    are decoded and go through stages 1-4 again with secret rules only
//!    (at most two levels, bounded bytes); the best hit in a run is
//!    reported at the span of the whole encoded run.
//!
//! Children import each other (`rule` holds the shared types), never this
//! file, which only declares, re-exports and runs the stages. The engine
//! uses `rules`, `validate`, `codec` and `report` only.

mod check;
mod context;
mod prefilter;
mod program;
mod rule;
mod search;
mod shape;
mod sieve;
pub(crate) mod syntax;
pub(crate) mod tenants;

use crate::codec::rescan;
use crate::report::Kind;

use check::Checks;
pub(crate) use context::ContextIndex;
pub(crate) use prefilter::Prefilter;
pub(crate) use rule::{compile, compile_builtin, Detection, Rule};

/// What one detect asks of every depth: see [`Engine::detect_with`].
#[derive(Clone, Copy)]
struct Pass<'a> {
    all_candidates: bool,
    wanted: (&'a [u8], u8),
    parts: Parts,
}

/// How a detect runs the credential parts ([`Rule::part`]) that `wanted`
/// lets run on the text itself (decoded runs try every secret rule
/// whatever it says). A response runs none: `filter::detect::wanted`
/// clears their bit, so their windows are not worked out.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Parts {
    /// Like any rule (the rule-table tests).
    All,
    /// Only when the text has a detection of a secret rule that is no
    /// part: resolution drops a part without one beside it.
    Lazy,
}

/// The compiled rule set.
pub(crate) struct Engine {
    rules: Vec<Rule>,
    prefilter: Prefilter,
    context: ContextIndex,
    checks: Checks,
    /// Built when a text first has a digit start (`sieve`).
    sieve: std::sync::OnceLock<sieve::Sieve>,
}

// Not derived: the automata's dumps are megabytes of state numbers, which
// say nothing useful and can spell any digit string a test looks for.
impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("rules", &self.rules.len())
            .finish_non_exhaustive()
    }
}

/// [`Rule::builtin`], with each rule's row of the digit sieve
/// (`sieve::mark_rows`).
pub(crate) fn builtin_rules() -> Vec<Rule> {
    let mut rules = Rule::builtin();
    sieve::mark_rows(&mut rules);
    rules
}

impl Engine {
    pub(crate) fn new(rules: Vec<Rule>) -> Engine {
        let prefilter = Prefilter::new(&rules);
        let context = ContextIndex::new(&rules);
        let (checks, sieve) = (Checks::new(), std::sync::OnceLock::new());
        Engine { rules, prefilter, context, checks, sieve }
    }

    pub(crate) fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// See [`Prefilter::keyword_map`].
    pub(crate) fn keyword_map(
        &self,
        words: &[String],
    ) -> Option<(std::sync::Arc<crate::literals::Literals>, Vec<u32>)> {
        self.prefilter.keyword_map(words)
    }

    /// All validated detections, unsorted and possibly overlapping;
    /// optionally treating every rule as a candidate (used by the
    /// prefilter soundness test). Only matches that start at or after
    /// `from` (0: anywhere): the text before it is context (word
    /// boundaries, context words, encoded runs); the response stream
    /// re-screens the text it has shown as context, not for matches.
    /// `wanted` (per rule bits, and the side's bit): whether a rule's
    /// findings can be kept (a type the side's family wants); a rule
    /// without the bit does not run on the text itself (no bits at all:
    /// every rule runs). Decoded runs still try every secret rule: the
    /// best hit of a run stands for it, whichever rule it comes from.
    /// `parts`: see [`Parts`]. With [`Parts::Lazy`], the parts' detections
    /// take the place they would have had (by rule, before the decoded
    /// runs'), so the list is the same as with [`Parts::All`] when they
    /// run.
    pub(crate) fn detect_with(
        &self,
        text: &str,
        all_candidates: bool,
        from: usize,
        wanted: (&[u8], u8),
        parts: Parts,
    ) -> Vec<Detection> {
        let mut budget = rescan::Budget::new();
        let pass = Pass { all_candidates, wanted, parts };
        self.detect_depth(text, pass, 0, &mut budget, from)
    }

    /// One pass; `depth > 0` is decoded text, where only secret rules run.
    /// A hit in decoded text is reported at the span of the encoded run.
    /// Windows are cut to start at `from` (0: whole text).
    fn detect_depth(
        &self,
        text: &str,
        pass: Pass<'_>,
        depth: u8,
        budget: &mut rescan::Budget,
        from: usize,
    ) -> Vec<Detection> {
        // The decoded runs first (they read the text alone): whether the
        // held-back parts run depends on them too. Reported after the
        // text's own detections, unboosted.
        let mut decoded = Vec::new();
        if depth < rescan::MAX_DEPTH {
            // A run that decodes to the same text as the one before (a
            // repeated block) reuses its outcome: see `rescan::Memo`.
            let mut memo = rescan::Memo::default();
            for (span, run) in rescan::runs(text, budget) {
                let best = memo.get_or(run, budget, |run, budget| {
                    let inner =
                        self.detect_depth(run, pass, depth + 1, budget, 0);
                    inner.into_iter().filter(|d| !d.span.is_empty()).max_by(
                        |a, b| {
                            a.score
                                .partial_cmp(&b.score)
                                .unwrap_or(std::cmp::Ordering::Equal)
                        },
                    )
                });
                if let Some(d) = best {
                    let start = span.start;
                    decoded.push(Detection {
                        rule: d.rule,
                        span,
                        score: d.score,
                        start,
                    });
                }
            }
        }
        let mut out = Vec::new();
        let all_candidates = pass.all_candidates;
        let runs = |i: usize, r: &Rule| {
            if depth == 0 {
                pass.wanted.0.get(i).is_none_or(|w| w & pass.wanted.1 != 0)
            } else {
                r.kind == Kind::Secret
            }
        };
        if all_candidates {
            for (i, rule) in self.rules.iter().enumerate() {
                if runs(i, rule) {
                    search::scan(
                        text,
                        i,
                        rule,
                        0..text.len(),
                        &self.checks,
                        &mut out,
                    );
                }
            }
        } else {
            let mut bounds = search::Bounds::new(text);
            // One pass over the digit starts for every numeric rule: a
            // rule none of whose tests pass at any start does not run
            // (in a chat prompt, most of the ~60), the others visit only
            // the starts that pass theirs.
            if bounds.digit_start_count() > 0 {
                let sieve =
                    self.sieve.get_or_init(|| sieve::Sieve::new(&self.rules));
                bounds.sift(text.as_bytes(), sieve);
            }
            let runs =
                |i: usize, r: &Rule| runs(i, r) && !bounds.sifted_out(i);
            // The programs' tables, allocated once for all the rules.
            let mut scratch = search::Scratch::default();
            // The windows of credential parts, held back (`detect_with`).
            let lazy = pass.parts == Parts::Lazy && depth == 0;
            let mut parts = Vec::new();
            let mut each = |i: usize, mut w: std::ops::Range<usize>| {
                let Some(rule) = self.rules.get(i) else { return };
                if from > 0 {
                    w.start = w.start.max(from);
                    if w.start >= w.end {
                        return;
                    }
                }
                if lazy && rule.part {
                    parts.push((i, w));
                    return;
                }
                let (b, s) = (&bounds, &mut scratch);
                self.search(text, i, w, b, s, &mut out);
            };
            self.prefilter.windows(text, &self.rules, &runs, &mut each);
            // Asked before the boost: a secret the boost drops stands
            // beside no part either, so the parts then run for nothing.
            if !parts.is_empty()
                && (self.has_secret(&out) || self.has_secret(&decoded))
            {
                for (i, w) in parts {
                    let (b, s) = (&bounds, &mut scratch);
                    self.search(text, i, w, b, s, &mut out);
                }
                // Where a search rule by rule would have put them: the
                // prefilter hands out windows by rule index (stable).
                crate::order::sort_by_key(&mut out, |d| d.rule);
            }
        }
        if !out.is_empty() {
            self.context.boost(text, &self.rules, &mut out);
        }
        out.extend(decoded);
        out
    }

    /// Whether `list` holds a detection of a secret rule that is no
    /// credential part.
    #[inline(never)]
    fn has_secret(&self, list: &[Detection]) -> bool {
        list.iter().any(|d| {
            !d.span.is_empty()
                && self
                    .rules
                    .get(d.rule)
                    .is_some_and(|r| r.kind == Kind::Secret && !r.part)
        })
    }

    /// Rule `i` over window `w` (`search::search`), out of line: the
    /// held-back parts call it too.
    #[inline(never)]
    fn search(
        &self,
        text: &str,
        i: usize,
        w: std::ops::Range<usize>,
        bounds: &search::Bounds,
        scratch: &mut search::Scratch,
        out: &mut Vec<Detection>,
    ) {
        let Some(rule) = self.rules.get(i) else { return };
        let checks = &self.checks;
        search::search(text, i, rule, w, checks, bounds, scratch, out);
    }
}
