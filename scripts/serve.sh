#!/usr/bin/env bash
# README command 1: install what is missing, then serve the demo (bundled faq.json) on localhost.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_build_tools
PORT=${PORT:-8080}
step "Serving the demo on http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
exec trunk serve --release --port "$PORT" --address 127.0.0.1 "$@"
