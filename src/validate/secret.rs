//! Secret shapes: is a matched value a generated token, or a word, an
//! identifier, a host name or a hand-made placeholder? Heuristics about
//! how keys are generated (token shape, entropy, typed runs), not facts
//! about one vendor's format.

/// Vendor prefixes of fixed-length formats that a provider rule checks
/// exactly. A generic assignment whose value starts with one is left to
/// that rule: a value with the prefix and the wrong shape is truncated,
/// padded or made up ([`generic_token`]).
///
/// NOTE: the list is about the secret rules but lives here, beside the
/// only code that reads it: the rule tables depend on `validate` (they
/// name validators), so `validate` must not depend back on them.
static CLAIMED_PREFIXES: &[&str] = &[
    "AIza",
    "sk-ant-",
    "sk-proj-",
    "sk-svcacct-",
    "sk-admin-",
    "sk-or-v1-",
    "xai-",
    "gsk_",
    "ghp_",
    "gho_",
    "github_pat_",
    "npm_",
    "dop_v1_",
    "doo_v1_",
    "dor_v1_",
    "shpat_",
    "shpca_",
    "shppa_",
    "shpss_",
    "3MVG9",
    "xoxb-",
    "xoxp-",
    "xoxa-",
    "xoxr-",
    "xoxs-",
    "cfut_",
    "cfat_",
    "cfk_",
    "NRAK-",
    "NRAA-",
    "NRJS-",
    "NRBR-",
    "HRKU-",
    "glpat-",
    "gloas-",
    "pcsk_",
    "NRII-",
    "NRIQ-",
    "duffel_test_",
    "duffel_live_",
    "access-sandbox-",
    "access-development-",
    "access-production-",
    "aio_",
    "bkua_",
    "spu-",
    "apify_api_",
    "pat.",
    "sat.",
    // JFrog reference tokens: base64 of `reftkn`, 64 characters in all.
    "cmVmdGtu",
    "sqco_",
];

/// Vendor suffixes of fixed-length formats a provider rule checks
/// exactly, as [`CLAIMED_PREFIXES`]: New Relic license keys end in `NRAL`,
/// its mobile app tokens in `-NRMA`.
static CLAIMED_SUFFIXES: &[&str] = &["NRAL", "-NRMA"];

/// A generated token rather than a word or an identifier.
pub(crate) fn token(value: &str) -> bool {
    let b = value.as_bytes();
    if b.len() < 8 {
        return false;
    }
    let digit = b.iter().any(u8::is_ascii_digit);
    let upper = b.iter().any(u8::is_ascii_uppercase);
    let lower = b.iter().any(u8::is_ascii_lowercase);
    if digit && (upper || lower) {
        return true;
    }
    upper && lower && b.len() >= 20 && !b.contains(&b'.')
}

/// The value after a provider's name: a token, and when it is letters
/// alone, random letters rather than words joined in CamelCase
/// (`searchConfluenceUsingCql`); not a typed placeholder.
pub(crate) fn named_token(value: &str) -> bool {
    let b = value.as_bytes();
    token(value)
        && !(b.iter().all(u8::is_ascii_alphabetic) && camel_words(b))
        && !typed_placeholder(url_secret_part(value))
}

/// Placeholders that are typed, not generated, checked after a provider's
/// name as well as in generic assignments: counting in pairs
/// (`a1b2c3d4e5`, `1A2B3C4D5E`: a letter and a digit at a time, each
/// stepping by one) or one character filling half the value or more
/// (`AAAA…`, eight or more in a row). A generator emits neither (odds
/// below 1e-10 per position). Counting runs (`12345678`) are not in this
/// list: rule sets write `12345678-ABCD-ABCD-ABCD-1234567890AB` as a
/// vendor's key shape after its name, and the engine already turns down
/// runs of eight in generic values. Prefixed formats (validator
/// `prefixed`) are checked for none of these: only the markers turn
/// them down.
pub(crate) fn typed_placeholder(value: &str) -> bool {
    let b = value.as_bytes();
    every_other_counts(b, 8, true) || one_char_fill(b)
}

