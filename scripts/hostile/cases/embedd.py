"""embedd: POST /v1/embed, GET /v1/embed/stats, GET /v1/embed/models (SPEC §8, §2.5)."""
from hostile import case, rep

J = {"Content-Type": "application/json"}

CASES = [
    case("no body", "POST", "/v1/embed", expect=400, headers=J),
    case("malformed JSON", "POST", "/v1/embed", body="{\"texts\":[\"a\"", headers=J, expect=400),
    case("texts missing", "POST", "/v1/embed", json={}, expect=400),
    case("texts empty", "POST", "/v1/embed", json={"texts": []}, expect=400),
    case("texts a string, not a list", "POST", "/v1/embed", json={"texts": "hello"}, expect=400),
    case("a text that is an object", "POST", "/v1/embed", json={"texts": [{"a": 1}]}, expect=400),
    case("a null text", "POST", "/v1/embed", json={"texts": ["ok", None]}, expect=400),
    case("a blank text", "POST", "/v1/embed", json={"texts": ["ok", "   "]}, expect=400),
    case("one text over max_text_bytes", "POST", "/v1/embed", json={"texts": [rep("x", 65537)]}, expect=413),
    case("multibyte text over max_text_bytes", "POST", "/v1/embed", json={"texts": [rep("é", 32769)]},
         expect=413),
    case("more texts than max_batch", "POST", "/v1/embed", json={"texts": ["t%d" % i for i in range(1025)]},
         expect=400),
    case("unknown model", "POST", "/v1/embed", json={"texts": ["ok"], "model": "nomic-embed-text"}, expect=400),
    case("model a path", "POST", "/v1/embed", json={"texts": ["ok"], "model": "../../etc/passwd"}, expect=400),
    case("model over a kilobyte", "POST", "/v1/embed", json={"texts": ["ok"], "model": rep("m", 5000)},
         expect=400),
    case("body over max_body_bytes (declared)", "POST", "/v1/embed", body=rep(b"x", 8388609), headers=J,
         expect=413),
    case("chunked body over max_body_bytes", "POST", "/v1/embed", body='{"texts":["', chunks=(65536, 130), headers=J, expect=413),
    case("text/plain body", "POST", "/v1/embed", body="texts=a", headers={"Content-Type": "text/plain"},
         expect=415),
    case("deeply nested JSON", "POST", "/v1/embed", body="{\"texts\":" + rep("[", 5000) + rep("]", 5000) + "}",
         headers=J, expect=400),
    case("GET on the POST route", "GET", "/v1/embed", expect=405),
    case("PUT on the POST route", "PUT", "/v1/embed", json={"texts": ["a"]}, expect=405),
    case("DELETE on stats", "DELETE", "/v1/embed/stats", expect=405),
    case("POST on models", "POST", "/v1/embed/models", json={}, expect=405),
    case("unknown embedd route", "GET", "/v1/embed/nothing", expect=404),
    case("no token", "POST", "/v1/embed", json={"texts": ["a"]}, auth=False, expect=401),
]
