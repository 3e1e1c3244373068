#!/usr/bin/env bash
# Installs what Briefings needs on a Debian machine with node 20: Debian's Chromium and Firefox ESR
# (for the demo and the end-to-end tests) when they are missing, then the exact npm dependencies of
# the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

browsers=()
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Chromium: $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null)"
else
  browsers+=(chromium)
fi
if [ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ]; then
  echo "Firefox: $("${FIREFOX_PATH:-/usr/bin/firefox-esr}" --version 2>/dev/null)"
else
  browsers+=(firefox-esr)
fi

if [ "${#browsers[@]}" -gt 0 ]; then
  echo "Installing Debian's ${browsers[*]}…"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${browsers[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
