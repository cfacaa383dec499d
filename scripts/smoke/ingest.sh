#!/usr/bin/env bash
# ingestd (SPEC §5): CSV upload to a registered Parquet dataset, read back through catalogd;
# idempotent re-ingest, a new version, append, a schema change refused with 409, bad files 400.
# Goes through the gateway's /v1 (LH_GATEWAY) unless LH_VIA_GATEWAY=0, which talks to ingestd and
# catalogd on their own ports (LH_INGESTD_URL / LH_CATALOGD_URL override them). Re-runnable: it
# deletes its dataset first (the content-addressed objects stay and are simply found again).
source "$(dirname "$0")/lib.sh"

if [[ "${LH_VIA_GATEWAY:-1}" != "0" ]]; then
  INGEST="$LH_GATEWAY/v1"
  CATALOG="$LH_GATEWAY/v1"
else
  INGEST=$(svc_url ingestd)
  CATALOG=$(svc_url catalogd)
fi
NAME=smoke_ingest

# csv FILE CONTENT: writes CONTENT (printf escapes allowed) to $SMOKE_TMP/FILE.
csv() { printf "$2" > "$SMOKE_TMP/$1"; }
# schema_of_last: the schema of the last answer as "name:TYPE ...".
schema_of_last() {
  python3 -c 'import json,sys; print(" ".join(c["name"]+":"+c["type"] for c in json.load(open(sys.argv[1]))["schema"]))' "$SMOKE_TMP/body"
}
# ingest FILE QUERY: uploads $SMOKE_TMP/FILE as the multipart 'file' part.
ingest() { lh_curl -X POST -F "file=@$SMOKE_TMP/$1;type=text/csv" "$INGEST/ingest?$2" > /dev/null; }

lh_curl -X DELETE "$CATALOG/catalog/manifest/$NAME" > /dev/null
[[ "$(last_status)" == "204" || "$(last_status)" == "404" ]] || fail "cleanup delete (got $(last_status))"

csv v1.csv '\xef\xbb\xbfid,name,score,joined,note\r\n1,"Smith, Ana",4.5,2024-01-31,"said ""hi""\r\nthen left"\r\n2,Jos\xc3\xa9,3,2024-02-01,\r\n'
ingest v1.csv "name=$NAME"
expect_status 201 "a new dataset is created"
[[ "$(json_get '["version"]')" == "1" && "$(json_get '["row_count"]')" == "2" ]] || fail "version 1 with 2 rows"
[[ "$(schema_of_last)" == "id:BIGINT name:VARCHAR score:DOUBLE joined:DATE note:VARCHAR" ]] \
  || fail "inferred schema: $(schema_of_last)"
pass "schema inferred: BIGINT, VARCHAR, DOUBLE, DATE, VARCHAR (BOM stripped)"
KEY=$(json_get '["key"]')
FP=$(json_get '["fingerprint"]')
[[ "$KEY" == "datasets/$NAME/$FP/$(sha256sum "$SMOKE_TMP/v1.csv" | cut -d' ' -f1).parquet" ]] || fail "key is not datasets/<name>/<fingerprint>/<sha256>.parquet: $KEY"
pass "content-addressed key"

ingest v1.csv "name=$NAME"
expect_status 200 "re-ingesting the same file"
[[ "$(json_get '["existing"]')" == "True" && "$(json_get '["version"]')" == "1" && "$(json_get '["key"]')" == "$KEY" ]] \
  || fail "re-ingest is not idempotent"
pass "re-ingest is idempotent (existing, same version and key)"

csv v2.csv 'id,name,score,joined,note\n3,Kim,1.25,2024-03-01,x\n'
ingest v2.csv "name=$NAME&mode=replace"
expect_status 200 "same schema, other rows"
[[ "$(json_get '["version"]')" == "2" ]] || fail "other rows did not make version 2"

csv more.csv 'id,name,score,joined,note\n4,Lee,2.5,2024-03-02,y\n5,Ada,,,\n'
ingest more.csv "name=$NAME&mode=append"
expect_status 200 "append"
[[ "$(json_get '["version"]')" == "3" ]] || fail "append did not make version 3"
lh_curl "$CATALOG/catalog/manifest/$NAME" > /dev/null
expect_status 200 "manifest after append"
[[ "$(json_get '["row_count"]')" == "3" && "$(json_get '["objects"].__len__()')" == "2" ]] || fail "append did not add the object"

csv drift.csv 'id,name\n1.5,x\n'
ingest drift.csv "name=$NAME"
expect_status 409 "another schema conflicts"
lh_curl "$CATALOG/catalog/manifest/$NAME" > /dev/null
[[ "$(json_get '["version"]')" == "3" ]] || fail "the conflict changed the live version"
pass "live version untouched by the conflict"

csv short.csv 'a,b\n1,2\n3\n'
ingest short.csv "name=smoke_ingest_bad"
expect_status 400 "a row with the wrong field count"
[[ "$(json_get '["detail"]')" == *"line 3"* ]] || fail "the 400 does not name line 3: $(json_get '["detail"]')"
csv header.csv 'a,b\n'
ingest header.csv "name=smoke_ingest_bad"
expect_status 400 "a header-only file"
ingest v1.csv "name=Not-A-Name"
expect_status 400 "an invalid dataset name"
lh_curl "$CATALOG/catalog/manifest/smoke_ingest_bad" > /dev/null
expect_status 404 "failed ingests registered nothing"
