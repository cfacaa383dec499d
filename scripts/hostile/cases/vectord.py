"""vectord through /v1/vectors: index grammar, dimension, batch and item bounds, search (issue 20).

The seed index hostile_seed has dimension 3, cosine, items a and b.
"""

from hostile import case, rep

V = "/v1/vectors/index"
ADD = V + "/hostile_seed/add"
SEARCH = V + "/hostile_seed/search"


def item(id="x", vector=(0.1, 0.2, 0.3), metadata=None):
    out = {"id": id, "vector": list(vector)}
    if metadata is not None:
        out["metadata"] = metadata
    return out


def nested(depth):
    value = 1
    for _ in range(depth):
        value = [value]
    return value


CASES = [
    # Index names and specs.
    case("create: a name with a space", "POST", V, 422, json={"name": "a b", "dimension": 3}),
    case("create: a name starting with a dot", "POST", V, 422, json={"name": ".hidden", "dimension": 3}),
    case("create: a name of 129 characters", "POST", V, 422, json={"name": rep("n", 129), "dimension": 3}),
    case("create: a name with a slash", "POST", V, 422, json={"name": "a/b", "dimension": 3}),
    case("create: a dot-dot name", "POST", V, 422, json={"name": "../x", "dimension": 3}),
    case("create: an empty name", "POST", V, 422, json={"name": "", "dimension": 3}),
    case("create: dimension 0", "POST", V, 422, json={"name": "hostile_dim0", "dimension": 0}),
    case("create: dimension -1", "POST", V, 422, json={"name": "hostile_dimneg", "dimension": -1}),
    case("create: dimension over max_dimension", "POST", V, 422, json={"name": "hostile_dimbig", "dimension": 5000}),
    case("create: no dimension", "POST", V, 400, json={"name": "hostile_nodim"}),
    case("create: an unknown distance", "POST", V, 400,
         json={"name": "hostile_dist", "dimension": 3, "distance": "manhattan"}),
    case("create: m of 1", "POST", V, 400, json={"name": "hostile_m", "dimension": 3, "m": 1}),
    case("create: ef_construction of 0", "POST", V, 400,
         json={"name": "hostile_ef", "dimension": 3, "ef_construction": 0}),
    case("create: the seed's name again", "POST", V, 409, json={"name": "hostile_seed", "dimension": 3}),
    case("create: a body that is not JSON", "POST", V, 400, body="name=x", headers={"Content-Type": "application/json"}),
    case("create: a JSON array", "POST", V, 400, json=[{"name": "hostile_arr", "dimension": 3}]),

    # Add: batch, ids, vectors, metadata — all or nothing.
    case("add: no items", "POST", ADD, 400, json={"items": []}),
    case("add: 10001 items (max_batch_items)", "POST", ADD, 413,
         json={"items": [item("i%d" % i) for i in range(10001)]}),
    case("add: an id of 513 bytes", "POST", ADD, 422, json={"items": [item(rep("i", 513))]}),
    case("add: an id of 300 two-byte characters", "POST", ADD, 422, json={"items": [item(rep("\u00e9", 300))]}),
    case("add: an empty id", "POST", ADD, 400, json={"items": [item("")]}),
    case("add: a null id", "POST", ADD, 400, json={"items": [{"id": None, "vector": [0.1, 0.2, 0.3]}]}),
    case("add: the wrong dimension", "POST", ADD, 400, json={"items": [item(vector=(0.1, 0.2))]}),
    case("add: a value beyond float range", "POST", ADD, 400, json={"items": [item(vector=(1e300, 0.2, 0.3))]}),
    case("add: a zero vector under cosine", "POST", ADD, 400, json={"items": [item(vector=(0, 0, 0))]}),
    case("add: 65 metadata keys", "POST", ADD, 422,
         json={"items": [item(metadata={"k%d" % i: i for i in range(65)})]}),
    case("add: a metadata key of 129 bytes", "POST", ADD, 422, json={"items": [item(metadata={rep("k", 129): 1})]}),
    case("add: a metadata value of 5000 bytes", "POST", ADD, 422,
         json={"items": [item(metadata={"k": rep("v", 5000)})]}),
    case("add: a metadata value of 40000 bytes (past Lucene's term limit)", "POST", ADD, 422,
         json={"items": [item(metadata={"k": rep("v", 40000)})]}),
    case("add: metadata nested 5 deep", "POST", ADD, 422, json={"items": [item(metadata={"k": nested(5)})]}),
    case("add: a metadata key with NUL", "POST", ADD, 422, json={"items": [item(metadata={"a\u0000b": 1})]}),
    case("add: a good item then an id too long (nothing added)", "POST", ADD, 422,
         json={"items": [item("fine"), item(rep("i", 600))]}),
    case("add: to a missing index", "POST", V + "/hostile_missing/add", 404, json={"items": [item()]}),
    # A chunked body is counted as it is read (413 at max_body_bytes, RequestBodyLimitIT); this one is
    # not JSON, so the parser refuses it at its first bad token, long before the cap.
    case("add: a chunked 65 MiB body that is not JSON", "POST", ADD, 400, chunks=(1 << 20, 65),
         headers={"Content-Type": "application/json"}),

    # Search, items, merge, delete.
    case("search: the wrong dimension", "POST", SEARCH, 400, json={"vector": [0.1, 0.2]}),
    case("search: k of 0", "POST", SEARCH, 400, json={"vector": [0.1, 0.2, 0.3], "k": 0}),
    case("search: k over max_k", "POST", SEARCH, 400, json={"vector": [0.1, 0.2, 0.3], "k": 100000}),
    case("search: a filter of 65 keys", "POST", SEARCH, 422,
         json={"vector": [0.1, 0.2, 0.3], "filter": {"k%d" % i: i for i in range(65)}}),
    case("search: a filter value that is an object", "POST", SEARCH, 400,
         json={"vector": [0.1, 0.2, 0.3], "filter": {"k": {"a": 1}}}),
    case("delete an item id of 600 bytes", "DELETE", V + "/hostile_seed/items/" + rep("i", 600), 422),
    case("merge into itself", "POST", V + "/hostile_seed/merge", 400, json={"dest": "hostile_seed"}),
    case("merge into a missing index", "POST", V + "/hostile_seed/merge", 404, json={"dest": "hostile_missing"}),
    case("delete a missing index", "DELETE", V + "/hostile_missing", 404),
    case("delete the seed index without a token", "DELETE", V + "/hostile_seed", 401, auth=False),
]
