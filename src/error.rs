//! The crate's one error type.
//!
//! Opaque on purpose (see regex's "rookie mistake"): callers can ask for the
//! policy key path and the rule id, and read a message; the kind enum stays
//! private so it can grow. Messages never contain scanned text or the value
//! of a policy entry that could be sensitive (allow/deny list values).

use std::fmt;

/// An error from building a filter or using it.
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
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
    /// A policy error at `path` (e.g. `pii.types[2]`).
    pub(crate) fn policy(
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Error {
        Error {
            kind: ErrorKind::Policy,
            path: path.into(),
            message: message.into(),
        }
    }

    /// An input over a configured limit.
    pub(crate) fn limit(
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Error {
        Error {
            kind: ErrorKind::Limit,
            path: path.into(),
            message: message.into(),
        }
    }

    /// A call that is not allowed in the object's current state.
    pub(crate) fn state(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::State,
            path: String::new(),
            message: message.into(),
        }
    }

    /// Bytes that are not a valid data file (e.g. names data).
    pub(crate) fn data(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Data,
            path: String::new(),
            message: message.into(),
        }
    }

    /// True for an invalid policy.
    pub fn is_policy(&self) -> bool {
        self.kind == ErrorKind::Policy
    }

    /// True when an input exceeded a limit (size, rule count, ...).
    pub fn is_limit(&self) -> bool {
        self.kind == ErrorKind::Limit
    }

    /// The policy key path of the offending entry, e.g. `pii.types[2]`,
    /// or the empty string when the error is not tied to a key.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The message without the path.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// A short name for the error class: `PolicyError`, `LimitError`,
    /// `StateError` or `DataError` (bytes that are not a data file). The JS binding uses it as the `Error.name`.
    pub fn name(&self) -> &'static str {
        match self.kind {
            ErrorKind::Policy => "PolicyError",
            ErrorKind::Limit => "LimitError",
            ErrorKind::State => "StateError",
            ErrorKind::Data => "DataError",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}({})", self.name(), self)
    }
}

impl std::error::Error for Error {}