/// Extra placeholder signs for generic assignments, where no vendor
/// format vouches for the value: five keys of a keyboard letter row
/// (`qwert`, `zxcvb`, either direction), six in a row counting
/// (`abcdef`, `456789`), every other character counting five steps
/// (`d1f2e3c4b5`, `A1B2C3D4E5`), or the word "invalid". A random
/// base-36 value of 40 characters shows one of these with odds near 1e-4.
pub(crate) fn generic_placeholder(value: &str) -> bool {
    let b = value.as_bytes();
    const ROWS: &[u8] =
        b"qwertyuiop asdfghjkl zxcvbnm mnbvcxz lkjhgfdsa poiuytrewq";
    typed_placeholder(value)
        || has_sequential_run(b, 6)
        || every_other_counts(b, 4, false)
        || b.windows(5)
            .any(|w| ROWS.windows(5).any(|r| w.eq_ignore_ascii_case(r)))
        || b.windows(7).any(|w| w.eq_ignore_ascii_case(b"invalid"))
}

/// Among the alphanumerics of `b` (ignoring case and separators, so that
/// `1a2b-3c4d` counts as `1a2b3c4d`), `steps` characters in a row that are
/// each one up from the character two places before: with `pairs`, a
/// letter and a digit at a time (`a1b2c3d4e5` is 8 steps), else every
/// other character alone (`1`, `2`, `3`, `4`, `5` in `d1f2e3c4b5` is 4).
fn every_other_counts(b: &[u8], steps: usize, pairs: bool) -> bool {
    let a: Vec<u8> = b
        .iter()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(u8::to_ascii_lowercase)
        .collect();
    let mut runs = [0usize; 2];
    a.windows(3).enumerate().any(|(j, w)| {
        let step = w[2] == w[0].wrapping_add(1)
            && (!pairs || w[0].is_ascii_digit() != w[1].is_ascii_digit());
        let r = &mut runs[if pairs { 0 } else { j % 2 }];
        *r = if step { *r + 1 } else { 0 };
        *r >= steps
    })
}

/// One character repeated eight or more times in a row, the run half the
/// value or more.
fn one_char_fill(b: &[u8]) -> bool {
    let (mut best, mut run) = (0, 0);
    for (i, c) in b.iter().enumerate() {
        run = if i > 0 && b[i - 1] == *c { run + 1 } else { 1 };
        best = best.max(run);
    }
    best >= 8 && best * 2 >= b.len()
}

/// The value of a generic assignment (`key = value`): a token, and none
/// of the shapes that fill such assignments without being keys.
pub(crate) fn generic_token(value: &str) -> bool {
    token(value)
        && !CLAIMED_PREFIXES.iter().any(|p| value.starts_with(p))
        && !CLAIMED_SUFFIXES.iter().any(|p| value.ends_with(p))
        && !hex_with_stray_letters(value)
        && !host_name(value)
        && !word_phrase(value)
        && !generic_placeholder(url_secret_part(value))
        && !two_copies(value.as_bytes())
}

/// One run of 8 or more letters and digits written twice around one
/// separator (`e4T9Cw1Ctw-e4T9Cw1Ctw`): a value pasted twice, not a
/// draw (a random half of 8 or more base-10 characters repeats with
/// odds of 1e-8 or less).
fn two_copies(b: &[u8]) -> bool {
    let h = b.len() / 2;
    b.len() >= 17
        && b.len() % 2 == 1
        && !b[h].is_ascii_alphanumeric()
        && b[..h] == b[h + 1..]
        && b[..h].iter().all(u8::is_ascii_alphanumeric)
}

/// A secret written in one kind of character. Digits: 20 or more (fewer
/// are ids, timestamps, PINs and amounts). Letters: 12 or more in both
/// cases, with no run of five lowercase letters, and fewer than half of
/// the pieces that start at a capital three letters long or more; words
/// joined in CamelCase (`GetAccessToken`, `HttpRequestHandler`) fail one
/// or the other, random letters pass both.
pub(crate) fn bare_run(value: &str) -> bool {
    let b = value.as_bytes();
    if !b.is_empty() && b.iter().all(u8::is_ascii_digit) {
        return b.len() >= 20;
    }
    let upper = b.iter().filter(|c| c.is_ascii_uppercase()).count();
    if b.len() < 12
        || !b.iter().all(u8::is_ascii_alphabetic)
        || upper < 3
        || b.len() - upper < 3
    {
        return false;
    }
    let mut lower_run = 0;
    for &c in b {
        lower_run = if c.is_ascii_uppercase() { 0 } else { lower_run + 1 };
        if lower_run >= 5 {
            return false;
        }
    }
    !camel_words(b)
}

