#!/usr/bin/env bash
# Measures whole-process `validate`, `plan --live` and `import` on N generated
# rules (the bundled fixed, schedule and free rules — shifts, locations, special
# days — each copy with its own groupname) against a live answer in which 10 %
# of the rules differ; peak memory of each; and, side by side, the independent
# `check-jsonschema` (PyPI) checking only the JSON Schema on the same files.
# Beside each figure, its ratio to the parse floor: examples/parse_floor.rs,
# which only reads the same files, runs the same YAML parser over them in
# parallel and parses the live JSON (the least any validator or planner must
# do); its runs alternate with the command's, so that a machine whose speed
# drifts during the run shifts both alike, and the ratio is the median of the
# 5 pairs' ratios (the best of each alone can pair a slow moment of one with a
# fast moment of the other). Times: best of 5 runs (check-jsonschema: best of
# 2), release build.
# Usage: scripts/bench.sh [N...]   (default: 100 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin wecom-checkin --example parse_floor
bin=$PWD/target/release/wecom-checkin
floor=$PWD/target/release/examples/parse_floor
venv=$PWD/target/bench-venv
if [ ! -x "$venv/bin/check-jsonschema" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check check-jsonschema ruamel.yaml
fi
export PATH="$venv/bin:$PATH"
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
ms_of() { # wall time of one run of "$@", in ms
  local start
  start=$(date +%s%N)
  "$@" >/dev/null || true
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
best_pair() { # usage: best_pair N FLOOR_ARG... COMMAND...: best of 5 of the
  # command and of the floor (given its N arguments), runs alternated so that
  # a machine slowing down or speeding up shifts both alike, and the median of
  # the 5 pairs' ratios; prints "cmd floor ratio"
  local n=$1 c f best_c="" best_f="" ratios=""
  shift
  local floor_args=("${@:1:n}")
  shift "$n"
  for _ in 1 2 3 4 5; do
    c=$(ms_of "$@")
    f=$(ms_of "$floor" "${floor_args[@]}")
    if [ -z "$best_c" ] || [ "$c" -lt "$best_c" ]; then best_c=$c; fi
    if [ -z "$best_f" ] || [ "$f" -lt "$best_f" ]; then best_f=$f; fi
    ratios+="$(awk -v a="$c" -v b="$f" 'BEGIN { printf "%.3f", a / (b > 0 ? b : 1) }')"$'\n'
  done
  echo "$best_c $best_f $(printf "%s" "$ratios" | sort -n | sed -n 3p)"
}
peak_mib() { /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>&1 || true; awk '{printf "%d", $1/1024}' "$work/rss"; }

printf "%-7s %-10s %-9s %-10s %-9s %-10s %-9s %-17s %-6s %s\n" rules validate RSS plan RSS import RSS check-jsonschema ratio "vs floor (ratio: median of 5 pairs): validate, plan, plan RSS" 
for n in ${@:-100 1000 10000}; do
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
        from ruamel.yaml import YAML  # installed in the bench venv
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
  read -r v fv vr < <(best_pair 1 "$dir/rules" "$bin" validate "$dir/rules" --now "$now")
  vm=$(peak_mib "$bin" validate "$dir/rules" --now "$now")
  read -r p fp pr < <(best_pair 2 "$dir/rules" "$dir/live.json" "$bin" plan "$dir/rules" --live "$dir/live.json" --now "$now")
  pm=$(peak_mib "$bin" plan "$dir/rules" --live "$dir/live.json" --now "$now")
  i=$(best_ms "$bin" import --live "$dir/live.json" --out "$dir/imported" --force --now "$now")
  im=$(peak_mib "$bin" import --live "$dir/live.json" --out "$dir/imported" --force --now "$now")
  # The independent validator, schema only, on the same files (best of 2: it is slow).
  cj=""
  for _ in 1 2; do
    start=$(date +%s%N)
    (cd "$dir/rules" && ls | xargs check-jsonschema --schemafile "$OLDPWD/schema/checkin-rule.schema.json" >/dev/null)
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ -z "$cj" ] || [ "$ms" -lt "$cj" ]; then cj=$ms; fi
  done
  ratio=$(awk -v a="$cj" -v b="$v" 'BEGIN { printf "%.0fx", a / (b > 0 ? b : 1) }')
  fpm=$(peak_mib "$floor" "$dir/rules" "$dir/live.json")
  x() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / (b > 0 ? b : 1) }'; }
  x1() { awk -v r="$1" 'BEGIN { printf "%.2fx", r }'; }
  printf "%-7s %-10s %-9s %-10s %-9s %-10s %-9s %-17s %-6s %s\n" "$n" "${v} ms" "${vm} MiB" "${p} ms" "${pm} MiB" "${i} ms" "${im} MiB" "${cj} ms" "$ratio" \
    "$(x1 "$vr") of ${fv} ms, $(x1 "$pr") of ${fp} ms, $(x "$pm" "$fpm") of ${fpm} MiB"
done

# Apply throughput: 500 changed rules against the emulator, with the same
# per-endpoint limit on both sides (client --write-rate-limit, emulator
# --rate-limit): the calls should take little more than the limit allows,
# with exactly one write per change.
n=500; per_min=6000
dir="$work/apply"; mkdir -p "$dir/rules"
# Reuse the generator: n rules, then need_photo on in every live rule.
sed -n "/^  python3 - \"\$n\" \"\$dir\" <<'PY'$/,/^PY$/p" "$0" | sed '1d;$d' > "$work/gen.py"
python3 "$work/gen.py" "$n" "$dir"
python3 - "$dir/live.json" <<'PY'
import json, sys
p = sys.argv[1]; a = json.load(open(p))
for g in a["group"]: g["need_photo"] = True  # the bundled rules all leave it false
json.dump(a, open(p, "w"), ensure_ascii=False)
PY
"$bin" emulate --listen 127.0.0.1:0 --state "$dir/live.json" --rate-limit "update_checkin_option=$per_min" > "$work/emu.out" 2>/dev/null &
emu=$!
for _ in $(seq 50); do grep -q listening "$work/emu.out" 2>/dev/null && break; sleep 0.1; done
base=$(head -1 "$work/emu.out" | awk '{print $NF}')
start=$(date +%s%N)
WECOM_API_BASE=$base WECOM_CORPID=emulator-corp WECOM_CORPSECRET=emulator-secret \
  "$bin" apply "$dir/rules" --auto-approve --write-rate-limit "$per_min" --now "$now" > "$work/apply.out"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
calls=$(curl -s "$base/admin/calls")
kill "$emu"
ideal=$(( (n - 1) * 60000 / per_min ))
updates=$(echo "$calls" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("update_checkin_option", 0))')
echo
echo "apply: $n changes at $per_min/min: ${ms} ms wall (the limit allows ${ideal} ms: $(awk -v a="$ms" -v b="$ideal" 'BEGIN{printf "%.0f", (a/b-1)*100}') % over, plan and two reads included); $updates update calls for $n changes"
tail -1 "$work/apply.out"
