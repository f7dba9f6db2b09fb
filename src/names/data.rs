//! The optional large names data ("names-data.bin", written by
//! `scripts/names-large.mjs`): given names, surnames, places with a
//! population tier, legal forms and known organizations, each with flags.
//! It is parsed and checked here ([`NamesData::parse`]: a clear error,
//! never a panic, on any bytes), installed once per process
//! ([`install`]), and consulted by the lexicon only inside a [`Scope`]
//! (a filter whose policy asks for it): the default never reads it.
//!
//! Format (little-endian): `PFNAMES1`, version (u32, 1), entries (u32),
//! payload length (u32), FNV-1a of the payload (u32), then the payload:
//! entries in byte order, each `[shared u8][len u8][len bytes][flags u8]`
//! (front-coded against the entry before). Every word of an entry is
//! folded here exactly as a token is, so the file keeps spellings.
//!
//! Depends on `dict` (folding, hashing).

use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::dict::{fold_into, hash, same_bytes};

/// Flags of an entry (the file's byte).
pub(crate) const GIVEN: u8 = 1;
pub(crate) const SURNAME: u8 = 2;
pub(crate) const PLACE: u8 = 4;
pub(crate) const MAJOR: u8 = 8;
pub(crate) const FORM: u8 = 16;
pub(crate) const ORG: u8 = 32;
/// Set here, never in the file: the word ends a multi-word entry.
pub(crate) const PHRASE_END: u8 = 64;
const FILE_FLAGS: u8 = 63;

const MAGIC: &[u8; 8] = b"PFNAMES1";
const VERSION: u32 = 1;
const HEADER: usize = 24;
/// More entries than any file we write (about 200k): bounds memory.
const MAX_ENTRIES: usize = 2_000_000;

/// Why bytes are not names data. The message names the problem and its
/// byte offset, never the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DataError(pub(crate) String);

fn err<T>(msg: impl Into<String>) -> Result<T, DataError> {
    Err(DataError(msg.into()))
}

/// The decoded data: folded keys in one string, an open-addressing table
/// over them.
pub(crate) struct NamesData {
    text: String,
    /// (offset in `text`, length, flags) per key.
    keys: Vec<(u32, u32, u8)>,
    /// `key index + 1 | hash << 32`; 0 is empty.
    slots: Box<[u64]>,
    /// Entries in the file.
    pub(crate) entries: usize,
    /// FNV-1a of the payload: tells two files apart.
    pub(crate) checksum: u32,
}

impl std::fmt::Debug for NamesData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NamesData")
            .field("entries", &self.entries)
            .field("keys", &self.keys.len())
            .finish()
    }
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut x = [0u8; 4];
    if let Some(s) = b.get(at..at + 4) {
        x.copy_from_slice(s);
    }
    u32::from_le_bytes(x)
}

