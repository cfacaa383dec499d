# The start-up cache of each JVM the launcher runs (docs/DECISIONS.md, ADR 0014). Source it after
# jdk.sh with ROOT and JAVA set.
#
# A JVM given an ahead-of-time cache (JDK >= 24, JEP 483/514/515) or a class-data-sharing archive
# (JDK 21-23) maps the classes its training run loaded, already parsed, verified and linked, with
# their profiles, instead of reading them from jars again. One cache per service lives in
# $AOT_HOME/<svc>/: the exec jar extracted (a cache only covers classes from plain jars on the
# class path, never nested ones), the cache file, and `key`, written last, naming what the cache
# was made from: the exec jar's SHA-256, the JVM's build, the flags. The cache is used only when
# the key matches what is about to run; anything else (no key, another jar, another JVM, other
# flags, LH_AOT=0) is a normal start from the exec jar, extracted (plain_jar). The JVM checks again on its own (the
# extracted jars' sizes and times, its own build, the GC); should it refuse a cache, the launcher
# sees the refusal in the service's log and deletes the cache, so the next `up` makes a new one.

AOT_HOME=${LH_AOT_DIR:-$ROOT/target/aot}

# aot_kind: aot (JDK >= 25: one step), aot2 (JDK 24: record, then create), cds (JDK 21-23), or
# none when LH_AOT=0.
aot_kind() {
  [[ "${LH_AOT:-1}" == 0 ]] && { echo none; return; }
  local major=${AOT_JAVA_MAJOR:-}
  if [[ -z "$major" ]]; then
    # The JDK's release file says it without starting a JVM (each `java -version` costs ~0.2 s of
    # CPU, and a boot asks for every process).
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$(dirname "$(dirname "$JAVA")")/release" 2> /dev/null)
    [[ "$major" =~ ^[0-9]+$ ]] || major=$(java_major "$JAVA")
  fi
  if ((major >= 25)); then echo aot; elif ((major == 24)); then echo aot2; else echo cds; fi
}

# jar_sha256 JAR: the jar's content hash. Hashing ten jars of 30-120 MB costs ~2.5 s of CPU, so the
# digest is remembered beside the cache with the jar's size, inode, mtime and ctime (ns), and
# computed again whenever any of them changes. The ctime matters: reproducible builds give every
# jar the same mtime, but any write to a file moves its ctime, and nothing can set it back.
jar_sha256() {
  local jar=$1 memo stat line
  memo="$AOT_HOME/.sha256/$(printf '%s' "$jar" | sha256sum | cut -c1-16)"
  stat=$(stat -c '%s %i %.9Y %.9Z' "$jar")
  if [[ -f "$memo" ]] && read -r line < "$memo" && [[ "${line% *}" == "$stat" ]]; then
    echo "${line##* }"
    return
  fi
  mkdir -p "$AOT_HOME/.sha256"
  line="$stat $(sha256sum "$jar" | cut -d' ' -f1)"
  printf '%s\n' "$line" > "$memo"
  echo "${line##* }"
}

# aot_key JAR FLAGS...: what a cache for this jar, this JVM and these flags must have been made from.
aot_key() {
  local jar=$1; shift
  printf 'kind %s\njar-sha256 %s\njvm %s %s\nflags %s\n' "$(aot_kind)" "$(jar_sha256 "$jar")" \
    "$(readlink -f "$JAVA")" "$(sha256sum < "$JAVA_HOME/release" 2> /dev/null | cut -c1-16)" "$*"
}

# aot_cache_file NAME: the cache (or CDS archive) path of one process.
aot_cache_file() { echo "$AOT_HOME/$1/$1.aot"; }

# aot_valid NAME JAR FLAGS...: true when NAME's cache was made from exactly this jar, JVM and flags.
aot_valid() {
  local name=$1; shift
  [[ "$(aot_kind)" != none && -f "$AOT_HOME/$name/key" && -f "$(aot_cache_file "$name")" ]] || return 1
  [[ "$(cat "$AOT_HOME/$name/key")" == "$(aot_key "$@")" ]]
}

# aot_use_flags NAME: the JVM flags that read NAME's cache.
aot_use_flags() {
  local file; file=$(aot_cache_file "$1")
  case "$(aot_kind)" in
    aot|aot2) echo "-XX:AOTCache=$file" ;;
    cds) echo "-XX:SharedArchiveFile=$file -Xshare:auto" ;;
  esac
}

# aot_app_jar NAME JAR: the extracted copy of JAR that NAME's cache was made with.
aot_app_jar() { echo "$AOT_HOME/$1/app/$(basename "$2")"; }

