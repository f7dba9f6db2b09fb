//! The trained names tagger (`scripts/names-tagger` writes it; skipped
//! when it was not built, which needs the shared lexicons): names it must
//! add and words it must leave, the default policy unchanged, and stream
//! == one-shot for every split of texts where it finds names. Figures on
//! real text are in docs/NAMES_TAGGER.md, not here.

use promptfence::{load_names_data, PromptFilter, Value};

#[path = "names_tagger_stream.rs"]
mod stream;

fn model() -> Option<Vec<u8>> {
    // scripts/test runs the cargo tests before scripts/build trains the
    // tagger, so there this test would read the previous build's file (or
    // none): it sets this variable for that run and runs the test again
    // after the build.
    if std::env::var_os("PF_TAGGER_AFTER_BUILD").is_some() {
        return None;
    }
    let root = env!("CARGO_MANIFEST_DIR");
    ["target/names-tagger/names-tagger.bin", "pkg/names-tagger.bin"]
        .iter()
        .find_map(|f| std::fs::read(format!("{root}/{f}")).ok())
}

fn filter(json: &str) -> PromptFilter {
    let v: Value = serde_json::from_str(json).expect("json");
    PromptFilter::from_value(&v).expect("policy")
}

/// (type, value) of the findings whose rule id starts with `rule` ("" for
/// any).
fn of(f: &mut PromptFilter, text: &str, rule: &str) -> Vec<(String, String)> {
    f.screen_prompt(text)
        .findings
        .iter()
        .filter(|x| x.rule.starts_with(rule))
        .map(|x| (x.type_name.clone(), text[x.span.clone()].to_string()))
        .collect()
}

fn tagged(f: &mut PromptFilter, text: &str) -> Vec<(String, String)> {
    of(f, text, "name-tagger")
}

const TEXTS: [&str; 7] = [
    "Thanks Jovana! I talked to Brannigan yesterday.",
    "Mein Kollege Brannigan Kesterholt kommt morgen.",
    "It was raining in Tunip, near the coast.",
    "Спасибо, Петя! Мы полетели в Кирримьюир.",
    "Ich habe gestern mit Anna gesprochen.",
    "ok so Brannigan said Kesterholt would come too. Meet at Dunmere later?",
    "Dear team,\nthanks to Oluwaseun and Marit for the notes.\nBest, Jovana",
];

#[test]
fn trained_tagger() {
    let Some(bytes) = model() else {
        println!("skip: names-tagger.bin not built (scripts/names-tagger), or checked after the build (PF_TAGGER_AFTER_BUILD)");
        return;
    };
    let mut core = filter("{}");
    let before: Vec<_> =
        TEXTS.iter().map(|t| core.screen_prompt(t).findings).collect();
    load_names_data(&bytes).expect("the built tagger loads");
    let mut t = filter(r#"{"pii": {"names": "tagger"}}"#);
    // (A lone unlisted name after "talked to" or "mit" — "Ich habe
    // gestern mit Jovana gesprochen." — scores under the shipped minimum
    // margin of a span without a listed word: docs/NAMES_TAGGER.md,
    // "Minimum margins" and "Third pass".)
    let hits = [
        (0, "PERSON", "Jovana"),
        (1, "PERSON", "Brannigan Kesterholt"),
        (2, "LOCATION", "Tunip"),
        (4, "PERSON", "Anna"),
    ];
    // Found (by the tagger where the grammar found nothing).
    for (i, ty, v) in hits {
        let got = of(&mut t, TEXTS[i], "");
        assert!(got.contains(&(ty.into(), v.into())), "{}: {got:?}", TEXTS[i]);
    }
    // At least the two above that the grammar cannot find. (The tagger
    // retrained at stop 32, after new PERSON contexts, no longer adds
    // the unlisted "Oluwaseun" of TEXTS[6]: its margin is under the
    // unlisted minimum. On the dev data the package's PERSON recall with
    // the tagger rose, .649 -> .657: scripts/eval-names.mjs --tagger.)
    let added: usize = TEXTS.iter().map(|x| tagged(&mut t, x).len()).sum();
    assert!(added >= 2, "{added}");
    for text in [
        "The meeting is on Monday.",
        "However, we disagree.",
        "we went to the lobby and waited",
        "PLEASE READ THE MANUAL",
        "Die Regierung hat am Montag den Vertrag beschlossen.",
    ] {
        assert!(
            tagged(&mut t, text).is_empty(),
            "{text}: {:?}",
            tagged(&mut t, text)
        );
    }
    // The default policy: as before the tagger was loaded.
    let mut core = filter("{}");
    for (text, b) in TEXTS.iter().zip(&before) {
        assert_eq!(&core.screen_prompt(text).findings, b, "{text}");
    }
    // Streaming equals one-shot, every split.
    let mut f = filter(r#"{"response": {"pii": {"names": "tagger"}}}"#);
    for text in TEXTS {
        stream::every_split_equals_one_shot(&mut f, text);
    }
}
