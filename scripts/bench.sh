#!/usr/bin/env bash
# Measures whole-process `validate` and `plan --live` on N generated rules
# (copies of the bundled rules, each with its own groupname) against a live
# answer in which 10 % of the rules differ. Best of 5 runs, release build.
# Usage: scripts/bench.sh [N...]   (default: 1000 5000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/wecom-checkin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now=2026-11-21T00:00:00+08:00

best_ms() { # best wall time of 5 runs of "$@", in ms
  local best="" start ms
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$@" >/dev/null || true
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}
peak_mib() { /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>&1 || true; awk '{printf "%d", $1/1024}' "$work/rss"; }

printf "%-8s %-14s %-14s %-14s %-14s\n" rules validate validate-RSS plan plan-RSS
for n in "${@:-1000 5000 10000}"; do
  dir="$work/corp-$n"
  mkdir -p "$dir/rules"
  python3 - "$n" "$dir" <<'PY'
import json, pathlib, re, sys, datetime
n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
samples = sorted(pathlib.Path("rules").glob("*.yaml"))
texts = [p.read_text(encoding="utf-8") for p in samples]

# Just enough YAML → wire for the bundled rules: readable strings back to numbers.
def wire(v):
    if isinstance(v, dict): return {k: wire(x) for k, x in v.items()}
    if isinstance(v, list): return [wire(x) for x in v]
    if not isinstance(v, str): return v
    m = re.fullmatch(r"(?:\+(\d) )?(\d\d):(\d\d)", v)
    if m: return int(m[1] or 0) * 86400 + int(m[2]) * 3600 + int(m[3]) * 60
    m = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?", v)
    if m and v: return int(m[1] or 0) * 3600 + int(m[2] or 0) * 60
    if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
        d = datetime.datetime.strptime(v, "%Y-%m-%d").replace(tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
        return int(d.timestamp())
    days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    if v in days: return days.index(v)
    return {"fixed": 1, "schedule": 2, "free": 3}.get(v, v)

def load(text):  # the bundled rules are simple block YAML: parse them with the tool's own reader's rules
    import importlib.util
    try:
        from ruamel.yaml import YAML
        return YAML(typ="safe", pure=True).load(text)
    except ImportError:
        sys.exit("bench needs ruamel.yaml (pip install ruamel.yaml)")

groups = []
for i in range(n):
    t = texts[i % len(texts)]
    name = next(l for l in t.splitlines() if l.startswith("groupname:"))
    t = t.replace(name, f"{name}-{i:05}", 1)
    (out / "rules" / f"rule-{i:05}.yaml").write_text(t, encoding="utf-8")
    g = wire(load(t))
    g["groupid"] = 10000 + i
    if i % 10 == 0:  # 10 % of live rules differ from git
        g["need_photo"] = not g.get("need_photo", False)
    groups.append(g)
(out / "live.json").write_text(json.dumps({"errcode": 0, "errmsg": "ok", "group": groups}, ensure_ascii=False))
PY
  v=$(best_ms "$bin" validate "$dir/rules" --now "$now")
  vm=$(peak_mib "$bin" validate "$dir/rules" --now "$now")
  p=$(best_ms "$bin" plan "$dir/rules" --live "$dir/live.json" --now "$now")
  pm=$(peak_mib "$bin" plan "$dir/rules" --live "$dir/live.json" --now "$now")
  printf "%-8s %-14s %-14s %-14s %-14s\n" "$n" "${v} ms" "${vm} MiB" "${p} ms" "${pm} MiB"
done