# aot_launch_args NAME JAR FLAGS...: sets AOT_ARGS to what runs NAME: its cache and the extracted
# jar when the cache is valid, else a normal start from the extracted jar (plain_jar).
aot_launch_args() {
  local name=$1 jar=$2
  if aot_valid "$@"; then
    # shellcheck disable=SC2207
    AOT_ARGS=($(aot_use_flags "$name") -jar "$(aot_app_jar "$name" "$jar")")
  else
    AOT_ARGS=(-jar "$(plain_jar "$name" "$jar")")
  fi
}

# plain_jar NAME JAR: what a start without a cache runs: JAR extracted once per build into
# $AOT_HOME/.plain/NAME (its stamp names the jar's digest), or JAR itself when it is not a Spring
# Boot jar (S3Proxy) or cannot be extracted. Not the exec jar as it is: Spring Boot's nested-jar
# class loader can leave virtual threads that load classes at the same moment waiting for good on a
# 2-core machine (spring-boot#51463, open in 4.1.2; two CI runs hung in crash ITs that way), and the
# extracted layout loads every class with the JDK's own loader from plain jars, as a cached start does.
plain_jar() {
  local name=$1 jar=$2 dir="$AOT_HOME/.plain/$1" sha
  sha=$(jar_sha256 "$jar")
  if [[ ! -f "$dir/stamp" || "$(cat "$dir/stamp")" != "$sha"* ]]; then
    rm -rf "$dir" "$dir.partial"
    mkdir -p "$dir.partial"
    # A Spring Boot jar names BOOT-INF/lib/ in its central directory, at its end; any other jar
    # would run its own main with the extract arguments.
    if tail -c 1048576 "$jar" | grep -a -q 'BOOT-INF/lib/' \
        && "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir.partial/app" > "$dir.partial/extract.log" 2>&1 \
        && [[ -f "$dir.partial/app/$(basename "$jar")" ]]; then
      echo "$sha" > "$dir.partial/stamp"
    else
      echo "$sha none" > "$dir.partial/stamp"
    fi
    mv "$dir.partial" "$dir"
  fi
  if [[ "$(cat "$dir/stamp")" == *" none" ]]; then echo "$jar"; else echo "$dir/app/$(basename "$jar")"; fi
}

# aot_train_spring SVC JAR FLAGS...: a fresh cache for a Spring Boot service. The exec jar is
# extracted, then the service starts with a throwaway data dir and exits once its context is
# refreshed (spring.context.exit=onRefresh: every singleton built, no port opened, nothing
# served), the JVM writing what it loaded as it exits. Every other service's URL points at a
# closed port: a training run never reaches a running fleet (vectord, which restores from
# storaged while its beans are built, then fails its start, and its cache holds what it loaded
# up to there: still a cache for this jar). The key goes in last, so an interrupted run leaves
# no usable cache.
aot_train_spring() {
  local svc=$1 jar=$2; shift 2
  local dir="$AOT_HOME/$svc" scratch other isolate=()
  rm -rf "$dir"
  mkdir -p "$dir"
  "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir/app" > "$dir/train.log" 2>&1 || return 1
  for other in storaged catalogd ingestd queryd vectord embedd pathway observerd; do
    isolate+=("--lakehouse.$svc.${other}_url=http://127.0.0.1:9")
  done
  scratch=$(mktemp -d)
  (cd "$scratch" && aot_record "$svc" "$dir" "$@" -Dspring.context.exit=onRefresh \
    -jar "$(aot_app_jar "$svc" "$jar")" "--lakehouse.$svc.data_dir=$scratch/data" "${isolate[@]}") >> "$dir/train.log" 2>&1 || true
  rm -rf "$scratch"
  [[ -s "$(aot_cache_file "$svc")" ]] || return 1
  aot_key "$jar" "$@" > "$dir/key"
}

# aot_record NAME DIR JVM_ARGS...: one training JVM writing NAME's cache as it exits (JDK 24
# records a configuration first and creates the cache from it in a second run).
aot_record() {
  local name=$1 dir=$2; shift 2
  local file="$dir/$name.aot"
  case "$(aot_kind)" in
    aot) "$JAVA" -XX:AOTCacheOutput="$file" "$@" ;;
    aot2) "$JAVA" -XX:AOTMode=record -XX:AOTConfiguration="$dir/$name.aotconf" "$@" \
      && "$JAVA" -XX:AOTMode=create -XX:AOTConfiguration="$dir/$name.aotconf" -XX:AOTCache="$file" "$@" ;;
    cds) "$JAVA" -XX:ArchiveClassesAtExit="$file" "$@" ;;
  esac
}

# aot_refused NAME LOG: true when the JVM said in LOG that it could not use NAME's cache (its own
# checks: jar sizes and times, its build, GC and heap settings); the cache is then deleted.
aot_refused() {
  grep -qE '\[error *\]\[(aot|cds)' "$2" 2> /dev/null || return 1
  rm -rf "${AOT_HOME:?}/$1"
}
