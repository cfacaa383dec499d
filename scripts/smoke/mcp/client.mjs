// Drives mcpd with the TypeScript reference client (@modelcontextprotocol/sdk) over stdio:
// lists tools, queries the dataset the smoke ingested, searches the index by text, and checks
// the error paths. The client also validates every structuredContent against the tool's
// outputSchema, so a schema mismatch fails here. Prints "ok" lines; exits non-zero on a failure.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const { JAVA, MCPD_JAR, LH_GATEWAY, SMOKE_DATASET, SMOKE_INDEX, SMOKE_ROWS, SMOKE_RUN } = process.env;

const ok = (what) => console.log(`  ok   ${what}`);
function check(condition, what, detail) {
  if (!condition) {
    console.error(`  FAIL ${what}${detail === undefined ? "" : ": " + JSON.stringify(detail).slice(0, 600)}`);
    process.exit(1);
  }
  ok(what);
}
const text = (result) => result.content.filter((c) => c.type === "text").map((c) => c.text).join("\n");

const transport = new StdioClientTransport({
  command: JAVA,
  args: ["-Xmx128m", "-jar", MCPD_JAR, "--gateway", LH_GATEWAY],
  env: { ...process.env }, // AUTH_TOKEN (if set) reaches mcpd
  stderr: "pipe",
});
let stderr = "";
transport.stderr?.on("data", (chunk) => { stderr += chunk; });
const client = new Client({ name: "lakehouse-smoke", version: "1.0.0" });
await client.connect(transport);
check(client.getServerVersion()?.name === "lakehouse", "initialize: server is lakehouse", client.getServerVersion());

const { tools } = await client.listTools();
const names = tools.map((t) => t.name);
const expected = ["list_datasets", "get_manifest", "query_sql", "embed_text", "search_vectors", "memory_add", "memory_search"];
check(expected.every((n) => names.includes(n)), `tools/list: ${names.join(", ")}`, names);
check(tools.every((t) => t.inputSchema?.type === "object" && t.outputSchema?.type === "object"),
  "every tool has input and output schemas");

async function call(name, args) {
  return client.callTool({ name, arguments: args });
}

let r = await call("list_datasets", {});
check(!r.isError && r.structuredContent.datasets.some((d) => d.name === SMOKE_DATASET),
  `list_datasets shows ${SMOKE_DATASET}`, text(r));

r = await call("get_manifest", { name: SMOKE_DATASET });
check(!r.isError && r.structuredContent.row_count === Number(SMOKE_ROWS) && r.structuredContent.version >= 1,
  `get_manifest ${SMOKE_DATASET}: ${r.structuredContent?.row_count} rows, v${r.structuredContent?.version}`, text(r));

r = await call("query_sql", { sql: `SELECT count(*) AS n, max(length(notes)) AS longest FROM ${SMOKE_DATASET}` });
check(!r.isError && Number(r.structuredContent.rows[0][0]) === Number(SMOKE_ROWS),
  `query_sql counts ${SMOKE_ROWS} rows`, text(r));

r = await call("query_sql", { sql: `SELECT * FROM ${SMOKE_DATASET} ORDER BY id`, max_rows: 2 });
check(!r.isError && r.structuredContent.row_count === 2 && r.structuredContent.truncated === true
  && text(r).includes("TRUNCATED"), "query_sql max_rows 2 is truncated and says so", text(r));
check(!text(r).includes("y".repeat(201)) && text(r).includes("chars)"), "a long text cell is cut in the text block", text(r));

r = await call("query_sql", { sql: "SELEC 1" });
check(r.isError === true && /^query_sql failed: bad request \(400\)/.test(text(r)) && !text(r).includes("\n"),
  "a SQL error is a one-line tool error", text(r));
r = await call("query_sql", { sql: `COPY ${SMOKE_DATASET} TO '/tmp/smoke_mcp_escape.csv'` });
check(r.isError === true && text(r).includes("(403)"), "a sandbox refusal is a tool error (403)", text(r));
r = await call("get_manifest", { name: "smoke_no_such_dataset" });
check(r.isError === true && text(r).includes("(404)"), "an unknown dataset is a tool error (404)", text(r));

