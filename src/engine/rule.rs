//! A rule ready for matching, built-in or from a policy, and what a match
//! of one becomes ([`Detection`]); compiling rule patterns.
//!
//! Depends on `syntax` (facts read from a pattern), the rule definitions
//! of `rules` and the validator names of `validate`.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::program;
use super::shape;
use super::syntax;
use crate::report::Kind;
use crate::rules::RuleDef;
use crate::validate::Validator;

/// A rule ready for matching: built-in or from a policy.
#[derive(Debug)]
pub(crate) struct Rule {
    /// Borrowed from the built-in table (issue 16: ~3,500 copies of ids,
    /// types and keywords were a tenth of building a filter).
    pub id: Cow<'static, str>,
    pub kind: Kind,
    pub type_name: Cow<'static, str>,
    pub keywords: List,
    /// Borrowed from the built-in table (not copied: ~90 KB for a filter).
    pattern: Cow<'static, str>,
    regex: Lazy,
    /// `^(?s:.)(?:pattern)`: an anchored search at a candidate position
    /// that also sees the char before it, so `\b` and friends at the
    /// start of any branch read the real text.
    anchored: Lazy,
    /// Length bound, digit floor, first bytes: see `syntax`. Read from
    /// the pattern on first use: most rules never become candidates, and
    /// reading all ~480 patterns was a third of building a filter.
    facts: OnceLock<syntax::Facts>,
    /// `shape::shape`, on first use.
    shape: OnceLock<Option<shape::Shape>>,
    /// `program::program`, on first use.
    program: OnceLock<Option<program::Program>>,
    pub group: usize,
    pub validator: Validator,
    pub min_entropy: f32,
    pub score: f32,
    /// A credential part (`part_of` in `secrets.rules`): reported only
    /// beside a secret that is not one (`filter::resolve`), and run only
    /// when the text has such a secret (`Parts`), never on a response
    /// (`filter::detect::wanted`). Set by [`Rule::builtin`], not `from_def`.
    pub part: bool,
    pub context: List,
    /// Words that lower the score (built-in rules only).
    pub anti_context: List,
    /// Built-in rules: a keyword with no letter or digit (`:`, `.`, `@`)
    /// is a separator inside the match, never a word near it
    /// (`prefilter_is_sound` checks). A policy's keywords promise only to
    /// occur near a match.
    keywords_in_match: bool,
    /// `RuleDef::letters_in_match` (built-in rules only).
    letters_in_match: bool,
    /// `RuleDef::keyword_lead` (built-in rules only).
    keyword_lead: Option<usize>,
    /// Longest match and digit floor when the rule table carries them
    /// (`RuleDef::lengths`): the prefilter and the response stream ask
    /// every rule for these, most of which never run.
    lengths: Option<(Option<usize>, usize)>,
    /// A built-in rule's row of the digit sieve (`sieve::ROWS`, set by
    /// `engine::builtin_rules`); `None`: the sieve does not hold the rule.
    pub(super) sieve_row: Option<u8>,
}

/// A rule's list of words: the built-in table's, borrowed (context words
/// repeat across rules: a copy of each was ~3,700 allocations a filter),
/// or a policy's.
#[derive(Debug)]
pub(crate) enum List {
    Static(&'static [&'static str]),
    Owned(Vec<String>),
}

impl List {
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        let (s, o): (&[&str], &[String]) = match self {
            List::Static(s) => (s, &[]),
            List::Owned(o) => (&[], o),
        };
        s.iter().copied().chain(o.iter().map(String::as_str))
    }

    pub(crate) fn is_empty(&self) -> bool {
        match self {
            List::Static(s) => s.is_empty(),
            List::Owned(o) => o.is_empty(),
        }
    }

    /// The `i`-th word.
    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        match self {
            List::Static(s) => s.get(i).copied(),
            List::Owned(o) => o.get(i).map(String::as_str),
        }
    }
}

/// Distinct words, ASCII-lowercased, numbered in the order first seen and
/// found by hash (FNV-1a of the lowercased bytes, open addressing): the
/// keyword and context-word tables of a filter are built from ~5,000
/// words with a few hundred distinct, where a sorted list's bisection
/// and a lowercased copy of each word cost ~2M instructions.
#[derive(Debug, Default)]
pub(crate) struct Words {
    words: Vec<String>,
    /// `word id + 1 | hash << 32`; 0: empty. A power of two, at most
    /// half full.
    slots: Vec<u64>,
}

