//! Response screening: what the model sends back, whole or streamed.
//!
//! Owns the response pipeline and the streaming scanner. Takes what it
//! needs of a conversation as a [`ResponseContext`] (the compiled
//! `filter`, the `vault`, the canaries), so it never sees the session
//! that lends it. Uses `filter` for detect, resolve and act (and its
//! compiled rules for the stream's hold-back), `vault` for pseudonyms;
//! knows nothing of the JS binding.
//!
//! # Pipeline (one-shot and stream alike)
//!
//! 1. Vault tokens (`[EMAIL_1]`, any case) are restored to their values
//!    (`response.restore`, default on). Detections inside a token are
//!    ours, not leaks, and are dropped.
//! 2. PII and secrets the model emits get the `response.pii` /
//!    `response.secrets` actions (default `redact`).
//! 3. Canaries ([`canary`]): a marker from `canary()` or
//!    `response.canaries`, also re-cased, spaced (`p f - c a n …`) or
//!    partial (10 of the 16 random hex digits contiguous) -> `canary`
//!    finding, action `block`.
//! 4. System-prompt leak ([`leak`]): with `response.systemPrompt`, 12 or
//!    more consecutive words of it (case, whitespace and punctuation
//!    ignored) -> `leak` finding, action `block`.
//! 5. Exfiltration ([`links`]), decided on each URL as it would be
//!    emitted (tokens restored): images (markdown inline and reference,
//!    HTML attributes that load, CSS `url()`) to hosts off
//!    `response.allowedHosts` are removed (alt text kept); a link
//!    (inline, reference definition, autolink, bare URL, `<a href>`,
//!    form action) to such a host that carries a restored vault value,
//!    detected PII/secret, or data-looking values loses its URL (bare
//!    URLs and autolinks become `[LINK]`, definitions go); other foreign
//!    links are flagged (bare URLs are not) -> `exfiltration` findings,
//!    type `IMAGE` or `LINK`. A link or image not closed within
//!    [`links::HOLD`] bytes has its opener removed (`<` becomes `&lt;`).
//!
//! # Block semantics
//!
//! A stream cannot take back text it has shown, so a block is defined the
//! same way for both paths: the output is the screened text *before* the
//! first blocking finding, followed by [`BLOCK_MARKER`] (`"[blocked]"`),
//! and nothing after it. Findings are those before the block point plus
//! the blocking one; nothing after it is scanned. The verdict is `block`.
//! (Prompts are different: a blocked prompt's text is `""`.) The blocking
//! finding's `end` may be shorter in a stream than in one-shot (a canary
//! blocks as soon as enough of it is seen); its `start` is the same.
//!
//! # Streaming and the hold-back bound
//!
//! `push` returns the longest prefix that can no longer change; `finish`
//! the rest. For every way of splitting the input, the joined output and
//! the findings equal `PromptFilter::screen_response` of the joined input
//! (a property test splits at every position and at random).
//!
//! After a push the scanner re-screens a window: up to [`KEEP`] (256) bytes
//! of already-shown text (so word boundaries and context words see the
//! same neighbours as one-shot) plus the unshown text. Shown text is
//! context only: no rule match can start there any more (the last cut was
//! not inside one), so the engine searches for matches from the first
//! unshown byte on. It shows text up to the earliest position where
//! something could still be forming:
//! - a regex rule's match: the trailing run of characters its pattern can
//!   contain (e.g. for `EMAIL` the current word, for `PHONE` a trailing
//!   run of digits/spaces/`-().+`), or an occurrence of its leading
//!   literal (`-----BEGIN` of a PEM block, until its `-----END`);
//! - a detection whose right-hand context ([`CTX_AFTER`] bytes, for
//!   context words) is not complete yet;
//! - a pseudonym token (from the last `[`, at most 52 bytes);
//! - a markdown link/image, definition, HTML tag, autolink, CSS `url(`
//!   or bare URL that is not closed yet (from its opener; at most
//!   [`links::HOLD`]);
//! - a canary: the longest trailing run that is a piece of a canary;
//! - a leak: the last 7 words plus a trailing run of matching shingles
//!   (fewer than 12 words);
//! - names (`names::pending`): a capitalized word with its run until 128
//!   bytes follow it (what a names decision may read after it), and a
//!   row of an open table until its line is complete (at most 1 KiB).
//!   The window begins at a line start (or over 200 bytes into a
//!   line, which no table header is) and keeps the header line of a
//!   table that may still type rows (at most 4 KiB back;
//!   `names::keep_from`).
//!
//! It never cuts inside a detection (the whole match, not only its
//! group). To keep the cost proportional to the
//! text, not to the window, it re-screens only once the new bytes
//! outweigh the work of screening the rest of the window again (the
//! hold-back plus a quarter of the kept context: the engine does not
//! search shown text), twice over past `SMALL_HOLD` = 512 bytes of it,
//! and at least half of what was pushed so far up to `STEP_FLOOR` = 2
//! KiB (a re-screen has a cost of its own besides its bytes), at least
//! [`MIN_STEP`] = 16 bytes and at most
//! `MAX_STEP` = 4 KiB, less as the hold-back nears three quarters of
//! [`RUN_HOLD`]. A stream then costs about 1.3 one-shot screenings of
//! chat text whatever the chunk size, and the shown text lags by the
//! hold-back plus up to one step (the side-by-side corpus, 64 KiB in
//! 64-byte chunks: ~1.1 KB after a push on average, 3.3 KB at most;
//! `PF_FILE=... cargo run --release --example stream`). Rules
//! whose pattern this analysis cannot follow (a `\s` or `.` in the match)
//! hold up to their longest match while one of their keywords is in the
//! window, unless the pattern reads as a keyword part, a token without
//! spaces and a short delimiter (`guard::Guard`'s `tail`:
//! `generic-api-key` holds ~100 bytes and the current token, not 2 KB);
//! a negated class used as a one-character delimiter around a
//! token (`(?:[^A-Za-z0-9_\-]|$)`) no longer counts as one. On a long run of digits or base64
//! characters it stays under [`RUN_HOLD`] (8 KiB): keyword-gated rules
//! hold at most their longest match plus the context window. Links and
//! images hold back until closed, at most [`links::HOLD`] (8 KiB) from
//! their opener; one still open then has its opener neutralized, in
//! one-shot screening too. The worst case is bounded by [`MAX_HOLD`]
//! (72 KiB: the longest built-in match, a PEM private key, plus context):
//! past it the scanner cuts anyway, so memory stays bounded, and only a
//! match longer than the bound can be split (custom rules whose pattern
//! may contain any character and has no leading literal hold back
//! [`guard::ANY_HOLD`] = 4 KiB; a longer match of such a rule may be
//! split). Inputs over `limits.maxInputBytes` are blocked by one-shot but
//! streamed in bounded memory.
//!
//! `push` after `finish` (or after a block) is a no-op returning `""`;
//! `finish` twice returns `""` the second time. Empty chunks are fine.

