#!/usr/bin/env python3
"""The hostile-input suite (issue 20): requests that must be refused, through the gateway with auth on.

For every case in cases/<service>.py it sends one request, checks the exact status, that an error
is application/problem+json, that no absolute host path is in the body, and that nothing durable
changed (the object list with etags, the catalog, the vector indexes, the trace log, the journal).
Then every service must be healthy; then the fleet is restarted and every service must be healthy
again with every write acknowledged before the cases (the seeds) intact.

  python3 scripts/hostile/run.py                 boot a fleet of its own (data/hostile, a fresh
                                                 64-hex token), run, restart, check, stop it
  python3 scripts/hostile/run.py --only pathway,vectord
                                                 only those case files (still boots and restarts)
  python3 scripts/hostile/run.py --no-boot       against a fleet already up at LH_GATEWAY
                                                 (default http://127.0.0.1:3110) with AUTH_TOKEN
                                                 set; no restart
  python3 scripts/hostile/run.py --list          print the cases and exit

Python 3 standard library only. Exit status 0 when every check held.
"""

import argparse
import http.client
import importlib.util
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.parse
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from hostile import Case  # noqa: E402

SEED_OBJECT = "hostile/seed.txt"
SEED_OBJECT_BYTES = b"seed bytes: acknowledged before the hostile cases\n"
SEED_NAME = "hostile_seed"
SEED_CSV = b"id,name,wage\n1,ada,21.5\n2,grace,30\n3,linus,19.25\n"


class Fleet:
    """HTTP to the gateway; every request on a fresh connection so a refused one cannot poison the next."""

    def __init__(self, base, token):
        parsed = urllib.parse.urlsplit(base)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.token = token

    def send(self, method, path, body=None, headers=None, auth=True, chunks=None, declared_length=None,
             timeout=60):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        headers = dict(headers or {})
        if auth and self.token and "Authorization" not in headers:
            headers["Authorization"] = "Bearer " + self.token
        sent_error = None
        try:
            conn.putrequest(method, path, skip_accept_encoding=True)
            if chunks is not None:
                headers.setdefault("Transfer-Encoding", "chunked")
            elif declared_length is not None:
                headers["Content-Length"] = str(declared_length)
            elif body is not None or method in ("POST", "PUT", "PATCH"):
                headers["Content-Length"] = str(len(body or b""))
            for name, value in headers.items():
                conn.putheader(name, value)
            conn.endheaders()
            try:
                if chunks is not None:
                    if body:
                        # A prefix (say '{"content":"'), so the filler is read as one long JSON string
                        # and only the body cap can stop it.
                        conn.send(b"%x\r\n" % len(body) + body + b"\r\n")
                    size, count = chunks
                    piece = b"%x\r\n" % size + b"a" * size + b"\r\n"
                    for _ in range(count):
                        conn.send(piece)
                    conn.send(b"0\r\n\r\n")
                elif body:
                    conn.send(body)
            except (BrokenPipeError, ConnectionResetError) as e:
                # The server answered early (413/401) and closed: its answer is still to be read.
                sent_error = e
            response = conn.getresponse()
            data = response.read()
            return response.status, dict((k.lower(), v) for k, v in response.getheaders()), data
        except (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected) as e:
            return 0, {}, ("connection closed without an answer: %r (while sending: %r)" % (e, sent_error)).encode()
        finally:
            conn.close()

    def json(self, method, path, payload=None, expect=(200,)):
        body = None if payload is None else json.dumps(payload).encode()
        headers = {"Content-Type": "application/json"} if body is not None else {}
        status, _, data = self.send(method, path, body=body, headers=headers)
        if status not in expect:
            raise AssertionError("%s %s -> %s %s" % (method, path, status, data[:400]))
        return json.loads(data) if data else None


# --- the seeds: writes acknowledged before any hostile case -----------------------------------------------

