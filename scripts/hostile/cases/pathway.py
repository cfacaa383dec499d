"""pathway through the gateway (/v1/pathway/** → /pathway/**): every route, every bound (SPEC §2.5)."""

from hostile import case, rep

T = "/v1/pathway/traces"
SEED = T + "/{trace_uid}"
MISSING = T + "/00000000-0000-0000-0000-000000000000"


def deep(n):
    """`n` nested arrays around a 1."""
    return rep("[", n) + "1" + rep("]", n)


CASES = [
    # add: the tag that used to be a 500 after the append, and then a pathway that could not start
    case("add: a tag of 32767 bytes (past Lucene's longest term)", "POST", T, 413,
         json={"content": "x", "tags": [rep("t", 32767)]}),
    case("add: a tag of 40000 bytes", "POST", T, 413, json={"content": "x", "tags": ["ok", rep("t", 40000)]}),
    case("add: a tag of 257 bytes (max_tag_bytes 256)", "POST", T, 413, json={"content": "x", "tags": [rep("t", 257)]}),
    case("add: a tag of 86 three-byte characters (258 bytes)", "POST", T, 413,
         json={"content": "x", "tags": [rep("\u20ac", 86)]}),
    case("add: 65 tags (max_tags 64)", "POST", T, 413, json={"content": "x", "tags": ["t%d" % i for i in range(65)]}),
    case("add: content of 300000 bytes (max_content_bytes 262144)", "POST", T, 413,
         json={"content": rep("c", 300000)}),
    case("add: content nested 33 deep (max_content_depth 32)", "POST", T, 422,
         body='{"content":' + deep(33) + '}', headers={"Content-Type": "application/json"}),
    case("add: content nested 5000 deep (refused by the parser)", "POST", T, 400,
         body='{"content":' + deep(5000) + '}', headers={"Content-Type": "application/json"}),
    case("add: body over max_body_bytes (declared)", "POST", T, 413,
         body='{"content":"' + rep("b", 1100000) + '"}', headers={"Content-Type": "application/json"}),
    case("add: chunked body over max_body_bytes (one long JSON string)", "POST", T, 413, chunks=(65536, 20),
         body='{"content":"', headers={"Content-Type": "application/json"}),
    case("add: malformed JSON", "POST", T, 400, body='{"content": "x", "tags": [', headers={"Content-Type": "application/json"}),
    case("add: empty body", "POST", T, 400, body=b"", headers={"Content-Type": "application/json"}),
    case("add: content null", "POST", T, 400, json={"content": None}),
    case("add: content missing", "POST", T, 400, json={"tags": ["a"]}),
    case("add: tags not a list", "POST", T, 400, json={"content": "x", "tags": {"a": 1}}),
    case("add: a blank tag", "POST", T, 400, json={"content": "x", "tags": ["  "]}),
    case("add: a null tag", "POST", T, 400, json={"content": "x", "tags": [None]}),
    case("add: not JSON content type", "POST", T, 415, body="content=x", headers={"Content-Type": "text/plain"}),
    case("add: no token", "POST", T, 401, json={"content": "x"}, auth=False),
    case("add: a wrong token", "POST", T, 401, json={"content": "x"},
         headers={"Authorization": "Bearer " + rep("0", 64)}),
    # update, revise, retire
    case("update: unknown uid", "PUT", MISSING, 404, json={"content": "x"}),
    case("update: the seed with a 32767-byte tag", "PUT", SEED, 413, json={"content": "x", "tags": [rep("t", 32767)]}),
    case("update: the seed with content nested 40 deep", "PUT", SEED, 422,
         body='{"content":' + deep(40) + '}', headers={"Content-Type": "application/json"}),
    case("update: the seed with content of 300000 bytes", "PUT", SEED, 413, json={"content": rep("c", 300000)}),
    case("update: the seed with malformed JSON", "PUT", SEED, 400, body="{", headers={"Content-Type": "application/json"}),
    case("revise: unknown uid", "POST", MISSING + "/revise", 404, json={"content": "x"}),
    case("revise: the seed with 65 tags", "POST", SEED + "/revise", 413,
         json={"content": "x", "tags": ["t%d" % i for i in range(65)]}),
    case("revise: the seed without content", "POST", SEED + "/revise", 400, json={}),
    case("retire: unknown uid", "POST", MISSING + "/retire", 404),
    # reads
    case("get: unknown uid", "GET", MISSING, 404),
    case("history: unknown uid", "GET", MISSING + "/history", 404),
    case("unknown route", "GET", "/v1/pathway/nothing-here", 404),
    # search
    case("search: a query of 5000 bytes (max_query_bytes 4096)", "POST", "/v1/pathway/search", 413,
         json={"query": rep("q", 5000)}),
    case("search: a 32767-byte tag filter", "POST", "/v1/pathway/search", 413,
         json={"query": "q", "tags": [rep("t", 32767)]}),
    case("search: 65 tags in the filter", "POST", "/v1/pathway/search", 413,
         json={"query": "q", "tags": ["t%d" % i for i in range(65)]}),
    case("search: limit 0", "POST", "/v1/pathway/search", 400, json={"query": "q", "limit": 0}),
    case("search: limit 101 (max_limit 100)", "POST", "/v1/pathway/search", 400, json={"query": "q", "limit": 101}),
    case("search: an unknown mode", "POST", "/v1/pathway/search", 400, json={"query": "q", "mode": "vector"}),
    case("search: malformed JSON", "POST", "/v1/pathway/search", 400, body="[", headers={"Content-Type": "application/json"}),
    # wrong methods
    case("DELETE a trace (no such route)", "DELETE", SEED, 405),
    case("GET /search", "GET", "/v1/pathway/search", 405),
    case("PUT /stats", "PUT", "/v1/pathway/stats", 405, json={}),
]
