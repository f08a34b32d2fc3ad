#!/usr/bin/env bash
# Measures whole-process `validate` on N generated rule files (default 1000 and
# 10000): copies of the bundled rules, each with its own groupname.
# Usage: scripts/bench-validate.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/wecom-checkin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in "${@:-1000 10000}"; do
  dir="$work/rules-$n"
  mkdir -p "$dir"
  python3 - "$n" "$dir" <<'PY'
import pathlib, sys
n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
samples = sorted(pathlib.Path("rules").glob("*.yaml"))
texts = [p.read_text(encoding="utf-8") for p in samples]
for i in range(n):
    t = texts[i % len(texts)]
    name = next(l for l in t.splitlines() if l.startswith("groupname:"))
    (out / f"rule-{i:05}.yaml").write_text(t.replace(name, f"{name}-{i:05}", 1), encoding="utf-8")
PY
  "$bin" validate "$dir" --now 2026-11-21T00:00:00+08:00 >/dev/null
  best=""
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$bin" validate "$dir" --now 2026-11-21T00:00:00+08:00 >/dev/null
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  rss=$( { /usr/bin/time -f "%M" "$bin" validate "$dir" --now 2026-11-21T00:00:00+08:00 >/dev/null; } 2>&1 | tail -1 )
  echo "validate $n files: best of 5 ${best} ms, peak RSS $((rss / 1024)) MiB"
done
