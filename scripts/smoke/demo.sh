#!/usr/bin/env bash
# The demo walk, smaller, must run to the end twice (it is re-runnable) and find IL forklift work.
source "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

for run in 1 2; do
  python3 "$ROOT/scripts/demo/walk.py" --rows 1500 --workdir "$SMOKE_TMP" > "$SMOKE_TMP/demo-$run.out" 2>&1 \
    || { cat "$SMOKE_TMP/demo-$run.out" >&2; fail "demo run $run exited non-zero"; }
  pass "demo run $run completed"
done
grep -A12 '^== 7\. ' "$SMOKE_TMP/demo-2.out" | grep -E 'Forklift Operator|Warehouse Associate' | grep -q ' IL' \
  || { cat "$SMOKE_TMP/demo-2.out" >&2; fail "semantic hits are not forklift/warehouse work in IL"; }
pass "semantic hits are forklift/warehouse roles in IL"
