#!/usr/bin/env bash
# Makes sure the system programs the tests need are present: redis-server (the contract suite
# runs against a real Redis), nginx (the cluster launcher's load balancer) and Chromium (unless
# Playwright's own browser is installed).
# As root on Debian/Ubuntu it installs what is missing with apt-get; elsewhere it says what to install.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)

playwright_browser=$(node -e "try { const { chromium } = require('@playwright/test'); process.stdout.write(require('fs').existsSync(chromium.executablePath()) ? 'yes' : 'no') } catch { process.stdout.write('no') }" 2>/dev/null || echo no)
if [ "$playwright_browser" != yes ] && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  missing+=(chromium)
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing missing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi

echo "The tests need these programs, which are missing: ${missing[*]}" >&2
echo "  Debian/Ubuntu:  sudo apt-get install -y redis-server nginx chromium" >&2
echo "  macOS:          brew install redis nginx && npx playwright install chromium" >&2
echo "  Fedora:         sudo dnf install -y redis nginx chromium" >&2
echo "  (or set CHROMIUM_PATH to a Chromium/Chrome binary, or run: npx playwright install chromium)" >&2
exit 1
