//! Integration tests.
mod rules;
mod secrets;
