#!/usr/bin/env bash
# Rosters at a chain's size: S stores (copies of the bundled schedule rule),
# P people each, one month (2026-12), against the emulator over loopback.
#  1. plan: every roster file against the live rosters, 10 % of the stores
#     with one changed cell; the rate limits raised on both sides so that the
#     figure is the tool's own work (wall, and user+sys CPU).
#  2. apply: C stores with one changed cell each at the documented 60 calls a
#     minute on both sides: the set calls should take little more than the
#     limit allows, with exactly one call per (rule, month, batch).
# Usage: scripts/bench-rosters.sh [STORES] [PEOPLE] [CHANGED]   (default 300 20 30)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/wecom-checkin
stores=${1:-300}; people=${2:-20}; changed=${3:-30}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
now=2026-11-21T00:00:00+08:00

python3 - "$work" "$stores" "$people" <<'PY'
import json, os, sys
work, stores, people = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rule = open("rules/store-chengdu-chunxi.yaml", encoding="utf-8").read()
os.makedirs(f"{work}/rules")
names = {1: "早班", 2: "晚班", 0: "休息"}
live_rules, roster = [], []
for s in range(stores):
    name = f"门店{s:04d}"
    open(f"{work}/rules/{name}.yaml", "w", encoding="utf-8").write(
        rule.replace("groupname: 成都春熙路店", f"groupname: {name}"))
    os.makedirs(f"{work}/rosters/{name}")
    rows = ["userid," + ",".join(str(d) for d in range(1, 32))]
    for p in range(people):
        user = f"s{s:04d}p{p:02d}"
        ids = [(d + p) % 3 for d in range(1, 32)]
        rows.append(user + "," + ",".join(names[i] for i in ids))
        roster.append({"userid": user, "yearmonth": 202612, "groupid": 1000 + s, "groupname": name,
                       "schedule": {"scheduleList": [{"day": d, "schedule_info": {"schedule_id": i}}
                                                     for d, i in zip(range(1, 32), ids)]}})
    open(f"{work}/rosters/{name}/2026-12.csv", "w", encoding="utf-8").write("\n".join(rows) + "\n")
json.dump({"errcode": 0, "errmsg": "ok", "schedule_list": roster}, open(f"{work}/rosters.json", "w"), ensure_ascii=False)
PY
# The tool writes the live answer from the rule files: plan --format json of
# an empty corp shows each add's group; groupids are the pinned ones.
"$bin" emulate --listen 127.0.0.1:0 > "$work/empty.out" 2>/dev/null &
empty=$!
for _ in $(seq 50); do grep -q listening "$work/empty.out" 2>/dev/null && break; sleep 0.1; done
base=$(head -1 "$work/empty.out" | awk '{print $NF}')
WECOM_API_BASE=$base WECOM_CORPID=emulator-corp WECOM_CORPSECRET=emulator-secret \
  "$bin" plan "$work/rules" --format json --now "$now" > "$work/empty-plan.json" || true
kill "$empty"
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
plan = json.load(open(f"{work}/empty-plan.json"))
groups = []
for c in plan["calls"]:
    g = c["body"]["group"]
    g["groupid"] = int(g["groupname"][2:]) + 1000
    groups.append(g)
json.dump({"errcode": 0, "errmsg": "ok", "group": groups}, open(f"{work}/live.json", "w"), ensure_ascii=False)
PY

edit() { # change day 10 of the first person of the first $1 stores
  python3 - "$work" "$1" <<'PY'
import sys
work, n = sys.argv[1], int(sys.argv[2])
for s in range(n):
    p = f"{work}/rosters/门店{s:04d}/2026-12.csv"
    lines = open(p, encoding="utf-8").read().split("\n")
    cells = lines[1].split(",")
    cells[10] = {"早班": "晚班", "晚班": "休息", "休息": "早班"}[cells[10]]
    lines[1] = ",".join(cells)
    open(p, "w", encoding="utf-8").write("\n".join(lines))
PY
}

start_emulator() { # $1: per-minute limit of the roster endpoints
  "$bin" emulate --listen 127.0.0.1:0 --state "$work/live.json" --rosters "$work/rosters.json" --now "$now" \
    --rate-limit "getcheckinschedulist=$1" --rate-limit "setcheckinschedulist=$1" > "$work/emu.out" 2>/dev/null &
  emu=$!
  for _ in $(seq 100); do grep -q listening "$work/emu.out" 2>/dev/null && break; sleep 0.1; done
  base=$(head -1 "$work/emu.out" | awk '{print $NF}')
  export WECOM_API_BASE=$base WECOM_CORPID=emulator-corp WECOM_CORPSECRET=emulator-secret
}

cells=$((stores * people * 31))
edit $((stores / 10))
start_emulator 60000
best=""; cpu=""
for _ in 1 2 3; do
  start=$(date +%s%N)
  /usr/bin/time -f "%U %S" -o "$work/time" "$bin" plan "$work/rules" "$work/rosters" \
    --roster-rate-limit 60000 --read-rate-limit 60000 --now "$now" > "$work/plan.out" || true
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; cpu=$(awk '{printf "%.0f", ($1 + $2) * 1000}' "$work/time"); fi
done
reads=$(curl -s "$base/admin/calls" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("getcheckinschedulist", 0))')
kill "$emu"
echo "plan: $stores stores × $people people, one month ($cells cells): ${best} ms wall, ${cpu} ms CPU (best of 3); $((reads / 3)) getcheckinschedulist calls a plan"
tail -1 "$work/plan.out"

# Apply at the documented limit: $changed stores with one changed cell.
python3 - "$work" "$stores" "$changed" <<'PY'
import json, sys
work, stores, changed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
# Rewrite the files from the live answer, then change day 10 of $changed stores.
live = json.load(open(f"{work}/rosters.json"))
names = {1: "早班", 2: "晚班", 0: "休息"}
by = {}
for e in live["schedule_list"]:
    by.setdefault(e["groupname"], []).append(e)
for name, entries in by.items():
    rows = ["userid," + ",".join(str(d) for d in range(1, 32))]
    for e in entries:
        rows.append(e["userid"] + "," + ",".join(names[x["schedule_info"]["schedule_id"]] for x in e["schedule"]["scheduleList"]))
    open(f"{work}/rosters/{name}/2026-12.csv", "w", encoding="utf-8").write("\n".join(rows) + "\n")
PY
edit "$changed"
start_emulator 60
start=$(date +%s%N)
"$bin" apply "$work/rules" "$work/rosters" --auto-approve --now "$now" > "$work/apply.out"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
read -r sets span < <(curl -s "$base/admin/call-times/setcheckinschedulist" | python3 -c 'import json,sys; t=json.load(sys.stdin); print(len(t), t[-1]-t[0] if t else 0)')
kill "$emu"
ideal=$(( (changed - 1) * 1000 ))
echo "apply: $changed stores with one changed cell at 60 calls/min: ${ms} ms wall in all (the plan's reads at 60/min included); the $sets setcheckinschedulist calls spanned ${span} ms where the limit allows ${ideal} ms ($(awk -v a="$span" -v b="$ideal" 'BEGIN{printf "%.1f", (a/b-1)*100}') % over)"
tail -1 "$work/apply.out"
