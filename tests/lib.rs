//! Integration tests.
mod inject;