def seed(fleet):
    status, _, data = fleet.send("PUT", "/v1/storage/object/" + SEED_OBJECT, body=SEED_OBJECT_BYTES,
                                 headers={"Content-Type": "application/octet-stream"})
    assert status == 200, "seed object: %s %s" % (status, data[:300])
    boundary = uuid.uuid4().hex
    multipart = (b"--" + boundary.encode() + b"\r\nContent-Disposition: form-data; name=\"file\"; "
                 b"filename=\"seed.csv\"\r\nContent-Type: text/csv\r\n\r\n" + SEED_CSV + b"\r\n--"
                 + boundary.encode() + b"--\r\n")
    status, _, data = fleet.send("POST", "/v1/ingest?name=" + SEED_NAME, body=multipart,
                                 headers={"Content-Type": "multipart/form-data; boundary=" + boundary})
    assert status in (200, 201), "seed ingest: %s %s" % (status, data[:300])
    # 409: made by an earlier --no-boot run against the same fleet; the adds below are then upserts.
    fleet.json("POST", "/v1/vectors/index", {"name": SEED_NAME, "dimension": 3, "distance": "cosine"},
               expect=(201, 409))
    fleet.json("POST", "/v1/vectors/index/%s/add" % SEED_NAME, {"items": [
        {"id": "a", "vector": [0.1, 0.2, 0.3], "metadata": {"kind": "seed"}},
        {"id": "b", "vector": [0.3, 0.2, 0.1], "metadata": {"kind": "seed"}}]})
    trace = fleet.json("POST", "/v1/pathway/traces", {"content": "hostile seed trace", "tags": ["seed"]},
                       expect=(201,))
    return {"trace_uid": trace["uid"]}


def settle(fleet):
    """Waits until the journal holds no buffered event, so a flush never reads as a change."""
    for _ in range(120):
        fleet.send("POST", "/v1/journal/flush")
        stats = fleet.json("GET", "/v1/journal/stats")
        if not stats.get("buffered"):
            return
        time.sleep(0.5)
    raise AssertionError("the journal never emptied its buffer: %s" % stats)


def readbacks(fleet, seeds):
    """Every seed reads back as written; returns the problems found."""
    problems = []
    status, _, data = fleet.send("GET", "/v1/storage/object/" + SEED_OBJECT)
    if status != 200 or data != SEED_OBJECT_BYTES:
        problems.append("seed object: %s %r" % (status, data[:200]))
    status, _, data = fleet.send("POST", "/v1/sql", body=json.dumps(
        {"sql": "SELECT count(*) AS n, sum(wage) AS w FROM " + SEED_NAME}).encode(),
        headers={"Content-Type": "application/json"})
    if status != 200 or json.loads(data)["rows"] != [[3, 70.75]]:
        problems.append("seed dataset: %s %r" % (status, data[:300]))
    status, _, data = fleet.send("GET", "/v1/vectors/index/%s/items/a" % SEED_NAME)
    if status != 200 or json.loads(data)["metadata"] != {"kind": "seed"}:
        problems.append("seed vector: %s %r" % (status, data[:300]))
    status, _, data = fleet.send("GET", "/v1/pathway/traces/" + seeds["trace_uid"])
    if status != 200 or json.loads(data)["content"] != "hostile seed trace":
        problems.append("seed trace: %s %r" % (status, data[:300]))
    return problems


# --- what "nothing changed" compares ---------------------------------------------------------------------

# catalogd's Iceberg view: metadata derived from the catalog and written in the background after a
# register is acknowledged (docs/catalogd.md), so it may land during any case; the catalog itself,
# compared below, is what a request changes.
ICEBERG_METADATA = re.compile(r"^datasets/[^/]+/metadata/")


