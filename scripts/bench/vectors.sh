#!/usr/bin/env bash
# Vector engine benchmark (issue 7): Lucene HNSW as vectord runs it, beside exact brute force and
# C++ hnswlib (Debian python3-hnswlib) on the same vectors in the same run; then the restore of a
# 100,000-vector index from storaged into an empty data directory through the real services.
#   scripts/bench/vectors.sh [N=100000] [QUERIES=1000]
# Writes target/bench/vectors.md. Everything it starts listens on loopback and is stopped at exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
N=${1:-100000}
NQ=${2:-1000}
DIM=384
# shellcheck source=lib.sh
source "$ROOT/scripts/bench/lib.sh"   # JAVA (a JDK >= 21), module_classpath
FLAGS=(--add-modules jdk.incubator.vector --add-opens=java.base/java.nio=ALL-UNNAMED --enable-native-access=ALL-UNNAMED)
bench_workdir /tmp/lakehouse-bench-vectors.XXXXXX
mkdir -p target/bench
OUT=target/bench/vectors.md

# --- build what the bench runs -----------------------------------------------------------------
./mvnw -q -B -pl vectord -am package -DskipTests > /dev/null
CP=$(module_classpath vectord)

# Debian's python3-hnswlib lives in the system interpreter (a pyenv python3 on PATH would not see it)
PY=/usr/bin/python3
[[ -x $PY ]] || PY=python3
HAVE_HNSWLIB=0
if ! $PY -c 'import hnswlib, numpy' 2>/dev/null; then
  if command -v apt-get > /dev/null && [[ $(id -u) == 0 ]]; then
    apt-get install -y -qq python3-hnswlib python3-numpy > /dev/null 2>&1 || echo "python3-hnswlib not installable; hnswlib peer skipped"
  fi
fi
$PY -c 'import hnswlib, numpy' 2>/dev/null && HAVE_HNSWLIB=1

# results: KEY -> value, per side and data set
declare -A R
run_side() { # side kind command...
  local side=$1 kind=$2; shift 2
  while read -r tag key value; do
    [[ "$tag" == RESULT ]] && R["$side.$kind.$key"]=$value && echo "  $side $kind $key = $value"
  done < <("$@" 2>/dev/null)
}

for kind in clustered random; do
  echo "== $kind: $N x $DIM, $NQ queries"
  mkdir -p "$WORK/$kind"
  run_side lucene "$kind" "$JAVA" -Xmx6g "${FLAGS[@]}" -cp "$CP" com.lakehouse.vectord.bench.VectorBench "$kind" "$N" "$DIM" "$NQ" "$WORK/$kind"
  if [[ $HAVE_HNSWLIB == 1 ]]; then
    run_side hnswlib "$kind" $PY scripts/bench/vectors_hnswlib.py "$WORK/$kind" "$DIM"
  fi
  [[ $kind == random ]] && rm -rf "$WORK/random"
done

