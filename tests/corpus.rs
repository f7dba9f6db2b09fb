//! The shared evaluation data (dev corpus) for the tests that read it.
//!
//! The data is not in this repo: it lives in the dir named by `PF_SHARED`
//! (the one holding `corpus/` and `eval/`), by default `../shared` next to
//! the repo root. A clone without it still passes `cargo test`: each test
//! that needs a missing file prints one `skip:` line and returns. With
//! `PF_REQUIRE_SHARED=1` (scripts/test sets it under CI) a missing file
//! fails the test instead, so CI cannot pass by skipping.

use std::io::Write as _;
use std::path::PathBuf;

/// The shared dir: `$PF_SHARED`, else `../shared` beside the repo root.
/// A relative `PF_SHARED` is taken from the repo root (cargo runs the
/// tests there).
fn shared_dir() -> PathBuf {
    match std::env::var_os("PF_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => {
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"))
        }
    }
}

/// The text of `rel` (e.g. `corpus/dev/pii_dev.jsonl`) under the shared
/// dir, or `None` after printing one `skip: <test>: ...` line when it is
/// absent.
///
/// # Panics
/// When the file is absent and `PF_REQUIRE_SHARED=1`, or when it exists
/// but cannot be read.
pub fn read(rel: &str, test: &str) -> Option<String> {
    let path = shared_dir().join(rel);
    if !path.exists() {
        let why = format!("{} not found (set PF_SHARED)", path.display());
        if std::env::var_os("PF_REQUIRE_SHARED").is_some_and(|v| v == "1") {
            panic!("{test}: {why}; PF_REQUIRE_SHARED=1 forbids skipping");
        }
        // Straight to stderr: libtest captures `eprintln!` of passing
        // tests, and a skip must be seen.
        let _ = writeln!(std::io::stderr(), "skip: {test}: {why}");
        return None;
    }
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("{test}: cannot read {}: {e}", path.display())
    }))
}
