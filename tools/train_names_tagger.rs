//! Trains the optional names tagger (`names-tagger.bin`): a structured
//! averaged perceptron over the engine's own token features (so training
//! and detection cannot drift), BIO tags for PERSON, LOCATION and
//! ORGANIZATION, on the generated text of `scripts/names-tagger-gen.mjs`
//! only (no dev item is `train_ok`, so none is read here).
//!
//! ```text
//! node scripts/names-tagger-gen.mjs --seed 1 --n 60000
//! cargo run --release --example train_names_tagger -- \
//!     [--data target/names-tagger/train.jsonl] [--out target/names-tagger/names-tagger.bin] \
//!     [--bits 18] [--epochs 5] [--drop 50] [--min PER,LOC,ORG[,PER,LOC,ORG...]]
//! ```
//! `--min` are the minimum mean margins (score of the span's tags over
//! that of O, per token) a span of each type needs to be reported: with
//! a word of a names list, then without one, under the core lists, then
//! the same under the large data (3 values hold for all four, 6 for both
//! lists); they are stored in
//! the file's header (outside its checksum, so `scripts/names-tagger.mjs
//! --min` can re-set them). Deterministic: same data and options, same
//! bytes. Prints the training-set token accuracy per epoch (a sanity
//! check, not a figure: generated text says nothing of real text).

use std::io::BufRead;

use promptfence::__private as p;

const TAGS: usize = 7;

struct Item {
    feats: Vec<Vec<u32>>,
    /// Per token, how many of its first features are the word's own.
    own: Vec<usize>,
    /// Tokens always O.
    cut: Vec<bool>,
    gold: Vec<u8>,
}

fn tag_of(ty: &str) -> u8 {
    match ty {
        "PERSON" => 1,
        "LOCATION" => 3,
        _ => 5,
    }
}