mod canary;
mod class;
mod exfil;
mod guard;
mod leak;
mod pre;
mod rules;
mod words;

use std::ops::Range;
use std::sync::Arc;

use crate::filter::{Candidate, Extras, Filter, Side};
use crate::links;
use crate::report::{Action, Finding, Kind, ScreenResult, Verdict};
use crate::vault::Vault;
use exfil::{Edits, IMAGE, LINK};
use words::{partial_word, token_pending};

/// Finding types of the response checks.
pub(crate) const CANARY: &str = "CANARY";
pub(crate) const SYSTEM_PROMPT: &str = "SYSTEM_PROMPT";
/// Every finding type the response checks report.
pub(crate) const TYPES: [&str; 4] = [CANARY, SYSTEM_PROMPT, IMAGE, LINK];

/// What replaces a blocked response from the block point on.
pub const BLOCK_MARKER: &str = "[blocked]";

/// Already-shown bytes kept as left context for the next window.
pub const KEEP: usize = 256;

/// Right-hand context a detection needs before it is final: the
/// context-word window (24 bytes) plus the longest context word (64) and
/// a boundary character.
pub const CTX_AFTER: usize = 24 + 64 + 8;

/// New bytes needed before `push` re-screens the window.
pub const MIN_STEP: usize = 16;

