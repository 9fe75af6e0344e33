#!/usr/bin/env bash
# README command 2 (and CI): install what is missing, then run every check and test.
#
#   ./scripts/test.sh                     everything, in order (what CI runs)
#   ./scripts/test.sh TIER [TIER ...]     only those tiers, in the suite's order, after the
#                                         installs they need; `e2e` takes the rest of the line
#                                         as Playwright's arguments (a spec file, -g PATTERN)
#   ./scripts/test.sh --list              the tiers, what each covers, its time on 2 cores
#
# Which tier covers which part of the code: docs/testing.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

# The tiers in the suite's order: name, what it covers, seconds measured on 2 cores (warm:
# tools installed and every crate compiled, so a tier's time is its own work).
TIERS=(lint native check wasm-chromium wasm-firefox build size e2e engines release)
declare -A ABOUT=(
  [lint]="cargo fmt --check; clippy -D warnings on the workspace (native) and the wasm builds (embed, report, studio, reporter)"
  [native]="cargo test --workspace: the pure core, views rendered to HTML (ssr), the CLI, the collector (on SQLite and on a throwaway PostgreSQL), the studio's logic"
  [check]="faq-widget check faq.json and its translations; the JSON Schemas (faq, feedback) with ajv; this script's arguments; no import cycle; the links between the Markdown docs"
  [wasm-chromium]="wasm-bindgen tests of the components and hooks in headless Chromium"
  [wasm-firefox]="the same wasm-bindgen tests in headless Firefox ESR"
  [build]="trunk build --release (dist/: widget, reporter, studio) and examples/yew-app"
  [size]="brotli total of one embed against size-budget.json (builds dist/ if stale)"
  [e2e]="Playwright + axe in Chromium: every spec in tests/e2e, nginx and Caddy (builds dist/ if stale)"
  [engines]="the main journeys in Firefox ESR and WebKitGTK over WebDriver (builds dist/ if stale)"
  [release]="scripts/release.sh's artefacts installed into empty folders: npm package in Chromium, tar.gz, the crates (builds dist/ if stale)"
)
# From `./scripts/test.sh` on 2026-12-07 (BENCHMARKS.md "The test command").
declare -A SECONDS_MEASURED=(
  [lint]=2 [native]=16 [check]=4 [wasm-chromium]=19 [wasm-firefox]=22
  [build]=137 [size]=1 [e2e]=324 [engines]=26 [release]=33
)
declare -A ALIASES=([wasm]="wasm-chromium wasm-firefox")

list_tiers() {
  printf 'Tiers of ./scripts/test.sh, in the order they run (no argument: all of them):\n\n'
  local tier
  for tier in "${TIERS[@]}"; do
    printf '  %-14s %4s s  %s\n' "$tier" "${SECONDS_MEASURED[$tier]}" "${ABOUT[$tier]}"
  done
  printf '  %-14s         %s\n' wasm "wasm-chromium and wasm-firefox"
  printf '\nSeconds: measured on 2 cores, warm; after an edit to the widget, size, e2e and engines\n'
  printf 'first rebuild dist/ (about 2.5 minutes). e2e takes the rest of the line as\n'
  printf "Playwright's arguments: ./scripts/test.sh e2e tests/e2e/search.spec.mjs -g 'typo'\n"
}

# --- Arguments: every name is checked before anything runs ---------------------------------
declare -A WANT=()
E2E_ARGS=()
if [ $# -eq 0 ]; then
  for tier in "${TIERS[@]}"; do WANT[$tier]=1; done
else
  while [ $# -gt 0 ]; do
    arg=$1
    shift
    case "$arg" in
      --list | -l | --help | -h)
        list_tiers
        exit 0
        ;;
      e2e)
        WANT[e2e]=1
        E2E_ARGS=("$@")
        break
        ;;
    esac
    if [ -n "${ALIASES[$arg]:-}" ]; then
      for tier in ${ALIASES[$arg]}; do WANT[$tier]=1; done
    elif [ -n "${ABOUT[$arg]:-}" ]; then
      WANT[$arg]=1
    else
      printf 'test.sh: unknown tier "%s"\n\n' "$arg" >&2
      list_tiers >&2
      exit 2
    fi
  done
