//! The lowercase of the scripts the injection phrase tables use, a
//! `const fn`: the phrase rules are squashed at compile time with it
//! (`inject::rules::SQUASHED`) and at run time with the same function.

/// Lowercase for the scripts our phrase tables use (ASCII, Latin-1 and
/// Extended-A, Greek, Cyrillic, Armenian); other chars unchanged. Avoids
/// pulling the full Unicode case tables into the wasm.
pub(crate) const fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A
        | 0xC0..=0xD6
        | 0xD8..=0xDE
        | 0x391..=0x3A1
        | 0x3A3..=0x3AB
        | 0x410..=0x42F => u + 0x20,
        0x100..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x400..=0x40F => u + 0x50,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if u % 2 == 0 => u + 1,
        0x531..=0x556 => u + 0x30,
        _ => u,
    };
    // `unwrap_or` is not `const`.
    match char::from_u32(l) {
        Some(l) => l,
        None => c,
    }
}
