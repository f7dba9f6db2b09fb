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

#[path = "injection_gen.rs"]
mod gen;

struct Item {
    label: bool,
    source: String,
    /// The source with its split and label suffixes removed
    /// (`bipia_train_code_injected` -> `bipia_code`): a held-out source
    /// takes its clean/injected twin and its other split with it.
    group: String,
    /// May train what ships (`train_ok: true`, or generated here).
    train_ok: bool,
    trigger: bool,
    hashed: Vec<(usize, f32)>,
    /// The hashed features of each segment (line, sentence): the logit
    /// takes the highest of the whole text's and the segments' sums.
    segs: Vec<Vec<(usize, f32)>>,
    dense: Vec<f32>,
    /// The hidden layer's input (`INJECT_HIDDEN`): embedding rows and
    /// values (the whole text's codes, or with `INJECT_HIDDEN_ON=dense`
    /// the dense features).
    hin: Vec<(usize, f32)>,
    floor: f32,
    /// The text (`--write-large` checks the file against the trainer).
    text: String,
}

struct Model {
    w: Vec<f32>,
    d: Vec<f32>,
    b: f32,
    /// INJECT_HIDDEN=D: an embedding bag over the whole text's codes
    /// (`2^INJECT_EBITS` rows of `D`, a code's row its bucket's top
    /// bits), ReLU, and output weights `u` added to the logit (with
    /// hidden biases `c`). Empty without it.
    e: Vec<f32>,
    u: Vec<f32>,
    c: Vec<f32>,
    /// The embedding's int8 scale once quantized.
    escale: f32,
}

/// Hidden units of the embedding bag (0: none, the linear model).
fn hid_dim() -> usize {
    env_f("INJECT_HIDDEN", 0.0) as usize
}

/// Embedding rows: `2^ebits` (at most the bucket bits).
fn ebits() -> u32 {
    let b = if bits() > 0 { bits() } else { 14 };
    (env_f("INJECT_EBITS", 16.0) as u32).min(b)
}

/// INJECT_HIDDEN_ON=dense: the hidden layer reads the dense features
/// (a small MLP over them) instead of the codes.
fn hidden_on_dense() -> bool {
    std::env::var("INJECT_HIDDEN_ON").is_ok_and(|v| v == "dense")
}

/// Rows of the hidden layer's input.
fn hid_rows() -> usize {
    if hidden_on_dense() {
        p::INJECT_DIMS.1
    } else {
        1 << ebits()
    }
}

/// A bucket's embedding row.
fn erow(b: usize) -> usize {
    let b_bits = if bits() > 0 { bits() } else { 14 };
    b >> (b_bits - ebits())
}

/// The hidden pre-activations of one bag.
fn hidden_pre(m: &Model, bag: &[(usize, f32)]) -> Vec<f32> {
    let dim = m.u.len();
    let mut a = m.c.clone();
    for &(row, v) in bag {
        let r = row * dim;
        for (x, e) in a.iter_mut().zip(&m.e[r..r + dim]) {
            *x += v * e;
        }
    }
    a
}

/// The hidden layer's part of the logit.
fn hidden_z(m: &Model, a: &[f32]) -> f32 {
    a.iter().zip(&m.u).map(|(&x, u)| x.max(0.0) * u).sum()
}

/// Target benign false-positive rate of k-fold out-of-fold scores at the
/// operating point (risk 0.5), when no LOSO run chooses it.
const TARGET_FPR: f64 = 0.018;
/// Held-out benign FPR of the LOSO scores at the operating point.
const LOSO_FPR: f64 = 0.02;
const EPOCHS: usize = 25;
const L2: f32 = 1e-6;
const LR: f32 = 0.2;
const DENSE_LR: f32 = 1.0;

fn env_f(name: &str, d: f32) -> f32 {
    std::env::var(name).ok().and_then(|b| b.parse().ok()).unwrap_or(d)
}

use gen::Rng;

fn bits() -> u32 {
    std::env::var("INJECT_BITS").ok().and_then(|b| b.parse().ok()).unwrap_or(0)
}

fn wide() -> bool {
    bits() > 0 && env_f("INJECT_WIDE", 0.0) > 0.0
}

/// `bipia_train_code_injected` -> `bipia_code`.
fn group_of(source: &str) -> String {
    let mut g = source.replace("_train_", "_");
    for suffix in
        ["_clean", "_injected", "_benign", "_injection", "_jailbreak"]
    {
        if let Some(s) = g.strip_suffix(suffix) {
            g = s.to_string();
            break;
        }
    }
    g
}

fn load(path: &str) -> Vec<Item> {
    let data = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("read {path}: {e}"));
    let mut items = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        items.push(item(&v));
    }
    items
}

fn item(v: &serde_json::Value) -> Item {
    {
        let text = v["text"].as_str().unwrap_or("");
        let label = v["label"].as_str().unwrap_or("benign") != "benign";
        let trigger = v["tags"]
            .as_array()
            .is_some_and(|t| t.iter().any(|x| x == "trigger_words"));
        // INJECT_WIDE=1 (with INJECT_BITS): the large model's own pass,
        // deduplicated by its own buckets, with byte 3- and 5-grams
        // (`features::wide` in `src/inject/features.rs`); what `--write-large` ships.
        let (codes, segs, mut dense, floor) = if wide() {
            p::inject_features_wide(text, bits())
        } else {
            p::inject_features_segments(text)
        };
        // INJECT_ZERO=i,j: dense features i and j left out (ablations).
        if let Ok(z) = std::env::var("INJECT_ZERO") {
            for k in z.split(',').filter_map(|k| k.parse::<usize>().ok()) {
                if let Some(d) = dense.get_mut(k) {
                    *d = 0.0;
                }
            }
        }
        let bag = |codes: Vec<u32>| -> Vec<(usize, f32)> {
            let ow = if codes.is_empty() {
                0.0
            } else {
                1.0 / (codes.len() as f32).sqrt()
            };
            codes
                .into_iter()
                .map(|c| {
                    let (mut b, s) = p::inject_bucket(c);
                    if bits() > 0 {
                        b = (c >> (32 - bits())) as usize; // experiments only
                    }
                    (b, s * ow)
                })
                .collect()
        };
        let hashed = bag(codes);
        let hin = if hid_dim() == 0 {
            Vec::new()
        } else if hidden_on_dense() {
            dense.iter().copied().enumerate().collect()
        } else {
            hashed.iter().map(|&(b, v)| (erow(b), v)).collect()
        };
        // INJECT_SEG=0: the whole text only (the model before segments).
        let segs = if env_f("INJECT_SEG", 1.0) > 0.0 {
            segs.into_iter().map(bag).collect()
        } else {
            Vec::new()
        };
        let source = v["source"].as_str().unwrap_or("?").to_string();
        Item {
            label,
            group: group_of(&source),
            source,
            train_ok: v["train_ok"].as_bool() == Some(true),
            trigger,
            hashed,
            segs,
            dense,
            hin,
            floor,
            text: text.to_string(),
        }
    }
}