/// Work of screening again (the hold-back and a share of the kept
/// context) up to which `push` re-screens once the new bytes equal it;
/// past it the step grows by twice the excess.
const SMALL_HOLD: usize = 512;

/// New bytes `push` waits for at least once the stream is under way
/// (half of what was pushed so far, up to this), whatever the hold-back.
const STEP_FLOOR: usize = 2 * 1024;

/// Most new bytes `push` waits for before it re-screens: with a long
/// hold-back (a rule that may still be forming a long match) the step
/// stops growing with it, and shrinks to [`MIN_STEP`] as the hold-back
/// nears three quarters of [`RUN_HOLD`], so the wait stays under it.
const MAX_STEP: usize = 4 * 1024;

/// A byte of kept (shown) context costs about this share of a held byte
/// to screen again: the engine does not search it for matches, only the
/// keyword and names passes read it.
const KEPT_SHARE: usize = 4;

/// Most bytes the stream ever holds back.
pub const MAX_HOLD: usize = guard::MAX_MATCH + 4 * 1024;

/// Most bytes held back inside a long run of digits or base64 characters
/// with the built-in rules (tested on 1 MB runs): a keyword-gated rule
/// holds at most its longest match plus [`CTX_AFTER`] (an email, 640 +
/// 96), an any-character pattern [`guard::ANY_HOLD`], plus one re-screen
/// step. (It was the whole [`guard::MAX_MATCH`] before gated rules were
/// bounded by their longest match.)
pub const RUN_HOLD: usize = 8 * 1024;

/// Per-stream checks prepared once.
#[derive(Default)]
struct Checks {
    /// Built once per filter and shared by its streams (`None` until a
    /// push needs them: a default `Arc` would allocate one per scanner,
    /// and its drop compile in the first push).
    rules: Option<Arc<rules::StreamRules>>,
    /// Where the rules' keywords last occurred in this stream.
    keywords: rules::Keywords,
    canaries: Vec<canary::Canary>,
    canary_count: usize,
    leak: Option<leak::Fingerprint>,
    ready: bool,
}

impl Checks {
    /// Canaries and the leak fingerprint, read again when the context's
    /// canaries changed.
    fn refresh(&mut self, cx: &ResponseContext<'_>) {
        let count = cx.canaries().count();
        if !self.ready || count != self.canary_count {
            // PERF: no collect without canaries (a call compiles it).
            self.canaries = if count == 0 {
                Vec::new()
            } else {
                cx.canaries().filter_map(canary::Canary::new).collect()
            };
            self.canary_count = count;
        }
        if !self.ready {
            let p = cx.filter.policy();
            self.leak = p
                .response
                .system_prompt
                .as_deref()
                .and_then(leak::Fingerprint::new);
            self.ready = true;
        }
    }

    /// The streaming rules' hold-back state, built at the first push that
    /// needs it (shared by the filter's streams).
    fn build_rules(&mut self, cx: &ResponseContext<'_>) {
        if self.rules.is_none() {
            self.rules =
                Some(cx.filter.derived(|rules| {
                    rules::StreamRules::new(rules, cx.filter)
                }));
        }
    }
}

/// One screening of a window.

#[derive(Default)]
struct Analysis {
    tokens: Vec<(Range<usize>, String)>,
    cands: Vec<Candidate>,
    /// Canary, leak and exfiltration findings with their edits.
    extras: Vec<(Finding, Edits)>,
    /// Every link and image span (a cut never splits one).
    links: Vec<Range<usize>>,
    /// Earliest start of a link or image still forming.
    link_pending: usize,
}

impl Analysis {
    /// No token, candidate, extra or link.
    fn is_empty(&self) -> bool {
        self.tokens.is_empty()
            && self.cands.is_empty()
            && self.extras.is_empty()
            && self.links.is_empty()
    }

