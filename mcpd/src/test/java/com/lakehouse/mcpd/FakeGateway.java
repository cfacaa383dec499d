package com.lakehouse.mcpd;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on a free loopback port answering the gateway's {@code /v1} routes that
 * mcpd calls, in their wire shapes (SPEC §4, §6-§9) and with problem+json errors, behind a bearer
 * token like a fleet with {@code [auth] token} set. It keeps memory traces it is given, so
 * memory_add then memory_search is a real round trip; SQL is answered from a fixed table.
 */
final class FakeGateway implements AutoCloseable {

    static final String TOKEN = "s3cret-token" + "0123456789abcdef".repeat(3);
    static final int DIMENSION = 4;
    static final int TABLE_ROWS = 250;

    record Recorded(String method, String path, Map<String, Object> body, String authorization) {
    }

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final Queue<Recorded> requests = new ConcurrentLinkedQueue<>();
    private final List<Map<String, Object>> traces = new CopyOnWriteArrayList<>();

    FakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests seen so far, oldest first. */
    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, Object> body = readBody(exchange.getRequestBody());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(new Recorded(method, path, body, authorization));
            if (!("Bearer " + TOKEN).equals(authorization)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                problem(exchange, 401, "Unauthorized", "missing or invalid bearer token");
                return;
            }
            route(exchange, method, path, body);
        }
    }

    private void route(HttpExchange exchange, String method, String path, Map<String, Object> body) throws IOException {
        if (method.equals("GET") && path.equals("/v1/catalog/list")) {
            send(exchange, 200, Map.of("datasets", List.of(manifest()), "catalog_version", 3));
        } else if (method.equals("GET") && path.equals("/v1/catalog/manifest/staffing_candidates/versions")) {
            Map<String, Object> first = new java.util.LinkedHashMap<>(manifest());
            first.put("version", 1);
            first.put("row_count", 100);
            send(exchange, 200, Map.of("name", "staffing_candidates", "versions", List.of(first, manifest())));
        } else if (method.equals("GET") && path.startsWith("/v1/catalog/manifest/")) {
            String name = path.substring("/v1/catalog/manifest/".length());
            if (name.equals("staffing_candidates")) {
                send(exchange, 200, manifest());
            } else {
                problem(exchange, 404, "Not Found", "dataset '" + name + "' is not registered");
            }
        } else if (method.equals("POST") && path.equals("/v1/sql")) {
            sql(exchange, body);
        } else if (method.equals("POST") && path.equals("/v1/embed")) {
            embed(exchange, body);
        } else if (method.equals("POST") && path.matches("/v1/vectors/index/[^/]+/search")) {
            search(exchange, path.split("/")[4], body);
        } else if (method.equals("POST") && path.equals("/v1/pathway/traces")) {
            Map<String, Object> trace = trace(body);
            traces.add(trace);
            send(exchange, 201, trace);
        } else if (method.equals("POST") && path.equals("/v1/pathway/search")) {
            memorySearch(exchange, body);
        } else {
            problem(exchange, 404, "Not Found", "no route " + method + " " + path);
        }
    }

    private void sql(HttpExchange exchange, Map<String, Object> body) throws IOException {
        String sql = String.valueOf(body.get("sql")).strip();
        int maxRows = body.get("max_rows") instanceof Number n ? n.intValue() : 10000;
        String upper = sql.toUpperCase();
        if (upper.startsWith("COPY") || upper.startsWith("ATTACH") || upper.startsWith("INSTALL")) {
            problem(exchange, 403, "Forbidden", "only read-only statements run (SELECT, WITH, VALUES, EXPLAIN, "
                    + "DESCRIBE, SUMMARIZE, SHOW); " + upper.split(" ")[0] + " is refused");
        } else if (!upper.startsWith("SELECT")) {
            problem(exchange, 400, "Bad Request", "Parser Error: syntax error at or near \"" + sql.split(" ")[0]
                    + "\"\n\nLINE 1: " + sql + "\n        ^");
        } else if (upper.contains("LONG_TEXT")) {
            List<Object> row = new ArrayList<>();
            row.add(1);
            row.add("x".repeat(10_000));
            send(exchange, 200, rows(List.of(column("id", "BIGINT"), column("long_text", "VARCHAR")),
                    List.of(row), false));
        } else {
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 1; i <= Math.min(TABLE_ROWS, maxRows); i++) {
                List<Object> row = new ArrayList<>();
                row.add(i);
                row.add("candidate " + i);
                row.add(i % 2 == 0 ? null : "forklift|certified");
                rows.add(row);
            }
            send(exchange, 200, rows(List.of(column("id", "BIGINT"), column("name", "VARCHAR"),
                    column("notes", "VARCHAR")), rows, TABLE_ROWS > maxRows));
        }
    }

    private void embed(HttpExchange exchange, Map<String, Object> body) throws IOException {
        List<List<Double>> vectors = new ArrayList<>();
        for (Object text : (List<?>) body.get("texts")) {
            vectors.add(vectorOf(String.valueOf(text)));
        }
        send(exchange, 200, Map.of("model", "all-minilm-l6-v2", "dimension", DIMENSION, "vectors", vectors));
    }

    /** A deterministic vector per text, so the test knows what a text search sent. */
    static List<Double> vectorOf(String text) {
        List<Double> vector = new ArrayList<>();
        for (int i = 0; i < DIMENSION; i++) {
            vector.add((double) ((text.hashCode() >>> (i * 8)) & 0xFF) / 255.0 + 0.01);
        }
        return vector;
    }

    private void search(HttpExchange exchange, String index, Map<String, Object> body) throws IOException {
        if (!index.equals("candidates")) {
            problem(exchange, 404, "Not Found", "vector index '" + index + "' does not exist");
            return;
        }
        List<?> vector = (List<?>) body.get("vector");
        if (vector == null || vector.size() != DIMENSION) {
            problem(exchange, 400, "Bad Request", "vector has " + (vector == null ? 0 : vector.size())
                    + " dimensions, index 'candidates' has " + DIMENSION);
            return;
        }
        int k = body.get("k") instanceof Number n ? n.intValue() : 10;
        List<Map<String, Object>> hits = new ArrayList<>();
        for (int i = 0; i < Math.min(k, 3); i++) {
            hits.add(Map.of("id", "cand-" + i, "distance", 0.1 * (i + 1),
                    "metadata", Map.of("city", "Austin", "role", "forklift operator")));
        }
        send(exchange, 200, Map.of("hits", hits));
    }

    private void memorySearch(HttpExchange exchange, Map<String, Object> body) throws IOException {
        String query = String.valueOf(body.get("query")).toLowerCase();
        List<Map<String, Object>> results = new ArrayList<>();
        for (Map<String, Object> trace : traces) {
            if (json.writeValueAsString(trace.get("content")).toLowerCase().contains(query)) {
                results.add(Map.of("score", 1.5, "trace", trace));
            }
        }
        send(exchange, 200, Map.of("results", results));
    }

    private Map<String, Object> trace(Map<String, Object> body) {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("uid", "tr-" + (traces.size() + 1));
        trace.put("content", body.get("content"));
        trace.put("tags", body.get("tags") == null ? List.of() : body.get("tags"));
        trace.put("created_at", "2026-01-01T00:00:00Z");
        trace.put("updated_at", "2026-01-01T00:00:00Z");
        trace.put("predecessor", null);
        trace.put("retired", false);
        trace.put("replay_count", 0);
        return trace;
    }

    private static Map<String, Object> manifest() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("dataset_id", "0d5c6f5e-1c1d-5d7e-9a8b-7c6d5e4f3a2b");
        manifest.put("name", "staffing_candidates");
        manifest.put("version", 2);
        manifest.put("schema_fingerprint", "ab12".repeat(16));
        manifest.put("schema", List.of(
                Map.of("name", "id", "type", "BIGINT", "nullable", false),
                Map.of("name", "name", "type", "VARCHAR", "nullable", false),
                Map.of("name", "notes", "type", "VARCHAR", "nullable", true)));
        manifest.put("objects", List.of(Map.of("key", "datasets/staffing_candidates/ab12/cd34.parquet",
                "size", 4096, "etag", "\"e1\"", "row_count", TABLE_ROWS)));
        manifest.put("row_count", TABLE_ROWS);
        manifest.put("created_at", "2026-01-01T00:00:00Z");
        manifest.put("updated_at", "2026-01-02T00:00:00Z");
        return manifest;
    }

    private static Map<String, Object> column(String name, String type) {
        return Map.of("name", name, "type", type);
    }

    private static Map<String, Object> rows(List<Map<String, Object>> columns, List<List<Object>> rows, boolean truncated) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("columns", columns);
        result.put("rows", rows);
        result.put("row_count", rows.size());
        result.put("truncated", truncated);
        result.put("elapsed_ms", 3);
        return result;
    }

    private Map<String, Object> readBody(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        return bytes.length == 0 ? Map.of() : json.readValue(bytes, OBJECT);
    }

    private void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        write(exchange, status, "application/problem+json", json.writeValueAsBytes(problem));
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        write(exchange, status, "application/json", json.writeValueAsBytes(body));
    }

    private static void write(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
