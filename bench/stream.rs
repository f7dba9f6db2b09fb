//! Streaming versus one-shot response screening (not a test):
//! `cargo run --release --example stream [bytes] [chunk] [both|stream|oneshot]`.
//! Screens chat text with numbers, dates and an email (64 KiB by default;
//! `PF_TEXT=prose`: prose without them; `PF_FILE=path`: that file's text)
//! with `screen_response` and with a `ResponseScanner` fed `chunk`-byte
//! pieces (64 by default), prints the time of each and their ratio, and
//! checks the outputs agree, and how many input bytes the scanner held
//! back after a push (mean and largest: the lag of the shown text).
//! `stream` or `oneshot` runs only one side, for callgrind.
use promptfence::{Filter, Policy, PromptFilter};
use std::time::Instant;

fn main() {
    let arg = |i: usize| std::env::args().nth(i);
    let size: usize = arg(1).and_then(|n| n.parse().ok()).unwrap_or(65536);
    let chunk: usize = arg(2).and_then(|n| n.parse().ok()).unwrap_or(64);
    let mode = arg(3).unwrap_or_else(|| "both".to_string());
    // PF_TEXT=prose: the same kind of reply without numbers or e-mail.
    let prose = std::env::var("PF_TEXT").is_ok_and(|v| v == "prose");
    let base = if prose {
        "Thanks for the update. I talked to the team this morning and we agree that the draft reads well, but the second section needs a clearer summary of what changed and why. Could you also add a short note for the readers who missed the last meeting? "
    } else {
        "Hi team, the Q3 numbers look off: revenue grew 12% but margins dropped. Please draft a reply to Maria (maria.lopez@example.com) about order 4471-2231 and ask whether 2024-03-14 at 10:30 still works. "
    };
    let mut text = String::new();
    while text.len() + base.len() <= size {
        text.push_str(base);
    }
    // PF_FILE=path: that file's text instead (e.g. the side-by-side
    // corpus written out), cut to `bytes`.
    if let Some(t) = std::env::var("PF_FILE")
        .ok()
        .and_then(|p| std::fs::read_to_string(p).ok())
    {
        let mut n = size.min(t.len());
        while !t.is_char_boundary(n) {
            n -= 1;
        }
        text = t[..n].to_string();
    }
    let filter = Filter::new(Policy::default()).unwrap();
    let mut chat = PromptFilter::new(&filter);
    let (mut one, mut streamed) = (None, String::new());
    let (mut t1, mut t2) = (0.0, 0.0);
    let (mut lag, mut mean_lag) = (0usize, 0.0);
    if mode != "stream" {
        let t = Instant::now();
        one = Some(chat.screen_response(&text).text);
        t1 = t.elapsed().as_secs_f64() * 1e3;
    }
    if mode != "oneshot" {
        let t = Instant::now();
        let mut sc = chat.response_scanner();
        let b = text.as_bytes();
        let mut i = 0;
        let (mut held, mut pushes) = (0usize, 0usize);
        while i < b.len() {
            let mut j = (i + chunk).min(b.len());
            while !text.is_char_boundary(j) {
                j += 1;
            }
            streamed
                .push_str(&sc.push(&mut chat.response_context(), &text[i..j]));
            held += sc.held_back();
            lag = lag.max(sc.held_back());
            pushes += 1;
            i = j;
        }
        mean_lag = held as f64 / pushes.max(1) as f64;
        streamed.push_str(&sc.finish(&mut chat.response_context()));
        t2 = t.elapsed().as_secs_f64() * 1e3;
    }
    if let Some(one) = &one {
        if mode == "both" && *one != streamed {
            println!("warning: stream and one-shot outputs differ");
        }
    }
    println!(
        "{} B, {chunk}-byte chunks: one-shot {t1:.1} ms, stream {t2:.1} ms, stream = {:.2}x one-shot",
        text.len(),
        if t2 > 0.0 { t1 / t2 } else { 0.0 }
    );
    if mode != "oneshot" {
        println!(
            "held back after a push: mean {mean_lag:.0} B, largest {lag} B"
        );
    }
}