r = await call("embed_text", { texts: ["forklift operator", "pastry chef"] });
check(!r.isError && r.structuredContent.vectors.length === 2 && r.structuredContent.dimension > 0
  && !text(r).includes("["), `embed_text: 2 vectors of ${r.structuredContent?.dimension} dims, summary only in text`, text(r));

r = await call("search_vectors", { index: SMOKE_INDEX, text: "drives a forklift in a warehouse", k: 2 });
check(!r.isError && r.structuredContent.hits[0]?.id === "smoke_forklift",
  `search_vectors by text: nearest is ${r.structuredContent?.hits?.[0]?.id}`, text(r));
r = await call("search_vectors", { index: SMOKE_INDEX, text: "bakes bread", k: 3, filter: { kind: "food" } });
check(!r.isError && r.structuredContent.hits.length === 1 && r.structuredContent.hits[0].id === "smoke_baker",
  "search_vectors with a metadata filter", text(r));
// The hybrid syntax in one statement: vector_search joined to the dataset, with a metadata filter.
r = await call("query_sql", { sql: `SELECT d.name, v.kind, v.rank FROM vector_search('${SMOKE_INDEX}', 'drives a forklift', 3, '{"kind":"logistics"}') v `
  + `JOIN ${SMOKE_DATASET} d ON d.role = 'forklift operator' WHERE v.id = 'smoke_forklift'` });
check(!r.isError && r.structuredContent.row_count === 1 && r.structuredContent.rows[0][0] === "Ana"
  && r.structuredContent.rows[0][1] === "logistics", "query_sql: vector_search joined to a dataset in one statement", text(r));
check(tools.find((t) => t.name === "query_sql").description.includes("vector_search(")
  && tools.find((t) => t.name === "query_sql").description.includes("dataset('workers', 2)"),
  "query_sql's description teaches dataset() and vector_search()");
r = await call("list_versions", { name: SMOKE_DATASET });
check(!r.isError && r.structuredContent.versions.length >= 1, `list_versions: ${r.structuredContent?.versions?.length} version(s)`, text(r));
const oldest = r.structuredContent.versions[0].version;
r = await call("query_sql", { sql: `SELECT count(*) FROM dataset('${SMOKE_DATASET}', ${oldest})` });
check(!r.isError && Number(r.structuredContent.rows[0][0]) >= 1, `query_sql over dataset('${SMOKE_DATASET}', ${oldest})`, text(r));
r = await call("search_vectors", { index: "smoke_no_such_index", text: "x" });
check(r.isError === true && text(r).includes("(404)"), "an unknown index is a tool error (404)", text(r));

r = await call("memory_add", { content: `mcp smoke note ${SMOKE_RUN}`, tags: ["smoke_mcp"] });
check(!r.isError && typeof r.structuredContent.uid === "string", `memory_add stored ${r.structuredContent?.uid}`, text(r));
const uid = r.structuredContent.uid;
r = await call("memory_search", { query: SMOKE_RUN, limit: 5 });
check(!r.isError && r.structuredContent.results.some((x) => x.trace.uid === uid), "memory_search finds it", text(r));

let unknownRejected = false;
try {
  await call("smoke_no_such_tool", {});
} catch (e) {
  unknownRejected = e.code === -32602;
}
check(unknownRejected, "an unknown tool is a JSON-RPC error (-32602)");

const pid = transport.pid;
const started = Date.now();
await client.close();
const closeMs = Date.now() - started;
let alive = true;
try { process.kill(pid, 0); } catch { alive = false; }
check(!alive && closeMs < 2000, `mcpd exited on stdin EOF in ${closeMs} ms (before the client's SIGTERM)`);
check(stderr.includes("mcpd serving over stdio"), "mcpd logged to stderr");
