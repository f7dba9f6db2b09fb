//! The optimizer-suffix shape ([`tail`]).

/// Bytes that make a token look machine-made when mixed into words
/// (`coff?](`, `{[paper`, `draft={cdnjs`): the bytes of `odd` below,
/// one bit each.
const ODD_BYTES: u128 = {
    let mut m = 0u128;
    let odd = b"[](){}<>!@`\\|^~=*$#";
    let mut k = 0;
    while k < odd.len() {
        m |= 1 << odd[k];
        k += 1;
    }
    m
};

/// Whether `c` is one of [`ODD_BYTES`]: a test of one of its 64-bit
/// halves (a shift of the `u128` is a library call, in the wasm too).
#[inline(always)]
fn is_odd(c: u8) -> bool {
    let half =
        if c < 64 { ODD_BYTES as u64 } else { (ODD_BYTES >> 64) as u64 };
    c < 128 && half >> (c % 64) & 1 == 1
}

/// Tokens of the last line looked at by [`tail`].
const TAIL_TOKENS: usize = 24;

/// How much the last line of `norm` ends like an optimizer's adversarial
/// suffix: a prose request (its first half has at most one odd token)
/// followed by tokens that mix letters with brackets and other
/// punctuation, or are such punctuation alone (`!Mal ensuite coff?](`,
/// `Sure] Sure,].[`). Odd tokens among the line's last [`TAIL_TOKENS`],
/// over 6, at most 1; 0 for a line of under 10 tokens or a document
/// (code is full of such tokens). Reads the last 600 bytes at most.
pub(super) fn tail(norm: &str, doc: bool) -> f32 {
    let b = norm.as_bytes().trim_ascii_end();
    let b = &b[b.len().saturating_sub(600)..];
    let line = b.rsplit(|&c| c == b'\n').next().unwrap_or_default();
    let mut n = 0;
    odd_tokens(line, |_| n += 1);
    if doc || n < 10 {
        return 0.0;
    }
    let (mut head, mut tail, mut i) = (0, 0, 0);
    odd_tokens(line, |odd| {
        if odd {
            head += usize::from(i < n / 2);
            tail += usize::from(i + TAIL_TOKENS >= n);
        }
        i += 1;
    });
    if head > 1 {
        return 0.0;
    }
    (tail.min(6) as f32) / 6.0
}

/// Calls `f` for each token of `line` (a run of bytes other than ASCII
/// whitespace), in order, with whether it holds an [`is_odd`] byte. One
/// loop: split, filter and map were calls a token in the wasm.
#[inline(always)]
fn odd_tokens(line: &[u8], mut f: impl FnMut(bool)) {
    let (mut in_token, mut odd) = (false, false);
    for &c in line {
        if c.is_ascii_whitespace() {
            if in_token {
                f(odd);
            }
            (in_token, odd) = (false, false);
        } else {
            in_token = true;
            odd |= is_odd(c);
        }
    }
    if in_token {
        f(odd);
    }
}
