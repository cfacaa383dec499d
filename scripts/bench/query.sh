#!/usr/bin/env bash
# queryd latency (issue 6): p50/p95 of count(*), a GROUP BY on a string column with count and avg,
# and an AVG of a double over the ingest benchmark's 500,000-row dataset (18 columns), through the
# gateway (POST /v1/sql, one keep-alive client, whole JSON answer read and parsed), beside the same
# statements in DuckDB in-process (JDBC, same DuckDB version) on the same Parquet file, in the same
# run. queryd direct is measured too, to show where the time goes. Target: gateway p50 within the
# in-process p50 + 5 ms.
# Hybrid search (issue 23): p50/p95 of one SQL statement joining vector_search() with the dataset,
# beside the sum of the separate embed, search and SQL calls a client would make for the same rows,
# in the same run (HYBRID_ITEMS rows of the dataset embedded into a vectord index first).
#
# Boots its own loopback fleet on free ports as ./lakehouse does (exec jars, modest -Xmx, the
# launcher's JVM flags): S3Proxy -> storaged -> catalogd -> ingestd -> vectord, embedd -> queryd -> gateway; ingests the
# generated CSV through the gateway; stops everything on exit.
#   scripts/bench/query.sh          ROWS=500000 WARMUP=2000 ITERATIONS=200 override the run (queryd reaches steady state after some thousands of requests: its JIT)
#                                   HYBRID_ITEMS=2000 HYBRID_WARMUP=200 HYBRID_ITERATIONS=200 the hybrid rows
# Writes target/bench/query.md (markdown table rows).
source "$(dirname "$0")/lib.sh"
ROWS=${ROWS:-500000}
WARMUP=${WARMUP:-2000}
ITERATIONS=${ITERATIONS:-200}
HYBRID_ITEMS=${HYBRID_ITEMS:-2000}
HYBRID_WARMUP=${HYBRID_WARMUP:-200}
HYBRID_ITERATIONS=${HYBRID_ITERATIONS:-200}
HERE="$BENCH_ROOT/scripts/bench/query"

build_jars storaged catalogd ingestd vectord embedd queryd gateway
DUCKDB_JAR=$(ls ~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar 2> /dev/null | sort -V | tail -n 1)
if [[ -z "$DUCKDB_JAR" ]]; then
  (cd "$BENCH_ROOT" && ./mvnw -q -pl queryd dependency:resolve > /dev/null)
  DUCKDB_JAR=$(ls ~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar | sort -V | tail -n 1)
fi

bench_workdir


STORAGED=$(free_port); CATALOGD=$(free_port); INGESTD=$(free_port); QUERYD=$(free_port); GATEWAY=$(free_port)
VECTORD=$(free_port); EMBEDD=$(free_port)
unset AUTH_TOKEN LAKEHOUSE_CONFIG
L="http://127.0.0.1"

echo "bench: generating $ROWS rows x 18 columns"
python3 "$HERE/workers_csv.py" "$WORK/workers.csv" "$ROWS"

echo "bench: starting S3Proxy, storaged, catalogd, ingestd, vectord, embedd, queryd, gateway on loopback"
start_s3proxy "$WORK"
PIDS+=("$S3_PID")
start_jvm storaged 256m -jar "$(jar_of storaged)" --lakehouse.storaged.bind="127.0.0.1:$STORAGED" --lakehouse.s3.endpoint="$L:$S3_PORT"
wait_health "$L:$STORAGED" "$WORK/storaged.log"
start_jvm catalogd 256m -jar "$(jar_of catalogd)" --lakehouse.catalogd.bind="127.0.0.1:$CATALOGD" \
  --lakehouse.catalogd.storaged_url="$L:$STORAGED" --lakehouse.catalogd.observerd_url="$L:9"
start_jvm ingestd 512m -jar "$(jar_of ingestd)" --lakehouse.ingestd.bind="127.0.0.1:$INGESTD" \
  --lakehouse.ingestd.storaged_url="$L:$STORAGED" --lakehouse.ingestd.catalogd_url="$L:$CATALOGD" \
  --lakehouse.ingestd.observerd_url="$L:9" --lakehouse.ingestd.max_ingest_bytes=1073741824
start_jvm vectord 512m -jar "$(jar_of vectord)" --lakehouse.vectord.bind="127.0.0.1:$VECTORD" \
  --lakehouse.vectord.storaged_url="$L:$STORAGED" --lakehouse.vectord.observerd_url=
start_jvm embedd 512m -jar "$(jar_of embedd)" --lakehouse.embedd.bind="127.0.0.1:$EMBEDD"
start_jvm queryd 512m -jar "$(jar_of queryd)" --lakehouse.queryd.bind="127.0.0.1:$QUERYD" \
  --lakehouse.queryd.storaged_url="$L:$STORAGED" --lakehouse.queryd.catalogd_url="$L:$CATALOGD" \
  --lakehouse.queryd.vectord_url="$L:$VECTORD" --lakehouse.queryd.embedd_url="$L:$EMBEDD"
start_jvm gateway 256m -jar "$(jar_of gateway)" --lakehouse.gateway.bind="127.0.0.1:$GATEWAY" \
  --lakehouse.gateway.storaged_url="$L:$STORAGED" --lakehouse.gateway.catalogd_url="$L:$CATALOGD" \
  --lakehouse.gateway.ingestd_url="$L:$INGESTD" --lakehouse.gateway.queryd_url="$L:$QUERYD" \
  --lakehouse.gateway.vectord_url="$L:$VECTORD" --lakehouse.gateway.embedd_url="$L:$EMBEDD"
