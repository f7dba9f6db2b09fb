//! The optional large injection classifier (`injection-model.bin` of the
//! package, built by `scripts/injection-model` with
//! `tools/train_injection.rs`): the default classifier's features
//! ([`super::features`], the same segments and dense slots) from its own
//! featurizer pass ([`super::features::wide`]: codes deduplicated by
//! its own `2^bits` buckets instead of `2^14`, and byte 3- and 5-grams
//! too), with its own dense weights,
//! intercept and calibration map (fitted the same way, on
//! leave-one-source-out scores). A filter whose policy sets
//! `injection.model: "large"` uses it for the classifier's vote; rules,
//! hidden text and decoded payloads are judged as by default. The
//! default never reads it.
//!
//! Format (little-endian): `PFINJMD1`, version (u32, 2; a version 1
//! file was trained on the shipped pass's codes), `bits` (u32,
//! 15..=22), the default model's fingerprint ([`base`]: a file is built
//! next to one shipped default model, whose featurizer it shares), scale
//! (f32: a weight is its stored nibble times the scale), intercept
//! (f32), [`N_DENSE`] dense weights (f32), [`KNOTS`] calibration knots'
//! logits and their risks (f32); then `2^bits` 4-bit two's-complement
//! weights, two per byte, low nibble first; then FNV-1a of everything
//! before it (u32).

use std::sync::OnceLock;

use super::features::{occurrence_weight, N_DENSE};
use super::model;
use crate::digest::{fnv, u32_at};

const MAGIC: &[u8; 8] = b"PFINJMD1";
/// 2: its codes come from its own featurizer pass ([`super::features::wide`]).
const VERSION: u32 = 2;
/// Bucket bits a file may have.
const BITS: std::ops::RangeInclusive<u32> = 15..=22;
/// Calibration knots: as many as the default map has.
pub(crate) const KNOTS: usize = model::CAL_Z.len();
/// Where the dense weights start.
const DENSE_AT: usize = 28;
/// Where the hashed weights start.
const WEIGHTS_AT: usize = DENSE_AT + 4 * (N_DENSE + 2 * KNOTS);

/// A checked large model.
pub(crate) struct Large {
    /// `32 - bits`: a code's bucket is `code >> shift`.
    shift: u32,
    pub(crate) scale: f32,
    pub(crate) bias: f32,
    pub(crate) dense: [f32; N_DENSE],
    /// The calibration knots' logits and their risks.
    pub(crate) cal: [[f32; KNOTS]; 2],
    weights: Box<[u8]>,
    /// The file's checksum: loading it again is a no-op.
    sum: u32,
}

static LARGE: OnceLock<Large> = OnceLock::new();

/// The fingerprint of the shipped default model (its intercept, scale and
/// dense weights): a large file names the default it was built with, so
/// a file of another release (another featurizer) is refused.
pub(crate) fn base() -> u32 {
    let mut h = 0x811c_9dc5u32;
    for x in [model::BIAS, model::SCALE].iter().chain(model::DENSE.iter()) {
        h = (h ^ x.to_bits()).wrapping_mul(0x0100_0193);
    }
    h
}

/// Whether `bytes` claim to be a large model file (its magic).
#[cfg(feature = "wasm")]
pub(crate) fn is_model(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

fn parse(bytes: &[u8]) -> Result<Large, &'static str> {
    if !bytes.starts_with(MAGIC) {
        return Err("not an injection model (bad magic)");
    }
    let bits = u32_at(bytes, 12);
    if u32_at(bytes, 8) != VERSION
        || u32_at(bytes, 16) != base()
        || !BITS.contains(&bits)
    {
        return Err("injection model: another version or release");
    }
    let end = WEIGHTS_AT + (1 << (bits - 1));
    if bytes.len() != end + 4 {
        return Err("injection model: truncated or padded");
    }
    let sum = u32_at(bytes, end);
    if fnv(&bytes[..end]) != sum {
        return Err("injection model: checksum mismatch (corrupted)");
    }
    let f = |at| f32::from_bits(u32_at(bytes, at));
    let mut m = Large {
        shift: 32 - bits,
        scale: f(20),
        bias: f(24),
        dense: [0.0; N_DENSE],
        cal: [[0.0; KNOTS]; 2],
        weights: bytes[WEIGHTS_AT..end].into(),
        sum,
    };
    let floats = m.dense.iter_mut().chain(m.cal.iter_mut().flatten());
    for (k, x) in floats.enumerate() {
        *x = f(DENSE_AT + 4 * k);
    }
    Ok(m)
}

/// Checks and installs the large model for this process; returns its
/// number of hashed buckets. The same file again is a no-op; another one
/// once one is installed is an error.
pub(crate) fn install(bytes: &[u8]) -> Result<usize, &'static str> {
    let m = match LARGE.get() {
        Some(m) => m,
        None => {
            let parsed = parse(bytes)?;
            LARGE.get_or_init(|| parsed)
        }
    };
    if bytes.len() != WEIGHTS_AT + m.weights.len() + 4
        || u32_at(bytes, bytes.len() - 4) != m.sum
    {
        return Err("injection model: another file is loaded");
    }
    Ok(2 * m.weights.len())
}

/// The installed large model.
pub(crate) fn get() -> Option<&'static Large> {
    LARGE.get()
}

impl Large {
    /// Its bucket bits.
    pub(crate) fn bits(&self) -> u32 {
        32 - self.shift
    }

