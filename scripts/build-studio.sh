#!/usr/bin/env bash
# Trunk post_build hook of the widget's build (Trunk.toml): builds the studio (studio/, its own
# Yew app and wasm) into dist/studio/, with the same profile. The embed's files, and so its size
# budget, are untouched; the studio deploys with dist/. Alone: `cd studio && trunk build --release`.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run this through trunk build}"
out="$TRUNK_STAGING_DIR/studio"
release=()
[ "${TRUNK_PROFILE:-}" = release ] && release=(--release)
# The outer build's TRUNK_* variables must not configure the inner one (TRUNK_OFFLINE may).
for name in $(env | sed -n 's/^\(TRUNK_[A-Z_]*\)=.*/\1/p'); do
  [ "$name" = TRUNK_OFFLINE ] || unset "$name"
done
cd "$(dirname "$0")/../studio"
exec trunk build "${release[@]}" --dist "$out"
