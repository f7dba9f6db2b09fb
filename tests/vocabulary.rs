//! One vocabulary in Rust and TypeScript: every string union in
//! `pkg-templates/index.d.ts` that names a Rust list (verdicts, actions,
//! kinds, validators, finding types) holds exactly that list, in order.
//!
//! On a mismatch the test prints the declaration to write. With
//! `PF_BLESS=1` it rewrites the union in `index.d.ts` itself (doc comments
//! and everything else untouched), so adding a rule or a validator is one
//! command: `PF_BLESS=1 cargo test --test integration vocabulary`.

use promptfence::{__private, Action, Kind, Verdict};

fn dts_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("pkg-templates/index.d.ts")
}

/// Byte range of `export type NAME = ...;` and the string literals in it.
fn union(
    dts: &str,
    name: &str,
) -> Option<(std::ops::Range<usize>, Vec<String>)> {
    let head = format!("export type {name} =");
    let start = dts.find(&head)?;
    let end = start + dts[start..].find(';')? + 1;
    let body = &dts[start + head.len()..end];
    let names =
        body.split('"').skip(1).step_by(2).map(str::to_string).collect();
    Some((start..end, names))
}

/// The declaration as this test writes it: one member per line.
fn render(name: &str, members: &[String]) -> String {
    let mut out = format!("export type {name} =");
    for m in members {
        out.push_str(&format!("\n  | \"{m}\""));
    }
    out.push(';');
    out
}

fn check(name: &str, want: Vec<String>) {
    // The tests run in parallel and each rewrites the one file under
    // PF_BLESS: unserialized, one write could start from another's
    // half-written file and leave a stub.
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let path = dts_path();
    let dts =
        std::fs::read_to_string(&path).expect("pkg-templates/index.d.ts");
    let found = union(&dts, name);
    if found.as_ref().is_some_and(|(_, have)| *have == want) {
        return;
    }
    let decl = render(name, &want);
    if std::env::var_os("PF_BLESS").is_some() {
        let new = match &found {
            Some((range, _)) => {
                format!("{}{}{}", &dts[..range.start], decl, &dts[range.end..])
            }
            None => format!("{dts}\n{decl}\n"),
        };
        std::fs::write(&path, new).expect("write index.d.ts");
        return;
    }
    panic!(
        "pkg-templates/index.d.ts: `{name}` does not match Rust (found {:?}).\n\
         Write this, or run `PF_BLESS=1 cargo test --test integration \
         vocabulary`:\n{decl}",
        found.map(|f| f.1)
    );
}

fn strings<T>(all: &[T], f: impl Fn(&T) -> &'static str) -> Vec<String> {
    all.iter().map(|x| f(x).to_string()).collect()
}

#[test]
fn verdicts_actions_and_kinds_match_rust() {
    check("Verdict", strings(&Verdict::ALL, |v| v.as_str()));
    check("Action", strings(&Action::ALL, |a| a.as_str()));
    check("Kind", strings(&Kind::ALL, |k| k.as_str()));
    check(
        "ContextSource",
        promptfence::CONTEXT_SOURCES.iter().map(|s| s.to_string()).collect(),
    );
}

#[test]
fn validator_names_match_rust() {
    check(
        "ValidatorName",
        __private::validator_names().into_iter().map(str::to_string).collect(),
    );
}

#[test]
fn finding_types_match_rust() {
    check("PiiType", __private::builtin_types(Kind::Pii));
    check("SecretType", __private::builtin_types(Kind::Secret));
    check(
        "InjectionType",
        __private::injection_types().into_iter().map(str::to_string).collect(),
    );
    check(
        "CheckType",
        __private::check_types().into_iter().map(str::to_string).collect(),
    );
}

#[test]
fn the_union_reader_reads_what_render_writes() {
    let want = vec!["a".to_string(), "b_c".to_string()];
    let text = format!("x;\n/** doc */\n{}\nrest", render("T", &want));
    let (range, got) = union(&text, "T").unwrap();
    assert_eq!(got, want);
    assert_eq!(&text[range.end..], "\nrest");
    assert!(union(&text, "U").is_none());
}
