//! Throughput of the default filter (all secret rules on) on a mix of chat
//! text, code and logs. A benchmark, not a test: prints MB/s.
//!
//! cargo run --release --example bench_secrets

use std::time::Instant;

use promptfence::{Filter, Policy, PromptFilter};

fn main() {
    let chat =
        "Hi! Could you help me rewrite this paragraph so it sounds more \
        friendly? We are launching the new dashboard next week and I want the \
        announcement to be short, clear and upbeat. Thanks a lot. ";
    let code =
        "fn main() {\n    let client = Client::new(&config.endpoint);\n    \
        let token = std::env::var(\"API_TOKEN\").unwrap_or_default();\n    \
        for item in items.iter().filter(|i| i.active) {\n        \
        println!(\"{} {}\", item.id, item.name);\n    }\n}\n";
    let logs =
        "2024-05-01T12:00:01Z INFO request id=7f3a9c path=/api/v1/users \
        status=200 latency_ms=12 user_agent=Mozilla/5.0\n2024-05-01T12:00:02Z \
        WARN retrying upstream=10.0.3.7:8080 attempt=2 key=session-cache\n";
    let secret = "config: API_KEY=Zq8Lw3Vn5Rt7Yp2Ks9Df4Gh6Jk1Mx0Cb and \
        ghp_R4nd0mT0k3nV4lu3sAr3N0tR34lAbCd12345\n";
    let mut unit = String::new();
    for i in 0..40 {
        unit.push_str(match i % 10 {
            0..=4 => chat,
            5..=7 => code,
            8 => logs,
            _ => secret,
        });
    }
    let filter = Filter::new(Policy::default()).expect("default policy");
    let mut s = PromptFilter::new(&filter);
    // Warm-up: lazily compiled regexes.
    for _ in 0..5 {
        s.screen_prompt(&unit);
    }
    for (name, text) in [
        ("1 KB prompts", unit[..1024].to_string()),
        ("mixed ~13 KB", unit.clone()),
        ("mixed 1 MB", unit.repeat((1 << 20) / unit.len())),
    ] {
        let iters = (8 << 20) / text.len().max(1);
        let iters = iters.clamp(3, 20_000);
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..iters {
            n += s.screen_prompt(&text).findings.len();
        }
        let secs = t.elapsed().as_secs_f64();
        let mb = (text.len() * iters) as f64 / 1e6;
        println!(
            "{name:>14}: {:8.1} MB/s  ({iters} x {} bytes, {:.3} ms/call, {n} findings)",
            mb / secs,
            text.len(),
            secs * 1e3 / iters as f64
        );
    }
}
