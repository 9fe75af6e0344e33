#!/usr/bin/env bash
# Writes one release's artefacts into one folder (default: release/), from the version in
# Cargo.toml ([workspace.package]); docs/deploying.md "Releases", docs in scripts/release/:
#   faq-widget-X.Y.Z.tgz         the npm package `faq-widget`: dist/ (embed.js, the hashed files
#                                and their .br/.gz, sw.js, faq.schema.json, the studio) + README
#   faq-widget-X.Y.Z.tar.gz      the same dist/ as faq-widget-X.Y.Z/, with its own SHA256SUMS
#   faq-widget-X.Y.Z.crate       the widget library for Yew apps (cargo package)
#   faq-widget-cli-X.Y.Z.crate   the `faq-widget` tool (cargo package)
#   embed.html                   the script tag with embed.js's integrity digest
#   SHA256SUMS                   of every file above (`sha256sum -c SHA256SUMS`)
# Usage: scripts/release.sh [--out DIR] [--no-build] [--allow-dirty]
#   --no-build     take dist/ as `trunk build --release` left it (the test command just built it)
#   --allow-dirty  package crates from a work tree with uncommitted changes (cargo package's flag)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

out=release
build=1
cargo_flags=()
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --allow-dirty) cargo_flags+=(--allow-dirty); shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see scripts/release.sh --help)" ;;
  esac
done

ensure_build_tools
version=$(awk '/^\[workspace.package\]/ { section = 1; next } /^\[/ { section = 0 } section && /^version = / { gsub(/version = |"/, ""); print; exit }' Cargo.toml)
[ -n "$version" ] || die "Cargo.toml has no [workspace.package] version"
grep -q "^## \[$version\]" CHANGELOG.md || die "CHANGELOG.md has no section for $version"

if [ "$build" = 1 ]; then
  step "Release build of the widget and the studio (dist/)"
  trunk build --release
fi
[ -f dist/embed.js ] && [ -f dist/embed.js.integrity ] || die "dist/ has no release build (run without --no-build)"
integrity=$(cat dist/embed.js.integrity)

rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT

# The README's template names a CDN by its URL pattern; every release fills in its own
# version and digest, so what a site owner copies is always this release's tag.
fill() {
  sed -e "s|{{VERSION}}|$version|g" -e "s|{{INTEGRITY}}|$integrity|g" "$1"
}

step "The npm package faq-widget@$version"
package="$staging/npm"
mkdir -p "$package"
cp -R dist "$package/dist"
fill scripts/release/npm-README.md >"$package/README.md"
cp LICENSE "$package/LICENSE"
fill scripts/release/npm-package.json >"$package/package.json"
(cd "$package" && npm pack --silent --pack-destination "$out" >/dev/null)
[ -f "$out/faq-widget-$version.tgz" ] || die "npm pack wrote no faq-widget-$version.tgz"

step "faq-widget-$version.tar.gz (dist/ for hosts without npm)"
folder="$staging/faq-widget-$version"
cp -R dist "$folder"
(cd "$folder" && find . -type f ! -name SHA256SUMS | LC_ALL=C sort | sed 's|^\./||' | xargs sha256sum >SHA256SUMS)
# Reproducible: the same dist/ gives the same bytes (names sorted, no owner, dates or gzip name).
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='@0' -C "$staging" -cf - "faq-widget-$version" |
  gzip -n -9 >"$out/faq-widget-$version.tar.gz"

step "The crates faq-widget and faq-widget-cli (cargo package, each built from its packed source)"
# cargo package verifies faq-widget-cli against the packed faq-widget through a temporary local
# registry. Cargo takes a registry crate of a given version as immutable: an earlier run's
# unpacked sources ($CARGO_HOME/registry/src/-<hash>/) and compiled faq-widget were reused as
# they were, so the CLI was verified against stale sources (a function added since was "not
# found"). So: those sources removed, and the packed crates built in a target directory of their
# own whose faq-widget artefacts are removed (its other dependencies stay built).
verify_target=target/package-verify
rm -rf "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/faq-widget-"$version" \
  "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/faq-widget-cli-"$version" \
  "$verify_target"/debug/.fingerprint/faq-widget* "$verify_target"/debug/deps/*faq_widget* \
  "$verify_target"/debug/build/faq-widget*
cargo package -p faq-widget -p faq-widget-cli --target-dir "$verify_target" "${cargo_flags[@]}"
for crate in faq-widget faq-widget-cli; do
  cp "$verify_target/package/$crate-$version.crate" "$out/"
done

step "The script tag, and the checksums"
fill scripts/release/embed.html >"$out/embed.html"
(cd "$out" && sha256sum "faq-widget-$version.tgz" "faq-widget-$version.tar.gz" "faq-widget-$version.crate" \
  "faq-widget-cli-$version.crate" embed.html >SHA256SUMS)
echo
ls -l "$out"
echo
echo "faq-widget $version: embed.js integrity $integrity"
