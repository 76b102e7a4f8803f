#!/usr/bin/env bash
# Installs what the dashboard's browser test needs: Debian's Chromium and playwright-core (npm,
# test only, in tests/browser/node_modules). Idempotent and quiet. Run it (not source it) from
# .ci/run before `cargo test`; it exports nothing: the test finds /usr/bin/chromium and
# tests/browser/node_modules by their paths.
set -euo pipefail
cd "$(dirname "$0")/.."

# Only what is missing: the machine's own Node.js (not Debian's) must not be replaced.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# playwright-core only drives the browser; it downloads none (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD).
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
echo "browser: $(chromium --version 2>/dev/null | head -1), playwright-core $(node -p 'require("./tests/browser/node_modules/playwright-core/package.json").version')"
