#!/usr/bin/env bash
# README command 1: install what is missing, build the release, then serve dist/ on localhost as
# a deploy serves it: the build's precompressed .br/.gz and deploy/'s cache headers
# (scripts/serve-dist.mjs). Trunk's own server sends the wasm uncompressed, three times the bytes.
#
#   ./scripts/serve.sh [--watch] [--no-build] [--uncompressed] [--port N]   (or PORT=N)
#
#   --watch         rebuild dist/ whenever a source changes (trunk watch --release); reload the page
#   --no-build      serve dist/ as it is
#   --uncompressed  send every file uncompressed, as a host without compression does
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

PORT=${PORT:-8080}
build=1 watch=0 serve_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --watch) watch=1 ;;
    --no-build) build=0 ;;
    --uncompressed) serve_args+=(--uncompressed) ;;
    --port) PORT=${2:?--port needs a number}; shift ;;
    *) echo "usage: ./scripts/serve.sh [--watch] [--no-build] [--uncompressed] [--port N]" >&2; exit 2 ;;
  esac
  shift
done

if [ $build = 1 ]; then ensure_build_tools; else ensure_npm_tooling; fi
if [ $watch = 1 ]; then
  step "Building dist/ and rebuilding it on every change (trunk watch --release)"
  trunk watch --release &
  watcher=$!
  trap 'kill $watcher 2>/dev/null' EXIT
elif [ $build = 1 ]; then
  step "Building dist/ (trunk build --release)"
  trunk build --release
fi
step "Serving the demo on http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
if [ $watch = 1 ]; then
  node scripts/serve-dist.mjs --port "$PORT" "${serve_args[@]}"
else
  # exec: the server is this process, so a SIGTERM to it stops the server.
  exec node scripts/serve-dist.mjs --port "$PORT" "${serve_args[@]}"
fi
