//! Times each built-in rule's regex over the dev corpus texts (release
//! build recommended): `cargo run --release --example rule_timing`.
use std::time::Instant;
fn main() {
    // `$PF_SHARED` holds `corpus/` and `eval/`; default `../shared`.
    let shared = std::env::var("PF_SHARED").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared").to_string()
    });
    let path = format!("{shared}/corpus/dev/pii_dev.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        println!("skip: {path} not found (set PF_SHARED)");
        return;
    };
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| {
            let i = l.find("\"text\": \"")? + 9;
            Some(l[i..].chars().take(400).collect())
        })
        .collect();
    let texts: Vec<String> = match std::env::var("TEXT") {
        Ok(t) => vec![t.repeat(12); 300],
        Err(_) => texts,
    };
    let mut rows = Vec::new();
    for (id, pat) in promptfence::__private::builtin_patterns() {
        let Ok(re) =
            regex::RegexBuilder::new(&pat).size_limit(1 << 20).build()
        else {
            println!("TOO BIG: {}", id);
            continue;
        };
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..3 {
            for x in &texts {
                n += re.find_iter(x).count();
            }
        }
        rows.push((t.elapsed().as_secs_f64() * 1000.0 / 3.0, id, n));
    }
    rows.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
    for (ms, id, n) in rows.iter().take(15) {
        println!("{:8.2} ms  {:28} {}", ms, id, n);
    }
}
