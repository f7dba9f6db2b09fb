//! Speaker labels and dialogue (`person.rs`): "Kent: Remember me,
//! Lori?" is a line of a dialogue when another speaker label stands
//! within the bounded context and no neighbouring label is a form field
//! ("Name:", "Gender:": a form, not a dialogue).

use super::context::line_start;
use super::lexicon::{has, Key};
use super::lists::{lists, FIELD_LOC, FIELD_ORG, FIELD_OTHER, FIELD_PERSON};
use super::tokens::{Kind, Tok, AHEAD, BEFORE};

/// A label: 1..=3 words at the start of a line, then `:` and text on
/// the same line ("Kent: Remember me?", "[16:58] 撰彤: ok", "Gender:
/// female"). Returns the index of the colon and whether a word of the
/// label is a form field or a common word ("Name", "Gender", "Note").
fn label_colon(toks: &[Tok], first: usize) -> Option<(usize, bool)> {
    if !line_start(toks, first) {
        return None;
    }
    let mut j = first;
    while j < toks.len() && j < first + 3 && toks[j].is_word() {
        if j > first && (toks[j].nl || !toks[j].sp) {
            return None;
        }
        j += 1;
    }
    let colon = toks.get(j)?;
    let next = toks.get(j + 1)?;
    if j == first
        || !matches!(colon.kind, Kind::Punct(':' | '：'))
        || next.nl
        || !toks[first..j].iter().all(|w| w.cap || w.uncased)
    {
        return None;
    }
    let field = toks[first..j]
        .iter()
        .any(|w| field_label(&w.key) || has(lists().common, &w.key));
    Some((j, field))
}

/// A form field's label: "Name", "City", "Company", "Gender".
fn field_label(key: &Key) -> bool {
    has(&FIELD_PERSON, key)
        || has(&FIELD_LOC, key)
        || has(&FIELD_ORG, key)
        || has(&FIELD_OTHER, key)
}

/// A speaker label: a label of no form field or common word. Returns
/// the index of the colon.
pub(super) fn speaker_colon(toks: &[Tok], first: usize) -> Option<usize> {
    label_colon(toks, first).filter(|l| !l.1).map(|l| l.0)
}

/// A label line of the chunk, for the dialogue test.
pub(super) struct Label {
    /// Byte offset of its first word.
    start: usize,
    /// Byte offset of the token after its colon.
    next: usize,
    /// A speaker label (not a form field or a common word).
    speaker: bool,
    /// A form field's label ("Name:", "Gender:").
    field: bool,
}

/// Every label line of the chunk, in text order.
pub(super) fn labels(toks: &[Tok]) -> Vec<Label> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !(t.is_word() && (t.cap || t.uncased))
            || i > 0 && toks[i - 1].is_word()
        {
            continue;
        }
        if let Some((colon, common)) = label_colon(toks, i) {
            out.push(Label {
                start: t.start,
                next: toks.get(colon + 1).map_or(usize::MAX, |n| n.start),
                speaker: !common,
                field: toks[i..colon].iter().any(|w| field_label(&w.key)),
            });
        }
    }
    out
}

/// Whether the speaker label at byte `p` is one line of a dialogue:
/// another speaker label within the bounded context of a decision (at
/// most [`BEFORE`] bytes before it, its text starting less than
/// [`AHEAD`] bytes after it), and neither neighbouring label line a
/// form field ("Name: <name>\nGender: <gender>" is a form, not two
/// speakers).
pub(super) fn dialogue_at(labels: &[Label], p: usize) -> bool {
    let seen = |l: &Label| l.start + BEFORE >= p && l.next < p + AHEAD;
    let k = labels.partition_point(|l| l.start < p);
    if labels.get(k).is_none_or(|l| l.start != p) {
        return false;
    }
    let near = |l: Option<&Label>| l.is_some_and(|l| seen(l) && l.field);
    if near(k.checked_sub(1).and_then(|j| labels.get(j)))
        || near(labels.get(k + 1))
    {
        return false;
    }
    let lo = labels.partition_point(|l| l.start + BEFORE < p);
    labels[lo..]
        .iter()
        .take_while(|l| l.start < p + AHEAD)
        .any(|l| l.start != p && l.speaker && seen(l))
}
