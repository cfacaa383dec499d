#!/usr/bin/env bash
# Memory traces through the gateway: add, idempotent add, update, revise, history, search, retire.
source "$(dirname "$0")/lib.sh"
BASE="$LH_GATEWAY/v1/pathway"
[[ "${LH_VIA_GATEWAY:-1}" == 0 ]] && BASE="$(svc_url pathway)/pathway"
tag="smoke-$$-$RANDOM"

lh_curl -X POST -H 'Content-Type: application/json' "$BASE/traces" \
  -d "{\"content\":{\"worker\":\"W00042\",\"note\":\"forklift certified, prefers nights\"},\"tags\":[\"$tag\"]}" > /dev/null
expect_status 201 "add a trace"
uid=$(json_get '["uid"]')

lh_curl -X POST -H 'Content-Type: application/json' "$BASE/traces?idempotent=true" \
  -d '{"content":{"note":"forklift certified, prefers nights","worker":"W00042"}}' > /dev/null
expect_status 200 "idempotent add of the same content (keys reordered)"
[[ "$(json_get '["uid"]')" == "$uid" && "$(json_get '["replay_count"]')" -ge 1 ]] || fail "idempotent add did not return the original"

lh_curl -X PUT -H 'Content-Type: application/json' "$BASE/traces/$uid" \
  -d '{"content":{"worker":"W00042","note":"placed at Joliet DC"}}' > /dev/null
expect_status 200 "update keeps the uid"

lh_curl -X POST -H 'Content-Type: application/json' "$BASE/traces/$uid/revise" -d '{"content":{"note":"extended 4 weeks"}}' > /dev/null
expect_status 201 "revise makes a successor"
rev=$(json_get '["uid"]')

lh_curl "$BASE/traces/$rev/history" > /dev/null
expect_status 200 "history"
[[ "$(json_get '["traces"][1]["uid"]')" == "$uid" ]] || fail "history does not walk back to the original"

lh_curl -X POST -H 'Content-Type: application/json' "$BASE/search" -d "{\"query\":\"joliet\",\"tags\":[\"$tag\"]}" > /dev/null
expect_status 200 "search by text and tag"
[[ "$(json_get '["results"][0]["trace"]["uid"]')" == "$uid" ]] || fail "search did not find the updated trace"

lh_curl -X POST "$BASE/traces/$uid/retire" > /dev/null
expect_status 200 "retire"
lh_curl -X POST -H 'Content-Type: application/json' "$BASE/search" -d "{\"query\":\"joliet\",\"tags\":[\"$tag\"]}" > /dev/null
[[ "$(json_get '["results"]')" == "[]" ]] || fail "a retired trace came back from search"
pass "retired trace no longer searchable"

lh_curl "$BASE/traces/does-not-exist" > /dev/null
expect_status 404 "unknown uid"
