#!/usr/bin/env bash
# Packs one built binary as a release archive, as the release workflow ships
# it and as the action's install script (scripts/install.sh) expects it:
#
#   scripts/package.sh BINARY TARGET VERSION OUTDIR
#
# writes OUTDIR/wecom-checkin-vVERSION-TARGET.tar.gz (.zip for Windows), whose
# one folder wecom-checkin-vVERSION-TARGET/ holds the binary, README.md and the
# licence, and OUTDIR/<archive>.sha256 ("<hash>  <archive>", as sha256sum -c
# reads it). Refuses a binary over WECOM_CHECKIN_MAX_BYTES (15 MiB).
set -euo pipefail

if [ "$#" -ne 4 ]; then
  echo "usage: scripts/package.sh BINARY TARGET VERSION OUTDIR" >&2
  exit 2
fi
binary=$1 target=$2 version=${3#v} outdir=$4
root=$(cd "$(dirname "$0")/.." && pwd)
max=${WECOM_CHECKIN_MAX_BYTES:-15728640}

if [ ! -f "$binary" ]; then
  echo "error: no binary at $binary: build it first (cargo build --locked --profile dist --target $target)" >&2
  exit 1
fi
size=$(wc -c <"$binary" | tr -d ' ')
if [ "$size" -gt "$max" ]; then
  echo "error: $binary is $size bytes, over the $max allowed: is it stripped (--profile dist)? did a dependency grow?" >&2
  exit 1
fi

name="wecom-checkin-v$version-$target"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name" "$outdir"
case "$target" in
  *windows*) exe=wecom-checkin.exe ;;
  *) exe=wecom-checkin ;;
esac
cp "$binary" "$stage/$name/$exe"
chmod 755 "$stage/$name/$exe"
cp "$root/README.md" "$stage/$name/"
for licence in "$root"/LICENSE*; do
  [ -f "$licence" ] && cp "$licence" "$stage/$name/"
done

outdir=$(cd "$outdir" && pwd)
case "$target" in
  *windows*)
    archive="$name.zip"
    (cd "$stage" && if command -v 7z >/dev/null; then 7z a -tzip -bd "$outdir/$archive" "$name" >/dev/null; else zip -qr "$outdir/$archive" "$name"; fi)
    ;;
  *)
    archive="$name.tar.gz"
    # Sorted, owned by root, dated by the commit: the same archive from the same binary.
    mtime=$(git -C "$root" log -1 --format=%cI 2>/dev/null || echo 1970-01-01T00:00:00Z)
    tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" -czf "$outdir/$archive" "$name" 2>/dev/null ||
      tar -C "$stage" -czf "$outdir/$archive" "$name"
    ;;
esac

if command -v sha256sum >/dev/null; then
  hash=$(sha256sum "$outdir/$archive" | cut -d' ' -f1)
else
  hash=$(shasum -a 256 "$outdir/$archive" | cut -d' ' -f1)
fi
printf '%s  %s\n' "$hash" "$archive" >"$outdir/$archive.sha256"
echo "packed $outdir/$archive ($size-byte binary), sha256 $hash"
