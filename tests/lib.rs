//! Integration tests.
mod pii;
mod actions;
