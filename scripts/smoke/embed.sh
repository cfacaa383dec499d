#!/usr/bin/env bash
# embedd (SPEC §8): text -> vectors in input order, the cache, the models list, bad input.
# Through the gateway (LH_GATEWAY/v1) by default; LH_VIA_GATEWAY=0 talks to embedd's own port
# (LH_EMBEDD_URL overrides it). Re-runnable: it only reads stats deltas and embeds its own texts.
source "$(dirname "$0")/lib.sh"

if [[ "${LH_VIA_GATEWAY:-1}" == "0" ]]; then BASE=$(svc_url embedd); else BASE="$LH_GATEWAY/v1"; fi
JSON=(-H 'Content-Type: application/json')
RUN="smoke_$$_$(date +%s)"

lh_curl "$BASE/embed/models" > /dev/null
expect_status 200 "GET /embed/models"
MODEL=$(json_get '["default_model"]')
DIM=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(next(m["dimension"] for m in d["models"] if m["name"]==d["default_model"]))' "$SMOKE_TMP/body")
[[ "$DIM" -gt 0 ]] || fail "default model $MODEL has no dimension"
pass "default model $MODEL, ${DIM}-d"

lh_curl "$BASE/embed/stats" > /dev/null
expect_status 200 "GET /embed/stats"
cp "$SMOKE_TMP/body" "$SMOKE_TMP/stats_before"

A="forklift operator with OSHA certification $RUN"
B="warehouse forklift driver, safety certified $RUN"
C="pastry chef for a french bakery $RUN"
lh_curl "${JSON[@]}" -X POST "$BASE/embed" -d "{\"texts\":[\"$A\",\"$B\",\"$C\"]}" > /dev/null
expect_status 200 "POST /embed with 3 texts"
cp "$SMOKE_TMP/body" "$SMOKE_TMP/first"
python3 - "$SMOKE_TMP/first" "$DIM" "$MODEL" <<'PY' || fail "vectors are not what SPEC §8 says"
import json, math, sys
d = json.load(open(sys.argv[1])); dim = int(sys.argv[2])
assert d["model"] == sys.argv[3] and d["dimension"] == dim, d.get("model")
v = d["vectors"]
assert len(v) == 3 and all(len(x) == dim for x in v), "3 vectors of the model's dimension"
if d["model"] == "all-minilm-l6-v2":
    assert all(abs(math.sqrt(sum(a * a for a in x)) - 1) < 1e-4 for x in v), "unit length"
    dot = lambda a, b: sum(p * q for p, q in zip(a, b))
    assert dot(v[0], v[1]) > dot(v[0], v[2]), "forklift phrases closer than the pastry chef"
PY
pass "3 vectors, ${DIM}-d, in order"

# Same texts reversed: all cache hits (when the cache is on) and the vectors follow the input order.
lh_curl "${JSON[@]}" -X POST "$BASE/embed" -d "{\"texts\":[\"$C\",\"$B\",\"$A\"],\"model\":\"$MODEL\"}" > /dev/null
expect_status 200 "POST /embed reversed, model named"
python3 - "$SMOKE_TMP/first" "$SMOKE_TMP/body" <<'PY' || fail "reversed request did not return reversed vectors"
import json, sys
a = json.load(open(sys.argv[1]))["vectors"]; b = json.load(open(sys.argv[2]))["vectors"]
assert b == a[::-1]
PY
pass "reversed input gives reversed vectors"

lh_curl "$BASE/embed/stats" > /dev/null
python3 - "$SMOKE_TMP/stats_before" "$SMOKE_TMP/body" <<'PY' || fail "stats did not count the lookups"
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
looked = (b["hits"] + b["misses"]) - (a["hits"] + a["misses"])
assert looked >= 6, looked
if b["capacity"] > 0:
    assert b["hits"] - a["hits"] >= 3, "the repeat was served from the cache"
for k in ("hit_rate", "size", "capacity"):
    assert k in b, k
PY
pass "stats counted 6 lookups"

for bad in '{"texts":[]}' '{"texts":["ok",""]}' '{"texts":["ok"],"model":"smoke_no_such_model"}' '{"texts":'; do
  lh_curl "${JSON[@]}" -X POST "$BASE/embed" -d "$bad" > /dev/null
  expect_status 400 "bad input $bad"
done
python3 -c 'import json; print(json.dumps({"texts": ["t%d" % i for i in range(1025)]}))' > "$SMOKE_TMP/too_many.json"
lh_curl "${JSON[@]}" -X POST "$BASE/embed" --data-binary "@$SMOKE_TMP/too_many.json" > /dev/null
expect_status 400 "1025 texts (over max_batch)"
