#!/usr/bin/env bash
# Every service answers /health on its own port, and the gateway answers for the fleet.
source "$(dirname "$0")/lib.sh"

for svc in gateway storaged catalogd ingestd queryd vectord embedd pathway observerd; do
  lh_curl "$(svc_url "$svc")/health" > /dev/null
  expect_status 200 "$svc /health"
  [[ "$(json_get '["service"]')" == "$svc" ]] || fail "$svc /health names another service"
  [[ "$(json_get '["status"]')" == "ok" ]] || fail "$svc /health status is not ok"
done
