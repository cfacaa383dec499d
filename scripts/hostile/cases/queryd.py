"""queryd through the gateway: /v1/sql, /v1/sql/tables, /v1/sql/stats (docs/gateway.md: /v1/sql/** -> /sql...).

Besides refusals, some cases expect 200 (problem=False): statements that would show a host path
(views, settings, EXPLAIN plans, filename columns). queryd rewrites those paths to placeholders, and
the runner checks that no absolute host path is in the body.
"""

import os
from pathlib import Path

from hostile import case, rep

ROOT = str(Path(__file__).resolve().parents[3])
# The fleet's data dir as run.py chooses it when it boots the fleet.
DATA_DIR = os.environ.get("LH_HOSTILE_DATA_DIR", ROOT + "/data/hostile")
JSON = {"Content-Type": "application/json"}
ARROW = {"Accept": "application/vnd.apache.arrow.stream"}
CSV = {"Accept": "text/csv"}


def sql(name, text, expect, problem=True, headers=None, **extra):
    return case(name, "POST", "/v1/sql", expect, json={"sql": text, **extra}, headers=headers, problem=problem)


CASES = [
    # --- issue 20: no absolute host path in any answer (rewritten to <data_dir>, <cache>, <tmp>, <home>) ---
    sql("duckdb_views() shows view DDL without a host path", "SELECT sql FROM duckdb_views()", 200, problem=False),
    sql("current_setting('temp_directory') has no host path", "SELECT current_setting('temp_directory') AS t", 200,
        problem=False),
    sql("duckdb_settings() has no host path", "SELECT name, value FROM duckdb_settings()", 200, problem=False),
    sql("EXPLAIN has no host path", "EXPLAIN SELECT * FROM hostile_seed", 200, problem=False),
    sql("EXPLAIN ANALYZE lists files without a host path", "EXPLAIN ANALYZE SELECT * FROM hostile_seed", 200,
        problem=False),
    sql("filename column of an absolute read_parquet is rewritten",
        "SELECT filename FROM read_parquet('%s/queryd/cache/*.parquet', filename=true)" % DATA_DIR, 200,
        problem=False),
    sql("host path in the settings as Arrow", "SELECT current_setting('temp_directory') AS t", 200, problem=False,
        headers=ARROW),
    sql("host path in views as CSV", "SELECT sql FROM duckdb_views()", 200, problem=False, headers=CSV),
    sql("error naming a missing file has no host path",
        "SELECT * FROM read_parquet('%s/queryd/cache/missing.parquet')" % DATA_DIR, 400),
    sql("the issue-20 column type as SQL is plain SQL, no view DDL",
        "SELECT CAST(NULL AS INTEGER) AS a UNION ALL SELECT 42 UNION ALL SELECT CAST(NULL AS INTEGER)", 200,
        problem=False),
    # --- sandbox escapes ---
    sql("read_csv of /etc/passwd", "SELECT * FROM read_csv('/etc/passwd')", 400),
    sql("read_text of /etc/passwd", "SELECT * FROM read_text('/etc/passwd')", 400),
    sql("glob of the root", "SELECT * FROM glob('/*')", 400),
    sql("httpfs URL", "SELECT * FROM read_parquet('https://example.com/x.parquet')", 400),
    sql("s3 URL", "SELECT * FROM read_parquet('s3://bucket/x.parquet')", 400),
    sql("ATTACH a database file", "ATTACH '/tmp/hostile.duckdb' AS h", 403),
    sql("COPY to a file", "COPY (SELECT 1) TO '/tmp/hostile.csv'", 403),
    sql("INSTALL an extension", "INSTALL httpfs", 403),
    sql("LOAD an extension", "LOAD httpfs", 403),
    sql("SET a setting", "SET memory_limit = '64GB'", 403),
    sql("SET the spill limit", "SET max_temp_directory_size = '1TB'", 403),
    sql("RESET external access", "RESET enable_external_access", 403),
    sql("PRAGMA", "PRAGMA enable_profiling", 403),
    sql("CREATE TABLE", "CREATE TABLE t AS SELECT 1", 403),
    sql("DROP the seed view", "DROP VIEW hostile_seed", 403),
    sql("two statements", "SELECT 1; DROP VIEW hostile_seed", 400),
    sql("expression nested past the parser's depth", "SELECT " + rep("(", 3000) + "1" + rep(")", 3000), 400),
    # --- bounds ---
    sql("sql over max_sql_bytes (32 KiB)", "SELECT '" + rep("x", 40000) + "'", 413),
    case("body over the 64 KiB cap", "POST", "/v1/sql", 413, json={"sql": "SELECT '" + rep("x", 70000) + "'"}),
    # The runner's chunks are junk bytes: the JSON parser refuses them at the first token, before the cap.
    case("chunked junk body past the cap", "POST", "/v1/sql", 400, headers=JSON, chunks=(16384, 8)),
    sql("negative max_rows", "SELECT 1", 400, max_rows=-1),
    sql("max_rows not a number", "SELECT 1", 400, max_rows="many"),
    # --- malformed requests ---
    case("malformed JSON", "POST", "/v1/sql", 400, body=b'{"sql": "SELECT 1"', headers=JSON),
    case("JSON array instead of an object", "POST", "/v1/sql", 400, body=b'[1]', headers=JSON),
    case("no sql", "POST", "/v1/sql", 400, json={}),
    case("blank sql", "POST", "/v1/sql", 400, json={"sql": "   "}),
    case("text/plain body", "POST", "/v1/sql", 415, body=b"SELECT 1", headers={"Content-Type": "text/plain"}),
    # --- table functions ---
    sql("dataset() of a version that does not exist", "SELECT * FROM dataset('hostile_seed', 999)", 404),
    sql("dataset() of a name that is a path", "SELECT * FROM dataset('../etc', 1)", 404),
    sql("dataset() with a non-literal version", "SELECT * FROM dataset('hostile_seed', 1 + 1)", 400),
    sql("dataset_diff() with one version", "SELECT * FROM dataset_diff('hostile_seed', 1)", 400),
    sql("vector_search() of an unknown index", "SELECT * FROM vector_search('no_such_index', [0.1, 0.2, 0.3], 3)", 404),
    sql("vector_search() with the wrong dimension", "SELECT * FROM vector_search('hostile_seed', [0.1, 0.2], 3)", 400),
    sql("vector_search() with k past its cap", "SELECT * FROM vector_search('hostile_seed', [0.1, 0.2, 0.3], 100000)",
        400),
    # --- methods, routes, auth ---
    case("GET /sql", "GET", "/v1/sql", 405),
    case("DELETE /sql", "DELETE", "/v1/sql", 405),
    case("POST /sql/tables", "POST", "/v1/sql/tables", 405, json={}),
    case("unknown queryd route", "GET", "/v1/sql/no-such-route", 404),
    case("no token", "POST", "/v1/sql", 401, json={"sql": "SELECT 1"}, auth=False),
    case("a wrong token", "POST", "/v1/sql", 401, json={"sql": "SELECT 1"}, auth=False,
         headers={"Authorization": "Bearer " + rep("0", 64)}),
]
