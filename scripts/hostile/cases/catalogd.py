"""Hostile inputs for catalogd (issue 20), through the gateway: /v1/catalog/** and /v1/iceberg/**.

Every register here must be refused before anything is persisted: the catalog's version, every
dataset's fingerprint and the objects under _catalog/ stay as they were (the runner checks).
The seed dataset `hostile_seed` (id BIGINT, name VARCHAR, wage DOUBLE) is registered by the runner.
"""

import hashlib

from hostile import case, rep

INJECTION = "INTEGER) AS a UNION ALL SELECT 42 UNION ALL SELECT CAST(NULL AS INTEGER"
SEED_SCHEMA = [{"name": "id", "type": "BIGINT", "nullable": True},
               {"name": "name", "type": "VARCHAR", "nullable": True},
               {"name": "wage", "type": "DOUBLE", "nullable": True}]


def fingerprint(schema):
    """SPEC §5: SHA-256 over name 0x1F type, joined by 0x1E."""
    return hashlib.sha256("\x1e".join(c["name"] + "\x1f" + c["type"] for c in schema).encode()).hexdigest()


def obj(key="datasets/hostile_cat/a.parquet", size=10, etag="e", row_count=1):
    return {"key": key, "size": size, "etag": etag, "row_count": row_count}


def register(name="hostile_cat", schema=None, objects=None, **extra):
    body = {"name": name, "schema": schema if schema is not None else [{"name": "id", "type": "BIGINT", "nullable": True}],
            "objects": objects if objects is not None else [obj()]}
    body.update(extra)
    return body


def col(name="id", type="BIGINT"):
    return {"name": name, "type": type, "nullable": True}


R = "/v1/catalog/register"
ICE = "/v1/iceberg/v1"

