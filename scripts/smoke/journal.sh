#!/usr/bin/env bash
# The journal sees mutations from across the fleet: after an ingest and a vector add through the
# gateway, /v1/journal/recent shows both, and once flushed (POST /v1/journal/flush, the operator
# route) SQL over the lakehouse_journal dataset shows both too. Re-runnable: each run ingests a CSV
# with a row of its own (a new version, so a new journal event) and upserts a vector of its own.
source "$(dirname "$0")/lib.sh"

RUN="r$(date +%s)$$"
# observerd stores timestamps as fixed-width UTC text, so text order is time order.
SINCE=$(date -u -d '-2 seconds' +%Y-%m-%dT%H:%M:%S.000000Z)

# Finds, in the JSON of the last body, events (under EXPR) from ingestd for smoke_journal and from
# vectord adding to smoke_journal, newer than SINCE; prints "ingest vector" counts.
count_events() {
  python3 - "$SMOKE_TMP/body" "$SINCE" "$1" <<'PY'
import json, sys
body = json.load(open(sys.argv[1])); since = sys.argv[2]; mode = sys.argv[3]
if mode == "recent":
    events = body["events"]
else:
    names = [c["name"] for c in body["columns"]]
    events = [dict(zip(names, row)) for row in body["rows"]]
ingest = sum(1 for e in events if e["source"] == "ingestd" and e["timestamp"] >= since
             and "smoke_journal" in (e.get("new_value") or ""))
vector = sum(1 for e in events if e["source"] == "vectord" and e["timestamp"] >= since
             and e["entity_id"] == "smoke_journal" and e["action"] == "add")
print(ingest, vector)
PY
}

# 1. Two mutations in two services, through the gateway.
printf 'id,role,run\n1,forklift operator,%s\n2,picker,%s\n' "$RUN" "$RUN" > "$SMOKE_TMP/smoke_journal.csv"
lh_curl -X POST -F "file=@$SMOKE_TMP/smoke_journal.csv;type=text/csv" "$LH_GATEWAY/v1/ingest?name=smoke_journal" > /dev/null
[[ "$(last_status)" == 200 || "$(last_status)" == 201 ]] || fail "ingest smoke_journal (got $(last_status))"
pass "ingest smoke_journal ($(last_status))"

lh_curl -X POST -H 'Content-Type: application/json' \
  -d '{"name":"smoke_journal","dimension":3,"distance":"cosine"}' "$LH_GATEWAY/v1/vectors/index" > /dev/null
[[ "$(last_status)" == 201 || "$(last_status)" == 409 ]] || fail "create index smoke_journal (got $(last_status))"
pass "index smoke_journal exists ($(last_status))"

lh_curl -X POST -H 'Content-Type: application/json' \
  -d "{\"items\":[{\"id\":\"smoke-$RUN\",\"vector\":[0.1,0.2,0.3],\"metadata\":{\"run\":\"$RUN\"}}]}" \
  "$LH_GATEWAY/v1/vectors/index/smoke_journal/add" > /dev/null
expect_status 200 "vector add to smoke_journal"

# 2. Services send journal events without waiting on them: poll until both arrived.
found=""
for _ in $(seq 1 40); do
  lh_curl "$LH_GATEWAY/v1/journal/recent?limit=1000" > /dev/null
  if [[ "$(last_status)" == 200 ]]; then
    read -r ingest vector < <(count_events recent)
    if (( ingest >= 1 && vector >= 1 )); then found=yes; break; fi
  fi
  sleep 0.25
done
[[ -n "$found" ]] || fail "/v1/journal/recent lacks the ingest or the vector add (ingest=${ingest:-?} vector=${vector:-?})"
pass "/v1/journal/recent shows the ingest and the vector add"

# 3. Flush now rather than wait for flush_every, then ask SQL.
lh_curl -X POST "$LH_GATEWAY/v1/journal/flush" > /dev/null
expect_status 200 "POST /v1/journal/flush"

SQL="SELECT event_id, \\\"timestamp\\\", source, action, entity_id, new_value FROM lakehouse_journal WHERE \\\"timestamp\\\" >= '$SINCE' AND source IN ('ingestd', 'vectord') ORDER BY \\\"timestamp\\\""
found=""
for _ in $(seq 1 20); do
  lh_curl -X POST -H 'Content-Type: application/json' -d "{\"sql\":\"$SQL\",\"max_rows\":10000}" "$LH_GATEWAY/v1/sql" > /dev/null
  if [[ "$(last_status)" == 200 ]]; then
    read -r ingest vector < <(count_events sql)
    if (( ingest >= 1 && vector >= 1 )); then found=yes; break; fi
  fi
  sleep 0.5
done
[[ -n "$found" ]] || fail "SELECT ... FROM lakehouse_journal lacks the ingest or the vector add (status $(last_status))"
pass "SELECT ... FROM lakehouse_journal shows the ingest and the vector add"

lh_curl "$LH_GATEWAY/v1/journal/stats" > /dev/null
expect_status 200 "GET /v1/journal/stats"
[[ "$(json_get '["buffered"]')" -ge 0 ]] || fail "journal stats without buffered"
