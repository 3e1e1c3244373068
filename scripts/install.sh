#!/usr/bin/env bash
# Installs what Briefings needs on a Debian machine with node 20: Debian's Chromium (for the demo
# and the end-to-end tests) when it is missing, then the exact npm dependencies of the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Chromium: $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null)"
else
  echo "Installing Debian's chromium…"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq chromium >/dev/null
fi

npm ci --no-audit --no-fund
