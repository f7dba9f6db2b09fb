//! Secret detection through the public API: provider types, placeholders,
//! key blocks, encoded secrets, prefilter soundness, and no panics.

use promptfence::__private;
use promptfence::{Action, Filter, Kind, Policy, PromptFilter, Verdict};

fn filter() -> Filter {
    Filter::new(Policy::default()).expect("default policy compiles")
}

/// Deterministic synthetic token characters (xorshift), so no real-looking
/// literal credential is committed for the long formats.
fn synth(seed: u64, alphabet: &[u8], n: usize) -> String {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            alphabet[(x % alphabet.len() as u64) as usize] as char
        })
        .collect()
}

const ALNUM: &[u8] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const HEX: &[u8] = b"0123456789abcdef";

fn types(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut s = PromptFilter::new(&filter());
    s.screen_prompt(text)
        .findings
        .into_iter()
        .filter(|f| f.kind == Kind::Secret)
        .map(|f| (f.type_name, f.span))
        .collect()
}

#[test]
fn provider_types_are_named() {
    let cases = [
        (
            format!(
                "sk-proj-{}T3BlbkFJ{}",
                synth(1, ALNUM, 24),
                synth(2, ALNUM, 24)
            ),
            "OPENAI_API_KEY",
        ),
        (
            format!("sk-ant-api03-{}AA", synth(3, ALNUM, 93)),
            "ANTHROPIC_API_KEY",
        ),
        (
            format!(
                "hf_{}",
                synth(4, b"abcdefghijklmnopqrstuvwxyzABCDEFGH", 34)
            ),
            "HUGGINGFACE_TOKEN",
        ),
        (format!("AIza{}", synth(5, ALNUM, 35)), "GOOGLE_API_KEY"),
        (format!("gsk_{}", synth(6, ALNUM, 52)), "GROQ_API_KEY"),
        (format!("r8_{}", synth(7, ALNUM, 37)), "REPLICATE_API_TOKEN"),
        (format!("ghp_{}", synth(8, ALNUM, 36)), "GITHUB_TOKEN"),
        (format!("glpat-{}", synth(9, ALNUM, 20)), "GITLAB_TOKEN"),
        (format!("sk_live_{}", synth(10, ALNUM, 32)), "STRIPE_SECRET_KEY"),
        (
            format!(
                "xoxb-{}-{}",
                synth(11, b"0123456789", 12),
                synth(12, ALNUM, 24)
            ),
            "SLACK_TOKEN",
        ),
        (format!("npm_{}", synth(13, ALNUM, 36)), "NPM_TOKEN"),
        (
            format!(
                "AKIA{}",
                synth(14, b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
            ),
            "AWS_ACCESS_KEY_ID",
        ),
        (
            format!("SG.{}.{}", synth(15, ALNUM, 22), synth(16, ALNUM, 43)),
            "SENDGRID_API_KEY",
        ),
        (format!("dop_v1_{}", synth(17, HEX, 64)), "DIGITALOCEAN_TOKEN"),
    ];
    for (token, ty) in &cases {
        let text = format!("here is my config: {token} thanks");
        let got = types(&text);
        let start = text.find(token.as_str()).unwrap();
        assert!(
            got.iter().any(|(t, s)| t == ty
                && s.start == start
                && s.end == start + token.len()),
            "{ty}: got {got:?}"
        );
    }
}

#[test]
fn secrets_are_redacted_by_default_never_pseudonymized() {
    let token = format!("ghp_{}", synth(20, ALNUM, 36));
    let mut s = PromptFilter::new(&filter());
    let out = s.screen_prompt(&format!("use {token} please"));
    assert_eq!(out.verdict, Verdict::Redact);
    assert_eq!(out.text, "use [GITHUB_TOKEN] please");
    assert!(out.findings.iter().all(|f| f.action == Action::Redact));
    assert!(s.vault().is_empty());
}

#[test]
fn placeholders_are_not_flagged() {
    for text in [
        "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
        "password=changeme",
        "API_KEY=${API_KEY}",
        "api_key: <your-key>",
        "token = \"xxxxxxxxxxxxxxxxxxxxxxxx\"",
        "OPENAI_API_KEY=sk-...",
        "secret: {{ .Values.secret }}",
        "password = os.environ['DB_PASSWORD']",
        "postgres://app:${DB_PASSWORD}@db:5432/app",
    ] {
        assert!(types(text).is_empty(), "{text:?}: {:?}", types(text));
    }
}

#[test]
fn a_vendor_prefix_needs_no_entropy_but_markers_still_count() {
    // The prefix and exact length name the format: a low-entropy body is
    // still that vendor's key (redacting a stand-in costs nothing).
    let low = format!("SHIPPO_API_KEY=shippo_live_{}", "a".repeat(40));
    assert_eq!(types(&low).len(), 1, "{low:?}");
    assert_eq!(types(&low)[0].0, "SHIPPO_TOKEN");
    // A documentation marker turns it down all the same.
    let marked = format!("shippo_live_{}", "x".repeat(40));
    assert!(types(&marked).is_empty(), "{:?}", types(&marked));
    // And the shape is still checked: one character short.
    let short = format!("shippo_live_{}", "a".repeat(39));
    assert!(types(&short).is_empty(), "{:?}", types(&short));
}

#[test]
fn every_repeat_of_a_found_secret_is_redacted() {
    let value = synth(31, ALNUM, 32);
    let text =
        format!("api_key = \"{value}\"\nretry with {value}; not x{value}");
    let found = types(&text);
    let spans: Vec<&str> =
        found.iter().map(|(_, r)| &text[r.clone()]).collect();
    assert_eq!(spans, [value.as_str(), value.as_str()], "{found:?}");
    let mut s = PromptFilter::new(&filter());
    let out = s.screen_prompt(&text);
    // The copy glued to another letter is another token; both
    // standalone copies are gone from the output.
    assert_eq!(out.text.matches(value.as_str()).count(), 1, "{}", out.text);
    assert!(out.text.contains(&format!("x{value}")));
}

#[test]
fn a_tenant_endpoint_goes_with_its_providers_key() {
    let token = format!("shpat_{}", synth(32, HEX, 32));
    let text =
        format!("SHOPIFY_TOKEN={token}\nstore: acme-shop.myshopify.com");
    let found = types(&text);
    assert!(
        found.iter().any(|(t, r)| t == "SHOPIFY_STORE_DOMAIN"
            && &text[r.clone()] == "acme-shop.myshopify.com"),
        "{found:?}"
    );
    // Without the key the store's host name is just a host name.
    assert!(types("store: acme-shop.myshopify.com").is_empty());
    // A key of another provider does not pull it in.
    let other = format!(
        "ghp_{}\nstore: acme-shop.myshopify.com",
        synth(33, ALNUM, 36)
    );
    assert!(types(&other).iter().all(|(t, _)| t != "SHOPIFY_STORE_DOMAIN"));
    // The policy can leave endpoints out by type.
    let json = serde_json::json!({"secrets": {"types": ["SHOPIFY_TOKEN"]}});
    let value = serde_json::from_value(json).expect("policy value");
    let policy = Policy::from_value(&value).expect("policy");
    let mut s = PromptFilter::with_policy(policy).expect("filter");
    let out = s.screen_prompt(&text);
    assert!(out.findings.iter().any(|f| f.type_name == "SHOPIFY_TOKEN"));
    assert!(out
        .findings
        .iter()
        .all(|f| f.type_name != "SHOPIFY_STORE_DOMAIN"));
}

#[test]
fn generic_assignments_in_code_json_yaml_env() {
    let v = synth(30, ALNUM, 32);
    for text in [
        format!("API_KEY={v}"),
        format!("{{\"client_secret\": \"{v}\"}}"),
        format!("auth:\n  token: {v}\n"),
        format!("const apiKey = '{v}';"),
        format!("export SERVICE_TOKEN=\"{v}\""),
        // XML elements, a key "for" an environment, a question's end,
        // make's `?=`, "creds"
        format!("<apiToken>\n    {v}\n</apiToken>"),
        format!("here's the key for staging: {v}"),
        format!("Why does the client return 401 with token {v}? It worked."),
        format!("API_TOKEN ?= \"{v}\""),
        format!("creds = {v}"),
    ] {
        let got = types(&text);
        let start = text.find(&v).unwrap();
        assert!(
            got.iter().any(|(_, s)| s.start <= start && start < s.end),
            "{text:?}: {got:?}"
        );
    }
}

#[test]
fn generic_values_that_are_not_keys() {
    let hex = synth(32, HEX, 31);
    for text in [
        // a digest with a stray letter, a host name, a phrase
        format!("api_key = {hex}q"),
        format!("secret: {}.vendor-api.com", synth(33, b"abcdefgh0123", 10)),
        "client_secret = my-app-client-secret-name".to_string(),
        // a vendor prefix with the wrong shape: that vendor's rule decides
        format!("token = \"sk-or-v1-{}\"", synth(34, ALNUM, 30)),
        // punctuation no issued key carries
        format!(
            "api_key = \"{}$%^{}\"",
            synth(35, ALNUM, 12),
            synth(36, ALNUM, 12)
        ),
    ] {
        assert!(types(&text).is_empty(), "{text:?}: {:?}", types(&text));
    }
}

#[test]
fn filler_in_a_random_key_does_not_make_it_a_placeholder() {
    let key = format!("{}fake{}", synth(37, ALNUM, 16), synth(38, ALNUM, 16));
    let text = format!("API_KEY={key}");
    let start = text.find(&key).unwrap();
    assert_eq!(
        types(&text),
        vec![("GENERIC_SECRET".to_string(), start..start + key.len())]
    );
    assert!(types("API_KEY=fake1fake2fake3fake").is_empty());
    // Filler does not turn down a format that names itself: the prefix
    // and length are the evidence, only markers count against them.
    assert_eq!(
        types("token = sk_live_0000000000000000000000ab"),
        vec![("STRIPE_SECRET_KEY".to_string(), 8..40)]
    );
}

#[test]
fn a_card_number_inside_a_secret_is_part_of_the_secret() {
    let value = format!("4111111111111111-{}", synth(39, HEX, 32));
    let text = format!("client_secret: {value}");
    let mut s = PromptFilter::new(&filter());
    let findings = s.screen_prompt(&text).findings;
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].kind, Kind::Secret);
    assert_eq!(&text[findings[0].span.clone()], value);
}

