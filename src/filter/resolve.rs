//! Stage 2, resolve: which candidates stand.
//!
//! Takes what `detect` found and decides, in one place:
//! - thresholds and the allow list: a candidate below its type's minimum
//!   score, or whose value is allow-listed, does not stand;
//! - derived candidates (prompts only): every other standalone occurrence
//!   of a found secret's value, and the tenant endpoint of a provider
//!   whose key was found (`rules::tenants`);
//! - overlaps, once for all of them ([`resolve_overlaps`]): the strongest
//!   reading of a span decides what it is.
//! - injection: the risk becomes a flag or block by the policy's
//!   thresholds, on each injection signal.
//!
//! Repeats and tenant endpoints are prompt-only: the response stream
//! scanner screens a bounded window, so a repeat further back than the
//! window could not be matched the same way one-shot and streamed.

use std::ops::Range;

use super::candidate::{Candidate, Side};
use crate::inject::Assessment;
use crate::literals::{Literals, MatchKind};
use crate::order;
use crate::policy::Policy;
use crate::report::{Action, Finding, Kind};

/// The allow list, compiled.
#[derive(Debug)]
pub(crate) struct Resolver {
    /// Exact values, lowercased, sorted and distinct (a binary search, not
    /// a `HashSet`: one hashbrown instantiation fewer in the wasm).
    allow: Vec<String>,
    /// `{regex}` entries, anchored to the whole value.
    allow_re: Vec<regex::Regex>,
}

impl Resolver {
    pub(crate) fn new(policy: &Policy) -> Resolver {
        let mut allow: Vec<String> =
            policy.allow_list.iter().map(|s| s.to_ascii_lowercase()).collect();
        order::sort_by(&mut allow, String::cmp);
        allow.dedup();
        let allow_re = policy
            .allow_patterns
            .iter()
            .filter_map(|p| {
                crate::engine::compile(&format!("^(?:{})$", p)).ok()
            })
            .collect();
        Resolver { allow, allow_re }
    }

    /// The candidates that stand, non-overlapping, in text order.
    pub(crate) fn resolve(
        &self,
        policy: &Policy,
        text: &str,
        side: Side,
        found: Vec<(Candidate, Standing)>,
        denied: Vec<Candidate>,
    ) -> Vec<Candidate> {
        // Nothing found, nothing denied: nothing to derive (parts,
        // repeats and tenant endpoints all start from a found secret).
        // A short benign prompt's call skips the lists and tables below
        // (issue 16, speed42).
        if found.is_empty() && denied.is_empty() {
            return Vec::new();
        }
        // `found`'s own list, its standing set here: no second list of
        // every candidate (4.5 MB for a 10 MiB prompt, issue 16).
        let mut all = found;
        for (c, standing) in &mut all {
            let passes = side
                .family(policy, c.kind)
                .is_some_and(|f| c.score >= f.threshold_for(&c.type_name))
                && !self.allowed(&text[c.span.clone()]);
            *standing = if passes { Standing::Kept } else { Standing::Shadow };
        }
        credential_parts(text, side, &mut all);
        derive(&mut all, denied);
        if side == Side::Prompt {
            let repeats = repeats_of_secrets(text, &all);
            derive(&mut all, repeats);
            let tenants = self.tenant_endpoints(policy, text, side, &all);
            derive(&mut all, tenants);
        }
        resolve_overlaps(all)
    }

    /// Tenant endpoints (`rules::tenants`) of the providers whose keys are
    /// among the standing candidates.
    fn tenant_endpoints(
        &self,
        policy: &Policy,
        text: &str,
        side: Side,
        all: &[(Candidate, Standing)],
    ) -> Vec<Candidate> {
        let Some(fam) = side.family(policy, Kind::Secret) else {
            return Vec::new();
        };
        let has = |t: &str| {
            all.iter().any(|(c, st)| {
                *st != Standing::Shadow
                    && c.kind == Kind::Secret
                    && c.type_name == t
            })
        };
        // Below a provider key's own score: the endpoint is the lesser
        // half of the credential.
        const SCORE: f32 = 0.9;
        crate::engine::tenants::endpoints(text, has)
            .into_iter()
            .filter(|(def, span)| {
                fam.wants(def.type_name)
                    && SCORE >= fam.threshold_for(def.type_name)
                    && !self.allowed(&text[span.clone()])
            })
            .map(|(def, span)| Candidate {
                kind: Kind::Secret,
                type_name: def.type_name.to_string(),
                span,
                score: SCORE,
                rule: def.id.to_string(),
                action: fam.action_for(def.type_name),
            })
            .collect()
    }

