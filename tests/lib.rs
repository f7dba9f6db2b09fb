//! Integration tests.
mod names;
