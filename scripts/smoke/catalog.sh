#!/usr/bin/env bash
# catalogd (SPEC §4): register contract, versions, ETag/304, name validation, delete.
# Talks to catalogd's own port (LH_CATALOGD_URL overrides it), or through the gateway's /v1 when
# LH_VIA_GATEWAY=1. Re-runnable: it deletes its dataset first and registers it from scratch.
source "$(dirname "$0")/lib.sh"

if [[ "${LH_VIA_GATEWAY:-0}" == "1" ]]; then BASE="$LH_GATEWAY/v1"; else BASE=$(svc_url catalogd); fi
NAME=smoke_catalog
# Two schemas, A and B (city's type differs), and their SPEC §5 fingerprints: SHA-256 over
# name 0x1F type, joined by 0x1E. catalogd computes the fingerprint itself (a caller's is replaced).
fingerprint() {
  python3 -c 'import hashlib, sys; print(hashlib.sha256("\x1e".join(c + "\x1f" + t for c, t in
    [("id", "BIGINT"), ("city", sys.argv[1])]).encode()).hexdigest())' "$1"
}
FP_A=$(fingerprint VARCHAR)
FP_B=$(fingerprint BIGINT)

# body NAME FINGERPRINT MODE KEY...: a register body with one object per key (schema B for FP_B).
body() {
  python3 - "$FP_B" "$@" <<'PY'
import json, sys
fp_b, name, fp, mode, *keys = sys.argv[1:]
city = "BIGINT" if fp == fp_b else "VARCHAR"
print(json.dumps({"name": name, "schema_fingerprint": fp, "mode": mode,
  "schema": [{"name": "id", "type": "BIGINT", "nullable": False}, {"name": "city", "type": city, "nullable": True}],
  "objects": [{"key": "datasets/smoke_catalog/" + k + ".parquet", "size": 10, "etag": "e-" + k, "row_count": 5} for k in keys]}))
PY
}
register() { lh_curl -X POST -H 'Content-Type: application/json' --data "$(body "$@")" "$BASE/catalog/register" > /dev/null; }

lh_curl -X DELETE "$BASE/catalog/manifest/$NAME" > /dev/null
[[ "$(last_status)" == "204" || "$(last_status)" == "404" ]] || fail "cleanup delete (got $(last_status))"

register "$NAME" "$FP_A" replace k1
expect_status 201 "new dataset is created"
[[ "$(json_get '["manifest"]["version"]')" == "1" ]] || fail "first version is not 1"
want_id=$(python3 -c 'import uuid; print(uuid.uuid5(uuid.UUID("a8f3c1d2-4e5b-5a6c-9d8e-7f0a1b2c3d4e"), "smoke_catalog"))')
[[ "$(json_get '["manifest"]["dataset_id"]')" == "$want_id" ]] || fail "dataset_id is not UUIDv5 of the name"
pass "dataset_id is UUIDv5(namespace, name)"

register "$NAME" "$FP_A" replace k1
expect_status 200 "same fingerprint and objects"
[[ "$(json_get '["outcome"]')" == "unchanged" ]] || fail "re-register is not unchanged"
register "$NAME" "$(printf 'c%.0s' {1..64})" replace k1
expect_status 200 "a fingerprint that is not the schema's is replaced"
[[ "$(json_get '["outcome"]')" == "unchanged" && "$(json_get '["manifest"]["schema_fingerprint"]')" == "$FP_A" ]] \
  || fail "catalogd did not keep its own fingerprint"

register "$NAME" "$FP_A" append k2
expect_status 200 "append of a new object"
[[ "$(json_get '["manifest"]["version"]')" == "2" && "$(json_get '["outcome"]')" == "updated" ]] || fail "append did not make version 2"
[[ "$(json_get '["manifest"]["row_count"]')" == "10" ]] || fail "row_count is not the objects' sum"

register "$NAME" "$FP_B" replace k3
expect_status 409 "another fingerprint conflicts"
[[ "$(json_get '["existing_fingerprint"]')" == "$FP_A" ]] || fail "409 lacks the existing fingerprint"
[[ "$(json_get '["requested_schema"][0]["name"]')" == "id" ]] || fail "409 lacks the requested schema"

lh_curl "$BASE/catalog/manifest/$NAME" > /dev/null
expect_status 200 "manifest"
[[ "$(json_get '["version"]')" == "2" ]] || fail "the conflict changed the manifest"

lh_curl "$BASE/catalog/manifest/$NAME/versions" > /dev/null
expect_status 200 "versions"
[[ "$(python3 -c 'import json,sys; print([v["version"] for v in json.load(open(sys.argv[1]))["versions"]])' "$SMOKE_TMP/body")" == "[1, 2]" ]] \
  || fail "versions are not [1, 2] oldest first"
pass "every version kept, oldest first"

lh_curl -D "$SMOKE_TMP/headers" "$BASE/catalog/list" > /dev/null
expect_status 200 "list"
etag=$(grep -i '^etag:' "$SMOKE_TMP/headers" | cut -d' ' -f2- | tr -d '\r')
[[ "$etag" == "\"$(json_get '["catalog_version"]')\"" ]] || fail "ETag is not the quoted catalog_version ($etag)"
lh_curl -H "If-None-Match: $etag" "$BASE/catalog/list" > /dev/null
expect_status 304 "If-None-Match with the current ETag"

lh_curl "$BASE/catalog/manifest/Not-A-Name" > /dev/null
expect_status 400 "invalid name"
register "9bad" "$FP_A" replace k1
expect_status 400 "invalid name on register"

lh_curl -X DELETE "$BASE/catalog/manifest/$NAME" > /dev/null
expect_status 204 "delete"
lh_curl "$BASE/catalog/manifest/$NAME" > /dev/null
expect_status 404 "deleted dataset is gone"
lh_curl -H "If-None-Match: $etag" "$BASE/catalog/list" > /dev/null
expect_status 200 "list changed after the delete"
