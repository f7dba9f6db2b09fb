//! The matcher: turns text into raw detections.
//!
//! Owns rule compilation (pattern rewriting, lazy regexes), the keyword
//! prefilter, validators, entropy and stopword checks, and context scoring.
//! It knows nothing of policies, actions or the JS binding: it gets a list
//! of [`Rule`]s and returns [`Detection`]s with byte spans. Overlap
//! resolution, thresholds and actions belong to the filter layer.
//!
//! Stage order for one text:
//! 1. prefilter: one Aho-Corasick pass over every rule keyword (ASCII
//!    case-insensitive, overlapping) marks candidate rules. Rules without
//!    keywords are always candidates. The candidate set is a superset: a
//!    test forces every rule to be a candidate and expects equal results.
//! 2. match: each candidate rule's regex runs over the whole text.
//! 3. validate: checksum/range validators, entropy floor, stopwords.
//! 4. context: whole-word context words near a match raise its score.
//! 5. decode: base64 and percent-encoded runs are decoded (bounded, see
//!    `decode`) and the secret rules run on the decoded text; a hit is
//!    reported at the span of the encoded run.

mod context;
pub(crate) mod decode;
mod prefilter;
pub(crate) mod validate;

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::report::Kind;
use crate::rules::{RuleDef, Validator};

pub(crate) use context::ContextIndex;
pub(crate) use prefilter::Prefilter;

/// A rule ready for matching: built-in or from a policy.
#[derive(Debug)]
pub(crate) struct Rule {
    pub id: String,
    pub kind: Kind,
    pub type_name: String,
    pub keywords: Vec<String>,
    pattern: String,
    regex: OnceLock<Option<Regex>>,
    pub group: usize,
    /// See `RuleDef::window`; 0 for custom rules (whole text).
    pub window: usize,
    pub validator: Validator,
    pub min_entropy: f32,
    pub score: f32,
    pub context: Vec<String>,
}

/// A match that passed validation, before policy.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Detection {
    pub rule: usize,
    pub span: Range<usize>,
    pub score: f32,
}

/// Upper bound on a compiled rule regex, in bytes of heap.
pub(crate) const RULE_SIZE_LIMIT: usize = 1 << 20;
/// Built-in patterns are trusted and some are long by nature (a PEM block
/// may be 16 KiB); they are compiled lazily, only when a keyword is present.
pub(crate) const BUILTIN_SIZE_LIMIT: usize = 16 << 20;

impl Rule {
    pub(crate) fn from_def(def: &RuleDef) -> Rule {
        Rule {
            id: def.id.to_string(),
            kind: def.kind,
            type_name: def.type_name.to_string(),
            keywords: def.keywords.iter().map(|k| k.to_string()).collect(),
            pattern: def.pattern.to_string(),
            regex: OnceLock::new(),
            group: def.group,
            window: def.window,
            validator: def.validator,
            min_entropy: def.min_entropy,
            score: def.score,
            context: def.context.iter().map(|k| k.to_string()).collect(),
        }
    }

    /// A custom rule; the regex is compiled now so errors surface at
    /// policy time. Returns the compile error message on failure.
    pub(crate) fn custom(
        id: String,
        kind: Kind,
        type_name: String,
        pattern: &str,
        keywords: Vec<String>,
        group: usize,
        validator: Validator,
        score: f32,
        context: Vec<String>,
    ) -> Result<Rule, String> {
        let regex = compile(pattern)?;
        if group > regex.captures_len().saturating_sub(1) {
            return Err(format!(
                "group {} does not exist (the pattern has {})",
                group,
                regex.captures_len() - 1
            ));
        }
        let cell = OnceLock::new();
        let _ = cell.set(Some(regex));
        Ok(Rule {
            id,
            kind,
            type_name,
            keywords: keywords
                .iter()
                .map(|k| k.to_ascii_lowercase())
                .collect(),
            pattern: pattern.to_string(),
            regex: cell,
            group,
            window: 0,
            validator,
            min_entropy: 0.0,
            score,
            context,
        })
    }