CASES = [
    # --- the injection of issue 20 and the closed type grammar: 422 naming the column ---
    case("register: the UNION ALL injection type", "POST", R, 422,
         json=register(schema=[col("id"), col("evil", INJECTION)])),
    case("register: injection type on the seed dataset", "POST", R, 422,
         json=register(name="hostile_seed", schema=[col("id", INJECTION)])),
    case("register: type with a statement after it", "POST", R, 422,
         json=register(schema=[col("id", "BIGINT; DROP TABLE x")])),
    case("register: type with a comment", "POST", R, 422, json=register(schema=[col("id", "BIGINT -- x")])),
    case("register: type with a quote", "POST", R, 422, json=register(schema=[col("id", "VARCHAR'")])),
    case("register: unknown type word", "POST", R, 422, json=register(schema=[col("id", "FOO")])),
    case("register: nested STRUCT type (outside the grammar)", "POST", R, 422,
         json=register(schema=[col("id", "STRUCT(a INTEGER)")])),
    case("register: DECIMAL precision past 38", "POST", R, 422, json=register(schema=[col("id", "DECIMAL(39,2)")])),
    case("register: type longer than the grammar allows", "POST", R, 422,
         json=register(schema=[col("id", "VARCHAR" + rep("[]", 40))])),

    # --- bounds: columns, names, objects, keys, etags, numbers ---
    case("register: 1025 columns (max_columns 1024)", "POST", R, 422,
         json=register(schema=[col("c%d" % i) for i in range(1025)])),
    case("register: column name of 256 bytes", "POST", R, 422, json=register(schema=[col(rep("c", 256))])),
    case("register: column name of 128 two-byte characters (256 bytes)", "POST", R, 422,
         json=register(schema=[col(rep("\u00e9", 128))])),
    case("register: column name with a NUL", "POST", R, 422, json=register(schema=[col("a\u0000b")])),
    case("register: 100001 objects (max_objects)", "POST", R, 413,
         json=register(objects=[{"key": "k%d" % i} for i in range(100001)])),
    case("register: object key of 1025 bytes", "POST", R, 422, json=register(objects=[obj(key=rep("k", 1025))])),
    case("register: object key with a newline", "POST", R, 422, json=register(objects=[obj(key="a\nb")])),
    case("register: etag of 129 bytes", "POST", R, 422, json=register(objects=[obj(etag=rep("e", 129))])),
    case("register: size past 2^53-1", "POST", R, 422, json=register(objects=[obj(size=2 ** 53)])),
    case("register: negative row_count", "POST", R, 422, json=register(objects=[obj(row_count=-1)])),
    case("register: rows adding up past 2^53-1", "POST", R, 422,
         json=register(objects=[obj(key="a", row_count=2 ** 52), obj(key="b", row_count=2 ** 52)])),
    case("register: size past a long", "POST", R, 400, json=register(objects=[obj(size=2 ** 64)])),

    # --- the fingerprint is catalogd's ---
    # (a well-formed fingerprint that is not the schema's is replaced by catalogd's, not refused: docs/catalogd.md)
    case("register: a fingerprint that is not hex", "POST", R, 400, json=register(schema_fingerprint=rep("z", 64))),
    case("register: another schema for the seed dataset", "POST", R, 409,
         json=register(name="hostile_seed", schema=[col("id", "VARCHAR")],
                       objects=[obj(key="datasets/hostile_seed/x.parquet")])),

    # --- malformed bodies and fields: 400 ---
    case("register: malformed JSON", "POST", R, 400, body="{not json", headers={"Content-Type": "application/json"}),
    case("register: truncated JSON", "POST", R, 400, body='{"name":"hostile_cat","objects":[',
         headers={"Content-Type": "application/json"}),
    case("register: a JSON array, not an object", "POST", R, 400, body="[1,2]",
         headers={"Content-Type": "application/json"}),
    case("register: empty body", "POST", R, 400, body=b"", headers={"Content-Type": "application/json"}),
    case("register: wrong field type", "POST", R, 400, json=register(objects=[{"key": "k", "size": "big"}])),
    case("register: empty schema", "POST", R, 400, json=register(schema=[])),
    case("register: column twice", "POST", R, 400, json=register(schema=[col("id"), col("id")])),
    case("register: object key twice", "POST", R, 400, json=register(objects=[obj(), obj()])),
    case("register: unknown mode", "POST", R, 400, json=register(mode="merge")),
    case("register: name outside the grammar", "POST", R, 400, json=register(name="Robert'); DROP TABLE x;--")),
    case("register: name of 64 characters", "POST", R, 400, json=register(name=rep("a", 64))),
    case("register: not JSON content type", "POST", R, 415, body="name=x", headers={"Content-Type": "text/plain"}),
    case("register: chunked body past max_body_bytes (16 MiB)", "POST", R, 413, chunks=(1 << 20, 17),
         headers={"Content-Type": "application/json"}),
    # (a declared Content-Length past the cap is refused by catalogd's body filter up front — CatalogdIT; through
    # the gateway the relay of that early 413 is the gateway's business, so the cap is exercised here chunked)

    # --- the other routes: names, unknown datasets, methods, auth ---
    case("manifest: name outside the grammar", "GET", "/v1/catalog/manifest/Bad-Name", 400),
    case("manifest: name with a dot", "GET", "/v1/catalog/manifest/a.b", 400),
    case("manifest: unknown dataset", "GET", "/v1/catalog/manifest/no_such_dataset", 404),
    case("versions: unknown dataset", "GET", "/v1/catalog/manifest/no_such_dataset/versions", 404),
    case("versions: name outside the grammar", "GET", "/v1/catalog/manifest/%C3%A9t%C3%A9/versions", 400),
    case("delete: unknown dataset", "DELETE", "/v1/catalog/manifest/no_such_dataset", 404),
    case("delete: name outside the grammar", "DELETE", "/v1/catalog/manifest/hostile%20seed", 400),
    case("register: wrong method GET", "GET", R, 405),
    case("list: wrong method DELETE", "DELETE", "/v1/catalog/list", 405),
    case("manifest: wrong method PUT on the seed", "PUT", "/v1/catalog/manifest/hostile_seed", 405,
         json={"name": "hostile_seed"}),
    case("delete without a token", "DELETE", "/v1/catalog/manifest/hostile_seed", 401, auth=False),
    case("register without a token", "POST", R, 401, json=register(), auth=False),

    # --- Iceberg REST routes. They answer in Iceberg's own error format ({"error":{"message","type","code"}},
    # application/json), which Iceberg clients turn back into their exceptions (SPEC §4.1), not problem+json:
    # hence problem=False. The catalog is read-only there: every write is 406 and changes nothing. ---
    case("iceberg: unknown namespace", "GET", ICE + "/namespaces/nope", 404, problem=False),
    case("iceberg: unknown parent namespace", "GET", ICE + "/namespaces?parent=nope", 404, problem=False),
    case("iceberg: unknown table", "GET", ICE + "/namespaces/lakehouse/tables/no_such_table", 404, problem=False),
    case("iceberg: table name outside the grammar", "GET", ICE + "/namespaces/lakehouse/tables/Bad%27Name", 404,
         problem=False),
    case("iceberg: HEAD of an unknown table", "HEAD", ICE + "/namespaces/lakehouse/tables/no_such_table", 404,
         problem=False),
    case("iceberg: create table (read-only)", "POST", ICE + "/namespaces/lakehouse/tables", 406, problem=False,
         json={"name": "evil", "schema": {"type": "struct", "fields": []}}),
    case("iceberg: commit to the seed table (read-only)", "POST", ICE + "/namespaces/lakehouse/tables/hostile_seed",
         406, problem=False, json={"requirements": [], "updates": []}),
    case("iceberg: drop the seed table (read-only)", "DELETE", ICE + "/namespaces/lakehouse/tables/hostile_seed",
         406, problem=False),
    case("iceberg: create namespace (read-only)", "POST", ICE + "/namespaces", 406, problem=False,
         json={"namespace": ["evil"]}),
    case("iceberg: rename table (read-only)", "POST", ICE + "/tables/rename", 406, problem=False,
         json={"source": {"namespace": ["lakehouse"], "name": "hostile_seed"},
               "destination": {"namespace": ["lakehouse"], "name": "x"}}),
    case("iceberg: without a token", "GET", ICE + "/namespaces/lakehouse/tables", 401, auth=False),
]
