package com.lakehouse.embedd;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback stand-in for Ollama's {@code POST /api/embed}, answering in its recorded wire shape:
 * {@code {"model","embeddings":[[..]],"total_duration","load_duration","prompt_eval_count"}} on
 * success and {@code {"error":"..."}} with Ollama's statuses on failure. Records every request body.
 */
final class FakeOllama implements AutoCloseable {

    enum Mode { NORMAL, MODEL_NOT_FOUND, RUNNER_CRASHED, HTML_GATEWAY_ERROR, WRONG_DIMENSION, HANG }

    static final int DIMENSION = 768;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile Mode mode = Mode.NORMAL;
    private volatile CountDownLatch release = new CountDownLatch(1);

    FakeOllama() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/api/embed", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void mode(Mode value) {
        release.countDown();
        release = new CountDownLatch(1);
        mode = value;
    }

    List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The input arrays of every request so far. */
    List<List<String>> inputs() {
        return requests().stream().map(r -> r.get("input").valueStream().map(JsonNode::asString).toList()).toList();
    }

    void reset() {
        requests.clear();
        mode(Mode.NORMAL);
    }

    /** The vector this fake answers for a text: deterministic, so tests can check order. */
    static float[] vectorOf(String text, int dimension) {
        float[] v = new float[dimension];
        v[0] = text.length();
        v[1] = text.hashCode() % 1000;
        v[dimension - 1] = 0.5f;
        return v;
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(body);
        String model = body.path("model").asString();
        switch (mode) {
            case MODEL_NOT_FOUND -> respond(exchange, 404, "{\"error\":\"model '" + model + "' not found\"}");
            case RUNNER_CRASHED -> respond(exchange, 500,
                    "{\"error\":\"llama runner process has terminated: signal: killed\"}");
            case HTML_GATEWAY_ERROR -> respond(exchange, 502, "<html><body>Bad Gateway</body></html>");
            case WRONG_DIMENSION -> respond(exchange, 200, success(model, body, 3));
            case HANG -> {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            case NORMAL -> respond(exchange, 200, success(model, body, DIMENSION));
        }
    }

    private String success(String model, JsonNode body, int dimension) {
        StringBuilder out = new StringBuilder("{\"model\":\"").append(model).append("\",\"embeddings\":[");
        List<String> inputs = body.get("input").valueStream().map(JsonNode::asString).toList();
        for (int i = 0; i < inputs.size(); i++) {
            out.append(i == 0 ? "" : ",").append('[');
            float[] v = vectorOf(inputs.get(i), dimension);
            for (int d = 0; d < v.length; d++) {
                out.append(d == 0 ? "" : ",").append((double) v[d]);
            }
            out.append(']');
        }
        return out.append("],\"total_duration\":14143917,\"load_duration\":1019500,\"prompt_eval_count\":")
                .append(inputs.size() * 8).append('}').toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                body.startsWith("<") ? "text/html" : "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
