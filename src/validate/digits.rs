//! Reading a matched value: its digits, its letters and digits, and the
//! plausibility checks many formats share (not one repeated digit, one
//! separator style, a real day and month). One copy for every validator.

/// The digits of `value`, 0-9 each, in order.
pub(super) fn digits(value: &str) -> Digits {
    let mut d = Digits { inline: [0; INLINE], len: 0, more: Vec::new() };
    for b in value.bytes().filter(u8::is_ascii_digit) {
        match d.inline.get_mut(d.len) {
            Some(x) if d.more.is_empty() => *x = b - b'0',
            _ => {
                if d.more.is_empty() {
                    d.more.extend_from_slice(&d.inline);
                }
                d.more.push(b - b'0');
            }
        }
        d.len += 1;
    }
    d
}

/// Digits kept in place: every number a built-in validator reads.
const INLINE: usize = 32;

/// A value's digits ([`digits`]), in place up to [`INLINE`] of them, on
/// the heap past that: a list allocated per match was a third of a
/// validator's cost in long runs of card-like numbers.
pub(super) struct Digits {
    inline: [u8; INLINE],
    len: usize,
    /// All the digits, once there are more than [`INLINE`].
    more: Vec<u8>,
}

impl std::ops::Deref for Digits {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self.inline.get(..self.len) {
            Some(d) if self.more.is_empty() => d,
            _ => &self.more,
        }
    }
}

impl std::ops::DerefMut for Digits {
    fn deref_mut(&mut self) -> &mut [u8] {
        match self.inline.get_mut(..self.len) {
            Some(d) if self.more.is_empty() => d,
            _ => &mut self.more,
        }
    }
}

/// Uppercased ASCII letters and digits of `s`, separators dropped.
#[inline(never)]
pub(super) fn alnum(s: &str) -> Vec<u8> {
    s.bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_uppercase())
        .collect()
}

#[inline(never)]
pub(super) fn num(d: &[u8]) -> u64 {
    d.iter().take(18).fold(0u64, |a, &x| a * 10 + x as u64)
}

/// Not one digit repeated: checksum validators use this; a checksum that
/// passes on a straight run (876543210) is still evidence.
#[inline(never)]
pub(super) fn not_same(d: &[u8]) -> bool {
    d.first().map_or(false, |&f| d.iter().any(|&x| x != f))
}

/// True unless the digits are one repeated digit or a straight run
/// (123456789, 987654321): the classic made-up values.
#[inline(never)]
pub(crate) fn not_placeholder(d: &[u8]) -> bool {
    if d.len() < 2 {
        return true;
    }
    let same = d.iter().all(|&x| x == d[0]);
    let up = d.windows(2).all(|w| (w[0] + 1) % 10 == w[1]);
    let down = d.windows(2).all(|w| (w[1] + 1) % 10 == w[0]);
    !(same || up || down)
}

/// Separators between digit groups are all the same (or absent).
#[inline(never)]
pub(super) fn same_separators(s: &str) -> bool {
    let mut seps = s.bytes().filter(|b| !b.is_ascii_alphanumeric());
    match seps.next() {
        None => true,
        Some(first) => seps.all(|b| b == first),
    }
}

#[inline(never)]
pub(super) fn valid_day_month(day: u32, month: u32) -> bool {
    (1..=12).contains(&month)
        && day >= 1
        && day
            <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
                [month as usize - 1]
}

#[cfg(test)]
pub(super) mod testing {
    //! Valid values in the validators' tests were computed from each
    //! checksum's definition by a separate script (not by these
    //! functions); invalid ones change the check character, the date or
    //! the prefix.

    /// Replaces the last digit with the next one (mod 10) or the last
    /// letter with the next letter.
    fn bump_last(s: &str) -> String {
        let mut b = s.as_bytes().to_vec();
        if let Some(c) = b.iter_mut().rev().find(|c| c.is_ascii_alphanumeric())
        {
            *c = match *c {
                b'9' => b'0',
                b'Z' => b'A',
                b'z' => b'a',
                x => x + 1,
            };
        }
        String::from_utf8(b).unwrap()
    }

    /// `check` accepts every valid value and rejects it with its last
    /// character bumped, and rejects every invalid value.
    pub(in crate::validate) fn check_all(
        check: fn(&str) -> bool,
        valid: &[&str],
        invalid: &[&str],
    ) {
        for s in valid {
            assert!(check(s), "should accept {:?}", s);
            let bad = bump_last(s);
            assert!(!check(&bad), "should reject {:?}", bad);
        }
        for s in invalid {
            assert!(!check(s), "should reject {:?}", s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_in_place_and_past_it() {
        for n in [0, 1, 31, 32, 33, 70] {
            let s: String = (0..n).map(|i| format!("{}-", i % 10)).collect();
            let want: Vec<u8> = (0..n).map(|i| (i % 10) as u8).collect();
            let mut d = digits(&s);
            assert_eq!(&d[..], &want[..], "{n}");
            if let Some(x) = d.first_mut() {
                *x = 9;
                assert_eq!(d[0], 9);
            }
        }
    }

    #[test]
    fn placeholders() {
        assert!(not_placeholder(&[4, 8, 2]) && !not_placeholder(&[1, 2, 3]));
    }
}
