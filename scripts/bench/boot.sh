#!/usr/bin/env bash
# boot: `./lakehouse down` -> every service healthy for the whole fleet holding the demo's data,
# RUNS times with the JVMs' start-up caches beside RUNS times without them (LH_AOT=0), alternating;
# min/median/max, CPU to healthy, and each service's time to healthy. Then pathway's recovery over
# 100,000 traces from its snapshot beside the same start replaying the whole log.
#
# The fleet's ports are fixed and the machine may be shared: each boot runs alone under the fleet
# lock (LH_FLEET_LOCK, default /tmp/lh-fleet.lock), up + measure + down in one locked command, so
# the lock is held for one measurement at a time. pathway runs on a free port, without the lock.
# PARTS="fleet pathway" (the default) picks the parts; the table is made from the rows of both
# (target/bench/boot-runs.tsv, boot-pathway.tsv), so a part can be re-run alone.
source "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-5} TRACES=${TRACES:-100000} PATHWAY_RUNS=${PATHWAY_RUNS:-5}
LOCK=${LH_FLEET_LOCK:-/tmp/lh-fleet.lock}
export LH_DATA_DIR=${BOOT_DATA_DIR:-$BENCH_ROOT/data/bench-boot}
# A loaded machine can take minutes to boot the fleet; the launcher's three would end the run.
export LH_START_TIMEOUT=${LH_START_TIMEOUT:-900}
lh() { "$BENCH_ROOT/lakehouse" "$@"; }

