//! Time of `screen_prompt` and `screen_response` on 1 MB of each hostile
//! input class (not a test): `cargo run --release --example pathological
//! [bytes] [class]`. Prints ms per class; `N` repeats (fastest kept);
//! `SIDE=prompt` (or `response`) screens one side only, so a callgrind
//! count of the process is that side's plus building the filter.
//! Every class must stay linear with a small constant (issue 16: ≤ 50 ms per
//! 1 MB in Node); `tests/pathological.rs` checks linearity by work, not time.
#[path = "pathological_inputs.rs"]
mod pathological_inputs;
use promptfence::{Filter, Policy, PromptFilter};
use std::time::Instant;

fn main() {
    let size: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1 << 20);
    let only = std::env::args().nth(2);
    let n: usize =
        std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(1);
    let side = std::env::var("SIDE").unwrap_or_default();
    let (prompt, response) = (side != "response", side != "prompt");
    let filter = Filter::new(Policy::default()).unwrap();
    for &name in pathological_inputs::CLASSES {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        // Only the classes asked for: generating all 20 was a fixed part
        // of every callgrind count of one class.
        let text = pathological_inputs::class(name, size);
        let mut best = [f64::MAX; 2];
        for _ in 0..n {
            let mut chat = PromptFilter::new(&filter);
            if prompt {
                let t = Instant::now();
                let r = chat.screen_prompt(&text);
                best[0] = best[0].min(t.elapsed().as_secs_f64() * 1e3);
                std::hint::black_box(r);
            }
            if response {
                let t = Instant::now();
                let r = chat.screen_response(&text);
                best[1] = best[1].min(t.elapsed().as_secs_f64() * 1e3);
                std::hint::black_box(r);
            }
        }
        println!(
            "{name:<12} {:>8} B  prompt {:>9.1} ms  response {:>9.1} ms",
            text.len(),
            best[0],
            best[1]
        );
    }
}
