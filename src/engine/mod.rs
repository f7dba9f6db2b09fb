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

mod context;
pub(crate) mod decode;
mod prefilter;
pub(crate) mod syntax;
pub(crate) mod tenants;

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::report::Kind;
use crate::rules::RuleDef;
use crate::validate::{self, Validator};

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
    /// `^(?s:.)(?:pattern)`: an anchored search at a candidate position
    /// that also sees the char before it, so `\b` and friends at the
    /// start of any branch read the real text.
    anchored: OnceLock<Option<Regex>>,
    /// Length bound, digit floor, first bytes: see `syntax`. Read from
    /// the pattern on first use: most rules never become candidates, and
    /// reading all ~480 patterns was a third of building a filter.
    facts: OnceLock<syntax::Facts>,
    /// `syntax::next_bytes`, on first use.
    next: OnceLock<Vec<syntax::ByteSet>>,
    pub group: usize,
    pub validator: Validator,
    pub min_entropy: f32,
    pub score: f32,
    pub context: Vec<String>,
    /// Words that lower the score (built-in rules only).
    pub anti_context: Vec<String>,
    /// Built-in rules: a keyword with no letter or digit (`:`, `.`, `@`)
    /// is a separator inside the match, never a word near it
    /// (`prefilter_is_sound` checks). A policy's keywords promise only to
    /// occur near a match.
    keywords_in_match: bool,
}

/// A match that passed validation, before policy.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Detection {
    pub rule: usize,
    pub span: Range<usize>,
    pub score: f32,
}

/// Bytes searched past a rule's longest match, so a match that ends at
/// its bound is never mistaken for one cut short by the search's end.
const SLACK: usize = 4;

/// Upper bound on a compiled rule regex, in bytes of heap.
pub(crate) const RULE_SIZE_LIMIT: usize = 1 << 20;

impl Rule {
    pub(crate) fn from_def(def: &RuleDef) -> Rule {
        Rule {
            id: def.id.to_string(),
            kind: def.kind,
            type_name: def.type_name.to_string(),
            keywords: def.keywords.iter().map(|k| k.to_string()).collect(),
            pattern: def.pattern.to_string(),
            regex: OnceLock::new(),
            anchored: OnceLock::new(),
            facts: OnceLock::new(),
            next: OnceLock::new(),
            group: def.group,
            validator: def.validator,
            min_entropy: def.min_entropy,
            score: def.score,
            context: def.context.iter().map(|k| k.to_string()).collect(),
            anti_context: def
                .anti_context
                .iter()
                .map(|k| k.to_string())
                .collect(),
            keywords_in_match: true,
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
        let facts = OnceLock::new();
        let _ = facts.set(syntax::facts(pattern));
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
            anchored: OnceLock::new(),
            facts,
            next: OnceLock::new(),
            group,
            validator,
            min_entropy: 0.0,
            score,
            context,
            anti_context: Vec::new(),
            keywords_in_match: false,
        })
    }

    /// Whether a hit of `keyword` may lie outside the match, as a
    /// context word within the context window.
    pub(crate) fn keyword_may_be_near(&self, keyword: &str) -> bool {
        !self.keywords_in_match
            || keyword.bytes().any(|b| b.is_ascii_alphanumeric())
    }

    fn regex(&self) -> Option<&Regex> {
        // Custom rules were compiled (with RULE_SIZE_LIMIT) when the
        // policy was built; only built-ins get here unset.
        self.regex
            .get_or_init(|| {
                compile_with(&self.pattern, BUILTIN_SIZE_LIMIT).ok()
            })
            .as_ref()
    }

    fn anchored(&self) -> Option<&Regex> {
        self.anchored
            .get_or_init(|| {
                compile_with(
                    &format!("^(?s:.)(?:{})", self.pattern),
                    BUILTIN_SIZE_LIMIT,
                )
                .ok()
            })
            .as_ref()
    }

    pub(crate) fn facts(&self) -> &syntax::Facts {
        self.facts.get_or_init(|| syntax::facts(&self.pattern))
    }

    fn next_bytes(&self) -> &[syntax::ByteSet] {
        self.next.get_or_init(|| syntax::next_bytes(&self.pattern))
    }

    /// Scored below the default threshold, and its keywords are its
    /// context words: it runs only where one occurs, and a match counts
    /// only with one near it (see `ContextIndex::boost`).
    pub(crate) fn context_only(&self) -> bool {
        self.score < 0.5
            && !self.context.is_empty()
            && self.keywords == self.context
    }

    /// Longest possible match in bytes; `None` when unbounded.
    pub(crate) fn max_len(&self) -> Option<usize> {
        self.facts().max_len
    }

    /// Whether searches may start only at candidate positions.
    fn anchorable(&self) -> bool {
        let f = self.facts();
        f.max_len.is_some() && !f.nullable && !f.needs_scan
    }
}

