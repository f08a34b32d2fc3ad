#!/usr/bin/env bash
# Installs a released wecom-checkin binary for this machine, checked against
# its published SHA-256; the GitHub Action (action.yml) runs it, and it runs
# as well on GitLab, on a laptop or in a container:
#
#   bash scripts/install.sh                # the version of this checkout
#   bash scripts/install.sh --from-source  # cargo install --locked from this checkout
#
# Settings (environment):
#   WECOM_CHECKIN_VERSION      the release, e.g. 0.1.0 (default: Cargo.toml's next to this script)
#   WECOM_CHECKIN_RELEASES     where releases are, the URL before /v<version>/<archive>
#                              (default: https://github.com/<the action's repository>/releases/download)
#   WECOM_CHECKIN_INSTALL_DIR  where the binary goes (default: ~/.wecom-checkin/bin)
#   WECOM_CHECKIN_FROM_SOURCE  auto (default): build from source when no release
#                              archive exists for this version and machine;
#                              never: fail instead; always: do not download
#   GITHUB_PATH, GITHUB_OUTPUT when set (GitHub Actions), the install dir is added
#                              to PATH and the outputs version, from-source, path written
#
# Exit status: 0 installed (or, in auto mode under the action, from-source=true
# handed to the action's build step); 1 failed, saying why. A checksum that
# does not match never falls back to anything: it fails.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
say() { printf 'wecom-checkin install: %s\n' "$*" >&2; }
fail() {
  say "error: $*"
  exit 1
}
output() { if [ -n "${GITHUB_OUTPUT:-}" ]; then printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"; fi; }

# The version of the wecom-checkin checkout this script is in (empty outside
# one, also beside another project's Cargo.toml).
own_version() {
  grep -qx 'name = "wecom-checkin"' "$here/Cargo.toml" 2>/dev/null || return 0
  sed -n 's/^version = "\(.*\)"$/\1/p' "$here/Cargo.toml" | head -n 1
}

version=${WECOM_CHECKIN_VERSION:-}
if [ -z "$version" ]; then
  version=$(own_version)
  [ -n "$version" ] || fail "no version given and this script is not in a wecom-checkin checkout: set WECOM_CHECKIN_VERSION (e.g. WECOM_CHECKIN_VERSION=0.1.0 bash install.sh)"
fi
version=${version#v}
case "$version" in
  *[!0-9A-Za-z.+-]* | "") fail "version '$version' is not a version such as 0.1.0" ;;
esac
install_dir=${WECOM_CHECKIN_INSTALL_DIR:-$HOME/.wecom-checkin/bin}
from_source=${WECOM_CHECKIN_FROM_SOURCE:-auto}
case "$from_source" in auto | never | always) ;; *) fail "WECOM_CHECKIN_FROM_SOURCE is '$from_source': write auto, never or always" ;; esac
output version "$version"

# The binary runs here and is the version asked for; prints what it says.
check_version() {
  local said
  said=$("$1" --version | head -n 1) || fail "$1 does not run on this machine"
  case "$said" in
    "wecom-checkin $version "* | "wecom-checkin $version") ;;
    *) fail "$1 says '$said', not version $version: nothing was installed" ;;
  esac
  printf '%s\n' "$said"
}

# On PATH and in the outputs, once the binary is in place and checked.
finish() {
  if [ -n "${GITHUB_PATH:-}" ]; then echo "$install_dir" >>"$GITHUB_PATH"; fi
  output path "$1"
  say "$2 is at $1"
}

build_from_source() {
  command -v cargo >/dev/null || fail "cargo is not installed: install Rust (https://rustup.rs) or use a released version"
  [ -n "$(own_version)" ] || fail "this script is not in a wecom-checkin checkout, so there is nothing to build here: cargo install --locked --git https://github.com/wecom-checkin/wecom-checkin --tag v$version"
  local own
  own=$(own_version)
  [ "$own" = "$version" ] || fail "building from source builds $here, which is v$own, not v$version: use the action (or a checkout) at v$version"
  say "building v$version from source ($here) with cargo install --locked: this takes minutes"
  local root
  root=$(dirname "$install_dir")
  cargo install --locked --path "$here" --root "$root" --bin wecom-checkin
  [ "$root/bin" = "$install_dir" ] || { mkdir -p "$install_dir" && cp "$root/bin/wecom-checkin"* "$install_dir/"; }
  local said
  said=$(check_version "$install_dir/wecom-checkin$exe")
  output from-source true
  finish "$install_dir/wecom-checkin$exe" "$said"
}

