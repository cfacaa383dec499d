#!/usr/bin/env bash
# mcpd (SPEC §11) driven by the TypeScript reference client (@modelcontextprotocol/sdk, installed
# with npm into the smoke's temp dir) against the booted fleet (LH_GATEWAY): it ingests a small CSV
# and builds a vector index through the gateway, then lists tools, queries the dataset, searches
# the index by text and checks the error paths over MCP. Needs node >= 18, npm and a JDK >= 21.
# Re-runnable: it replaces smoke_mcp and recreates smoke_mcp_idx. LH_MCPD_JAR overrides the jar.
source "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../lib/jdk.sh
source "$ROOT/scripts/lib/jdk.sh"

JAVA=$(find_java) || fail "no JDK >= 21 found (set JAVA_HOME)"
MCPD_JAR=${LH_MCPD_JAR:-$ROOT/mcpd/target/mcpd-0.1.0-exec.jar}
[[ -f "$MCPD_JAR" ]] || fail "$MCPD_JAR is missing: ./mvnw -q -pl mcpd package -DskipTests"
command -v node > /dev/null && command -v npm > /dev/null || fail "node and npm are needed for the reference client"
BASE="$LH_GATEWAY/v1"
JSON=(-H 'Content-Type: application/json')
DATASET=smoke_mcp
INDEX=smoke_mcp_idx
RUN="smoke_mcp_run_$$_$(date +%s)"

# A small CSV with one long text cell (to see it cut in the text block).
LONG=$(printf 'y%.0s' $(seq 1 300))
cat > "$SMOKE_TMP/smoke_mcp.csv" << CSV
id,name,role,notes
1,Ana,forklift operator,"OSHA certified, night shift"
2,Ben,pastry chef,$LONG
3,Cy,warehouse lead,"likes ""quotes"""
CSV
lh_curl -X POST "$BASE/ingest?name=$DATASET&mode=replace" -F "file=@$SMOKE_TMP/smoke_mcp.csv" > /dev/null
[[ "$(last_status)" == 200 || "$(last_status)" == 201 ]] || fail "ingest $DATASET (HTTP $(last_status))"
pass "ingested $DATASET through the gateway ($(last_status))"

# A vector index of the embedding model's dimension, with three embedded texts.
lh_curl "$BASE/embed/models" > /dev/null
expect_status 200 "GET /v1/embed/models"
DIM=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(next(m["dimension"] for m in d["models"] if m["name"]==d["default_model"]))' "$SMOKE_TMP/body")
lh_curl -X DELETE "$BASE/vectors/index/$INDEX" > /dev/null
[[ "$(last_status)" == 204 || "$(last_status)" == 404 ]] || fail "delete old $INDEX (HTTP $(last_status))"
lh_curl "${JSON[@]}" -X POST "$BASE/vectors/index" -d "{\"name\":\"$INDEX\",\"dimension\":$DIM,\"distance\":\"cosine\"}" > /dev/null
expect_status 201 "create $INDEX (${DIM}-d)"
lh_curl "${JSON[@]}" -X POST "$BASE/embed" \
  -d '{"texts":["forklift operator moving pallets in a warehouse","pastry chef baking bread and croissants","accountant preparing quarterly tax reports"]}' > /dev/null
expect_status 200 "embed 3 texts"
python3 - "$SMOKE_TMP/body" > "$SMOKE_TMP/items.json" << 'PY'
import json, sys
v = json.load(open(sys.argv[1]))["vectors"]
ids = [("smoke_forklift", "logistics"), ("smoke_baker", "food"), ("smoke_accountant", "finance")]
print(json.dumps({"items": [{"id": i, "vector": x, "metadata": {"kind": k}} for (i, k), x in zip(ids, v)]}))
PY
lh_curl "${JSON[@]}" -X POST "$BASE/vectors/index/$INDEX/add" --data-binary "@$SMOKE_TMP/items.json" > /dev/null
expect_status 200 "add 3 items to $INDEX"

# The reference client, installed fresh into the smoke's scratch dir (npm's cache makes re-runs quick).
NODE_DIR="$SMOKE_TMP/node"
mkdir -p "$NODE_DIR"
cp "$(dirname "$0")/mcp/client.mjs" "$NODE_DIR/"
echo '{"name":"lakehouse-mcp-smoke","private":true,"type":"module"}' > "$NODE_DIR/package.json"
if ! (cd "$NODE_DIR" && npm install --no-audit --no-fund --loglevel=error '@modelcontextprotocol/sdk@^1.32.0' > "$SMOKE_TMP/npm.log" 2>&1); then
  tail -n 20 "$SMOKE_TMP/npm.log" >&2
  fail "npm install @modelcontextprotocol/sdk"
fi
pass "installed @modelcontextprotocol/sdk $(node -p "require('$NODE_DIR/node_modules/@modelcontextprotocol/sdk/package.json').version")"

JAVA="$JAVA" MCPD_JAR="$MCPD_JAR" LH_GATEWAY="$LH_GATEWAY" SMOKE_DATASET="$DATASET" SMOKE_INDEX="$INDEX" \
  SMOKE_ROWS=3 SMOKE_RUN="$RUN" node "$NODE_DIR/client.mjs" || fail "the MCP client run above"
echo "smoke: $SMOKE_NAME passed"