/// The bag (whole text, or a segment) with the highest hashed sum, and
/// that sum.
fn best_bag<'a>(m: &Model, it: &'a Item) -> (&'a [(usize, f32)], f32) {
    let sum = |bag: &[(usize, f32)]| -> f32 {
        bag.iter().map(|&(b, v)| m.w[b] * v).sum()
    };
    let mut best = (&it.hashed[..], sum(&it.hashed));
    for s in &it.segs {
        let z = sum(s);
        if z > best.1 {
            best = (&s[..], z);
        }
    }
    best
}

fn logit(m: &Model, it: &Item) -> f32 {
    let mut z = m.b + best_bag(m, it).1;
    if !m.u.is_empty() {
        z += hidden_z(m, &hidden_pre(m, &it.hin));
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
    let dim = hid_dim();
    let ne = if dim > 0 { hid_rows() * dim } else { 0 };
    let mut init = Rng(0x9e37_79b9_7f4a_7c15 ^ seed);
    let mut uni = |a: f32| -> f32 {
        ((init.next() >> 11) as f32 / (1u64 << 53) as f32 * 2.0 - 1.0) * a
    };
    let e0 = env_f("INJECT_EINIT", 0.1);
    let mut m = Model {
        w: vec![0.0; nb],
        d: vec![0.0; nd],
        b: 0.0,
        e: (0..ne).map(|_| uni(e0)).collect(),
        u: (0..dim).map(|_| uni(0.1)).collect(),
        c: vec![0.0; dim],
        escale: 0.0,
    };
    let elr = env_f("INJECT_ELR", 0.05);
    let mut ge = vec![1e-8f32; ne / dim.max(1)];
    let mut gu = vec![1e-8f32; dim];
    let mut gc = vec![1e-8f32; dim];
    let mut gw = vec![1e-8f32; nb];
    let mut gd = vec![1e-8f32; nd];
    let mut gb = 1e-8f32;
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut rng = Rng(seed | 1);
    // INJECT_SRCW=1: each source weighs by the square root of its size,
    // not its size, so a few large sources do not set the style the model
    // learns. Off by default: it did not move the LOSO figures (macro TPR
    // 0.230 with it, 0.234 without, at held-out benign FPR 2%).
    let mut per_source: std::collections::HashMap<&str, f32> =
        std::collections::HashMap::new();
    for it in items {
        *per_source.entry(it.source.as_str()).or_default() += 1.0;
    }
    // INJECT_GROUPW=eq: every source group (a source with its twins,
    // generated families included) weighs the same in the loss, each item
    // 1/(its group's size); `eq:M` the same with sizes under M taken as
    // M; INJECT_GROUPW=C (a number): a group weighs at most C items'
    // worth, each item min(1, C/size).
    let mut per_group: std::collections::HashMap<&str, f32> =
        std::collections::HashMap::new();
    for it in items {
        *per_group.entry(it.group.as_str()).or_default() += 1.0;
    }
    let groupw = std::env::var("INJECT_GROUPW").unwrap_or_default();
    let sw: Vec<f32> = if env_f("INJECT_SRCW", 0.0) > 0.0 {
        items
            .iter()
            .map(|it| 1.0 / per_source[it.source.as_str()].sqrt())
            .collect()
    } else if let Some(m) = groupw.strip_prefix("eq") {
        // `eq:M`: a group smaller than M items weighs as M would, so a
        // two-item source is not made worth hundreds of items.
        let m: f32 = m.trim_start_matches(':').parse().unwrap_or(1.0);
        items
            .iter()
            .map(|it| 1.0 / per_group[it.group.as_str()].max(m))
            .collect()
    } else if let Ok(cap) = groupw.parse::<f32>() {
        items
            .iter()
            .map(|it| (cap / per_group[it.group.as_str()]).min(1.0))
            .collect()
    } else {
        vec![1.0; items.len()]
    };
    let pos: f32 =
        items.iter().zip(&sw).filter(|(i, _)| i.label).map(|(_, w)| w).sum();
    let neg: f32 = sw.iter().sum::<f32>() - pos;
    let total = pos + neg;
    let (l2, lr) = (env_f("INJECT_L2", L2), env_f("INJECT_LR", LR));
    let dlr = env_f("INJECT_DLR", DENSE_LR);
    let epochs = env_f("INJECT_EPOCHS", EPOCHS as f32) as usize;
    // INJECT_AVG=1: the model is the mean of the weights at the end of
    // each epoch of the second half (averaged SGD).
    let avg_from =
        if env_f("INJECT_AVG", 0.0) > 0.0 { epochs / 2 } else { epochs };
    let mut sum = Model {
        w: vec![0.0; nb],
        d: vec![0.0; nd],
        b: 0.0,
        e: Vec::new(),
        u: Vec::new(),
        c: Vec::new(),
        escale: 0.0,
    };
    let mut summed = 0usize;
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let it = items[k];
            let y = if it.label { 1.0 } else { 0.0 };
            // Balance classes.
            // Mean weight 1, so the learning rate keeps its meaning.
            let cw = sw[k] * items.len() as f32 / total
                * if it.label {
                    total / (2.0 * pos)
                } else {
                    total / (2.0 * neg)
                };
            let (bag, hz) = best_bag(&m, it);
            let a = if dim > 0 { hidden_pre(&m, &it.hin) } else { Vec::new() };
            let z = m.b
                + hz
                + hidden_z(&m, &a)
                + it.dense.iter().zip(&m.d).map(|(x, d)| x * d).sum::<f32>();
            let pr = 1.0 / (1.0 + (-z).exp());
            let g = (pr - y) * cw;
            if dim > 0 {
                // Back through the ReLU: the active units' gradient.
                let gh: Vec<f32> = a
                    .iter()
                    .zip(&m.u)
                    .map(|(&x, &u)| if x > 0.0 { g * u } else { 0.0 })
                    .collect();
                for (j, &x) in a.iter().enumerate() {
                    let gg = g * x.max(0.0);
                    gu[j] += gg * gg;
                    m.u[j] -= elr * gg / gu[j].sqrt();
                    gc[j] += gh[j] * gh[j];
                    m.c[j] -= elr * gh[j] / gc[j].sqrt();
                }
                // Row-wise Adagrad (one accumulator a row: a square
                // root a code, not a unit).
                let gh2: f32 =
                    gh.iter().map(|x| x * x).sum::<f32>() / dim as f32;
                for &(row, v) in &it.hin {
                    let r = row * dim;
                    ge[row] += gh2 * v * v;
                    let step = elr * v / ge[row].sqrt();
                    for (e, &g) in m.e[r..r + dim].iter_mut().zip(&gh) {
                        *e -= step * g;
                    }
                }
            }
            for &(b, v) in bag {
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
        if epoch >= avg_from {
            summed += 1;
            sum.w.iter_mut().zip(&m.w).for_each(|(s, w)| *s += w);
            sum.d.iter_mut().zip(&m.d).for_each(|(s, d)| *s += d);
            sum.b += m.b;
        }
    }
    if summed > 0 {
        let k = summed as f32;
        sum.w.iter_mut().for_each(|w| *w /= k);
        sum.d.iter_mut().for_each(|d| *d /= k);
        sum.b /= k;
        sum.e = m.e;
        sum.u = m.u;
        sum.c = m.c;
        return sum;
    }
    m
}

/// Quantizes hashed weights to 4 bits (-8..=7; scale from the 99.5th
/// percentile of |w|), as the shipped model stores them.
fn quantize(m: &mut Model) -> (f32, Vec<i8>) {
    // INJECT_QNZ=1: the percentile of the non-zero weights (a large
    // bucket space is mostly untouched buckets; experiments).
    let nz_only = env_f("INJECT_QNZ", 0.0) > 0.0;
    let mut a: Vec<f32> =
        m.w.iter().map(|w| w.abs()).filter(|&w| !nz_only || w > 0.0).collect();
    if a.is_empty() {
        a.push(0.0);
    }
    a.sort_by(|x, y| x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal));
    let p = a[(a.len() * 995 / 1000).min(a.len() - 1)];
    // INJECT_QMAX=N: levels -N-1..=N (experiments; the shipped format is 7).
    let qmax = env_f("INJECT_QMAX", 7.0);
    let scale = if p > 0.0 { p / qmax } else { 0.0 };
    let q: Vec<i8> =
        m.w.iter()
            .map(|&w| {
                if scale > 0.0 {
                    (w / scale).round().clamp(-qmax - 1.0, qmax) as i8
                } else {
                    0
                }
            })
            .collect();
    for (w, &qq) in m.w.iter_mut().zip(&q) {
        *w = qq as f32 * scale;
    }
    // The embedding: int8, scale from the largest |e|.
    let emax = m.e.iter().fold(0.0f32, |a, e| a.max(e.abs()));
    m.escale = emax / 127.0;
    if m.escale > 0.0 {
        let s = m.escale;
        m.e.iter_mut().for_each(|e| *e = (*e / s).round() * s);
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

/// Out-of-fold `(logit, floor, label)` of `items` by stratified k-fold
/// (per source, shuffled, round robin).
fn kfold(items: &[&Item], cv: usize) -> Vec<(f32, f32, bool)> {
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
            .map(|k| items[k])
            .collect();
        let mut m = train(&tr, 42 + f as u64);
        quantize(&mut m);
        for k in (0..items.len()).filter(|&k| fold[k] == f) {
            oof[k] = (logit(&m, items[k]), items[k].floor, items[k].label);
        }
    }
    oof
}

/// Leave-one-group-out logits for every item: an item of group `g` is
/// scored by a model trained on the `train_ok` items of every other
/// group. Items never trainable are held out by the full model.
fn loso(items: &[Item]) -> Vec<(f32, f32, bool)> {
    let mut groups: Vec<&str> =
        items.iter().map(|i| i.group.as_str()).collect();
    groups.sort();
    groups.dedup();
    let trainable: Vec<&Item> = items.iter().filter(|i| i.train_ok).collect();
    let t0 = std::time::Instant::now();
    let mut full = train(&trainable, 7);
    quantize(&mut full);
    eprintln!("full model trained in {:.1}s", t0.elapsed().as_secs_f64());
    let mut out: Vec<(f32, f32, bool)> = items
        .iter()
        .map(|it| (logit(&full, it), it.floor, it.label))
        .collect();
    for g in groups {
        if !items.iter().any(|i| i.train_ok && i.group == g)
            || g.starts_with("gen_")
        {
            // The full model never saw it, or it is generated (never
            // scored: its in-sample scores stay out of every figure).
            continue;
        }
        let tr: Vec<&Item> =
            trainable.iter().copied().filter(|i| i.group != g).collect();
        let mut m = train(&tr, 7);
        quantize(&mut m);
        for (k, it) in items.iter().enumerate().filter(|(_, i)| i.group == g) {
            out[k] = (logit(&m, it), it.floor, it.label);
        }
        eprint!(".");
    }
    eprintln!();
    out
}

/// Held-out `(logit, floor, label)` of every item from an `INJECT_DUMP`
/// file (written at the operating point `shift`), checked against the
/// items (the same sources and labels, in the same order).
fn held_from(path: &str, items: &[Item], shift: f32) -> Vec<(f32, f32, bool)> {
    let text = std::fs::read_to_string(path).expect("read INJECT_HELD");
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), items.len(), "INJECT_HELD is of another item set");
    rows.iter()
        .zip(items)
        .map(|(row, it)| {
            let c: Vec<&str> = row.split('\t').collect();
            assert!(c[0] == it.source && (c[1] == "1") == it.label, "{row}");
            let z: f32 = c[3].parse().expect("logit");
            (z - shift, it.floor, it.label)
        })
        .collect()
}