impl Words {
    fn hash(w: &str) -> u64 {
        let mut h: u32 = 0x811c_9dc5;
        for b in w.bytes() {
            h = (h ^ u32::from(b.to_ascii_lowercase()))
                .wrapping_mul(0x0100_0193);
        }
        u64::from(h)
    }

    /// `Ok(id)` of `w` (in any ASCII case), or `Err(the empty slot)`.
    fn find(&self, w: &str, h: u64) -> Result<u32, usize> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = h as usize & mask;
        loop {
            let slot = self.slots.get(at).copied().unwrap_or(0);
            if slot == 0 {
                return Err(at);
            }
            if slot >> 32 == h {
                let id = (slot as u32).wrapping_sub(1);
                let known = self.words.get(id as usize);
                if known.is_some_and(|k| k.eq_ignore_ascii_case(w)) {
                    return Ok(id);
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// The id of `w`, lowercased; a new one when not seen yet.
    pub(crate) fn id(&mut self, w: &str) -> u32 {
        if self.words.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let h = Words::hash(w);
        match self.find(w, h) {
            Ok(id) => id,
            Err(at) => {
                self.words.push(w.to_ascii_lowercase());
                let id = self.words.len() as u64;
                if let Some(s) = self.slots.get_mut(at) {
                    *s = id | h << 32;
                }
                id as u32 - 1
            }
        }
    }

    /// Twice the slots (at least 1,024), the words placed again. Out of
    /// line (issue 16): `id` runs for each of a filter's ~5,000 keywords
    /// and context words in the constructor, and V8 charges its baseline
    /// code its whole body at every return.
    #[inline(never)]
    fn grow(&mut self) {
        // Built-in rules: ~800 distinct keywords, ~300 context words.
        let n = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![0; n]);
        for slot in old.into_iter().filter(|&s| s != 0) {
            let mut at = (slot >> 32) as usize & (n - 1);
            while self.slots[at] != 0 {
                at = (at + 1) & (n - 1);
            }
            self.slots[at] = slot;
        }
    }

    /// The id of `w` (in any ASCII case), if seen.
    pub(crate) fn get(&self, w: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        self.find(w, Words::hash(w)).ok()
    }

    /// The words, lowercase, by id.
    pub(crate) fn all(&self) -> &[String] {
        &self.words
    }
}

/// A match that passed validation, before policy.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Detection {
    pub rule: usize,
    pub span: Range<usize>,
    pub score: f32,
    /// Start of the whole match (`span` is its group's): the stream
    /// never cuts between the two, since its next screening searches
    /// from the cut on. An empty `span` (at the group's end) is a match
    /// the checks turned down (`Checks::consider`): a no-cut span only.
    pub start: usize,
}

/// A rule's regex, compiled on its first search. A rule becomes a
/// candidate wherever its keyword or a digit run is, and most candidates
/// never reach a position where a match could start (first bytes, word
/// boundaries and the pattern's shape rule them out): compiling every
/// candidate's regex was a third of a cold start's first screen. The
/// methods are the `Regex` ones the search uses; a pattern that does not
/// compile finds nothing (the built-in ones all compile: tested).
#[derive(Debug)]
pub(crate) struct Lazy {
    /// The pattern; `anchored`: compiled as `^(?s:.)(?:pattern)`.
    source: Cow<'static, str>,
    anchored: bool,
    cell: OnceLock<Option<Regex>>,
}

impl Lazy {
    fn new(source: Cow<'static, str>, anchored: bool) -> Lazy {
        Lazy { source, anchored, cell: OnceLock::new() }
    }

    fn get(&self) -> Option<&Regex> {
        self.cell
            .get_or_init(|| {
                let anchored;
                let pattern = if self.anchored {
                    anchored = format!("^(?s:.)(?:{})", self.source);
                    &anchored
                } else {
                    &*self.source
                };
                compile_builtin(pattern).ok()
            })
            .as_ref()
    }

