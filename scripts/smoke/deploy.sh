#!/usr/bin/env bash
# The deployment files stay valid: the compose file parses (docker compose or docker-compose,
# installed from Debian's packages when missing and possible) and every systemd unit verifies.
source "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

compose=()
if docker compose version > /dev/null 2>&1; then compose=(docker compose)
elif command -v docker-compose > /dev/null 2>&1; then compose=(docker-compose)
elif [[ $(id -u) == 0 ]] && command -v apt-get > /dev/null 2>&1; then
  (apt-get install -y -q docker-compose > /dev/null 2>&1 || { apt-get update -q > /dev/null 2>&1 && apt-get install -y -q docker-compose > /dev/null 2>&1; }) \
    && compose=(docker-compose)
fi
if ((${#compose[@]} > 0)); then
  # The real env file is the operator's; validate against the example.
  work="$SMOKE_TMP/compose"
  mkdir -p "$work"
  cp -r "$ROOT/docker-compose.yml" "$ROOT/deploy" "$work/"
  cp "$work/deploy/compose/lakehouse.env.example" "$work/deploy/compose/lakehouse.env"
  (cd "$work" && "${compose[@]}" config -q) || fail "docker-compose.yml does not validate"
  pass "docker-compose.yml validates (${compose[*]} config)"
else
  echo "  skip compose validation: neither 'docker compose' nor docker-compose is available"
fi

if command -v systemd-analyze > /dev/null 2>&1; then
  for unit in "$ROOT"/deploy/systemd/*.service; do
    out=$(systemd-analyze verify "$unit" 2>&1 | grep -v 'Failed to prepare filename\|No such file' || true)
    [[ -z "$out" ]] || fail "$(basename "$unit"): $out"
  done
  pass "systemd units verify ($(ls "$ROOT"/deploy/systemd/*.service | wc -l) units)"
else
  echo "  skip unit verification: systemd-analyze is not available"
fi
