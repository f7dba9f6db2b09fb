//! The built-in rule table checks itself (gitleaks `Validate`): every rule
//! has hit and miss examples, run through the full engine (prefilter
//! included), and every pattern has a bounded maximum match length.

use promptfence::__private;
use promptfence::{Filter, Policy, PromptFilter};

/// Longest match any built-in pattern may have, in bytes: the response
/// stream scanner holds back this much.
pub const MAX_MATCH_LEN: usize = 4096;
/// Key blocks (PEM, PuTTY) are longer; they get their own bound.
pub const MAX_KEY_BLOCK_LEN: usize = 17 * 1024;

/// The default policy with the opt-in types (AGE, TITLE, NRP) asked for,
/// so their rules' examples are checked too.
fn filter() -> Filter {
    let mut p = Policy::default();
    for t in ["AGE", "TITLE", "NRP"] {
        p.pii.actions.insert(t.to_string(), promptfence::Action::Redact);
    }
    Filter::new(p).expect("default policy compiles")
}

#[test]
fn every_rule_has_examples() {
    for (id, _, _, hits, misses) in __private::builtin_examples() {
        assert!(!hits.is_empty(), "rule {id} has no hit example");
        assert!(!misses.is_empty(), "rule {id} has no miss example");
    }
}

#[test]
fn rule_ids_are_unique_kebab_case() {
    let ex = __private::builtin_examples();
    let mut ids: Vec<&str> = ex.iter().map(|e| e.0).collect();
    for id in &ids {
        assert!(
            id.bytes().all(|b| b.is_ascii_lowercase()
                || b.is_ascii_digit()
                || b == b'-'),
            "rule id {id} is not kebab-case"
        );
    }
    for (id, ty, ..) in &ex {
        assert!(
            ty.bytes().all(|b| b.is_ascii_uppercase()
                || b.is_ascii_digit()
                || b == b'_'),
            "rule {id}: type {ty} is not UPPER_SNAKE"
        );
    }
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate rule ids");
}

#[test]
fn secret_rule_count() {
    let n = __private::builtin_examples()
        .iter()
        .filter(|e| e.2 == "secret")
        .count();
    assert!(n >= 200, "only {n} secret rules");
}

