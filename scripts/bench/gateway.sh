#!/usr/bin/env bash
# Gateway overhead (issues 9, 25): requests/s and p50/p99 latency of a small GET through the gateway
# (GET /v1/catalog/list) beside the same GET straight to catalogd (GET /catalog/list), 50 concurrent
# connections, measured with wrk in the same run. Targets (issue 25): >= 0.5x the direct throughput,
# <= 60 µs of gateway CPU per proxied small GET. Also: each JVM's CPU time per request (what bounds
# throughput when wrk, the gateway and catalogd share two cores) and the p50 of one connection.
# Then SQL (issue 25): p50/p99 of `SELECT count(*)` over the 500,000-row dataset (ROWS) at 50
# connections through the gateway (POST /v1/sql) beside queryd direct (POST /sql), with the CPU per
# request of both hops (gateway; queryd). Target: <= +1 ms p50.
# Beside both, the floor of any proxy on this machine: a raw TCP relay (gateway's test class
# bench/RawRelay, Netty on epoll, bytes copied between each client connection and an upstream
# connection of its own, no HTTP read) in front of catalogd and of queryd, measured the same way.
# Boots its own loopback fleet on free ports as ./lakehouse does (exec jars, modest -Xmx, the
# launcher's JVM flags): S3Proxy -> storaged -> catalogd -> ingestd -> queryd -> gateway; ingests
# the query bench's generated CSV (scripts/bench/query/workers_csv.py) through ingestd; stops it all on exit.
#
#   scripts/bench/gateway.sh            DURATION=15s CONNECTIONS=50 THREADS=2 WARMUP=30s ROWS=500000 override the run
# Writes target/bench/gateway.md (markdown table rows).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # JAVA, free_port, ensure_wrk, start_s3proxy
ROOT=$BENCH_ROOT
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}

ROWS=${ROWS:-500000}

ensure_wrk

build_jars storaged catalogd ingestd queryd gateway

bench_workdir

STORAGED=$(free_port); CATALOGD=$(free_port); INGESTD=$(free_port); QUERYD=$(free_port); GATEWAY=$(free_port)
unset AUTH_TOKEN LAKEHOUSE_CONFIG
L="http://127.0.0.1"

echo "bench: generating $ROWS rows x 18 columns"
python3 "$ROOT/scripts/bench/query/workers_csv.py" "$WORK/workers.csv" "$ROWS"

echo "bench: starting S3Proxy, storaged, catalogd, ingestd, queryd, gateway on loopback"
start_s3proxy "$WORK"
PIDS+=("$S3_PID")
start_jvm storaged 256m -jar "$(jar_of storaged)" --lakehouse.storaged.bind="127.0.0.1:$STORAGED" \
  --lakehouse.s3.endpoint="http://127.0.0.1:$S3_PORT"
wait_health "http://127.0.0.1:$STORAGED" "$WORK/storaged.log"
start_jvm catalogd 256m -jar "$(jar_of catalogd)" --lakehouse.catalogd.bind="127.0.0.1:$CATALOGD" \
  --lakehouse.catalogd.storaged_url="http://127.0.0.1:$STORAGED" --lakehouse.catalogd.data_dir="$WORK/catalogd"
CATALOGD_PID=${PIDS[-1]}
wait_health "http://127.0.0.1:$CATALOGD" "$WORK/catalogd.log"
start_jvm ingestd 512m -jar "$(jar_of ingestd)" --lakehouse.ingestd.bind="127.0.0.1:$INGESTD" \
  --lakehouse.ingestd.storaged_url="$L:$STORAGED" --lakehouse.ingestd.catalogd_url="$L:$CATALOGD" \
  --lakehouse.ingestd.observerd_url="$L:9" --lakehouse.ingestd.max_ingest_bytes=1073741824
start_jvm queryd 512m -jar "$(jar_of queryd)" --lakehouse.queryd.bind="127.0.0.1:$QUERYD" \
  --lakehouse.queryd.storaged_url="$L:$STORAGED" --lakehouse.queryd.catalogd_url="$L:$CATALOGD"