    fn allowed(&self, value: &str) -> bool {
        (!self.allow.is_empty()
            && self
                .allow
                .binary_search(&value.trim().to_ascii_lowercase())
                .is_ok())
            || self.allow_re.iter().any(|r| r.is_match(value.trim()))
    }
}

/// The injection risk of a prompt and its signals as findings: each
/// signal gets `block` at or above the block threshold when evidence
/// other than the classifier (a phrase rule, hidden text, a decoded
/// payload) reaches the flag threshold, `flag` at or above the flag
/// threshold, else `allow`. The classifier alone never blocks: it is a
/// statistical vote, wrong on some ordinary chat, and a product that
/// blocks ordinary chat is switched off.
pub(crate) fn injection(
    policy: &Policy,
    assessment: Option<Assessment>,
) -> (f32, Vec<Finding>) {
    let Some(a) = assessment else { return (0.0, Vec::new()) };
    let p = &policy.injection;
    let action =
        if a.risk >= p.block_threshold && a.evidence >= p.flag_threshold {
            Action::Block
        } else if a.risk >= p.flag_threshold {
            Action::Flag
        } else {
            Action::Allow
        };
    let findings = a
        .signals
        .into_iter()
        .map(|s| Finding {
            kind: Kind::Injection,
            type_name: s.type_name.to_string(),
            span: s.span,
            score: s.score,
            action,
            rule: s.rule.to_string(),
            replacement: None,
        })
        .collect();
    (a.risk, findings)
}

/// Bytes at most between a credential part and its secret.
const PART_GAP: usize = 256;

