"""observerd through the gateway (/v1/observer/**, /v1/journal/**): every route, every bound (SPEC §2.5),
and no outside caller posing as a fleet service (issue 20)."""

from hostile import case, rep

OBS = "/v1/observer/event"
JE = "/v1/journal/events"


def deep(n):
    return rep("[", n) + "1" + rep("]", n)


def event(**members):
    e = {"entity_type": "hostile", "entity_id": "h1", "action": "poke"}
    e.update(members)
    return e


JSON = {"Content-Type": "application/json"}

CASES = [
    # observer: posing as a service, bounds
    case("observer: source names a fleet service", "POST", OBS, 403, json={"source": "catalogd", "kind": "x"}),
    case("observer: source names a fleet service, other case and spaces", "POST", OBS, 403,
         json={"source": " Pathway ", "kind": "x"}),
    case("observer: forged X-Lakehouse-Service (stripped by the gateway)", "POST", OBS, 403,
         json={"source": "vectord", "kind": "x"}, headers={"X-Lakehouse-Service": "vectord"}),
    case("observer: source of 300 bytes (observer_max_name_bytes 256)", "POST", OBS, 413,
         json={"source": rep("s", 300), "kind": "x"}),
    case("observer: kind of 300 bytes", "POST", OBS, 413, json={"source": "me", "kind": rep("k", 300)}),
    case("observer: payload of 70000 bytes (observer_max_payload_bytes 65536)", "POST", OBS, 413,
         json={"source": "me", "kind": "x", "payload": {"p": rep("p", 70000)}}),
    case("observer: payload nested 33 deep (observer_max_payload_depth 32)", "POST", OBS, 422,
         body='{"source":"me","kind":"x","payload":' + deep(33) + '}', headers=JSON),
    case("observer: a bare array nested 40 deep", "POST", OBS, 422, body=deep(40), headers=JSON),
    case("observer: nested 5000 deep (refused by the parser)", "POST", OBS, 400, body=deep(5000), headers=JSON),
    case("observer: malformed JSON", "POST", OBS, 400, body='{"source":', headers=JSON),
    case("observer: empty body", "POST", OBS, 400, body=b"", headers=JSON),
    case("observer: chunked body over max_body_bytes (one long JSON string)", "POST", OBS, 413, chunks=(65536, 260),
         body='{"source":"me","payload":"', headers=JSON),
    case("observer: no token", "POST", OBS, 401, json={"source": "me", "kind": "x"}, auth=False),
    case("observer: events limit 0", "GET", "/v1/observer/events?limit=0", 400),
    case("observer: events limit past the ring", "GET", "/v1/observer/events?limit=10001", 400),
    case("observer: events limit not a number", "GET", "/v1/observer/events?limit=abc", 400),
    case("observer: POST /events", "POST", "/v1/observer/events", 405, json={}),
    case("observer: GET /event", "GET", OBS, 405),
    case("observer: unknown route", "GET", "/v1/observer/nothing-here", 404),
    # journal: posing as a service
    case("journal: source names a fleet service", "POST", JE, 403, json={"events": [event(source="catalogd")]}),
    case("journal: second event names a fleet service", "POST", JE, 403,
         json={"events": [event(source="me"), event(source="INGESTD")]}),
    case("journal: forged X-Lakehouse-Service (stripped by the gateway)", "POST", JE, 403,
         json={"events": [event(source="vectord")]}, headers={"X-Lakehouse-Service": "vectord"}),
    # journal: bounds
    case("journal: 10001 events (journal_max_events 10000)", "POST", JE, 413,
         json={"events": [event() for _ in range(10001)]}),
    case("journal: entity_id of 1025 bytes (journal_max_name_bytes 1024)", "POST", JE, 413,
         json={"events": [event(entity_id=rep("i", 1025))]}),
    case("journal: action of 2000 bytes", "POST", JE, 413, json={"events": [event(action=rep("a", 2000))]}),
    case("journal: actor of 2000 bytes", "POST", JE, 413, json={"events": [event(actor=rep("a", 2000))]}),
    case("journal: source of 2000 bytes", "POST", JE, 413, json={"events": [event(source=rep("s", 2000))]}),
    case("journal: field of 2000 bytes", "POST", JE, 413, json={"events": [event(field=rep("f", 2000))]}),
    case("journal: new_value of 1.1 MB (journal_max_value_bytes)", "POST", JE, 413,
         json={"events": [event(new_value='"' + rep("v", 1100000) + '"')]}),
    case("journal: new_value nested 65 deep (journal_max_value_depth 64)", "POST", JE, 422,
         json={"events": [event(new_value=deep(65))]}),
    case("journal: old_value nested 65 deep", "POST", JE, 422, json={"events": [event(old_value=deep(65))]}),
    # journal: shape
    case("journal: no events", "POST", JE, 400, json={"events": []}),
    case("journal: events missing", "POST", JE, 400, json={}),
    case("journal: a null event", "POST", JE, 400, json={"events": [None]}),
    case("journal: events not a list", "POST", JE, 400, json={"events": "x"}),
    case("journal: entity_type missing", "POST", JE, 400, json={"events": [{"entity_id": "h", "action": "a"}]}),
    case("journal: a timestamp that is not an instant", "POST", JE, 400,
         json={"events": [event(timestamp="yesterday")]}),
    case("journal: malformed JSON", "POST", JE, 400, body='{"events":[', headers=JSON),
    case("journal: no token", "POST", JE, 401, json={"events": [event()]}, auth=False),
    # journal: reads and methods
    case("journal: entity limit 0", "GET", "/v1/journal/entity/h1?limit=0", 400),
    case("journal: recent limit past 10000", "GET", "/v1/journal/recent?limit=10001", 400),
    case("journal: GET /events", "GET", JE, 405),
    case("journal: DELETE /stats", "DELETE", "/v1/journal/stats", 405),
    case("journal: GET /flush", "GET", "/v1/journal/flush", 405),
]