    /// The earliest blocking finding starting in `from..limit`.
    ///
    /// PERF: plain loops, and only the winner copied (a chain of
    /// iterator adapters compiled seven functions in the first push;
    /// issue 16).
    fn blocker(&self, from: usize, limit: usize) -> Option<Finding> {
        let ok = |a: Action, s: &Range<usize>| {
            a == Action::Block && s.start >= from && s.start < limit
        };
        // The first least (start, kind, end): candidates, then extras.
        let mut best: Option<((usize, Kind, usize), usize)> = None;
        let mut keep = |key: (usize, Kind, usize), at: usize| {
            if best.is_none_or(|(b, _)| key < b) {
                best = Some((key, at));
            }
        };
        for (i, c) in self.cands.iter().enumerate() {
            if ok(c.action, &c.span) {
                keep((c.span.start, c.kind, c.span.end), i);
            }
        }
        let n = self.cands.len();
        for (i, (f, _)) in self.extras.iter().enumerate() {
            if ok(f.action, &f.span) {
                keep((f.span.start, f.kind, f.span.end), n + i);
            }
        }
        let (_, at) = best?;
        if let Some(c) = self.cands.get(at) {
            return Some(Finding {
                kind: c.kind,
                type_name: c.type_name.clone(),
                span: c.span.clone(),
                score: c.score,
                action: Action::Block,
                rule: c.rule.clone(),
                replacement: None,
            });
        }
        self.extras.get(at - n).map(|e| e.0.clone())
    }

    /// Moves `cut` left until no span starting at or after `from`
    /// crosses it: the tokens, candidates, extras and links, and `raw`.
    fn settle(
        &self,
        from: usize,
        mut cut: usize,
        raw: &[Range<usize>],
    ) -> usize {
        loop {
            let mut crossing = None;
            let mut see = |r: &Range<usize>| {
                if r.start >= from && r.start < cut && r.end > cut {
                    crossing = Some(
                        crossing.map_or(r.start, |x: usize| x.min(r.start)),
                    );
                }
            };
            self.tokens.iter().for_each(|t| see(&t.0));
            self.cands.iter().for_each(|c| see(&c.span));
            self.extras.iter().for_each(|e| see(&e.0.span));
            self.links.iter().chain(raw).for_each(&mut see);
            match crossing {
                Some(s) => cut = s,
                None => return cut,
            }
        }
    }
}

/// Screens `text`; with `raw`, also collects the spans and the deny-list
/// bound the stream scanner needs (same detection pass).
fn analyze(
    cx: &ResponseContext<'_>,
    checks: &Checks,
    text: &str,
    base: usize,
    from: usize,
    raw: Option<&mut (Vec<Range<usize>>, usize)>,
) -> Analysis {
    // Only the last screening (`finish`) sees the end of the text.
    let eof = raw.is_none();
    // A window that does not start the response skips the leak check's
    // first partial shingle.
    let skip_first = base > 0;
    let filter = cx.filter;
    let policy = filter.policy();
    let tokens: Vec<(Range<usize>, String)> = if policy.response.restore
        && cx.vault.may_hold_tokens(text)
    {
        cx.vault.find_tokens(text).map(|(r, v)| (r, v.to_string())).collect()
    } else {
        Vec::new()
    };
    // A token's own text is ours, not a leak: drop detections inside it.
    let found = match raw {
        Some(out) => {
            let (c, spans, deny_max) =
                filter.stream_candidates(text, Side::Response, from);
            *out = (spans, deny_max);
            c
        }
        // Shown text is context only: no engine match starts there.
        None if from > 0 => {
            filter.stream_candidates(text, Side::Response, from).0
        }
        None => filter.candidates(text, Side::Response),
    };
    // PERF: without tokens nothing is dropped, and the filter's code is
    // not compiled (issue 16, the first push).
    let cands: Vec<Candidate> = if tokens.is_empty() {
        found
    } else {
        found
            .into_iter()
            .filter(|c| {
                tokens.iter().all(|(r, _)| {
                    c.span.end <= r.start || r.end <= c.span.start
                })
            })
            .collect()
    };
    let mut extras = Vec::new();
    let block = |kind, type_name: &str, rule: &str, span| Finding {
        kind,
        type_name: type_name.to_string(),
        span,
        score: 1.0,
        action: Action::Block,
        rule: rule.to_string(),
        replacement: None,
    };
    if !checks.canaries.is_empty() {
        for span in canary::find(text, &checks.canaries) {
            let f = block(Kind::Canary, CANARY, "canary", span);
            extras.push((f, vec![]));
        }
    }
    if let Some(fp) = &checks.leak {
        if let Some(span) = fp.find(text, skip_first) {
            let f = block(Kind::Leak, SYSTEM_PROMPT, "system-prompt", span);
            extras.push((f, vec![]));
        }
    }
    let (found, mut link_pending) = links::scan_at(text, eof, base);
    // A run of openers that a pending one may still continue (same
    // block) is held whole, so it groups as in one-shot screening.
    if !eof && (base + link_pending) % links::RUN_BLOCK != 0 {
        if let Some(l) = found.iter().find(|l| {
            l.form == links::Form::Opener && l.span.end == link_pending
        }) {
            link_pending = l.span.start;
        }
    }
    // PERF: a window without links builds nothing for them (their code
    // is out of line and not compiled by the first push; issue 16).
    let links = if found.is_empty() {
        Vec::new()
    } else {
        let allowed = &policy.response.allowed_hosts;
        exfil::findings(text, found, &cands, &tokens, allowed, &mut extras)
    };
    Analysis { tokens, cands, extras, links, link_pending }
}