/// Per source: items, trainable, flagged share; then the macro TPR over
/// sources with positives, the lowest one, and the overall benign FPR.
fn loso_table(
    items: &[Item],
    risks: &[f32],
    kfold_risks: &[f32],
    thr: f32,
) -> (f64, f64, f64) {
    let srcs = scored_sources(items);
    println!("| source | group | train_ok | items | label | flagged (LOSO) | flagged (5-fold, all items) |");
    println!("|---|---|---|---|---|---|---|");
    let (mut tprs, mut fp, mut neg) = (Vec::new(), 0usize, 0usize);
    for s in srcs {
        let idx: Vec<usize> =
            (0..items.len()).filter(|&k| items[k].source == s).collect();
        let pos = idx.iter().filter(|&&k| items[k].label).count();
        let flagged = idx.iter().filter(|&&k| risks[k] >= thr).count();
        let share = flagged as f64 / idx.len() as f64;
        let kshare = idx.iter().filter(|&&k| kfold_risks[k] >= thr).count()
            as f64
            / idx.len() as f64;
        let it = &items[idx[0]];
        println!(
            "| {s} | {} | {} | {} | {} | {:.3} | {:.3} |",
            it.group,
            if it.train_ok { "yes" } else { "no" },
            idx.len(),
            if pos == idx.len() {
                "attack"
            } else if pos == 0 {
                "benign"
            } else {
                "mixed"
            },
            share,
            kshare
        );
        if pos > 0 {
            let tp = idx
                .iter()
                .filter(|&&k| items[k].label && risks[k] >= thr)
                .count();
            tprs.push(tp as f64 / pos as f64);
        }
        for &k in &idx {
            if !items[k].label {
                neg += 1;
                fp += usize::from(risks[k] >= thr);
            }
        }
    }
    let macro_tpr = tprs.iter().sum::<f64>() / tprs.len().max(1) as f64;
    let min_tpr = tprs.iter().copied().fold(1.0f64, f64::min);
    (macro_tpr, min_tpr, fp as f64 / neg.max(1) as f64)
}