fn fnv(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

impl NamesData {
    /// Parses and checks a names data file.
    pub(crate) fn parse(bytes: &[u8]) -> Result<NamesData, DataError> {
        if bytes.len() < HEADER || bytes.get(..8) != Some(&MAGIC[..]) {
            return err("not a promptfence names data file (bad magic)");
        }
        let version = u32_at(bytes, 8);
        if version != VERSION {
            return err(format!(
                "names data format version {version} is not supported (want {VERSION})"
            ));
        }
        let n = u32_at(bytes, 12) as usize;
        let len = u32_at(bytes, 16) as usize;
        let payload = &bytes[HEADER..];
        if payload.len() != len {
            return err(format!(
                "names data is truncated or padded: payload is {} bytes, header says {len}",
                payload.len()
            ));
        }
        if fnv(payload) != u32_at(bytes, 20) {
            return err("names data checksum does not match (corrupted)");
        }
        if n > MAX_ENTRIES || n > len / 3 {
            return err(format!("names data entry count {n} is implausible"));
        }
        let mut data = NamesData {
            text: String::with_capacity(len),
            keys: Vec::with_capacity(n + n / 4),
            slots: vec![0; (n * 3).max(8).next_power_of_two()]
                .into_boxed_slice(),
            entries: n,
            checksum: u32_at(bytes, 20),
        };
        let mut prev: Vec<u8> = Vec::new();
        let mut at = 0;
        let mut folded = String::new();
        for i in 0..n {
            let bad = |what: &str| {
                err(format!(
                    "names data entry {i} at byte {}: {what}",
                    HEADER + at
                ))
            };
            let (Some(&shared), Some(&l)) =
                (payload.get(at), payload.get(at + 1))
            else {
                return bad("truncated");
            };
            let (shared, l) = (usize::from(shared), usize::from(l));
            let Some(rest) = payload.get(at + 2..at + 2 + l) else {
                return bad("truncated");
            };
            let Some(&flags) = payload.get(at + 2 + l) else {
                return bad("truncated");
            };
            if shared > prev.len() {
                return bad("shares more bytes than the entry before has");
            }
            if flags & !FILE_FLAGS != 0 || flags == 0 {
                return bad("unknown flags");
            }
            prev.truncate(shared);
            prev.extend_from_slice(rest);
            let Ok(entry) = std::str::from_utf8(&prev) else {
                return bad("not UTF-8");
            };
            if entry.is_empty() || entry.contains(['\n', '\0']) {
                return bad("empty or holds a line break");
            }
            // The key: each word folded as a token is, single spaces.
            folded.clear();
            for w in entry.split(' ') {
                let mark = folded.len();
                if mark > 0 {
                    folded.push(' ');
                }
                fold_into(w, &mut folded);
                if folded.len() == mark + usize::from(mark > 0) {
                    folded.truncate(mark);
                }
            }
            if !folded.is_empty() {
                data.add(&folded, flags);
                if let Some((_, last)) = folded.rsplit_once(' ') {
                    let last = last.to_string();
                    data.add(&last, PHRASE_END);
                }
            }
            at += 3 + l;
        }
        if at != len {
            return err(format!(
                "names data has {} bytes after its {n} entries",
                len - at
            ));
        }
        Ok(data)
    }

    fn probe(&self, h: usize, word: &str) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let full = h as u64 & 0xFFFF_FFFF;
        let mut at = h & mask;
        loop {
            let slot = self.slots.get(at).copied().unwrap_or(0);
            if slot == 0 {
                return Err(at);
            }
            if slot >> 32 == full {
                let i = ((slot & 0xFFFF_FFFF) as usize).wrapping_sub(1);
                if self
                    .key(i)
                    .is_some_and(|k| same_bytes(k.as_bytes(), word.as_bytes()))
                {
                    return Ok(i);
                }
            }
            at = (at + 1) & mask;
        }
    }

    fn key(&self, i: usize) -> Option<&str> {
        let &(off, len, _) = self.keys.get(i)?;
        self.text.get(off as usize..off as usize + len as usize)
    }

    fn add(&mut self, key: &str, flags: u8) {
        let Some(h) = hash(key.as_bytes()) else { return };
        // The table is sized for three keys an entry (the entry and a
        // phrase's last word, at most half full); past that, stop adding
        // rather than fill it.
        if self.keys.len() * 2 >= self.slots.len() {
            return;
        }
        match self.probe(h, key) {
            Ok(i) => {
                if let Some(k) = self.keys.get_mut(i) {
                    k.2 |= flags;
                }
            }
            Err(slot) => {
                let off = self.text.len() as u32;
                self.text.push_str(key);
                self.keys.push((off, key.len() as u32, flags));
                if let Some(s) = self.slots.get_mut(slot) {
                    *s = self.keys.len() as u64 | (h as u64) << 32;
                }
            }
        }
    }

    /// The flags of a folded word or phrase (0: not in the data).
    pub(crate) fn flags(&self, key: &str) -> u8 {
        let Some(h) = hash(key.as_bytes()) else { return 0 };
        match self.probe(h, key) {
            Ok(i) => self.keys.get(i).map_or(0, |k| k.2),
            Err(_) => 0,
        }
    }

    /// Distinct folded keys.
    pub(crate) fn keys(&self) -> usize {
        self.keys.len()
    }
}

/// The data installed for this process (filters compiled later that ask
/// for it share it).
static LOADED: Mutex<Option<Arc<NamesData>>> = Mutex::new(None);

/// Parses `bytes` and installs them, replacing earlier data (filters
/// compiled before keep theirs). The same bytes again are not parsed
/// again.
pub(crate) fn install(bytes: &[u8]) -> Result<Arc<NamesData>, DataError> {
    let mut slot = LOADED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(d) = slot.as_ref() {
        let same = bytes.len() >= HEADER
            && u32_at(bytes, 20) == d.checksum
            && u32_at(bytes, 12) as usize == d.entries
            && bytes.get(..8) == Some(&MAGIC[..])
            && fnv(&bytes[HEADER..]) == d.checksum;
        if same {
            return Ok(d.clone());
        }
    }
    let d = Arc::new(NamesData::parse(bytes)?);
    *slot = Some(d.clone());
    Ok(d)
}