    fn regex(&self) -> Option<&Regex> {
        // Custom rules were compiled (with RULE_SIZE_LIMIT) when the policy
        // was built; only built-ins get here unset.
        self.regex
            .get_or_init(|| compile_with(&self.pattern, BUILTIN_SIZE_LIMIT).ok())
            .as_ref()
    }
}

/// Compiles a rule pattern after making `\d`, `\w` and `\b` ASCII-only.
pub(crate) fn compile(pattern: &str) -> Result<Regex, String> {
    compile_with(pattern, RULE_SIZE_LIMIT)
}

fn compile_with(pattern: &str, limit: usize) -> Result<Regex, String> {
    regex::RegexBuilder::new(&asciify(pattern))
        .size_limit(limit)
        .dfa_size_limit(RULE_SIZE_LIMIT)
        .nest_limit(64)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(n) => {
                format!("regex exceeds the size limit of {} bytes", n)
            }
            // The syntax error text quotes the pattern, which is policy
            // text, not user data: safe to show.
            other => format!("invalid regex: {}", other),
        })
}

/// Rewrites the Perl classes that would otherwise be Unicode-aware.
///
/// PERF: Unicode `\b` makes the lazy DFA give up on non-ASCII haystacks,
/// and Unicode `\d`/`\w` are large classes. Identifiers and keys are ASCII,
/// so rules say what they mean with the short forms.
pub(crate) fn asciify(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('d') => out.push_str("[0-9]"),
            Some('D') => out.push_str("[^0-9]"),
            Some('w') => out.push_str("[0-9A-Za-z_]"),
            Some('W') => out.push_str("[^0-9A-Za-z_]"),
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some('B') => out.push_str(r"(?-u:\B)"),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Extra bytes searched for a whitespace byte to cut a region at.
const CUT_SLACK: usize = 256;

/// Disjoint text regions that contain every match of a rule whose matches
/// lie within `window` bytes of one of its keyword hits.
///
/// Regions are cut just after an ASCII whitespace byte (start) and just
/// after one (end), so `\b`, `^`/`$` and the rules' terminator classes see
/// the same neighbours as in the whole text. Where no whitespace is near,
/// the region falls back to the text edge (sound, just slower).
fn windows(
    text: &str,
    hits: &[(u32, usize, usize)],
    words: &[u32],
    window: usize,
) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out: Vec<Range<usize>> = Vec::new();
    for &(p, s, e) in hits {
        if !words.contains(&p) {
            continue;
        }
        let lo = s.saturating_sub(window);
        let hi = e.saturating_add(window).min(b.len());
        if let Some(last) = out.last_mut() {
            if lo <= last.end {
                last.end = last.end.max(hi);
                continue;
            }
        }
        out.push(lo..hi);
    }
    let cut_start = |lo: usize| -> usize {
        let floor = lo.saturating_sub(CUT_SLACK);
        (floor..lo)
            .rev()
            .find(|&k| b[k].is_ascii_whitespace())
            .map_or(if floor == 0 { 0 } else { usize::MAX }, |k| k + 1)
    };
    let cut_end = |hi: usize| -> usize {
        let ceil = hi.saturating_add(CUT_SLACK).min(b.len());
        (hi..ceil)
            .find(|&k| b[k].is_ascii_whitespace())
            .map_or(if ceil == b.len() { b.len() } else { usize::MAX }, |k| {
                k + 1
            })
    };
    let mut regions: Vec<Range<usize>> = Vec::with_capacity(out.len());
    for r in out {
        let lo = if r.start == 0 { 0 } else { cut_start(r.start) };
        let hi = if r.end == b.len() { b.len() } else { cut_end(r.end) };
        if lo == usize::MAX || hi == usize::MAX {
            return vec![0..text.len()];
        }
        match regions.last_mut() {
            Some(last) if lo <= last.end => last.end = last.end.max(hi),
            _ => regions.push(lo..hi),
        }
    }
    regions
}