/// The sources the LOSO figures are over: every dev source, not the
/// generated ones (`gen_`).
fn scored_sources(items: &[Item]) -> Vec<&str> {
    let mut srcs: Vec<&str> = items
        .iter()
        .map(|i| i.source.as_str())
        .filter(|s| !s.starts_with("gen_"))
        .collect();
    srcs.sort();
    srcs.dedup();
    srcs
}

/// `loso_table`'s three figures without the table.
fn summary(items: &[Item], risks: &[f32], thr: f32) -> (f64, f64, f64) {
    let srcs = scored_sources(items);
    let (mut tprs, mut fp, mut neg) = (Vec::new(), 0usize, 0usize);
    for s in srcs {
        let (mut p, mut tp) = (0usize, 0usize);
        for (it, &r) in items.iter().zip(risks).filter(|(i, _)| i.source == s)
        {
            if it.label {
                p += 1;
                tp += usize::from(r >= thr);
            } else {
                neg += 1;
                fp += usize::from(r >= thr);
            }
        }
        if p > 0 {
            tprs.push(tp as f64 / p as f64);
        }
    }
    (
        tprs.iter().sum::<f64>() / tprs.len().max(1) as f64,
        tprs.iter().copied().fold(1.0f64, f64::min),
        fp as f64 / neg.max(1) as f64,
    )
}

/// Expected calibration error over 10 equal-width bins.
fn ece(risks: &[f32], labels: &[bool]) -> f64 {
    let mut bins = [(0.0f64, 0.0f64, 0usize); 10];
    for (&r, &y) in risks.iter().zip(labels) {
        let b = ((r * 10.0) as usize).min(9);
        bins[b].0 += r as f64;
        bins[b].1 += f64::from(u8::from(y));
        bins[b].2 += 1;
    }
    let n = risks.len().max(1) as f64;
    bins.iter().filter(|b| b.2 > 0).map(|b| (b.0 - b.1).abs() / n).sum()
}

/// A monotone map from the classifier's logit (at the operating point)
/// to a probability: knots `(z, p)`, linear between them, flat outside.
#[derive(Clone, Debug)]
struct Calib {
    z: Vec<f32>,
    p: Vec<f32>,
}

/// Most knots a shipped map has.
const KNOTS: usize = 24;

impl Calib {
    fn at(&self, z: f32) -> f32 {
        let n = self.z.len();
        if n == 0 {
            return 1.0 / (1.0 + (-z).exp());
        }
        if z <= self.z[0] {
            return self.p[0];
        }
        if z >= self.z[n - 1] {
            return self.p[n - 1];
        }
        let k = self.z.partition_point(|&x| x <= z);
        let (z0, z1, p0, p1) =
            (self.z[k - 1], self.z[k], self.p[k - 1], self.p[k]);
        if z1 > z0 {
            p0 + (p1 - p0) * (z - z0) / (z1 - z0)
        } else {
            p1
        }
    }
}

