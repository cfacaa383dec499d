#!/usr/bin/env bash
# gateway (SPEC §1): the whole path a user walks, through the gateway only ($LH_GATEWAY, :3110):
# fleet health, CSV ingest -> SQL -> embed -> vector index create/add -> search, plus a storage
# round trip with a key that needs percent-encoding and a Range read. Re-runnable: it replaces its
# dataset, recreates its index and rewrites its objects (all named smoke_gateway).
source "$(dirname "$0")/lib.sh"

V1="$LH_GATEWAY/v1"
NAME=smoke_gateway

# py CODE: runs Python with json and sys imported and the last body parsed as `d`.
py() { python3 -c "import json,sys; d=json.load(open('$SMOKE_TMP/body')); $1"; }

# --- fleet health ---------------------------------------------------------------------------
lh_curl "$V1/health" > /dev/null
expect_status 200 "GET /v1/health"
status=$(json_get '["status"]')
[[ "$status" == "ok" ]] || fail "fleet is $status: $(py 'print({k: v for k, v in d["services"].items() if v["status"] != "ok"})')"
pass "every upstream is healthy"

lh_curl "$V1/no-such-route" > /dev/null
expect_status 404 "unknown /v1 route"

if [[ -n "${AUTH_TOKEN:-}" ]]; then
  code=$(curl -s -o /dev/null -w '%{http_code}' "$V1/catalog/list")
  [[ "$code" == "401" ]] || fail "a call without the token got $code, not 401"
  pass "auth at the edge: no token -> 401"
fi

# --- storage through the edge: an awkward key and a Range read ----------------------------------
KEY_PATH="smoke_gateway/a%20b%2Bc%23d%3F%C3%A9.txt"
printf 'hello, gateway' > "$SMOKE_TMP/object"
lh_curl -X PUT --data-binary @"$SMOKE_TMP/object" "$V1/storage/object/$KEY_PATH" > /dev/null
expect_status 200 "PUT object with spaces, +, #, ? and UTF-8 in its key"
[[ "$(json_get '["key"]')" == "smoke_gateway/a b+c#d?é.txt" ]] || fail "storaged stored another key: $(json_get '["key"]')"
lh_curl -H 'Range: bytes=7-13' "$V1/storage/object/$KEY_PATH" > /dev/null
expect_status 206 "ranged GET"
[[ "$(cat "$SMOKE_TMP/body")" == "gateway" ]] || fail "range body is not 'gateway'"

# --- ingest ------------------------------------------------------------------------------------
cat > "$SMOKE_TMP/people.csv" <<'CSV'
id,name,city,profile
1,Ada,London,"senior Java developer, Spring and SQL"
2,Grace,Boston,"registered nurse, intensive care night shifts"
3,Linus,Helsinki,"forklift operator in a cold-storage warehouse"
CSV
lh_curl -X POST -F "file=@$SMOKE_TMP/people.csv;type=text/csv" "$V1/ingest?name=$NAME&mode=replace" > /dev/null
code=$(last_status)
[[ "$code" == "200" || "$code" == "201" ]] || fail "ingest (got $code)"
pass "POST /v1/ingest?name=$NAME multipart ($code)"
[[ "$(json_get '["row_count"]')" == "3" ]] || fail "ingest row_count is not 3"
[[ "$(json_get '["name"]')" == "$NAME" ]] || fail "ingest answered another name"

# --- SQL ---------------------------------------------------------------------------------------
lh_curl -X POST -H 'Content-Type: application/json' \
  --data "{\"sql\":\"SELECT id, name, profile FROM $NAME ORDER BY id\",\"max_rows\":10}" "$V1/sql" > /dev/null
expect_status 200 "POST /v1/sql"
[[ "$(json_get '["row_count"]')" == "3" ]] || fail "SQL row_count is not 3"
[[ "$(json_get '["rows"][1][1]')" == "Grace" ]] || fail "SQL row 2 is not Grace"
py "json.dump({'ids': [str(r[0]) for r in d['rows']], 'names': [r[1] for r in d['rows']], 'texts': [r[2] for r in d['rows']]}, open('$SMOKE_TMP/rows.json', 'w'))"

# --- embed -------------------------------------------------------------------------------------
python3 -c "import json; r=json.load(open('$SMOKE_TMP/rows.json')); print(json.dumps({'texts': r['texts']}))" > "$SMOKE_TMP/embed.json"
lh_curl -X POST -H 'Content-Type: application/json' --data @"$SMOKE_TMP/embed.json" "$V1/embed" > /dev/null
expect_status 200 "POST /v1/embed"
DIM=$(json_get '["dimension"]')
[[ "$(py 'print(len(d["vectors"]))')" == "3" ]] || fail "embed did not return 3 vectors"
py "r=json.load(open('$SMOKE_TMP/rows.json')); json.dump({'items': [{'id': i, 'vector': v, 'metadata': {'name': n}} for i, v, n in zip(r['ids'], d['vectors'], r['names'])]}, open('$SMOKE_TMP/add.json', 'w'))"

# --- vector index ------------------------------------------------------------------------------
lh_curl -X DELETE "$V1/vectors/index/$NAME" > /dev/null
[[ "$(last_status)" == "204" || "$(last_status)" == "404" ]] || fail "cleanup delete of the index (got $(last_status))"
lh_curl -X POST -H 'Content-Type: application/json' \
  --data "{\"name\":\"$NAME\",\"dimension\":$DIM,\"distance\":\"cosine\"}" "$V1/vectors/index" > /dev/null
expect_status 201 "POST /v1/vectors/index (dimension $DIM)"
lh_curl -X POST -H 'Content-Type: application/json' --data @"$SMOKE_TMP/add.json" "$V1/vectors/index/$NAME/add" > /dev/null
expect_status 200 "POST /v1/vectors/index/$NAME/add"
[[ "$(json_get '["count"]')" == "3" ]] || fail "index count is not 3"

# --- search: a question in other words finds the nurse ----------------------------------------
lh_curl -X POST -H 'Content-Type: application/json' \
  --data '{"texts":["hospital job caring for patients overnight"]}' "$V1/embed" > /dev/null
expect_status 200 "embed the question"
py "json.dump({'vector': d['vectors'][0], 'k': 2}, open('$SMOKE_TMP/search.json', 'w'))"
lh_curl -X POST -H 'Content-Type: application/json' --data @"$SMOKE_TMP/search.json" "$V1/vectors/index/$NAME/search" > /dev/null
expect_status 200 "POST /v1/vectors/index/$NAME/search"
[[ "$(py 'print(len(d["hits"]))')" == "2" ]] || fail "search did not return k=2 hits"
[[ "$(json_get '["hits"][0]["id"]')" == "2" ]] || fail "nearest hit is $(json_get '["hits"][0]')"
[[ "$(json_get '["hits"][0]["metadata"]["name"]')" == "Grace" ]] || fail "hit metadata lost"
pass "semantic search through the gateway finds Grace"