/// The compiled rule set.
#[derive(Debug)]
pub(crate) struct Engine {
    rules: Vec<Rule>,
    prefilter: Prefilter,
    context: ContextIndex,
    stopwords: aho_corasick::AhoCorasick,
}

impl Engine {
    pub(crate) fn new(rules: Vec<Rule>) -> Engine {
        let prefilter = Prefilter::new(&rules);
        let context = ContextIndex::new(&rules);
        let stopwords = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(crate::rules::secrets::STOPWORDS)
            .expect("static stopwords are valid");
        Engine { rules, prefilter, context, stopwords }
    }

    pub(crate) fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// All validated detections, unsorted and possibly overlapping;
    /// optionally treating every rule as a candidate (used by the
    /// prefilter soundness test).
    pub(crate) fn detect_with(
        &self,
        text: &str,
        all_candidates: bool,
    ) -> Vec<Detection> {
        let mut budget = decode::MAX_TOTAL;
        self.detect_depth(text, all_candidates, 0, &mut budget)
    }

    /// One scan; `depth > 0` is decoded text, where only secret rules run.
    fn detect_depth(
        &self,
        text: &str,
        all_candidates: bool,
        depth: u8,
        budget: &mut usize,
    ) -> Vec<Detection> {
        let (candidates, hits) = if all_candidates {
            (vec![true; self.rules.len()], Vec::new())
        } else {
            let c = self.prefilter.scan(text, self.rules.len());
            (c.rules, c.hits)
        };
        let mut out = Vec::new();
        for (i, rule) in self.rules.iter().enumerate() {
            if !candidates[i] || (depth > 0 && rule.kind != Kind::Secret) {
                continue;
            }
            let Some(re) = rule.regex() else { continue };
            // PERF: with a known window, scan only the text around this
            // rule's keyword hits (the forced-candidate mode used by the
            // soundness test always scans the whole text).
            let regions = if all_candidates || rule.window == 0 {
                vec![0..text.len()]
            } else {
                windows(text, &hits, self.prefilter.words_of(i), rule.window)
            };
            for region in regions {
                let hay = &text[region.clone()];
                let base = region.start;
                if rule.group == 0 {
                    for m in re.find_iter(hay) {
                        let r = base + m.start()..base + m.end();
                        self.consider(text, i, rule, r, &mut out);
                    }
                } else {
                    for caps in re.captures_iter(hay) {
                        if let Some(g) = caps.get(rule.group) {
                            let r = base + g.start()..base + g.end();
                            self.consider(text, i, rule, r, &mut out);
                        }
                    }
                }
            }
        }
        if !out.is_empty() {
            self.context.boost(text, &self.rules, &mut out);
        }
        if depth < decode::MAX_DEPTH {
            for (span, decoded) in decode::runs(text, budget) {
                let inner =
                    self.detect_depth(&decoded, all_candidates, depth + 1, budget);
                let best = inner.into_iter().max_by(|a, b| {
                    a.score
                        .partial_cmp(&b.score)
                        .unwrap_or(std::cmp::Ordering::Equal)
                });
                if let Some(d) = best {
                    out.push(Detection { rule: d.rule, span, score: d.score });
                }
            }
        }
        out
    }

    fn consider(
        &self,
        text: &str,
        index: usize,
        rule: &Rule,
        span: Range<usize>,
        out: &mut Vec<Detection>,
    ) {
        if span.is_empty() {
            return;
        }
        let value = &text[span.clone()];
        if !validate::check(rule.validator, value) {
            return;
        }
        if rule.min_entropy > 0.0
            && validate::entropy(value.as_bytes()) < rule.min_entropy
        {
            return;
        }
        if rule.kind == Kind::Secret && self.stopwords.is_match(value) {
            return;
        }
        out.push(Detection { rule: index, span, score: rule.score });
    }
}