for s in "catalogd $CATALOGD" "ingestd $INGESTD" "vectord $VECTORD" "embedd $EMBEDD" "queryd $QUERYD" "gateway $GATEWAY"; do
  set -- $s; wait_health "$L:$2" "$WORK/$1.log"
done

echo "bench: ingesting through the gateway"
code=$(curl -s -o "$WORK/ingest.json" -w '%{http_code}' -X POST -F "file=@$WORK/workers.csv;type=text/csv" \
  "$L:$GATEWAY/v1/ingest?name=bench_workers")
[[ "$code" == 200 || "$code" == 201 ]] || { echo "bench: ingest answered $code: $(head -c 400 "$WORK/ingest.json")" >&2; exit 1; }
KEY=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["key"])' "$WORK/ingest.json")
curl -sf -o "$WORK/bench_workers.parquet" "$L:$STORAGED/storage/object/$KEY"

Q_COUNT="SELECT count(*) FROM bench_workers"
Q_GROUP="SELECT city, count(*) AS n, avg(hourly_rate) AS avg_rate FROM bench_workers GROUP BY city"
Q_AVG="SELECT avg(rating) FROM bench_workers"
LABELS=("count(*)" "GROUP BY city, count, avg" "AVG(rating)")

echo "bench: $WARMUP warm-up runs per statement on both paths, then $ITERATIONS timed runs, one at a time"
# Both paths are warmed before either is timed: queryd's JIT warms on whichever path runs first,
# and timing that one cold would charge the gateway (or queryd) for compilation.
python3 "$HERE/client.py" "$L:$GATEWAY" /v1/sql "$WARMUP" 1 "$Q_COUNT" "$Q_GROUP" "$Q_AVG" > /dev/null
python3 "$HERE/client.py" "$L:$QUERYD" /sql "$WARMUP" 1 "$Q_COUNT" "$Q_GROUP" "$Q_AVG" > /dev/null
python3 "$HERE/client.py" "$L:$GATEWAY" /v1/sql 10 "$ITERATIONS" "$Q_COUNT" "$Q_GROUP" "$Q_AVG" > "$WORK/gateway.txt"
python3 "$HERE/client.py" "$L:$QUERYD" /sql 10 "$ITERATIONS" "$Q_COUNT" "$Q_GROUP" "$Q_AVG" > "$WORK/direct.txt"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$DUCKDB_JAR" "$HERE/InProcessPeer.java" \
  "$WORK/bench_workers.parquet" "$WARMUP" "$ITERATIONS" "$Q_COUNT" "$Q_GROUP" "$Q_AVG" > "$WORK/peer.txt" 2> "$WORK/peer.err" \
  || { cat "$WORK/peer.err" >&2; exit 1; }
echo "bench: hybrid search: $HYBRID_ITEMS rows embedded into an index, $HYBRID_WARMUP warm-up and $HYBRID_ITERATIONS timed rounds"
python3 "$HERE/hybrid.py" "$L:$GATEWAY" bench_hybrid "$HYBRID_ITEMS" "$HYBRID_WARMUP" "$HYBRID_ITERATIONS" > "$WORK/hybrid.txt"

bench_begin query
for i in 0 1 2; do
  read -r g50 g95 grows < <(sed -n "$((i + 1))p" "$WORK/gateway.txt")
  read -r d50 d95 _ < <(sed -n "$((i + 1))p" "$WORK/direct.txt")
  read -r p50 p95 prows < <(sed -n "$((i + 1))p" "$WORK/peer.txt")
  [[ "$grows" == "$prows" ]] || { echo "bench: row counts differ ($grows vs $prows)" >&2; exit 1; }
  added=$(python3 -c "import sys; print(f'{float(sys.argv[1]) - float(sys.argv[2]):+.2f} ms')" "$g50" "$p50")
  row "query ${LABELS[$i]}, $ROWS rows" "p50 ms (gateway)" "$g50" "DuckDB in-process" "$p50" "$(ratio "$g50" "$p50") ($added)" "<= peer + 5 ms"
  row "query ${LABELS[$i]}, $ROWS rows" "p95 ms (gateway)" "$g95" "DuckDB in-process" "$p95" "$(ratio "$g95" "$p95")" "-"
  row "query ${LABELS[$i]}, $ROWS rows" "p50 ms (queryd direct)" "$d50" "DuckDB in-process" "$p50" "$(ratio "$d50" "$p50")" "-"
done
read -r h50 h95 s50 s95 e50 v50 q50 hrows < "$WORK/hybrid.txt"
row "hybrid vector_search('bench_hybrid', text, 10) JOIN bench_workers, $HYBRID_ITEMS items, $hrows rows" "p50 ms (one SQL statement)" "$h50" \
  "embed + search + SQL calls" "$s50 (embed $e50, search $v50, SQL $q50)" "$(ratio "$h50" "$s50")" "<= separate calls"
row "hybrid vector_search('bench_hybrid', text, 10) JOIN bench_workers, $HYBRID_ITEMS items, $hrows rows" "p95 ms (one SQL statement)" "$h95" \
  "embed + search + SQL calls" "$s95" "$(ratio "$h95" "$s95")" "-"
echo "bench: load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
