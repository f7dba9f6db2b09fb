//! Trains the injection classifier (logistic regression over the engine's
//! own featurizer, so train and serve cannot drift) and evaluates it.
//!
//! ```text
//! cargo run --release --example train_injection -- --cv 5     # cross-validated figures
//! cargo run --release --example train_injection -- --write    # retrain, write src/inject/model.{rs,bin}
//! cargo run --release --example train_injection -- --eval     # figures of the shipped model
//! ```
//! Data: `corpus/dev/injection_dev.jsonl` under `$PF_SHARED` (default
//! `../shared`), or `--data FILE`; read at training time, never copied.
//! Deterministic (fixed seeds). Lives in `tools/`, built as a Cargo
//! example (see Cargo.toml).

use std::fmt::Write as _;
use std::io::Write as _;

use promptfence::__private as p;

struct Item {
    label: bool,
    source: String,
    trigger: bool,
    hashed: Vec<(usize, f32)>,
    dense: Vec<f32>,
    floor: f32,
}

struct Model {
    w: Vec<f32>,
    d: Vec<f32>,
    b: f32,
}

/// Target benign false-positive rate at the operating point (risk 0.5).
const TARGET_FPR: f64 = 0.018;
const EPOCHS: usize = 25;
const L2: f32 = 1e-6;
const LR: f32 = 0.2;
const DENSE_LR: f32 = 1.0;

fn env_f(name: &str, d: f32) -> f32 {
    std::env::var(name).ok().and_then(|b| b.parse().ok()).unwrap_or(d)
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

fn bits() -> u32 {
    std::env::var("INJECT_BITS").ok().and_then(|b| b.parse().ok()).unwrap_or(0)
}

fn load(path: &str) -> Vec<Item> {
    let data = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("read {path}: {e}"));
    let mut items = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let text = v["text"].as_str().unwrap_or("");
        let label = v["label"].as_str().unwrap_or("benign") != "benign";
        let trigger = v["tags"]
            .as_array()
            .is_some_and(|t| t.iter().any(|x| x == "trigger_words"));
        let (codes, dense, floor) = p::inject_features(text);
        let ow = if codes.is_empty() {
            0.0
        } else {
            1.0 / (codes.len() as f32).sqrt()
        };
        let hashed = codes
            .into_iter()
            .map(|c| {
                let (mut b, s) = p::inject_bucket(c);
                if bits() > 0 {
                    b = (c >> (32 - bits())) as usize; // experiments only
                }
                (b, s * ow)
            })
            .collect();
        items.push(Item {
            label,
            source: v["source"].as_str().unwrap_or("?").to_string(),
            trigger,
            hashed,
            dense,
            floor,
        });
    }
    items
}

fn logit(m: &Model, it: &Item) -> f32 {
    let mut z = m.b;
    for &(b, v) in &it.hashed {
        z += m.w[b] * v;
    }
    for (x, d) in it.dense.iter().zip(&m.d) {
        z += x * d;
    }
    z
}

fn train(items: &[&Item], seed: u64) -> Model {
    let (mut nb, nd) = p::INJECT_DIMS;
    if bits() > 0 {
        nb = 1 << bits();
    }
    let mut m = Model { w: vec![0.0; nb], d: vec![0.0; nd], b: 0.0 };
    let mut gw = vec![1e-8f32; nb];
    let mut gd = vec![1e-8f32; nd];
    let mut gb = 1e-8f32;
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut rng = Rng(seed | 1);
    let pos = items.iter().filter(|i| i.label).count() as f32;
    let neg = items.len() as f32 - pos;
    let (l2, lr) = (env_f("INJECT_L2", L2), env_f("INJECT_LR", LR));
    let dlr = env_f("INJECT_DLR", DENSE_LR);
    for _ in 0..env_f("INJECT_EPOCHS", EPOCHS as f32) as usize {
        rng.shuffle(&mut order);
        for &k in &order {
            let it = items[k];
            let y = if it.label { 1.0 } else { 0.0 };
            // Balance classes.
            let cw = if it.label {
                items.len() as f32 / (2.0 * pos)
            } else {
                items.len() as f32 / (2.0 * neg)
            };
            let z = logit(&m, it);
            let pr = 1.0 / (1.0 + (-z).exp());
            let g = (pr - y) * cw;
            for &(b, v) in &it.hashed {
                let gg = g * v + l2 * m.w[b];
                gw[b] += gg * gg;
                m.w[b] -= lr * gg / gw[b].sqrt();
            }
            for (j, x) in it.dense.iter().enumerate() {
                let gg = g * x;
                gd[j] += gg * gg;
                m.d[j] -= dlr * gg / gd[j].sqrt();
            }
            gb += g * g;
            m.b -= lr * g / gb.sqrt();
        }
    }
    m
}

