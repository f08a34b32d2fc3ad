#!/usr/bin/env bash
# The pre-commit hooks (.pre-commit-hooks.yaml) run by pre-commit itself
# (PyPI, in its own venv) with `try-repo` on a sample rules repository: clean
# rule files pass; a rule with a 301093 error fails the commit and names it.
#
#   bash scripts/pre-commit-check.sh HOOK [BINARY]
#
# HOOK wecom-checkin-validate-system runs BINARY (put first on PATH);
# wecom-checkin-validate builds the tool with cargo, as pre-commit does for
# its users (CI makes that build cheap with CARGO_PROFILE_RELEASE_OPT_LEVEL=0).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
hook=$1
if [ -n "${2:-}" ]; then
  bin=$(cd "$(dirname "$2")" && pwd)
  export PATH="$bin:$PATH"
fi

venv=$root/target/pre-commit-venv
if [ ! -x "$venv/bin/pre-commit" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "pre-commit>=3,<5"
fi
export PRE_COMMIT_HOME=$root/target/pre-commit-home

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
git init -q -b main .
git config user.email ci@example.invalid
git config user.name ci
mkdir rules
cp "$root/rules/head-office.yaml" rules/head-office.yaml
printf 'not a rule, not checked\n' >README.md
git add -A
git commit -q -m "rules"

run() { "$venv/bin/pre-commit" try-repo "$root" "$hook" --all-files --color never >"$work/out.txt" 2>&1; }

if ! run; then
  cat "$work/out.txt"
  echo "error: $hook failed on clean rule files" >&2
  exit 1
fi
echo "ok: $hook passes clean rule files"

# A working time that ends before it starts: the server's 301093.
sed 's/work_sec: "09:00"/work_sec: "19:00"/' "$root/rules/head-office.yaml" >rules/late.yaml
git add rules/late.yaml
if run; then
  cat "$work/out.txt"
  echo "error: $hook passed a rule with a 301093 error" >&2
  exit 1
fi
if ! grep -q 'error\[301093\]: checkin time work_sec or off_work_sec invalid' "$work/out.txt" ||
  ! grep -q 'rules/late.yaml:11:23' "$work/out.txt"; then
  cat "$work/out.txt"
  echo "error: $hook failed, but without naming the 301093 error and its place" >&2
  exit 1
fi
echo "ok: $hook fails a rule with a 301093 error and names it (rules/late.yaml:11:23)"
