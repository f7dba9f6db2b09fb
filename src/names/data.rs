//! The optional large names data ("names-data.bin", written by
//! `scripts/names-large.mjs`): given names, surnames, places with a
//! population tier, legal forms and known organizations, each with flags.
//! It is checked and decoded here ([`decode`]: a clear error, never a
//! panic, on any bytes); `lexicon` keeps it, once per process, and
//! consults it only inside a [`Scope`] (a filter whose policy asks for
//! it): the default never reads it.
//!
//! Format (little-endian): `PFNAMES1`, version (u32, 1), entries (u32),
//! payload length (u32), FNV-1a of the payload (u32), then the payload:
//! entries in byte order, each `[len u8][len bytes][flags u8]` (not
//! front-coded: each key is a slice of the file, which is kept as it is). Keys are folded as tokens are
//! (`dict::fold_into`, words joined by one space); the generator folds
//! with the same table, and a test checks the built file's keys are
//! folded.
//!
//! Depends on nothing else in the crate.

#[cfg(not(all(
    target_arch = "wasm32",
    not(target_feature = "atomics")
)))]
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Flags of an entry (the file's byte).
pub(crate) const GIVEN: u8 = 1;
pub(crate) const SURNAME: u8 = 2;
pub(crate) const PLACE: u8 = 4;
pub(crate) const MAJOR: u8 = 8;
pub(crate) const FORM: u8 = 16;
pub(crate) const ORG: u8 = 32;
/// The word ends a multi-word entry (the generator writes it for the
/// last word of each).
pub(crate) const PHRASE_END: u8 = 64;
const FILE_FLAGS: u8 = 127;

const MAGIC: &[u8; 8] = b"PFNAMES1";
const VERSION: u32 = 1;
const HEADER: usize = 24;
/// More entries than any file we write (about 330k): bounds memory.
const MAX_ENTRIES: usize = 2_000_000;

/// Why bytes are not names data. The message names the problem and its
/// byte offset, never the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DataError(pub(crate) &'static str);

fn err<T>(msg: &'static str) -> Result<T, DataError> {
    Err(DataError(msg))
}

// The data files' helpers, shared with the injection model's loader.
pub(crate) use crate::digest::{fnv, u32_at};

/// The checksum a file's header states (check it with [`header`]).
pub(crate) fn checksum(bytes: &[u8]) -> u32 {
    u32_at(bytes, 20)
}

/// Checks a names data file's header and checksum; returns its number
/// of entries (at most [`MAX_ENTRIES`]).
pub(crate) fn header(bytes: &[u8]) -> Result<usize, DataError> {
    if bytes.len() < HEADER || bytes.get(..8) != Some(&MAGIC[..]) {
        return err("not names data (bad magic)");
    }
    if u32_at(bytes, 8) != VERSION {
        return err("names data: unsupported version");
    }
    let n = u32_at(bytes, 12) as usize;
    if bytes.len() - HEADER != u32_at(bytes, 16) as usize {
        return err("names data: truncated or padded");
    }
    if fnv(&bytes[HEADER..]) != checksum(bytes) {
        return err("names data: checksum mismatch (corrupted)");
    }
    if n > MAX_ENTRIES {
        return err("names data: too many entries");
    }
    Ok(n)
}

/// Checks a names data file and calls `each(key, flags)` for every
/// entry, each key a slice of `bytes`. Returns the number of entries. On
/// an error, `each` may have seen some entries.
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    each: &mut dyn FnMut(&'a str, u8),
) -> Result<usize, DataError> {
    let n = header(bytes)?;
    let mut at = HEADER;
    for _ in 0..n {
        let l = usize::from(bytes.get(at).copied().unwrap_or(0));
        let (Some(key), Some(&flags)) =
            (bytes.get(at + 1..at + 1 + l), bytes.get(at + 1 + l))
        else {
            return err("names data: truncated entry");
        };
        if flags & !FILE_FLAGS != 0 {
            return err("names data: bad entry flags");
        }
        // An empty key, or one with a line break, is never looked up (the
        // table leaves it out).
        let Ok(key) = std::str::from_utf8(key) else {
            return err("names data: key not UTF-8");
        };
        each(key, flags);
        at += 2 + l;
    }
    if at != bytes.len() {
        return err("names data: bytes after the entries");
    }
    Ok(n)
}

// Open scopes on this thread: the detectors consult the data while it is
// above 0. Wasm without threads has one thread, whose count is `SCOPES`
// (no thread-local there: it cost wasm bytes).
#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
thread_local! {
    static ACTIVE: Cell<u32> = const { Cell::new(0) };
}

/// Adds `d` to this thread's open scopes.
fn enter(d: u32) {
    #[cfg(not(all(
        target_arch = "wasm32",
        not(target_feature = "atomics")
    )))]
    ACTIVE.with(|a| a.set(a.get().wrapping_add(d)));
    let _ = d;
}

/// Whether this thread has open scopes (given `any_scope()`).
fn this_thread() -> bool {
    #[cfg(not(all(
        target_arch = "wasm32",
        not(target_feature = "atomics")
    )))]
    return ACTIVE.with(Cell::get) != 0;
    #[allow(unreachable_code)]
    true
}

/// Scopes open on any thread: while 0 (the default policy), asking costs
/// one load and no thread-local access.
static SCOPES: AtomicUsize = AtomicUsize::new(0);

