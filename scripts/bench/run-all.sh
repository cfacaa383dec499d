#!/usr/bin/env bash
# Runs every benchmark under scripts/bench and writes docs/BENCHMARKS.md: one table, each figure
# beside its peer measured in the same run, with the machine and the date. A benchmark that
# fails is named in the file rather than silently left out. Run it on a quiet machine: the
# figures are only as good as the idle cores under them.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT="$ROOT/target/bench"
mkdir -p "$OUT"
# --collect rebuilds the document from the rows already under target/bench without running.
collect_only=0
if [[ "${1:-}" == --collect ]]; then collect_only=1; shift; fi
only=("$@")
failed=()
for script in "$ROOT"/scripts/bench/*.sh; do
  ((collect_only)) && break
  name=$(basename "$script" .sh)
  [[ "$name" == lib || "$name" == run-all ]] && continue
  if ((${#only[@]} > 0)) && [[ ! " ${only[*]} " == *" $name "* ]]; then continue; fi
  echo "== bench: $name"
  rm -f "$OUT/$name.md"
  if ! bash "$script" > "$OUT/$name.log" 2>&1 || [[ ! -s "$OUT/$name.md" ]]; then
    failed+=("$name")
    echo "   failed; see target/bench/$name.log"
  fi
done

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
{
  echo "# Benchmarks"
  echo
  echo "Written by \`scripts/bench/run-all.sh\` on $(date -u +%Y-%m-%d) on $(nproc) cores ($cpu),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java_v=$(bash -c "source '$ROOT/scripts/lib/jdk.sh'; \"\$(find_java)\" -version 2>&1 | head -n 1"); echo "$java_v")."
  echo "Services run as \`./lakehouse up\` runs them (exec jars, the launcher's heaps and flags); every"
  echo "peer figure comes from the same run on the same data. Ratio is lakehouse / peer."
  echo
  echo "| benchmark | metric | lakehouse | peer | peer value | ratio | target |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  for script in "$ROOT"/scripts/bench/*.sh; do
    name=$(basename "$script" .sh)
    [[ -s "$OUT/$name.md" ]] || continue
    # Data rows only: each bench's file may carry its own title and table header.
    grep -E '^\| ' "$OUT/$name.md" | grep -v -E '^\| (benchmark|---) '
  done
  echo
  echo "When each benchmark's rows were measured (a loaded machine depresses every figure):"
  echo
  for script in "$ROOT"/scripts/bench/*.sh; do
    name=$(basename "$script" .sh)
    [[ -s "$OUT/$name.md" ]] || continue
    echo "- $name: $(date -u -r "$OUT/$name.md" '+%Y-%m-%d %H:%M UTC')"
  done
  if ((${#failed[@]} > 0)); then
    echo
    echo "Did not complete in this run: ${failed[*]} (logs under target/bench/)."
  fi
} > "$ROOT/docs/BENCHMARKS.md"
echo "wrote docs/BENCHMARKS.md"
((${#failed[@]} == 0))
