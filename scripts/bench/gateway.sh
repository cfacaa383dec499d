#!/usr/bin/env bash
# Gateway overhead (issue 9): requests/s and p50/p99 latency of a small GET through the gateway
# (GET /v1/catalog/list) beside the same GET straight to catalogd (GET /catalog/list), 50 concurrent
# connections, measured with wrk in the same run. Targets: >= 0.7x the direct throughput, <= 1 ms
# added p50. Also: each JVM's CPU time per request (what bounds throughput when wrk, the gateway and
# catalogd share two cores) and the p50 of one connection (the latency one hop adds). Boots its own loopback fleet on free ports as ./lakehouse does (exec jars, modest
# -Xmx, the launcher's JVM flags): S3Proxy -> storaged -> catalogd -> gateway; stops it all on exit.
#
#   scripts/bench/gateway.sh            DURATION=15s CONNECTIONS=50 THREADS=2 WARMUP=30s override the run
# Writes target/bench/gateway.md (markdown table rows).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # JAVA, free_port, ensure_wrk, start_s3proxy
ROOT=$BENCH_ROOT
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}

ensure_wrk

build_jars storaged catalogd gateway

bench_workdir




STORAGED=$(free_port); CATALOGD=$(free_port); GATEWAY=$(free_port)
unset AUTH_TOKEN LAKEHOUSE_CONFIG

echo "bench: starting S3Proxy, storaged, catalogd, gateway on loopback"
start_s3proxy "$WORK"
PIDS+=("$S3_PID")
start_jvm storaged 256m -jar "$(jar_of storaged)" --lakehouse.storaged.bind="127.0.0.1:$STORAGED" \
  --lakehouse.s3.endpoint="http://127.0.0.1:$S3_PORT"
wait_health "http://127.0.0.1:$STORAGED" "$WORK/storaged.log"
start_jvm catalogd 256m -jar "$(jar_of catalogd)" --lakehouse.catalogd.bind="127.0.0.1:$CATALOGD" \
  --lakehouse.catalogd.storaged_url="http://127.0.0.1:$STORAGED" --lakehouse.catalogd.data_dir="$WORK/catalogd"
CATALOGD_PID=${PIDS[-1]}
wait_health "http://127.0.0.1:$CATALOGD" "$WORK/catalogd.log"
start_jvm gateway 256m -jar "$(jar_of gateway)" --lakehouse.gateway.bind="127.0.0.1:$GATEWAY" \
  --lakehouse.gateway.catalogd_url="http://127.0.0.1:$CATALOGD" --lakehouse.gateway.storaged_url="http://127.0.0.1:$STORAGED"
GATEWAY_PID=${PIDS[-1]}
wait_health "http://127.0.0.1:$GATEWAY" "$WORK/gateway.log"

DIRECT_URL="http://127.0.0.1:$CATALOGD/catalog/list"
GATEWAY_URL="http://127.0.0.1:$GATEWAY/v1/catalog/list"
for url in "$DIRECT_URL" "$GATEWAY_URL"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  [[ "$code" == "200" ]] || { echo "bench: GET $url answered $code" >&2; exit 1; }
done
cmp -s <(curl -s "$DIRECT_URL") <(curl -s "$GATEWAY_URL") || { echo "bench: the two GETs answer different bodies" >&2; exit 1; }

# run CONNS DURATION URL: wrk's report in $WORK/wrk.out.
run() { wrk -t"$(( $1 < THREADS ? $1 : THREADS ))" -c"$1" -d"$2" --latency "$3" > "$WORK/wrk.out"; }
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

echo "bench: measuring $DURATION each, $CONNECTIONS connections and 1, $THREADS wrk threads"
c0=$(cpu_ms "$CATALOGD_PID")
run "$CONNECTIONS" "$DURATION" "$DIRECT_URL"; check_errors; D_RPS=$(rps); D_P50=$(pct 50%); D_P99=$(pct 99%)
D_CPU=$(per_request_us "$c0" "$(cpu_ms "$CATALOGD_PID")" "$(count)")
g0=$(cpu_ms "$GATEWAY_PID")
run "$CONNECTIONS" "$DURATION" "$GATEWAY_URL"; check_errors; G_RPS=$(rps); G_P50=$(pct 50%); G_P99=$(pct 99%)
G_CPU=$(per_request_us "$g0" "$(cpu_ms "$GATEWAY_PID")" "$(count)")
run 1 "$DURATION" "$DIRECT_URL"; check_errors; D1_P50=$(pct 50%)
run 1 "$DURATION" "$GATEWAY_URL"; check_errors; G1_P50=$(pct 50%)

ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{a / b:.2f}' if b else 'n/a')" "$1" "$2"; }
added() { python3 -c "import sys; print(f'{float(sys.argv[1]) - float(sys.argv[2]):.3f}')" "$1" "$2"; }
R_RPS=$(ratio "$G_RPS" "$D_RPS"); R_P50=$(ratio "$G_P50" "$D_P50"); R_P99=$(ratio "$G_P99" "$D_P99")
ADDED_P50=$(added "$G_P50" "$D_P50"); ADDED1_P50=$(added "$G1_P50" "$D1_P50")

mkdir -p "$ROOT/target/bench"
{
  echo "| benchmark | metric | lakehouse | peer | peer value | ratio | target |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  echo "| gateway GET /v1/catalog/list, $CONNECTIONS conns | requests/s | $G_RPS | catalogd direct | $D_RPS | $R_RPS | >= 0.7 |"
  echo "| gateway GET /v1/catalog/list, $CONNECTIONS conns | p50 latency ms | $G_P50 | catalogd direct | $D_P50 | $R_P50 (+$ADDED_P50 ms) | <= +1 ms |"
  echo "| gateway GET /v1/catalog/list, $CONNECTIONS conns | p99 latency ms | $G_P99 | catalogd direct | $D_P99 | $R_P99 | - |"
  echo "| gateway GET /v1/catalog/list, $CONNECTIONS conns | CPU µs per request (gateway; catalogd) | $G_CPU | catalogd per request | $D_CPU | $(ratio "$G_CPU" "$D_CPU") | - |"
  echo "| gateway GET /v1/catalog/list, 1 conn | p50 latency ms | $G1_P50 | catalogd direct | $D1_P50 | +$ADDED1_P50 ms | <= +1 ms |"
} > "$ROOT/target/bench/gateway.md"
cat "$ROOT/target/bench/gateway.md"