/// Quantizes hashed weights to 4 bits (-8..=7; scale from the 99.5th
/// percentile of |w|), as the shipped model stores them.
fn quantize(m: &mut Model) -> (f32, Vec<i8>) {
    let mut a: Vec<f32> = m.w.iter().map(|w| w.abs()).collect();
    a.sort_by(|x, y| x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal));
    let p = a[(a.len() * 995 / 1000).min(a.len() - 1)];
    let scale = if p > 0.0 { p / 7.0 } else { 0.0 };
    let q: Vec<i8> =
        m.w.iter()
            .map(|&w| {
                if scale > 0.0 {
                    (w / scale).round().clamp(-8.0, 7.0) as i8
                } else {
                    0
                }
            })
            .collect();
    for (w, &qq) in m.w.iter_mut().zip(&q) {
        *w = qq as f32 * scale;
    }
    (scale, q)
}

fn risk(z: f32, floor: f32) -> f32 {
    (1.0 / (1.0 + (-z).exp())).max(floor)
}

/// Smallest shift so that benign FPR at risk >= 0.5 is <= target.
fn pick_shift(scores: &[(f32, f32, bool)]) -> f32 {
    let n = scores.iter().filter(|s| !s.2).count() as f64;
    let floor_fp = scores.iter().filter(|s| !s.2 && s.1 >= 0.5).count() as f64;
    let mut zs: Vec<f32> =
        scores.iter().filter(|s| !s.2 && s.1 < 0.5).map(|s| s.0).collect();
    zs.sort_by(|a, b| b.partial_cmp(a).unwrap_or(std::cmp::Ordering::Equal));
    let allowed = ((TARGET_FPR * n) - floor_fp).floor().max(0.0) as usize;
    // Benign with z + shift >= 0 must be at most `allowed`.
    match zs.get(allowed) {
        Some(&z) => -z - 1e-4,
        None => 0.0,
    }
}

struct Figures {
    tpr: f64,
    fpr: f64,
    trig_fpr: f64,
    auc: f64,
}

fn figures(items: &[&Item], risks: &[f32], thr: f32) -> Figures {
    let (mut tp, mut p, mut fp, mut n, mut tfp, mut tn) = (0, 0, 0, 0, 0, 0);
    for (it, &r) in items.iter().zip(risks) {
        let d = r >= thr;
        if it.label {
            p += 1;
            tp += d as usize;
        } else {
            n += 1;
            fp += d as usize;
            if it.trigger {
                tn += 1;
                tfp += d as usize;
            }
        }
    }
    // AUC by ranks.
    let mut all: Vec<(f32, bool)> =
        items.iter().zip(risks).map(|(i, &r)| (r, i.label)).collect();
    all.sort_by(|a, b| {
        a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal)
    });
    let (mut rank_sum, mut i) = (0.0f64, 0);
    while i < all.len() {
        let mut j = i;
        while j < all.len() && all[j].0 == all[i].0 {
            j += 1;
        }
        let avg = (i + 1 + j) as f64 / 2.0;
        rank_sum += all[i..j].iter().filter(|x| x.1).count() as f64 * avg;
        i = j;
    }
    let auc = (rank_sum - (p * (p + 1)) as f64 / 2.0) / (p as f64 * n as f64);
    Figures {
        tpr: tp as f64 / p as f64,
        fpr: fp as f64 / n as f64,
        trig_fpr: tfp as f64 / tn.max(1) as f64,
        auc,
    }
}

fn per_source(items: &[&Item], risks: &[f32], thr: f32) {
    let mut srcs: Vec<&str> =
        items.iter().map(|i| i.source.as_str()).collect();
    srcs.sort();
    srcs.dedup();
    for s in srcs {
        let (mut d, mut n) = (0, 0);
        for (it, &r) in items.iter().zip(risks) {
            if it.source == s {
                n += 1;
                d += (r >= thr) as usize;
            }
        }
        println!(
            "  {s:32} {n:5}  flagged {:5.1}%",
            100.0 * d as f64 / n as f64
        );
    }
}

