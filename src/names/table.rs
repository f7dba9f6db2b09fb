//! Tables: CSV, TSV and Markdown rows under a header line whose column
//! names say what they hold ("name", "first_name", "city", "company",
//! "Nombre", "Ort"): each cell of such a column is a PERSON, LOCATION or
//! ORGANIZATION (0.85), whatever its capitals.
//!
//! One pass over the lines; a table ends at a blank line or at a row with
//! another number of cells. Cells are split on the header's separator
//! (`,` `;` tab `|`); a CSV cell in double quotes may hold the separator.

use super::lexicon::has;
use super::lists::{FIELD_LOC, FIELD_ORG, FIELD_PERSON};
use super::tokens::Detection;

/// Cells of `line` split on `sep`, as byte ranges of `line` without
/// surrounding spaces and quotes.
fn cells(line: &str, sep: u8) -> Vec<(usize, usize)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, &c) in b.iter().enumerate() {
        if c == b'"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, b.len()));
    for cell in &mut out {
        while cell.0 < cell.1 && matches!(b[cell.0], b' ' | b'"' | b'\r') {
            cell.0 += 1;
        }
        while cell.1 > cell.0 && matches!(b[cell.1 - 1], b' ' | b'"' | b'\r') {
            cell.1 -= 1;
        }
    }
    // "| a | b |": the empty cells outside the outer bars.
    if sep == b'|' {
        if out.last().is_some_and(|c| c.0 == c.1) {
            out.pop();
        }
        if out.first().is_some_and(|c| c.0 == c.1) {
            out.remove(0);
        }
    }
    out
}

/// The type a column name announces: "first_name", "Nombre", "City".
fn column_type(name: &str) -> Option<&'static str> {
    if name.is_empty() || name.len() > 30 {
        return None;
    }
    // Folded, with `_` `-` `.` as single spaces: "first name".
    let mut key = String::with_capacity(name.len());
    let mut buf = [0u8; 4];
    for c in name.chars() {
        if matches!(c, '_' | '-' | '.' | ' ') {
            if !key.is_empty() && !key.ends_with(' ') {
                key.push(' ');
            }
        } else {
            super::dict::fold_into(c.encode_utf8(&mut buf), &mut key);
        }
    }
    let key = key.trim_end();
    [
        (&FIELD_PERSON, "PERSON"),
        (&FIELD_LOC, "LOCATION"),
        (&FIELD_ORG, "ORGANIZATION"),
    ]
    .into_iter()
    .find(|(list, _)| has(list, key))
    .map(|(_, ty)| ty)
}

/// A header line: cells that are all short labels (letters, spaces,
/// `_`, `-`), at least one of a known type. Its separator and the
/// column types.
fn header(line: &str) -> Option<(u8, Vec<Option<&'static str>>)> {
    let sep = [b'\t', b'|', b';', b',']
        .into_iter()
        .find(|s| line.as_bytes().contains(s))?;
    let cols = cells(line, sep);
    if cols.len() < 2 {
        return None;
    }
    let mut types = Vec::with_capacity(cols.len());
    for &(a, b) in &cols {
        let name = line.get(a..b)?;
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '_' | '-'))
        {
            return None;
        }
        types.push(column_type(name));
    }
    types.iter().any(Option::is_some).then_some((sep, types))
}

pub(crate) fn detect(text: &str) -> Vec<Detection> {
    let mut out = Vec::new();
    // (separator, column types) of the table being read.
    let mut table: Option<(u8, Vec<Option<&'static str>>)> = None;
    let mut at = 0;
    for line in text.split('\n') {
        let start = at;
        at += line.len() + 1;
        if let Some((sep, types)) = &table {
            let row = cells(line, *sep);
            // Markdown's rule line under the header.
            let rule = line.contains('-')
                && line
                    .bytes()
                    .all(|c| matches!(c, b'|' | b'-' | b':' | b' '));
            if row.len() == types.len() && !rule {
                for (&(a, b), ty) in row.iter().zip(types) {
                    let Some(ty) = ty else { continue };
                    let cell = line.get(a..b).unwrap_or("");
                    if b - a > 80
                        || !cell.chars().any(char::is_alphabetic)
                        || cell
                            .bytes()
                            .any(|c| matches!(c, b'@' | b'/' | b'='))
                    {
                        continue;
                    }
                    let span = start + a..start + b;
                    out.push(Detection::new(ty, "table-column", span, 0.85));
                }
                continue;
            }
            if !rule {
                table = None;
            } else {
                continue;
            }
        }
        if line.len() <= 200 {
            table = header(line);
        }
    }
    out
}