/// Screens a whole response.
pub(crate) fn screen(
    cx: &mut ResponseContext<'_>,
    text: &str,
) -> ScreenResult {
    if let Some(r) = cx.filter.over_limit(text) {
        return r;
    }
    let mut s = ResponseScanner::new();
    s.one_shot = true;
    s.window = text.to_string();
    let out = s.finish(cx);
    ScreenResult {
        verdict: s.verdict(),
        text: out,
        risk: 0.0,
        findings: s.findings,
    }
}

/// What screening a response reads and writes of its conversation: the
/// compiled filter, the vault (tokens to restore, pseudonyms a response
/// policy issues) and the canaries minted so far. A `PromptFilter` lends
/// one with `response_context()`.
pub struct ResponseContext<'a> {
    filter: &'a Filter,
    vault: &'a mut Vault,
    minted: &'a [String],
}

impl<'a> ResponseContext<'a> {
    pub(crate) fn new(
        filter: &'a Filter,
        vault: &'a mut Vault,
        minted: &'a [String],
    ) -> ResponseContext<'a> {
        ResponseContext { filter, vault, minted }
    }

    /// The canaries to watch for: minted ones, then the policy's.
    fn canaries(&self) -> impl Iterator<Item = &str> {
        let policy = &self.filter.policy().response.canaries;
        self.minted.iter().chain(policy).map(String::as_str)
    }
}

// SECURITY: the vault and canaries are secrets; Debug shows counts only.
impl std::fmt::Debug for ResponseContext<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResponseContext")
            .field("vault_entries", &self.vault.len())
            .field("canaries", &self.minted.len())
            .finish_non_exhaustive()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Open,
    Blocked,
    Finished,
}

/// Incremental response screening. The joined output of every `push` and
/// `finish` equals `PromptFilter::screen_response` of the joined input; see
/// the module docs of `response` (in the crate source) for the hold-back
/// bound: usually the current word, never more than 72 KiB.
pub struct ResponseScanner {
    /// Kept context (`..emitted`) plus unshown text (`emitted..`).
    window: String,
    /// Absolute byte offset of `window[0]`.
    base: usize,
    /// UTF-16 units before `window[0]`.
    base16: usize,
    /// Bytes of `window` already shown.
    emitted: usize,
    findings: Vec<Finding>,
    spans16: Vec<Range<usize>>,
    checks: Checks,
    state: State,
    edited: bool,
    one_shot: bool,
    /// Bytes pushed since the last screening.
    unscanned: usize,
}

impl ResponseScanner {
    /// A scanner with an empty buffer.
    pub fn new() -> ResponseScanner {
        ResponseScanner {
            window: String::new(),
            base: 0,
            base16: 0,
            emitted: 0,
            findings: Vec::new(),
            spans16: Vec::new(),
            checks: Checks::default(),
            state: State::Open,
            edited: false,
            one_shot: false,
            unscanned: 0,
        }
    }

