//! Work counts for the pathological-input tests (issue 16): bytes a
//! stage reads, counted per thread. A count, not a clock: the tests
//! check that it grows linearly with the input. Native builds only (the
//! tests run there): the wasm counts nothing and carries no counter.

/// What is counted.
#[derive(Clone, Copy)]
pub(crate) enum Work {
    /// The engine's searches: bytes handed to the regexes plus window
    /// bytes scanned for starts.
    Engine = 0,
    /// The names detector's chunk contexts (`names::keep_from`).
    Names = 1,
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static WORK: std::cell::Cell<[u64; 2]> = const { std::cell::Cell::new([0; 2]) };
}

/// Adds `n` bytes to `what`'s count.
#[inline(always)]
pub(crate) fn add(_what: Work, _n: usize) {
    #[cfg(not(target_arch = "wasm32"))]
    WORK.with(|w| {
        let mut c = w.get();
        let k = &mut c[_what as usize];
        *k = k.wrapping_add(_n as u64);
        w.set(c);
    });
}

/// `what`'s count on this thread so far (0 in wasm).
pub(crate) fn get(_what: Work) -> u64 {
    #[cfg(not(target_arch = "wasm32"))]
    return WORK.with(|w| w.get()[_what as usize]);
    #[cfg(target_arch = "wasm32")]
    0
}