#[test]
fn provider_rule_wins_over_generic() {
    let token = format!("sk_live_{}", synth(31, ALNUM, 32));
    let got = types(&format!("STRIPE_API_KEY={token}"));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "STRIPE_SECRET_KEY");
}

#[test]
fn connection_strings_and_url_credentials() {
    let pw = synth(40, ALNUM, 16);
    for (text, ty) in [
        (
            format!("postgres://app:{pw}@db.internal:5432/app"),
            "CONNECTION_STRING",
        ),
        (
            format!("mongodb+srv://admin:{pw}@cluster0.abcde.mongodb.net/db"),
            "CONNECTION_STRING",
        ),
        (format!("redis://default:{pw}@cache:6379/0"), "CONNECTION_STRING"),
        (
            format!("amqps://user:{pw}@mq.internal:5671/vhost"),
            "CONNECTION_STRING",
        ),
        (
            format!("mysql://root:{pw}@127.0.0.1:3306/shop"),
            "CONNECTION_STRING",
        ),
        (
            format!("https://deploy:{pw}@git.internal.net/repo.git"),
            "URL_CREDENTIALS",
        ),
    ] {
        let got = types(&text);
        assert!(got.iter().any(|(t, _)| t == ty), "{text:?}: {got:?}");
    }
}

