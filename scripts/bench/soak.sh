#!/usr/bin/env bash
# Soak (issue #21): a mixed load through the gateway — small ingests, SQL, vector adds and searches,
# embeds, pathway (memory) adds and searches — at CONNECTIONS connections for DURATION seconds,
# reporting requests/s by route, the count of 5xx (target 0) and each service's RSS (target: flat).
# Boots its own fleet with ./lakehouse under the shared fleet lock, in its own data directory, and
# brings it down on exit.
#
# RSS is sampled every SAMPLE seconds, so "flat" is judged after the warm-up (the first minute from
# a cold start is heap growth to the working set), not start against end only. For the JVMs named in
# HEAP_OF (default catalogd ingestd) it records the live heap after a full GC (jcmd
# GC.class_histogram, whose total is what survives) at the start, the middle and the end, with the
# histogram's largest classes: retained state that grows with versions or requests shows there.
# The load average is recorded at the start and the end (the machine may be shared).
#
#   scripts/bench/soak.sh                 DURATION=300 CONNECTIONS=50 (the issue's figures)
#   DURATION=20 scripts/bench/soak.sh     a dry run
# Writes target/bench/soak.md (and the raw samples beside it).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DURATION=${DURATION:-300}
CONNECTIONS=${CONNECTIONS:-50}
GATEWAY=${GATEWAY:-http://127.0.0.1:3110}
SAMPLE=${SAMPLE:-60}
HEAP_OF=${HEAP_OF:-catalogd ingestd}

if [[ -z "${LH_SOAK_LOCKED:-}" ]]; then
  # The fleet's ports are fixed: one fleet on this machine at a time.
  LH_SOAK_LOCKED=1 exec flock -w "${LOCK_WAIT:-600}" /tmp/lh-fleet.lock "$0" "$@"
fi

export LH_DATA_DIR=${LH_DATA_DIR:-$ROOT/data/soak}
rm -rf "$LH_DATA_DIR"
unset AUTH_TOKEN LAKEHOUSE_CONFIG
cd "$ROOT"
trap './lakehouse down > /dev/null 2>&1 || true' EXIT
trap 'exit 143' TERM INT   # so the EXIT trap brings the fleet down on a timeout too
./lakehouse up

OUT="$ROOT/target/bench"
mkdir -p "$OUT"
rm -f "$OUT"/soak-rss-*.txt "$OUT"/soak-heap-*.txt "$OUT"/soak-gc-*.txt "$OUT/soak-load-average.txt"
# shellcheck source=scripts/lib/jdk.sh
source "$ROOT/scripts/lib/jdk.sh"
JCMD="$(dirname "$(find_java)")/jcmd"
rss() {  # one line "service rss_kib" per running service, from the launcher's pid files
  local f
  for f in "$LH_DATA_DIR"/run/*.pid; do
    [[ -f "$f" ]] || continue
    printf '%s %s\n' "$(basename "$f" .pid)" "$(ps -o rss= -p "$(cat "$f")" 2> /dev/null | tr -d ' ' || echo 0)"
  done
}
heap() {  # heap(label): each HEAP_OF service's histogram after a full GC, and its heap's sizes
  local svc pid
  for svc in $HEAP_OF; do
    pid=$(cat "$LH_DATA_DIR/run/$svc.pid" 2> /dev/null) || continue
    nice -n 19 "$JCMD" "$pid" GC.class_histogram > "$OUT/soak-heap.tmp" 2>&1 || true
    { head -n 23 "$OUT/soak-heap.tmp"; tail -n 1 "$OUT/soak-heap.tmp"; nice -n 19 "$JCMD" "$pid" GC.heap_info; } \
      > "$OUT/soak-heap-$svc-$1.txt" 2>&1 || true
    rm -f "$OUT/soak-heap.tmp"
  done
}
gcstat() {  # gcstat(t): jstat -gc of each HEAP_OF service (old generation used, GC counts)
  local svc pid
  for svc in $HEAP_OF; do
    pid=$(cat "$LH_DATA_DIR/run/$svc.pid" 2> /dev/null) || continue
    nice -n 19 "$(dirname "$JCMD")/jstat" -gc "$pid" > "$OUT/soak-gc-$svc-$1.txt" 2>&1 || true
  done
}
loadavg() { printf '%s %s\n' "$1" "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/soak-load-average.txt"; }
loadavg start
heap start
rss > "$OUT/soak-rss-0.txt"
gcstat 0
(  # RSS every SAMPLE seconds while the load runs, and the heaps once in the middle
  t=0
  while sleep "$SAMPLE"; do
    t=$((t + SAMPLE))
    ((t < DURATION)) || break
    rss > "$OUT/soak-rss-$t.txt"
    gcstat "$t"
    if ((t == (DURATION / 2 / SAMPLE) * SAMPLE)); then heap middle; fi
  done
) &
SAMPLER=$!

python3 - "$GATEWAY" "$DURATION" "$CONNECTIONS" "$OUT/soak-load.json" << 'PY'
import http.client, json, random, sys, threading, time, urllib.parse, uuid

gateway, duration, connections, out = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
url = urllib.parse.urlparse(gateway)
DIM = 8

def conn():
    return http.client.HTTPConnection(url.hostname, url.port, timeout=60)

def call(c, method, path, body=None, headers=None):
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    data = r.read()
    return r.status, data

def vec():
    return [random.uniform(-1, 1) for _ in range(DIM)]

# Setup: one index, one dataset, one trace, so searches and SQL have something to read.
c = conn()
call(c, "POST", "/v1/vectors/index", json.dumps({"name": "soak", "dimension": DIM, "distance": "cosine"}),
     {"Content-Type": "application/json"})

def ingest_body(n):
    boundary = "soak" + uuid.uuid4().hex
    rows = "id,name,score\n" + "".join(f"{i},name-{i},{random.random():.4f}\n" for i in range(n))
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.csv\"\r\n"
            f"Content-Type: text/csv\r\n\r\n{rows}\r\n--{boundary}--\r\n").encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}

body, headers = ingest_body(10)
print("setup ingest:", call(c, "POST", "/v1/ingest?name=soak_small&mode=append", body, headers)[0], flush=True)
c.close()

JSON = {"Content-Type": "application/json"}
ROUTES = [  # (name, weight, request factory)
    ("ingest", 1, lambda: ("POST", "/v1/ingest?name=soak_small&mode=append") + ingest_body(5)),
    ("sql", 4, lambda: ("POST", "/v1/sql", json.dumps({"sql": "SELECT count(*), avg(score) FROM soak_small", "max_rows": 10}), JSON)),
    ("vector_add", 3, lambda: ("POST", "/v1/vectors/index/soak/add",
                               json.dumps({"items": [{"id": uuid.uuid4().hex, "vector": vec()} for _ in range(5)]}), JSON)),
    ("vector_search", 4, lambda: ("POST", "/v1/vectors/index/soak/search", json.dumps({"vector": vec(), "k": 5}), JSON)),
    ("embed", 2, lambda: ("POST", "/v1/embed", json.dumps({"texts": [f"soak text {random.randrange(10000)}"]}), JSON)),
    ("memory_add", 2, lambda: ("POST", "/v1/pathway/traces", json.dumps({"content": f"soak memory {uuid.uuid4().hex}", "tags": ["soak"]}), JSON)),
    ("memory_search", 3, lambda: ("POST", "/v1/pathway/search", json.dumps({"query": "soak memory", "limit": 5}), JSON)),
]
weighted = [r for r in ROUTES for _ in range(r[1])]
lock = threading.Lock()
stats = {name: {"ok": 0, "4xx": 0, "5xx": 0, "errors": 0} for name, _, _ in ROUTES}
samples = {}
deadline = time.time() + duration

def worker():
    c = conn()
    while time.time() < deadline:
        name, _, make = random.choice(weighted)
        method, path, body, headers = make()
        try:
            status, data = call(c, method, path, body, headers)
            key = "ok" if status < 400 else "4xx" if status < 500 else "5xx"
            if status >= 500:
                with lock:
                    samples.setdefault(name, data[:300].decode("utf-8", "replace"))
        except Exception as e:
            key = "errors"
            c.close()
            c = conn()
        with lock:
            stats[name][key] += 1

threads = [threading.Thread(target=worker, daemon=True) for _ in range(connections)]
start = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - start
json.dump({"elapsed": elapsed, "stats": stats, "samples": samples}, open(out, "w"), indent=1)
PY

kill "$SAMPLER" 2> /dev/null || true
rss > "$OUT/soak-rss-end.txt"
gcstat end
loadavg end
heap end
cp "$LH_DATA_DIR/logs/catalogd.log" "$LH_DATA_DIR/logs/ingestd.log" "$OUT/" 2> /dev/null || true
python3 - "$OUT" "$DURATION" "$CONNECTIONS" << 'PY'
import glob, json, os, re, statistics, sys
out, duration, connections = sys.argv[1], sys.argv[2], sys.argv[3]
load = json.load(open(f"{out}/soak-load.json"))
def rss(path):
    return dict(line.split() for line in open(path) if line.strip())
samples = sorted(((int(re.search(r"soak-rss-(\d+)\.txt$", p).group(1)), rss(p)) for p in glob.glob(f"{out}/soak-rss-[0-9]*.txt")))
samples.append((round(load["elapsed"]), rss(f"{out}/soak-rss-end.txt")))
loadavg = [line.split() for line in open(f"{out}/soak-load-average.txt")]
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else 0
lines = [f"Soak: {connections} connections for {load['elapsed']:.0f} s through the gateway; load average (1/5/15 min) "
         + ", ".join(f"{w[0]} {' '.join(w[1:])}" for w in loadavg) + ".", "",
         "| route | requests/s | ok | 4xx | 5xx | client errors |", "| --- | --- | --- | --- | --- | --- |"]
total5xx = 0
for route, s in load["stats"].items():
    n = s["ok"] + s["4xx"] + s["5xx"] + s["errors"]
    total5xx += s["5xx"]
    lines.append(f"| {route} | {n / load['elapsed']:.1f} | {s['ok']} | {s['4xx']} | {s['5xx']} | {s['errors']} |")
lines += ["", f"5xx total: {total5xx} (target 0)", "",
          "RSS (MiB) at each sample, seconds into the load (0 = before it); judge flatness after the first minute:", "",
          "| service | " + " | ".join(f"{t} s" for t, _ in samples) + " |", "| --- |" + " --- |" * len(samples)]
for svc in sorted(samples[0][1]):
    lines.append(f"| {svc} | " + " | ".join(f"{int(r.get(svc, 0)) / 1024:.0f}" for _, r in samples) + " |")
heaps = []
for path in sorted(glob.glob(f"{out}/soak-heap-*-*.txt")):
    svc, when = re.search(r"soak-heap-(\w+)-(\w+)\.txt$", path).groups()
    text = open(path, errors="replace").read()
    total = re.search(r"^Total\s+\d+\s+(\d+)", text, re.M)
    committed = [int(k) for k in re.findall(r"^\S.*?total (\d+)K, used", text, re.M)]
    heaps.append((svc, when, int(total.group(1)) / 2**20 if total else None, sum(committed) / 1024 if committed else None))
if heaps:
    order = {"start": 0, "middle": 1, "end": 2}
    lines += ["", "Live heap after a full GC (jcmd GC.class_histogram's total) and the heap's committed size, MiB:", "",
              "| service | when | live heap after GC | heap committed |", "| --- | --- | --- | --- |"]
    mib = lambda v: "?" if v is None else f"{v:.0f}"
    for svc, when, live, committed in sorted(heaps, key=lambda h: (h[0], order.get(h[1], 9))):
        lines.append(f"| {svc} | {when} | {mib(live)} | {mib(committed)} |")
gc = {}  # service -> [(t, old used MiB, young GCs, full GCs, metaspace used MiB)]
for path in glob.glob(f"{out}/soak-gc-*-*.txt"):
    svc, when = re.search(r"soak-gc-(\w+)-(\w+)\.txt$", path).groups()
    rows = [line.split() for line in open(path) if line.strip()]
    if len(rows) < 2 or "OU" not in rows[0]:
        continue
    v = dict(zip(rows[0], rows[1]))
    t = round(load["elapsed"]) if when == "end" else int(when)
    gc.setdefault(svc, []).append((t, float(v["OU"]) / 1024, int(v["YGC"]), int(v["FGC"]), float(v["MU"]) / 1024))
if gc:
    lines += ["", "jstat at each sample: old generation used MiB (young GCs / full GCs so far), and metaspace used MiB:", ""]
    for svc, rows in sorted(gc.items()):
        rows.sort()
        lines.append(f"- {svc}: " + "; ".join(f"{t} s {ou:.0f} ({y}/{f}), meta {mu:.0f}" for t, ou, y, f, mu in rows))
groups = []  # catalogd's line per write (group commit)
catchup = []  # catalogd's Iceberg catch-up: newest version written, ms
if os.path.exists(f"{out}/catalogd.log"):
    for line in open(f"{out}/catalogd.log", errors="replace"):
        m = re.search(r"registers committed: (\d+) of (\d+) .*decide (\d+) ms, persist (\d+) ms", line)
        if m:
            groups.append(tuple(int(x) for x in m.groups()))
        m = re.search(r"iceberg: soak_small written up to v(\d+) in (\d+) ms", line)
        if m:
            catchup.append(tuple(int(x) for x in m.groups()))
if groups:
    sizes = [g[0] for g in groups]
    lines += ["", f"catalogd: {len(groups)} writes for {sum(sizes)} versions (group size median {statistics.median(sizes):.0f}, "
              f"max {max(sizes)}); persist ms median {statistics.median(g[3] for g in groups):.0f}, p90 "
              f"{pct([g[3] for g in groups], .9)}"]
if catchup:
    lines += [f"catalogd's Iceberg catch-up: {len(catchup)} writes up to v{catchup[-1][0]}; ms per write median "
              f"{statistics.median(c[1] for c in catchup):.0f}, p90 {pct([c[1] for c in catchup], .9)}"]
phases = {}
if os.path.exists(f"{out}/ingestd.log"):
    for line in open(f"{out}/ingestd.log", errors="replace"):
        m = re.search(r"ingest of 'soak_small' \(\d+ CSV bytes\): (.*)$", line)
        if m:
            for phase, value in re.findall(r"(\w+) (\d+) ms", m.group(1)):
                phases.setdefault(phase, []).append(int(value))
if phases:
    lines += ["", "ingestd's phases of the soak's appends (ms): " + "; ".join(
        f"{p} median {statistics.median(v):.0f}, p90 {pct(v, .9)}" for p, v in phases.items())]
for route, sample in load["samples"].items():
    lines.append(f"\nfirst 5xx of {route}: `{sample}`")
text = "\n".join(lines) + "\n"
open(f"{out}/soak.md", "w").write(text)
print(text)
PY
