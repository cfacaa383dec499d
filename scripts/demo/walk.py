#!/usr/bin/env python3
"""The walk a user takes through the Lakehouse, against a running fleet through the gateway only:
generate a staffing CSV, ingest it, ask SQL questions, embed the resumes into a vector index,
answer a semantic question and join the hits back to SQL rows. Every step prints its timing.
Re-runnable: the ingest is idempotent and the embedding step skips items already indexed."""
import argparse
import csv
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid

GATEWAY = os.environ.get("LH_GATEWAY", "http://127.0.0.1:3110")
TOKEN = os.environ.get("AUTH_TOKEN", "")
DATASET = "demo_workers"
INDEX = "demo_worker_resumes"
QUESTION = "forklift driver in Illinois with safety certification"


class LakehouseError(Exception):
    pass


def call(method, path, body=None, content_type="application/json", timeout=600):
    data = None
    headers = {}
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers["Content-Type"] = content_type
    if TOKEN:
        headers["Authorization"] = "Bearer " + TOKEN
    request = urllib.request.Request(GATEWAY + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            return response.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, {"detail": raw.decode(errors="replace")}
    except urllib.error.URLError as e:
        raise LakehouseError(f"cannot reach the gateway at {GATEWAY}: {e.reason}")


def ok(status, body, what):
    if status // 100 != 2:
        detail = body.get("detail") if isinstance(body, dict) else body
        raise LakehouseError(f"{what} failed with HTTP {status}: {detail}")
    return body


class Step:
    def __init__(self, title):
        self.title = title

    def __enter__(self):
        print(f"\n== {self.title}", flush=True)
        self.started = time.monotonic()
        return self

    def __exit__(self, kind, value, tb):
        if kind is None:
            print(f"   ({(time.monotonic() - self.started) * 1000:.0f} ms)", flush=True)


def table(columns, rows, limit=12):
    names = [c["name"] for c in columns]
    cells = [[("" if v is None else str(v)) for v in row] for row in rows[:limit]]
    widths = [min(48, max([len(n)] + [len(r[i]) for r in cells])) for i, n in enumerate(names)]
    print("   " + "  ".join(n.ljust(widths[i]) for i, n in enumerate(names)))
    for r in cells:
        print("   " + "  ".join(v[:widths[i]].ljust(widths[i]) for i, v in enumerate(r)))


def multipart(field, filename, payload):
    boundary = "lakehouse-" + uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\n"
            "Content-Type: text/csv\r\n\r\n").encode()
    return head + payload + f"\r\n--{boundary}--\r\n".encode(), "multipart/form-data; boundary=" + boundary


def sql(query, max_rows=100):
    return ok(*call("POST", "/v1/sql", {"sql": query, "max_rows": max_rows}), "SQL")


def progress(done, total, started):
    width = 30
    filled = int(width * done / total) if total else width
    rate = done / max(time.monotonic() - started, 1e-6)
    sys.stdout.write(f"\r   [{'#' * filled}{'.' * (width - filled)}] {done}/{total}  {rate:.0f} texts/s")
    sys.stdout.flush()