fn load(path: &str, mask: u32) -> Vec<Item> {
    let f = std::fs::File::open(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e} (run scripts/names-tagger-gen.mjs first)");
        std::process::exit(2)
    });
    let mut items = Vec::new();
    for line in std::io::BufReader::new(f).lines() {
        let line = line.expect("read");
        let v: serde_json::Value = serde_json::from_str(&line).expect("json");
        let text = v["text"].as_str().unwrap_or("");
        let spans: Vec<(usize, usize, u8)> = v["spans"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|s| {
                        (
                            s[0].as_u64().unwrap_or(0) as usize,
                            s[1].as_u64().unwrap_or(0) as usize,
                            tag_of(s[2].as_str().unwrap_or("")),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let toks = p::tagger_features(text);
        let mut gold = vec![0u8; toks.len()];
        for &(a, b, t) in &spans {
            let mut first = true;
            for (k, (s, e, _, _, _)) in toks.iter().enumerate() {
                if *s < b && *e > a {
                    gold[k] = if first { t } else { t + 1 };
                    first = false;
                }
            }
        }
        let own = toks.iter().map(|t| t.3).collect();
        let cut: Vec<bool> = toks.iter().map(|t| t.4).collect();
        for (k, c) in cut.iter().enumerate() {
            if *c {
                gold[k] = 0;
            }
        }
        // A span a cut split goes on as a new one.
        for k in 0..gold.len() {
            let g = gold[k];
            if g != 0
                && g % 2 == 0
                && (k == 0 || gold[k - 1].div_ceil(2) * 2 != g)
            {
                gold[k] = g - 1;
            }
        }
        let feats = toks
            .into_iter()
            .map(|(_, _, f, _, _)| f.into_iter().map(|x| x & mask).collect())
            .collect();
        items.push(Item { feats, own, cut, gold });
    }
    items
}

struct Model {
    w: Vec<f32>,
    u: Vec<f32>,
    t: Vec<f32>,
    tu: Vec<f32>,
    c: f32,
}

impl Model {
    fn emit(&self, it: &Item, out: &mut Vec<f32>) {
        out.clear();
        out.resize(it.feats.len() * TAGS, 0.0);
        for (i, fs) in it.feats.iter().enumerate() {
            for &f in fs {
                let row = f as usize * TAGS;
                for k in 0..TAGS {
                    out[i * TAGS + k] += self.w[row + k];
                }
            }
        }
    }
    fn bump(&mut self, it: &Item, tags: &[u8], d: f32) {
        let c = self.c;
        for (i, fs) in it.feats.iter().enumerate() {
            let k = tags[i] as usize;
            for &f in fs {
                let at = f as usize * TAGS + k;
                self.w[at] += d;
                self.u[at] += c * d;
            }
            let from = if i == 0 { 7 } else { tags[i - 1] as usize };
            self.t[from * TAGS + k] += d;
            self.tu[from * TAGS + k] += c * d;
        }
    }
}

/// Figures of a written tagger alone (no grammar detectors) on annotated
/// JSON lines (code-point spans, as the shared dev files): per type, P and
/// R at several margins, overall and per `lang` or `source`.
fn eval(file: &str, model: &str) {
    let bytes = std::fs::read(model).expect("model");
    promptfence::load_names_data(&bytes).expect("tagger");
    let text = std::fs::read_to_string(file).expect("eval file");
    const TY: [&str; 3] = ["PERSON", "LOCATION", "ORGANIZATION"];
    const TH: [f32; 8] = [-1e9, 0.0, 2.0, 4.0, 6.0, 8.0, 12.0, 16.0];
    // (group, type, th) -> (truth, found, tp, fp)
    let mut acc: std::collections::BTreeMap<
        (String, usize, usize),
        [usize; 4],
    > = Default::default();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let t = v["text"].as_str().unwrap_or("");
        let cp: Vec<usize> =
            t.char_indices().map(|(b, _)| b).chain([t.len()]).collect();
        let ann: Vec<String> = v["annotated_types"]
            .as_array()
            .map(|a| {
                a.iter().filter_map(|x| x.as_str().map(String::from)).collect()
            })
            .unwrap_or_default();
        let truth: Vec<(usize, usize, usize)> = v["spans"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| {
                let ty =
                    TY.iter().position(|x| Some(*x) == s["type"].as_str())?;
                let a = *cp.get(s["start"].as_u64()? as usize)?;
                let b = *cp.get(s["end"].as_u64()? as usize)?;
                Some((a, b, ty))
            })
            .collect();
        let found = p::tagger_spans(t);
        let groups = [
            "all".to_string(),
            format!("lang:{}", v["lang"].as_str().unwrap_or("-")),
            format!("src:{}", v["source"].as_str().unwrap_or("?")),
        ];
        for (ty, name) in TY.iter().enumerate() {
            if !ann.iter().any(|a| a == name) {
                continue;
            }
            for (k, &th) in TH.iter().enumerate() {
                let keep: Vec<_> = found
                    .iter()
                    .filter(|f| f.2 == *name && f.3 >= th)
                    .collect();
                let ts: Vec<_> = truth.iter().filter(|x| x.2 == ty).collect();
                let fd = ts
                    .iter()
                    .filter(|s| keep.iter().any(|f| f.0 < s.1 && s.0 < f.1))
                    .count();
                let tp = keep
                    .iter()
                    .filter(|f| ts.iter().any(|s| f.0 < s.1 && s.0 < f.1))
                    .count();
                for g in &groups {
                    let e = acc.entry((g.clone(), ty, k)).or_default();
                    e[0] += ts.len();
                    e[1] += fd;
                    e[2] += tp;
                    e[3] += keep.len() - tp;
                }
            }
        }
    }
    let mut last = String::new();
    for ((g, ty, k), [tr, fd, tp, fp]) in &acc {
        if *g != last {
            println!("{g}");
            last = g.clone();
        }
        if *k == 0 {
            print!("  {:<12} truth {:>5}", TY[*ty], tr);
        }
        let pr = *tp as f64 / (*tp + *fp).max(1) as f64;
        let rc = *fd as f64 / (*tr).max(1) as f64;
        print!(
            " | {:>4}: P {pr:.2} R {rc:.2}",
            if TH[*k] < -1e8 { "any".to_string() } else { TH[*k].to_string() }
        );
        if *k == TH.len() - 1 {
            println!();
        }
    }
}

fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--probe") {
        let bytes = std::fs::read("target/names-tagger/names-tagger.bin")
            .expect("model");
        promptfence::load_names_data(&bytes).expect("tagger");
        for t in &args[1..] {
            let s: Vec<String> = p::tagger_spans(t)
                .iter()
                .map(|x| format!("{}:{:?}:{:.0}", x.2, &t[x.0..x.1], x.3))
                .collect();
            println!("{t:?} -> {}", s.join(" "));
        }
        return;
    }
    if args.first().map(String::as_str) == Some("--eval") {
        let model = args
            .get(2)
            .cloned()
            .unwrap_or_else(|| "target/names-tagger/names-tagger.bin".into());
        return eval(args.get(1).map(String::as_str).unwrap_or(""), &model);
    }
    train(args);
}

