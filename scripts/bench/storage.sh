#!/usr/bin/env bash
# PUT and GET throughput of one 256 MiB object through storaged, beside the same transfer made
# straight to the S3 server with the AWS SDK (the peer), in the same run on the same machine.
# Starts its own S3Proxy and storaged on free loopback ports and stops them on exit.
# Target: storaged >= 0.8x direct. Env: BENCH_MIB (default 256), BENCH_ROUNDS (default 3).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
MIB=${BENCH_MIB:-256}
ROUNDS=${BENCH_ROUNDS:-3}
JVM_FLAGS=(--add-modules jdk.incubator.vector --add-opens=java.base/java.nio=ALL-UNNAMED --enable-native-access=ALL-UNNAMED)

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_http() {
  for _ in $(seq 1 300); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done
  echo "bench: $1 did not come up" >&2; return 1
}

[[ -f target/tools/s3proxy.jar ]] || ./mvnw -q -N initialize
[[ -f storaged/target/storaged-0.1.0-exec.jar && -d storaged/target/test-classes ]] \
  || ./mvnw -q -pl storaged package -DskipTests
./mvnw -q -pl storaged dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" > /dev/null
CP="storaged/target/test-classes:storaged/target/classes:$(cat "$WORK/cp.txt")"

export LH_S3_ACCESS_KEY_ID=bench-access LH_S3_SECRET_ACCESS_KEY=bench-secret-key
S3_PORT=$(free_port); SD_PORT=$(free_port)
mkdir -p "$WORK/s3-data"
cat > "$WORK/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$LH_S3_ACCESS_KEY_ID
s3proxy.credential=$LH_S3_SECRET_ACCESS_KEY
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$WORK/s3-data
PROPS
"$JAVA" -Xmx256m -jar target/tools/s3proxy.jar --properties "$WORK/s3proxy.properties" > "$WORK/s3proxy.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$S3_PORT/"
(cd "$WORK" && exec "$JAVA" -Xmx256m "${JVM_FLAGS[@]}" -jar "$ROOT/storaged/target/storaged-0.1.0-exec.jar" \
  --lakehouse.storaged.bind=127.0.0.1:$SD_PORT --lakehouse.s3.endpoint=http://127.0.0.1:$S3_PORT \
  > "$WORK/storaged.log" 2>&1) &
PIDS+=($!)
wait_http "http://127.0.0.1:$SD_PORT/health"

head -c $((MIB * 1024 * 1024)) /dev/urandom > "$WORK/object.bin"
echo "bench: storage, ${MIB} MiB object, best of $ROUNDS alternating rounds (storaged -Xmx256m, S3Proxy filesystem backend)"
"$JAVA" -Xmx512m -cp "$CP" com.lakehouse.storaged.StorageBench "http://127.0.0.1:$SD_PORT" \
  "http://127.0.0.1:$S3_PORT" lakehouse-primary "$WORK/object.bin" "$ROUNDS" > "$WORK/figures.txt"

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