    /// Adds a chunk; returns the text that is safe to show now (possibly
    /// empty). After `finish` or a block this is a no-op returning `""`.
    pub fn push(
        &mut self,
        cx: &mut ResponseContext<'_>,
        chunk: &str,
    ) -> String {
        if self.state != State::Open {
            return String::new();
        }
        self.window.push_str(chunk);
        self.unscanned += chunk.len();
        // PERF: re-screen once the new bytes outweigh the work of
        // screening again what the last screening saw (the hold-back, and
        // the kept context at KEPT_SHARE: no engine search runs there),
        // twice over past SMALL_HOLD, at least every MIN_STEP bytes. A
        // stream then costs about 1.5 to 2 one-shot screenings, not one
        // per push (~8 at 64-byte chunks), for a longer wait: the shown
        // text lags by the hold-back plus up to one step.
        let held = self.window.len() - self.unscanned - self.emitted;
        let again = held + self.emitted / KEPT_SHARE;
        // A long hold-back may end at any byte: past three quarters of
        // RUN_HOLD, re-screen at every push again.
        let cap = MAX_STEP.min((RUN_HOLD * 3 / 4).saturating_sub(held));
        // A short hold-back (prose: the last few words) re-screens once
        // the new bytes equal it; past SMALL_HOLD the step grows twice as
        // fast, so a long hold is screened again about half as often.
        // Each re-screen also has a cost of its own (the names, links,
        // keyword and guard passes over the window): once the stream is
        // under way, wait for at least half of what was pushed so far,
        // up to STEP_FLOOR.
        let least = STEP_FLOOR.min((self.base + self.window.len()) / 2);
        let step = (again + again.saturating_sub(SMALL_HOLD))
            .max(least)
            .min(cap)
            .max(MIN_STEP);
        if self.unscanned < step || self.window.len() == self.emitted {
            return String::new();
        }
        self.unscanned = 0;
        self.checks.refresh(cx);
        let text = &self.window;
        let e = text.len();
        let from = self.emitted;
        // Holds that need no screening of the window: a word still
        // forming, names, a pseudonym token, a canary, a leak.
        let mut g = partial_word(text);
        // Names: a capitalized word until its bounded right context has
        // arrived, an open table row until its line is complete.
        g = g.min(crate::names::pending(text));
        if cx.filter.policy().response.restore && !cx.vault.is_empty() {
            g = g.min(token_pending(text));
        }
        // PERF: called only with canaries: a call compiles the callee
        // (issue 16, the first push).
        if !self.checks.canaries.is_empty() {
            g = g.min(canary::pending(text, &self.checks.canaries));
        }
        if let Some(fp) = &self.checks.leak {
            g = g.min(fp.pending(text, self.base > 0));
        }
        // Memory bound: past MAX_HOLD, cut anyway (documented).
        let hard = guard::floor_char(text, e.saturating_sub(MAX_HOLD));
        // PERF: nothing can be shown when those holds already reach the
        // shown text (the other holds only move the cut left, a block
        // needs a finding in `from..g`): the screening, the rules'
        // hold-back and its keyword search wait for a push that may show
        // something (a first push of "Sure, here is ..." holds from
        // "Sure": issue 16). The keywords are searched from where the
        // last search ended, and those before the window never count.
        if g <= from && hard <= from {
            return String::new();
        }
        let mut rd = (Vec::new(), 0);
        let an = analyze(
            cx,
            &self.checks,
            &self.window,
            self.base,
            self.emitted,
            Some(&mut rd),
        );
        let (raw, deny_max) = rd;
        let text = &self.window;
        // A match starting in shown text is complete (the last cut was
        // not inside one): guards look from `from` on.
        let floor =
            guard::floor_char(text, e.saturating_sub(guard::MAX_MATCH))
                .max(from);
        if deny_max > 0 {
            g = g.min(guard::floor_char(
                text,
                (e + 1).saturating_sub(deny_max),
            ));
        }
        g = g.min(an.link_pending);
        for r in raw.iter().chain(an.cands.iter().map(|c| &c.span)) {
            if r.start >= from && r.end + CTX_AFTER > e {
                // With the character before it: a pattern that starts with
                // a one-character delimiter (`(?:^|[^A-Za-z0-9])`) reports
                // its match after it, and the next screening searches
                // from the cut on.
                let s = guard::char_before(text, r.start).map_or(0, |x| x.0);
                g = g.min(s.max(from));
            }
        }
        // The rules' hold-back last: a keyed rule whose longest match
        // cannot reach below `g` is not looked at (its guard not read).
        if g > floor {
            self.checks.build_rules(cx);
            let found = |s: usize| raw.iter().any(|r| r.start == s);
            let rules = cx.filter.rules();
            // `build_rules` built them.
            let Some(sr) = self.checks.rules.as_deref() else {
                return String::new();
            };
            self.checks.keywords.update(sr, rules, text, self.base);
            // Gated rules hold runs that end within CTX_AFTER of the end.
            let e2 = guard::floor_char(text, e.saturating_sub(CTX_AFTER));
            g = sr.pending(
                cx.filter,
                &self.checks.keywords,
                text,
                (self.base, floor, e2),
                g,
                &found,
            );
        }
        let g = g.max(from);
        // PERF: with no span at all there is nothing to block on or to
        // cut around, and neither callee is compiled (issue 16, the
        // first push: most first chunks find nothing).
        let mut cut = g;
        if !(an.is_empty() && raw.is_empty()) {
            if let Some(b) = an.blocker(from, g) {
                return self.block(cx, an, b);
            }
            cut = an.settle(from, g, &raw);
        }
        if cut < hard {
            cut = hard;
        }
        if cut <= from {
            return String::new();
        }
        let out = self.render(cx, an, from, cut);
        self.emitted = cut;
        self.slide();
        out
    }

