#!/usr/bin/env bash
# The console's browser tests (console-tests/) against a running fleet: installs Chromium and
# playwright-core if missing, then runs node's test runner. Screenshots land in
# console-tests/target/; the README's land in docs/images/ when LH_CONSOLE_README_SHOTS=1.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bash "$ROOT/scripts/console/install-browser.sh"
# The auth test starts a second gateway jar: it needs the fleet's JDK (>= 21), not any java.
# shellcheck source=../lib/jdk.sh
source "$ROOT/scripts/lib/jdk.sh"
LH_JAVA=$(find_java) || { echo "console tests: no JDK >= 21 found" >&2; exit 1; }
export LH_JAVA
cd "$ROOT/console-tests"
rm -rf target
# --experimental-detect-module: the console's own .js files are ES modules without a package.json
# beside them (the gateway would serve it), and the unit tests import them as they are.
exec node --test --experimental-detect-module --test-concurrency=1 --test-timeout=240000 unit/*.test.mjs tests/*.test.mjs