/// Half or more of the pieces that start at a capital (and the piece
/// before the first capital) are three letters long or more: words
/// joined in CamelCase (`searchConfluenceUsingCql`), not random letters.
fn camel_words(b: &[u8]) -> bool {
    let (mut pieces, mut long, mut piece) = (0, 0, 0);
    for &c in b {
        if c.is_ascii_uppercase() && piece > 0 {
            pieces += 1;
            long += usize::from(piece >= 3);
            piece = 0;
        }
        piece += 1;
    }
    pieces += 1;
    long += usize::from(piece >= 3);
    long * 2 >= pieces
}

/// Letters, digits and hyphens, at least 16 of them, that are hex except
/// for one or two letters from `g` to `z`, or (a digest, no hyphens) hex in
/// one case except for one or two letters in the other: no generator emits that (a random
/// base-36 string of 16 characters has at most two such letters with
/// probability below 1e-3, one of 32 below 1e-8), but hand-edited digests
/// and UUIDs and corrupted test keys do.
pub(crate) fn hex_with_stray_letters(value: &str) -> bool {
    let b = value.as_bytes();
    if !b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-') {
        return false;
    }
    let alnum = b.iter().filter(|c| c.is_ascii_alphanumeric()).count();
    let count = |f: fn(&u8) -> bool| b.iter().filter(|c| f(c)).count();
    let stray = count(|c| c.is_ascii_alphabetic() && !c.is_ascii_hexdigit());
    let (upper, lower) =
        (count(u8::is_ascii_uppercase), count(u8::is_ascii_lowercase));
    alnum >= 16
        && (matches!(stray, 1 | 2)
            || stray == 0
                && !b.contains(&b'-')
                && (matches!(upper, 1 | 2) && lower >= 8
                    || matches!(lower, 1 | 2) && upper >= 8))
}

/// Four or more lowercase words or numbers joined by `-`, `_` or `.`
/// (`a-string-secret-at-least-256-bits-long`, `my_app_token_name`): a
/// name or a description, not a generated key.
pub(crate) fn word_phrase(value: &str) -> bool {
    let mut parts = 0;
    for p in value.split(['-', '_', '.']) {
        let b = p.as_bytes();
        let word = !b.is_empty()
            && (b.iter().all(u8::is_ascii_lowercase)
                || b.iter().all(u8::is_ascii_digit));
        if !word {
            return false;
        }
        parts += 1;
    }
    parts >= 4
}

