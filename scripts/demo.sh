#!/usr/bin/env bash
# ./lakehouse demo: the whole path a user walks, on a running fleet (started if needed).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
GATEWAY=${LH_GATEWAY:-http://127.0.0.1:3110}
command -v python3 > /dev/null || { echo "demo: python3 is needed to drive the walk" >&2; exit 1; }
if [[ "$(curl -s -o /dev/null -m 3 -w '%{http_code}' "$GATEWAY/v1/health")" != 200 ]]; then
  echo "the fleet is not running; starting it"
  "$ROOT/lakehouse" up
fi
exec python3 "$ROOT/scripts/demo/walk.py" --workdir "${LH_DATA_DIR:-$ROOT/data}/demo" "$@"
