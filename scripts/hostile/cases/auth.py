"""Auth at the edge (SPEC §2.3, issue 20): every way of not holding the token is 401, across the
gateway's routes; an unauthenticated body is answered without being read. `{token}` is the fleet token.
"""

from hostile import case, rep

JSON = {"Content-Type": "application/json"}
OCTETS = {"Content-Type": "application/octet-stream"}

CASES = [
    # No token at all, one read route per service.
    case("no token: catalog list", "GET", "/v1/catalog/list", 401, auth=False),
    case("no token: storage list", "GET", "/v1/storage/list", 401, auth=False),
    case("no token: the seed object", "GET", "/v1/storage/object/hostile/seed.txt", 401, auth=False),
    case("no token: vector indexes", "GET", "/v1/vectors/index", 401, auth=False),
    case("no token: pathway stats", "GET", "/v1/pathway/stats", 401, auth=False),
    case("no token: journal stats", "GET", "/v1/journal/stats", 401, auth=False),
    case("no token: embed stats", "GET", "/v1/embed/stats", 401, auth=False),
    case("no token: sql tables", "GET", "/v1/sql/tables", 401, auth=False),
    case("no token: iceberg config", "GET", "/v1/iceberg/v1/config", 401, auth=False),

    # A wrong token on writes.
    case("wrong token: sql", "POST", "/v1/sql", 401, json={"sql": "SELECT 1"},
         headers={"Authorization": "Bearer " + rep("0", 64)}),
    case("wrong token: PUT an object", "PUT", "/v1/storage/object/hostile/x", 401, body="x",
         headers={**OCTETS, "Authorization": "Bearer " + rep("f", 64)}),
    case("wrong token: create a vector index", "POST", "/v1/vectors/index", 401,
         json={"name": "hostile_auth", "dimension": 3}, headers={"Authorization": "Bearer wrong"}),
    case("wrong token: add a trace", "POST", "/v1/pathway/traces", 401, json={"content": "x"},
         headers={"Authorization": "Bearer wrong"}),
    case("wrong token: register a dataset", "POST", "/v1/catalog/register", 401, json={"name": "hostile_auth"},
         headers={"Authorization": "Bearer wrong"}),
    case("wrong token: observer event", "POST", "/v1/observer/events", 401, json={"events": []},
         headers={"Authorization": "Bearer wrong"}),
    case("wrong token: delete the seed index", "DELETE", "/v1/vectors/index/hostile_seed", 401,
         headers={"Authorization": "Bearer wrong"}),

    # Near misses of the right token.
    case("blank bearer", "GET", "/v1/catalog/list", 401, headers={"Authorization": "Bearer "}),
    # The placeholder of deploy/auth.env.example: a fleet never runs with it (TokenRules stop the
    # start), and a caller who copies it gets 401.
    case("the env example's placeholder token", "GET", "/v1/catalog/list", 401,
         headers={"Authorization": "Bearer replace-with-64-hex-characters"}),
    case("the scheme alone", "GET", "/v1/catalog/list", 401, headers={"Authorization": "Bearer"}),
    case("lowercase bearer", "GET", "/v1/catalog/list", 401, headers={"Authorization": "bearer {token}"}),
    case("uppercase BEARER", "GET", "/v1/catalog/list", 401, headers={"Authorization": "BEARER {token}"}),
    case("the token without a scheme", "GET", "/v1/catalog/list", 401, headers={"Authorization": "{token}"}),
    case("another scheme", "GET", "/v1/catalog/list", 401, headers={"Authorization": "Token {token}"}),
    case("two spaces after Bearer", "GET", "/v1/catalog/list", 401, headers={"Authorization": "Bearer  {token}"}),
    case("the token plus a character", "GET", "/v1/catalog/list", 401, headers={"Authorization": "Bearer {token}0"}),
    case("the token in another header", "GET", "/v1/catalog/list", 401, auth=False,
         headers={"X-Auth-Token": "{token}"}),
    case("the token in a cookie", "GET", "/v1/catalog/list", 401, auth=False, headers={"Cookie": "token={token}"}),
    case("the token in the query string", "GET", "/v1/catalog/list?token={token}", 401, auth=False),
    case("the token as access_token", "GET", "/v1/storage/list?access_token={token}", 401, auth=False),
    case("a 6000-byte Authorization header", "GET", "/v1/catalog/list", 401,
         headers={"Authorization": "Bearer " + rep("a", 6000)}),
    # The gateway (Reactor Netty) refuses it itself as RFC 6585's 431, before any filter; Tomcat
    # answered 400 for the same (issue 25 moved the edge off Tomcat).
    case("a 20000-byte Authorization header (past the header limit)", "GET", "/v1/catalog/list", 431,
         headers={"Authorization": "Bearer " + rep("a", 20000)}, problem=False),

    # Unauthenticated bodies: answered 401 at once, never read (the connection is closed).
    case("no token: POST sql declaring 1 GiB", "POST", "/v1/sql", 401, body="{}", auth=False,
         declared_length=1 << 30, headers=JSON),
    case("no token: PUT an object declaring 1 GiB", "PUT", "/v1/storage/object/hostile/big", 401, body="x",
         auth=False, declared_length=1 << 30, headers=OCTETS),
    case("no token: a chunked 4 MiB PUT", "PUT", "/v1/storage/object/hostile/big", 401, auth=False,
         chunks=(65536, 64), headers=OCTETS),
    case("no token: a chunked 4 MiB ingest", "POST", "/v1/ingest?name=hostile_auth", 401, auth=False,
         chunks=(65536, 64), headers={"Content-Type": "multipart/form-data; boundary=x"}),
    case("no token: a chunked 4 MiB vector add", "POST", "/v1/vectors/index/hostile_seed/add", 401, auth=False,
         chunks=(65536, 64), headers=JSON),
    case("wrong token: a chunked 4 MiB trace", "POST", "/v1/pathway/traces", 401, chunks=(65536, 64),
         headers={**JSON, "Authorization": "Bearer wrong"}),
    case("no token: a chunked 4 MiB register", "POST", "/v1/catalog/register", 401, auth=False,
         chunks=(65536, 64), headers=JSON),

    # What stays open.
    case("health needs no token", "GET", "/v1/health", 200, auth=False, problem=False),
]
