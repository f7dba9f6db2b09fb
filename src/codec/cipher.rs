//! Letter ciphers of a whole text: every Caesar shift (rot13 is one),
//! Atbash, and reversed text. Any text "decodes" under them, so a text is
//! decoded only when its words read as English under one of them and not
//! as written: a vote of common English words, per line.
//!
//! Each word of 3..=12 ASCII letters is looked up once by its shape (the
//! differences of its letters, which a Caesar shift keeps): a match with a
//! common word of the same shape names the shift. Atbash and reversal are
//! two more lookups. Lines where one transform explains more words than
//! the plain reading (two at least, a third of the line's words) vote for
//! it; the transform with the most votes (three at least) is applied to
//! the span of its lines. Reads at most [`MAX_SCAN`] bytes.

use std::ops::Range;
use std::sync::OnceLock;

use super::families::TextFind;

/// The variants, as `TextFind` reports them.
pub(crate) const NAMES: [&str; 4] = ["caesar", "atbash", "reversed", "rot13"];

/// Bytes of a text read.
const MAX_SCAN: usize = 8 * 1024;

/// Common English words (and the words of requests to a model), 3..=12
/// letters. A word of a text that is one of these under a transform votes
/// for it.
const WORDS: &str = "the and you that was for are with his they this have from one had \
word but not what all were when your can said there use each which she how their will \
other about out many then them these some her would make like him into time has look two \
more write see number way could people than first been call who its now find long down \
day did get come made may part over new any only also just tell give show know please \
instructions instruction previous ignore system prompt rules secret password reveal \
print output repeat above below before after without every everything anything answer \
question questions help need want should must does where why here there thank thanks \
good great best most much very well back still even because through while where after \
again never always something nothing someone message text data user users email send \
follow following forget disregard from now act pretend mode developer hidden initial \
original everything restrictions limits policy content safety model assistant words \
write explain describe list summarize translate recommend check plan store name tips \
what which whom whose our ours their them then than those such same own other another \
day days year years home work school world life hand part place case week company \
number group problem fact right left high small large next early young important few \
public bad same able good new first last long great little own old big different \
following key keys api admin access link image private confidential exact entire full \
start chat conversation history contents comply request obey orders guidance earlier \
prior";

/// Most transforms: 0 = plain, 1..=25 Caesar shifts, 26 Atbash, 27
/// reversed.
const N: usize = 28;
const ATBASH: usize = 26;
const REVERSED: usize = 27;

/// The shape key of lowercase letters: length, then letter differences
/// mod 26 (5 bits each).
fn shape(w: &[u8]) -> u64 {
    let mut k = w.len() as u64;
    for p in w.windows(2) {
        k = k << 5 | u64::from((p[1] + 26 - p[0]) % 26);
    }
    k
}

/// (shape, first letter) of every common word, sorted.
fn table() -> &'static [(u64, u8)] {
    static T: OnceLock<Vec<(u64, u8)>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t: Vec<(u64, u8)> = WORDS
            .split_ascii_whitespace()
            .map(|w| {
                let l: Vec<u8> = w.bytes().map(|c| c - b'a').collect();
                (shape(&l), l[0])
            })
            .collect();
        t.sort_unstable();
        t.dedup();
        t
    })
}

/// The shifts under which `w` (letters 0..26) is a common word: bit s
/// for shift s (plain text is shift 0).
fn shifts(w: &[u8]) -> u32 {
    let t = table();
    let k = shape(w);
    let from = t.partition_point(|e| e.0 < k);
    t[from..]
        .iter()
        .take_while(|e| e.0 == k)
        .fold(0, |m, e| m | 1 << ((w[0] + 26 - e.1) % 26))
}

/// The transforms under which the word `w` (letters 0..26) is a common
/// word, as a bit set over [`N`].
fn votes(w: &[u8], buf: &mut Vec<u8>) -> u32 {
    let mut v = shifts(w) & ((1 << 26) - 1);
    buf.clear();
    buf.extend(w.iter().map(|&c| 25 - c));
    v |= (shifts(buf) & 1) << ATBASH;
    buf.clear();
    buf.extend(w.iter().rev());
    v |= (shifts(buf) & 1) << REVERSED;
    v
}