QUERYD_PID=${PIDS[-1]}
start_jvm gateway 256m -jar "$(jar_of gateway)" --lakehouse.gateway.bind="127.0.0.1:$GATEWAY" \
  --lakehouse.gateway.catalogd_url="http://127.0.0.1:$CATALOGD" --lakehouse.gateway.storaged_url="http://127.0.0.1:$STORAGED" \
  --lakehouse.gateway.ingestd_url="$L:$INGESTD" --lakehouse.gateway.queryd_url="$L:$QUERYD"
GATEWAY_PID=${PIDS[-1]}
RELAY_CATALOGD=$(free_port); RELAY_QUERYD=$(free_port)
start_jvm relay 64m -cp "$(module_classpath gateway)" com.lakehouse.gateway.bench.RawRelay \
  "$RELAY_CATALOGD=127.0.0.1:$CATALOGD" "$RELAY_QUERYD=127.0.0.1:$QUERYD"
RELAY_PID=${PIDS[-1]}
for s in "ingestd $INGESTD" "queryd $QUERYD" "gateway $GATEWAY"; do
  set -- $s; wait_health "$L:$2" "$WORK/$1.log"
done

echo "bench: ingesting $ROWS rows into bench_workers"
code=$(curl -s -o "$WORK/ingest.json" -w '%{http_code}' -X POST -F "file=@$WORK/workers.csv;type=text/csv" \
  "$L:$INGESTD/ingest?name=bench_workers")
[[ "$code" == 200 || "$code" == 201 ]] || { echo "bench: ingest answered $code: $(head -c 400 "$WORK/ingest.json")" >&2; exit 1; }

DIRECT_URL="http://127.0.0.1:$CATALOGD/catalog/list"
GATEWAY_URL="http://127.0.0.1:$GATEWAY/v1/catalog/list"
RELAY_URL="http://127.0.0.1:$RELAY_CATALOGD/catalog/list"
for url in "$DIRECT_URL" "$GATEWAY_URL" "$RELAY_URL"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  [[ "$code" == "200" ]] || { echo "bench: GET $url answered $code" >&2; exit 1; }
done
cmp -s <(curl -s "$DIRECT_URL") <(curl -s "$GATEWAY_URL") || { echo "bench: the two GETs answer different bodies" >&2; exit 1; }

# run CONNS DURATION URL [wrk args]: wrk's report in $WORK/wrk.out.
run() { wrk -t"$(( $1 < THREADS ? $1 : THREADS ))" -c"$1" -d"$2" --latency "${@:4}" "$3" > "$WORK/wrk.out"; }
# run_sql CONNS DURATION BASE PATH: POST {"sql": SQL_COUNT} to BASE+PATH on every request.
SQL_COUNT="SELECT count(*) FROM bench_workers"
run_sql() { SQL_PATH=$4 SQL_BODY="{\"sql\":\"$SQL_COUNT\"}" run "$1" "$2" "$3$4" -s "$ROOT/scripts/bench/wrk/sql-count.lua"; }
# Requests/sec, p50 and p99 (ms) of the last run.
rps() { awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.out"; }
count() { awk '/requests in/ {print $1}' "$WORK/wrk.out"; }
pct() {
  awk -v p="$1" '$1 == p {v=$2; u=v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v);
    f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : 1; printf "%.3f\n", v * f}' "$WORK/wrk.out"
}
# per_request_us CPU_MS_BEFORE CPU_MS_AFTER REQUESTS (cpu_ms figures from lib.sh)
per_request_us() { python3 -c "import sys; print(f'{(int(sys.argv[2]) - int(sys.argv[1])) * 1e3 / int(sys.argv[3]):.0f}')" "$@"; }
check_errors() {
  local errors; errors=$(awk '/Non-2xx|Socket errors/' "$WORK/wrk.out")
  [[ -z "$errors" ]] || { echo "bench: the run had errors: $errors" >&2; exit 1; }
}

# Both JVMs compile their hot paths for well over ten seconds on two busy cores: warm up until the
# figures hold still, or the first path measured pays for the JIT.
echo "bench: warming up both paths (JIT), ${WARMUP:-30s} each"
run "$CONNECTIONS" "${WARMUP:-30s}" "$DIRECT_URL"; run "$CONNECTIONS" "${WARMUP:-30s}" "$GATEWAY_URL"
run "$CONNECTIONS" "${WARMUP:-30s}" "$RELAY_URL"