def embed_resumes(rows, batch):
    status, index = call("GET", f"/v1/vectors/index/{INDEX}")
    if status == 404:
        ok(*call("POST", "/v1/vectors/index", {"name": INDEX, "dimension": 384, "distance": "cosine"}), "index create")
    elif status // 100 == 2 and index.get("count", 0) >= len(rows):
        print(f"   index {INDEX} already holds {index['count']} resumes; nothing to embed")
        return
    started = time.monotonic()
    for i in range(0, len(rows), batch):
        chunk = rows[i:i + batch]
        vectors = ok(*call("POST", "/v1/embed", {"texts": [r["resume"] for r in chunk]}), "embed")["vectors"]
        items = [{"id": r["worker_id"], "vector": v,
                  "metadata": {"city": r["city"], "state": r["state"], "role": r["role"]}}
                 for r, v in zip(chunk, vectors)]
        ok(*call("POST", f"/v1/vectors/index/{INDEX}/add", {"items": items}), "vector add")
        progress(min(i + batch, len(rows)), len(rows), started)
    print()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--workdir", default="data/demo")
    args = parser.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    csv_path = os.path.join(args.workdir, f"workers-{args.rows}.csv")
    total = time.monotonic()

    with Step(f"1. generate a staffing dataset: {args.rows} workers"):
        here = os.path.dirname(os.path.abspath(__file__))
        if os.system(f"python3 {here}/generate_workers.py --rows {args.rows} --out {csv_path}") != 0:
            raise LakehouseError("generating the CSV failed")
        print(f"   {csv_path}: {os.path.getsize(csv_path) / 1e6:.1f} MB")

    with Step(f"2. ingest it as dataset '{DATASET}' (CSV -> Parquet on S3 -> catalog)"):
        with open(csv_path, "rb") as f:
            body, ctype = multipart("file", "workers.csv", f.read())
        result = ok(*call("POST", f"/v1/ingest?name={DATASET}", body, ctype), "ingest")
        schema = ", ".join(f"{c['name']} {c['type']}" for c in result["schema"])
        state = "already ingested, same version" if result.get("existing") else "new version"
        print(f"   version {result['version']} ({state}), {result['row_count']} rows, {result['bytes']} bytes of Parquet")
        print(f"   schema: {schema}")

    questions = [
        ("Where are the forklift operators, and what do they earn?",
         f"SELECT state, count(*) AS workers, round(avg(hourly_rate), 2) AS avg_rate FROM {DATASET} "
         "WHERE role = 'Forklift Operator' GROUP BY state ORDER BY workers DESC LIMIT 8"),
        ("Which roles are available now in Illinois, by headcount?",
         f"SELECT role, count(*) AS available_now, round(avg(years_experience), 1) AS avg_years FROM {DATASET} "
         "WHERE state = 'IL' AND available GROUP BY role ORDER BY available_now DESC LIMIT 8"),
        ("How does pay rise with experience across the workforce?",
         "SELECT CASE WHEN years_experience < 3 THEN '0-2' WHEN years_experience < 10 THEN '3-9' "
         "WHEN years_experience < 20 THEN '10-19' ELSE '20+' END AS experience, count(*) AS workers, "
         f"round(avg(hourly_rate), 2) AS avg_rate FROM {DATASET} GROUP BY 1 ORDER BY min(years_experience)"),
    ]
    for n, (question, query) in enumerate(questions, start=3):
        with Step(f"{n}. SQL: {question}"):
            result = sql(query)
            table(result["columns"], result["rows"])

    with Step(f"6. embed {args.rows} resumes into vector index '{INDEX}' (id = worker_id, metadata city/state/role)"):
        with open(csv_path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        embed_resumes(rows, args.batch)

    with Step(f"7. one SQL statement: \"{QUESTION}\", under $25 an hour"):
        # vector_search() embeds the question (embedd), searches the index with the metadata filter
        # (vectord) and joins the hits to their rows, with a SQL filter, in one statement.
        query = (f"SELECT w.worker_id, w.name, w.role, w.city, w.state, w.hourly_rate, round(v.distance, 3) AS distance "
                 f"FROM vector_search('{INDEX}', '{QUESTION}', 20, '{{\"state\":\"IL\"}}') v "
                 f"JOIN {DATASET} w ON w.worker_id::VARCHAR = v.id "
                 f"WHERE w.hourly_rate < 25 ORDER BY v.distance LIMIT 8")
        print(f"   {query}")
        result = sql(query)
        table(result["columns"], result["rows"])

    print(f"\nthe walk took {time.monotonic() - total:.1f}s")


if __name__ == "__main__":
    try:
        main()
    except LakehouseError as e:
        print(f"\ndemo: {e}", file=sys.stderr)
        sys.exit(1)