def snapshot(fleet):
    objects, after = {}, ""
    while True:
        page = fleet.json("GET", "/v1/storage/list?limit=1000&prefix=&after=" + urllib.parse.quote(after, safe=""))
        for item in page["objects"]:
            if not ICEBERG_METADATA.match(item["key"]):
                objects[item["key"]] = item["etag"]
        if not page.get("truncated"):
            break
        after = page["next"]
    catalog = {m["name"]: (m.get("version"), m.get("schema_fingerprint"))
               for m in fleet.json("GET", "/v1/catalog/list")["datasets"]}
    indexes = {i["name"]: i["count"] for i in fleet.json("GET", "/v1/vectors/index")["indexes"]}
    pathway = fleet.json("GET", "/v1/pathway/stats")
    journal = fleet.json("GET", "/v1/journal/stats")
    return {
        "objects": objects,
        "catalog": catalog,
        "indexes": indexes,
        "traces": {k: pathway.get(k) for k in ("traces", "retired", "log_lines", "log_bytes")},
        "journal": {k: journal.get(k) for k in ("buffered", "flushed_rows")},
    }


def differences(before, after):
    lines = []
    for part in before:
        if before[part] == after[part]:
            continue
        if isinstance(before[part], dict):
            keys = set(before[part]) | set(after[part])
            for key in sorted(keys, key=str):
                if before[part].get(key) != after[part].get(key):
                    lines.append("%s[%s]: %r -> %r" % (part, key, before[part].get(key), after[part].get(key)))
        else:
            lines.append("%s: %r -> %r" % (part, before[part], after[part]))
    return lines


def per_run_dropped(snap):
    """The snapshot without counters that start again from 0 with each run (observerd's flushed_rows)."""
    journal = {k: v for k, v in snap["journal"].items() if k != "flushed_rows"}
    return {**snap, "journal": journal}


def fleet_health(fleet, tries=5):
    """None when the gateway's fleet health is ok. A loaded machine can make one service miss the
    gateway's 1.5 s probe once, so a bad answer is asked again (five tries, two seconds apart): a
    service the cases broke stays broken."""
    for attempt in range(tries):
        failure = fleet_health_once(fleet)
        if failure is None or attempt == tries - 1:
            return failure
        time.sleep(2)


def fleet_health_once(fleet):
    status, _, data = fleet.send("GET", "/v1/health", auth=False)
    try:
        report = json.loads(data)
    except ValueError:
        return "gateway /v1/health answered %s %r" % (status, data[:200])
    bad = {name: s for name, s in report.get("services", {}).items() if s.get("status") != "ok"}
    return None if status == 200 and report.get("status") == "ok" and not bad else "fleet health: %s %s" % (
        status, json.dumps(bad or report)[:600])


# --- the cases ---------------------------------------------------------------------------------------------

def load_cases(only):
    cases = []
    for file in sorted((HERE / "cases").glob("*.py")):
        service = file.stem
        if only and service not in only:
            continue
        spec = importlib.util.spec_from_file_location("hostile_cases_" + service, file)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for c in module.CASES:
            cases.append(Case(**{**c.__dict__, "service": service}))
    return cases


def host_paths():
    """Absolute paths that must never appear in an answer: the repo and the fleet's data dir."""
    paths = {str(ROOT)}
    if os.environ.get("LH_DATA_DIR"):
        paths.add(str(Path(os.environ["LH_DATA_DIR"]).resolve()))
    return paths


def run_case(fleet, c, seeds, forbidden):
    # "{token}" in a path or header value is the fleet token (auth cases: lowercase scheme, query string)
    path = c.path.format(token=fleet.token, **seeds)
    body, headers = c.body, {k: v.replace("{token}", fleet.token) for k, v in c.headers.items()}
    if c.json is not None:
        body = json.dumps(c.json).encode()
        headers.setdefault("Content-Type", "application/json")
    status, response_headers, data = fleet.send(c.method, path, body=body, headers=headers, auth=c.auth,
                                                chunks=c.chunks, declared_length=c.declared_length)
    problems = []
    if status != c.expect:
        problems.append("want HTTP %s, got %s: %s" % (c.expect, status, data[:300].decode("utf-8", "replace")))
    elif c.problem and status >= 400 and not response_headers.get("content-type", "").startswith(
            "application/problem+json"):
        problems.append("HTTP %s without problem+json (Content-Type %r)" % (
            status, response_headers.get("content-type")))
    text = data.decode("utf-8", "replace")
    for p in forbidden:
        if p in text:
            problems.append("the answer holds the host path %s" % p)
    return problems


