//! Per-stage timings of the injection analysis on 2 KB of prose: a
//! measuring aid, not a test (run with `cargo test --release --lib
//! inject::timing -- --nocapture --ignored`).

/// Prints per-stage timings.
#[cfg(test)]
#[test]
#[ignore]
fn stages() {
    let para = "Our team is preparing the quarterly report and needs a short summary of the main findings. Revenue grew in every region, customer churn fell. ";
    let mut t = String::new();
    while t.len() < 2048 {
        t.push_str(para);
    }
    let n = 2000;
    let time = |name: &str, f: &dyn Fn()| {
        let s = std::time::Instant::now();
        for _ in 0..n {
            f();
        }
        println!(
            "{name:12} {:8.1} us",
            s.elapsed().as_secs_f64() * 1e6 / n as f64
        );
    };
    let norm = crate::normalize::normalize(&t);
    time("normalize", &|| {
        std::hint::black_box(crate::normalize::normalize(&t));
    });
    time("squashed", &|| {
        std::hint::black_box(norm.squashed());
    });
    time("rule_hits", &|| {
        std::hint::black_box(super::rule_hits(&norm));
    });
    time("payloads", &|| {
        std::hint::black_box(super::payloads(&t, &norm.text));
    });
    time("hashed", &|| {
        let (mut v, mut c, mut e) = (Vec::new(), Vec::new(), Vec::new());
        super::features::hashed(
            &norm.text,
            super::features::shape(&norm.text),
            &mut v,
            &mut c,
            &mut e,
        );
        std::hint::black_box((v, c, e));
    });
    time("assess", &|| {
        std::hint::black_box(super::assess(&t));
    });
}
