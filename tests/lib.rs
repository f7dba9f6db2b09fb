//! Integration tests.
mod pii;
