#!/usr/bin/env bash
# catalogd's Iceberg REST catalog through the gateway (SPEC §4.1, docs/scale-out.md): config and
# its endpoints, the namespace, a freshly ingested dataset as a table whose two versions are
# snapshots tagged v1 and v2, 406 for what it does not serve, 404 once the dataset is deleted.
# The engine-side proof (Spark reading the files) is scripts/scale-out/spark-check.sh.
source "$(dirname "$0")/lib.sh"

BASE="$LH_GATEWAY/v1/iceberg/v1"
NAME=smoke_iceberg

lh_curl -X DELETE "$LH_GATEWAY/v1/catalog/manifest/$NAME" > /dev/null
printf 'id,city\n1,Bern\n2,Basel\n' > "$SMOKE_TMP/v1.csv"
printf 'id,city\n3,Zurich\n' > "$SMOKE_TMP/v2.csv"
lh_curl -F "file=@$SMOKE_TMP/v1.csv" "$LH_GATEWAY/v1/ingest?name=$NAME" > /dev/null
expect_status 201 "ingested $NAME v1"
lh_curl -F "file=@$SMOKE_TMP/v2.csv" "$LH_GATEWAY/v1/ingest?name=$NAME&mode=append" > /dev/null
expect_status 200 "appended $NAME v2"

lh_curl "$BASE/config" > /dev/null
expect_status 200 "GET /v1/iceberg/v1/config"
[[ "$(json_get '["endpoints"]')" == *"GET /v1/{prefix}/namespaces/{namespace}/tables/{table}"* ]] \
  || fail "config does not list loadTable among its endpoints"
pass "config lists the endpoints it serves"

lh_curl "$BASE/namespaces" > /dev/null
[[ "$(json_get '["namespaces"]')" == "[['lakehouse']]" ]] || fail "the namespace is not [lakehouse]"
pass "one namespace: lakehouse"

lh_curl "$BASE/namespaces/lakehouse/tables" > /dev/null
[[ "$(json_get '["identifiers"]')" == *"'$NAME'"* ]] || fail "$NAME is not listed as a table"
pass "the dataset is a table"

lh_curl "$BASE/namespaces/lakehouse/tables/$NAME" > /dev/null
expect_status 200 "loadTable"
[[ "$(json_get '["metadata"]["refs"]["v1"]["snapshot-id"]')" == "1" \
  && "$(json_get '["metadata"]["refs"]["v2"]["snapshot-id"]')" == "2" \
  && "$(json_get '["metadata"]["current-snapshot-id"]')" == "2" ]] || fail "versions are not snapshots 1 and 2 tagged v1, v2"
pass "version N is snapshot N tagged vN"
[[ "$(json_get '["metadata"]["properties"]["gc.enabled"]')" == "false" ]] || fail "gc.enabled is not false"
[[ -n "$(json_get '["config"]["s3.endpoint"]')" ]] || fail "loadTable does not tell the S3 endpoint"
pass "gc.enabled=false, the S3 endpoint in the config"
location=$(json_get '["metadata-location"]')
key=${location#s3://*/}
lh_curl -I "$LH_GATEWAY/v1/storage/object/$key" > /dev/null
expect_status 200 "the metadata JSON is in storaged"

lh_curl -X POST -H 'Content-Type: application/json' -d '{"namespace":["x"]}' "$BASE/namespaces" > /dev/null
expect_status 406 "creating a namespace is unsupported"
[[ "$(json_get '["error"]["type"]')" == "UnsupportedOperationException" ]] || fail "not the Iceberg error model"

lh_curl -X DELETE "$LH_GATEWAY/v1/catalog/manifest/$NAME" > /dev/null
expect_status 204 "delete the dataset"
lh_curl "$BASE/namespaces/lakehouse/tables/$NAME" > /dev/null
expect_status 404 "a deleted dataset is no table"
echo "smoke: $SMOKE_NAME passed"
