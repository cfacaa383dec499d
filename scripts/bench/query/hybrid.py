"""Hybrid search latency (issue 23): one SQL statement that joins vector_search() with a dataset, beside
the same answer put together by a client from separate calls (embed the text, search the index, SQL over
the hits' ids), in the same run, over one keep-alive HTTP connection to the gateway each.

First loads the index: N rows of bench_workers (role, skills, notes) embedded through /v1/embed and added
to index INDEX with the worker id as item id. Then WARMUP untimed and ITERATIONS timed rounds of each path.
The same query text every round: embedd's cache serves both paths alike.
Usage: hybrid.py BASE_URL INDEX N WARMUP ITERATIONS
Prints one line: 'hybrid_p50 hybrid_p95 separate_p50 separate_p95 embed_p50 search_p50 sql_p50 rows' (ms)."""
import http.client
import json
import os
import statistics
import sys
import time
from urllib.parse import urlparse

base, index, n, warmup, iterations = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
url = urlparse(base)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=300)
headers = {"Content-Type": "application/json"}
if os.environ.get("AUTH_TOKEN"):
    headers["Authorization"] = "Bearer " + os.environ["AUTH_TOKEN"]
TEXT = "forklift driver with CDL-A who prefers nights"
K = 10


def call(method, path, payload=None, expect=(200,)):
    conn.request(method, path, body=None if payload is None else json.dumps(payload), headers=headers)
    response = conn.getresponse()
    data = response.read()
    if response.status not in expect:
        raise SystemExit(f"bench: {method} {path} answered {response.status}: {data[:300]!r}")
    return json.loads(data) if data else None


def sql(text):
    return call("POST", "/v1/sql", {"sql": text})


def load():
    dimension = call("POST", "/v1/embed", {"texts": ["probe"]})["dimension"]
    call("POST", "/v1/vectors/index", {"name": index, "dimension": dimension, "distance": "cosine"}, expect=(201,))
    rows = sql(f"SELECT worker_id, role || ' ' || skills || ' ' || notes FROM bench_workers "
               f"ORDER BY worker_id LIMIT {n}")["rows"]
    for start in range(0, len(rows), 128):
        batch = rows[start:start + 128]
        vectors = call("POST", "/v1/embed", {"texts": [text for _, text in batch]})["vectors"]
        call("POST", f"/v1/vectors/index/{index}/add",
             {"items": [{"id": str(wid), "vector": v} for (wid, _), v in zip(batch, vectors)]})


HYBRID = (f"SELECT w.worker_id, w.city, w.hourly_rate, v.distance FROM vector_search('{index}', '{TEXT}', {K}) v "
          f"JOIN bench_workers w ON w.worker_id = CAST(v.id AS BIGINT) ORDER BY v.rank")


def hybrid():
    return sql(HYBRID)["row_count"]


def separate(parts):
    t0 = time.perf_counter()
    vector = call("POST", "/v1/embed", {"texts": [TEXT]})["vectors"][0]
    t1 = time.perf_counter()
    hits = call("POST", f"/v1/vectors/index/{index}/search", {"vector": vector, "k": K})["hits"]
    t2 = time.perf_counter()
    ids = ", ".join(str(int(h["id"])) for h in hits)
    rows = sql(f"SELECT worker_id, city, hourly_rate FROM bench_workers WHERE worker_id IN ({ids})")["row_count"]
    t3 = time.perf_counter()
    parts["embed"].append((t1 - t0) * 1000)
    parts["search"].append((t2 - t1) * 1000)
    parts["sql"].append((t3 - t2) * 1000)
    return rows


def p95(times):
    times = sorted(times)
    return times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]


load()
scratch = {"embed": [], "search": [], "sql": []}
for _ in range(warmup):
    hybrid()
    separate(scratch)
one, total, parts = [], [], {"embed": [], "search": [], "sql": []}
rows_one = rows_separate = 0
for _ in range(iterations):  # alternated, so both paths see the same machine state
    start = time.perf_counter()
    rows_one = hybrid()
    one.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    rows_separate = separate(parts)
    total.append((time.perf_counter() - start) * 1000)
if rows_one != rows_separate:
    raise SystemExit(f"bench: the hybrid statement found {rows_one} rows, the separate calls {rows_separate}")
print(f"{statistics.median(one):.3f} {p95(one):.3f} {statistics.median(total):.3f} {p95(total):.3f} "
      f"{statistics.median(parts['embed']):.3f} {statistics.median(parts['search']):.3f} "
      f"{statistics.median(parts['sql']):.3f} {rows_one}")
