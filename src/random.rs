//! Random bytes from the platform (`crypto.getRandomValues` in wasm):
//! hash keys and canary markers. Depends only on `error`.

use crate::error::Error;

/// `n` random bytes.
///
/// # Errors
///
/// When the platform has no randomness source.
pub(crate) fn bytes(n: usize) -> Result<Vec<u8>, Error> {
    let mut b = vec![0u8; n];
    getrandom::fill(&mut b)
        .map_err(|_| Error::state("no randomness source available"))?;
    Ok(b)
}
