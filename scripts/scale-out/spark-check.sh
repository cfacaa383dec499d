#!/usr/bin/env bash
# The Spark proof of docs/scale-out.md, against a running fleet: Apache Spark in local mode, with
# Iceberg's Spark runtime and S3FileIO, reads every dataset through the gateway's Iceberg REST
# catalog (/v1/iceberg) and the fleet's S3 server, and must answer count, sum and GROUP BY as
# queryd does; VERSION AS OF 'v1' must give version 1's rows (spark-check/ holds the program).
#
# Spark 4.0 runs on JDK 17 or 21 (not 25): find_java_for picks one. The first run downloads Spark
# into ~/.m2 (a few minutes); later runs are offline and take about a minute.
# Environment: LH_DATA_DIR (whose s3/credentials.env holds the embedded S3 server's keys, unless
# LH_S3_ACCESS_KEY_ID/LH_S3_SECRET_ACCESS_KEY are set), LH_GATEWAY, AUTH_TOKEN.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PROJECT="$ROOT/scripts/scale-out/spark-check"
DATA=${LH_DATA_DIR:-$ROOT/data}
case "$DATA" in /*) ;; *) DATA="$ROOT/$DATA" ;; esac
# shellcheck source=../lib/jdk.sh
source "$ROOT/scripts/lib/jdk.sh"

SPARK_JAVA=$(find_java_for 21 17) || {
  echo "spark-check: Spark 4.0 needs JDK 17 or 21 (found neither under JAVA_HOME, /usr/lib/jvm, PATH);" \
    "e.g. 'apt-get install openjdk-17-jdk-headless'" >&2
  exit 1
}
if [[ -z "${LH_S3_ACCESS_KEY_ID:-}" && -f "$DATA/s3/credentials.env" ]]; then
  # shellcheck disable=SC1091
  set -a; source "$DATA/s3/credentials.env"; set +a
fi
[[ -n "${LH_S3_ACCESS_KEY_ID:-}" ]] || { echo "spark-check: no S3 credentials (LH_S3_ACCESS_KEY_ID or $DATA/s3/credentials.env)" >&2; exit 1; }
export LH_S3_ACCESS_KEY_ID LH_S3_SECRET_ACCESS_KEY

jar="$PROJECT/target/spark-check-0.1.0.jar"
classpath="$PROJECT/target/classpath.txt"
if [[ ! -f "$jar" || ! -f "$classpath" || -n "$(find "$PROJECT/src" "$PROJECT/pom.xml" -newer "$jar" -type f -print -quit)" ]]; then
  echo "spark-check: building (the first run downloads Spark into ~/.m2)..."
  JAVA_HOME=$(dirname "$(dirname "$SPARK_JAVA")") "$ROOT/mvnw" -q -B -f "$PROJECT/pom.xml" package \
    dependency:build-classpath -Dmdep.outputFile="$classpath" > "$DATA/spark-check-build.log" 2>&1 || {
    tail -n 30 "$DATA/spark-check-build.log" >&2; exit 1; }
fi

# What spark-submit would add on JDK 17+: Spark reaches into these JDK internals.
OPENS=()
for pkg in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
  java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  OPENS+=("--add-opens=java.base/$pkg=ALL-UNNAMED")
done
mkdir -p "$DATA/logs"
log="$DATA/logs/spark-check.log"
echo "spark-check: Spark on $("$SPARK_JAVA" -version 2>&1 | head -n 1)"
if ! timeout 300 "$SPARK_JAVA" -Xmx1g "${OPENS[@]}" -Djdk.reflect.useDirectMethodHandle=false \
  -Dio.netty.tryReflectionSetAccessible=true -cp "$jar:$(cat "$classpath")" \
  com.lakehouse.sparkcheck.SparkCheck 2> "$log"; then
  echo "spark-check: FAILED; last lines of ${log#$ROOT/}:" >&2
  grep -v '^\s*at ' "$log" | tail -n 25 >&2
  exit 1
fi