    pub(super) fn find<'h>(&self, hay: &'h str) -> Option<regex::Match<'h>> {
        self.get()?.find(hay)
    }

    pub(super) fn find_at<'h>(
        &self,
        hay: &'h str,
        at: usize,
    ) -> Option<regex::Match<'h>> {
        self.get()?.find_at(hay, at)
    }

    pub(super) fn captures<'h>(
        &self,
        hay: &'h str,
    ) -> Option<regex::Captures<'h>> {
        self.get()?.captures(hay)
    }

    pub(super) fn captures_at<'h>(
        &self,
        hay: &'h str,
        at: usize,
    ) -> Option<regex::Captures<'h>> {
        self.get()?.captures_at(hay, at)
    }
}

/// Upper bound on a compiled rule regex, in bytes of heap.
pub(crate) const RULE_SIZE_LIMIT: usize = 1 << 20;

impl Rule {
    pub(crate) fn from_def(def: &RuleDef) -> Rule {
        Rule {
            id: Cow::Borrowed(def.id),
            kind: def.kind,
            type_name: Cow::Borrowed(def.type_name),
            keywords: List::Static(def.keywords),
            pattern: Cow::Borrowed(def.pattern),
            regex: Lazy::new(Cow::Borrowed(def.pattern), false),
            anchored: Lazy::new(Cow::Borrowed(def.pattern), true),
            facts: OnceLock::new(),
            shape: OnceLock::new(),
            program: OnceLock::new(),
            group: def.group,
            validator: def.validator,
            min_entropy: def.min_entropy,
            score: def.score,
            part: false,
            context: List::Static(def.context),
            anti_context: List::Static(def.anti_context),
            keywords_in_match: true,
            letters_in_match: def.letters_in_match,
            keyword_lead: def.keyword_lead.map(usize::from),
            lengths: def.lengths.map(|(n, d)| (Some(n as usize), d as usize)),
            sieve_row: None,
        }
    }

    /// The built-in rules, with their [`Rule::part`] flags (rows of the
    /// secret table, the last rules, that build.rs lists: a lookup of
    /// the parts table per rule made V8 tier up the filter constructor,
    /// 13M V8 instructions). Compiled lazily (see `from_def`); out of
    /// line as `filter::detect::wanted`.
    #[inline(never)]
    pub(crate) fn builtin() -> Vec<Rule> {
        const ROWS: &[u16] =
            include!(concat!(env!("OUT_DIR"), "/secret_part_rows.rs"));
        let mut rules: Vec<Rule> =
            crate::rules::builtin().map(Rule::from_def).collect();
        let first = rules.len() - crate::rules::secrets::RULES_LEN;
        for &row in ROWS {
            if let Some(r) = rules.get_mut(first + usize::from(row)) {
                r.part = true;
            }
        }
        rules
    }