/// Per rule: hits on positives and on benign items (with a few benign
/// examples' matched spans, for tuning).
fn rule_report(data: &str) {
    use std::collections::BTreeMap;
    let text = std::fs::read_to_string(data).expect("read");
    let mut stats: BTreeMap<&str, (usize, usize, Vec<String>)> =
        BTreeMap::new();
    for l in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(l).expect("json");
        let t = v["text"].as_str().unwrap_or("");
        let pos = v["label"].as_str().unwrap_or("benign") != "benign";
        let mut seen = std::collections::HashSet::new();
        for (rule, _ty, span, _s) in p::inject_signals(t) {
            if !seen.insert(rule) {
                continue;
            }
            let e = stats.entry(rule).or_default();
            if pos {
                e.0 += 1;
            } else {
                e.1 += 1;
                if e.2.len() < 6 {
                    let mut a = span.start.saturating_sub(30);
                    while !t.is_char_boundary(a) {
                        a -= 1;
                    }
                    let mut b = (span.end + 30).min(t.len());
                    while !t.is_char_boundary(b) {
                        b += 1;
                    }
                    e.2.push(format!(
                        "{:?} [{}]",
                        &t[a..b],
                        v["source"].as_str().unwrap_or("")
                    ));
                }
            }
        }
    }
    for (r, (p, n, ex)) in stats {
        println!("{r:32} pos {p:5} benign {n:4}");
        for e in ex {
            println!("      {e}");
        }
    }
}

