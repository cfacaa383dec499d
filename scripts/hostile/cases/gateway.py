"""The gateway's own edge: routing, raw paths, headers, fleet health."""
from hostile import case, rep

CASES = [
    case("unknown /v1 route", "GET", "/v1/nothing-here", expect=404),
    case("a prefix that only looks like a route", "GET", "/v1/sqlx", expect=404),
    case("dot segment before the service path", "GET", "/v1/storage/../catalog/list", expect=400),
    case("encoded dot segment", "GET", "/v1/storage/%2e%2e/catalog/list", expect=400),
    case("doubled slash before /v1 is outside the API", "GET", "//v1/catalog/list", expect=404),
    case("doubled slash before the service path", "GET", "/v1//catalog/list", expect=400),
]
