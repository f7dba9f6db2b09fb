//! The optional names tagger (issue 14): loading, errors for wrong or
//! corrupted bytes, the policy values `pii.names: "tagger"` and
//! `"large+tagger"` and their error when it is not loaded, the default
//! unchanged, stream == one-shot, and no panic on any text.
//!
//! The tagger is installed once per process, so the order (not loaded,
//! then loaded) is one test; the model here is written by hand (its bias
//! row makes every token a B-PERSON), so what is found is what the shape
//! gates and the merge with the grammar detectors keep.

use promptfence::{load_names_data, PromptFilter, Value};

use super::names_tagger_stream as stream;

/// A tagger file in the documented format (src/names/tagger.rs), written
/// here independently: a change of format must change both.
fn encode(bits: u32, weights: &[i8]) -> Vec<u8> {
    let mut payload = vec![0u8; 8 * 7];
    payload.extend(weights.iter().map(|&w| w as u8));
    let fnv = payload.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    let mut out = b"PFTAGGR1".to_vec();
    for x in [
        1u32,
        bits,
        0.1f32.to_bits(),
        1f32.to_bits(),
        1f32.to_bits(),
        1f32.to_bits(),
    ] {
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&fnv.to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

fn biased() -> Vec<u8> {
    let mut w = vec![0i8; (1 << 12) * 7];
    // Row 0 is the bias feature; tag 1 is B-PERSON.
    w[1] = 100;
    encode(12, &w)
}

fn policy(json: &str) -> Result<PromptFilter, promptfence::Error> {
    let v: Value = serde_json::from_str(json).expect("json");
    PromptFilter::from_value(&v)
}

fn found(f: &mut PromptFilter, text: &str) -> Vec<(String, String, String)> {
    f.screen_prompt(text)
        .findings
        .iter()
        .map(|x| {
            (
                x.type_name.clone(),
                text[x.span.clone()].to_string(),
                x.rule.clone(),
            )
        })
        .collect()
}

const TAGGER: &str = r#"{"pii": {"names": "tagger"}}"#;
const TEXT: &str = "We met Zorblax and Quintavia in the lobby; Anna Kowalska \
    from Warsaw called about the Q3 report.";

#[test]
fn names_tagger_end_to_end() {
    // Before loading: the policy names a key that cannot be served.
    let e = policy(TAGGER).unwrap_err();
    assert!(e.is_policy(), "{e:?}");
    assert_eq!(e.path(), "pii.names");
    assert!(e.message().contains("tagger not loaded"), "{e}");
    let e =
        policy(r#"{"response": {"pii": {"names": "tagger"}}}"#).unwrap_err();
    assert_eq!(e.path(), "response.pii.names");
    let e = policy(r#"{"pii": {"names": "tagger+large"}}"#).unwrap_err();
    assert_eq!(e.path(), "pii.names");
    assert!(e.message().contains("large+tagger"), "{e}");

    // Wrong, truncated or corrupted bytes: a DataError naming the tagger
    // and the problem, and nothing installed.
    let good = biased();
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    for (bad, what) in [
        (&good[..good.len() - 3], "truncated"),
        (&good[..20], "bad magic"),
        (&flipped[..], "checksum"),
    ] {
        let e = load_names_data(bad).unwrap_err();
        assert_eq!(e.name(), "DataError", "{e}");
        assert!(e.message().contains(what), "{e}");
        if what != "bad magic" {
            assert!(e.message().contains("names tagger"), "{e}");
        }
    }
    assert!(policy(TAGGER).is_err());

    let mut core = policy("{}").unwrap();
    let before = found(&mut core, TEXT);
    assert!(!before.iter().any(|(_, v, _)| v == "Zorblax"), "{before:?}");

    let info = load_names_data(&good).expect("valid tagger");
    assert_eq!(info.entries, 1 << 12);
    assert_eq!(load_names_data(&good).unwrap(), info);
    let e = load_names_data(&encode(13, &vec![0; (1 << 13) * 7])).unwrap_err();
    assert!(e.message().contains("another file"), "{e}");

    // With the tagger: its spans where the grammar found nothing; the
    // grammar's findings as they were.
    let mut t = policy(TAGGER).expect("loaded");
    let after = found(&mut t, TEXT);
    let has = |v: &str, rule: &str| {
        after.iter().any(|(ty, x, r)| ty == "PERSON" && x == v && r == rule)
    };
    // A lone unknown capitalized word (the grammar's candidate scores
    // 0.1) is no PERSON of the tagger's: it needs a grammar candidate of
    // 0.2 or more under it (`tagger::backed`, branch person43).
    assert!(!has("Zorblax", "name-tagger-unlisted"), "{after:?}");
    assert!(!has("Quintavia", "name-tagger-unlisted"), "{after:?}");
    for b in &before {
        assert!(after.contains(b), "{b:?} lost: {after:?}");
    }
    // Lowercase words, a capitalized sentence start outside the names
    // lists, lone letters and all-caps words are never the tagger's.
    for text in [
        "we met them in the lobby",
        "Yesterday we met.",
        "plan B or C",
        "THE LOBBY IS OPEN",
    ] {
        assert!(
            found(&mut t, text)
                .iter()
                .all(|(_, _, r)| !r.starts_with("name-tagger")),
            "{text}"
        );
    }

    // The default policy never consults it, also a filter made after
    // loading; "core" is the default.
    assert_eq!(found(&mut policy("{}").unwrap(), TEXT), before);
    assert_eq!(
        found(&mut policy(r#"{"pii": {"names": "core"}}"#).unwrap(), TEXT),
        before
    );

    // Streaming equals one-shot with the tagger, for every split.
    let mut f = policy(r#"{"pii": {"names": "tagger"}, "response": {"pii": {"names": "tagger"}}}"#).unwrap();
    for text in [
        TEXT,
        "Reply: ask Anna Kowalska, then Quintavia. Bexley-Horn & Vantro met at Dunmere Hall, ok?",
        "Line one Marek\nLine two: Tavish O'Rourke-Lynn said hi",
    ] {
        let found = stream::every_split_equals_one_shot(&mut f, text);
        assert!(!found.is_empty(), "{text}");
    }

    // Any text: no panic, spans on char boundaries.
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 300,
        ..ProptestConfig::default()
    });
    runner
        .run(&"(\\PC|[A-Z][a-z]{1,8}| |\\.|,|\n){0,80}", |s| {
            let r = policy(TAGGER).unwrap().screen_prompt(&s);
            for x in &r.findings {
                prop_assert!(
                    s.is_char_boundary(x.span.start)
                        && s.is_char_boundary(x.span.end)
                );
            }
            Ok(())
        })
        .unwrap();
}
