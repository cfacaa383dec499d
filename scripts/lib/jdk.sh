# The JDK search shared by ./lakehouse and scripts: JAVA_HOME when it is >= 21, else the newest
# JDK >= 21 under /usr/lib/jvm, else `java` on PATH when it is >= 21. Source it; find_java prints
# the java binary or returns 1.

java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

find_java() {
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
  local dir
  for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do candidates+=("${dir%/}/bin/java"); done
  command -v java > /dev/null 2>&1 && candidates+=("$(command -v java)")
  local best="" best_major=0 c major
  for c in "${candidates[@]}"; do
    [[ -x "$c" ]] || continue
    major=$(java_major "$c" 2> /dev/null || echo 0)
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    if (( major >= 21 && major > best_major )); then best=$c; best_major=$major; fi
    # JAVA_HOME wins when it is new enough.
    if [[ -n "${JAVA_HOME:-}" && "$c" == "$JAVA_HOME/bin/java" && major -ge 21 ]]; then best=$c; break; fi
  done
  [[ -n "$best" ]] || return 1
  echo "$best"
}

# find_java_for MAJOR...: the java binary of a JDK whose major version is one of those named, the
# newest first (for tools with a narrower range than the fleet's, e.g. Spark 4.0: 17 and 21).
# Looks at JAVA_HOME, /usr/lib/jvm/*, then java on PATH; returns 1 when none fits.
find_java_for() {
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
  local dir
  for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do candidates+=("${dir%/}/bin/java"); done
  command -v java > /dev/null 2>&1 && candidates+=("$(command -v java)")
  local best="" best_major=0 c major wanted
  for c in "${candidates[@]}"; do
    [[ -x "$c" ]] || continue
    major=$(java_major "$c" 2> /dev/null || echo 0)
    for wanted in "$@"; do
      if [[ "$major" == "$wanted" ]] && ((major > best_major)); then best=$c; best_major=$major; fi
    done
  done
  [[ -n "$best" ]] || return 1
  echo "$best"
}
