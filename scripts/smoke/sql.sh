#!/usr/bin/env bash
# queryd (SPEC §6): ingest a small CSV, then SQL over it with no polling delay (read-your-writes),
# JSON value types, max_rows/truncated, Arrow IPC, /sql/tables, the sandbox (403/400), the 64 KiB
# body cap, a new version and a delete seen by the very next query, past versions (dataset(),
# dataset_diff()), a schema-aware append and its 409, and a CSV export past the JSON cap.
# Goes through the gateway's /v1 by default; LH_VIA_GATEWAY=0 talks to ingestd, queryd and catalogd
# on their own ports (LH_INGESTD_URL, LH_QUERYD_URL, LH_CATALOGD_URL override them).
# Re-runnable: it deletes its dataset first.
source "$(dirname "$0")/lib.sh"

NAME=smoke_sql
if [[ "${LH_VIA_GATEWAY:-1}" == "1" ]]; then
  INGEST="$LH_GATEWAY/v1/ingest"; SQL="$LH_GATEWAY/v1/sql"; CATALOG="$LH_GATEWAY/v1/catalog"
else
  INGEST="$(svc_url ingestd)/ingest"; SQL="$(svc_url queryd)/sql"; CATALOG="$(svc_url catalogd)/catalog"
fi

# sql QUERY [MAX_ROWS]: POST /sql with a JSON body built safely by python.
sql() {
  local body
  body=$(python3 -c 'import json,sys; d={"sql": sys.argv[1]}; (len(sys.argv) > 2) and d.update(max_rows=int(sys.argv[2])); print(json.dumps(d))' "$@")
  lh_curl -X POST -H 'Content-Type: application/json' --data "$body" "$SQL" > /dev/null
}
rows() { json_get '["rows"]'; }

lh_curl -X DELETE "$CATALOG/manifest/$NAME" > /dev/null
[[ "$(last_status)" == "204" || "$(last_status)" == "404" ]] || fail "cleanup delete (got $(last_status))"

printf 'id,city,amount,day\n1,Lyon,10.5,2024-01-01\n2,Oslo,20.25,2024-01-02\n3,Lyon,,2024-01-03\n4,"Quito, EC",7,2024-01-04\n' > "$SMOKE_TMP/v1.csv"
lh_curl -X POST -F "file=@$SMOKE_TMP/v1.csv;type=text/csv" "$INGEST?name=$NAME" > /dev/null
[[ "$(last_status)" == "200" || "$(last_status)" == "201" ]] || fail "ingest of $NAME (got $(last_status))"
pass "ingested $NAME ($(last_status))"

sql "SELECT count(*) AS n, sum(amount) AS total FROM $NAME"
expect_status 200 "the next query sees the new dataset"
[[ "$(rows)" == "[[4, 37.75]]" ]] || fail "count/sum are $(rows)"
pass "count and sum over the ingested rows"

sql "SELECT city, count(*) AS n FROM $NAME GROUP BY city ORDER BY n DESC, city"
[[ "$(rows)" == "[['Lyon', 2], ['Oslo', 1], ['Quito, EC', 1]]" ]] || fail "group by gave $(rows)"
pass "GROUP BY on a string column"

sql "SELECT 9007199254740993::BIGINT AS big, 12.50::DECIMAL(10,2) AS price, DATE '2024-02-29' AS d, TIMESTAMP '2024-01-02 03:04:05' AS ts, NULL AS nothing, 'nan'::DOUBLE AS nan"
expect_status 200 "typed literals"
[[ "$(rows)" == "[['9007199254740993', 12.5, '2024-02-29', '2024-01-02T03:04:05', None, 'NaN']]" ]] || fail "types came back as $(rows)"
grep -q '12.50' "$SMOKE_TMP/body" || fail "DECIMAL lost its digits"
pass "BIGINT > 2^53 as string, exact DECIMAL, ISO dates, null, NaN"

sql "SELECT * FROM range(50)" 10
[[ "$(json_get '["row_count"]')" == "10" && "$(json_get '["truncated"]')" == "True" ]] || fail "max_rows did not truncate"
pass "max_rows 10 of 50 → truncated"

lh_curl -X POST -H 'Content-Type: application/json' -H 'Accept: application/vnd.apache.arrow.stream' \
  --data "{\"sql\":\"SELECT * FROM $NAME ORDER BY id\"}" "$SQL" > /dev/null
expect_status 200 "Arrow IPC stream"
python3 - "$SMOKE_TMP/body" <<'PY' || fail "the Arrow body is not an IPC stream"
import sys
data = open(sys.argv[1], "rb").read()
assert data[:4] == b"\xff\xff\xff\xff", data[:8]   # IPC continuation marker of the schema message
assert b"city" in data and b"Quito, EC" in data
PY
pass "Arrow stream carries schema and values"

