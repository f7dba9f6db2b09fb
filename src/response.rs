//! Response screening: what the model sends back.
//!
//! Owns the response pipeline (pseudonym restoration, output policy,
//! canary checks) and the streaming scanner. Depends on `filter` for
//! detection and actions; knows nothing of the JS binding.

use crate::filter::{Filter, Session, Side};
use crate::report::{Action, Finding, Kind, Report};

/// Screens a whole response.
pub(crate) fn screen(
    filter: &Filter,
    text: &str,
    session: &mut Session,
) -> Report {
    let restore = filter.policy().response.restore;
    let tokens: Vec<(std::ops::Range<usize>, String)> = if restore {
        session
            .vault()
            .find_tokens(text)
            .map(|(r, v)| (r, v.to_string()))
            .collect()
    } else {
        Vec::new()
    };
    // A token's own text is ours, not a leak: drop detections inside it.
    let candidates: Vec<_> = filter
        .candidates(text, Side::Response)
        .into_iter()
        .filter(|c| {
            tokens
                .iter()
                .all(|(r, _)| c.span.end <= r.start || r.end <= c.span.start)
        })
        .collect();
    let mut extra = Vec::new();
    let lower = text.to_ascii_lowercase();
    for c in session.canaries() {
        let needle = c.to_ascii_lowercase();
        let mut from = 0;
        while let Some(i) = lower[from..].find(&needle) {
            let start = from + i;
            extra.push(Finding {
                kind: Kind::Canary,
                type_name: "CANARY".to_string(),
                span: start..start + needle.len(),
                score: 1.0,
                action: Action::Block,
                rule: "canary".to_string(),
                replacement: None,
            });
            from = start + needle.len();
        }
    }
    let vault = session.vault_for_response();
    filter.finish(text, candidates, tokens, extra, 0.0, vault)
}

/// Incremental response screening. The joined output of every `push` and
/// `finish` equals [`Session::screen_response`] of the joined input.
///
/// Starter version: holds everything back until `finish`.
#[derive(Debug)]
pub struct ResponseScanner {
    buffer: String,
    findings: Vec<Finding>,
    done: bool,
}

impl ResponseScanner {
    /// A scanner with an empty buffer.
    pub fn new() -> ResponseScanner {
        ResponseScanner {
            buffer: String::new(),
            findings: Vec::new(),
            done: false,
        }
    }

    /// Adds a chunk; returns the text that is safe to show now.
    pub fn push(&mut self, _session: &mut Session, chunk: &str) -> String {
        if !self.done {
            self.buffer.push_str(chunk);
        }
        String::new()
    }

    /// Ends the stream; returns the rest.
    pub fn finish(&mut self, session: &mut Session) -> String {
        if self.done {
            return String::new();
        }
        self.done = true;
        let text = std::mem::take(&mut self.buffer);
        let r = session.screen_response(&text);
        self.findings = r.findings;
        r.text
    }

    /// Findings so far (byte spans into the joined input).
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }
}

impl Default for ResponseScanner {
    fn default() -> Self {
        ResponseScanner::new()
    }
}