# --one-boot MODE OUT (run under the lock by the loop below): one boot from down to healthy,
# appending "MODE total_ms cpu_ms" and the per-service times to OUT.
if [[ "${1:-}" == --one-boot ]]; then
  mode=$2 out=$3
  [[ "$mode" == jar ]] && export LH_AOT=0
  lh down > /dev/null 2>&1 || true
  began=${EPOCHREALTIME/./}
  if ! lh up > "$BENCH_OUT/boot-up.log" 2>&1; then
    cat "$BENCH_OUT/boot-up.log" >&2
    lh down > /dev/null 2>&1 || true
    exit 1
  fi
  total=$(((${EPOCHREALTIME/./} - began) / 1000))
  # shellcheck disable=SC2046
  cpu=$(cpu_ms $(cat "$LH_DATA_DIR"/run/*.pid))
  printf 'fleet\t%s\t%s\t%s\n' "$mode" "$total" "$cpu" >> "$out"
  awk -v m="$mode" -F'\t' '{printf "svc\t%s\t%s\t%s\t%s\n", m, $1, $2, $3}' "$LH_DATA_DIR/run/boot.tsv" >> "$out"
  lh down > /dev/null
  exit 0
fi

# stats FILE: "min median max" of the numbers in FILE, one a line.
stats() { sort -n "$1" | awk '{v[NR]=$1} END {printf "%d %d %d", v[1], v[int((NR+1)/2)], v[NR]}'; }
secs() { awk -v a="$1" 'BEGIN {printf "%.1f", a / 1000}'; }
# range "MIN MEDIAN MAX" (ms): "median s (min-max)".
range() { set -- $1; echo "$(secs "$2") s ($(secs "$1")-$(secs "$3"))"; }
# column KIND MODE FIELD [NAME]: one field of the recorded rows of a kind and mode.
column() { { cat "$runs" "$prun" 2> /dev/null || true; } | awk -F'\t' -v k="$1" -v m="$2" -v c="$3" -v s="${4:-}" '$1 == k && $2 == m && (s == "" || $3 == s) {print $c}'; }

PARTS=${PARTS:-fleet pathway}
runs="$BENCH_OUT/boot-runs.tsv"
prun="$BENCH_OUT/boot-pathway.tsv"
work=$(mktemp -d)
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2> /dev/null; rm -rf "$work"' EXIT
lh cache

if [[ " $PARTS " == *" fleet "* ]]; then
# The demo's data, once: the walk ingests a 10,000-row dataset, its embeddings and vector index.
if [[ ! -f "$LH_DATA_DIR/.demo-done" ]]; then
  flock "$LOCK" bash -c 'lh() { "$1/lakehouse" "${@:2}"; }; lh "$1" up > "$2/boot-demo.log" 2>&1 && lh "$1" demo >> "$2/boot-demo.log" 2>&1; rc=$?; lh "$1" down > /dev/null; exit $rc' \
    _ "$BENCH_ROOT" "$BENCH_OUT" || { echo "bench: the demo did not complete; see target/bench/boot-demo.log" >&2; exit 1; }
  touch "$LH_DATA_DIR/.demo-done"
fi

: > "$runs"
for i in $(seq 1 "$RUNS"); do
  for mode in cache jar; do
    echo "boot: run $i, $mode" >&2
    flock "$LOCK" bash "$0" --one-boot "$mode" "$runs"
  done
done
fi

if [[ " $PARTS " == *" pathway "* ]]; then
cp=$(module_classpath pathway)
"$JAVA" "${BENCH_JVM_FLAGS[@]}" -cp "$cp" com.lakehouse.pathway.traces.PathwayBench make-log "$work/data/traces.jsonl" "$TRACES" > /dev/null
# pathway as the launcher runs it: its heap, its flags, its start-up cache when valid.
# shellcheck source=../lib/aot.sh
ROOT=$BENCH_ROOT source "$BENCH_ROOT/scripts/lib/aot.sh"
pathway_flags=(-Xmx256m "${BENCH_JVM_FLAGS[@]}")
jar=$(ls "$BENCH_ROOT"/pathway/target/pathway-*-exec.jar | head -n 1)
aot_launch_args pathway "$jar" "${pathway_flags[@]}"
# pathway_boot: starts pathway over the 100,000-trace log, prints "ms_to_healthy cpu_ms recovery_ms".
pathway_boot() {
  local port began ms cpu
  port=$(free_port)
  began=${EPOCHREALTIME/./}
  (cd "$work" && exec "$JAVA" "${pathway_flags[@]}" "${AOT_ARGS[@]}" "--lakehouse.pathway.bind=127.0.0.1:$port" \
    "--lakehouse.pathway.data_dir=$work/data" --lakehouse.pathway.observerd_url=http://127.0.0.1:1 > "$work/pathway.log" 2>&1) &
  pid=$!
  # Not lib.sh's wait_health: its two minutes are too short for a full replay on a loaded machine.
  until [[ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://127.0.0.1:$port/health")" == 200 ]]; do
    kill -0 "$pid" 2> /dev/null && (((${EPOCHREALTIME/./} - began) < 900000000)) \
      || { echo "bench: pathway did not become healthy" >&2; tail -n 20 "$work/pathway.log" >&2; exit 1; }
    sleep 0.1
  done
  ms=$(((${EPOCHREALTIME/./} - began) / 1000))
  cpu=$(cpu_ms "$pid")
  echo "$ms $cpu $(grep -o 'recovered [0-9]* traces in [0-9]* ms' "$work/pathway.log" | awk '{print $5}')"
}
pathway_stop() { kill "$pid"; wait "$pid" 2> /dev/null || true; pid=""; }
# The first start replays the whole log and then writes the snapshot; wait for it.
pathway_boot > /dev/null
for _ in $(seq 1 600); do grep -q 'trace snapshot written' "$work/pathway.log" && break; sleep 0.2; done
pathway_stop
: > "$prun"
for i in $(seq 1 "$PATHWAY_RUNS"); do
  echo "boot: pathway run $i" >&2
  pathway_boot > "$work/one"
  printf 'pathway\tsnapshot\t%s\n' "$(tr ' ' '\t' < "$work/one")" >> "$prun"
  pathway_stop
  mv "$work/data/traces.snapshot" "$work/traces.snapshot.kept"
  pathway_boot > "$work/one"
  printf 'pathway\treplay\t%s\n' "$(tr ' ' '\t' < "$work/one")" >> "$prun"
  pathway_stop
  mv "$work/traces.snapshot.kept" "$work/data/traces.snapshot"
done
fi

# range_row KIND MINE PEER COLUMN LABEL PEER_LABEL TARGET: one row of median (min-max) of MINE's
# rows beside PEER's, from whichever runs are recorded.
range_row() {
  column "$1" "$2" "$4" > "$work/a"; column "$1" "$3" "$4" > "$work/b"
  [[ -s "$work/a" && -s "$work/b" ]] || return 0
  local a b; a=$(stats "$work/a") b=$(stats "$work/b")
  row boot "$5, median (min-max) of $(wc -l < "$work/a")" "$(range "$a")" "$6" "$(range "$b")" \
    "$(ratio "$(echo "$a" | cut -d' ' -f2)" "$(echo "$b" | cut -d' ' -f2)")" "$7"
}

bench_begin boot
load=$(cut -d' ' -f1-3 /proc/loadavg)
range_row fleet cache jar 3 "fleet down to healthy, demo data" "same boot without the caches" "<= 20 s"
range_row fleet cache jar 4 "fleet CPU to healthy, demo data" "same boot without the caches" -
for svc in s3 storaged embedd catalogd observerd vectord ingestd queryd pathway gateway; do
  column svc cache 4 "$svc" > "$work/a"; column svc jar 4 "$svc" > "$work/b"
  [[ -s "$work/a" && -s "$work/b" ]] || continue
  a=$(stats "$work/a" | cut -d' ' -f2) b=$(stats "$work/b" | cut -d' ' -f2)
  row boot "$svc healthy after the fleet's start, median" "$(secs "$a") s" "without the caches" "$(secs "$b") s" "$(ratio "$a" "$b")" -
done
range_row pathway snapshot replay 3 "pathway healthy, $TRACES traces" "same start replaying the whole log" "<= 2 s"
range_row pathway snapshot replay 4 "pathway CPU to healthy, $TRACES traces" "same start replaying the whole log" -
range_row pathway snapshot replay 5 "pathway recovery inside the JVM, $TRACES traces" "same start replaying the whole log" -
echo "(load average at the end: $load on $(nproc) cores)" | tee -a "$BENCH_OUT/boot.md"
