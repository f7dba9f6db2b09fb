//! The optional large names data (issue 14): loading, errors for wrong or
//! corrupted bytes, the policy key `pii.names` and its error when the
//! data is not loaded, what the data adds, and stream == one-shot with it.
//!
//! The data is installed once per process, so everything that depends on
//! the order (not loaded, then loaded) is one test.

use promptfence::{
    load_names_data, Kind, Policy, PromptFilter, ResponseScanner, Value,
};

/// A names data file in the documented format (scripts/names-large.mjs):
/// written here independently, so a change of format must change both.
fn encode(entries: &[(&str, u8)]) -> Vec<u8> {
    let mut sorted: Vec<(&str, u8)> = entries.to_vec();
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut payload = Vec::new();
    for (e, f) in &sorted {
        payload.push(e.len() as u8);
        payload.extend_from_slice(e.as_bytes());
        payload.push(*f);
    }
    let fnv = payload.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    let mut out = b"PFNAMES1".to_vec();
    out.extend_from_slice(&1u32.to_le_bytes());
    out.extend_from_slice(&(sorted.len() as u32).to_le_bytes());
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&fnv.to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

const GIVEN: u8 = 1;
const SURNAME: u8 = 2;
const PLACE: u8 = 4;
const ORG: u8 = 32;

const PHRASE_END: u8 = 64;

/// Keys are folded as the engine folds tokens (lowercase, accents off).
fn sample() -> Vec<u8> {
    encode(&[
        ("gunnhildur", GIVEN),
        ("thorsdottir", SURNAME),
        ("talknafjordur", PLACE),
        ("quuxbridge analytics", ORG),
        ("analytics", PHRASE_END),
        // A given name that is also a small town somewhere (the large
        // data's minor tier): still a name alone in a sentence.
        ("linda", GIVEN | PLACE),
        // A well-known organization the core does not know
        // (data/orgs_known.txt's `# large only` entries).
        ("apple", ORG),
        // A city in Chinese script, found inside a run without spaces.
        ("蘇州", PLACE | 8),
    ])
}

fn policy(json: &str) -> Result<PromptFilter, promptfence::Error> {
    let v: Value = serde_json::from_str(json).expect("json");
    PromptFilter::from_value(&v)
}

const LARGE: &str = r#"{"pii": {"names": "large"}}"#;
/// Without the data: two unknown capitalized words are no name, and a
/// capitalized pair is no organization.
const TEXT: &str = "Gunnhildur Kvaranova will call; the invoice \
    from Quuxbridge Analytics is late.";

fn found(f: &mut PromptFilter, text: &str) -> Vec<(String, String)> {
    let r = f.screen_prompt(text);
    r.findings
        .iter()
        .map(|x| (x.type_name.clone(), text[x.span.clone()].to_string()))
        .collect()
}

#[test]
fn large_names_data_end_to_end() {
    // Before loading: the policy names a key that cannot be served.
    let e = policy(LARGE).unwrap_err();
    assert!(e.is_policy(), "{e:?}");
    assert_eq!(e.path(), "pii.names");
    assert!(e.message().contains("not loaded"), "{e}");
    let e =
        policy(r#"{"response": {"pii": {"names": "large"}}}"#).unwrap_err();
    assert_eq!(e.path(), "response.pii.names");

    // Wrong bytes are a DataError and leave nothing installed.
    for bad in [
        &b""[..],
        b"PK\x03\x04 not names data at all, a zip file",
        &sample()[..30],
    ] {
        let e = load_names_data(bad).unwrap_err();
        assert_eq!(e.name(), "DataError", "{e}");
    }
    assert!(policy(LARGE).is_err());

    // The default policy does not know these names.
    let mut core = policy("{}").unwrap();
    let before = found(&mut core, TEXT);
    assert!(
        !before.iter().any(|(_, v)| v.contains("Gunnhildur")),
        "{before:?}"
    );

    let info = load_names_data(&sample()).expect("valid data");
    assert_eq!(info.entries, 8);
    // The same bytes again: the same data.
    assert_eq!(load_names_data(&sample()).unwrap(), info);

    let mut large = policy(LARGE).expect("loaded");
    let after = found(&mut large, TEXT);
    let has = |t: &str, v: &str| after.iter().any(|(a, b)| a == t && b == v);
    assert!(has("PERSON", "Gunnhildur Kvaranova"), "{after:?}");
    assert!(has("ORGANIZATION", "Quuxbridge Analytics"), "{after:?}");
    // "si Linda" (Tagalog): a lone given name that is also a small place
    // of the data stays a name (it was lost with the data).
    let tl = found(&mut large, "Komika si Linda.");
    assert!(tl.contains(&("PERSON".into(), "Linda".into())), "{tl:?}");
    // A place inside Chinese text after a preposition of place; a demonym
    // is no place; the core's CJK places are a few big ones (北京, not
    // 蘇州).
    let zh = found(&mut large, "我住在蘇州。");
    assert!(zh.contains(&("LOCATION".into(), "蘇州".into())), "{zh:?}");
    assert!(found(&mut large, "在蘇州人很多。").is_empty());
    assert!(found(&mut policy("{}").unwrap(), "我住在蘇州。").is_empty());
    let core = found(&mut policy("{}").unwrap(), "我住在北京。");
    assert!(core.contains(&("LOCATION".into(), "北京".into())), "{core:?}");
    // A known organization outside the core's (data/orgs_known.txt's
    // `# large only` entries): with the data only.
    let g = "I bought it from Apple yesterday.";
    assert!(found(&mut large, g)
        .contains(&("ORGANIZATION".into(), "Apple".into())));
    assert!(!found(&mut policy("{}").unwrap(), g)
        .iter()
        .any(|(t, _)| t == "ORGANIZATION"));
    // A filter with the default policy still does not consult the data,
    // also one created after loading.
    let mut core = policy("{}").unwrap();
    assert_eq!(found(&mut core, TEXT), before);

    // Bad values of the key.
    let e = policy(r#"{"pii": {"names": "huge"}}"#).unwrap_err();
    assert_eq!(e.path(), "pii.names");
    let e = policy(r#"{"pii": {"names": {"data": "large"}}}"#).unwrap_err();
    assert_eq!(e.path(), "pii.names");
    let e = policy(r#"{"secrets": {"names": "large"}}"#).unwrap_err();
    assert_eq!(e.path(), "secrets.names");

    // Streaming equals one-shot with the data, for every split.
    let v: Value = serde_json::from_str(
        r#"{"pii": {"names": "large"},
            "response": {"pii": {"names": "large"}}}"#,
    )
    .unwrap();
    let p = Policy::from_value(&v).unwrap();
    let mut f = PromptFilter::with_policy(p).unwrap();
    let text = "Reply: Gunnhildur Þórsdóttir lives in Tálknafjörður and \
                works at Quuxbridge Analytics; write to her there.";
    let one = f.screen_response(text);
    assert!(
        one.findings.iter().any(|x| x.kind == Kind::Pii
            && &text[x.span.clone()] == "Gunnhildur Þórsdóttir"),
        "{:?}",
        one.findings
    );
    // Also a long run of Chinese (one token of more than 64 bytes, the
    // stream's hold-back of a word) with places inside.
    let zh =
        "我们明年夏天打算先在北京住两个星期然后从北京坐火车到北京再回北京。";
    let zh_one = f.screen_response(zh);
    assert!(
        zh_one
            .findings
            .iter()
            .filter(|x| &zh[x.span.clone()] == "北京")
            .count()
            >= 2,
        "{:?}",
        zh_one.findings
    );
    for (text, one) in [(text, &one), (zh, &zh_one)] {
        for cut in 1..text.len() {
            if !text.is_char_boundary(cut) {
                continue;
            }
            let mut sc = ResponseScanner::new();
            let mut out = sc.push(&mut f.response_context(), &text[..cut]);
            out += &sc.push(&mut f.response_context(), &text[cut..]);
            out += &sc.finish(&mut f.response_context());
            assert_eq!(out, one.text, "cut at {cut}");
            let spans: Vec<_> =
                sc.findings().iter().map(|x| x.span.clone()).collect();
            let want: Vec<_> =
                one.findings.iter().map(|x| x.span.clone()).collect();
            assert_eq!(spans, want, "cut at {cut}");
        }
    }
}