/// Isotonic regression (pool adjacent violators) of the labels on the
/// logits, attacks weighted so they make up `prior` of the weight, then
/// pooled to at most [`KNOTS`] blocks; each block is a knot at its mean
/// logit.
fn isotonic(zs: &[(f32, bool)], prior: f64) -> Calib {
    let np = zs.iter().filter(|x| x.1).count().max(1) as f64;
    let nn = (zs.len() as f64 - np).max(1.0);
    let (wp, wn) = (prior / np, (1.0 - prior) / nn);
    let mut v: Vec<(f32, bool)> = zs.to_vec();
    v.sort_by(|a, b| {
        a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal)
    });
    // Blocks: (weight, weighted label sum, weighted z sum).
    let mut blocks: Vec<(f64, f64, f64)> = Vec::new();
    for (z, y) in v {
        let w = if y { wp } else { wn };
        blocks.push((w, if y { w } else { 0.0 }, w * f64::from(z)));
        while blocks.len() >= 2 {
            let n = blocks.len();
            let (a, b) = (blocks[n - 2], blocks[n - 1]);
            if a.1 / a.0 >= b.1 / b.0 {
                blocks.pop();
                blocks[n - 2] = (a.0 + b.0, a.1 + b.1, a.2 + b.2);
            } else {
                break;
            }
        }
    }
    // Pool neighbours of least total weight until KNOTS remain (pooling
    // neighbours keeps the map monotone).
    while blocks.len() > KNOTS {
        let k = (0..blocks.len() - 1)
            .min_by(|&i, &j| {
                (blocks[i].0 + blocks[i + 1].0)
                    .partial_cmp(&(blocks[j].0 + blocks[j + 1].0))
                    .unwrap_or(std::cmp::Ordering::Equal)
            })
            .unwrap_or(0);
        let b = blocks.remove(k + 1);
        let a = &mut blocks[k];
        *a = (a.0 + b.0, a.1 + b.1, a.2 + b.2);
    }
    Calib {
        z: blocks.iter().map(|b| (b.2 / b.0) as f32).collect(),
        p: blocks.iter().map(|b| (b.1 / b.0) as f32).collect(),
    }
}

