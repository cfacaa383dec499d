#!/usr/bin/env bash
# embedd throughput and cached latency (SPEC §8, issue 8), beside its peer measured in the same run:
# the same model called in-process through langchain4j (a Java main on embedd's test classpath).
# embedd runs as the launcher runs it: its exec jar, a modest heap, the fleet's JVM flags, on a free
# loopback port. Writes target/bench/embed.md. Bounded: a few seconds of load per row.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[[ -x "$JAVA_HOME/bin/java" ]] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' \
  || export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
JAVA="$JAVA_HOME/bin/java"
JVM_FLAGS=(--add-modules jdk.incubator.vector --add-opens=java.base/java.nio=ALL-UNNAMED --enable-native-access=ALL-UNNAMED)
HEAP=${LH_BENCH_XMX:-512m}
OUT="$ROOT/target/bench"
mkdir -p "$OUT"

# Always build, with the modules embedd depends on: a jar left from another commit, or built
# against an older shared library, would be measured instead of this one.
./mvnw -q -pl embedd -am package -DskipTests > "$OUT/embed-mvn.log" 2>&1
JAR=$(ls embedd/target/embedd-*-exec.jar | head -1)
./mvnw -q -pl embedd dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/embed-classpath.txt" \
  > "$OUT/embed-mvn.log" 2>&1
CP="embedd/target/test-classes:embedd/target/classes:$(cat "$OUT/embed-classpath.txt")"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
WORK=$(mktemp -d)
"$JAVA" -Xmx"$HEAP" "${JVM_FLAGS[@]}" -jar "$ROOT/$JAR" --lakehouse.embedd.bind=127.0.0.1:"$PORT" \
  > "$OUT/embed-embedd.log" 2>&1 &
PID=$!
trap 'rc=$?; kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$WORK"; exit $rc' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break
  kill -0 "$PID" 2>/dev/null || { echo "embedd died; see $OUT/embed-embedd.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/health" > /dev/null || { echo "embedd did not become healthy" >&2; exit 1; }

# The peer loads onnxruntime itself: keep its telemetry off too (embedd does this on its own).
ORT_DISABLE_TELEMETRY=1 "$JAVA" -Xmx"$HEAP" "${JVM_FLAGS[@]}" -cp "$CP" com.lakehouse.embedd.bench.EmbedBench \
  "http://127.0.0.1:$PORT" "$WORK/rows.md" > "$OUT/embed-peer.log" 2>&1

{
  echo "| benchmark | metric | lakehouse | peer | peer value | ratio | target |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  cat "$WORK/rows.md"
} > "$OUT/embed.md"
echo "embedd bench ($(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg) at the end)"
column -t -s '|' "$OUT/embed.md" 2>/dev/null || cat "$OUT/embed.md"
echo "written to target/bench/embed.md"