    /// Ends the stream; returns the rest. A second call returns `""`.
    pub fn finish(&mut self, cx: &mut ResponseContext<'_>) -> String {
        if self.state != State::Open {
            return String::new();
        }
        self.state = State::Finished;
        let from = self.emitted;
        if from == self.window.len() && !self.one_shot {
            return String::new();
        }
        self.checks.refresh(cx);
        let an =
            analyze(cx, &self.checks, &self.window, self.base, from, None);
        let e = self.window.len();
        if let Some(b) = an.blocker(from, e + 1) {
            return self.block(cx, an, b);
        }
        let out = self.render(cx, an, from, e);
        self.window = String::new();
        out
    }

    /// Bytes of input pushed but not returned yet (held back, or waiting
    /// for the next re-screen).
    pub fn held_back(&self) -> usize {
        self.window.len() - self.emitted
    }

    /// Findings so far (byte spans into the joined input).
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The findings' spans in UTF-16 code units of the joined input
    /// (computed incrementally; the stream is not kept).
    pub fn utf16_spans(&self) -> &[Range<usize>] {
        &self.spans16
    }

    /// The verdict so far: `block` after a block, `redact` when some text
    /// was rewritten (tokens restored count), else `allow`.
    pub fn verdict(&self) -> Verdict {
        if self.state == State::Blocked {
            Verdict::Block
        } else if self.edited {
            Verdict::Redact
        } else {
            Verdict::Allow
        }
    }

    /// True once the stream was blocked.
    pub fn is_blocked(&self) -> bool {
        self.state == State::Blocked
    }

    fn block(
        &mut self,
        cx: &mut ResponseContext<'_>,
        an: Analysis,
        b: Finding,
    ) -> String {
        let from = self.emitted;
        let bp = an.settle(from, b.span.start, &[]);
        let mut out = self.render(cx, an, from, bp);
        out.push_str(BLOCK_MARKER);
        self.record(vec![b]);
        self.state = State::Blocked;
        self.window = String::new();
        self.emitted = 0;
        out
    }

