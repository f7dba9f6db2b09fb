#!/usr/bin/env bash
# fuzz/run.sh TARGET SECONDS [CORPUS_DIR] [extra libFuzzer args...]
# Runs one cargo-fuzz target (optimized build, ASan) for SECONDS with its
# dictionary (fuzz/dicts/TARGET.dict) and seeds (fuzz/seeds/TARGET/, read
# only); new inputs go to CORPUS_DIR (default fuzz/corpus/TARGET) and
# crashes to fuzz/artifacts/TARGET/. Prints libFuzzer's final stats and
# the corpus size and longest input. Needs `cargo +nightly` and cargo-fuzz.
set -euo pipefail
cd "$(dirname "$0")"
t="$1"; secs="$2"; corpus="${3:-corpus/$t}"; shift 2; [ $# -gt 0 ] && shift
mkdir -p "$corpus" "artifacts/$t"
# -len_control=0: inputs may grow to -max_len at once (the default grows the
# limit so slowly that inputs stayed under 300 bytes).
cargo +nightly fuzz run -O "$t" "$corpus" "seeds/$t" -- \
  -dict="dicts/$t.dict" -max_total_time="$secs" -max_len=16384 \
  -len_control=0 -rss_limit_mb=3072 -timeout=20 -print_final_stats=1 \
  -artifact_prefix="artifacts/$t/" "$@"
n=$(find "$corpus" -type f | wc -l)
max=$(find "$corpus" -type f -printf '%s\n' | sort -n | tail -1)
echo "corpus: $n inputs, longest ${max:-0} bytes ($corpus)"