lh_curl "${SQL}/tables" > /dev/null
expect_status 200 "GET /sql/tables"
python3 - "$SMOKE_TMP/body" "$NAME" <<'PY' || fail "/sql/tables lacks $NAME with its columns"
import json, sys
tables = {t["name"]: t for t in json.load(open(sys.argv[1]))["tables"]}
cols = [c["name"] for c in tables[sys.argv[2]]["columns"]]
assert cols == ["id", "city", "amount", "day"], cols
PY
pass "/sql/tables lists $NAME and its columns"

sql "COPY (SELECT 1) TO 'smoke_leak.csv'"
expect_status 403 "COPY is refused"
sql "SELECT 1; SELECT 2"
expect_status 400 "two statements are refused"
sql "SELECT * FROM read_text('/etc/passwd')"
expect_status 400 "read_text outside the cache is refused"
grep -q 'root:' "$SMOKE_TMP/body" && fail "file contents leaked"
grep -q '/etc/passwd' "$SMOKE_TMP/body" && fail "the absolute path was not redacted"
sql "INSTALL httpfs"
expect_status 403 "INSTALL is refused"
sql "SET enable_external_access = true"
expect_status 403 "SET is refused"

python3 -c 'import json; print(json.dumps({"sql": "SELECT \x27" + "x" * 70000 + "\x27"}))' > "$SMOKE_TMP/big.json"
lh_curl -X POST -H 'Content-Type: application/json' --data-binary "@$SMOKE_TMP/big.json" "$SQL" > /dev/null
expect_status 413 "a body over 64 KiB"

printf 'id,city,amount,day\n1,Lyon,1.5,2024-01-01\n2,Oslo,2.5,2024-01-02\n' > "$SMOKE_TMP/v2.csv"
lh_curl -X POST -F "file=@$SMOKE_TMP/v2.csv;type=text/csv" "$INGEST?name=$NAME&mode=replace" > /dev/null
[[ "$(last_status)" == "200" || "$(last_status)" == "201" ]] || fail "second ingest (got $(last_status))"
sql "SELECT count(*) FROM $NAME"
[[ "$(rows)" == "[[2]]" ]] || fail "the new version is not visible at once: $(rows)"
pass "a new version is visible to the next query"

sql "SELECT count(*) FROM dataset('$NAME', 1)"
[[ "$(rows)" == "[[4]]" ]] || fail "version 1 is not queryable after the replace: $(rows)"
sql "SELECT change, count(*) FROM dataset_diff('$NAME', 1, 2) GROUP BY change ORDER BY change"
[[ "$(rows)" == "[['added', 2], ['removed', 4]]" ]] || fail "dataset_diff gave $(rows)"
pass "dataset('$NAME', 1) after a replace, and dataset_diff of v1 and v2"
lh_curl "${SQL}/tables" > /dev/null
python3 - "$SMOKE_TMP/body" "$NAME" <<'PY' || fail "/sql/tables does not list the versions"
import json, sys
tables = {t["name"]: t for t in json.load(open(sys.argv[1]))["tables"]}
assert tables[sys.argv[2]]["versions"] == [1, 2], tables[sys.argv[2]]
PY
pass "/sql/tables lists versions [1, 2]"

printf 'id,city,amount,day\n3,Rome,4,\n' > "$SMOKE_TMP/v3.csv"
lh_curl -X POST -F "file=@$SMOKE_TMP/v3.csv;type=text/csv" "$INGEST?name=$NAME&mode=append" > /dev/null
expect_status 200 "an append with integers into DOUBLE and an empty DATE column"
printf 'id,city,amount,day\n4,Rome,lots,2024-01-05\n' > "$SMOKE_TMP/bad.csv"
lh_curl -X POST -F "file=@$SMOKE_TMP/bad.csv;type=text/csv" "$INGEST?name=$NAME&mode=append" > /dev/null
expect_status 409 "an append whose value does not fit"
grep -q 'lots' "$SMOKE_TMP/body" && grep -q 'amount' "$SMOKE_TMP/body" || fail "the 409 does not name the column and value"

lh_curl -X POST -H 'Content-Type: application/json' -H 'Accept: text/csv' \
  --data '{"sql":"SELECT range AS n, \u0027a,b\u0027 AS s FROM range(200000)"}' "$SQL" > /dev/null
expect_status 200 "CSV export"
python3 - "$SMOKE_TMP/body" <<'PY' || fail "the CSV export is not RFC 4180 or was capped"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert rows[0] == ["n", "s"] and rows[1] == ["0", "a,b"], rows[:2]
assert len(rows) == 200001, len(rows)
PY
pass "Accept: text/csv → 200,000 RFC 4180 rows, past the JSON max_rows_cap"

lh_curl -X DELETE "$CATALOG/manifest/$NAME" > /dev/null
expect_status 204 "delete the dataset"
sql "SELECT count(*) FROM $NAME"
expect_status 400 "a deleted dataset's view is gone"

echo "smoke: $SMOKE_NAME passed"