/// The installed data, if any.
pub(crate) fn loaded() -> Option<Arc<NamesData>> {
    LOADED.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

thread_local! {
    /// The data the detectors of this thread consult now.
    static ACTIVE: RefCell<Option<Arc<NamesData>>> = const { RefCell::new(None) };
}
/// Scopes open on any thread: while 0 (the default policy), a lookup
/// costs one load and no thread-local access.
static SCOPES: AtomicUsize = AtomicUsize::new(0);

/// The data is consulted while this lives (one detection pass).
pub(crate) struct Scope {
    prev: Option<Arc<NamesData>>,
}

impl Scope {
    pub(crate) fn new(data: &Arc<NamesData>) -> Scope {
        SCOPES.fetch_add(1, Ordering::Relaxed);
        let prev = ACTIVE.with(|a| a.replace(Some(data.clone())));
        Scope { prev }
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        let prev = self.prev.take();
        ACTIVE.with(|a| *a.borrow_mut() = prev);
        SCOPES.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Whether some data is consulted on this thread now.
pub(crate) fn active() -> bool {
    SCOPES.load(Ordering::Relaxed) != 0
        && ACTIVE.with(|a| a.try_borrow().is_ok_and(|d| d.is_some()))
}

/// The flags of a folded word or phrase in the active data (0 without).
#[inline(always)]
pub(crate) fn flags(key: &str) -> u8 {
    if SCOPES.load(Ordering::Relaxed) == 0 {
        return 0;
    }
    active_flags(key)
}

fn active_flags(key: &str) -> u8 {
    ACTIVE
        .with(|a| a.try_borrow().ok()?.as_ref().map(|d| d.flags(key)))
        .unwrap_or(0)
}

/// Writes a names data file from `(entry, flags)` pairs: the format
/// `scripts/names-large.mjs` writes, for tests. Entries must be sorted
/// by bytes and unique, each at most 255 bytes.
#[cfg(test)]
pub(crate) fn encode(entries: &[(&str, u8)]) -> Vec<u8> {
    let mut payload = Vec::new();
    let mut prev: &[u8] = &[];
    for (e, f) in entries {
        let b = e.as_bytes();
        let shared =
            prev.iter().zip(b).take_while(|(x, y)| x == y).count().min(255);
        payload.push(shared as u8);
        payload.push((b.len() - shared) as u8);
        payload.extend_from_slice(&b[shared..]);
        payload.push(*f);
        prev = b;
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
            ("Gunnhildur", GIVEN),
            ("Rio de Janeiro", MAJOR),
            ("Þórsdóttir", SURNAME),
            ("Øvrebø", PLACE),
        ])
    }

    #[test]
    fn parses_and_folds() {
        let d = NamesData::parse(&sample()).unwrap();
        assert_eq!(d.entries, 4);
        assert_eq!(d.flags("gunnhildur"), GIVEN);
        assert_eq!(d.flags("thorsdottir"), SURNAME);
        assert_eq!(d.flags("rio de janeiro"), MAJOR);
        assert_eq!(d.flags("janeiro"), PHRASE_END);
        assert_eq!(d.flags("ovrebo"), PLACE);
        assert_eq!(d.flags("rio"), 0);
        assert_eq!(d.flags(""), 0);
    }

    #[test]
    fn rejects_bad_bytes_with_a_message() {
        let good = sample();
        let e = |b: &[u8]| NamesData::parse(b).unwrap_err().0;
        assert!(e(b"").contains("magic"));
        assert!(e(b"PFNAMES2\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0")
            .contains("magic"));
        assert!(e(&good[..good.len() - 1]).contains("truncated"));
        let mut v = good.clone();
        v[8] = 9;
        assert!(e(&v).contains("version 9"));
        let mut v = good.clone();
        let last = v.len() - 1;
        v[last] ^= 1;
        assert!(e(&v).contains("checksum"));
        // A consistent file whose entry has unknown flags.
        assert!(e(&encode(&[("a", 128)])).contains("unknown flags"));
        assert!(e(&encode(&[("a\nb", 1)])).contains("line break"));
    }

    /// Any bytes: an error or data, never a panic; every prefix and
    /// every single-byte change of a good file included.
    #[test]
    fn never_panics() {
        let good = sample();
        for n in 0..good.len() {
            let _ = NamesData::parse(&good[..n]);
        }
        for i in 0..good.len() {
            for x in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut v = good.clone();
                v[i] = x;
                let _ = NamesData::parse(&v);
                // With the checksum fixed, the entry checks are reached.
                let p = fnv(&v[HEADER..]).to_le_bytes();
                v[20..24].copy_from_slice(&p);
                let _ = NamesData::parse(&v);
            }
        }
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..2000 {
            let mut v = good.clone();
            for _ in 0..4 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let i = (seed as usize) % v.len();
                v[i] = (seed >> 32) as u8;
            }
            let p = fnv(&v[HEADER..]).to_le_bytes();
            v[20..24].copy_from_slice(&p);
            let _ = NamesData::parse(&v);
        }
    }

    #[test]
    fn flags_only_inside_a_scope() {
        let d = Arc::new(NamesData::parse(&sample()).unwrap());
        assert_eq!(flags("gunnhildur"), 0);
        {
            let _s = Scope::new(&d);
            assert_eq!(flags("gunnhildur"), GIVEN);
        }
        assert_eq!(flags("gunnhildur"), 0);
    }
}
