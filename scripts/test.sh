#!/usr/bin/env bash
# README command 2 (and CI): install what is missing, then run every check and test.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_build_tools
ensure_browser
ensure_engines_and_servers
# wasm-bindgen-test-runner takes the first driver it finds set (GECKODRIVER before CHROMEDRIVER):
# each run below names its own.
unset CHROMEDRIVER

step "Format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown --features embed -- -D warnings
cargo clippy -p faq-studio --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p faq-widget-reporter --target wasm32-unknown-unknown -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown --features report -- -D warnings

step "Native tests (core logic, views rendered to HTML, the command-line tool)"
cargo test --workspace

step "Authoring tools: check the bundled faq.json; the JSON Schema with ajv"
cargo run --quiet -p faq-widget-cli -- check faq.json
node --test tests/schema/schema.test.mjs tests/schema/feedback.test.mjs

step "Browser tests (wasm-bindgen-test in headless Chromium)"
env -u GECKODRIVER CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --features render-probe,report

step "Browser tests (wasm-bindgen-test in headless Firefox ESR)"
GECKODRIVER="$GECKODRIVER" cargo test --target wasm32-unknown-unknown --features render-probe,report

step "Release build (the widget in dist/, the studio in dist/studio/)"
trunk build --release

step "The Yew app example (examples/yew-app: two FaqWidget components, built by Trunk)"
(cd examples/yew-app && trunk build)

step "Size check (brotli total of what one embed downloads, against size-budget.json)"
node scripts/size-check.mjs

step "End-to-end tests (Playwright + axe-core, headless Chromium, release build over HTTP; nginx and Caddy as deploy/ configures them)"
npx playwright test

step "The main journeys in Firefox ESR and WebKitGTK (WebDriver, release build over HTTP)"
node --test --test-concurrency=1 tests/engines/journeys.test.mjs