/// Credential parts (rules with `part_of` in `secrets.rules`: a client
/// id, the account's e-mail, a consumer key): identifiers that are not
/// secrets alone but are one half of a credential. A part stands only
/// when a secret of a type it is part of stands in the same block: at
/// most [`PART_GAP`] bytes between the two spans, with no blank line
/// (a line of blanks only) between them, the two not overlapping. A
/// standing secret that is itself a part does not count. Else the part
/// is dropped before overlap resolution, so that another reading of its
/// span (the EMAIL of an e-mail address) stands as if it was never
/// matched. Prompts only: the response stream scanner screens a bounded
/// window, so on the response side parts are always dropped (the same
/// for every split).
fn credential_parts(
    text: &str,
    side: Side,
    all: &mut Vec<(Candidate, Standing)>,
) {
    // Each candidate's `part_of` looked up once (a scan of the parts
    // table): the steps below read it three times.
    let parts: Vec<Option<&'static str>> = all
        .iter()
        .map(|(c, _)| {
            (c.kind == Kind::Secret)
                .then(|| crate::rules::secrets::part_of(&c.rule))
                .flatten()
        })
        .collect();
    if parts.iter().all(Option::is_none) {
        return;
    }
    // The secrets a part may pair with, once by start (those after a
    // part) and once by end (those before it): a part looks at the
    // secrets within PART_GAP bytes of either side only, so the work is
    // bounded per part however long a secret is.
    let mut by_start: Vec<&Candidate> = all
        .iter()
        .zip(&parts)
        .filter(|((c, st), part)| {
            *st != Standing::Shadow && c.kind == Kind::Secret && part.is_none()
        })
        .map(|((c, _), _)| c)
        .collect();
    let mut by_end = by_start.clone();
    order::sort_by_key(&mut by_start, |c| c.span.start);
    order::sort_by_key(&mut by_end, |c| c.span.end);
    let keep: Vec<bool> = all
        .iter()
        .zip(&parts)
        .map(|((c, _), part)| {
            let Some(types) = *part else { return true };
            if side != Side::Prompt {
                return false;
            }
            let pairs = |p: &&Candidate| {
                (types == "any" || types.split(' ').any(|t| t == p.type_name))
                    && same_block(text, &c.span, &p.span)
            };
            // Secrets that start after the part ends, then those that
            // end before it starts (an overlapping one is no pair).
            let after =
                by_start.partition_point(|p| p.span.start < c.span.end);
            let before = by_end.partition_point(|p| {
                p.span.end < c.span.start.saturating_sub(PART_GAP)
            });
            by_start[after..]
                .iter()
                .take_while(|p| p.span.start <= c.span.end + PART_GAP)
                .any(pairs)
                || by_end[before..]
                    .iter()
                    .take_while(|p| p.span.end <= c.span.start)
                    .any(pairs)
        })
        .collect();
    let mut i = 0;
    all.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// Whether two spans lie apart, in one block of lines: at most
/// [`PART_GAP`] bytes between them and no blank line.
fn same_block(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
    if first.end > second.start || second.start - first.end > PART_GAP {
        return false;
    }
    let gap = &text.as_bytes()[first.end..second.start];
    // The lines wholly between the two spans' own lines.
    let newline = |b: &u8| *b == b'\n';
    match (gap.iter().position(newline), gap.iter().rposition(newline)) {
        (Some(f), Some(l)) if f < l => {
            !gap[f + 1..l].split(newline).any(|line| {
                line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r'))
            })
        }
        _ => true,
    }
}

/// `more` onto `all` as derived candidates; room for exactly them, as
/// `all` holds room for exactly its own (`detect`): an amortized growth
/// would double a long prompt's list.
fn derive(all: &mut Vec<(Candidate, Standing)>, more: Vec<Candidate>) {
    all.reserve_exact(more.len());
    all.extend(more.into_iter().map(|c| (c, Standing::Derived)));
}

/// Where a candidate stands going into overlap resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Standing {
    /// A detection that passed its threshold and the allow list.
    Kept,
    /// A detection below its threshold or on the allow list. It still
    /// claims its span against other detections, then is dropped: the
    /// strongest reading of a span decides what it is, so a card number
    /// below a raised CREDIT_CARD threshold, or an allow-listed email,
    /// must not surface as an Aadhaar number or a URL inside it.
    Shadow,
    /// Named by the policy or derived from found secrets: deny-list
    /// matches, repeats of a secret, tenant endpoints. A shadow never hides
    /// one: a value the policy names is reported even inside a reading the
    /// policy dropped.
    Derived,
}

/// Every other standalone occurrence of a found secret's value, as the same
/// finding: redacting the one the rule matched (`key = v`) while a bare
/// repeat of `v` two lines down goes out would leak it anyway.
fn repeats_of_secrets(
    text: &str,
    found: &[(Candidate, Standing)],
) -> Vec<Candidate> {
    // Shorter values are too likely to recur by chance (`admin`, `secret`).
    const MIN_LEN: usize = 8;
    let secrets: Vec<&Candidate> = found
        .iter()
        .filter(|(c, st)| {
            *st != Standing::Shadow
                && c.kind == Kind::Secret
                && c.span.len() >= MIN_LEN
        })
        .map(|(c, _)| c)
        .collect();
    if secrets.is_empty() {
        return Vec::new();
    }
    let values: Vec<&str> =
        secrets.iter().map(|c| &text[c.span.clone()]).collect();
    let ac = Literals::new(&values, MatchKind::LeftmostLongest);
    // A repeat glued to more letters or digits is another token that
    // shares a run with the secret, not the secret.
    let bytes = text.as_bytes();
    let standalone = |r: &Range<usize>| {
        let glued_left =
            r.start > 0 && bytes[r.start - 1].is_ascii_alphanumeric();
        let glued_right =
            bytes.get(r.end).is_some_and(u8::is_ascii_alphanumeric);
        !glued_left && !glued_right
    };
    // Where a reading of the same span at least as strong stands already
    // (the value's own occurrence, or the same value found there by its
    // own rule), a repeat adds nothing. A weaker reading there (a list
    // item rule, say) gives way to the repeat in overlap resolution.
    let covered = |r: &Range<usize>, score: f32| {
        secrets.iter().any(|c| c.span == *r && c.score >= score)
    };
    ac.find_iter(text)
        .filter_map(|m| {
            let of = secrets[m.literal()];
            let r = m.range();
            (standalone(&r) && !covered(&r, of.score))
                .then(|| Candidate { span: r, ..of.clone() })
        })
        .collect()
}