/// Size limit for built-in patterns: they are tested, and the PEM block
/// pattern alone is over 1 MiB compiled.
pub(crate) const BUILTIN_SIZE_LIMIT: usize = 16 << 20;

/// Compiles a rule pattern.
///
/// NOTE: the engine uses regex-lite (imported under the name `regex`): its
/// `\d`, `\w`, `\s` and `\b` are ASCII-only and `(?i)` folds ASCII only,
/// which is what identifiers and keys need, and it is ~100 KB smaller
/// gzipped than `regex` in wasm. Its matcher is a PikeVM without a DFA, so
/// rules run only in short windows around their anchors (see `detect`).
pub(crate) fn compile(pattern: &str) -> Result<Regex, String> {
    compile_with(pattern, RULE_SIZE_LIMIT)
}

fn compile_with(pattern: &str, limit: usize) -> Result<Regex, String> {
    regex::RegexBuilder::new(pattern)
        .size_limit(limit)
        .nest_limit(64)
        .build()
        // The error text quotes the pattern, which is policy text, not
        // user data: safe to show.
        .map_err(|e| format!("invalid regex: {}", e))
}

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

/// The compiled rule set.
pub(crate) struct Engine {
    rules: Vec<Rule>,
    prefilter: Prefilter,
    context: ContextIndex,
    stopwords: aho_corasick::AhoCorasick,
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

impl Engine {
    pub(crate) fn new(rules: Vec<Rule>) -> Engine {
        let prefilter = Prefilter::new(&rules);
        let context = ContextIndex::new(&rules);
        let stopwords = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(
                crate::rules::secrets::STOPWORDS
                    .iter()
                    .chain(crate::rules::secrets::FILLERS),
            )
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

    /// One pass; `depth > 0` is decoded text, where only secret rules run.
    /// A hit in decoded text is reported at the span of the encoded run.
    fn detect_depth(
        &self,
        text: &str,
        all_candidates: bool,
        depth: u8,
        budget: &mut usize,
    ) -> Vec<Detection> {
        let mut out = Vec::new();
        let secret_only = |r: &Rule| depth == 0 || r.kind == Kind::Secret;
        if all_candidates {
            for (i, rule) in self.rules.iter().enumerate() {
                if secret_only(rule) {
                    self.scan(text, i, rule, 0..text.len(), &mut out);
                }
            }
        } else {
            let windows = self.prefilter.windows(text, &self.rules);
            for (i, list) in windows {
                let Some(rule) = self.rules.get(i) else { continue };
                if !secret_only(rule) {
                    continue;
                }
                for w in list {
                    self.search(text, i, rule, w, &mut out);
                }
            }
        }
        if !out.is_empty() {
            self.context.boost(text, &self.rules, &mut out);
        }
        if depth < decode::MAX_DEPTH {
            for (span, decoded) in decode::runs(text, budget) {
                let inner = self.detect_depth(
                    &decoded,
                    all_candidates,
                    depth + 1,
                    budget,
                );
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

    /// Runs one rule over `window` of `text`. The search sees the text
    /// before the window (so `\b` at its start is right) but not after it;
    /// a match that ends exactly at a cut-off window end may be truncated
    /// and is dropped: windows are wider than any match of the rule around
    /// its anchor, so no real match ends there.
    fn search(
        &self,
        text: &str,
        index: usize,
        rule: &Rule,
        window: Range<usize>,
        out: &mut Vec<Detection>,
    ) {
        if rule.anchorable() {
            self.search_anchored(text, index, rule, window, out);
        } else {
            self.scan(text, index, rule, window, out);
        }
    }

    /// Anchored searches at each position of `window` where a match may
    /// begin. Equivalent to scanning, since leftmost-first iteration
    /// reports, from each resume point, the match at the earliest position
    /// that has one; but a PikeVM dies within a few bytes at positions that
    /// do not match, where a scan pays for every byte of the window.
    fn search_anchored(
        &self,
        text: &str,
        index: usize,
        rule: &Rule,
        window: Range<usize>,
        out: &mut Vec<Detection>,
    ) {
        let Some(re) = rule.anchored() else { return };
        let facts = rule.facts();
        let Some(max_len) = facts.max_len else { return };
        let bytes = text.as_bytes();
        let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let next = rule.next_bytes();
        let mut p = window.start;
        while p < window.end {
            let b = bytes[p];
            // Most bytes start no match: one table lookup says so.
            if !facts.first.contains(b) {
                p += 1;
                continue;
            }
            // The anchored regex sees no text before `p`, so a leading
            // `\b` is checked here against the real previous byte.
            let prev_word = p > 0 && is_word(bytes[p - 1]);
            let boundary_ok =
                !facts.starts_with_boundary || prev_word != is_word(b);
            let next_ok = || {
                next.iter().enumerate().all(|(j, set)| {
                    bytes.get(p + 1 + j).is_some_and(|&b| set.contains(b))
                })
            };
            if !text.is_char_boundary(p) || !boundary_ok || !next_ok() {
                p += 1;
                continue;
            }
            let end = match_end(text, p, Some(max_len));
            // At the start of the text there is no char before `p`: search
            // the plain pattern there (the lazily compiled unanchored
            // regex, whose match must then start at 0).
            let (hay, base, re_here) = if p == 0 {
                (&text[..end], 0, rule.regex())
            } else {
                let prev = prefilter::floor(text, p - 1);
                (&text[prev..end], prev, Some(re))
            };
            let Some(re_here) = re_here else { return };
            let found = if p == 0 {
                re_here.find(hay).filter(|m| m.start() == 0)
            } else {
                re_here.find(hay)
            };
            let Some(m) = found else {
                p += 1;
                continue;
            };
            if end < text.len() && m.end() == hay.len() {
                p += 1;
                continue;
            }
            let whole = p..base + m.end();
            let span = if rule.group == 0 {
                Some(whole.clone())
            } else {
                re_here
                    .captures(hay)
                    .and_then(|c| c.get(rule.group))
                    .map(|g| base + g.start()..base + g.end())
            };
            if let Some(span) = span {
                self.consider(text, index, rule, span, out);
            }
            p = if whole.end > p { whole.end } else { p + 1 };
        }
    }

    /// Scans `window` with the unanchored regex.
    fn scan(
        &self,
        text: &str,
        index: usize,
        rule: &Rule,
        window: Range<usize>,
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
                self.consider(text, index, rule, span, out);
            }
            at = if m.end() > m.start() {
                m.end()
            } else {
                next_boundary(hay, m.end())
            };
        }
    }

    /// A placeholder marker, a typed run ("12345678", "abcdefgh"), or
    /// filler ("fake") around a rest that is not random on its own.
    fn is_placeholder(&self, value: &str) -> bool {
        if validate::has_sequential_run(value.as_bytes(), 8) {
            return true;
        }
        let markers = crate::rules::secrets::STOPWORDS.len();
        let mut rest = Vec::with_capacity(value.len());
        let mut last = 0;
        let mut filler = false;
        for m in self.stopwords.find_iter(value) {
            if m.pattern().as_usize() < markers {
                return true;
            }
            filler = true;
            rest.extend_from_slice(&value.as_bytes()[last..m.start()]);
            last = m.end();
        }
        if !filler {
            return false;
        }
        rest.extend_from_slice(&value.as_bytes()[last..]);
        !validate::looks_random(&rest)
    }

    /// A placeholder marker (`xxxxxxxx`, `example`, `<your`, `${`).
    fn has_marker(&self, value: &str) -> bool {
        let markers = crate::rules::secrets::STOPWORDS.len();
        self.stopwords
            .find_iter(value)
            .any(|m| m.pattern().as_usize() < markers)
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
        // An IPv6 token must stand alone: not glued to a word, `.` or `:`
        // on the left (`std::cout`, `a.b::c`) or a word or `:` on the right.
        if rule.validator == Validator::Ipv6 {
            let b = text.as_bytes();
            let glued_left = span.start > 0
                && matches!(b[span.start - 1], b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b':' | b'.' | b'_');
            let glued_right = span.end < b.len()
                && matches!(b[span.end], b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b':' | b'_');
            if glued_left || glued_right {
                return;
            }
        }
        if rule.min_entropy > 0.0
            && validate::entropy(value.as_bytes()) < rule.min_entropy
        {
            return;
        }
        if rule.kind == Kind::Secret {
            let placeholder = if rule.validator == Validator::Prefixed {
                self.has_marker(value)
            } else {
                self.is_placeholder(value)
            };
            if placeholder {
                return;
            }
        }
        out.push(Detection { rule: index, span, score: rule.score });
    }
}
