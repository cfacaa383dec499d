#!/usr/bin/env bash
# PUT and GET throughput of one 256 MiB object through storaged, beside the same transfer made
# straight to the S3 server with the AWS SDK (the peer), in the same run on the same machine.
# Starts its own S3Proxy and storaged on free loopback ports and stops them on exit.
# Target: storaged >= 0.8x direct. Env: BENCH_MIB (default 256), BENCH_ROUNDS (default 5),
# BENCH_WARMUPS (untimed rounds first, default 3).
set -euo pipefail

source "$(dirname "$0")/lib.sh"   # JAVA, BENCH_JVM_FLAGS, free_port, module_classpath, start_s3proxy
ROOT=$BENCH_ROOT
cd "$ROOT"
MIB=${BENCH_MIB:-256}
ROUNDS=${BENCH_ROUNDS:-5}
WARMUPS=${BENCH_WARMUPS:-3}

bench_workdir

build_jars storaged
CP=$(module_classpath storaged)

SD_PORT=$(free_port)
start_s3proxy "$WORK"
PIDS+=("$S3_PID")
(cd "$WORK" && exec "$JAVA" -Xmx256m "${BENCH_JVM_FLAGS[@]}" -jar "$ROOT/storaged/target/storaged-0.1.0-exec.jar" \
  --lakehouse.storaged.bind=127.0.0.1:$SD_PORT --lakehouse.s3.endpoint=http://127.0.0.1:$S3_PORT \
  > "$WORK/storaged.log" 2>&1) &
PIDS+=($!)
wait_health "http://127.0.0.1:$SD_PORT" "$WORK/storaged.log"

head -c $((MIB * 1024 * 1024)) /dev/urandom > "$WORK/object.bin"
echo "bench: storage, ${MIB} MiB object, best of $ROUNDS alternating rounds after $WARMUPS untimed ones (storaged -Xmx256m, S3Proxy filesystem backend)"
"$JAVA" -Xmx512m -cp "$CP" com.lakehouse.storaged.StorageBench "http://127.0.0.1:$SD_PORT" \
  "http://127.0.0.1:$S3_PORT" lakehouse-primary "$WORK/object.bin" "$ROUNDS" "$WARMUPS" > "$WORK/figures.txt"

mkdir -p target/bench
{
  echo "| benchmark | metric | lakehouse | peer | peer value | ratio | target |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
} > target/bench/storage.md
while read -r metric ours peer; do
  case "$metric" in
    put_mb_s) label="PUT ${MIB} MiB (MB/s)"; peer_name="AWS SDK PutObject direct to S3" ;;
    get_mb_s) label="GET ${MIB} MiB (MB/s)"; peer_name="AWS SDK GetObject direct to S3" ;;
    put_multipart_mb_s) label="PUT ${MIB} MiB vs multipart peer (MB/s)"; peer_name="AWS SDK multipart, 8 MiB parts (AWS CLI style)" ;;
    *) continue ;;
  esac
  ratio=$(python3 -c "print(f'{$ours/$peer:.2f}')")
  verdict=$(python3 -c "print('ok' if $ours/$peer >= 0.8 else 'BELOW')")
  printf '  %-42s storaged %8s   direct %8s   ratio %sx (target >= 0.8x: %s)\n' "$label" "$ours" "$peer" "$ratio" "$verdict"
  echo "| storage | $label | $ours | $peer_name | $peer | ${ratio}x | >= 0.8x |" >> target/bench/storage.md
done < "$WORK/figures.txt"
echo "bench: rows written to target/bench/storage.md"
