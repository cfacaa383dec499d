"""storaged through /v1/storage: owned prefixes, key bounds, body caps, methods (issue 20)."""

from hostile import case, rep

OCTETS = {"Content-Type": "application/octet-stream"}
S = "/v1/storage/object/"

CASES = [
    # Prefixes the fleet owns: never changed from outside (the gateway strips X-Lakehouse-Service).
    case("PUT _catalog/x", "PUT", S + "_catalog/x", 403, body="x", headers=OCTETS),
    case("PUT a catalog snapshot", "PUT", S + "_catalog/snapshots/evil.parquet", 403, body="PAR1", headers=OCTETS),
    case("PUT _vectors/x", "PUT", S + "_vectors/x", 403, body="x", headers=OCTETS),
    case("PUT over the seed index's commit point", "PUT", S + "_vectors/hostile_seed.lhv1", 403, body="{}",
         headers=OCTETS),
    case("PUT journal/x", "PUT", S + "journal/x", 403, body="x", headers=OCTETS),
    case("PUT a journal segment", "PUT", S + "journal/2026/01/01/evil.parquet", 403, body="x", headers=OCTETS),
    case("PUT under datasets/", "PUT", S + "datasets/hostile_seed/evil.parquet", 403, body="x", headers=OCTETS),
    case("DELETE _catalog/x", "DELETE", S + "_catalog/x", 403),
    case("DELETE _vectors/x", "DELETE", S + "_vectors/x", 403),
    case("DELETE the seed index's commit point", "DELETE", S + "_vectors/hostile_seed.lhv1", 403),
    case("DELETE journal/x", "DELETE", S + "journal/x", 403),
    case("DELETE under datasets/", "DELETE", S + "datasets/hostile_seed/x.parquet", 403),
    case("PUT _catalog/x posing as catalogd", "PUT", S + "_catalog/x", 403, body="x",
         headers={**OCTETS, "X-Lakehouse-Service": "catalogd"}),
    case("DELETE _vectors/x posing as vectord", "DELETE", S + "_vectors/x", 403,
         headers={"X-Lakehouse-Service": "vectord"}),
    case("PUT journal/x chunked", "PUT", S + "journal/x", 403, chunks=(4096, 4), headers=OCTETS),
    case("PUT _catalog/x with the underscore encoded", "PUT", S + "%5Fcatalog/x", 403, body="x", headers=OCTETS),
    case("PUT _vectors/x with a letter encoded", "PUT", S + "_vectors/%78", 403, body="x", headers=OCTETS),
    case("DELETE journal/x with the j encoded", "DELETE", S + "%6Aournal/x", 403),

    # Key bounds (SPEC §3): 400 naming the key.
    case("PUT a 1025-byte key", "PUT", S + "hostile/" + rep("k", 1017), 400, body="x", headers=OCTETS),
    case("PUT a 1025-byte key of 2-byte characters", "PUT", S + "hostile/" + rep("%C3%A9", 509), 400, body="x",
         headers=OCTETS),
    case("DELETE a 1025-byte key", "DELETE", S + "hostile/" + rep("k", 1017), 400),
    case("GET a 1025-byte key", "GET", S + "hostile/" + rep("k", 1017), 400),
    case("PUT a key with a trailing slash", "PUT", S + "hostile/x/", 400, body="x", headers=OCTETS),
    case("PUT a key with a control character", "PUT", S + "hostile/a%1Fb", 400, body="x", headers=OCTETS),
    case("PUT a key with DEL", "PUT", S + "hostile/a%7Fb", 400, body="x", headers=OCTETS),
    # The gateway's Tomcat refuses a path that is not UTF-8 itself, with its HTML 400 (not problem+json).
    case("PUT a key that is not UTF-8", "PUT", S + "hostile/bad%C3x", 400, body="x", headers=OCTETS, problem=False),
    case("PUT a key with an encoded dot-dot segment", "PUT", S + "hostile/%2E%2E/x", 400, body="x", headers=OCTETS),

    # Bodies and caps.
    # Chunked, so the cap is met while counting (a declared length the client then does not send
    # stalls at the gateway until its read timeout: 408, see the report of issue 20).
    case("PUT a chunked 257 MiB body over the seed (over max_put_bytes)", "PUT", S + "hostile/seed.txt", 413,
         chunks=(1 << 20, 257), headers=OCTETS),

    # The list route's bounds.
    case("list limit=0", "GET", "/v1/storage/list?limit=0", 400),
    case("list limit=1001", "GET", "/v1/storage/list?limit=1001", 400),
    case("list limit not a number", "GET", "/v1/storage/list?limit=lots", 400),
    case("list prefix of 1025 bytes", "GET", "/v1/storage/list?prefix=" + rep("p", 1025), 400),
    case("list after with a control character", "GET", "/v1/storage/list?after=a%01b", 400),

    # Methods, routes, missing objects, ranges.
    case("POST to an object", "POST", S + "hostile/x", 405, body="x", headers=OCTETS),
    case("PATCH the seed", "PATCH", S + "hostile/seed.txt", 405, body="x", headers=OCTETS),
    case("PUT to the list route", "PUT", "/v1/storage/list", 405, body="x", headers=OCTETS),
    case("an unknown storage route", "GET", "/v1/storage/nothing", 404),
    case("GET a missing object", "GET", S + "hostile/missing", 404),
    case("a range beyond the end", "GET", S + "hostile/seed.txt", 416, headers={"Range": "bytes=100000-"}),
    case("PUT without a token", "PUT", S + "hostile/x", 401, body="x", headers=OCTETS, auth=False),
]
