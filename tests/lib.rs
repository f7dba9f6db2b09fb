//! Integration tests.
mod response;
