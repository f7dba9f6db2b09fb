//! The large names data parser on any bytes: a count or an error, never
//! a panic. When the input starts with the format's magic, its checksum
//! field is recomputed first, so the entry checks are reached.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut v = data.to_vec();
    if v.len() >= 24 && v.starts_with(b"PFNAMES1") {
        let sum = v[24..].iter().fold(0x811c_9dc5u32, |h, &b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
        v[20..24].copy_from_slice(&sum.to_le_bytes());
    }
    let _ = promptfence::__private::names_data_decode(&v);
});
