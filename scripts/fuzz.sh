#!/usr/bin/env bash
# Runs each fuzz target for a bounded time (default 600 s each), on stable Rust
# (RUSTC_BOOTSTRAP lets cargo-fuzz use the sanitizer flags it needs).
# Crashes land in fuzz/artifacts/<target>/; turn each into a regression test
# (tests/fixtures/fuzz/) before fixing it. Not run in CI.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("${@:-load_validate live_normalize}")
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
mkdir -p fuzz/corpus/load_validate fuzz/corpus/live_normalize
# Seed the corpora with the project's own files.
cp rules/*.yaml examples/rules/*/* tests/fixtures/load-errors/* fuzz/corpus/load_validate/ 2>/dev/null || true
cp tests/fixtures/live/*.json examples/live/*.json fuzz/corpus/live_normalize/ 2>/dev/null || true
for t in ${targets[@]}; do
  echo "--- fuzzing $t for ${seconds}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$t" --release -- -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536
done
