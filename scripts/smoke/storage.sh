#!/usr/bin/env bash
# storaged on its own port: PUT → list → GET (whole and ranged) → HEAD → DELETE of an awkward key,
# the key rules, and the size cap. Re-runnable: every key lives under smoke_storage/.
source "$(dirname "$0")/lib.sh"

S=$(svc_url storaged)
# "smoke_storage/a b+c#d?e%f \"q\" é.txt", percent-encoded for the URL path.
KEY='smoke_storage/a b+c#d?e%f "q" é.txt'
ENC='smoke_storage/a%20b%2Bc%23d%3Fe%25f%20%22q%22%20%C3%A9.txt'
printf 'lakehouse storage smoke\n' > "$SMOKE_TMP/obj"

lh_curl -X PUT -H 'Content-Type: application/octet-stream' --data-binary @"$SMOKE_TMP/obj" "$S/storage/object/$ENC" > /dev/null
expect_status 200 "PUT an object with spaces, quotes, %, +, #, ? and non-ASCII in its key"
[[ "$(json_get '["key"]')" == "$KEY" ]] || fail "PUT echoed another key: $(json_get '["key"]')"
[[ "$(json_get '["size"]')" == "24" ]] || fail "PUT size is not 24"
ETAG=$(json_get '["etag"]')

lh_curl "$S/storage/list?prefix=smoke_storage/&limit=1000" > /dev/null
expect_status 200 "list the prefix"
python3 - "$SMOKE_TMP/body" "$KEY" <<'PY' || fail "list does not hold the key byte-exact"
import json, sys
keys = [o["key"] for o in json.load(open(sys.argv[1]))["objects"]]
sys.exit(0 if sys.argv[2] in keys else 1)
PY
pass "list holds the key byte-exact"

lh_curl "$S/storage/object/$ENC" > "$SMOKE_TMP/got"
expect_status 200 "GET the object"
cmp -s "$SMOKE_TMP/got" "$SMOKE_TMP/obj" || fail "GET returned other bytes"
pass "GET bytes match"

lh_curl -H 'Range: bytes=10-16' "$S/storage/object/$ENC" > "$SMOKE_TMP/range"
expect_status 206 "GET a range"
[[ "$(cat "$SMOKE_TMP/range")" == "storage" ]] || fail "range bytes are wrong: $(cat "$SMOKE_TMP/range")"
lh_curl -H 'Range: bytes=24-' "$S/storage/object/$ENC" > /dev/null
expect_status 416 "a range beyond the end"

HEADERS=$(curl -sS -I ${AUTH_TOKEN:+-H "Authorization: Bearer $AUTH_TOKEN"} "$S/storage/object/$ENC")
grep -qi "^etag: \"$ETAG\"" <<< "$HEADERS" || fail "HEAD has no matching ETag"
grep -qi '^content-length: 24' <<< "$HEADERS" || fail "HEAD has no Content-Length 24"
grep -qi '^last-modified: ' <<< "$HEADERS" || fail "HEAD has no Last-Modified"
pass "HEAD carries ETag, Content-Length, Last-Modified"

lh_curl --path-as-is -X PUT --data-binary x "$S/storage/object/smoke_storage/../escape" > /dev/null
expect_status 400 "a '..' segment is refused"
lh_curl -X PUT --data-binary x "$S/storage/object/smoke_storage//empty" > /dev/null
expect_status 400 "an empty segment is refused"

lh_curl -X DELETE "$S/storage/object/$ENC" > /dev/null
expect_status 204 "DELETE"
lh_curl "$S/storage/object/$ENC" > /dev/null
expect_status 404 "GET after DELETE"
lh_curl -X DELETE "$S/storage/object/$ENC" > /dev/null
expect_status 204 "DELETE of an absent key"
