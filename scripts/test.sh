#!/usr/bin/env bash
# README command 2 (and CI): install what is missing, then run every check and test.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_build_tools
ensure_browser
export CHROMEDRIVER=/usr/bin/chromedriver

step "Format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p faq-studio --target wasm32-unknown-unknown -- -D warnings

step "Native tests (core logic, views rendered to HTML, the command-line tool)"
cargo test --workspace

step "Authoring tools: check the bundled faq.json; the JSON Schema with ajv"
cargo run --quiet -p faq-widget-cli -- check faq.json
node --test tests/schema/schema.test.mjs tests/schema/feedback.test.mjs

step "Browser tests (wasm-bindgen-test in headless Chromium)"
cargo test --target wasm32-unknown-unknown

step "Release build (the widget in dist/, the studio in dist/studio/)"
trunk build --release

step "Size check (brotli total of what one embed downloads, against size-budget.json)"
node scripts/size-check.mjs

step "End-to-end tests (Playwright + axe-core, headless Chromium, release build over HTTP)"
npx playwright test