#[test]
fn key_blocks_are_one_span() {
    let body: Vec<String> = (0..6).map(|i| synth(50 + i, ALNUM, 64)).collect();
    for (begin, end) in [
        ("-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----"),
        (
            "-----BEGIN OPENSSH PRIVATE KEY-----",
            "-----END OPENSSH PRIVATE KEY-----",
        ),
        (
            "-----BEGIN PGP PRIVATE KEY BLOCK-----",
            "-----END PGP PRIVATE KEY BLOCK-----",
        ),
    ] {
        let block = format!("{begin}\n{}\n{end}", body.join("\n"));
        let text = format!("my key:\n{block}\nthanks");
        let got = types(&text);
        let start = text.find(begin).unwrap();
        assert_eq!(
            got,
            vec![("PRIVATE_KEY".to_string(), start..start + block.len())],
            "{begin}"
        );
    }
}

/// Some secret finding in `text` has type `ty`.
fn assert_type(text: &str, ty: &str) {
    let got = types(text);
    assert!(got.iter().any(|(t, _)| t == ty), "{ty} in {text:?}: {got:?}");
}

#[test]
fn jwt_is_detected() {
    let jwt = format!(
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIx{}.{}",
        synth(60, ALNUM, 30),
        synth(61, ALNUM, 43)
    );
    assert_type(&format!("Authorization: Bearer {jwt}"), "JWT");
}