# --- restore through the real services ---------------------------------------------------------
echo "== restore of $N clustered vectors from storaged into an empty data directory"
STP=$(free_port); VDP=$(free_port)
mkdir -p "$WORK/storaged" "$WORK/vectord"
start_s3proxy "$WORK"
PIDS+=("$S3_PID")
(cd "$WORK/storaged" && exec "$JAVA" -Xmx512m "${FLAGS[@]}" \
  -jar "$ROOT/storaged/target/storaged-0.1.0-exec.jar" --lakehouse.storaged.bind=127.0.0.1:$STP \
  --lakehouse.s3.endpoint=http://127.0.0.1:$S3_PORT > "$WORK/storaged.log" 2>&1) & PIDS+=($!)
wait_health "http://127.0.0.1:$STP" "$WORK/storaged.log"
start_vectord() {
  (cd "$WORK/vectord" && exec "$JAVA" -Xmx1g "${FLAGS[@]}" -jar "$ROOT/vectord/target/vectord-0.1.0-exec.jar" \
    --lakehouse.vectord.bind=127.0.0.1:$VDP --lakehouse.vectord.storaged_url=http://127.0.0.1:$STP \
    --lakehouse.vectord.observerd_url= >> "$WORK/vectord.log" 2>&1) & VPID=$!; PIDS+=($VPID)
}
start_vectord
wait_health "http://127.0.0.1:$VDP" "$WORK/vectord.log"
T0=$(date +%s.%N)
COUNT=$($PY scripts/bench/vectors_load.py "http://127.0.0.1:$VDP" "$WORK/clustered" "$DIM" bench_restore)
T1=$(date +%s.%N)
R[service.load_vectors_per_s]=$(python3 -c "print(round($COUNT/($T1-$T0),1))")
echo "  loaded $COUNT vectors over HTTP in $(python3 -c "print(round($T1-$T0,1))") s"
for _ in $(seq 1 1200); do
  pending=$(curl -s "http://127.0.0.1:$VDP/vectors/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["indexes"]["bench_restore"]["commit_pending"])')
  [[ $pending == False ]] && break; sleep 0.5
done
BEFORE=$(curl -s -XPOST -H 'Content-Type: application/json' "http://127.0.0.1:$VDP/vectors/index/bench_restore/search" \
  -d "{\"vector\":$($PY -c "import numpy as np; print(np.fromfile('$WORK/clustered/queries.f32',dtype='<f4')[:$DIM].tolist())"),\"k\":10}")
STORED=$(curl -s "http://127.0.0.1:$STP/storage/list?prefix=_vectors/bench_restore/" | python3 -c 'import json,sys; print(sum(o["size"] for o in json.load(sys.stdin)["objects"]))')
kill -9 "$VPID"; wait "$VPID" 2>/dev/null || true
rm -rf "$WORK/vectord/data"
T0=$(date +%s.%N)
start_vectord
wait_health "http://127.0.0.1:$VDP" "$WORK/vectord.log"
T1=$(date +%s.%N)
AFTER=$(curl -s -XPOST -H 'Content-Type: application/json' "http://127.0.0.1:$VDP/vectors/index/bench_restore/search" \
  -d "{\"vector\":$($PY -c "import numpy as np; print(np.fromfile('$WORK/clustered/queries.f32',dtype='<f4')[:$DIM].tolist())"),\"k\":10}")
RESTORE_MS=$(curl -s "http://127.0.0.1:$VDP/vectors/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["indexes"]["bench_restore"].get("restore_ms",-1))')
R[service.restore_ms]=$RESTORE_MS
R[service.start_with_restore_ms]=$(python3 -c "print(round(($T1-$T0)*1000))")
R[service.stored_bytes]=$STORED
[[ "$BEFORE" == "$AFTER" ]] && R[service.same_answers]=yes || R[service.same_answers]=NO
echo "  restore ${RESTORE_MS} ms (process start to healthy $(python3 -c "print(round(($T1-$T0)*1000))") ms), $STORED bytes, identical answers: ${R[service.same_answers]}"

# --- report ------------------------------------------------------------------------------------
ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.2f}x' if b else '-')" "$1" "$2"; }
row() { # benchmark metric lakehouse peer peer_value target
  local r="-"; [[ "$4" != "-" && "$5" != "-" && -n "$5" ]] && r=$(ratio "$3" "$5")
  echo "| $1 | $2 | $3 | $4 | $5 | $r | $6 |" | tee -a "$OUT"
}
v() { echo "${R[$1]:--}"; }
{
  echo "# vectors benchmark ($(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "| benchmark | metric | lakehouse | peer | peer value | ratio | target |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
} > "$OUT"
for kind in clustered random; do
  b="$kind ${N}x$DIM"
  row "$b" "build vectors/s (2 cores, incl. merge to 1 segment)" "$(v lucene.$kind.build_vectors_per_s)" "hnswlib C++" "$(v hnswlib.$kind.build_vectors_per_s)" ">= 2000"
  row "$b" "index bytes" "$(v lucene.$kind.index_bytes)" "hnswlib C++" "$(v hnswlib.$kind.index_bytes)" "-"
  row "$b" "load ms" "$(v lucene.$kind.load_ms)" "hnswlib C++" "$(v hnswlib.$kind.load_ms)" "-"
  for ef in 32 64 128; do
    row "$b" "recall@10 ef $ef" "$(v lucene.$kind.recall_ef$ef)" "hnswlib C++" "$(v hnswlib.$kind.recall_ef$ef)" "$([[ $kind == clustered ]] && echo '>= 0.95' || echo '-')"
    row "$b" "QPS 1 thread ef $ef" "$(v lucene.$kind.qps_1thread_ef$ef)" "hnswlib C++" "$(v hnswlib.$kind.qps_1thread_ef$ef)" "$([[ $kind == clustered ]] && echo '>= 1.2x' || echo '-')"
    row "$b" "QPS 2 threads ef $ef" "$(v lucene.$kind.qps_2threads_ef$ef)" "hnswlib C++" "$(v hnswlib.$kind.qps_2threads_ef$ef)" "-"
  done
  row "$b" "QPS 1 thread (exact)" "$(v lucene.$kind.qps_1thread_ef64)" "brute force" "$(v lucene.$kind.exact_qps_1thread)" "-"
done
row "restore ${N}x$DIM" "restore from storaged ms" "$(v service.restore_ms)" "-" "-" "< 3000"
row "restore ${N}x$DIM" "process start to healthy ms (incl. restore)" "$(v service.start_with_restore_ms)" "-" "-" "-"
row "restore ${N}x$DIM" "identical answers after restore" "$(v service.same_answers)" "-" "-" "yes"
row "restore ${N}x$DIM" "HTTP add vectors/s (batches of 5,000)" "$(v service.load_vectors_per_s)" "-" "-" "-"
echo "wrote $OUT"