    /// A custom rule; the regex is compiled now so errors surface at
    /// policy time. Returns the compile error message on failure.
    // One argument per field of a policy's rule entry: a struct for them
    // would only repeat `Rule`'s fields.
    #[allow(clippy::too_many_arguments)]
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
        let cell = Lazy::new(Cow::Owned(pattern.to_string()), false);
        let _ = cell.cell.set(Some(regex));
        let facts = OnceLock::new();
        let _ = facts.set(syntax::facts(pattern));
        Ok(Rule {
            id: Cow::Owned(id),
            kind,
            type_name: Cow::Owned(type_name),
            keywords: List::Owned(
                keywords.iter().map(|k| k.to_ascii_lowercase()).collect(),
            ),
            pattern: Cow::Owned(pattern.to_string()),
            regex: cell,
            anchored: Lazy::new(Cow::Owned(pattern.to_string()), true),
            facts,
            shape: OnceLock::new(),
            program: OnceLock::new(),
            group,
            validator,
            min_entropy: 0.0,
            score,
            part: false,
            context: List::Owned(context),
            anti_context: List::Static(&[]),
            keywords_in_match: false,
            letters_in_match: false,
            keyword_lead: None,
            lengths: None,
            sieve_row: None,
        })
    }

    /// Whether a hit of `keyword` may lie outside the match, as a
    /// context word within the context window.
    pub(crate) fn keyword_may_be_near(&self, keyword: &str) -> bool {
        !self.keywords_in_match
            || keyword.bytes().any(|b| b.is_ascii_alphanumeric())
    }

    /// Whether the rule's keywords, letters and all, lie in every match
    /// (so the prefilter may trim its windows; they stay context words
    /// for the windows themselves): `RuleDef::letters_in_match`.
    pub(crate) fn letters_in_match(&self) -> bool {
        self.letters_in_match
    }

    /// For a built-in rule whose every match holds one of its keywords
    /// whole: the most bytes a match runs before the first it holds
    /// (`RuleDef::keyword_lead`); `None` for the other rules.
    pub(crate) fn keyword_lead(&self) -> Option<usize> {
        self.keyword_lead
    }

    /// The rule's regex, compiled on its first search (see [`Lazy`]).
    pub(super) fn regex(&self) -> Option<&Lazy> {
        Some(&self.regex)
    }

    /// `^(?s:.)(?:pattern)`, compiled on its first search.
    pub(super) fn anchored(&self) -> Option<&Lazy> {
        Some(&self.anchored)
    }

    /// The pattern as compiled.
    pub(crate) fn pattern(&self) -> &str {
        &self.pattern
    }

    pub(crate) fn facts(&self) -> &syntax::Facts {
        self.facts.get_or_init(|| syntax::facts(&self.pattern))
    }

    pub(super) fn shape(&self) -> Option<&shape::Shape> {
        self.shape.get_or_init(|| shape::shape(&self.pattern)).as_ref()
    }

    pub(super) fn program(&self) -> Option<&program::Program> {
        self.program.get_or_init(|| program::program(&self.pattern)).as_ref()
    }

    /// The facts and the shape from one reading of the pattern, when
    /// neither is known yet: a search asks for both (`search`, `sieve`),
    /// and reading each pattern twice was a fifth of a cold start's
    /// first screen (natively; in V8 the reader then tiered up).
    #[inline(never)]
    fn read_for_search(&self) {
        let (facts, node) = syntax::read(&self.pattern);
        let _ = self.shape.set(node.as_ref().and_then(shape::from_node));
        let _ = self.facts.set(facts);
    }

    /// Scored below the default threshold, and its keywords are its
    /// context words: it runs only where one occurs, and a match counts
    /// only with one near it (see `ContextIndex::boost`).
    pub(crate) fn context_only(&self) -> bool {
        self.score < 0.5
            && !self.context.is_empty()
            && self.keywords.iter().eq(self.context.iter())
    }

    /// The pattern read as `H M D` (`syntax::Facts::tail`).
    pub(crate) fn tail(&self) -> Option<([u64; 4], usize, usize)> {
        // PERF: the known lengths of a short match spare its facts.
        if self.max_len().is_none_or(|n| n <= syntax::TAIL_MIN) {
            return None;
        }
        self.facts().tail
    }

    /// Longest possible match in bytes; `None` when unbounded.
    pub(crate) fn max_len(&self) -> Option<usize> {
        match self.lengths {
            Some((n, _)) => n,
            None => self.facts().max_len,
        }
    }

    /// ASCII digits every match holds.
    pub(crate) fn min_digits(&self) -> usize {
        match self.lengths {
            Some((_, d)) => d,
            None => self.facts().min_digits,
        }
    }

    /// Whether searches may start only at candidate positions.
    pub(super) fn anchorable(&self) -> bool {
        if self.facts.get().is_none() && self.shape.get().is_none() {
            self.read_for_search();
        }
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
/// rules run only in short windows around their anchors (see `search`).
pub(crate) fn compile(pattern: &str) -> Result<Regex, String> {
    compile_with(pattern, RULE_SIZE_LIMIT)
}

/// Compiles a built-in pattern (larger size limit). Built-in rules compile
/// lazily and one that fails matches nothing, so a test compiles them all
/// up front (`__private::builtin_compile_errors`).
pub(crate) fn compile_builtin(pattern: &str) -> Result<Regex, String> {
    compile_with(pattern, BUILTIN_SIZE_LIMIT)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Why `every_pattern_compiles_in_the_engine` exists: a class
    /// intersection parses in `regex_syntax` but not here.
    #[test]
    fn class_intersection_does_not_compile() {
        assert!(compile_builtin("[!-~&&[^'\"]]").is_err());
        assert!(compile_builtin("[!-~]").is_ok());
    }

    /// `letters_in_match` holds on each such rule's own hits: every
    /// keyword hit lies inside a match (the corpus side is
    /// `prefilter_is_sound`).
    #[test]
    fn letters_in_match_holds_on_hits() {
        let mut rules = 0;
        for def in crate::rules::builtin().filter(|d| d.letters_in_match) {
            rules += 1;
            let rule = Rule::from_def(def);
            assert!(!def.hits.is_empty(), "{}: no hits", def.id);
            for hit in def.hits {
                let mut spans = Vec::new();
                let mut at = 0;
                while let Some(m) = rule.regex.find_at(hit, at) {
                    spans.push(m.range());
                    at = m.end().max(m.start() + 1);
                }
                let lower = hit.to_ascii_lowercase();
                for kw in def.keywords {
                    for (i, _) in lower.match_indices(kw) {
                        let inside = spans
                            .iter()
                            .any(|s| s.start <= i && i + kw.len() <= s.end);
                        assert!(
                            inside,
                            "{}: {kw:?} outside in {hit:?}",
                            def.id
                        );
                    }
                }
            }
        }
        assert!(rules > 0);
    }

    /// The lengths build.rs writes into the secret table are the ones
    /// the pattern reader finds in the patterns as compiled (context rows
    /// expanded); every secret rule has them. A stale table would widen
    /// or narrow the prefilter's windows: rebuild (build.rs regenerates
    /// the table from `secrets.rules`) and this passes again.
    #[test]
    fn precomputed_lengths_are_the_patterns() {
        let mut secret = 0;
        for def in crate::rules::builtin() {
            if def.kind == Kind::Secret {
                secret += 1;
                assert!(def.lengths.is_some(), "{}: no lengths", def.id);
            }
            let Some((n, d)) = def.lengths else { continue };
            let f = syntax::facts(def.pattern);
            assert_eq!(f.max_len, Some(n as usize), "{}", def.id);
            assert_eq!(f.min_digits, d as usize, "{}", def.id);
            let rule = Rule::from_def(def);
            assert_eq!(rule.max_len(), f.max_len, "{}", def.id);
            assert_eq!(rule.min_digits(), f.min_digits, "{}", def.id);
        }
        assert_eq!(secret, crate::rules::secrets::RULES_LEN);
    }

    /// The month rule's `keyword_lead` is the longest day its pattern
    /// allows before its month group, and each alternative of that group is one
    /// of the rule's keywords or, with an accent or not, two of them
    /// (`Rule::keyword_lead`: the prefilter starts its windows there).
    #[test]
    fn month_lead_is_the_patterns_day() {
        let def = crate::rules::builtin()
            .find(|d| d.id == "date-month-name-intl")
            .expect("month rule");
        let day = r"(?:(?:0?[1-9]|[12]\d|3[01])(?:er|º|°|\.)? (?:de )?)?";
        let rest = def
            .pattern
            .strip_prefix(r"(?i)\b")
            .and_then(|p| p.strip_prefix(day))
            .and_then(|p| p.strip_prefix("(?:"))
            .expect("pattern: day, then the months");
        let node = syntax::parse(day).expect("day");
        let lead = syntax::max_len(&node);
        let rest = rest.replace("(?:é|e)", "e").replace("(?:û|u)", "u");
        let rest = rest.replace("(?:ä|a)", "a").replace("(?:ç|c)", "c");
        let months = &rest[..rest.find(')').expect("end")];
        for m in months.replace("se?p", "sep").split('|') {
            assert!(def.keywords.contains(&m), "{m}");
        }
        assert!(def.keywords.contains(&"setiembre"));
        for m in ["février", "août", "décembre", "jänner", "märz", "março"]
        {
            assert!(def.keywords.contains(&m), "{m}");
        }
        let rule = Rule::from_def(def);
        assert_eq!(rule.keyword_lead(), lead);
        assert!(rule.letters_in_match());
    }

    /// The leads of `Rule::keyword_lead` for `mac-address` and
    /// `discord-bot-token-shape`: the longest part of each alternative
    /// before its first keyword.
    #[test]
    fn keyword_leads_are_the_patterns() {
        let lead = |part: &str| syntax::max_len(&syntax::parse(part).unwrap());
        let rules = Rule::builtin();
        let rule = |id: &str| rules.iter().find(|r| r.id == id).unwrap();
        let mac = rule("mac-address");
        let (a, b) = (r"\b[0-9A-Fa-f]{2}", r"\b[0-9A-Fa-f]{4}");
        let want = format!(
            r"{a}(?:[:-][0-9A-Fa-f]{{2}}){{5}}\b|{b}\.[0-9A-Fa-f]{{4}}\.[0-9A-Fa-f]{{4}}\b"
        );
        assert_eq!(mac.pattern(), want);
        assert!(mac.keywords.iter().eq([":", "-", "."]));
        assert_eq!(lead(a).max(lead(b)), mac.keyword_lead());
        let discord = rule("discord-bot-token-shape");
        let written = r"(?:^|[^A-Za-z0-9_\-.])([MNO][A-Za-z0-9_\-]{23,25}\.";
        assert!(discord.pattern().starts_with(written));
        let head = written.replacen("([", "[", 1).replace(r"\.", "");
        assert!(discord.keywords.iter().eq(["."]));
        assert_eq!(lead(&head), discord.keyword_lead());
    }

    /// Every credential part of the table, and only those, is flagged.
    #[test]
    fn builtin_flags_the_credential_parts() {
        let rules = Rule::builtin();
        let flagged = rules.iter().filter(|r| r.part).count();
        let listed = crate::rules::builtin()
            .filter(|d| crate::rules::secrets::part_of(d.id).is_some())
            .count();
        assert_eq!(flagged, listed);
        assert!(flagged > 0);
        for r in &rules {
            let listed = crate::rules::secrets::part_of(&r.id).is_some();
            assert_eq!(r.part, listed && r.kind == Kind::Secret, "{}", r.id);
        }
    }

    /// Where `program::program` stands in for the regex, it finds the
    /// same match end at every position: every built-in rule with a
    /// program, over its examples, variants of them (chars swapped for
    /// digits, separators, letters; cut; repeated) and hostile runs.
    #[test]
    fn programs_match_like_the_regex() {
        const SWAP: &[u8] = b"0123456789 -./:_@+aZkK\n";
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let (mut rules, mut checked) = (0, 0);
        for def in crate::rules::builtin() {
            let rule = Rule::from_def(def);
            let Some(prog) = rule.program() else { continue };
            rules += 1;
            let anchored = rule.anchored().expect("compiles");
            let plain = rule.regex().expect("compiles");
            let mut texts: Vec<String> = Vec::new();
            for ex in def.hits.iter().chain(def.misses) {
                texts.push(ex.to_string());
                texts.push(format!("{ex} {ex}x{ex}"));
                for _ in 0..12 {
                    let mut b = ex.as_bytes().to_vec();
                    for _ in 0..1 + next() % 3 {
                        let at = next() as usize % b.len().max(1);
                        if b.get(at).is_some_and(u8::is_ascii) {
                            b[at] = SWAP[next() as usize % SWAP.len()];
                        }
                    }
                    let cut = next() as usize % (b.len() + 1);
                    if next() % 3 == 0 {
                        b.truncate(cut);
                    }
                    texts.extend(String::from_utf8(b).ok());
                }
            }
            for unit in ["4111 ", "12-34.56/78 ", "0123456789", "a@b.", "é1"]
            {
                texts.push(unit.repeat(12));
            }
            for text in &texts {
                for p in 0..=text.len() {
                    if !text.is_char_boundary(p) {
                        continue;
                    }
                    let (want, got) = if p == 0 {
                        let want = plain
                            .find(text)
                            .filter(|m| m.start() == 0)
                            .map(|m| m.end());
                        (
                            want,
                            prog.find(
                                text.as_bytes(),
                                0,
                                &mut Default::default(),
                            ),
                        )
                    } else {
                        let prev = super::super::prefilter::floor(text, p - 1);
                        let hay = &text[prev..];
                        let want = anchored.find(hay).map(|m| prev + m.end());
                        let got = prog
                            .find(
                                hay.as_bytes(),
                                p - prev,
                                &mut Default::default(),
                            )
                            .map(|e| prev + e);
                        (want, got)
                    };
                    assert_eq!(got, want, "{} at {p}", def.id);
                    checked += 1;
                }
            }
        }
        assert!(rules > 100, "{rules} rules have a program");
        assert!(checked > 100_000, "{checked}");
    }
}
