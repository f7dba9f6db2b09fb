//! Rough native throughput check (not a test): `cargo run --release --example quickbench [numbers|plain|report] [bytes]`.
//!
//! `PF_FILE=path quickbench file`: the prompts of that file instead, split
//! at NUL bytes, each screened once per round (`N` rounds, default 20); for
//! the side-by-side corpus of short chat prompts, which makes a call's fixed
//! costs visible: `node -e 'import("./bench/corpus.mjs").then(m =>
//! process.stdout.write(m.corpus().slice(0, 200).join("\0")))' > /tmp/c.bin`.
use promptfence::{Filter, Kind, Policy, PromptFilter};
use std::time::Instant;

fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    // PF_OFF=pii,secrets,inject,names: families switched off (per-family
    // costs); "names" keeps PII but drops the names detectors' types.
    let mut policy = Policy::default();
    let off = std::env::var("PF_OFF").unwrap_or_default();
    for f in off.split(',') {
        match f {
            "pii" => policy.pii.enabled = false,
            "secrets" => policy.secrets.enabled = false,
            "inject" => policy.injection.enabled = false,
            "names" => {
                let names = ["PERSON", "ADDRESS", "LOCATION", "ORGANIZATION"];
                let keep = promptfence::__private::builtin_types(Kind::Pii)
                    .into_iter()
                    .filter(|t| !names.contains(&t.as_str()))
                    .filter(|t| t != "DATE_OF_BIRTH")
                    .collect();
                policy.pii.types = Some(keep);
            }
            _ => {}
        }
    }
    let filter = Filter::new(policy).unwrap();
    let mut s = PromptFilter::new(&filter);
    if which == "file" {
        let path = std::env::var("PF_FILE").expect("PF_FILE");
        let all = std::fs::read_to_string(path).unwrap();
        let prompts: Vec<&str> = all.split('\0').collect();
        let n: usize =
            std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(20);
        // PF_WARM=1: one round first, outside `rounds`, so a callgrind run
        // with `--toggle-collect=quickbench::rounds` counts warm calls only.
        if std::env::var_os("PF_WARM").is_some() {
            for p in &prompts {
                std::hint::black_box(s.screen_prompt(p));
            }
        }
        let t = Instant::now();
        rounds(&mut s, &prompts, n);
        let dt = t.elapsed().as_secs_f64();
        let bytes: usize = prompts.iter().map(|p| p.len()).sum();
        println!(
            "screen_prompt {} prompts, {} bytes: {:.1} MB/s, {:.1} us/prompt",
            prompts.len(),
            bytes,
            bytes as f64 * n as f64 / dt / 1e6,
            dt / (n * prompts.len()) as f64 * 1e6
        );
        return;
    }
    let base = if which == "report" {
        // The paragraph bench/inject.mjs repeats to 2 KB.
        "Our team is preparing the quarterly report and needs a short summary of the main findings. Revenue grew in every region, customer churn fell, and the new onboarding flow cut support tickets. "
    } else if which == "plain" {
        "Could you explain how photosynthesis works in simple terms, and then write a short poem about the ocean at night? Keep it under twelve lines and avoid rhyming too much. "
    } else {
        "Hi team, can you summarize the attached quarterly report for me? The numbers for Q3 look off compared to last year: revenue grew 12% but margins dropped. Please also draft a reply to Maria explaining the delay on order 4471-2231, and ask whether the meeting on 2024-03-14 at 10:30 still works. Thanks! "
    };
    let mut text = String::new();
    let size: usize =
        std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(1024);
    while text.len() < size {
        text.push_str(base);
    }
    text.truncate(size);
    let n: usize =
        std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(5000);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(s.screen_prompt(&text));
    }
    let dt = t.elapsed().as_secs_f64();
    println!(
        "screen_prompt {} bytes: {:.1} MB/s, {:.1} us/call",
        text.len(),
        text.len() as f64 * n as f64 / dt / 1e6,
        dt / n as f64 * 1e6
    );
}

/// `n` rounds of `screen_prompt` over `prompts` (out of line, so that
/// callgrind can count it alone: `--toggle-collect=quickbench::rounds`).
#[inline(never)]
fn rounds(s: &mut PromptFilter, prompts: &[&str], n: usize) {
    for _ in 0..n {
        for p in prompts {
            std::hint::black_box(s.screen_prompt(p));
        }
    }
}