    /// The hashed part of the logit of one bag of codes (unscaled).
    pub(crate) fn sum(&self, codes: &[u32]) -> f32 {
        let mut z = 0i32;
        for &code in codes {
            let b = (code >> self.shift) as usize;
            let byte = self.weights.get(b >> 1).copied().unwrap_or(0);
            let x = i32::from(((byte << (4 - 4 * (b & 1))) as i8) >> 4);
            z += if code & 1 == 1 { x } else { -x };
        }
        z as f32 * occurrence_weight(codes.len())
    }
}

/// The risk of logit `z` under the map with knots `zs` and risks `ps`
/// (the default's, or the large model's of as many knots).
pub(crate) fn calibrate(z: f32, zs: &[f32; KNOTS], ps: &[f32; KNOTS]) -> f32 {
    let n = zs.len();
    if z.is_nan() || n == 0 {
        return 0.0;
    }
    if z <= zs[0] {
        return ps[0];
    }
    if z >= zs[n - 1] {
        return ps[n - 1];
    }
    let k = zs.partition_point(|&x| x <= z).clamp(1, n - 1);
    let (z0, z1, p0, p1) = (zs[k - 1], zs[k], ps[k - 1], ps[k]);
    if z1 > z0 {
        p0 + (p1 - p0) * (z - z0) / (z1 - z0)
    } else {
        p1
    }
}

/// Writes a large model file (the trainer's output; tests). A map of
/// fewer than [`KNOTS`] knots is padded with its last knot.
#[cfg(not(target_arch = "wasm32"))]
pub fn encode(
    bits: u32,
    scale: f32,
    bias: f32,
    dense: &[f32],
    cal: (&[f32], &[f32]),
    weights: &[i8],
) -> Vec<u8> {
    let knots = |v: &[f32]| -> Vec<f32> {
        (0..KNOTS)
            .map(|k| v.get(k).or(v.last()).copied().unwrap_or(0.0))
            .collect()
    };
    let mut out = MAGIC.to_vec();
    let floats = [scale, bias].into_iter().chain(dense.iter().copied());
    let floats = floats.chain(knots(cal.0)).chain(knots(cal.1));
    for x in
        [VERSION, bits, base()].into_iter().chain(floats.map(f32::to_bits))
    {
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.extend(weights.chunks(2).map(|p| {
        (p[0] as u8 & 0x0F) | (p.get(1).map_or(0, |&x| x as u8) & 0x0F) << 4
    }));
    let sum = fnv(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// Parses a large model file without installing it (the trainer's check
/// that train and serve agree, tests).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn parsed(bytes: &[u8]) -> Result<Large, &'static str> {
    parse(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weights() -> Vec<i8> {
        (0..1 << 15).map(|i| (i % 16) as i8 - 8).collect()
    }

    fn small() -> Vec<u8> {
        let cal = (&[-1.0, 1.0][..], &[0.1, 0.9][..]);
        encode(15, 0.5, -1.0, &[0.25; N_DENSE], cal, &weights())
    }

    /// A file round-trips: encode, parse, the same numbers back.
    #[test]
    fn round_trip() {
        let m = parse(&small()).unwrap();
        assert_eq!((m.shift, m.scale, m.bias), (17, 0.5, -1.0));
        assert_eq!(m.dense, [0.25; N_DENSE]);
        assert_eq!(
            [m.cal[0][0], m.cal[0][1], m.cal[0][KNOTS - 1]],
            [-1.0, 1.0, 1.0]
        );
        assert_eq!([m.cal[1][0], m.cal[1][KNOTS - 1]], [0.1, 0.9]);
        for (b, &want) in weights().iter().enumerate().step_by(7) {
            // One code per bucket, sign bit set: the sum is the weight.
            let code = (b as u32) << 17 | 1;
            assert_eq!(m.sum(&[code]), f32::from(want), "bucket {b}");
        }
    }

    /// What each kind of bad file is told.
    #[test]
    fn bad_files_are_named() {
        let good = small();
        let e = |b: &[u8]| parse(b).err().unwrap_or("parsed");
        assert!(e(b"PFTAGGR1").contains("bad magic"));
        assert!(e(&good[..good.len() - 1]).contains("truncated"));
        for at in [8, 12, 16] {
            let mut v = good.clone();
            v[at] ^= 1;
            assert!(e(&v).contains("another version"), "byte {at}");
        }
        for at in [25, DENSE_AT + 3, WEIGHTS_AT + 5, good.len() - 1] {
            let mut v = good.clone();
            v[at] ^= 0x10;
            assert!(e(&v).contains("checksum"), "byte {at}");
        }
    }

    /// A file of version 1 (the same layout, codes of the shipped
    /// pass) is refused, checksum or not.
    #[test]
    fn version_one_is_refused() {
        let mut v = small();
        v[8..12].copy_from_slice(&1u32.to_le_bytes());
        let end = v.len() - 4;
        let sum = fnv(&v[..end]);
        v[end..].copy_from_slice(&sum.to_le_bytes());
        assert!(parse(&v).err().unwrap_or("").contains("another version"));
    }

    /// Any bytes: an error or a model, never a panic (every prefix and
    /// single-byte change of the header).
    #[test]
    fn parse_never_panics() {
        let good = small();
        for n in (0..good.len()).step_by(61).chain(0..WEIGHTS_AT + 8) {
            assert!(parse(&good[..n]).is_err());
        }
        for i in 0..WEIGHTS_AT + 8 {
            for x in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut v = good.clone();
                v[i] = x;
                if let Ok(m) = parse(&v) {
                    let _ = m.sum(&[0, 1, u32::MAX]);
                }
            }
        }
    }
}