/// The installed data is consulted on this thread while this lives (one
/// detection pass).
pub(crate) struct Scope(());

impl Scope {
    pub(crate) fn new() -> Scope {
        SCOPES.fetch_add(1, Ordering::Relaxed);
        enter(1);
        Scope(())
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        enter(u32::MAX);
        SCOPES.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Whether a scope may be open on some thread: one load, for the default
/// policy's every lookup.
#[inline(always)]
pub(crate) fn any_scope() -> bool {
    SCOPES.load(Ordering::Relaxed) != 0
}

/// Whether a scope is open on this thread.
pub(crate) fn in_scope() -> bool {
    any_scope() && this_thread()
}

/// Writes a names data file from `(key, flags)` pairs: the format
/// `scripts/names-large.mjs` writes, for tests. Keys at most 255 bytes.
#[cfg(test)]
pub(crate) fn encode(entries: &[(&str, u8)]) -> Vec<u8> {
    let mut payload = Vec::new();
    for (e, f) in entries {
        payload.push(e.len() as u8);
        payload.extend_from_slice(e.as_bytes());
        payload.push(*f);
    }
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&fnv(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        encode(&[
            ("gunnhildur", GIVEN),
            ("janeiro", PHRASE_END),
            ("rio de janeiro", MAJOR),
            ("thorsdottir", SURNAME),
        ])
    }

    fn parse(b: &[u8]) -> Result<Vec<(String, u8)>, DataError> {
        let mut v = Vec::new();
        decode(b, &mut |k, f| v.push((k.to_string(), f)))?;
        Ok(v)
    }

    #[test]
    fn decodes() {
        let got = parse(&sample()).unwrap();
        let want = [
            ("gunnhildur", GIVEN),
            ("janeiro", PHRASE_END),
            ("rio de janeiro", MAJOR),
            ("thorsdottir", SURNAME),
        ];
        let want: Vec<(String, u8)> =
            want.iter().map(|(k, f)| (k.to_string(), *f)).collect();
        assert_eq!(got, want);
        assert_eq!(checksum(&sample()), fnv(&sample()[HEADER..]));
    }

    /// The file `scripts/names-large.mjs` built (when there is one): its
    /// keys are folded exactly as tokens are, word by word, so every key
    /// can be found.
    #[test]
    fn built_file_keys_are_folded() {
        let root = env!("CARGO_MANIFEST_DIR");
        let Some(bytes) =
            ["target/names-data/names-data.bin", "pkg/names-data.bin"]
                .iter()
                .find_map(|f| std::fs::read(format!("{root}/{f}")).ok())
        else {
            return;
        };
        let mut bad = Vec::new();
        let mut folded = String::new();
        let n = decode(&bytes, &mut |k, _| {
            for w in k.split(' ') {
                folded.clear();
                crate::names::dict::fold_into(w, &mut folded);
                if folded != w && bad.len() < 10 {
                    bad.push(k.to_string());
                }
            }
        })
        .unwrap();
        assert!(n > 1000);
        assert!(bad.is_empty(), "keys not folded: {bad:?}");
    }

    #[test]
    fn rejects_bad_bytes_with_a_message() {
        let good = sample();
        let e = |b: &[u8]| parse(b).unwrap_err().0;
        assert!(e(b"").contains("magic"));
        assert!(
            e(b"PFNAMES2\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0").contains("magic")
        );
        assert!(e(&good[..good.len() - 1]).contains("truncated"));
        let mut v = good.clone();
        v[8] = 9;
        assert!(e(&v).contains("version"));
        let mut v = good.clone();
        let last = v.len() - 1;
        v[last] ^= 1;
        assert!(e(&v).contains("checksum"));
        // Consistent files whose entry is wrong.
        assert!(e(&encode(&[("a", 128)])).contains("bad entry"));
        // An entry longer than the file.
        let mut v = encode(&[("a", 1)]);
        v[HEADER] = 9;
        let sum = fnv(&v[HEADER..]).to_le_bytes();
        v[20..24].copy_from_slice(&sum);
        assert!(e(&v).contains("truncated"));
    }

    /// Any bytes: an error or entries, never a panic; every prefix and
    /// every single-byte change of a good file included, and random
    /// changes with the checksum fixed (so the entry checks are reached).
    #[test]
    fn never_panics() {
        let good = sample();
        for n in 0..good.len() {
            let _ = parse(&good[..n]);
        }
        let fix = |v: &mut Vec<u8>| {
            let p = fnv(&v[HEADER..]).to_le_bytes();
            v[20..24].copy_from_slice(&p);
        };
        for i in 0..good.len() {
            for x in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut v = good.clone();
                v[i] = x;
                let _ = parse(&v);
                fix(&mut v);
                let _ = parse(&v);
            }
        }
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..5000 {
            let mut v = good.clone();
            for _ in 0..4 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let i = (seed as usize) % v.len();
                v[i] = (seed >> 32) as u8;
            }
            fix(&mut v);
            let _ = parse(&v);
        }
    }

    #[test]
    fn scopes_nest_per_thread() {
        assert!(!in_scope());
        {
            let _a = Scope::new();
            let _b = Scope::new();
            assert!(in_scope());
            std::thread::spawn(|| assert!(!in_scope())).join().unwrap();
        }
        assert!(!in_scope());
    }
}
