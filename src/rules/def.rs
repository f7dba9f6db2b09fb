//! The shape of a built-in rule. Its own module so that the tables
//! (`pii`, `secrets`) can name it without importing their parent.

use crate::report::Kind;
use crate::validate::Validator;

/// One built-in detection rule.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RuleDef {
    /// Kebab-case id, provider first: `github-pat`, `email`.
    pub id: &'static str,
    pub kind: Kind,
    /// Canonical UPPER_SNAKE type name.
    pub type_name: &'static str,
    /// Lowercase literals, one of which must occur (ASCII case-insensitive)
    /// for the rule to run. Empty: the rule always runs.
    pub keywords: &'static [&'static str],
    pub pattern: &'static str,
    /// Capture group whose span is reported (0: the whole match).
    pub group: usize,
    pub validator: Validator,
    /// Minimum Shannon entropy of the reported span, in bits per byte
    /// (0: no check). Used where the format does not identify itself.
    pub min_entropy: f32,
    /// Score before context.
    pub score: f32,
    /// Whole words near the match that raise its score.
    pub context: &'static [&'static str],
    /// Whole words near the match that lower its score ("order",
    /// "invoice", "version"): the number is probably not this type.
    pub anti_context: &'static [&'static str],
    /// Upper bound, in bytes, on a match's distance from any keyword in it
    /// (so a match lies within `window` bytes of a keyword hit). 0: unknown,
    /// the regex scans the whole text. A test checks it against the
    /// pattern's maximum length.
    pub window: usize,
    /// The longest match in bytes and the ASCII digits every match holds,
    /// as the engine's pattern reader (`engine::syntax::facts`) finds
    /// them, when build.rs read them (the secret table); `None`: the
    /// engine reads the pattern when it needs them. A test compares.
    pub lengths: Option<(u32, u32)>,
    /// Every keyword hit, letters and all, lies inside the match it
    /// anchors (`url-bare-domain`'s `.com`, the last label of the
    /// domain), so the prefilter may start the rule's windows at the
    /// word before the hit. `prefilter_is_sound` and a rule test check.
    pub letters_in_match: bool,
    /// When every match holds one of the rule's keywords whole: the most
    /// bytes a match runs before the first keyword it holds, so the
    /// prefilter starts the rule's windows that far before a hit. Tests
    /// read it from the pattern (`keyword_leads_are_the_patterns`,
    /// `month_lead_is_the_patterns_day`).
    pub keyword_lead: Option<u8>,
    /// Texts that must yield a finding of this rule.
    pub hits: &'static [&'static str],
    /// Texts that must not yield a finding of this rule.
    pub misses: &'static [&'static str],
}

impl RuleDef {
    /// Defaults for table rows: `..RuleDef::DEFAULT`.
    pub(crate) const DEFAULT: RuleDef = RuleDef {
        id: "",
        kind: Kind::Pii,
        type_name: "",
        keywords: &[],
        pattern: "",
        group: 0,
        validator: Validator::None,
        min_entropy: 0.0,
        score: 0.9,
        context: &[],
        anti_context: &[],
        window: 0,
        lengths: None,
        letters_in_match: false,
        keyword_lead: None,
        hits: &[],
        misses: &[],
    };
}
