# Shared helpers for scripts/*: tool installs that skip when present.
# Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

for tool in cargo rustup node npm; do
  if ! command -v "$tool" >/dev/null; then
    echo "error: $tool is not installed (needed: Rust via rustup, Node >= 20 with npm)" >&2
    exit 1
  fi
done

# The wasm-bindgen version pinned in Cargo.lock; the CLI must match it.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    log "installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_wasm_bindgen() {
  local want have runner
  want="$(wasm_bindgen_version)"
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
  if [ "$have" != "$want" ] || [ "$runner" != "$want" ]; then
    log "installing wasm-bindgen-cli $want (have: ${have:-none}; takes ~6 min)"
    # No --locked: this registry mirror lacks one locked dependency version.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

# Reinstalls when a tool is missing or package-lock.json changed since the
# last install. "Changed" is a content hash stamped into node_modules, not
# mtimes: a fresh checkout or worktree has a newer package-lock.json than
# any install and would reinstall every time.
ensure_npm_tools() {
  local want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/workerd ] \
    || [ ! -d node_modules/playwright-core ] \
    || [ "$(cat node_modules/.pf-lock-sha256 2>/dev/null)" != "$want" ]; then
    if [ -L node_modules ]; then
      # npm ci empties node_modules before installing, and through a
      # symlink that is the other checkout's tree: drop the link only.
      log "node_modules is a symlink: replacing the link (not its target) with a local install"
      rm node_modules
    fi
    log "installing npm dev tools (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    printf '%s\n' "$want" > node_modules/.pf-lock-sha256
  fi
}

# The shared evaluation data (dev corpus, ../shared/eval/score.mjs) is not in
# this repo: PF_SHARED names the dir holding corpus/ and eval/ (relative:
# from the repo root), default ../shared beside the repo. Steps that need it
# skip without it; PF_REQUIRE_SHARED=1 (scripts/test sets it under CI) makes
# its absence an error instead.
SHARED="${PF_SHARED:-$ROOT/../shared}"

# skip_without_shared PATH...: when a PATH (relative to $SHARED) is absent,
# prints one "skip:" line and returns 0 (the caller skips); returns 1 when
# all are present. Under PF_REQUIRE_SHARED=1 an absent PATH exits 1.
skip_without_shared() {
  local rel
  for rel in "$@"; do
    if [ ! -e "$SHARED/$rel" ]; then
      if [ "${PF_REQUIRE_SHARED:-}" = 1 ]; then
        echo "error: $SHARED/$rel not found (set PF_SHARED); PF_REQUIRE_SHARED=1 forbids skipping" >&2
        exit 1
      fi
      echo "skip: $SHARED/$rel not found (set PF_SHARED)"
      return 0
    fi
  done
  return 1
}

# Debian's chromium + chromium-driver (headless browser tests). Root in CI;
# sudo -n elsewhere (never prompts: CI has no stdin).
ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Debian chromium + chromium-driver (~40 s)"
    local sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo -n)
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}
