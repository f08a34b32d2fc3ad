#!/usr/bin/env bash
# The Mermaid pictures of the markdown plan parse with mermaid's own parser:
# added rules, a rule whose times change (before and after), and names full of
# characters Mermaid gives a meaning (a fixture, and the hostile names the
# tests write). Run after cargo test. Installs mermaid (pinned by
# package-lock.json) with npm; needs Node.js.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/debug/wecom-checkin}
out=target/mermaid-check
mkdir -p "$out"
(cd scripts/mermaid-check && npm ci --no-audit --no-fund --loglevel=error)
now=(--now 2026-11-21T00:00:00+08:00)
echo '{"errcode":0,"errmsg":"ok","group":[]}' > "$out/empty.json"
"$bin" plan rules --live "$out/empty.json" --format markdown "${now[@]}" > "$out/added.md"
"$bin" plan rules --live examples/live/corp.json --format markdown "${now[@]}" > "$out/changed.md"
# The same in Chinese: its labels (变更前, 上班打卡 …) are Mermaid text too.
"$bin" plan rules --live examples/live/corp.json --format markdown --lang zh-CN "${now[@]}" > "$out/changed-zh.md"
"$bin" plan tests/fixtures/mermaid/rules --live "$out/empty.json" --format markdown "${now[@]}" > "$out/hostile.md" 2>/dev/null
# Written by the test the_day_pictures_hold_no_markup_from_names (cargo test).
names=target/tmp/mermaid-hostile-names.md
if [ ! -f "$names" ]; then
  echo "$names is missing: run cargo test first (it writes the hostile-names plan)" >&2
  exit 1
fi
node scripts/mermaid-check/check.mjs "$out/added.md" "$out/changed.md" "$out/changed-zh.md" "$out/hostile.md" "$names"
