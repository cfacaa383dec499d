# Shared helpers for the benchmarks: source it. Finds a JDK, runs a module's jar the way the
# launcher does, gives a module's test classpath for in-process peers, and writes result rows.
set -euo pipefail
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../lib/jdk.sh
source "$BENCH_ROOT/scripts/lib/jdk.sh"
JAVA=$(find_java) || { echo "bench: no JDK >= 21" >&2; exit 1; }
export JAVA_HOME
JAVA_HOME=$(dirname "$(dirname "$JAVA")")
BENCH_OUT="$BENCH_ROOT/target/bench"
mkdir -p "$BENCH_OUT"
# shellcheck source=../lib/jvm.sh
source "$BENCH_ROOT/scripts/lib/jvm.sh"
BENCH_JVM_FLAGS=("${LH_JVM_FLAGS[@]}")

# free_port: a loopback port nobody listens on.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# module_classpath MODULE: classes + test classes + test-scope dependencies (builds if needed).
# With -am: a module's ITs declare other services as pom-typed test dependencies, which resolve
# only inside the reactor. Each module writes its list to its own target/ (a relative outputFile
# is resolved against the module's directory).
module_classpath() {
  local module=$1
  (cd "$BENCH_ROOT" && ./mvnw -q -B -pl "$module" -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test > /dev/null)
  echo "$BENCH_ROOT/$module/target/test-classes:$BENCH_ROOT/$module/target/classes:$(cat "$BENCH_ROOT/$module/target/bench-classpath.txt")"
}

# jar_of MODULE: the module's exec jar, empty when it is not built.
jar_of() { ls "$BENCH_ROOT/$1"/target/"$1"-*-exec.jar 2> /dev/null | head -n 1; }

# bench_workdir [TEMPLATE]: a fresh WORK directory (mktemp -d TEMPLATE) and an empty PIDS list; at
# exit every process in PIDS is stopped and waited for, and WORK is removed. Call it directly, not
# in $(...): it sets variables in the caller's shell.
bench_workdir() {
  WORK=$(mktemp -d ${1:+"$1"})
  PIDS=()
  trap bench_cleanup EXIT
}
bench_cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2> /dev/null || true; done
  rm -rf "$WORK"
}

# start_jvm NAME HEAP ARGS...: runs a JVM in $WORK (no lakehouse.toml there), logging to
# $WORK/NAME.log; its pid joins PIDS. Call it directly, not in $(...).
start_jvm() {
  local name=$1 heap=$2; shift 2
  (cd "$WORK" && exec "$JAVA" "-Xmx$heap" "${BENCH_JVM_FLAGS[@]}" "$@" > "$WORK/$name.log" 2>&1) &
  PIDS+=($!)
}

# start_service MODULE PORT HEAP WORKDIR ARGS...: runs the exec jar as ./lakehouse up does; echoes the pid.
start_service() {
  local module=$1 port=$2 heap=$3 work=$4; shift 4
  local jar; jar=$(jar_of "$module")
  # exec, so the background job is the JVM itself and holds nothing of the caller's stdout.
  (cd "$work" && exec "$JAVA" -Xmx"$heap" "${BENCH_JVM_FLAGS[@]}" -jar "$jar" \
    "--lakehouse.$module.bind=127.0.0.1:$port" "$@" > "$work/$module.log" 2>&1) &
  echo $!
}

# launch MODULE PORT ARGS...: start_service at 256m in $WORK/MODULE, its pid added to PIDS, then
# wait for its health. The pid goes through a file, not a pipe: the service's shell keeps its
# stdout open, so $(...) around start_service would wait for the service to exit.
launch() {
  local module=$1 port=$2; shift 2
  mkdir -p "$WORK/$module"
  start_service "$module" "$port" 256m "$WORK/$module" "$@" > "$WORK/$module.pid"
  PIDS+=("$(cat "$WORK/$module.pid")")
  wait_health "http://127.0.0.1:$port"
}

# wait_health BASE_URL [LOGFILE]: until BASE_URL/health answers 200 (two minutes at most); on
# failure the service's log tail goes to stderr and the bench stops.
wait_health() {
  local deadline=$((SECONDS + 120))
  until [[ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$1/health")" == 200 ]]; do
    if ((SECONDS >= deadline)); then
      echo "bench: $1 did not become healthy" >&2
      [[ -n "${2:-}" && -f "$2" ]] && tail -n 30 "$2" >&2
      exit 1
    fi
    sleep 0.2
  done
}

# cpu_ms PID...: CPU milliseconds (user + system) the processes have used so far, summed.
cpu_ms() {
  local pid ticks=0
  for pid in "$@"; do
    ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo $((ticks * 1000 / $(getconf CLK_TCK)))
}

# row BENCH METRIC OURS PEER_NAME PEER_VALUE RATIO TARGET: one result row, printed and recorded.
row() {
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$@" | tee -a "$BENCH_OUT/$BENCH_NAME.md"
}

bench_begin() {
  BENCH_NAME=$1
  : > "$BENCH_OUT/$BENCH_NAME.md"
  echo "| benchmark | metric | lakehouse | peer | peer value | ratio | target |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
}

# ratio A B: A/B with two decimals.
ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.2f}' if b else 'n/a')" "$1" "$2"; }

# ensure_wrk: wrk (Debian package) is the HTTP load generator of the benches: a C client whose own
# CPU per request is a few microseconds, so on two cores it leaves them to the service measured.
ensure_wrk() {
  command -v wrk > /dev/null && return 0
  echo "bench: installing wrk (Debian package)" >&2
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y wrk > /dev/null; else sudo apt-get install -y wrk > /dev/null; fi
}

# start_s3proxy WORKDIR: S3Proxy (filesystem backend under WORKDIR/s3-data, identity bench) on a
# free loopback port, as the fleet's embedded S3. Sets S3_PORT and S3_PID, exports the credentials
# storaged reads (LH_S3_ACCESS_KEY_ID, LH_S3_SECRET_ACCESS_KEY), and returns once it answers.
# Call it directly, not in $(...): it sets variables in the caller's shell.
start_s3proxy() {
  local work=$1
  [[ -f "$BENCH_ROOT/target/tools/s3proxy.jar" ]] || (cd "$BENCH_ROOT" && ./mvnw -q -N initialize)
  S3_PORT=$(free_port)
  mkdir -p "$work/s3-data"
  cat > "$work/s3proxy.properties" << PROPS
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench
s3proxy.credential=bench-secret
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$work/s3-data
PROPS
  (cd "$work" && exec "$JAVA" -Xmx256m -jar "$BENCH_ROOT/target/tools/s3proxy.jar" \
    --properties "$work/s3proxy.properties" > "$work/s3proxy.log" 2>&1) &
  S3_PID=$!
  export LH_S3_ACCESS_KEY_ID=bench LH_S3_SECRET_ACCESS_KEY=bench-secret
  local _
  for _ in $(seq 1 300); do
    curl -s -o /dev/null -m 1 "http://127.0.0.1:$S3_PORT/" && return 0
    sleep 0.2
  done
  echo "bench: S3Proxy did not come up; its log:" >&2; tail -n 20 "$work/s3proxy.log" >&2; return 1
}

# build_jars MODULE...: packages the modules' exec jars with the modules they depend on (-am), so a
# bench never runs a jar built against an older shared library, or a jar left from another commit.
build_jars() {
  local modules; modules=$(IFS=,; echo "$*")
  (cd "$BENCH_ROOT" && ./mvnw -q -B -pl "$modules" -am package -DskipTests > /dev/null)
}
