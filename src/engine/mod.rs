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
        let candidates = if all_candidates {
            vec![true; self.rules.len()]
        } else {
            self.prefilter.candidates(text, self.rules.len())
        };
        let mut out = Vec::new();
        for (i, rule) in self.rules.iter().enumerate() {
            if !candidates[i] || (depth > 0 && rule.kind != Kind::Secret) {
                continue;
            }
            let Some(re) = rule.regex() else { continue };
            if rule.group == 0 {
                for m in re.find_iter(text) {
                    self.consider(text, i, rule, m.range(), &mut out);
                }
            } else {
                for caps in re.captures_iter(text) {
                    if let Some(g) = caps.get(rule.group) {
                        self.consider(text, i, rule, g.range(), &mut out);
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
