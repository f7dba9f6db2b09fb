//! Native screen_prompt throughput on chat-like text (prints MB/s):
//! `cargo run --release --example throughput`.
use std::time::Instant;
fn main() {
    let f = promptfence::Filter::new(promptfence::Policy::default()).unwrap();
    let prose = "Could you help me rewrite this paragraph so it sounds more \
        friendly? We are planning the team offsite and want everyone to feel \
        welcome, including the new people who joined last month. ";
    let mixed = "Order 48213 shipped on 2024-03-05; call me at +1 415 555 0132 \
        or mail ana@example.com. Version 1.2.3, build 7781, room 4B, 12 people. ";
    for (name, unit) in [("prose", prose), ("mixed", mixed)] {
        let text = unit.repeat(1024 / unit.len() + 1);
        let mut s = promptfence::PromptFilter::new(&f);
        let _ = s.screen_prompt(&text);
        let t = Instant::now();
        let n = 300;
        for _ in 0..n {
            let _ = s.screen_prompt(&text);
        }
        let secs = t.elapsed().as_secs_f64();
        let t2 = Instant::now();
        for _ in 0..n {
            let _ = promptfence::__private::candidates(&f, &text, false);
        }
        println!(
            "  candidates only: {:.3} ms",
            t2.elapsed().as_secs_f64() * 1000.0 / n as f64
        );
        println!(
            "{}: {:.1} MB/s, {:.3} ms per {} B",
            name,
            (text.len() * n) as f64 / 1e6 / secs,
            secs * 1000.0 / n as f64,
            text.len()
        );
    }
}

#[allow(dead_code)]
fn stages() {}