/// Exits with one line when the training data is absent (a clone
/// without `../shared`), instead of a panic backtrace.
fn require(data: &str) {
    if !std::path::Path::new(data).exists() {
        eprintln!(
            "error: {data} not found (set PF_SHARED or pass --data FILE)"
        );
        std::process::exit(1);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `$PF_SHARED` is the dir holding `corpus/` and `eval/`; the default
    // path is kept verbatim because it is written into model.rs.
    let mut data = match std::env::var("PF_SHARED") {
        Ok(dir) => format!("{dir}/corpus/dev/injection_dev.jsonl"),
        Err(_) => "../shared/corpus/dev/injection_dev.jsonl".to_string(),
    };
    let mut cv = 0usize;
    let mut write = false;
    let mut eval = false;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--data" => {
                i += 1;
                data = args[i].clone();
            }
            "--cv" => {
                i += 1;
                cv = args[i].parse().expect("--cv N");
            }
            "--write" => write = true,
            "--eval" => eval = true,
            "--rules" => {
                require(&data);
                rule_report(&data);
                return;
            }
            a => panic!("unknown argument {a}"),
        }
        i += 1;
    }
    if cv == 0 && !write && !eval {
        cv = 5;
    }
    require(&data);
    let t0 = std::time::Instant::now();
    let items = load(&data);
    eprintln!(
        "featurized {} items in {:.1}s",
        items.len(),
        t0.elapsed().as_secs_f64()
    );
    let all: Vec<&Item> = items.iter().collect();

    if eval {
        let text = std::fs::read_to_string(&data).expect("read");
        let risks: Vec<f32> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value =
                    serde_json::from_str(l).expect("json");
                p::inject_risk(v["text"].as_str().unwrap_or(""))
            })
            .collect();
        let f = figures(&all, &risks, 0.5);
        println!(
            "shipped model on {data} (in-sample), decision = risk >= 0.5:"
        );
        println!(
            "  TPR {:.4}  FPR {:.4}  trigger-word FPR {:.4}  AUC {:.4}",
            f.tpr, f.fpr, f.trig_fpr, f.auc
        );
        per_source(&all, &risks, 0.5);
    }

    let mut shift = 0.0f32;
    if cv > 0 {
        // Stratified folds: per source, shuffled, round robin.
        let mut fold = vec![0usize; items.len()];
        let mut rng = Rng(0x5eed_1234_abcd);
        let mut srcs: Vec<&str> =
            items.iter().map(|i| i.source.as_str()).collect();
        srcs.sort();
        srcs.dedup();
        for s in srcs {
            let mut idx: Vec<usize> =
                (0..items.len()).filter(|&k| items[k].source == s).collect();
            rng.shuffle(&mut idx);
            for (j, k) in idx.into_iter().enumerate() {
                fold[k] = j % cv;
            }
        }
        let mut oof = vec![(0.0f32, 0.0f32, false); items.len()];
        for f in 0..cv {
            let tr: Vec<&Item> = (0..items.len())
                .filter(|&k| fold[k] != f)
                .map(|k| &items[k])
                .collect();
            let mut m = train(&tr, 42 + f as u64);
            quantize(&mut m);
            for k in (0..items.len()).filter(|&k| fold[k] == f) {
                oof[k] =
                    (logit(&m, &items[k]), items[k].floor, items[k].label);
            }
        }
        shift = pick_shift(&oof);
        let risks: Vec<f32> =
            oof.iter().map(|&(z, fl, _)| risk(z + shift, fl)).collect();
        let f = figures(&all, &risks, 0.5);
        println!("{cv}-fold CV on {data} (out-of-fold), intercept shift {shift:.3} chosen on OOF for FPR <= {TARGET_FPR}:");
        println!(
            "  TPR {:.4}  FPR {:.4}  trigger-word FPR {:.4}  AUC {:.4}",
            f.tpr, f.fpr, f.trig_fpr, f.auc
        );
        // Honest variant: each fold's shift chosen on the other folds' OOF.
        let mut risks2 = vec![0.0f32; items.len()];
        for f in 0..cv {
            let others: Vec<(f32, f32, bool)> = (0..items.len())
                .filter(|&k| fold[k] != f)
                .map(|k| oof[k])
                .collect();
            let s = pick_shift(&others);
            for k in (0..items.len()).filter(|&k| fold[k] == f) {
                risks2[k] = risk(oof[k].0 + s, oof[k].1);
            }
        }
        let f2 = figures(&all, &risks2, 0.5);
        println!("  (shift chosen on the other folds only) TPR {:.4}  FPR {:.4}  trigger-word FPR {:.4}", f2.tpr, f2.fpr, f2.trig_fpr);
        let rules_only: Vec<f32> = items.iter().map(|i| i.floor).collect();
        let fr = figures(&all, &rules_only, 0.5);
        println!("  rules alone (floor >= 0.5): TPR {:.4}  FPR {:.4}  trigger-word FPR {:.4}", fr.tpr, fr.fpr, fr.trig_fpr);
        per_source(&all, &risks, 0.5);
    }

    if write {
        let mut m = train(&all, 7);
        let (scale, q) = quantize(&mut m);
        let bias = m.b + shift;
        let bin: Vec<u8> = q
            .chunks(2)
            .map(|p| (p[0] as u8 & 0x0F) | ((p[1] as u8 & 0x0F) << 4))
            .collect();
        std::fs::write("src/inject/model.bin", &bin).expect("write model.bin");
        let nz = q.iter().filter(|&&x| x != 0).count();
        let mut s = String::new();
        s.push_str(
            "// @generated by tools/train_injection.rs -- do not edit.\n",
        );
        s.push_str("// Regenerate with: cargo run --release --example train_injection -- --cv 5 --write\n");
        let _ = writeln!(s, "//! Injection classifier weights: {} hashed 4-bit weights ({} non-zero) in", q.len(), nz);
        let _ = writeln!(s, "//! `model.bin`, {} dense weights, intercept shifted by {:.4} (from", m.d.len(), shift);
        let _ = writeln!(
            s,
            "//! cross-validation) so that risk 0.5 is the operating point."
        );
        let _ =
            writeln!(s, "//! Trained on {} items of {}.\n", items.len(), data);
        let _ = writeln!(
            s,
            "/// Multiply a 4-bit weight by this to get the float weight."
        );
        let _ = writeln!(s, "pub(crate) const SCALE: f32 = {scale:e};");
        let _ = writeln!(
            s,
            "/// Intercept (already shifted to the operating point)."
        );
        let _ = writeln!(s, "pub(crate) const BIAS: f32 = {bias:e};");
        let _ = writeln!(s, "/// Dense feature weights.");
        let _ = write!(
            s,
            "pub(crate) const DENSE: [f32; super::features::N_DENSE] = ["
        );
        for (j, d) in m.d.iter().enumerate() {
            let _ = write!(s, "{}{d:e}", if j > 0 { ", " } else { "" });
        }
        s.push_str("];\n");
        s.push_str("/// Hashed feature weights, 4-bit two's complement, two per byte (low nibble first).\n");
        s.push_str("pub(crate) static WEIGHTS: &[u8; super::features::BUCKETS / 2] = include_bytes!(\"model.bin\");\n");
        std::fs::File::create("src/inject/model.rs")
            .and_then(|mut f| f.write_all(s.as_bytes()))
            .expect("write model.rs");
        println!("wrote src/inject/model.rs and model.bin ({} bytes, {} non-zero), bias {bias:.4}", bin.len(), nz);
    }
}