#[test]
fn hits_hit_with_the_rules_type() {
    let f = filter();
    let mut failures = Vec::new();
    for (id, ty, _, hits, _) in __private::builtin_examples() {
        for hit in hits {
            let mut s = PromptFilter::new(&f);
            let out = s.screen_prompt(hit);
            if !out.findings.iter().any(|x| x.type_name == ty) {
                let got: Vec<_> = out
                    .findings
                    .iter()
                    .map(|x| format!("{}/{}", x.rule, x.type_name))
                    .collect();
                failures.push(format!("{id}: hit {hit:?} gave {got:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn misses_do_not_hit_the_rule() {
    let f = filter();
    let mut failures = Vec::new();
    for (id, _, _, _, misses) in __private::builtin_examples() {
        for miss in misses {
            // A miss may still match the pattern when context or policy
            // turns it down ("order 4111..."): what counts is the finding.
            let out = PromptFilter::new(&f).screen_prompt(miss);
            if out.findings.iter().any(|x| x.rule == id) {
                failures.push(format!("{id}: miss {miss:?} matched"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// No two rules claim the same example with different types: on a rule's
/// hit, no other rule of another type detects an overlapping span with a
/// higher score (it would win the overlap; ties go to the rule's own
/// finding, which `hits_hit_with_the_rules_type` checks).
#[test]
fn no_two_rules_claim_an_example() {
    let f = filter();
    let mut failures = Vec::new();
    for (id, ty, _, hits, _) in __private::builtin_examples() {
        for hit in hits {
            let ds = __private::detections(&f, hit);
            for mine in ds.iter().filter(|d| d.0 == id) {
                for other in &ds {
                    if other.1 != ty
                        && other.2.start < mine.2.end
                        && mine.2.start < other.2.end
                        && other.3 > mine.3
                    {
                        failures.push(format!(
                            "{id} ({ty}) and {} ({}) both claim {hit:?}",
                            other.0, other.1
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The engine's regex (regex-lite) rejects some syntax `regex_syntax`
/// takes (class intersection `[a&&b]`, Unicode classes); a built-in rule
/// it cannot compile would silently match nothing.
#[test]
fn every_pattern_compiles_in_the_engine() {
    let errors = __private::builtin_compile_errors();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn every_pattern_has_a_bounded_maximum_length() {
    for (id, pattern) in __private::builtin_patterns() {
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(&pattern)
            .unwrap_or_else(|e| panic!("rule {id}: {e}"));
        let max = hir.properties().maximum_len();
        let bound = if id.contains("private-key") {
            MAX_KEY_BLOCK_LEN
        } else {
            MAX_MATCH_LEN
        };
        match max {
            Some(n) => {
                assert!(n <= bound, "rule {id}: maximum length {n} > {bound}")
            }
            None => panic!("rule {id}: unbounded pattern"),
        }
    }
}

#[test]
fn whole_secret_table_parses() {
    assert_eq!(
        __private::builtin_examples()
            .iter()
            .filter(|e| e.2 == "secret")
            .count(),
        __private::SECRET_RULES_LEN
    );
}

/// Windowed matching is only sound if a rule's declared window covers its
/// longest possible match (the match contains a keyword, so it lies within
/// `window` bytes of that keyword hit).
#[test]
fn declared_windows_cover_the_maximum_match_length() {
    let windows: std::collections::HashMap<_, _> =
        __private::builtin_windows().into_iter().collect();
    for (id, pattern) in __private::builtin_patterns() {
        let w = windows[id];
        if w == 0 {
            continue;
        }
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(&pattern)
            .unwrap_or_else(|e| panic!("rule {id}: {e}"));
        let max = hir.properties().maximum_len().unwrap_or(usize::MAX);
        assert!(w >= max, "rule {id}: window {w} < maximum length {max}");
    }
}

/// Every validator has one policy name: the name selects the validator
/// that carries it (`by_name(name(v)) == v`), names are unique, and a
/// policy's custom rule accepts each of them.
#[test]
fn every_validator_name_round_trips_and_works_in_a_policy() {
    let names = __private::validator_names();
    assert!(names.len() >= 60, "only {} validators", names.len());
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "duplicate validator names");
    for name in &names {
        assert_eq!(
            __private::validator_name_round_trip(name),
            Some(*name),
            "validator {name}"
        );
        let json = format!(
            r#"{{"rules":[{{"id":"v","type":"V","regex":"\\bV\\d{{4}}\\b","validator":"{name}"}}]}}"#
        );
        let v: promptfence::Value = serde_json::from_str(&json).unwrap();
        let policy = Policy::from_value(&v)
            .unwrap_or_else(|e| panic!("validator {name}: {e}"));
        Filter::new(policy)
            .unwrap_or_else(|e| panic!("validator {name}: {e}"));
    }
    assert_eq!(__private::validator_name_round_trip("nope"), None);
}

/// Longest match of `hir` in chars (`None`: unbounded).
fn max_chars(hir: &regex_syntax::hir::Hir) -> Option<usize> {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(0),
        HirKind::Literal(lit) => {
            Some(String::from_utf8_lossy(&lit.0).chars().count())
        }
        HirKind::Class(_) => Some(1),
        HirKind::Repetition(rep) => {
            Some(max_chars(&rep.sub)? * rep.max? as usize)
        }
        HirKind::Capture(cap) => max_chars(&cap.sub),
        HirKind::Concat(subs) => {
            subs.iter().map(max_chars).sum::<Option<usize>>()
        }
        HirKind::Alternation(subs) => subs
            .iter()
            .map(max_chars)
            .collect::<Option<Vec<_>>>()?
            .into_iter()
            .max(),
    }
}

/// A secret rule's `window` in src/rules/secrets.rules is data; this is
/// its definition: four bytes (the longest UTF-8 char) per char of the
/// longest match. On a mismatch the message says what to write.
#[test]
fn secret_windows_are_four_bytes_per_char_of_the_longest_match() {
    let windows: std::collections::HashMap<_, _> =
        __private::builtin_windows().into_iter().collect();
    let secret: std::collections::HashSet<_> = __private::builtin_examples()
        .into_iter()
        .filter(|e| e.2 == "secret")
        .map(|e| e.0)
        .collect();
    let mut failures = Vec::new();
    for (id, pattern) in __private::builtin_patterns() {
        if !secret.contains(id) {
            continue;
        }
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(&pattern)
            .unwrap_or_else(|e| panic!("rule {id}: {e}"));
        let want = max_chars(&hir).map_or(0, |n| 4 * n);
        if windows[id] != want {
            failures.push(format!(
                "[{id}]: window {} is wrong; write `window {want}`",
                windows[id]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// AGE, TITLE and NRP are off by default; naming one in `types` or
/// `actions` turns that one on.
#[test]
fn opt_in_types_only_when_asked_for() {
    let text = "Mr. Smith is 34 years old and Spanish.";
    let types = |p: Policy| -> Vec<String> {
        let f = Filter::new(p).expect("policy compiles");
        let mut t: Vec<String> = PromptFilter::new(&f)
            .screen_prompt(text)
            .findings
            .iter()
            .map(|x| x.type_name.clone())
            .filter(|t| ["AGE", "TITLE", "NRP"].contains(&t.as_str()))
            .collect();
        t.sort();
        t
    };
    assert!(types(Policy::default()).is_empty());
    let mut p = Policy::default();
    p.pii.types = Some(vec!["AGE".to_string()]);
    assert_eq!(types(p), ["AGE"]);
    let mut p = Policy::default();
    p.pii.actions.insert("NRP".to_string(), promptfence::Action::Flag);
    p.pii.actions.insert("TITLE".to_string(), promptfence::Action::Mask);
    assert_eq!(types(p), ["NRP", "TITLE"]);
}
