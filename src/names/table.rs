//! Tables: CSV, TSV and Markdown rows under a header line whose column
//! names say what they hold ("name", "first_name", "city", "company",
//! "Nombre", "Ort"): each cell of such a column is a PERSON, LOCATION or
//! ORGANIZATION (0.85), whatever its capitals.
//!
//! One pass over the lines; a table ends at a blank line, at a row with
//! another number of cells, at a line longer than [`ROW_MAX`] bytes, or
//! [`TABLE_REACH`] bytes below its header: a row is typed by a header a
//! bounded distance above it, which a response stream keeps in its
//! window (`names::keep_from`), and a row of an open table at the end of
//! a stream's window is held back until its line is complete
//! (`names::pending`). Cells are split on the header's separator
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

/// Most bytes from a header's line start to the start of a row it types.
pub(crate) const TABLE_REACH: usize = 4 * 1024;

/// Longest row line (bytes, without its line break).
pub(crate) const ROW_MAX: usize = 1024;

/// Longest header line (bytes).
pub(crate) const HEADER_MAX: usize = 200;

/// (separator, column types, byte offset of the header line) of the
/// table being read.
type Table = (u8, Vec<Option<&'static str>>, usize);

/// Reads the lines of `text`; `row` gets each typed row: the table and
/// the line's start and text. Returns the table open after the last line
/// break, if any, and the start of the last line.
fn walk<'a>(
    text: &'a str,
    row: &mut dyn FnMut(&Table, usize, &'a str),
) -> (Option<Table>, usize) {
    let mut table: Option<Table> = None;
    let mut at = 0;
    let mut last = 0;
    for line in text.split('\n') {
        let start = at;
        last = start;
        at += line.len() + 1;
        if at > text.len() {
            // The last line (no line break after it): the table open at
            // its start is what a stream holds it back for.
            let open = table.clone();
            step(&mut table, line, start, row);
            return (open, last);
        }
        step(&mut table, line, start, row);
    }
    (table, last)
}

/// One line of [`walk`].
fn step<'a>(
    table: &mut Option<Table>,
    line: &'a str,
    start: usize,
    row: &mut dyn FnMut(&Table, usize, &'a str),
) {
    if table
        .as_ref()
        .is_some_and(|t| start - t.2 > TABLE_REACH || line.len() > ROW_MAX)
    {
        *table = None;
    }
    if let Some(t) = table.as_ref() {
        let (sep, types) = (t.0, &t.1);
        let n = cells(line, sep).len();
        // Markdown's rule line under the header.
        let rule = line.contains('-')
            && line.bytes().all(|c| matches!(c, b'|' | b'-' | b':' | b' '));
        if rule {
            return;
        }
        if n == types.len() {
            row(t, start, line);
            return;
        }
        *table = None;
    }
    if line.len() <= HEADER_MAX {
        *table = header(line).map(|(sep, types)| (sep, types, start));
    }
}

/// Start of the last line of `text` when it may be a row of an open
/// table (no line break after it yet, at most [`ROW_MAX`] bytes): the
/// cells of a row are typed only once the line is complete.
pub(crate) fn open_row(text: &str) -> usize {
    // A header that types the last line starts at most TABLE_REACH
    // bytes before it.
    let mut from = text.len().saturating_sub(TABLE_REACH + ROW_MAX + 2);
    if from > 0 {
        let Some(nl) =
            text.as_bytes()[from..].iter().position(|&b| b == b'\n')
        else {
            return text.len();
        };
        from += nl + 1;
    }
    let tail = text.get(from..).unwrap_or("");
    // One line: no row under a header (`walk` would say so, at the cost
    // of compiling the table code in a cold start's first push).
    if !tail.contains('\n') {
        return text.len();
    }
    let (open, last) = walk(tail, &mut |_, _, _| {});
    match open {
        Some(_) if tail.len() - last <= ROW_MAX => from + last,
        _ => text.len(),
    }
}

/// Where a stream's window may begin near byte `keep` (at or before it)
/// so that its first line reads as in the whole text: the start of the
/// line holding `keep`, or a point more than [`HEADER_MAX`] bytes before
/// the end of that line's first piece, which then cannot pass for a
/// header (nor for a row: no header stands before it).
///
/// Reads back from `keep` no further than that point: a line start
/// before it is not the answer anyway. (It searched to the text's start:
/// the names detector asks at every 32 KB chunk of a long text, so a
/// megabyte without a line break read ~16 MB, issue 16.)
pub(crate) fn line_keep(text: &str, keep: usize) -> usize {
    let b = text.as_bytes();
    let keep = keep.min(b.len());
    let floor = keep.saturating_sub(HEADER_MAX + 1);
    crate::work::add(crate::work::Work::Names, keep - floor);
    let ls = b[floor..keep]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |p| floor + p + 1);
    ls.max(floor)
}

/// Start of the header line of a table that may still type rows after
/// byte `at` (at most [`TABLE_REACH`] bytes before it), or `at`.
pub(crate) fn header_before(text: &str, at: usize) -> usize {
    let lo = at.saturating_sub(TABLE_REACH);
    crate::work::add(crate::work::Work::Names, at - lo);
    let mut k = lo;
    while k < at {
        let end = text.as_bytes()[k..at]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(at, |p| k + p);
        // A line that starts here (the first one only at a line start).
        let whole = k == 0 || text.as_bytes().get(k - 1) == Some(&b'\n');
        if whole
            && end < at
            && end - k <= HEADER_MAX
            && header(text.get(k..end).unwrap_or("")).is_some()
        {
            return k;
        }
        k = end + 1;
    }
    at
}

pub(crate) fn detect(text: &str) -> Vec<Detection> {
    let mut out = Vec::new();
    walk(text, &mut |(sep, types, _), start, line| {
        let row = cells(line, *sep);
        for (&(a, b), ty) in row.iter().zip(types) {
            let Some(ty) = ty else { continue };
            let cell = line.get(a..b).unwrap_or("");
            if b - a > 80
                || !cell.chars().any(char::is_alphabetic)
                || cell.bytes().any(|c| matches!(c, b'@' | b'/' | b'='))
            {
                continue;
            }
            let span = start + a..start + b;
            out.push(Detection::new(ty, "table-column", span, 0.85));
        }
    });
    out
}