echo "bench: measuring $DURATION each, $CONNECTIONS connections and 1, $THREADS wrk threads"
c0=$(cpu_ms "$CATALOGD_PID")
run "$CONNECTIONS" "$DURATION" "$DIRECT_URL"; check_errors; D_RPS=$(rps); D_P50=$(pct 50%); D_P99=$(pct 99%)
D_CPU=$(per_request_us "$c0" "$(cpu_ms "$CATALOGD_PID")" "$(count)")
g0=$(cpu_ms "$GATEWAY_PID")
run "$CONNECTIONS" "$DURATION" "$GATEWAY_URL"; check_errors; G_RPS=$(rps); G_P50=$(pct 50%); G_P99=$(pct 99%)
G_CPU=$(per_request_us "$g0" "$(cpu_ms "$GATEWAY_PID")" "$(count)")
r0=$(cpu_ms "$RELAY_PID")
run "$CONNECTIONS" "$DURATION" "$RELAY_URL"; check_errors; RL_RPS=$(rps); RL_P50=$(pct 50%)
RL_CPU=$(per_request_us "$r0" "$(cpu_ms "$RELAY_PID")" "$(count)")
run 1 "$DURATION" "$DIRECT_URL"; check_errors; D1_P50=$(pct 50%)
run 1 "$DURATION" "$GATEWAY_URL"; check_errors; G1_P50=$(pct 50%)

# SQL: the same warm-up rule, then count(*) at CONNECTIONS on both paths; each hop's CPU per request.
for path in "$L:$QUERYD /sql" "$L:$GATEWAY /v1/sql" "$L:$RELAY_QUERYD /sql"; do
  set -- $path
  code=$(curl -s -o "$WORK/sql.json" -w '%{http_code}' -H 'Content-Type: application/json' -d "{\"sql\":\"$SQL_COUNT\"}" "$1$2")
  [[ "$code" == 200 ]] || { echo "bench: POST $1$2 answered $code: $(head -c 300 "$WORK/sql.json")" >&2; exit 1; }
done
echo "bench: SQL: warming up both paths (JIT), ${WARMUP:-30s} each; measuring $DURATION each at $CONNECTIONS connections"
run_sql "$CONNECTIONS" "${WARMUP:-30s}" "$L:$QUERYD" /sql; run_sql "$CONNECTIONS" "${WARMUP:-30s}" "$L:$GATEWAY" /v1/sql
run_sql "$CONNECTIONS" "${WARMUP:-30s}" "$L:$RELAY_QUERYD" /sql
q0=$(cpu_ms "$QUERYD_PID")
run_sql "$CONNECTIONS" "$DURATION" "$L:$QUERYD" /sql; check_errors; SD_RPS=$(rps); SD_P50=$(pct 50%); SD_P99=$(pct 99%)
SD_QCPU=$(per_request_us "$q0" "$(cpu_ms "$QUERYD_PID")" "$(count)")
q0=$(cpu_ms "$QUERYD_PID"); g0=$(cpu_ms "$GATEWAY_PID")
run_sql "$CONNECTIONS" "$DURATION" "$L:$GATEWAY" /v1/sql; check_errors; SG_RPS=$(rps); SG_P50=$(pct 50%); SG_P99=$(pct 99%)
SG_QCPU=$(per_request_us "$q0" "$(cpu_ms "$QUERYD_PID")" "$(count)"); SG_GCPU=$(per_request_us "$g0" "$(cpu_ms "$GATEWAY_PID")" "$(count)")
q0=$(cpu_ms "$QUERYD_PID"); r0=$(cpu_ms "$RELAY_PID")
run_sql "$CONNECTIONS" "$DURATION" "$L:$RELAY_QUERYD" /sql; check_errors; SR_RPS=$(rps); SR_P50=$(pct 50%)
SR_QCPU=$(per_request_us "$q0" "$(cpu_ms "$QUERYD_PID")" "$(count)"); SR_RCPU=$(per_request_us "$r0" "$(cpu_ms "$RELAY_PID")" "$(count)")
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{a / b:.2f}' if b else 'n/a')" "$1" "$2"; }
added() { python3 -c "import sys; print(f'{float(sys.argv[1]) - float(sys.argv[2]):.3f}')" "$1" "$2"; }
R_RPS=$(ratio "$G_RPS" "$D_RPS"); R_P50=$(ratio "$G_P50" "$D_P50"); R_P99=$(ratio "$G_P99" "$D_P99")
ADDED_P50=$(added "$G_P50" "$D_P50"); ADDED1_P50=$(added "$G1_P50" "$D1_P50"); SQL_ADDED_P50=$(added "$SG_P50" "$SD_P50")

