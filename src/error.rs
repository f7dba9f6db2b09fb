//! The crate's one error type.
//!
//! Opaque on purpose (see regex's "rookie mistake"): callers can ask for the
//! policy key path and the rule id, and read a message; the kind enum stays
//! private so it can grow. Messages never contain scanned text or the value
//! of a policy entry that could be sensitive (allow/deny list values).

use std::fmt;

/// An error from building a filter or using it.
///
/// One pointer wide: a `Result` carrying it stays small and a `?` moves a
/// pointer, not three fields (the policy reader has dozens of `?`: ~1 KB
/// of gzipped wasm). Errors are rare, so the extra allocation costs
/// nothing that matters.
#[derive(Clone, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[derive(Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    path: String,
    message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ErrorKind {
    Policy,
    Limit,
    State,
    Data,
}

impl Error {
    // Out of line: the boxing was inlined into ~20 callers (size24).
    #[inline(never)]
    fn new(kind: ErrorKind, path: String, message: String) -> Error {
        Error(Box::new(Inner { kind, path, message }))
    }

    /// A policy error at `path` (e.g. `pii.types[2]`).
    pub(crate) fn policy(
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Error {
        Error::new(ErrorKind::Policy, path.into(), message.into())
    }

    /// An input over a configured limit.
    pub(crate) fn limit(
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Error {
        Error::new(ErrorKind::Limit, path.into(), message.into())
    }

    /// A call that is not allowed in the object's current state.
    pub(crate) fn state(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::State, String::new(), message.into())
    }

    /// Bytes that are not a valid data file (e.g. names data).
    pub(crate) fn data(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Data, String::new(), message.into())
    }

    /// True for an invalid policy.
    pub fn is_policy(&self) -> bool {
        self.0.kind == ErrorKind::Policy
    }

    /// True when an input exceeded a limit (size, rule count, ...).
    pub fn is_limit(&self) -> bool {
        self.0.kind == ErrorKind::Limit
    }

    /// The policy key path of the offending entry, e.g. `pii.types[2]`,
    /// or the empty string when the error is not tied to a key.
    pub fn path(&self) -> &str {
        &self.0.path
    }

    /// The message without the path.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// A short name for the error class: `PolicyError`, `LimitError`,
    /// `StateError` or `DataError` (bytes that are not a data file). The JS binding uses it as the `Error.name`.
    pub fn name(&self) -> &'static str {
        match self.0.kind {
            ErrorKind::Policy => "PolicyError",
            ErrorKind::Limit => "LimitError",
            ErrorKind::State => "StateError",
            ErrorKind::Data => "DataError",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.path.is_empty() {
            write!(f, "{}", self.0.message)
        } else {
            write!(f, "{}: {}", self.0.path, self.0.message)
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}({})", self.name(), self)
    }
}

impl std::error::Error for Error {}
