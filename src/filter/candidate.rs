//! What the screening stages hand each other: a [`Candidate`] finding and
//! the [`Side`] of the conversation a text is on.

use std::ops::Range;

use crate::policy::{FamilyPolicy, Policy};
use crate::report::{Action, Kind};

/// Which side of the conversation a text is on: prompts and responses
/// have their own PII and secret policies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    Prompt,
    Response,
}

impl Side {
    /// The family policy that governs `kind` on this side; `None` for the
    /// kinds no family governs (injection, canaries, leaks, links).
    pub(crate) fn family(
        self,
        policy: &Policy,
        kind: Kind,
    ) -> Option<&FamilyPolicy> {
        match (self, kind) {
            (Side::Prompt, Kind::Pii) => Some(&policy.pii),
            (Side::Prompt, Kind::Secret) => Some(&policy.secrets),
            (Side::Response, Kind::Pii) => Some(&policy.response.pii),
            (Side::Response, Kind::Secret) => Some(&policy.response.secrets),
            _ => None,
        }
    }
}

/// A PII or secret finding before its action is applied. Carries no text:
/// `span` points into the screened text.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub kind: Kind,
    pub type_name: String,
    pub span: Range<usize>,
    pub score: f32,
    pub rule: String,
    /// What the policy does with this type (or the custom rule's own
    /// action); the act stage carries it out.
    pub action: Action,
}
