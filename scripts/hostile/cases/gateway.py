"""The gateway's own edge: routing, raw paths, methods, headers, the console (docs/gateway.md)."""
from hostile import case, rep

CASES = [
    case("unknown /v1 route", "GET", "/v1/nothing-here", expect=404),
    case("a prefix that only looks like a route", "GET", "/v1/sqlx", expect=404),
    case("a service name without /v1", "GET", "/catalog/list", expect=404),
    case("dot segment before the service path", "GET", "/v1/storage/../catalog/list", expect=400),
    case("encoded dot segment", "GET", "/v1/storage/%2e%2e/catalog/list", expect=400),
    case("encoded dot segment, upper case", "GET", "/v1/storage/%2E%2E/catalog/list", expect=400),
    # No service is named after /v1 when a dot segment or an empty one comes first: no route, 404.
    case("single dot segment", "GET", "/v1/./catalog/list", expect=404),
    case("doubled slash before /v1 is outside the API", "GET", "//v1/catalog/list", expect=404),
    case("doubled slash before the service path", "GET", "/v1//catalog/list", expect=404),
    case("POST on the fleet health", "POST", "/v1/health", json={}, expect=405),
    case("DELETE on the fleet health", "DELETE", "/v1/health", expect=405),
    case("the console's files are read-only", "POST", "/", body="x", headers={"Content-Type": "text/plain"},
         expect=404),
    case("a console file that does not exist", "GET", "/console/nope.js", auth=False, expect=404),
    # Tomcat refuses these itself, before any filter, with its own short page: not problem+json.
    case("a console path climbing out", "GET", "/console/../../etc/passwd", auth=False, expect=400,
         problem=False),
    case("an encoded climb in the console", "GET", "/console/%2e%2e/%2e%2e/etc/passwd", auth=False, expect=400,
         problem=False),
    case("no token on a service route", "GET", "/v1/catalog/list", auth=False, expect=401),
    case("wrong token", "GET", "/v1/catalog/list", headers={"Authorization": "Bearer " + rep("0", 64)},
         expect=401),
    case("Basic instead of Bearer", "GET", "/v1/catalog/list", headers={"Authorization": "Basic Zm9vOmJhcg=="},
         expect=401),
    case("an empty Bearer", "GET", "/v1/catalog/list", headers={"Authorization": "Bearer "}, expect=401),
    case("the token in the query string", "GET", "/v1/catalog/list?access_token=x", auth=False, expect=401),
]
