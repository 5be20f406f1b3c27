#!/usr/bin/env bash
# Installs a local VS Code server (code-server's bundled VS Code) into a cache folder outside the repo,
# for machines that cannot download VS Code (see ../shared/VSCODE-E2E.md). Idempotent. Called by scripts/setup.sh,
# which first installs the Debian packages it needs (ripgrep, libkrb5-dev).
set -euo pipefail
DIR="${BLOGWRIGHT_VSCODE_DIR:-$HOME/.cache/blogwright-vscode}"
VERSION="${BLOGWRIGHT_CODE_SERVER_VERSION:-4.100.3}"
VSCODE="$DIR/node_modules/code-server/lib/vscode"
if [ -f "$DIR/.installed-$VERSION" ]; then
  echo "$VSCODE"
  exit 0
fi
log() { echo "[setup] $*" >&2; }
log "installing the local VS Code server (code-server $VERSION) into $DIR; this takes a few minutes, once"
mkdir -p "$DIR"
npm install --prefix "$DIR" --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$VERSION" >&2
cd "$VSCODE"
log "installing VS Code's own dependencies"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
log "building native modules against the local Node headers"
npm_config_yes=true npm rebuild --nodedir="${npm_config_nodedir:-/usr}" kerberos node-pty @vscode/spdlog @parcel/watcher native-watchdog @vscode/deviceid >&2
ln -sfn node_modules node_modules.asar
touch "$DIR/.installed-$VERSION"
log "local VS Code server ready"
echo "$VSCODE"