fi
wants() { [ -n "${WANT[$1]:-}" ]; }
wants_any() {
  local tier
  for tier in "$@"; do wants "$tier" && return 0; done
  return 1
}

# --- Disk: the suite builds several target folders (native, wasm, the packed crates verified, the
# tool installed from its crate, the Yew app from the packed crate); stop 37's CI ran out of disk
# in the last of them. Builds outside this workspace (cargo package's verify, cargo install
# --path) do not read its [profile.dev], so the environment gives them the same line tables.
export CARGO_PROFILE_DEV_DEBUG=${CARGO_PROFILE_DEV_DEBUG:-line-tables-only}
# CI builds everything once from a clean checkout: incremental caches would only take disk there.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi
free_disk() { df -Pk . | awk 'NR == 2 { printf "%.1f GB free", $4 / 1048576 }'; }

# --- Installs: only what the chosen tiers need (all of it for the whole suite) ---------------
# Tiers that read dist/ build it when it is missing or stale, so they need the build tools too.
ensure_rust
apt_needed=()
wants_any wasm-chromium e2e release && apt_needed+=("${APT_CHROMIUM[@]}")
wants_any wasm-firefox engines && apt_needed+=("${APT_FIREFOX[@]}")
wants engines && apt_needed+=("${APT_WEBKIT[@]}")
wants e2e && apt_needed+=("${APT_SERVERS[@]}")
[ ${#apt_needed[@]} -gt 0 ] && apt_install_missing "${apt_needed[@]}"
wants native && ensure_postgres
wants engines && check_minibrowser
wants_any check build size e2e engines release && ensure_npm_tooling
wants_any build size e2e engines release && ensure_trunk
wants_any wasm-chromium wasm-firefox build size e2e engines release && ensure_wasm_bindgen
wants_any wasm-firefox engines && ensure_geckodriver
# wasm-bindgen-test-runner takes the first driver it finds set (GECKODRIVER before CHROMEDRIVER):
# each run below names its own.
unset CHROMEDRIVER

# --- dist/ for the tiers that serve it ---------------------------------------------------------
# What each build is made from: a file newer than the build's index.html makes it stale.
DIST_SOURCES=(src web styles reporter studio index.html Trunk.toml Cargo.toml Cargo.lock faq.json
  faq.schema.json package-lock.json scripts/post-build.mjs scripts/compress.mjs
  scripts/service-worker.mjs scripts/build-studio.sh)
# The Yew app's build goes where the e2e server serves it (examples/yew-app/Trunk.toml).
YEW_APP_DIST=target/e2e-generated/yew-app
YEW_APP_SOURCES=(examples src styles Cargo.toml Cargo.lock faq.json)

# Prints why `built` (an index.html) is out of date with `sources`, or nothing when it is not.
stale_reason() {
  local built=$1
  shift
  [ -e "$built" ] || { echo "there is no $built"; return; }
  local newer
  newer=$(find "$@" -type f -newer "$built" -not -path '*/dist/*' -not -path '*/target/*' -print -quit)
  [ -z "$newer" ] || echo "$newer is newer than $built"
}

build_dist() {
  step "Release build (the widget in dist/, the studio in dist/studio/)"
  trunk build --release
}

build_yew_app() {
  step "The Yew app example (examples/yew-app: two FaqWidget components, built by Trunk)"
  (cd examples/yew-app && trunk build)
}

# For size, e2e and engines when `build` is not among the tiers: rebuild what is stale, say why.
ensure_dists() {
  local why
  why=$(stale_reason dist/index.html "${DIST_SOURCES[@]}")
  if [ -n "$why" ]; then
    step "dist/ is stale ($why): building it"
    build_dist
  fi
  if [ "${1:-}" = with-yew-app ]; then
    why=$(stale_reason "$YEW_APP_DIST/index.html" "${YEW_APP_SOURCES[@]}")
    if [ -n "$why" ]; then
      step "$YEW_APP_DIST/ is stale ($why): building it"
      build_yew_app
    fi
  fi
}

# --- The tiers ------------------------------------------------------------------------------
tier_lint() {
  step "Format and lints"
  cargo fmt --all -- --check
  cargo clippy --workspace --all-targets -- -D warnings
  cargo clippy --lib --target wasm32-unknown-unknown --features embed -- -D warnings
  cargo clippy -p faq-studio --target wasm32-unknown-unknown -- -D warnings
  cargo clippy -p faq-widget-reporter --target wasm32-unknown-unknown -- -D warnings
  cargo clippy --lib --target wasm32-unknown-unknown --features report -- -D warnings
}

tier_native() {
  step "Native tests (core logic, views rendered to HTML, the command-line tool)"
  cargo test --workspace
}

tier_check() {
  step "Authoring tools: check the bundled faq.json; the JSON Schema with ajv; the docs' links"
  cargo run --quiet -p faq-widget-cli -- check --translations faq.json faq.fr.json faq.es.json faq.ar.json
  node --test tests/schema/schema.test.mjs tests/schema/feedback.test.mjs tests/scripts/tiers.test.mjs tests/scripts/imports.test.mjs tests/docs/links.test.mjs
}

tier_wasm-chromium() {
  step "Browser tests (wasm-bindgen-test in headless Chromium)"
  env -u GECKODRIVER CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --features render-probe,report
}

tier_wasm-firefox() {
  step "Browser tests (wasm-bindgen-test in headless Firefox ESR)"
  GECKODRIVER="$GECKODRIVER" cargo test --target wasm32-unknown-unknown --features render-probe,report
}

tier_build() {
  build_dist
  build_yew_app
}

tier_size() {
  wants build || ensure_dists
  step "Size check (brotli total of what one embed downloads, against size-budget.json)"
  node scripts/size-check.mjs
}

tier_e2e() {
  wants build || ensure_dists with-yew-app
  step "End-to-end tests (Playwright + axe-core, headless Chromium, release build over HTTP; nginx and Caddy as deploy/ configures them)"
  npx playwright test "${E2E_ARGS[@]}"
}

tier_engines() {
  wants build || ensure_dists
  step "The main journeys in Firefox ESR and WebKitGTK (WebDriver, release build over HTTP)"
  node --test --test-concurrency=1 tests/engines/journeys.test.mjs
}

tier_release() {
  wants build || ensure_dists
  # --allow-dirty: the test packs the work tree as it is; a real release runs without it.
  step "Release artefacts (scripts/release.sh: npm package, tar.gz + SHA256SUMS, the crates, the script tag)"
  bash scripts/release.sh --no-build --allow-dirty --out target/release-test/artefacts
  step "The release installed into empty folders (npm install, the tar.gz, the tool and the Yew app from the packed crates)"
  node --test --test-concurrency=1 tests/release/release.test.mjs
  step "The installed npm package in Chromium (its SRI tag from another origin, strict CSP too)"
  npx playwright test --config tests/release/playwright.config.mjs
}

# Each tier's wall time, printed at the end (the figures `--list` shows come from these lines).
TIMES=()
for tier in "${TIERS[@]}"; do
  wants "$tier" || continue
  started=$SECONDS
  "tier_$tier"
  TIMES+=("$(printf '%-14s %5d s   (then %s)' "$tier" $((SECONDS - started)) "$(free_disk)")")
done
step "Passed: each tier's time"
printf '  %s\n' "${TIMES[@]}"
printf '  %-14s %5d s\n' total "$SECONDS"
