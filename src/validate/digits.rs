//! Reading a matched value: its digits, its letters and digits, and the
//! plausibility checks many formats share (not one repeated digit, one
//! separator style, a real day and month). One copy for every validator.

pub(super) fn digits(value: &str) -> Vec<u8> {
    value.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect()
}

/// [`digits`] into `buf`, without a list: `None` when `value` holds
/// more digits than `buf` does. For the validators of card-like numbers
/// (up to 19 digits), which a run of such numbers calls at every group.
#[inline(never)]
pub(super) fn digits_in<'a>(
    value: &str,
    buf: &'a mut [u8; 24],
) -> Option<&'a [u8]> {
    // A plain loop over the bytes: at opt-level z the iterator adapters
    // stayed calls, ~40 instructions a byte.
    let mut n = 0;
    for &b in value.as_bytes() {
        let d = b.wrapping_sub(b'0');
        if d <= 9 {
            *buf.get_mut(n)? = d;
            n += 1;
        }
    }
    buf.get(..n)
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
    d.first().is_some_and(|&f| d.iter().any(|&x| x != f))
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
    fn digits_in_place_are_the_digits() {
        for n in [0, 1, 23, 24, 25, 40] {
            let s: String = (0..n).map(|i| format!("{}-", i % 10)).collect();
            let mut buf = [0; 24];
            let want = (n <= 24).then(|| digits(&s));
            assert_eq!(digits_in(&s, &mut buf), want.as_deref(), "{n}");
        }
    }

    #[test]
    fn placeholders() {
        assert!(not_placeholder(&[4, 8, 2]) && !not_placeholder(&[1, 2, 3]));
    }
}