fn train(args: Vec<String>) {
    let mut data = "target/names-tagger/train.jsonl".to_string();
    let mut out = "target/names-tagger/names-tagger.bin".to_string();
    let (mut bits, mut epochs, mut drop) = (18u32, 5usize, 50u64);
    let mut min = [2.0f32; 12];
    let mut i = 0;
    while i < args.len() {
        let v = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--data" => data = v,
            "--out" => out = v,
            "--bits" => bits = v.parse().expect("--bits N"),
            "--epochs" => epochs = v.parse().expect("--epochs N"),
            "--drop" => drop = v.parse().expect("--drop PERCENT"),
            "--min" => {
                // 3 values: one a type; 6: with a listed word, without
                // one; 12: those under the core lists, then under the
                // large data.
                let m: Vec<f32> = v
                    .split(',')
                    .map(|x| x.parse().expect("--min A,B,C"))
                    .collect();
                assert!(
                    [3, 6, 12].contains(&m.len()),
                    "--min: 3, 6 or 12 values"
                );
                min = std::array::from_fn(|k| m[k % m.len()]);
            }
            a => {
                eprintln!("unknown argument {a}");
                std::process::exit(2)
            }
        }
        i += 2;
    }
    let mask = (1u32 << bits) - 1;
    let items = load(&data, mask);
    eprintln!(
        "{} items, {} tokens",
        items.len(),
        items.iter().map(|i| i.gold.len()).sum::<usize>()
    );
    let n = (1usize << bits) * TAGS;
    let mut m = Model {
        w: vec![0.0; n],
        u: vec![0.0; n],
        t: vec![0.0; 8 * TAGS],
        tu: vec![0.0; 8 * TAGS],
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut emit = Vec::new();
    for ep in 0..epochs {
        // Fisher-Yates with xorshift: deterministic.
        for k in (1..order.len()).rev() {
            order.swap(k, (next(&mut seed) % (k as u64 + 1)) as usize);
        }
        let (mut right, mut all) = (0usize, 0usize);
        for &ix in &order {
            // Dropout: for about half the items, every entity word loses
            // its own features (key, affixes), so context, shape and the
            // lexicon must carry names never seen in training too.
            let dropped;
            let it = if next(&mut seed) % 100 < drop {
                let mut d = Item {
                    feats: items[ix].feats.clone(),
                    own: items[ix].own.clone(),
                    cut: items[ix].cut.clone(),
                    gold: items[ix].gold.clone(),
                };
                for (k, f) in d.feats.iter_mut().enumerate() {
                    if d.gold[k] != 0 || next(&mut seed) % 4 == 0 {
                        f.drain(1..d.own[k].min(f.len()));
                    }
                }
                dropped = d;
                &dropped
            } else {
                &items[ix]
            };
            m.emit(it, &mut emit);
            let mut pred = vec![0u8; it.gold.len()];
            let t = m.t.clone();
            p::tagger_decode(
                &emit,
                &|a, b| t[a * TAGS + b],
                &it.cut,
                &mut pred,
            );
            all += pred.len();
            right += pred.iter().zip(&it.gold).filter(|(a, b)| a == b).count();
            if pred != it.gold {
                m.bump(it, &it.gold, 1.0);
                m.bump(it, &pred, -1.0);
            }
            m.c += 1.0;
        }
        eprintln!(
            "epoch {}: train token accuracy {:.4}",
            ep + 1,
            right as f64 / all as f64
        );
    }
    let avg = |w: &[f32], u: &[f32]| -> Vec<f32> {
        w.iter().zip(u).map(|(w, u)| w - u / m.c).collect()
    };
    let w = avg(&m.w, &m.u);
    let t = avg(&m.t, &m.tu);
    // Scale: the 99.99th percentile of |w| maps to 127 (the few larger
    // weights are clipped).
    let mut mags: Vec<f32> =
        w.iter().map(|x| x.abs()).filter(|x| *x > 0.0).collect();
    mags.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let top = mags
        .get(mags.len().saturating_sub(1 + mags.len() / 10000))
        .copied()
        .unwrap_or(1.0);
    let scale = top / 127.0;
    let q = |x: f32| (x / scale).round().clamp(-127.0, 127.0) as i8;
    let wq: Vec<i8> = w.iter().map(|&x| q(x)).collect();
    let tq: Vec<i8> = t.iter().map(|&x| q(x)).collect();
    let nz = wq.iter().filter(|&&x| x != 0).count();
    let bytes = p::tagger_encode(bits, scale, min, &tq, &wq);
    p::tagger_check(&bytes).expect("a valid file");
    if let Some(dir) = std::path::Path::new(&out).parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(&out, &bytes).expect("write");
    eprintln!("wrote {out}: {} bytes, {nz} non-zero weights, scale {scale:.5}, min {min:?}", bytes.len());
}