# This machine as a Rust target, the names the release archives carry.
os=$(uname -s) arch=$(uname -m)
exe=
case "$arch" in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) arch=unsupported ;;
esac
case "$os" in
  Linux) target="$arch-unknown-linux-musl" ext=tar.gz ;;
  Darwin) target="$arch-apple-darwin" ext=tar.gz ;;
  MINGW* | MSYS* | CYGWIN* | Windows_NT) target="$arch-pc-windows-msvc" ext=zip exe=.exe ;;
  *) target=unsupported ;;
esac
case "$target" in
  unsupported* | *-unsupported* | aarch64-pc-windows-msvc) target= ;;
esac

if [ "${1:-}" = "--from-source" ] || [ "$from_source" = always ]; then
  build_from_source
  exit 0
fi

no_release() {
  if [ "$from_source" = never ]; then
    fail "$1 (WECOM_CHECKIN_FROM_SOURCE=never: not building from source)"
  fi
  say "$1: building from source instead"
  if [ -n "${GITHUB_ACTION_PATH:-}" ] && [ -n "${GITHUB_OUTPUT:-}" ]; then
    # The action restores its build cache, then runs this script with --from-source.
    output from-source true
    exit 0
  fi
  build_from_source
  exit 0
}

[ -n "$target" ] || no_release "no release is built for $os $(uname -m)"

releases=${WECOM_CHECKIN_RELEASES:-}
if [ -z "$releases" ]; then
  repository=${GITHUB_ACTION_REPOSITORY:-}
  if [ -z "$repository" ] && [ -n "${GITHUB_ACTION_PATH:-}" ]; then
    # Composite actions are not promised github.action_repository
    # (actions/runner#2473); their path is .../_actions/OWNER/REPO/REF.
    repository=$(printf '%s\n' "$GITHUB_ACTION_PATH" | sed -n 's#.*/_actions/\([^/]*/[^/]*\)/[^/]*/*$#\1#p')
  fi
  repository=${repository:-wecom-checkin/wecom-checkin}
  releases="${GITHUB_SERVER_URL:-https://github.com}/$repository/releases/download"
fi
releases=${releases%/}

name="wecom-checkin-v$version-$target"
archive="$name.$ext"
url="$releases/v$version/$archive"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

download() {
  # --fail: an HTTP error is an error; retries for a flaky runner network, said by curl.
  curl --fail --silent --show-error --location --retry 3 --retry-connrefused --output "$2" "$1"
}

say "downloading $url"
if ! download "$url.sha256" "$tmp/$archive.sha256" 2>"$tmp/curl.err"; then
  cat "$tmp/curl.err" >&2
  if grep -q 'error: 404' "$tmp/curl.err"; then
    no_release "there is no release archive $archive at $releases/v$version"
  fi
  fail "cannot download $url.sha256 (see curl's message above); retry, or set WECOM_CHECKIN_RELEASES to a mirror"
fi
download "$url" "$tmp/$archive" || fail "cannot download $url (see curl's message above)"

expected=$(cut -d' ' -f1 <"$tmp/$archive.sha256")
if command -v sha256sum >/dev/null; then
  actual=$(sha256sum "$tmp/$archive" | cut -d' ' -f1)
else
  actual=$(shasum -a 256 "$tmp/$archive" | cut -d' ' -f1)
fi
if [ "$expected" != "$actual" ]; then
  fail "$archive has SHA-256 $actual, but $archive.sha256 says $expected: the download is not the release; nothing was installed"
fi
say "SHA-256 checked: $actual"

case "$ext" in
  tar.gz) tar -xzf "$tmp/$archive" -C "$tmp" ;;
  zip)
    if command -v unzip >/dev/null; then
      unzip -q "$tmp/$archive" -d "$tmp"
    else
      7z x -bd -o"$tmp" "$tmp/$archive" >/dev/null
    fi
    ;;
esac
[ -f "$tmp/$name/wecom-checkin$exe" ] || fail "$archive holds no $name/wecom-checkin$exe: is it a wecom-checkin release?"
chmod 755 "$tmp/$name/wecom-checkin$exe"
said=$(check_version "$tmp/$name/wecom-checkin$exe")
mkdir -p "$install_dir"
# Replace by rename: a running copy (or a failed copy) never leaves half a binary.
cp "$tmp/$name/wecom-checkin$exe" "$install_dir/.wecom-checkin$exe.new"
chmod 755 "$install_dir/.wecom-checkin$exe.new"
mv -f "$install_dir/.wecom-checkin$exe.new" "$install_dir/wecom-checkin$exe"
output from-source false
finish "$install_dir/wecom-checkin$exe" "$said"
