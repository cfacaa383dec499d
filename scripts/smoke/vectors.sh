#!/usr/bin/env bash
# vectord (SPEC §7): create, add, exact re-query, filter, upsert, item get/delete, merge, stats,
# the stored LHV1 commit point, and the failures a client meets first. Re-runnable (smoke_ names).
source "$(dirname "$0")/lib.sh"

V=$(svc_url vectord)
S=$(svc_url storaged)
J=(-H 'Content-Type: application/json')

for idx in smoke_vec smoke_vec_dest; do lh_curl -X DELETE "$V/vectors/index/$idx" > /dev/null; done

lh_curl "${J[@]}" -X POST "$V/vectors/index" -d '{"name":"smoke_vec","dimension":4,"distance":"cosine"}' > /dev/null
expect_status 201 "create index"
lh_curl "${J[@]}" -X POST "$V/vectors/index" -d '{"name":"smoke_vec","dimension":4}' > /dev/null
expect_status 409 "create it again"
lh_curl "${J[@]}" -X POST "$V/vectors/index" -d '{"name":"smoke_bad","dimension":0}' > /dev/null
expect_status 422 "dimension 0 (out of range: 422, SPEC §2.5)"

lh_curl "${J[@]}" -X POST "$V/vectors/index/smoke_vec/add" -d '{"items":[
  {"id":"w-1","vector":[1,0,0,0],"metadata":{"team":"red"}},
  {"id":"w-2","vector":[0,1,0,0],"metadata":{"team":"blue"}},
  {"id":"w-3","vector":[0.9,0.1,0,0],"metadata":{"team":"blue"}},
  {"id":"w-4","vector":[0,0,1,0]}]}' > /dev/null
expect_status 200 "add 4 items"
[[ "$(json_get '["count"]')" == 4 ]] || fail "count after add is not 4"

lh_curl "${J[@]}" -X POST "$V/vectors/index/smoke_vec/add" -d '{"items":[{"id":"ok","vector":[1,1,1,1]},{"id":"bad","vector":[0,0,0,0]}]}' > /dev/null
expect_status 400 "a batch with a zero vector is refused whole"
json_get '["detail"]' | grep -q 'items\[1\]' || fail "the error does not name items[1]"

lh_curl "${J[@]}" -X POST "$V/vectors/index/smoke_vec/search" -d '{"vector":[1,0,0,0],"k":2}' > /dev/null
expect_status 200 "search"
[[ "$(json_get '["hits"][0]["id"]')" == "w-1" ]] || fail "exact re-query did not return w-1 first"
python3 -c "import sys; assert float(sys.argv[1]) < 1e-5" "$(json_get '["hits"][0]["distance"]')" || fail "exact re-query distance is not ~0"
pass "exact re-query returns w-1 at distance ~0"

lh_curl "${J[@]}" -X POST "$V/vectors/index/smoke_vec/search" -d '{"vector":[1,0,0,0],"k":2,"filter":{"team":"blue"}}' > /dev/null
expect_status 200 "filtered search"
[[ "$(json_get '["hits"].__len__()')" == 2 && "$(json_get '["hits"][0]["id"]')" == "w-3" ]] || fail "filter did not return the 2 blue items"

lh_curl "${J[@]}" -X POST "$V/vectors/index/smoke_vec/add" -d '{"items":[{"id":"w-1","vector":[1,0,0,0.1]}]}' > /dev/null
lh_curl "$V/vectors/index/smoke_vec/items/w-1" > /dev/null
expect_status 200 "get item"
[[ "$(json_get '["metadata"]["team"]')" == "red" ]] || fail "upsert without metadata lost the metadata"

lh_curl -X DELETE "$V/vectors/index/smoke_vec/items/w-4" > /dev/null
expect_status 204 "delete item"
lh_curl "$V/vectors/index/smoke_vec/items/w-4" > /dev/null
expect_status 404 "deleted item is gone"

lh_curl "${J[@]}" -X POST "$V/vectors/index" -d '{"name":"smoke_vec_dest","dimension":4}' > /dev/null
lh_curl "${J[@]}" -X POST "$V/vectors/index/smoke_vec/merge" -d '{"dest":"smoke_vec_dest"}' > /dev/null
expect_status 200 "merge"
[[ "$(json_get '["moved"]')" == 3 ]] || fail "merge did not move 3 items"
lh_curl "${J[@]}" -X POST "$V/vectors/index/smoke_vec/merge" -d '{"dest":"smoke_vec_dest"}' > /dev/null
[[ "$(json_get '["moved"]')" == 0 ]] || fail "a second merge moved items again"
pass "merge is idempotent"
lh_curl "${J[@]}" -X POST "$V/vectors/index/smoke_vec/merge" -d '{"dest":"smoke_vec"}' > /dev/null
expect_status 400 "self-merge"

lh_curl "$V/vectors/stats" > /dev/null
expect_status 200 "stats"
if [[ "$(json_get '["persistence"]')" == "storaged" ]]; then
  for _ in $(seq 1 50); do
    lh_curl "$V/vectors/stats" > /dev/null
    [[ "$(json_get '["indexes"]["smoke_vec"]["commit_pending"]')" == "False" ]] && break
    sleep 0.2
  done
  lh_curl "$S/storage/object/_vectors/smoke_vec.lhv1" > /dev/null
  expect_status 200 "the LHV1 commit point is in storaged"
  [[ "$(head -c 4 "$SMOKE_TMP/body")" == "LHV1" ]] || fail "commit point does not start with LHV1"
fi

lh_curl -X DELETE "$V/vectors/index/smoke_vec_dest" > /dev/null
lh_curl -X DELETE "$V/vectors/index/smoke_vec" > /dev/null
expect_status 204 "delete index"
lh_curl "$V/vectors/index/smoke_vec" > /dev/null
expect_status 404 "deleted index is gone"
