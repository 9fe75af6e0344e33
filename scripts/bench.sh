#!/usr/bin/env bash
# The benchmark command of issue 8 (numbers, not a test; nothing here fails on a figure):
# size per file, start time against a static page (and at 4x CPU), memory after load, opening a
# question in a 10,000-question FAQ, and keystroke to DOM on the bundled and the 10k FAQ.
# About 6 minutes on 2 cores. BENCHMARKS.md holds the results and what each change bought.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_build_tools
apt_install_missing "${APT_CHROMIUM[@]}"

step "Release build"
trunk build --release

step "Size (brotli; also checked in CI against size-budget.json)"
node scripts/size-check.mjs || true

step "Start, memory, opening a question at 10,000 questions"
node bench/start.mjs

step "Keystroke to DOM updated (bundled and 10,000 questions)"
node bench/gen-faq.mjs
PAGE_PORT=${PAGE_PORT:-4311} node bench/keystroke.mjs

step "Lighthouse, mobile, as deployed: static, pre-rendered, script tag compressed and not, demo (medians, not a test)"
node bench/lighthouse.mjs --runs 5