/// Keeps the strongest of overlapping candidates, in one pass over all of
/// them, and drops shadows. Result: the kept and derived candidates,
/// non-overlapping, in text order.
///
/// 1. Containment: a PII span inside a longer PII or secret span is part
///    of it (the postcode of an address, the digits of a card that also
///    look like an id: Presidio's "merge contained"), and is dropped.
/// 2. Priority: higher score, then secrets over PII, then longer, then
///    earlier, then rule id; each candidate is taken unless it overlaps
///    one taken before it.
///
/// In both steps a derived candidate ignores shadows (see [`Standing`]).
fn resolve_overlaps(mut c: Vec<(Candidate, Standing)>) -> Vec<Candidate> {
    // Sweep in (start, longest) order, keeping the furthest-reaching span
    // seen: over every candidate, and over kept and derived ones only.
    order::sort_by(&mut c, |(a, _), (b, _)| {
        a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end))
    });
    let mut reach_any: Option<Range<usize>> = None;
    let mut reach_solid: Option<Range<usize>> = None;
    let extend = |reach: &mut Option<Range<usize>>, x: &Range<usize>| {
        if reach.as_ref().is_none_or(|r| x.end > r.end) {
            *reach = Some(x.clone());
        }
    };
    c.retain(|(x, st)| {
        if !matches!(x.kind, Kind::Pii | Kind::Secret) {
            return true;
        }
        let reach =
            if *st == Standing::Derived { &reach_solid } else { &reach_any };
        let inside = reach
            .as_ref()
            .is_some_and(|r| x.span.end <= r.end && x.span.len() < r.len());
        if inside && x.kind == Kind::Pii {
            return false;
        }
        extend(&mut reach_any, &x.span);
        if *st != Standing::Shadow {
            extend(&mut reach_solid, &x.span);
        }
        true
    });
    // Where the spans below may start: still in start order here.
    let mut starts: Vec<usize> = c.iter().map(|(x, _)| x.span.start).collect();
    starts.dedup();
    order::sort_by(&mut c, |(a, _), (b, _)| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then((b.kind == Kind::Secret).cmp(&(a.kind == Kind::Secret)))
            .then(b.span.len().cmp(&a.span.len()))
            .then(a.span.start.cmp(&b.span.start))
            .then(a.rule.cmp(&b.rule))
    });
    // Spans taken by kept and derived candidates (disjoint), and by
    // shadows (disjoint; a derived span may overlap one).
    let mut solid = Spans::new(&starts);
    let mut shadows = Spans::new(&starts);
    let mut kept: Vec<Candidate> = Vec::with_capacity(c.len());
    for (x, st) in c {
        let clash = solid.overlaps(&x.span)
            || (st != Standing::Derived && shadows.overlaps(&x.span));
        if x.span.is_empty() || clash {
            continue;
        }
        if st == Standing::Shadow {
            shadows.insert(&x.span);
        } else {
            solid.insert(&x.span);
            kept.push(x);
        }
    }
    order::sort_by_key(&mut kept, |k| (k.span.start, k.span.end));
    kept
}

/// Disjoint byte ranges, each starting at one of a sorted list of
/// positions: a Fenwick tree of the furthest end over the positions'
/// prefixes. Disjoint ranges end in start order, so the furthest end of
/// those starting before a position is the end of the last of them. (Not a
/// `BTreeMap<usize, usize>`: one more B-tree instantiation is ~5 KB of
/// wasm.) O(log n) a query or insert.
struct Spans<'a> {
    /// Sorted, distinct.
    starts: &'a [usize],
    /// 1-based Fenwick array of maxima; 0: nothing (ranges are non-empty).
    ends: Vec<usize>,
}