    /// Screened text of `window[from..to]`; records its findings. Takes
    /// the window's analysis: its candidates, tokens and extras move into
    /// the act stage (issue 16: a clone of each, three `String`s a
    /// finding, was a tenth of a response of values).
    fn render(
        &mut self,
        cx: &mut ResponseContext<'_>,
        an: Analysis,
        from: usize,
        to: usize,
    ) -> String {
        let inside = |r: &Range<usize>| r.start >= from && r.end <= to;
        let mut cands = an.cands;
        cands.retain(|c| inside(&c.span) && c.action != Action::Block);
        let mut edits = an.tokens;
        edits.retain(|t| inside(&t.0));
        let mut extras = Vec::new();
        for (f, ed) in an.extras {
            if inside(&f.span) && f.action != Action::Block {
                extras.push(f);
                edits.extend(ed);
            }
        }
        if cands.is_empty() && edits.is_empty() && extras.is_empty() {
            return self.window.get(from..to).unwrap_or("").to_string();
        }
        let filter = cx.filter;
        let Some(head) = self.window.get(..to) else { return String::new() };
        let extras = Extras { findings: extras, edits, risk: 0.0 };
        let rep = filter.act(head, cands, extras, cx.vault);
        if rep.verdict == Verdict::Redact {
            self.edited = true;
        }
        let mut out = rep.text;
        if from > 0 {
            out = out.get(from..).unwrap_or("").to_string();
        }
        self.record(rep.findings);
        out
    }

    /// Adds window-relative findings with absolute and UTF-16 spans.
    fn record(&mut self, mut found: Vec<Finding>) {
        if found.is_empty() {
            return;
        }
        let offs: Vec<usize> =
            found.iter().flat_map(|f| [f.span.start, f.span.end]).collect();
        let u16 = if self.one_shot {
            Vec::new()
        } else {
            crate::span::utf16_offsets(&self.window, &offs)
        };
        for (i, f) in found.iter_mut().enumerate() {
            if let (Some(a), Some(b)) = (u16.get(2 * i), u16.get(2 * i + 1)) {
                self.spans16.push(self.base16 + a..self.base16 + b);
            }
            f.span = self.base + f.span.start..self.base + f.span.end;
        }
        self.findings.extend(found);
    }

    /// Drops shown text beyond the kept context.
    fn slide(&mut self) {
        // Names: from a line start, and the header of a table that may
        // still type rows.
        let keep_from = guard::floor_char(
            &self.window,
            crate::names::keep_from(
                &self.window,
                self.emitted.saturating_sub(KEEP),
                self.emitted,
            ),
        );
        if keep_from == 0 {
            return;
        }
        self.base16 += crate::span::utf16_len(&self.window[..keep_from]);
        self.base += keep_from;
        self.window.drain(..keep_from);
        self.emitted -= keep_from;
    }
}

// SECURITY: the window holds raw model text; Debug shows only sizes.
impl std::fmt::Debug for ResponseScanner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResponseScanner")
            .field("offset", &self.base)
            .field("window_len", &self.window.len())
            .field("emitted", &self.emitted)
            .field("findings", &self.findings.len())
            .field("state", &self.state)
            .finish()
    }
}

impl Default for ResponseScanner {
    fn default() -> Self {
        ResponseScanner::new()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    /// A secret whose match starts well before its reported group (a
    /// tag, a brace and two words) and a capitalized word in between
    /// (a names hold there): the stream never cuts between the match's
    /// start and its group, in chunks of 1 to 13 bytes.
    #[test]
    fn a_cut_never_falls_between_a_match_and_its_group() {
        let text = format!(
            "{}<secret>{{vendor AQAAABAAA Qx7Lm2Vt9RkPz4Wn8Hb3Jd6Ys1Fc5Ga0Ue.v1.Tq8Xo2Mi7Ze4Ca9Nb}}</secret>\n{}",
            "Config for the build agent follows.\n",
            "The rest of the file is unchanged. ".repeat(8)
        );
        let f = crate::Filter::new(crate::Policy::default()).unwrap();
        let mut chat = crate::PromptFilter::new(&f);
        let one = chat.screen_response(&text).text;
        assert!(!one.contains("Qx7Lm2"), "{one}");
        for n in 1..=13 {
            let mut sc = chat.response_scanner();
            let mut out = String::new();
            for piece in text.as_bytes().chunks(n) {
                let piece = std::str::from_utf8(piece).unwrap();
                out += &sc.push(&mut chat.response_context(), piece);
            }
            out += &sc.finish(&mut chat.response_context());
            assert_eq!(out, one, "chunks of {n}");
        }
    }
}
