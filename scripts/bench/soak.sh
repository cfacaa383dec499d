#!/usr/bin/env bash
# Soak (issue #21): a mixed load through the gateway — small ingests, SQL, vector adds and searches,
# embeds, pathway (memory) adds and searches — at CONNECTIONS connections for DURATION seconds,
# reporting requests/s by route, the count of 5xx (target 0) and each service's RSS at start and end
# (target: flat). Boots its own fleet with ./lakehouse under the shared fleet lock, in its own data
# directory, and brings it down on exit.
#
#   scripts/bench/soak.sh                 DURATION=300 CONNECTIONS=50 (the issue's figures)
#   DURATION=20 scripts/bench/soak.sh     a dry run
# Writes target/bench/soak.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DURATION=${DURATION:-300}
CONNECTIONS=${CONNECTIONS:-50}
GATEWAY=${GATEWAY:-http://127.0.0.1:3110}

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
rss() {  # one line "service rss_kib" per running service, from the launcher's pid files
  local f
  for f in "$LH_DATA_DIR"/run/*.pid; do
    [[ -f "$f" ]] || continue
    printf '%s %s\n' "$(basename "$f" .pid)" "$(ps -o rss= -p "$(cat "$f")" 2> /dev/null | tr -d ' ' || echo 0)"
  done
}
rss > "$OUT/soak-rss-start.txt"

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

rss > "$OUT/soak-rss-end.txt"
python3 - "$OUT" "$DURATION" "$CONNECTIONS" << 'PY'
import json, sys
out, duration, connections = sys.argv[1], sys.argv[2], sys.argv[3]
load = json.load(open(f"{out}/soak-load.json"))
def rss(name):
    return dict(line.split() for line in open(f"{out}/{name}") if line.strip())
start, end = rss("soak-rss-start.txt"), rss("soak-rss-end.txt")
lines = [f"Soak: {connections} connections for {load['elapsed']:.0f} s through the gateway.", "",
         "| route | requests/s | ok | 4xx | 5xx | client errors |", "| --- | --- | --- | --- | --- | --- |"]
total5xx = 0
for route, s in load["stats"].items():
    n = s["ok"] + s["4xx"] + s["5xx"] + s["errors"]
    total5xx += s["5xx"]
    lines.append(f"| {route} | {n / load['elapsed']:.1f} | {s['ok']} | {s['4xx']} | {s['5xx']} | {s['errors']} |")
lines += ["", f"5xx total: {total5xx} (target 0)", "", "| service | RSS start (MiB) | RSS end (MiB) |", "| --- | --- | --- |"]
for svc in sorted(start):
    lines.append(f"| {svc} | {int(start[svc]) / 1024:.0f} | {int(end.get(svc, 0)) / 1024:.0f} |")
for route, sample in load["samples"].items():
    lines.append(f"\nfirst 5xx of {route}: `{sample}`")
text = "\n".join(lines) + "\n"
open(f"{out}/soak.md", "w").write(text)
print(text)
PY
