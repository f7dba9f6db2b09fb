//! Prints the findings for each argument (debugging aid for rule authors).
//!
//! `pii_probe --jsonl FILE` instead reads corpus lines (`{"text": ...}`)
//! and prints one JSON line per input line: `{"i": line, "f": [[kind,
//! type, start, end, rule], ...]}` with code-point offsets, for scoring
//! rule changes natively without building the package.
fn main() {
    let f = promptfence::Filter::new(promptfence::Policy::default()).unwrap();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--jsonl") {
        let path = args.get(1).expect("--jsonl FILE");
        let data = std::fs::read_to_string(path).expect("readable file");
        for (i, line) in data.lines().enumerate() {
            let v: serde_json::Value =
                serde_json::from_str(line).expect("a JSON line");
            let text = v["text"].as_str().unwrap_or("");
            let r = promptfence::PromptFilter::new(&f).screen_prompt(text);
            let cp = |b: usize| text[..b].chars().count();
            let found: Vec<serde_json::Value> = r
                .findings
                .iter()
                .map(|x| {
                    serde_json::json!([
                        x.kind.as_str(),
                        x.type_name,
                        cp(x.span.start),
                        cp(x.span.end),
                        x.rule
                    ])
                })
                .collect();
            println!("{}", serde_json::json!({"i": i, "f": found}));
        }
        return;
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
