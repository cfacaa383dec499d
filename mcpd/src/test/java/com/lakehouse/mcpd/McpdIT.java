package com.lakehouse.mcpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real mcpd process ({@code java -jar mcpd-0.1.0-exec.jar}) driven over stdio by the MCP Java
 * SDK's client, against a real HTTP server answering the gateway's routes ({@link FakeGateway}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpdIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FakeGateway gateway;
    private McpSyncClient client;

    @BeforeAll
    void start() throws IOException {
        gateway = new FakeGateway();
        // A custom --token-env here; the default AUTH_TOKEN is exercised by the 401 test.
        client = client(List.of("--gateway", gateway.url(), "--token-env", "LH_MCP_TOKEN"),
                Map.of("LH_MCP_TOKEN", FakeGateway.TOKEN, "AUTH_TOKEN", ""));
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.closeGracefully();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @BeforeEach
    void clear() {
        gateway.clearRequests();
    }

    @Test
    void listsEveryToolWithDescribedInputsAndOutputSchemas() {
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactly("list_datasets", "get_manifest",
                "query_sql", "embed_text", "search_vectors", "memory_add", "memory_search", "list_versions");
        for (McpSchema.Tool tool : tools) {
            JsonNode definition = JSON.valueToTree(tool);
            assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(40);
            assertThat(definition.at("/inputSchema/type").asString()).isEqualTo("object");
            assertThat(definition.at("/outputSchema/type").asString()).as(tool.name()).isEqualTo("object");
            definition.at("/inputSchema/properties").properties().forEach(p ->
                    assertThat(p.getValue().path("description").asString()).as(tool.name() + "." + p.getKey()).isNotBlank());
        }
        JsonNode query = JSON.valueToTree(tools.get(2));
        assertThat(query.at("/inputSchema/required").toString()).isEqualTo("[\"sql\"]");
        assertThat(query.at("/inputSchema/properties/max_rows/default").asInt()).isEqualTo(100);
        assertThat(query.at("/outputSchema/properties/truncated/type").asString()).isEqualTo("boolean");
        JsonNode search = JSON.valueToTree(tools.get(4));
        assertThat(search.at("/inputSchema/properties").propertyNames())
                .containsExactly("index", "k", "text", "vector", "filter");
        // query_sql teaches both of queryd's syntaxes with an example each
        assertThat(tools.get(2).description()).contains("dataset('workers', 2)").contains("dataset_diff(")
                .contains("vector_search('resumes', 'forklift driver with safety certification', 20");
    }

    @Test
    void listVersionsNamesEveryVersionAndHowToQueryIt() {
        CallToolResult result = call("list_versions", Map.of("name", "staffing_candidates"));
        assertThat(result.isError()).isFalse();
        assertThat(structured(result).at("/versions/0/version").asInt()).isEqualTo(1);
        assertThat(structured(result).at("/versions/1/version").asInt()).isEqualTo(2);
        assertThat(structured(result).at("/versions/0/row_count").asInt()).isEqualTo(100);
        assertThat(text(result)).contains("- v1: 100 rows").contains("dataset('staffing_candidates', 2)");
        assertThat(gateway.requests()).singleElement().satisfies(r ->
                assertThat(r.path()).isEqualTo("/v1/catalog/manifest/staffing_candidates/versions"));
    }

    @Test
    void listDatasetsSummarisesTheCatalogWithTheToken() {
        CallToolResult result = call("list_datasets", Map.of());
        assertThat(result.isError()).isFalse();
        JsonNode structured = structured(result);
        assertThat(structured.at("/datasets/0/name").asString()).isEqualTo("staffing_candidates");
        assertThat(structured.at("/datasets/0/row_count").asInt()).isEqualTo(FakeGateway.TABLE_ROWS);
        assertThat(structured.at("/datasets/0/columns/1/type").asString()).isEqualTo("VARCHAR");
        assertThat(structured.at("/catalog_version").asInt()).isEqualTo(3);
        assertThat(text(result)).contains("staffing_candidates v2, 250 rows: id BIGINT, name VARCHAR, notes VARCHAR");
        assertThat(gateway.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/v1/catalog/list");
            assertThat(r.authorization()).isEqualTo("Bearer " + FakeGateway.TOKEN);
        });
    }

    @Test
    void getManifestReturnsTheManifestAndNamesAnUnknownDataset() {
        CallToolResult result = call("get_manifest", Map.of("name", "staffing_candidates"));
        assertThat(result.isError()).isFalse();
        assertThat(structured(result).at("/schema_fingerprint").asString()).hasSize(64);
        assertThat(text(result)).contains("staffing_candidates v2").contains("notes VARCHAR").contains("id BIGINT NOT NULL");

        CallToolResult missing = call("get_manifest", Map.of("name", "no_such_set"));
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).isEqualTo("get_manifest failed: not found (404): dataset 'no_such_set' is not registered");
        assertThat(missing.structuredContent()).isNull();
    }

    @Test
    void querySqlReturnsBoundedRowsAndSaysWhenTruncated() {
        CallToolResult result = call("query_sql", Map.of("sql", "SELECT * FROM staffing_candidates"));
        assertThat(result.isError()).isFalse();
        assertThat(gateway.requests().getFirst().body()).containsEntry("max_rows", 100);
        JsonNode structured = structured(result);
        assertThat(structured.at("/row_count").asInt()).isEqualTo(100);
        assertThat(structured.at("/rows").size()).isEqualTo(100);
        assertThat(structured.at("/truncated").asBoolean()).isTrue();
        assertThat(structured.at("/rows/1/2").isNull()).isTrue();
        String text = text(result);
        assertThat(text).startsWith("100 rows").contains("| id | name | notes |")
                .contains("| 1 | candidate 1 | forklift\\|certified |")
                .contains("TRUNCATED: the query has more than 100 rows").contains("raise max_rows (up to 1000)");

        CallToolResult few = call("query_sql", Map.of("sql", "SELECT * FROM staffing_candidates", "max_rows", 5));
        assertThat(structured(few).at("/rows").size()).isEqualTo(5);

        gateway.clearRequests();
        CallToolResult capped = call("query_sql", Map.of("sql", "SELECT * FROM staffing_candidates", "max_rows", 5000));
        assertThat(gateway.requests().getFirst().body()).containsEntry("max_rows", 1000);
        assertThat(structured(capped).at("/truncated").asBoolean()).isFalse();
        assertThat(structured(capped).at("/row_count").asInt()).isEqualTo(FakeGateway.TABLE_ROWS);
        assertThat(text(capped)).contains("max_rows 5000 was capped to 1000").doesNotContain("TRUNCATED");
    }

    @Test
    void querySqlCutsLongTextCells() {
        CallToolResult result = call("query_sql", Map.of("sql", "SELECT id, long_text FROM docs"));
        String text = text(result);
        assertThat(text).contains("x".repeat(200) + "… (10000 chars)").doesNotContain("x".repeat(201));
        assertThat(text).contains("1 text cell(s) longer than 200 characters are cut here");
        String cell = structured(result).at("/rows/0/1").asString();
        assertThat(cell).startsWith("x".repeat(4000)).endsWith("… (10000 chars)").hasSizeLessThan(4100);
        assertThat(structured(result).at("/shortened_cells").asInt()).isEqualTo(1);
    }

    @Test
    void querySqlErrorsAreOneLineToolErrors() {
        CallToolResult syntax = call("query_sql", Map.of("sql", "SELEC 1"));
        assertThat(syntax.isError()).isTrue();
        assertThat(text(syntax)).isEqualTo("query_sql failed: bad request (400): Parser Error: syntax error at or near "
                + "\"SELEC\" LINE 1: SELEC 1 ^").doesNotContain("\n");

        CallToolResult refused = call("query_sql", Map.of("sql", "COPY staffing_candidates TO '/tmp/x.csv'"));
        assertThat(refused.isError()).isTrue();
        assertThat(text(refused)).startsWith("query_sql failed: refused (403): only read-only statements run")
                .endsWith("COPY is refused");

        CallToolResult noSql = call("query_sql", Map.of("max_rows", 5));
        assertThat(noSql.isError()).isTrue();
        assertThat(text(noSql)).contains("sql");
    }

    @Test
    void embedTextPutsVectorsInStructuredContentOnly() {
        CallToolResult result = call("embed_text", Map.of("texts", List.of("forklift operator", "pastry chef")));
        assertThat(result.isError()).isFalse();
        JsonNode structured = structured(result);
        assertThat(structured.at("/dimension").asInt()).isEqualTo(FakeGateway.DIMENSION);
        assertThat(structured.at("/count").asInt()).isEqualTo(2);
        assertThat(structured.at("/vectors/1/0").asDouble())
                .isEqualTo(FakeGateway.vectorOf("pastry chef").getFirst());
        assertThat(text(result)).isEqualTo("Embedded 2 texts with model all-minilm-l6-v2 into 4-dimensional vectors; "
                + "they are in structuredContent.vectors, in input order.");

        CallToolResult empty = call("embed_text", Map.of("texts", List.of()));
        assertThat(empty.isError()).isTrue();
    }

    @Test
    void searchVectorsByTextEmbedsFirst() {
        Map<String, Object> args = new HashMap<>();
        args.put("index", "candidates");
        args.put("text", "warehouse forklift experience");
        args.put("k", 2);
        args.put("filter", Map.of("city", "Austin"));
        CallToolResult result = call("search_vectors", args);
        assertThat(result.isError()).isFalse();
        List<FakeGateway.Recorded> requests = gateway.requests();
        assertThat(requests).extracting(FakeGateway.Recorded::path)
                .containsExactly("/v1/embed", "/v1/vectors/index/candidates/search");
        assertThat(requests.get(1).body()).containsEntry("vector", FakeGateway.vectorOf("warehouse forklift experience"))
                .containsEntry("k", 2).containsEntry("filter", Map.of("city", "Austin"));
        assertThat(structured(result).at("/hits").size()).isEqualTo(2);
        assertThat(structured(result).at("/query").asString()).isEqualTo("text");
        assertThat(text(result)).contains("2 hit(s) in index candidates").contains("1. cand-0 (distance 0.1000)");
    }

    @Test
    void searchVectorsByVectorAndItsFailures() {
        CallToolResult byVector = call("search_vectors", Map.of("index", "candidates", "vector", List.of(0.1, 0.2, 0.3, 0.4)));
        assertThat(byVector.isError()).isFalse();
        assertThat(gateway.requests()).extracting(FakeGateway.Recorded::path)
                .containsExactly("/v1/vectors/index/candidates/search");

        CallToolResult both = call("search_vectors", Map.of("index", "candidates", "text", "a", "vector", List.of(1.0)));
        assertThat(both.isError()).isTrue();
        assertThat(text(both)).contains("exactly one of 'text'");
        CallToolResult neither = call("search_vectors", Map.of("index", "candidates"));
        assertThat(neither.isError()).isTrue();

        CallToolResult unknown = call("search_vectors", Map.of("index", "nope", "vector", List.of(0.1, 0.2, 0.3, 0.4)));
        assertThat(text(unknown)).isEqualTo("search_vectors failed: not found (404): vector index 'nope' does not exist");
        CallToolResult wrongDimension = call("search_vectors", Map.of("index", "candidates", "vector", List.of(0.1)));
        assertThat(text(wrongDimension)).contains("bad request (400): vector has 1 dimensions");
    }

    @Test
    void memoryAddThenSearchFindsIt() {
        CallToolResult added = call("memory_add", Map.of("content", "Acme prefers night-shift forklift operators",
                "tags", List.of("client:acme")));
        assertThat(added.isError()).isFalse();
        String uid = structured(added).at("/uid").asString();
        assertThat(text(added)).isEqualTo("Stored memory trace " + uid + " with tags client:acme.");
        assertThat(gateway.requests().getFirst().body()).containsEntry("content", "Acme prefers night-shift forklift operators");

        CallToolResult found = call("memory_search", Map.of("query", "night-shift", "limit", 5));
        assertThat(found.isError()).isFalse();
        assertThat(structured(found).at("/results/0/trace/uid").asString()).isEqualTo(uid);
        assertThat(text(found)).contains(uid).contains("Acme prefers night-shift");
        assertThat(gateway.requests().get(1).body()).containsEntry("limit", 5).containsEntry("query", "night-shift");

        CallToolResult structuredContent = call("memory_add", Map.of("content", Map.of("client", "globex", "shift", "day")));
        assertThat(structured(structuredContent).at("/content/client").asString()).isEqualTo("globex");
    }

    @Test
    void unknownToolIsAJsonRpcError() {
        assertThatThrownBy(() -> call("drop_everything", Map.of()))
                .isInstanceOf(McpError.class)
                .satisfies(e -> assertThat(((McpError) e).getJsonRpcError().code()).isEqualTo(-32602));
        assertThat(call("list_datasets", Map.of()).isError()).isFalse();
    }

    @Test
    void aWrongTokenIsAToolErrorNamingTheVariable() {
        McpSyncClient wrong = client(List.of("--gateway", gateway.url()), Map.of("AUTH_TOKEN", "wrong"));
        try {
            CallToolResult result = wrong.callTool(new McpSchema.CallToolRequest("list_datasets", Map.of()));
            assertThat(result.isError()).isTrue();
            assertThat(text(result)).startsWith("list_datasets failed: unauthorized (401)")
                    .contains("AUTH_TOKEN").endsWith("missing or invalid bearer token");
            assertThat(gateway.requests().getLast().authorization()).isEqualTo("Bearer wrong");
        } finally {
            wrong.closeGracefully();
        }
    }

    @Test
    void aDownGatewayIsAToolErrorAndTheServerStaysUp() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        McpSyncClient down = client(List.of("--gateway", "http://127.0.0.1:" + closedPort), Map.of("AUTH_TOKEN", ""));
        try {
            for (String tool : List.of("list_datasets", "memory_search")) {
                Map<String, Object> args = tool.equals("memory_search") ? Map.of("query", "x") : Map.of();
                CallToolResult result = down.callTool(new McpSchema.CallToolRequest(tool, args));
                assertThat(result.isError()).isTrue();
                assertThat(text(result)).isEqualTo(tool + " failed: the gateway at http://127.0.0.1:" + closedPort
                        + " is unreachable (connection refused); start the fleet with ./lakehouse up or pass --gateway");
            }
            assertThat(down.listTools().tools()).hasSize(8);
        } finally {
            down.closeGracefully();
        }
    }

    @Test
    void stdoutCarriesOnlyProtocolAndStdinEofEndsTheProcess() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(javaCommand(List.of("--gateway", gateway.url())));
        builder.environment().put("AUTH_TOKEN", FakeGateway.TOKEN);
        Path stderr = Files.createTempFile("mcpd-stderr", ".log");
        builder.redirectError(stderr.toFile());
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream();
             BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            send(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(stdin, "");
            send(stdin, "this is not json");
            send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list_datasets\",\"arguments\":{}}}");
            send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\",\"arguments\":{}}}");
            List<JsonNode> messages = new ArrayList<>();
            while (messages.stream().filter(m -> m.has("id") && m.get("id").isNumber()).count() < 3) {
                String line = stdout.readLine();
                assertThat(line).as("stdout ended early; stderr: " + Files.readString(stderr)).isNotNull();
                JsonNode message = JSON.readTree(line);
                assertThat(message.path("jsonrpc").asString()).as(line).isEqualTo("2.0");
                messages.add(message);
            }
            assertThat(messages).anySatisfy(m -> assertThat(m.at("/error/code").asInt()).isEqualTo(-32700));
            assertThat(messages).anySatisfy(m -> {
                assertThat(m.at("/id").asInt()).isEqualTo(2);
                assertThat(m.at("/result/isError").asBoolean()).isFalse();
            });
            assertThat(messages).anySatisfy(m -> {
                assertThat(m.at("/id").asInt()).isEqualTo(3);
                assertThat(m.at("/error/code").asInt()).isEqualTo(-32602);
            });

            // EOF on stdin ends the server by itself (no kill): how fast is not this test's business.
            stdin.close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exit after stdin EOF").isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(stdout.readLine()).isNull();
        } finally {
            process.destroyForcibly();
        }
        assertThat(Files.readString(stderr)).contains("mcpd serving over stdio").contains("stdin closed; exiting");
        Files.deleteIfExists(stderr);
    }

    private CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    private static McpSyncClient client(List<String> args, Map<String, String> env) {
        List<String> command = javaCommand(args);
        ServerParameters parameters = ServerParameters.builder(command.getFirst())
                .args(command.subList(1, command.size()))
                .env(env)
                .build();
        McpSyncClient client = McpClient.sync(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()))
                .requestTimeout(TIMEOUT)
                .initializationTimeout(TIMEOUT)
                .build();
        client.initialize();
        return client;
    }

    private static List<String> javaCommand(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-jar");
        command.add(execJar().toString());
        command.addAll(args);
        return command;
    }

    private static Path execJar() {
        Path jar = Path.of(System.getProperty("lakehouse.repo.root", ".."), "mcpd", "target", "mcpd-0.1.0-exec.jar");
        assertThat(jar).as("run after package: the exec jar").exists();
        return jar;
    }

    private static void send(OutputStream stdin, String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    private static String text(CallToolResult result) {
        assertThat(result.content()).hasSize(1);
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }

    private static JsonNode structured(CallToolResult result) {
        assertThat(result.structuredContent()).as(text(result)).isNotNull();
        return JSON.valueToTree(result.structuredContent());
    }
}
