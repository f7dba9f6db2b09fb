//! Prints the findings for each argument (debugging aid for rule authors).
//!
//! `pii_probe --jsonl` instead reads JSON lines with a `"text"` field on
//! stdin and writes, per line, `{"findings":[{kind,type,start,end,score,
//! action,rule}]}` with UTF-16 offsets (the package's convention), so
//! `scripts/eval-names.mjs --native` can score the engine without a wasm
//! build. Texts are never printed. `--names-data FILE` first loads the
//! large names data and screens with `pii.names: "large"`; then
//! `--tagger FILE` loads the names tagger and screens with it as well.
use std::io::{BufRead, Write};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // `--names-data FILE`: load the large names data and screen with
    // `pii.names: "large"`.
    let mut policy = promptfence::Policy::default();
    if args.first().map(String::as_str) == Some("--names-data") {
        let file = args.get(1).cloned().unwrap_or_default();
        let bytes = std::fs::read(&file).expect("names data file");
        promptfence::load_names_data(&bytes).expect("names data");
        policy.pii.large_names = true;
        args.drain(..2);
    }
    // `--tagger FILE`: load the names tagger and screen with it too.
    if args.first().map(String::as_str) == Some("--tagger") {
        let file = args.get(1).cloned().unwrap_or_default();
        let bytes = std::fs::read(&file).expect("names tagger file");
        promptfence::load_names_data(&bytes).expect("names tagger");
        policy.pii.names_tagger = true;
        args.drain(..2);
    }
    let f = promptfence::Filter::new(policy).unwrap();
    if args.first().map(String::as_str) == Some("--jsonl") {
        return jsonl(&f);
    }
    for a in args {
        let mut s = promptfence::PromptFilter::new(&f);
        let r = s.screen_prompt(&a);
        for x in &r.findings {
            println!("{:?} {:?} -> {:?}", a, x, x.replacement);
        }
        println!("{:?} => {:?}", a, r.text);
    }
}

/// UTF-16 offset of byte offset `b` in `text`.
fn utf16_at(text: &str, b: usize) -> usize {
    text.get(..b).map_or(0, |s| s.encode_utf16().count())
}

fn jsonl(f: &promptfence::Filter) {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line.expect("stdin");
        let v: serde_json::Value =
            serde_json::from_str(&line).unwrap_or(serde_json::Value::Null);
        let text = v.get("text").and_then(|t| t.as_str()).unwrap_or("");
        let mut s = promptfence::PromptFilter::new(f);
        let r = s.screen_prompt(text);
        let findings: Vec<serde_json::Value> = r
            .findings
            .iter()
            .map(|x| {
                serde_json::json!({
                    "kind": x.kind.as_str(),
                    "type": x.type_name,
                    "start": utf16_at(text, x.span.start),
                    "end": utf16_at(text, x.span.end),
                    "score": x.score,
                    "action": x.action.as_str(),
                    "rule": x.rule,
                })
            })
            .collect();
        let o = serde_json::json!({ "findings": findings });
        writeln!(out, "{o}").expect("stdout");
    }
}