fn base64(data: &[u8]) -> String {
    const T: &[u8] =
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in data.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= c.len() {
                out.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn base64_encoded_secret_is_reported_at_the_encoded_span() {
    let token = format!("ghp_{}", synth(70, ALNUM, 36));
    let enc = base64(format!("GITHUB_TOKEN={token}\n").as_bytes());
    let text = format!("decode this: {enc} please");
    let got = types(&text);
    let start = text.find(&enc).unwrap();
    assert_eq!(
        got,
        vec![("GITHUB_TOKEN".to_string(), start..start + enc.len())]
    );
    // Injection scoring is off here: "decode this: <base64>" is itself a
    // classic obfuscation pattern and may be blocked by default.
    let p =
        promptfence::Policy::from_value(&promptfence::Value::Object(vec![(
            "injection".into(),
            promptfence::Value::Object(vec![(
                "enabled".into(),
                promptfence::Value::Bool(false),
            )]),
        )]))
        .unwrap();
    let mut s = promptfence::PromptFilter::with_policy(p).unwrap();
    assert_eq!(
        s.screen_prompt(&text).text,
        "decode this: [GITHUB_TOKEN] please"
    );
}

#[test]
fn percent_encoded_secret_is_reported_at_the_encoded_span() {
    let token = format!("sk_live_{}", synth(71, ALNUM, 30));
    let enc: String = format!("key={token}&x=1")
        .bytes()
        .map(|b| format!("%{b:02X}"))
        .collect();
    let text = format!("GET /cb?data={enc} HTTP/1.1");
    let got = types(&text);
    let start = text.find(&enc).unwrap();
    assert!(
        got.iter().any(|(t, s)| t == "STRIPE_SECRET_KEY"
            && s.start <= start
            && s.end >= start + enc.len()),
        "{got:?}"
    );
}

#[test]
fn nested_encoding_is_bounded_but_two_levels_work() {
    let token = format!("npm_{}", synth(72, ALNUM, 36));
    let once = base64(format!("token: {token}").as_bytes());
    let twice = base64(once.as_bytes());
    let got = types(&format!("blob {twice} end"));
    assert!(got.iter().any(|(t, _)| t == "NPM_TOKEN"), "{got:?}");
}

/// The dev corpus texts; empty (after a skip line) without the shared
/// corpus, and the soundness check then runs on the rule examples only.
fn corpus_texts() -> Vec<String> {
    let Some(data) = crate::corpus::read(
        "corpus/dev/pii_dev.jsonl",
        "secrets::prefilter_is_sound (corpus part; rule examples still run)",
    ) else {
        return Vec::new();
    };
    data.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
        .collect()
}

/// ripgrep's `every_line_is_candidate`: forcing every rule to be a
/// candidate changes no finding.
#[test]
fn prefilter_is_sound() {
    let f = filter();
    let mut texts: Vec<String> = Vec::new();
    for (_, _, _, hits, misses) in __private::builtin_examples() {
        texts.extend(hits.iter().chain(misses.iter()).map(|s| s.to_string()));
    }
    texts.extend(corpus_texts());
    let mut bad = 0;
    for t in &texts {
        let a = __private::candidates(&f, t, false);
        let b = __private::candidates(&f, t, true);
        if a != b {
            bad += 1;
            eprintln!("prefilter changed findings: {a:?} vs {b:?} in {t:?}");
        }
    }
    assert_eq!(bad, 0, "{bad} of {} texts differ", texts.len());
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn embedded() -> impl Strategy<Value = String> {
        let tokens = prop::sample::select(vec![
            "ghp_R4nd0mT0k3nV4lu3sAr3N0tR34lAbCd12345",
            "API_KEY=Zq8Lw3Vn5Rt7Yp2Ks9Df4Gh6Jk1Mx0Cb",
            "postgres://u:Pw9xQ2vL7mN4@db:5432/x",
            "-----BEGIN RSA PRIVATE KEY-----\nQUJDRA\n-----END RSA PRIVATE KEY-----",
            "Z2hwX1I0bmQwbVQwazNuVjRsdTNzQXIzTjB0UjM0bEFiQ2QxMjM0NQ==",
            "%67%68%70%5F%41",
            "é🎉\u{200B}\u{E0041}",
            // A provider key and its tenant endpoint (tenants.rs).
            "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 store acme.myshopify.com",
        ]);
        (any::<String>(), tokens, any::<String>(), 0usize..4).prop_map(
            |(a, t, b, n)| {
                let mut s = a;
                for _ in 0..=n {
                    s.push_str(t);
                }
                s.push_str(&b);
                s
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn never_panics_and_spans_are_char_boundaries(text in embedded()) {
            let f = filter();
            let mut s = PromptFilter::new(&f);
            let out = s.screen_prompt(&text);
            for x in &out.findings {
                prop_assert!(x.span.start <= x.span.end);
                prop_assert!(x.span.end <= text.len());
                prop_assert!(text.is_char_boundary(x.span.start));
                prop_assert!(text.is_char_boundary(x.span.end));
            }
            // PII and secret findings never overlap (repeats and endpoints
            // go through the same overlap resolution).
            let mut spans: Vec<_> = out
                .findings
                .iter()
                .filter(|x| matches!(x.kind, Kind::Pii | Kind::Secret))
                .map(|x| x.span.clone())
                .collect();
            spans.sort_by_key(|r| r.start);
            for w in spans.windows(2) {
                prop_assert!(w[0].end <= w[1].start, "{:?}", w);
            }
            let _ = __private::detections(&f, &text);
        }
    }
}

/// A Discord bot token with no name beside it, Vault AppRole ids, and a
/// value cut by a symbol inside it.
#[test]
fn bare_and_prose_secret_shapes() {
    let id = "MTcyNDk5MjAxNjM4NDk0MjM5";
    let discord = [id, &synth(21, ALNUM, 6), &synth(22, ALNUM, 38)].join(".");
    assert_type(&format!("bot.run(\"{discord}\")"), "DISCORD_TOKEN");
    assert_type(
        "secret_id = \"f4b2c7d1-9e3a-4c58-b061-2d7e8a9f3c45\"",
        "VAULT_APPROLE",
    );

    let key = synth(23, ALNUM, 32);
    // A symbol glued to the value is not a sentence end: the value is cut
    // there and turned down, not reported in part.
    assert!(types(&format!("Using Secret={}!{}", &key[..16], &key[16..]))
        .is_empty());
}

/// The clean secret negatives of the dev corpus (gitleaks and
/// detect-secrets fixtures that no rule set flags, placeholders, docs
/// URLs; not the trufflehog near-miss keys) raise at most 2% false alarms.
#[test]
fn clean_secret_negatives_rarely_alarm() {
    let Some(data) = crate::corpus::read(
        "corpus/dev/pii_extra.jsonl",
        "secrets::clean_secret_negatives_rarely_alarm",
    ) else {
        return;
    };
    let f = filter();
    let (mut items, mut alarms) = (0, 0);
    for v in data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
    {
        let secret = v["annotated_types"]
            .as_array()
            .is_some_and(|a| a.iter().any(|t| t == "SECRET"));
        let spanless = v["spans"].as_array().is_some_and(|a| a.is_empty());
        let Some(text) = v["text"].as_str() else { continue };
        if !secret || !spanless {
            continue;
        }
        items += 1;
        let mut s = PromptFilter::new(&f);
        if s.screen_prompt(text)
            .findings
            .iter()
            .any(|x| x.kind == Kind::Secret)
        {
            alarms += 1;
        }
    }
    assert!(items > 100, "{items} clean negatives");
    assert!(alarms * 50 <= items, "{alarms} false alarms in {items} items");
}

/// Texts in which no secret may be found.
fn assert_no_secret(texts: &[String]) {
    for text in texts {
        assert!(types(text).is_empty(), "{text:?}: {:?}", types(text));
    }
}

/// Typed placeholders are turned down where no vendor format vouches for
/// the value (generic assignments; after a provider's name only counting
/// pairs and one-character fill), never for a self-naming prefix; OAuth
/// client ids are public; documented lengths are exact.
#[test]
fn typed_placeholders_client_ids_and_documented_lengths() {
    assert_no_secret(&[
        "SECRET_KEY='1a2b3c4d-5e6f-7g8h-9i0j-k1l2m3n4o5p6'".to_string(),
        format!("API_KEY=zxcvb{}", synth(40, ALNUM, 24)),
        format!(
            "api_key = {}abcdef{}",
            synth(41, ALNUM, 10),
            synth(42, ALNUM, 10)
        ),
        "deepseek.key = 'sk-abc123invalid'".to_string(),
        format!("client_id: {}", synth(43, ALNUM, 32)),
        "vault role_id = '0C8A7E5D-21F4-4B9E-8D36-7A1C5E2F9B04'".to_string(),
        format!("HEROKU_API_KEY=HRKU-AA{}", synth(44, ALNUM, 57)),
        format!("insert key NRII-{}", synth(45, ALNUM, 24)),
        format!("pcsk_abcd_{}", synth(46, ALNUM, 63)),
    ]);
    // A keyboard row inside a self-naming key is still the key.
    assert_type("AWS_ACCESS_KEY_ID=AKIAQWERTYUIOPASDFGH", "AWS_ACCESS_KEY_ID");
    assert_eq!(
        types(&format!("client_secret: {}", synth(43, ALNUM, 32))).len(),
        1
    );
    // A role id is the public half of an AppRole login: reported with
    // its secret id, not alone (a credential part).
    assert_type(
        "vault role_id = '0c8a7e5d-21f4-4b9e-8d36-7a1c5e2f9b04'\n\
         secret_id = '8d3e1a7c-5b92-4f06-a1c4-7e2b9d05f318'",
        "VAULT_APPROLE",
    );
    assert!(types("vault role_id = '0c8a7e5d-21f4-4b9e-8d36-7a1c5e2f9b04'")
        .is_empty());
    assert_type(
        &format!("HEROKU_API_KEY=HRKU-AA{}", synth(44, ALNUM, 58)),
        "HEROKU_API_KEY",
    );
    assert_type(
        &format!("pcsk_{}_{}", synth(47, ALNUM, 6), synth(46, ALNUM, 63)),
        "PINECONE_API_KEY",
    );
}

/// A log naming the Adzuna API, then a key.
fn adzuna_log(value: &str) -> String {
    format!(
        "[INFO] Sending request to the adzuna API\n[DEBUG] Using KEY={value}"
    )
}

/// A generic value beside the name of a vendor whose whole key format is
/// documented (`VENDOR_FORMATS`) must have that format: another length or
/// alphabet is turned down, the format itself is the vendor's key. The
/// name counts in the value's line (a word, a CamelCase or snake_case
/// piece, the name with a credential word) or as "<vendor> API" in the
/// line before; elsewhere, and for other vendors, the generic rule stands.
#[test]
fn a_vendor_format_turns_down_generic_values_beside_its_name() {
    let lower = b"abcdefghijklmnopqrstuvwxyz0123456789";
    // One character too many or too few, a character outside the alphabet;
    // `{}` is the value.
    let wrong = [
        ("adzuna_api_key = \"{}\"", synth(60, lower, 33)),
        ("aylien key: {}Kv", synth(61, lower, 30)),
        ("monkeylearn = '{}'", synth(63, HEX, 39)),
        ("bitfinexKey := \"x\"\nlokalisetoken = '{}'", synth(64, lower, 39)),
        ("WANDB_API_KEY = '{}'", synth(66, HEX, 34)),
        ("Using algolia Key=Ab-{}", synth(68, ALNUM, 28)),
        // New Relic license keys end in NRAL: 40 characters, not 38.
        ("new relic license key = '{}FFFFNRAL'", synth(69, HEX, 30)),
    ];
    let mut texts: Vec<String> =
        wrong.iter().map(|(t, v)| t.replace("{}", v)).collect();
    texts.push(adzuna_log(&synth(65, lower, 15)));
    assert_no_secret(&texts);
    // The vendor's format is its key, named by the vendor's rule.
    assert_type(
        &format!("adzuna_api_key = \"{}\"", synth(60, lower, 32)),
        "ADZUNA_API_KEY",
    );
    assert_type(
        &format!("WANDB_API_KEY = '{}'", synth(66, HEX, 40)),
        "WANDB_API_KEY",
    );
    assert_type(&adzuna_log(&synth(65, lower, 32)), "GENERIC_SECRET");
    // No vendor named in the value's line: the generic rule stands, also
    // when a vendor is named further back or in prose before it.
    for text in [
        format!("API_KEY={}", synth(70, ALNUM, 33)),
        format!("adzuna docs say:\n\nAPI_KEY={}", synth(71, ALNUM, 33)),
        format!("we left adzuna last year\nAPI_KEY={}", synth(72, ALNUM, 33)),
    ] {
        assert_type(&text, "GENERIC_SECRET");
    }
    // A self-naming key stays found beside any vendor's name.
    assert_type(
        "adzuna AWS_ACCESS_KEY_ID=AKIAQWERTYUIOPASDFGH",
        "AWS_ACCESS_KEY_ID",
    );
}

/// The vendor-format check looks back from a value (at most 160 bytes):
/// streamed responses must screen like one-shot for every cut, also when
/// the vendor's name arrives long before the value and the stream has
/// shown it already.
#[test]
fn vendor_formats_stream_like_one_shot() {
    let lower = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let prose =
        "Here is the log you asked for, with nothing sensitive in it. "
            .repeat(6);
    let dotted = format!("{}.{}", synth(85, ALNUM, 40), synth(86, ALNUM, 10));
    let airtable = format!(
        "request to the airtable API\nUsing Key=pat{}.",
        synth(90, ALNUM, 14)
    );
    let tails = [
        adzuna_log(&synth(80, lower, 15)) + "\n[DEBUG] done",
        adzuna_log(&synth(81, lower, 32)) + "\n[DEBUG] done",
        format!("aylien credentials: aylien key: {} ..", synth(82, ALNUM, 32)),
        format!("WANDB_API_KEY = '{}' ok", synth(83, HEX, 34)),
        "x".repeat(150)
            + &format!(" monkeylearn_token = '{}'", synth(84, HEX, 40)),
        // The vendor named by the key of the value's YAML block.
        format!("auth0_credentials:\n  apiToken: {dotted}\n"),
        format!("auth0 credentials follow\n  apiToken: {dotted}\n"),
        // Jira: the legacy 24-character token is one of its shapes.
        format!("jira_token: A{}", synth(87, ALNUM, 43)),
        format!("jira_token: {} ok", synth(88, ALNUM, 24)),
        // Blogger takes Google API keys (AIza...).
        format!("GET /blogger/v3/blogs?key={} ok", synth(89, ALNUM, 39)),
        // Airtable PATs are pat, 14 letters or digits, a dot, 64 hex.
        format!("{airtable}{}-{}", synth(91, HEX, 30), synth(92, HEX, 33)),
        format!("{airtable}{}", synth(91, HEX, 64)),
    ];
    let texts = tails.map(|t| format!("{prose}\n{t}"));
    let s = PromptFilter::with_policy(Policy::default()).expect("filter");
    for (text, secrets) in
        texts.iter().zip([0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1])
    {
        assert_streams_like_one_shot(&s, text, secrets);
    }
}

/// Rows of the vendor format table (`src/rules/secrets.vendors`): a
/// value of the vendor's shape after its name is found, and a generic
/// key-like value of another length or case after it is not, streamed
/// like one-shot at every cut (the check looks back from the value, and
/// the name may arrive pieces before it).
#[test]
fn vendor_table_rows_stream_like_one_shot() {
    let lower = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let upper = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let prose =
        "The settings follow; nothing in them is sensitive. ".repeat(4);
    let mailmodo: Vec<String> =
        (0..4).map(|i| synth(95 + i, upper, 7)).collect();
    let tails = [
        (format!("abyssale token = '{}'", synth(92, ALNUM, 40)), 1),
        (format!("ipgeolocation_key: {} ok", synth(93, lower, 32)), 1),
        (format!("mailmodo key = {}", mailmodo.join("-")), 1),
        // A generic API key name and the vendor's name, the wrong length.
        (format!("BEEBOLE_API_KEY = '{}'", synth(94, lower, 39)), 0),
        (format!("bitly token: {}\nok", synth(99, ALNUM, 41)), 0),
    ];
    let s = PromptFilter::with_policy(Policy::default()).expect("filter");
    for (tail, secrets) in tails {
        assert_streams_like_one_shot(&s, &format!("{prose}\n{tail}"), secrets);
    }
}

/// A generic value assigned to a name that says it is made up
/// (`FAKE_API_KEY=`, `dummyToken:`) is turned down; the same value under
/// another name is found. A format that names itself is found under any
/// name (the writer picks the name: an injected "print it as FAKE_KEY="
/// must not pass a real key). A generic value pasted twice
/// around a separator is no key. Streamed like one-shot at every cut
/// (the name check looks back at most 64 bytes on the value's line).
#[test]
fn made_up_names_and_doubled_values_stream_like_one_shot() {
    let openai = format!(
        "sk-proj-{}T3BlbkFJ{}",
        synth(120, ALNUM, 74),
        synth(123, ALNUM, 74)
    );
    let half = synth(121, ALNUM, 24);
    assert_no_secret(&[
        format!("FAKE_API_KEY={half}"),
        format!("const dummyToken = \"{}\"", synth(122, ALNUM, 32)),
        format!("API_KEY={half}-{half}"),
    ]);
    assert_type(&format!("OPENAI_KEY={openai}"), "OPENAI_API_KEY");
    assert_type(&format!("FAKE_KEY={openai}"), "OPENAI_API_KEY");
    assert_type(&format!("API_KEY={half}"), "GENERIC_SECRET");
    let prose = "The settings follow; read them with care. ".repeat(4);
    let s = PromptFilter::with_policy(Policy::default()).expect("filter");
    for (tail, secrets) in [
        (format!("FAKE_KEY={openai}\nok"), 1),
        (format!("FAKE_API_KEY={half}\nok"), 0),
        (format!("example_token: {half}{half} ok"), 0),
        (format!("OPENAI_KEY={openai}\nok"), 1),
        (format!("API_KEY={half}-{half}\nok"), 0),
    ] {
        assert_streams_like_one_shot(&s, &format!("{prose}\n{tail}"), secrets);
    }
}

/// A password value runs on over `&` unless a query parameter follows
/// (`&user=`): `git&<expiry>&<base64>` (an Azure API Management git
/// password) is redacted whole, not up to its first `&`.
#[test]
fn a_password_runs_over_an_ampersand_that_starts_no_parameter() {
    let b64 = format!("{}==", synth(130, ALNUM, 86));
    let text = format!("PASSWORD=git&202503251200&{b64}\n");
    let found = types(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(&text[found[0].1.clone()], format!("git&202503251200&{b64}"));
    let text = "GET /login?password=Vp3TCzYuX7ag&user=bob HTTP/1.1";
    let found = types(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(&text[found[0].1.clone()], "Vp3TCzYuX7ag");
}

/// An AWS key id written with 0, 1, 8 or 9 is no key id on its own (the
/// 16 characters after the prefix are base32), but beside a secret in a
/// prompt it is the other half of the credential (tenant row
/// `aws-access-key-id-pair`; tenant rows, like repeats of a secret, are
/// resolved for prompts). Responses stream like one shot either way.
#[test]
fn aws_key_id_beside_a_secret() {
    let base32 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let id = format!("AKIA9{}", synth(120, base32, 15));
    let secret = synth(121, ALNUM, 40);
    let pair =
        format!("aws credentials {{\n  id: {id}\n  secret: {secret}\n}}\nok");
    let found = types(&pair);
    assert!(
        found
            .iter()
            .any(|(t, r)| t == "AWS_ACCESS_KEY_ID" && pair[r.clone()] == id),
        "{found:?}"
    );
    let alone = format!("id: {id} alone");
    assert!(types(&alone).is_empty(), "{:?}", types(&alone));
    let s = PromptFilter::with_policy(Policy::default()).expect("filter");
    assert_streams_like_one_shot(&s, &pair, 1);
    assert_streams_like_one_shot(&s, &alone, 0);
    let valid = format!("id: AKIA{} alone", synth(122, base32, 16));
    assert_streams_like_one_shot(&s, &valid, 1);
}

/// Screens `text` as a response in one shot (expecting `secrets` secret
/// findings) and streamed, cut once at every byte and in 1-byte pieces:
/// the same text and findings every way.
fn assert_streams_like_one_shot(s: &PromptFilter, text: &str, secrets: usize) {
    let mut one = s.clone();
    let r = one.screen_response(text);
    let n = r.findings.iter().filter(|f| f.kind == Kind::Secret).count();
    assert_eq!(n, secrets, "{text:?}: {:?}", r.findings);
    let want: Vec<_> =
        r.findings.iter().map(|f| (f.kind, f.span.clone())).collect();
    let mut cuts: Vec<Vec<usize>> = (1..text.len()).map(|k| vec![k]).collect();
    cuts.push((1..text.len()).collect());
    for cut in cuts {
        let mut st = s.clone();
        let mut sc = promptfence::ResponseScanner::new();
        let mut out = String::new();
        let mut last = 0;
        for &c in cut.iter().chain([text.len()].iter()) {
            out += &sc.push(&mut st.response_context(), &text[last..c]);
            last = c;
        }
        out += &sc.finish(&mut st.response_context());
        let got: Vec<_> =
            sc.findings().iter().map(|f| (f.kind, f.span.clone())).collect();
        assert_eq!(out, r.text, "cuts {cut:?} of {text:?}");
        assert_eq!(got, want, "cuts {cut:?} of {text:?}");
    }
}

/// A key that runs on into `?` and more key characters is the front of a
/// longer corrupted string, not a key (no key alphabet has `?`); a `?`
/// after it that starts a sentence or a query leaves it a key. Streamed
/// responses agree with one-shot at every cut, also when the cut falls
/// between the `?` and what follows it.
#[test]
fn keys_glued_to_a_question_mark_stream_like_one_shot() {
    let s = PromptFilter::with_policy(Policy::default()).expect("filter");
    let slack = format!("xoxa-{}", synth(90, b"0123456789", 11));
    let ghp = format!("ghp_{}", synth(91, ALNUM, 36));
    for (text, secrets) in [
        (format!("slack token - '{slack}?07570405353c'\nok"), 0),
        (format!("slack token - '{slack}'? yes\nok"), 1),
        (format!("is it {ghp}? yes"), 1),
        (format!("token {ghp}?b=roK23I ok"), 0),
        (format!("https://h.test/a?token={ghp}?x ok"), 1),
        (
            "postgres token - '?ostgres://u1:Zq8rT2pLx@10.1.2.3:5432'"
                .to_string(),
            0,
        ),
        (format!("token - '?{ghp}'\nok"), 0),
        (format!("is it?{ghp} ok"), 1),
    ] {
        assert_streams_like_one_shot(&s, &text, secrets);
    }
}

/// A quoted password is redacted whole, up to its closing quote, blanks
/// included; one-shot and streamed at every cut alike.
#[test]
fn a_quoted_password_is_redacted_whole() {
    let s = PromptFilter::with_policy(Policy::default()).expect("filter");
    for (text, value) in [
        ("password = \"S3cr3t!pass word\"\nok", "S3cr3t!pass word"),
        ("{\"db_password\": \"doesnt start right\"}", "doesnt start right"),
        ("PWD: 'Tr0ub4dor&3 horse staple' ok", "Tr0ub4dor&3 horse staple"),
        // No blank inside: the value as before.
        ("password = \"S3cr3t!password\" ok", "S3cr3t!password"),
        // No closing quote on the line: the first word, as before.
        ("password = \"S3cr3t!pass word\nok", "S3cr3t!pass"),
    ] {
        let start = text.find(value).unwrap();
        assert_eq!(
            types(text),
            vec![("PASSWORD".to_string(), start..start + value.len())],
            "{text:?}"
        );
        let out = PromptFilter::new(&filter()).screen_prompt(text);
        assert!(!out.text.contains(value), "{text:?}: {}", out.text);
        assert_streams_like_one_shot(&s, text, 1);
    }
}

/// The `part_of` rules of `src/rules/secrets.rules` with their hits:
/// (rule id, hits, each hit's lines joined by `\n`).
pub(crate) fn credential_part_rules() -> Vec<(String, Vec<String>)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules/secrets.rules");
    let text = std::fs::read_to_string(path).expect("secrets.rules");
    let mut out: Vec<(String, Vec<String>, bool)> = Vec::new();
    let mut in_hit = false;
    for line in text.lines() {
        if let Some(id) =
            line.strip_prefix('[').and_then(|l| l.strip_suffix(']'))
        {
            out.push((id.to_string(), Vec::new(), false));
            in_hit = false;
            continue;
        }
        let Some(rule) = out.last_mut() else { continue };
        if line.starts_with("part_of ") {
            rule.2 = true;
        }
        if let Some(hit) = line.strip_prefix("hit ") {
            rule.1.push(hit.to_string());
            in_hit = true;
        } else if let (true, Some(more)) = (in_hit, line.strip_prefix('|')) {
            let last = rule.1.last_mut().expect("a hit before `|`");
            last.push('\n');
            last.push_str(more.strip_prefix(' ').unwrap_or(more));
        } else {
            in_hit = false;
        }
    }
    out.into_iter().filter(|r| r.2).map(|r| (r.0, r.1)).collect()
}

#[test]
fn a_credential_part_is_reported_with_its_secret_and_never_alone() {
    let parts = credential_part_rules();
    assert!(parts.len() >= 5, "{}", parts.len());
    let ids: Vec<&str> = parts.iter().map(|p| p.0.as_str()).collect();
    let f = filter();
    for (id, hits) in &parts {
        assert!(!hits.is_empty(), "{id}");
        for hit in hits {
            let mut s = PromptFilter::new(&f);
            let out = s.screen_prompt(hit);
            assert!(
                out.findings
                    .iter()
                    .any(|x| x.rule == *id && x.kind == Kind::Secret),
                "{id}: no part in {hit:?}: {:?}",
                out.findings.iter().map(|x| &x.rule).collect::<Vec<_>>()
            );
            // The same text with its secrets cut out: the part alone.
            let mut alone = hit.clone();
            let mut secrets: Vec<_> = out
                .findings
                .iter()
                .filter(|x| {
                    x.kind == Kind::Secret && !ids.contains(&x.rule.as_str())
                })
                .map(|x| x.span.clone())
                .collect();
            assert!(!secrets.is_empty(), "{id}: no secret in {hit:?}");
            secrets.sort_by_key(|r| std::cmp::Reverse(r.start));
            for r in secrets {
                alone.replace_range(r, "gone");
            }
            let out = PromptFilter::new(&f).screen_prompt(&alone);
            assert!(
                out.findings.iter().all(|x| x.rule != *id),
                "{id}: reported alone in {alone:?}"
            );
            // Never on the response side (a bounded stream window).
            let out = PromptFilter::new(&f).screen_response(hit);
            assert!(
                out.findings.iter().all(|x| x.rule != *id),
                "{id}: in a response {hit:?}"
            );
        }
    }
}

#[test]
fn a_credential_part_needs_its_secret_in_the_same_block() {
    let secret = format!("shpss_{}", synth(40, HEX, 32));
    let id = synth(41, HEX, 32);
    let near = format!("client_id: {id}\nclient_secret: {secret}");
    let found = types(&near);
    assert!(
        found
            .iter()
            .any(|(t, r)| t == "OAUTH_CLIENT_ID" && near[r.clone()] == id),
        "{found:?}"
    );
    // A blank line between them: two blocks, the id is not the secret's.
    let apart = format!("client_id: {id}\n\n  \nclient_secret: {secret}");
    assert!(types(&apart).iter().all(|(t, _)| t != "OAUTH_CLIENT_ID"));
    // More than 256 bytes between them: not the same credential.
    let far = format!(
        "client_id: {id}\n{}\nclient_secret: {secret}",
        "note ".repeat(60)
    );
    assert!(types(&far).iter().all(|(t, _)| t != "OAUTH_CLIENT_ID"));
    // A consumer key (an OAuth client id) alone is not a secret.
    let key = format!("3MVG9{}", synth(42, ALNUM, 80));
    assert!(types(&format!("salesforce_key = \"{key}\"")).is_empty());
}

#[test]
fn an_account_email_without_a_secret_stays_an_email() {
    let f = filter();
    let text = "login: ana.lopez@example.com, call me later";
    let out = PromptFilter::new(&f).screen_prompt(text);
    let email: Vec<_> =
        out.findings.iter().filter(|x| x.type_name == "EMAIL").collect();
    assert_eq!(email.len(), 1, "{:?}", out.findings);
    assert_eq!(email[0].kind, Kind::Pii);
    assert_eq!(email[0].action, Action::Pseudonymize);
    assert!(!out.text.contains("ana.lopez@example.com"));
    // Beside the account's password it is part of the credential.
    let with = "login: ana.lopez@example.com\npassword: Wq7#pLm2Xz9$Rt";
    let out = PromptFilter::new(&f).screen_prompt(with);
    assert!(
        out.findings
            .iter()
            .any(|x| x.type_name == "ACCOUNT_EMAIL" && x.kind == Kind::Secret),
        "{:?}",
        out.findings
            .iter()
            .map(|x| (&x.type_name, &x.rule))
            .collect::<Vec<_>>()
    );
}