/// The prior (share of attacks) at which the isotonic map of `zs` gives
/// 0.5 at logit 0, the operating point, found by bisection.
fn pinned_prior(zs: &[(f32, bool)]) -> f64 {
    let (mut lo, mut hi) = (0.001f64, 0.999f64);
    for _ in 0..30 {
        let mid = (lo + hi) / 2.0;
        if isotonic(zs, mid).at(0.0) > 0.5 {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    (lo + hi) / 2.0
}

/// Expected calibration error over 10 equal-width bins, items weighted
/// so that attacks make up `prior` of the weight.
fn ece_at(risks: &[f32], labels: &[bool], prior: f64) -> f64 {
    let np = labels.iter().filter(|&&y| y).count().max(1) as f64;
    let nn = (labels.len() as f64 - np).max(1.0);
    let mut bins = [(0.0f64, 0.0f64, 0.0f64); 10];
    for (&r, &y) in risks.iter().zip(labels) {
        let w = if y { prior / np } else { (1.0 - prior) / nn };
        let b = ((r * 10.0) as usize).min(9);
        bins[b].0 += w * f64::from(r);
        bins[b].1 += if y { w } else { 0.0 };
        bins[b].2 += w;
    }
    bins.iter().map(|b| (b.0 - b.1).abs()).sum()
}

/// Calibration of held-out logits `zs` (at the operating point) over the
/// scored items, at attack share `prior`: ECE before, the map fitted on
/// all of them, and ECE of the map cross-fitted over source groups (5
/// folds of groups: each group's risks come from a map fitted without
/// it), with the cross-fitted risks.
fn calibration(
    items: &[Item],
    zs: &[(f32, f32)],
    prior: f64,
) -> (f64, Calib, f64, Vec<f32>) {
    let scored: Vec<usize> = (0..items.len())
        .filter(|&k| !items[k].source.starts_with("gen_"))
        .collect();
    let labels: Vec<bool> = scored.iter().map(|&k| items[k].label).collect();
    let before: Vec<f32> =
        scored.iter().map(|&k| risk(zs[k].0, zs[k].1)).collect();
    let e0 = ece_at(&before, &labels, prior);
    let all: Vec<(f32, bool)> =
        scored.iter().map(|&k| (zs[k].0, items[k].label)).collect();
    let map = isotonic(&all, prior);
    let mut groups: Vec<&str> =
        scored.iter().map(|&k| items[k].group.as_str()).collect();
    groups.sort();
    groups.dedup();
    let fold_of =
        |g: &str| groups.iter().position(|x| *x == g).unwrap_or(0) % 5;
    let mut cross = vec![0.0f32; items.len()];
    for f in 0..5 {
        let fit: Vec<(f32, bool)> = scored
            .iter()
            .filter(|&&k| fold_of(&items[k].group) != f)
            .map(|&k| (zs[k].0, items[k].label))
            .collect();
        let m = isotonic(&fit, prior);
        for &k in scored.iter().filter(|&&k| fold_of(&items[k].group) == f) {
            cross[k] = m.at(zs[k].0).max(zs[k].1);
        }
    }
    let after: Vec<f32> = scored.iter().map(|&k| cross[k]).collect();
    (e0, map, ece_at(&after, &labels, prior), cross)
}

/// Per risk decile of the scored items: items, mean risk and observed
/// attack rate, items weighted so attacks make up `prior` of the weight.
fn reliability(items: &[Item], risks: &[f32], prior: f64) {
    let scored = || {
        items.iter().zip(risks).filter(|(i, _)| !i.source.starts_with("gen_"))
    };
    let np = scored().filter(|(i, _)| i.label).count().max(1) as f64;
    let nn = (scored().count() as f64 - np).max(1.0);
    let mut bins = [(0.0f64, 0.0f64, 0.0f64, 0usize); 10];
    for (it, &r) in scored() {
        let w = if it.label { prior / np } else { (1.0 - prior) / nn };
        let b = ((r * 10.0) as usize).min(9);
        bins[b].0 += w * f64::from(r);
        bins[b].1 += if it.label { w } else { 0.0 };
        bins[b].2 += w;
        bins[b].3 += 1;
    }
    println!("| risk | items | mean risk | attack rate |\n|---|---|---|---|");
    for (j, b) in bins.iter().enumerate() {
        if b.3 > 0 {
            println!(
                "| {:.1}–{:.1} | {} | {:.3} | {:.3} |",
                j as f64 / 10.0,
                (j + 1) as f64 / 10.0,
                b.3,
                b.0 / b.2,
                b.1 / b.2
            );
        }
    }
}

/// Trains the optional large model (`INJECT_BITS` buckets) on every
/// trainable item and writes its file (`src/inject/large.rs`'s format)
/// with the LOSO operating point `shift` and calibration map `cal`; then
/// checks that the library, reading the file, gives every trainable item
/// the risk the trainer computes.
fn write_large_model(
    path: &str,
    trainable: &[&Item],
    shift: f32,
    cal: Option<&(f64, Calib)>,
) {
    let bits = bits();
    assert!(
        (15..=22).contains(&bits),
        "--write-large needs INJECT_BITS=15..22"
    );
    assert!(wide(), "--write-large needs INJECT_WIDE=1 (the library's pass)");
    assert!(
        hid_dim() == 0,
        "the file has no hidden layer (INJECT_HIDDEN is LOSO only)"
    );
    let (_, cm) = cal.expect("--write-large needs the LOSO calibration map");
    let mut m = train(trainable, 7);
    let (scale, q) = quantize(&mut m);
    let bytes = p::inject_large_encode(
        bits,
        scale,
        m.b + shift,
        &m.d,
        (&cm.z, &cm.p),
        &q,
    );
    std::fs::write(path, &bytes).expect("write the large model");
    let nz = q.iter().filter(|&&x| x != 0).count();
    let mut worst = 0.0f32;
    let large = p::InjectLarge::parse(&bytes).expect("the file parses");
    for it in trainable.iter().step_by(7) {
        let want = cm.at(logit(&m, it) + shift);
        let got = large.classifier(&it.text);
        worst = worst.max((want - got).abs());
    }
    println!(
        "wrote {path}: {} bytes, 2^{bits} buckets ({nz} non-zero), scale {scale:e}, bias {:.4}; trainer vs library risk: largest difference {worst:.2e}",
        bytes.len(),
        m.b + shift
    );
    assert!(worst < 1e-3, "the library reads the file differently");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `$PF_SHARED` is the dir holding `corpus/` and `eval/`.
    let dir =
        std::env::var("PF_SHARED").unwrap_or_else(|_| "../shared".into());
    let mut data: Vec<String> =
        ["injection_dev.jsonl", "injection_extra.jsonl"]
            .iter()
            .map(|f| format!("{dir}/corpus/dev/{f}"))
            .collect();
    let mut given = false;
    let (mut cv, mut write, mut eval, mut loso_run) =
        (0usize, false, false, false);
    let mut write_large: Option<String> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--data" => {
                i += 1;
                if !given {
                    data.clear();
                    given = true;
                }
                data.push(args[i].clone());
            }
            "--cv" => {
                i += 1;
                cv = args[i].parse().expect("--cv N");
            }
            "--write" => write = true,
            "--write-large" => {
                i += 1;
                write_large = Some(args[i].clone());
                loso_run = true;
            }
            "--eval" => eval = true,
            "--loso" => loso_run = true,
            "--rules" => {
                for d in &data {
                    require(d);
                    rule_report(d);
                }
                return;
            }
            a => panic!("unknown argument {a}"),
        }
        i += 1;
    }
    if cv == 0 && !write && !eval && !loso_run {
        cv = 5;
    }
    data.iter().for_each(|d| require(d));
    let t0 = std::time::Instant::now();
    let mut items: Vec<Item> = data.iter().flat_map(|d| load(d)).collect();
    items.extend(gen::items().iter().map(item));
    items.extend(
        gen::more_items()
            .into_iter()
            .chain(gen::long_items())
            .chain(gen::direct_requests())
            .chain(gen::doc_task_items())
            // The fourth stop's families, in the shipped model since the
            // fifth stop; INJECT_GEN2=0 leaves them out (docs/INJECTION.md).
            .chain(if env_f("INJECT_GEN2", 1.0) > 0.0 {
                gen::loso2_items()
            } else {
                Vec::new()
            })
            // The eighth stop's sensitive-topic pairs; INJECT_SENS=0
            // leaves them out.
            .chain(if env_f("INJECT_SENS", 1.0) > 0.0 {
                gen::sensitive_items()
            } else {
                Vec::new()
            })
            // The ninth stop's polite multilingual questions, not shipped
            // (docs/INJECTION.md, ninth stop); INJECT_ASK=1 adds them.
            .chain(if env_f("INJECT_ASK", 0.0) > 0.0 {
                gen::ask_items()
            } else {
                Vec::new()
            })
            .map(|v| item(&v)),
    );
    // INJECT_GEN_DUMP=FILE: write the generated items (to read them).
    if let Ok(path) = std::env::var("INJECT_GEN_DUMP") {
        let mut o = String::new();
        for v in gen::items()
            .into_iter()
            .chain(gen::more_items())
            .chain(gen::long_items())
            .chain(gen::direct_requests())
            .chain(gen::doc_task_items())
            .chain(gen::loso2_items())
            .chain(gen::sensitive_items())
            .chain(gen::ask_items())
        {
            let _ = writeln!(o, "{v}");
        }
        std::fs::write(path, o).expect("write generated items");
        return;
    }
    // INJECT_DROP=a,b: leave generated sources out (experiments).
    if let Ok(drop) = std::env::var("INJECT_DROP") {
        let drop: Vec<&str> = drop.split(',').collect();
        items.retain(|i| !drop.contains(&i.source.as_str()));
    }
    eprintln!(
        "featurized {} items ({} may train) in {:.1}s",
        items.len(),
        items.iter().filter(|i| i.train_ok).count(),
        t0.elapsed().as_secs_f64()
    );
    let all: Vec<&Item> = items.iter().collect();
    let trainable: Vec<&Item> = items.iter().filter(|i| i.train_ok).collect();

    if eval {
        let texts: Vec<String> = data
            .iter()
            .flat_map(|d| {
                std::fs::read_to_string(d)
                    .expect("read")
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| {
                        let v: serde_json::Value =
                            serde_json::from_str(l).expect("json");
                        v["text"].as_str().unwrap_or("").to_string()
                    })
                    .collect::<Vec<_>>()
            })
            .chain(
                gen::items()
                    .into_iter()
                    .chain(gen::more_items())
                    .chain(gen::long_items())
                    .chain(gen::direct_requests())
                    .chain(gen::doc_task_items())
                    .chain(if env_f("INJECT_GEN2", 1.0) > 0.0 {
                        gen::loso2_items()
                    } else {
                        Vec::new()
                    })
                    .chain(if env_f("INJECT_SENS", 1.0) > 0.0 {
                        gen::sensitive_items()
                    } else {
                        Vec::new()
                    })
                    .chain(if env_f("INJECT_ASK", 0.0) > 0.0 {
                        gen::ask_items()
                    } else {
                        Vec::new()
                    })
                    .map(|v| v["text"].as_str().unwrap_or("").to_string()),
            )
            .collect();
        let risks: Vec<f32> =
            texts.iter().map(|t| p::inject_risk(t)).collect();
        let f = figures(&all, &risks, 0.5);
        println!("shipped model on every item (trainable ones in-sample), risk >= 0.5:");
        println!(
            "  TPR {:.4}  FPR {:.4}  trigger-word FPR {:.4}  AUC {:.4}",
            f.tpr, f.fpr, f.trig_fpr, f.auc
        );
        per_source(&all, &risks, 0.5);
    }

    // The operating point: the intercept shift that keeps the benign FPR
    // of out-of-fold scores of the trainable items at TARGET_FPR.
    let mut shift = 0.0f32;
    let mut cal: Option<(f64, Calib)> = None;
    let fast = env_f("INJECT_FAST", 0.0) > 0.0;
    if cv > 0 || write || (loso_run && !fast) {
        let k = if cv > 0 { cv } else { 5 };
        let oof = kfold(&trainable, k);
        shift = pick_shift(&oof);
        let risks: Vec<f32> =
            oof.iter().map(|&(z, fl, _)| risk(z + shift, fl)).collect();
        let f = figures(&trainable, &risks, 0.5);
        println!("{k}-fold CV over the trainable items (out-of-fold), intercept shift {shift:.3} for FPR <= {TARGET_FPR}:");
        println!(
            "  TPR {:.4}  FPR {:.4}  trigger-word FPR {:.4}  AUC {:.4}",
            f.tpr, f.fpr, f.trig_fpr, f.auc
        );
        if cv > 0 {
            per_source(&trainable, &risks, 0.5);
        }
    }

    if loso_run {
        // INJECT_HELD=FILE: the held-out logits of an earlier `--loso`
        // run of the same configuration (its INJECT_DUMP), instead of
        // training the LOSO models again (~26 trainings); FILE holds them
        // at that run's operating point, so INJECT_HELD_SHIFT gives the
        // shift it printed, which is taken back out.
        let held = match std::env::var("INJECT_HELD") {
            Ok(path) => {
                held_from(&path, &items, env_f("INJECT_HELD_SHIFT", 0.0))
            }
            Err(_) => loso(&items),
        };
        let labels: Vec<bool> = items.iter().map(|i| i.label).collect();
        let at = |shift: f32| -> Vec<f32> {
            held.iter().map(|&(z, fl, _)| risk(z + shift, fl)).collect()
        };
        let (mt, mn, fpr) = summary(&items, &at(shift), 0.5);
        println!("\nleave-one-group-out at the k-fold operating point: macro TPR {mt:.3}  lowest {mn:.3}  benign FPR {fpr:.4}");
        let floors: Vec<f32> = items.iter().map(|i| i.floor).collect();
        let (mt, mn, fpr) = summary(&items, &floors, 0.5);
        println!("rules, hidden text and payloads alone (floor >= 0.5): macro TPR {mt:.3}  lowest {mn:.3}  benign FPR {fpr:.4}");
        // The shipped operating point: the intercept shift that brings the
        // held-out benign FPR to LOSO_FPR (one number chosen on held-out
        // scores; the per-source figures below are at it).
        let shift_for = |target: f64| {
            let (mut lo, mut hi) = (-20.0f32, 20.0f32);
            for _ in 0..40 {
                let mid = (lo + hi) / 2.0;
                if summary(&items, &at(mid), 0.5).2 > target {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            lo
        };
        for target in [0.05f64, 0.01] {
            let (mt, mn, fpr) = summary(&items, &at(shift_for(target)), 0.5);
            println!("at held-out benign FPR <= {target}: macro TPR {mt:.3}  lowest {mn:.3}  FPR {fpr:.4}");
        }
        shift = shift_for(LOSO_FPR);
        let risks = at(shift);
        println!("\nleave-one-group-out at held-out benign FPR <= {LOSO_FPR} (shift {shift:.3}, risk >= 0.5):\n");
        // The optimistic figure random folds give: 5-fold over every item
        // (also those that may not train what ships; this model is only
        // measured), at its own out-of-fold FPR 2%.
        let kf = if fast { held.clone() } else { kfold(&all, 5) };
        let ks = {
            let (mut lo, mut hi) = (-20.0f32, 20.0f32);
            for _ in 0..40 {
                let mid = (lo + hi) / 2.0;
                let r: Vec<f32> =
                    kf.iter().map(|&(z, fl, _)| risk(z + mid, fl)).collect();
                if summary(&items, &r, 0.5).2 > LOSO_FPR {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            lo
        };
        let krisks: Vec<f32> =
            kf.iter().map(|&(z, fl, _)| risk(z + ks, fl)).collect();
        let (kmt, kmn, kfpr) = summary(&items, &krisks, 0.5);
        let (mt, mn, fpr) = loso_table(&items, &risks, &krisks, 0.5);
        println!("\n5-fold over every item at benign FPR <= {LOSO_FPR}: macro TPR {kmt:.3}  lowest {kmn:.3}  FPR {kfpr:.4}");
        let f = figures(&all, &risks, 0.5);
        println!(
            "\nmacro TPR {mt:.3}  lowest source TPR {mn:.3}  benign FPR {fpr:.4}  AUC {:.4}  ECE (every item) {:.4}",
            f.auc,
            ece(&risks, &labels)
        );
        let zs: Vec<(f32, f32)> =
            held.iter().map(|&(z, fl, _)| (z + shift, fl)).collect();
        let scored: Vec<(f32, bool)> = items
            .iter()
            .zip(&zs)
            .filter(|(i, _)| !i.source.starts_with("gen_"))
            .map(|(i, &(z, _))| (z, i.label))
            .collect();
        let pool = scored.iter().filter(|x| x.1).count() as f64
            / scored.len().max(1) as f64;
        let (e0, m, e1, _) = calibration(&items, &zs, pool);
        println!("\ncalibration of the LOSO scores of the dev items (ECE, 10 bins, out of fold; maps cross-fitted over 5 folds of source groups)");
        println!("  at the pool's attack share {pool:.3}: ECE {e0:.4} uncalibrated, {e1:.4} isotonic (risk at the operating point {:.3})", m.at(0.0));
        let prior = pinned_prior(&scored);
        let (e0, mut m, e1, cross) = calibration(&items, &zs, prior);
        // The map crosses 0.5 within the bisection's tolerance of logit
        // 0; shift its knots so it crosses exactly there and the
        // operating point stays where the LOSO FPR put it.
        let (mut lo, mut hi) = (-5.0f32, 5.0f32);
        for _ in 0..40 {
            let mid = (lo + hi) / 2.0;
            if m.at(mid) >= 0.5 {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        m.z.iter_mut().for_each(|z| *z -= hi);
        println!("  at attack share {prior:.3} (where the operating point is risk 0.5): ECE {e0:.4} uncalibrated, {e1:.4} isotonic");
        println!(
            "  knots: {:?}",
            m.z.iter()
                .zip(&m.p)
                .map(|(z, p)| format!("{z:.2}:{p:.3}"))
                .collect::<Vec<_>>()
        );
        cal = Some((prior, m));
        println!(
            "\nuncalibrated LOSO risks, attacks weighted to share {prior:.3}:"
        );
        reliability(&items, &risks, prior);
        println!("\nisotonic map cross-fitted, the same weights:");
        reliability(&items, &cross, prior);
        if let Ok(path) = std::env::var("INJECT_DUMP") {
            let mut o = String::new();
            for (it, &(z, fl)) in items.iter().zip(&zs) {
                let _ = writeln!(
                    o,
                    "{}\t{}\t{}\t{z}\t{fl}\t{}",
                    it.source,
                    u8::from(it.label),
                    u8::from(it.train_ok),
                    it.dense
                        .iter()
                        .map(|d| format!("{d:.3}"))
                        .collect::<Vec<_>>()
                        .join(",")
                );
            }
            std::fs::write(path, o).expect("write dump");
        }
    }

    if let Some(path) = &write_large {
        write_large_model(path, &trainable, shift, cal.as_ref());
    }

    if write {
        let mut m = train(&trainable, 7);
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
        s.push_str("// Regenerate with: cargo run --release --example train_injection -- --loso --write\n");
        let _ = writeln!(s, "//! Injection classifier weights: {} hashed 4-bit weights ({} non-zero) in", q.len(), nz);
        let _ = writeln!(s, "//! `model.bin`, {} dense weights, intercept shifted by {:.4} (from", m.d.len(), shift);
        let _ = writeln!(
            s,
            "//! {}) so that risk 0.5 is the operating point.",
            if loso_run {
                "leave-one-source-out scores, benign FPR 2%"
            } else {
                "cross-validation"
            }
        );
        let _ = writeln!(
            s,
            "//! Trained on the {} `train_ok` items of the dev corpora ({}) and the\n//! generated items of `tools/injection_gen.rs`.\n",
            trainable.len(),
            data.iter()
                .map(|d| d.rsplit('/').next().unwrap_or(d))
                .collect::<Vec<_>>()
                .join(", ")
        );
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
        let (prior, cm) =
            cal.as_ref().expect("--write needs --loso (the calibration map)");
        let _ = writeln!(s, "/// Calibration: the risk of a logit is linear between these knots and flat\n/// outside them (isotonic regression of the leave-one-source-out scores,\n/// attacks weighted to {:.1}% of the texts; risk 0.5 at logit 0).", prior * 100.0);
        let _ = writeln!(
            s,
            "pub(crate) const CAL_Z: [f32; {}] = {:?};",
            cm.z.len(),
            cm.z
        );
        let _ = writeln!(s, "/// Risks at [`CAL_Z`].");
        let _ = writeln!(
            s,
            "pub(crate) const CAL_P: [f32; {}] = {:?};",
            cm.p.len(),
            cm.p
        );
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
        s.push_str("pub(crate) static WEIGHTS: super::features::Weights = super::features::Weights::new(include_bytes!(\"model.bin\"));\n");
        std::fs::File::create("src/inject/model.rs")
            .and_then(|mut f| f.write_all(s.as_bytes()))
            .expect("write model.rs");
        println!("wrote src/inject/model.rs and model.bin ({} bytes, {} non-zero), bias {bias:.4}", bin.len(), nz);
    }
}
