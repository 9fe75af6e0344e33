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

ensure_build_tools() {
  need cargo "Install Rust from https://rustup.rs (the toolchain in rust-toolchain.toml is picked up by itself)."
  need node "Install Node.js 20 or newer (with npm)."
  need npm "Install npm (it comes with Node.js)."
  if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
    step "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
    step "Installing Trunk $TRUNK_VERSION (about 5 minutes, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
  local wbg
  wbg=$(wasm_bindgen_version)
  [ -n "$wbg" ] || die "Cargo.lock names no wasm-bindgen version"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg\$"; then
    step "Installing wasm-bindgen-cli $wbg to match Cargo.lock (about 2 minutes, once)"
    # Not --locked: one of its locked dependencies is no longer on the registry.
    cargo install wasm-bindgen-cli --version "$wbg"
  fi
  if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "Installing the npm tooling (wasm-opt, Playwright, axe-core)"
    npm ci --no-audit --no-fund
  fi
}

ensure_browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    step "Installing Chromium and ChromeDriver from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  else
    die "The browser tests need Chromium and ChromeDriver at /usr/bin/chromium and /usr/bin/chromedriver.
Install them, e.g.: sudo apt-get install chromium chromium-driver"
  fi
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

# Firefox ESR (geckodriver) and WebKitGTK (WebKitWebDriver + MiniBrowser under Xvfb) for
# tests/engines and the Firefox wasm-bindgen-test run; nginx + brotli_static and Caddy for
# tests/e2e/deploy.spec.mjs. geckodriver is built from crates.io (about 4 minutes, once).
ensure_engines_and_servers() {
  apt_install_missing \
    firefox-esr /usr/bin/firefox-esr \
    webkit2gtk-driver /usr/bin/WebKitWebDriver \
    xvfb /usr/bin/Xvfb \
    nginx /usr/sbin/nginx \
    libnginx-mod-http-brotli-static /usr/lib/nginx/modules/ngx_http_brotli_static_module.so \
    caddy /usr/bin/caddy
  [ -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ] ||
    die "WebKitWebDriver is there but not MiniBrowser (/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser): reinstall webkit2gtk-driver"
  if [ ! -x "$GECKODRIVER" ]; then
    step "Installing geckodriver $GECKODRIVER_VERSION from crates.io (about 4 minutes, once)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION"
    [ -x "$GECKODRIVER" ] || die "geckodriver is not at $GECKODRIVER (set GECKODRIVER to its path)"
  fi
}
