#!/usr/bin/env bash
# The one set-up step of `npm start`, `npm test` and CI: installs, once, what a layer needs when it is missing.
#   setup.sh start   what `npm start` needs: VS Code's server, unless desktop VS Code (`code`) is on PATH
#   setup.sh test    what every test layer needs: Chromium, the real Jekyll with its plugins, VS Code's server
# Debian packages are installed with apt-get when running as root; otherwise it stops with one message that
# names what is missing and the command that installs it. It never lets a layer skip silently.
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-test}"
log() { echo "[setup] $*" >&2; }

# The real Jekyll is the conformance tests' oracle (never the product's): Jekyll 4.3 and the plugins that
# the generated and real blogs use. Each plugin is "Debian package:gem to require".
JEKYLL_PLUGINS=(
  ruby-jekyll-feed:jekyll-feed
  ruby-jekyll-redirect-from:jekyll-redirect-from
  ruby-jekyll-paginate:jekyll-paginate
  ruby-jekyll-sitemap:jekyll-sitemap
  ruby-jekyll-seo-tag:jekyll-seo-tag
  ruby-jekyll-archives:jekyll-archives
  ruby-jekyll-relative-links:jekyll-relative-links
)

missing=()   # Debian packages to install
reasons=()   # why, one line each

need_chromium() {
  [ -n "${CHROMIUM_PATH:-}" ] && return
  command -v chromium >/dev/null || command -v chromium-browser >/dev/null || {
    missing+=(chromium); reasons+=("chromium: the window of the real VS Code suite and the preview tests");
  }
}

need_vscode_server_tools() {
  command -v rg >/dev/null || { missing+=(ripgrep); reasons+=("ripgrep: VS Code's server searches with it"); }
  [ -f /usr/include/krb5.h ] || [ -f /usr/include/krb5/krb5.h ] || {
    missing+=(libkrb5-dev); reasons+=("libkrb5-dev: headers to build a native module of VS Code's server");
  }
}

need_jekyll() {
  local gems=() packages=(jekyll) entry
  for entry in "${JEKYLL_PLUGINS[@]}"; do
    packages+=("${entry%%:*}")
    gems+=("${entry#*:}")
  done
  if command -v jekyll >/dev/null && ruby -e 'ARGV.each { |g| require g }' jekyll "${gems[@]}" 2>/dev/null; then
    return
  fi
  missing+=("${packages[@]}"); reasons+=("jekyll and its plugins: the oracle of the conformance tests");
}

case "$purpose" in
  start)
    if command -v code >/dev/null; then exit 0; fi
    need_vscode_server_tools
    ;;
  test)
    need_chromium
    need_vscode_server_tools
    need_jekyll
    ;;
  *)
    echo "usage: scripts/setup.sh start|test" >&2
    exit 2
    ;;
esac

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing with apt-get, once:"
    for reason in "${reasons[@]}"; do log "  $reason"; done
    apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
  else
    echo "[setup] missing: ${missing[*]}" >&2
    for reason in "${reasons[@]}"; do echo "[setup]   $reason" >&2; done
    echo "[setup] install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

bash scripts/install-vscode-server.sh >/dev/null
