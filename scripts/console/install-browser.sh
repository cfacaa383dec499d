#!/usr/bin/env bash
# Installs what the console's browser tests need, skipping whatever is already there:
# Debian's Chromium (the browser the tests drive) and playwright-core, pinned by
# console-tests/package-lock.json (the driver library only; it never downloads a browser).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TESTS="$ROOT/console-tests"

if [[ ! -x /usr/bin/chromium ]]; then
  command -v apt-get > /dev/null || { echo "console tests: /usr/bin/chromium is missing and there is no apt-get to install it" >&2; exit 1; }
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  echo "console tests: installing Debian's chromium"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium > /dev/null
fi

command -v node > /dev/null || { echo "console tests: node (>= 18) is needed to run them" >&2; exit 1; }
want=$(node -p "require('$TESTS/package-lock.json').packages['node_modules/playwright-core'].version")
have=$(node -p "try { require('$TESTS/node_modules/playwright-core/package.json').version } catch { '' }")
if [[ "$want" != "$have" ]]; then
  echo "console tests: installing playwright-core $want"
  (cd "$TESTS" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