mkdir -p "$ROOT/target/bench"
{
  echo "| benchmark | metric | lakehouse | peer | peer value | ratio | target |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  echo "| gateway GET /v1/catalog/list, $CONNECTIONS conns | requests/s | $G_RPS | catalogd direct | $D_RPS | $R_RPS | >= 0.5 |"
  echo "| gateway GET /v1/catalog/list, $CONNECTIONS conns | p50 latency ms | $G_P50 | catalogd direct | $D_P50 | $R_P50 (+$ADDED_P50 ms) | - |"
  echo "| gateway GET /v1/catalog/list, $CONNECTIONS conns | p99 latency ms | $G_P99 | catalogd direct | $D_P99 | $R_P99 | - |"
  echo "| gateway GET /v1/catalog/list, $CONNECTIONS conns | CPU µs per request (gateway; catalogd) | $G_CPU | catalogd per request | $D_CPU | $(ratio "$G_CPU" "$D_CPU") | <= 60 µs |"
  echo "| gateway GET /v1/catalog/list, $CONNECTIONS conns | CPU µs per request | gateway $G_CPU | raw TCP relay (the floor of any proxy) | $RL_CPU | $(ratio "$G_CPU" "$RL_CPU") | <= 60 µs |"
  echo "| raw TCP relay GET /catalog/list, $CONNECTIONS conns | requests/s; p50 ms | $RL_RPS; $RL_P50 | catalogd direct | $D_RPS; $D_P50 | $(ratio "$RL_RPS" "$D_RPS") (+$(added "$RL_P50" "$D_P50") ms) | - |"
  echo "| gateway GET /v1/catalog/list, 1 conn | p50 latency ms | $G1_P50 | catalogd direct | $D1_P50 | +$ADDED1_P50 ms | - |"
  echo "| gateway SQL count(*), $ROWS rows, $CONNECTIONS conns | p50 latency ms | $SG_P50 | queryd direct | $SD_P50 | $(ratio "$SG_P50" "$SD_P50") (+$SQL_ADDED_P50 ms) | <= +1 ms |"
  echo "| gateway SQL count(*), $ROWS rows, $CONNECTIONS conns | p99 latency ms | $SG_P99 | queryd direct | $SD_P99 | $(ratio "$SG_P99" "$SD_P99") | - |"
  echo "| gateway SQL count(*), $ROWS rows, $CONNECTIONS conns | requests/s | $SG_RPS | queryd direct | $SD_RPS | $(ratio "$SG_RPS" "$SD_RPS") | - |"
  echo "| gateway SQL count(*), $ROWS rows, $CONNECTIONS conns | CPU µs per request (gateway hop; queryd hop) | $SG_GCPU; $SG_QCPU | queryd direct per request | $SD_QCPU | - | - |"
  echo "| raw TCP relay SQL count(*), $ROWS rows, $CONNECTIONS conns | p50 latency ms; requests/s | $SR_P50; $SR_RPS | queryd direct | $SD_P50; $SD_RPS | +$(added "$SR_P50" "$SD_P50") ms | - |"
  echo "| raw TCP relay SQL count(*), $ROWS rows, $CONNECTIONS conns | CPU µs per request (relay hop; queryd hop) | $SR_RCPU; $SR_QCPU | queryd direct per request | $SD_QCPU | - | - |"
} > "$ROOT/target/bench/gateway.md"
echo "bench: load average after the run: $LOAD on $(nproc) cores"
cat "$ROOT/target/bench/gateway.md"
