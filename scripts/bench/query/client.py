"""Times POST /sql round trips over one keep-alive HTTP connection, the way an application client
would: sends the JSON body, reads and parses the whole JSON answer. Usage:
client.py BASE_URL PATH WARMUP ITERATIONS SQL... ; prints 'p50 p95 rows' (ms) per statement."""
import http.client
import json
import os
import statistics
import sys
import time
from urllib.parse import urlparse

base, path, warmup, iterations, statements = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5:]
url = urlparse(base)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
headers = {"Content-Type": "application/json"}
if os.environ.get("AUTH_TOKEN"):
    headers["Authorization"] = "Bearer " + os.environ["AUTH_TOKEN"]


def once(body):
    conn.request("POST", path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    if response.status != 200:
        raise SystemExit(f"bench: {path} answered {response.status}: {data[:300]!r}")
    return json.loads(data)


for sql in statements:
    body = json.dumps({"sql": sql})
    for _ in range(warmup):
        once(body)
    times = []
    rows = 0
    for _ in range(iterations):
        start = time.perf_counter()
        rows = once(body)["row_count"]
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    print(f"{statistics.median(times):.3f} {p95:.3f} {rows}")