impl<'a> Spans<'a> {
    fn new(starts: &'a [usize]) -> Spans<'a> {
        Spans { starts, ends: vec![0; starts.len() + 1] }
    }

    fn overlaps(&self, r: &Range<usize>) -> bool {
        // Disjoint ranges: only the one with the greatest start before
        // `r.end` can reach into `r`, and it reaches furthest.
        let mut i = self.starts.partition_point(|&s| s < r.end);
        let mut end = 0;
        while i > 0 {
            end = end.max(self.ends.get(i).copied().unwrap_or(0));
            i &= i - 1;
        }
        end > r.start
    }

    /// Adds a non-empty range that overlaps none in the set and starts at
    /// one of the positions.
    fn insert(&mut self, r: &Range<usize>) {
        let Ok(k) = self.starts.binary_search(&r.start) else { return };
        let mut i = k + 1;
        while let Some(e) = self.ends.get_mut(i) {
            *e = (*e).max(r.end);
            i += i & i.wrapping_neg();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_block_is_no_blank_line_and_at_most_the_gap() {
        let at = |t: &str, w: &str| {
            let i = t.find(w).unwrap();
            i..i + w.len()
        };
        let t = "id: AAA\nsecret: BBB";
        assert!(same_block(t, &at(t, "AAA"), &at(t, "BBB")));
        assert!(same_block(t, &at(t, "BBB"), &at(t, "AAA")));
        let t = "id: AAA secret: BBB";
        assert!(same_block(t, &at(t, "AAA"), &at(t, "BBB")));
        for t in ["id: AAA\n\nsecret: BBB", "id: AAA\r\n \t\r\nsecret: BBB"] {
            assert!(!same_block(t, &at(t, "AAA"), &at(t, "BBB")), "{t:?}");
        }
        let far = format!("AAA{}BBB", "x".repeat(PART_GAP + 1));
        assert!(!same_block(&far, &at(&far, "AAA"), &at(&far, "BBB")));
        let near = format!("AAA{}BBB", "x".repeat(PART_GAP));
        assert!(same_block(&near, &at(&near, "AAA"), &at(&near, "BBB")));
        // Overlapping spans are two readings of one value, not a pair.
        assert!(!same_block("ABCD", &(0..3), &(1..4)));
    }

    fn cand(
        kind: Kind,
        span: Range<usize>,
        score: f32,
        rule: &str,
    ) -> Candidate {
        Candidate {
            kind,
            type_name: rule.to_ascii_uppercase(),
            span,
            score,
            rule: rule.to_string(),
            action: Action::Redact,
        }
    }

    fn rules(c: &[Candidate]) -> Vec<&str> {
        c.iter().map(|c| c.rule.as_str()).collect()
    }

    #[test]
    fn strongest_reading_wins_and_contained_pii_goes() {
        let out = resolve_overlaps(vec![
            (cand(Kind::Pii, 0..10, 0.6, "weak"), Standing::Kept),
            (cand(Kind::Pii, 2..12, 0.9, "strong"), Standing::Kept),
            (cand(Kind::Pii, 20..30, 0.9, "address"), Standing::Kept),
            (cand(Kind::Pii, 24..28, 0.95, "postcode"), Standing::Kept),
        ]);
        assert_eq!(rules(&out), ["strong", "address"]);
    }

    #[test]
    fn a_shadow_hides_detections_but_not_derived_candidates() {
        let out = resolve_overlaps(vec![
            (cand(Kind::Pii, 0..16, 0.9, "card"), Standing::Shadow),
            (cand(Kind::Pii, 0..12, 0.7, "aadhaar"), Standing::Kept),
            (cand(Kind::Secret, 4..10, 0.5, "denied"), Standing::Derived),
        ]);
        assert_eq!(rules(&out), ["denied"]);
    }

    #[test]
    fn derived_candidates_compete_with_kept_ones_by_priority() {
        let out = resolve_overlaps(vec![
            (cand(Kind::Pii, 0..10, 0.9, "url"), Standing::Kept),
            (cand(Kind::Secret, 5..9, 0.95, "repeat"), Standing::Derived),
            (cand(Kind::Pii, 20..30, 0.9, "email"), Standing::Kept),
            (cand(Kind::Secret, 22..26, 0.5, "tenant"), Standing::Derived),
        ]);
        assert_eq!(rules(&out), ["repeat", "email"]);
    }

    #[test]
    fn a_repeat_gives_way_only_to_an_equal_or_stronger_reading() {
        let v = "oauth2:abcdef123456";
        let text = format!("k = '{v}' | '{v}' | {v}");
        let first = text.find(v).unwrap();
        let second = first + 1 + text[first + 1..].find(v).unwrap();
        let third = text.rfind(v).unwrap();
        let found = vec![
            (
                cand(Kind::Secret, first..first + v.len(), 0.7, "key"),
                Standing::Kept,
            ),
            // A weaker reading of the second copy (a list item rule).
            (
                cand(Kind::Secret, second..second + v.len(), 0.65, "list"),
                Standing::Kept,
            ),
            // The third copy found again by a rule as strong.
            (
                cand(Kind::Secret, third..third + v.len(), 0.7, "key"),
                Standing::Kept,
            ),
        ];
        let repeats = repeats_of_secrets(&text, &found);
        let spans: Vec<_> = repeats.iter().map(|c| c.span.start).collect();
        assert_eq!(spans, [second]);
        assert_eq!(repeats[0].rule, "key");
    }

    #[test]
    fn spans_answer_overlaps() {
        let starts = [10, 30];
        let mut s = Spans::new(&starts);
        s.insert(&(10..20));
        s.insert(&(30..40));
        assert!(s.overlaps(&(39..50)));
        assert!(s.overlaps(&(15..16)));
        assert!(s.overlaps(&(0..11)));
        assert!(!s.overlaps(&(40..50)));
        assert!(!s.overlaps(&(20..30)));
        assert!(!s.overlaps(&(0..10)));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn standing() -> impl Strategy<Value = Standing> {
        prop_oneof![
            Just(Standing::Kept),
            Just(Standing::Shadow),
            Just(Standing::Derived)
        ]
    }

    fn candidate() -> impl Strategy<Value = (Candidate, Standing)> {
        (0usize..60, 0usize..20, 0u8..5, any::<bool>(), standing()).prop_map(
            |(start, len, score, secret, st)| {
                let kind = if secret { Kind::Secret } else { Kind::Pii };
                let c = Candidate {
                    kind,
                    type_name: "T".to_string(),
                    span: start..start + len,
                    score: f32::from(score) / 4.0,
                    rule: format!("r{start}"),
                    action: Action::Redact,
                };
                (c, st)
            },
        )
    }

    proptest! {
        /// What stands is disjoint, in text order, never a shadow, never
        /// empty, and always one of the inputs.
        #[test]
        fn the_result_is_disjoint_and_drawn_from_the_input(
            input in prop::collection::vec(candidate(), 0..40)
        ) {
            let out = resolve_overlaps(input.clone());
            for w in out.windows(2) {
                prop_assert!(w[0].span.end <= w[1].span.start);
            }
            for c in &out {
                prop_assert!(!c.span.is_empty());
                prop_assert!(input.iter().any(|(x, st)| *st != Standing::Shadow
                    && x.span == c.span && x.rule == c.rule));
            }
        }

        /// Candidates that overlap nothing all stand, except shadows.
        #[test]
        fn disjoint_candidates_all_stand(
            input in prop::collection::vec(candidate(), 0..40)
        ) {
            let mut disjoint: Vec<(Candidate, Standing)> = Vec::new();
            for (c, st) in input {
                let free = disjoint.iter().all(|(d, _)| {
                    c.span.end <= d.span.start || d.span.end <= c.span.start
                });
                if free && !c.span.is_empty() {
                    disjoint.push((c, st));
                }
            }
            let want = disjoint
                .iter()
                .filter(|(_, st)| *st != Standing::Shadow)
                .count();
            prop_assert_eq!(resolve_overlaps(disjoint).len(), want);
        }
    }
}
