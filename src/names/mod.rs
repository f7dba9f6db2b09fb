//! Names, addresses, locations and dates of birth without an ML model.
//!
//! Owns the dictionary- and grammar-based PII detectors (PERSON, ADDRESS,
//! LOCATION, DATE_OF_BIRTH). Depends only on `report`; the filter layer
//! applies policy to what it returns.

use std::ops::Range;

/// One dictionary/grammar detection.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Detection {
    /// UPPER_SNAKE type, e.g. `PERSON`.
    pub type_name: &'static str,
    /// Rule id, e.g. `person-cue`.
    pub rule: &'static str,
    /// Byte span in the text.
    pub span: Range<usize>,
    /// Confidence in [0, 1].
    pub score: f32,
}

/// Finds names, addresses, locations and dates of birth.
pub(crate) fn detect(_text: &str) -> Vec<Detection> {
    Vec::new()
}