/// A host name or a bare origin (`api.example.com`, `db.internal.net:6380`,
/// `https://acme.my.service.com/`): an address, not a credential. A URL
/// with a path may carry a secret (webhooks) and is not matched here.
pub(crate) fn host_name(value: &str) -> bool {
    let v = match value.find("://") {
        Some(i) => value[i + 3..].strip_suffix('/').unwrap_or(&value[i + 3..]),
        None => value,
    };
    let host = match v.rsplit_once(':') {
        Some((h, port))
            if !port.is_empty()
                && port.bytes().all(|b| b.is_ascii_digit()) =>
        {
            h
        }
        _ => v,
    };
    let labels: Vec<&str> = host.split('.').collect();
    let tld = labels[labels.len() - 1];
    labels.len() >= 2
        && (2..=6).contains(&tld.len())
        && tld.bytes().all(|b| b.is_ascii_lowercase())
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// The part of a URL that can hold a secret: the user info before `@`
/// when there is one, else the path, query and fragment; the scheme and
/// host are addresses. A value without `://` is returned whole.
pub(crate) fn url_secret_part(value: &str) -> &str {
    let Some(i) = value.find("://") else { return value };
    let rest = &value[i + 3..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..end].rfind('@') {
        Some(at) => &rest[..at],
        None => &rest[end..],
    }
}

/// Base64 (strictly padded) of `user:password`: printable, no blanks,
/// a colon with text on both sides.
pub(crate) fn base64_credentials(value: &str) -> bool {
    match crate::codec::rescan::base64(value.as_bytes()) {
        Some(d) => {
            d.split_once(':')
                .is_some_and(|(u, p)| !u.is_empty() && !p.is_empty())
                && !d.bytes().any(|b| b.is_ascii_whitespace())
        }
        None => false,
    }
}

/// A JWT's first segment is base64url JSON naming its algorithm
/// (`{"alg":...}`); a corrupted or made-up header does not decode to that.
pub(crate) fn jwt_header(value: &str) -> bool {
    let head = value.split('.').next().unwrap_or("");
    match crate::codec::rescan::base64(head.as_bytes()) {
        Some(h) => {
            let h = h.trim();
            h.starts_with('{') && h.ends_with('}') && h.contains("\"alg\"")
        }
        None => false,
    }
}

/// Random enough to be a key on its own: 16+ bytes, 3.5+ bits of entropy
/// per byte, and no run of six consecutive letters or digits ("abcdef",
/// "456789", either direction), which people type and generators do not.
pub(crate) fn looks_random(b: &[u8]) -> bool {
    b.len() >= 16 && entropy(b) >= 3.5 && !has_sequential_run(b, 6)
}

/// `len` or more alphanumerics in a row, each one up or each one down from
/// the one before, ignoring case.
pub(crate) fn has_sequential_run(b: &[u8], len: usize) -> bool {
    let (mut up, mut down) = (1, 1);
    for w in b.windows(2) {
        let (x, y) = (w[0].to_ascii_lowercase(), w[1].to_ascii_lowercase());
        let alnum = x.is_ascii_alphanumeric() && y.is_ascii_alphanumeric();
        up = if alnum && y == x.wrapping_add(1) { up + 1 } else { 1 };
        down = if alnum && x == y.wrapping_add(1) { down + 1 } else { 1 };
        if up >= len || down >= len {
            return true;
        }
    }
    false
}

/// Shannon entropy in bits per byte.
#[inline(never)]
pub(crate) fn entropy(bytes: &[u8]) -> f32 {
    if bytes.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in bytes {
        counts[b as usize] += 1;
    }
    let n = bytes.len() as f32;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f32 / n;
            -p * p.log2()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entropy_in_bits_per_byte() {
        assert_eq!(entropy(b""), 0.0);
        assert!((entropy(b"ab") - 1.0).abs() < 1e-6);
    }

    #[test]
    fn generic_values() {
        // Hex with one or two letters from outside hex, or one letter of
        // the other case in a digest; whole hex, UUIDs and base36 pass.
        assert!(hex_with_stray_letters("9f86d081884c7d659a2feaa0c55ad015q"));
        assert!(hex_with_stray_letters(
            "c7d6z9a2-feaa-0c55-ad01-5a3bf4f1b2b0"
        ));
        assert!(hex_with_stray_letters("B9f86d081884c7d659a2feaa0c55ad015"));
        assert!(!hex_with_stray_letters("9f86d081884c7d659a2feaa0c55ad015"));
        assert!(!hex_with_stray_letters(
            "c7d6e9a2-feaa-0c55-ad01-5a3bf4f1b2b0"
        ));
        assert!(!hex_with_stray_letters("k3v9x2m7q8w1z5r4t6y0p9l2"));
        assert!(host_name("a1b2c3.api.vendor.com"));
        assert!(host_name("https://tenant-7.vendor.io/"));
        assert!(host_name("cache.internal.net:6380"));
        assert!(!host_name("https://hooks.vendor.com/T0/B1/x9Y8z7"));
        assert!(!host_name("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.Rk9P"));
        assert!(word_phrase("a-secret-of-at-least-32-chars"));
        assert!(!word_phrase("k3v9-x2m7-q8w1"));
        assert_eq!(
            url_secret_part("postgres://u:pw@db.example.net/x"),
            "u:pw"
        );
        assert_eq!(
            url_secret_part("https://h.example.org/hooks/a1?k=v"),
            "/hooks/a1?k=v"
        );
        assert_eq!(url_secret_part("https://h.example.org"), "");
        assert_eq!(url_secret_part("key=abc"), "key=abc");
        assert!(base64_credentials("ZGVwbG95OlMzY3JldCFwYXNz")); // deploy:S3cret!pass
        assert!(!base64_credentials("ZGVwbG95UzNjcmV0IXBhc3M=")); // no colon
        assert!(!base64_credentials("OlMzY3JldCFwYXNz")); // empty user
        assert!(jwt_header("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig"));
        assert!(!jwt_header("eyJhbGciOiJIU9I1NiJ9.eyJzdWIiOiIxIn0.sig"));
        assert!(bare_run("5260181590830166131860"));
        assert!(!bare_run("2024011512304599"));
        assert!(bare_run("kHOoolDklZDOCj"));
        assert!(!bare_run("GetAccessToken"));
        assert!(!bare_run("XMLHttpRequest"));
        assert!(!bare_run("ReadOnlyAccess"));
        assert!(!bare_run("kholdklzdocjwb"));
        assert!(!generic_token("sk-or-v1-short"));
        assert!(!generic_token("72322bc2443d330cf29cde9f24fca5FFFFNRAL"));
        assert!(!generic_token(
            "AA90949736bb07c27b5bbb1cb22c933fafb34e7c-NRMA"
        ));
        // A value pasted twice around a separator; not a repeated block.
        assert!(!generic_token("e4T9Cw1CtwE8uf-e4T9Cw1CtwE8uf"));
        assert!(generic_token("e4T9Cw1CtwE8uf-e4T9Cw1CtwE8ug"));
        assert!(two_copies(b"k3v9x2m7:k3v9x2m7"));
        assert!(!two_copies(b"k3v9x2m7k3v9x2m7"));
        assert!(!generic_token(
            "apify_api_dXB1vLPglgTex_UYm3JTAx2BHTjVuDBbvPl8R"
        ));
        assert!(named_token("HXxVGpzwegiaPBVcAyhLGdOSwIizffdY"));
        assert!(!named_token("searchConfluenceUsingCql"));
        assert!(named_token("12345678-ABCD-ABCD-ABCD-1234567890AB"));
        assert!(generic_token("Zq8Lw3Vn5Rt7Yp2Ks9Df4Gh6Jk1Mx0Cb"));
    }

    #[test]
    fn typed_placeholders() {
        // Counting in pairs and one-character fill, after any name.
        assert!(typed_placeholder("1a2b3c4d-5e6f-7g8h-9i0j"));
        assert!(typed_placeholder("a1B2c3D4e5F6g7H8"));
        assert!(typed_placeholder("API-AAAAAAAAAAAAAAAA"));
        assert!(!typed_placeholder("a1b2c3d4"));
        assert!(!typed_placeholder("k3v9x2m7q8w1z5r4t6y0p9l2"));
        assert!(!typed_placeholder(
            "fm1r_lJPECAAAAAAAAMqcxBBLMJKXYKJiT0CI58X"
        ));
        assert!(!typed_placeholder("12345678-ABCD-ABCD-ABCD-1234567890AB"));
        // Generic values: also keyboard rows, shorter counting runs,
        // counting every other character, "invalid".
        assert!(generic_placeholder("zxcvbr12345iugt67s7a7sa0akhsXz820"));
        assert!(generic_placeholder("d1f2e3c4b5a6d7e8f9G0h1i2"));
        assert!(generic_placeholder("sk-abc123invalid"));
        assert!(generic_placeholder("q8Lw3Vn5abcdefRt7Yp2Ks9D"));
        assert!(!generic_placeholder("Zq8Lw3Vn5Rt7Yp2Ks9Df4Gh6Jk1Mx0Cb"));
        assert!(!generic_placeholder("grevetn5owRs1ybhxtcen0ibvg2mi85x"));
        assert!(!generic_token("1a2b3c4d-5e6f-7g8h-9i0j-k1l2m3n4o5p6"));
        assert!(!named_token("a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6"));
    }

    #[test]
    fn randomness_and_typed_runs() {
        assert!(has_sequential_run(b"x1234567y", 6));
        assert!(has_sequential_run(b"zyXWVu", 6));
        assert!(!has_sequential_run(b"a1b2c3d4e5f6", 6));
        assert!(looks_random(b"Qm7+Rt2vXk9/Lp4sWn8zHc3dJy6"));
        assert!(!looks_random(b"ab99xy3qq"));
        assert!(!looks_random(b"KEY-ijklmnopqrstuv0123"));
    }
}
