# Shared by scripts/serve.sh and scripts/test.sh: installs what is missing, never what is there.
# Everything comes from the package registries (crates.io, npm, Debian); nothing downloads a binary.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_OFFLINE=true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
export GECKODRIVER="${GECKODRIVER:-$HOME/.cargo/bin/geckodriver}"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

need() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is not installed. $2"
}

wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_rust() {
  need cargo "Install Rust from https://rustup.rs (the toolchain in rust-toolchain.toml is picked up by itself)."
  if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
    step "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
    step "Installing Trunk $TRUNK_VERSION (about 5 minutes, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

# wasm-bindgen-cli: Trunk's bindgen step and wasm-bindgen-test-runner (the wasm tests).
ensure_wasm_bindgen() {
  local wbg
  wbg=$(wasm_bindgen_version)
  [ -n "$wbg" ] || die "Cargo.lock names no wasm-bindgen version"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg\$"; then
    step "Installing wasm-bindgen-cli $wbg to match Cargo.lock (about 2 minutes, once)"
    # Not --locked: one of its locked dependencies is no longer on the registry.
    cargo install wasm-bindgen-cli --version "$wbg"
  fi
}

# package.json's dev tooling: wasm-opt, terser, Playwright, axe-core, ajv, selenium-webdriver.
ensure_npm_tooling() {
  need node "Install Node.js 20 or newer (with npm)."
  need npm "Install npm (it comes with Node.js)."
  if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "Installing the npm tooling (wasm-opt, Playwright, axe-core)"
    npm ci --no-audit --no-fund
  fi
}

ensure_build_tools() {
  ensure_rust
  ensure_npm_tooling
  ensure_trunk
  ensure_wasm_bindgen
}

# Apt packages: each with a file that proves it is installed.
apt_install_missing() {
  local missing=() pkg file
  while [ $# -gt 0 ]; do
    pkg=$1 file=$2
    shift 2
    [ -e "$file" ] || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    step "Installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    die "These tests need: ${missing[*]}. Install them, e.g.: sudo apt-get install ${missing[*]}"
  fi
}

ensure_geckodriver() {
  if [ ! -x "$GECKODRIVER" ]; then
    step "Installing geckodriver $GECKODRIVER_VERSION from crates.io (about 4 minutes, once)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION"
    [ -x "$GECKODRIVER" ] || die "geckodriver is not at $GECKODRIVER (set GECKODRIVER to its path)"
  fi
}

# The Debian packages that each part of the suite needs, as "package file-that-proves-it" pairs
# for apt_install_missing: Chromium for the wasm tests and Playwright, Firefox ESR for the wasm
# tests and tests/engines (with geckodriver), WebKitGTK (WebKitWebDriver + MiniBrowser under Xvfb)
# for tests/engines, nginx + brotli_static and Caddy for tests/e2e/deploy.spec.mjs.
APT_CHROMIUM=(chromium /usr/bin/chromium chromium-driver /usr/bin/chromedriver)
APT_FIREFOX=(firefox-esr /usr/bin/firefox-esr)
APT_WEBKIT=(webkit2gtk-driver /usr/bin/WebKitWebDriver xvfb /usr/bin/Xvfb)
APT_SERVERS=(
  nginx /usr/sbin/nginx
  libnginx-mod-http-brotli-static /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
  caddy /usr/bin/caddy
)

# PostgreSQL's server programs, whatever Debian's major version: the collector's tests start a
# throwaway server of their own (cli/tests/support/pg.rs) on a loopback port.
ensure_postgres() {
  apt_install_missing postgresql "$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | head -n 1)"
}

check_minibrowser() {
  [ -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ] ||
    die "WebKitWebDriver is there but not MiniBrowser (/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser): reinstall webkit2gtk-driver"
}