def run(fleet, cases, seeds):
    forbidden = host_paths()
    failures, by_service = [], {}
    before = snapshot(fleet)
    for c in cases:
        problems = run_case(fleet, c, seeds, forbidden)
        after = snapshot(fleet)
        problems += ["changed " + d for d in differences(before, after)]
        before = after  # report a change once, at the case that made it
        tally = by_service.setdefault(c.service, [0, 0])
        tally[0 if not problems else 1] += 1
        print("  %s %-10s %s" % ("ok  " if not problems else "FAIL", c.service, c.name))
        for p in problems:
            print("         " + p)
            failures.append("%s / %s: %s" % (c.service, c.name, p))
    for service, (ok, bad) in sorted(by_service.items()):
        print("  %-10s %3d refused as expected, %d failed" % (service, ok, bad))
    return failures


# --- the fleet of its own ----------------------------------------------------------------------------------

def lakehouse(*args, env):
    subprocess.run([str(ROOT / "lakehouse"), *args], check=True, env=env, cwd=ROOT)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="comma-separated case files (service names)")
    parser.add_argument("--no-boot", action="store_true", help="use the fleet already up (AUTH_TOKEN set)")
    parser.add_argument("--list", action="store_true", help="print the cases and exit")
    args = parser.parse_args()
    only = {s for s in args.only.split(",") if s}
    cases = load_cases(only)
    if args.list:
        for c in cases:
            print("%-10s %s %s -> %s  %s" % (c.service, c.method, c.path[:60], c.expect, c.name))
        print("%d cases" % len(cases))
        return 0
    print("hostile: %d cases from %s" % (len(cases), ", ".join(sorted({c.service for c in cases}))))

    env = dict(os.environ)
    if not args.no_boot:
        env["LH_DATA_DIR"] = env.get("LH_HOSTILE_DATA_DIR", str(ROOT / "data" / "hostile"))
        env["AUTH_TOKEN"] = secrets.token_hex(32)
        os.environ["LH_DATA_DIR"] = env["LH_DATA_DIR"]
        shutil.rmtree(env["LH_DATA_DIR"], ignore_errors=True)
    elif not env.get("AUTH_TOKEN"):
        print("hostile: --no-boot needs AUTH_TOKEN (the suite runs with auth on)", file=sys.stderr)
        return 2
    fleet = Fleet(env.get("LH_GATEWAY", "http://127.0.0.1:3110"), env["AUTH_TOKEN"])

    failures = []
    try:
        if not args.no_boot:
            lakehouse("up", env=env)
        seeds = seed(fleet)
        settle(fleet)
        baseline = snapshot(fleet)
        failures += run(fleet, cases, seeds)
        settle(fleet)
        health = fleet_health(fleet)
        if health:
            failures.append("after the cases: " + health)
        if not args.no_boot:
            print("hostile: restarting the fleet")
            lakehouse("down", env=env)
            lakehouse("up", env=env)
            health = fleet_health(fleet)
            if health:
                failures.append("after the restart: " + health)
            failures += ["after the restart: " + p for p in readbacks(fleet, seeds)]
            failures += ["after the restart: changed " + d for d in differences(per_run_dropped(baseline),
                                                                                  per_run_dropped(snapshot(fleet)))]
        else:
            failures += readbacks(fleet, seeds)
    finally:
        if not args.no_boot:
            subprocess.run([str(ROOT / "lakehouse"), "down"], env=env, cwd=ROOT)

    if failures:
        print("hostile: %d of the checks failed" % len(failures), file=sys.stderr)
        for f in failures:
            print("  " + f, file=sys.stderr)
        return 1
    print("hostile: %d cases refused as expected, nothing changed, fleet healthy%s"
          % (len(cases), "" if args.no_boot else " before and after a restart"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