/// Per transform: votes and the span of the lines that voted.
#[derive(Default)]
struct Tally {
    votes: [usize; N],
    span: [Option<Range<usize>>; N],
}

/// A line's votes, added to `tally` when one transform wins the line.
fn close_line(
    tally: &mut Tally,
    line: &[usize; N],
    words: usize,
    at: Range<usize>,
) {
    let (best, &n) = line[1..]
        .iter()
        .enumerate()
        .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))
        .map(|(k, n)| (k + 1, n))
        .unwrap_or((0, &0));
    if n >= 2 && n > line[0] && n * 3 >= words {
        tally.votes[best] += n;
        let s = tally.span[best].get_or_insert(at.clone());
        s.end = at.end;
    }
}

/// Finds a ciphered span of `text` and deciphers it: (variant of
/// [`NAMES`], span, text).
///
/// A text that names a cipher (`lowered_hint`: "rot13", "caesar",
/// "atbash", "cipher", "reverse", "backwards") needs two votes, not three.
pub(crate) fn find(text: &str, lowered_hint: &str) -> Option<TextFind> {
    let b = &text.as_bytes()[..text.len().min(MAX_SCAN)];
    let mut tally = Tally::default();
    let mut line = [0usize; N];
    let (mut words, mut line_start) = (0, 0);
    let mut w: Vec<u8> = Vec::with_capacity(12);
    let mut buf = Vec::with_capacity(12);
    let mut i = 0;
    while i <= b.len() {
        let c = b.get(i).copied().unwrap_or(b'\n');
        if c.is_ascii_alphabetic() {
            w.push(c.to_ascii_lowercase() - b'a');
            i += 1;
            continue;
        }
        if (3..=12).contains(&w.len()) {
            words += 1;
            let mut v = votes(&w, &mut buf);
            while v != 0 {
                line[v.trailing_zeros() as usize] += 1;
                v &= v - 1;
            }
        }
        w.clear();
        if c == b'\n' {
            close_line(&mut tally, &line, words, line_start..i.min(b.len()));
            line = [0; N];
            words = 0;
            line_start = i + 1;
        }
        i += 1;
    }
    let (best, &n) = tally
        .votes
        .iter()
        .enumerate()
        .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))?;
    if n < 3 && !(n == 2 && named(lowered_hint)) {
        return None;
    }
    let mut span = tally.span[best].clone()?;
    while !text.is_char_boundary(span.end) {
        span.end -= 1;
    }
    let s = &text[span.clone()];
    let (variant, out) = match best {
        ATBASH => (1, s.chars().map(|c| letter_map(c, |x| 25 - x)).collect()),
        REVERSED => (2, s.chars().rev().collect()),
        k => {
            let back = 26 - k as u8;
            let out = s
                .chars()
                .map(|c| letter_map(c, |x| (x + back) % 26))
                .collect();
            (if k == 13 { 3 } else { 0 }, out)
        }
    };
    Some((variant, span, out))
}

/// `c` with an ASCII letter mapped by `f` (on 0..26), case kept.
fn letter_map(c: char, f: impl Fn(u8) -> u8) -> char {
    match c {
        'a'..='z' => char::from(b'a' + f(c as u8 - b'a')),
        'A'..='Z' => char::from(b'A' + f(c as u8 - b'A')),
        _ => c,
    }
}

/// Whether the lowercased text names a letter cipher or reversal.
fn named(lowered: &str) -> bool {
    const NAMES: [&str; 8] = [
        "rot13",
        "rot 13",
        "rot-13",
        "caesar",
        "atbash",
        "cipher",
        "reverse",
        "backwards",
    ];
    // Bounded like the scan: the hint is looked for where the words are.
    let head = &lowered.as_bytes()[..lowered.len().min(MAX_SCAN)];
    NAMES.iter().any(|n| head.windows(n.len()).any(|w| w == n.as_bytes()))
}
