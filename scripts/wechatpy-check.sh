#!/usr/bin/env bash
# wechatpy (PyPI, pre-release, own venv) against `wecom-checkin emulate`.
# usage: scripts/wechatpy-check.sh [BINARY]   (default: target/debug/wecom-checkin)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/debug/wecom-checkin}
venv=target/wechatpy-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --pre wechatpy
fi
log=$(mktemp)
"$bin" emulate --listen 127.0.0.1:0 --now 2026-11-21T00:00:00+08:00 \
  --directory tests/fixtures/wechatpy/directory.json >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
base=""
for _ in $(seq 1 100); do
  base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -1 || true)
  [ -n "$base" ] && break
  sleep 0.1
done
if [ -z "$base" ]; then
  echo "the emulator did not start:" >&2
  cat "$log" >&2
  exit 1
fi
"$venv/bin/python" scripts/wechatpy-against-emulator.py "$base"
