#!/usr/bin/env bash
# Appends to ONE dataset (issue 21's soak item): CONNECTIONS closed-loop clients post small CSV
# appends (ROWS rows each) to one dataset straight at ingestd for DURATION seconds. Reports appends/s,
# the statuses, the client's latency percentiles and the median/p90 of each phase of ingestd's own
# log line ("ingest of 'NAME' (...): spool N ms, wait N ms, ..."), and checks that the dataset's
# versions are consecutive and hold every acknowledged object. Boots S3Proxy -> storaged -> catalogd
# -> ingestd on free loopback ports (no fleet lock needed) and stops them on exit.
#
#   scripts/bench/appends.sh          DURATION=30 CONNECTIONS=8 ROWS=5
# Writes target/bench/appends.md.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-8}
ROWS=${ROWS:-5}

[[ -n "${SKIP_BUILD:-}" ]] || build_jars storaged catalogd ingestd
bench_workdir "$BENCH_OUT/appends-work.XXXXXX"

start_s3proxy "$WORK"
PIDS+=("$S3_PID")
STORAGED_PORT=$(free_port)
launch storaged "$STORAGED_PORT" "--lakehouse.s3.endpoint=http://127.0.0.1:$S3_PORT"
CATALOGD_PORT=$(free_port)
launch catalogd "$CATALOGD_PORT" "--lakehouse.catalogd.storaged_url=http://127.0.0.1:$STORAGED_PORT" \
  "--lakehouse.catalogd.observerd_url=http://127.0.0.1:9"
INGESTD_PORT=$(free_port)
launch ingestd "$INGESTD_PORT" \
  "--lakehouse.ingestd.storaged_url=http://127.0.0.1:$STORAGED_PORT" \
  "--lakehouse.ingestd.catalogd_url=http://127.0.0.1:$CATALOGD_PORT" \
  "--lakehouse.ingestd.observerd_url=http://127.0.0.1:9"
for _ in $(seq 1 150); do curl -sf -o /dev/null "http://127.0.0.1:$CATALOGD_PORT/catalog/list" && break; sleep 0.2; done

python3 - "$INGESTD_PORT" "$CATALOGD_PORT" "$DURATION" "$CONNECTIONS" "$ROWS" "$WORK/ingestd/ingestd.log" \
  "$BENCH_OUT/appends.md" "$WORK/catalogd/catalogd.log" << 'PY'
import http.client, json, re, statistics, sys, threading, time, uuid

ingestd, catalogd, duration, connections, rows = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
log, out, catalog_log = sys.argv[6], sys.argv[7], sys.argv[8]
NAME = "bench_appends"

def body():
    boundary = "b" + uuid.uuid4().hex
    tag = uuid.uuid4().hex  # unique content: every append is a new object
    csv = "id,name,score\n" + "".join(f"{i},{tag}-{i},{i * 0.5}\n" for i in range(rows))
    data = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
            f"Content-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}--\r\n").encode()
    return data, {"Content-Type": f"multipart/form-data; boundary={boundary}"}

def post(c):
    data, headers = body()
    c.request("POST", f"/ingest?name={NAME}&mode=append", body=data, headers=headers)
    r = c.getresponse()
    return r.status, r.read()

c = http.client.HTTPConnection("127.0.0.1", ingestd, timeout=120)
print("bench: first append", post(c)[0], flush=True)
c.close()

lock = threading.Lock()
statuses, latencies, acked = {}, [], []
deadline = time.time() + duration

def worker():
    c = http.client.HTTPConnection("127.0.0.1", ingestd, timeout=120)
    while time.time() < deadline:
        t0 = time.time()
        status, data = post(c)
        ms = (time.time() - t0) * 1000
        with lock:
            statuses[status] = statuses.get(status, 0) + 1
            latencies.append(ms)
            if status < 300:
                acked.append(json.loads(data)["key"])

threads = [threading.Thread(target=worker) for _ in range(connections)]
start = time.time()
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.time() - start

c = http.client.HTTPConnection("127.0.0.1", catalogd, timeout=120)
c.request("GET", f"/catalog/manifest/{NAME}/versions")
versions = json.loads(c.getresponse().read())["versions"]
numbers = [v["version"] for v in versions]
consecutive = numbers == list(range(1, len(numbers) + 1))
live = {o["key"] for o in versions[-1]["objects"]}
missing = [k for k in acked if k not in live]

phases = {}
for line in open(log, errors="replace"):
    m = re.search(r"ingest of '" + NAME + r"' \(\d+ CSV bytes\): (.*)$", line)
    if not m: continue
    for phase, value in re.findall(r"(\w+) (\d+) ms", m.group(1)):
        phases.setdefault(phase, []).append(int(value))

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else 0

ok = sum(n for s, n in statuses.items() if s < 300)
lines = [f"Appends to one dataset: {connections} connections, {rows} rows each, {elapsed:.0f} s, straight at ingestd.", "",
         f"- appends acknowledged: {ok} ({ok / elapsed:.1f}/s); statuses: {dict(sorted(statuses.items()))}",
         f"- client latency ms: p50 {pct(latencies, .5):.0f}, p90 {pct(latencies, .9):.0f}, max {max(latencies):.0f}",
         f"- versions: {len(numbers)}, consecutive: {consecutive}; acknowledged objects missing from the live version: {len(missing)}",
         "", "| phase (ingestd log) | median ms | p90 ms | n |", "| --- | --- | --- | --- |"]
for phase, values in phases.items():
    lines.append(f"| {phase} | {statistics.median(values):.0f} | {pct(values, .9)} | {len(values)} |")
groups = []  # catalogd's line per write (group commit): size, decide+iceberg ms, persist ms
for line in open(catalog_log, errors="replace"):
    m = re.search(r"registers committed: (\d+) of (\d+) .*decide (\d+) ms, iceberg (\d+) ms, persist (\d+) ms", line)
    if m:
        size, of, decide, iceberg, persist = (int(x) for x in m.groups())
        groups.append((size, of, decide + iceberg, persist))
if groups:
    sizes = [g[0] for g in groups]
    lines += ["", f"catalogd: {len(groups)} writes for {sum(sizes)} versions (group size median {statistics.median(sizes):.0f}, max {max(sizes)}); "
              f"decide+iceberg ms per write median {statistics.median(g[2] for g in groups):.0f}, p90 {pct([g[2] for g in groups], .9)}; "
              f"persist ms median {statistics.median(g[3] for g in groups):.0f}, p90 {pct([g[3] for g in groups], .9)}"]
text = "\n".join(lines) + "\n"
open(out, "w").write(text)
print(text)
PY
for module in catalogd ingestd; do
  pid=$(cat "$WORK/$module.pid")
  echo "- $module RSS at the end: $(( $(ps -o rss= -p "$pid" | tr -d ' ') / 1024 )) MiB" | tee -a "$BENCH_OUT/appends.md"
done
