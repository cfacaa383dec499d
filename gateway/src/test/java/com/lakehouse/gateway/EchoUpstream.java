package com.lakehouse.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import com.lakehouse.shared.http.LakehouseJson;

/**
 * A real HTTP server standing in for one fleet service behind the gateway. It answers:
 * <ul>
 * <li>{@code /health}: the service's health (or hangs while {@link #hangHealth} is set);</li>
 * <li>a path ending {@code /hang}: nothing until {@link #close()} or 60 s;</li>
 * <li>a path containing {@code /generate/<seed>/<n>}: n deterministic bytes ({@link GeneratedBytes}), streamed;</li>
 * <li>a path containing {@code /status/<code>}: that status with a problem body and end-to-end and
 *     hop-by-hop response headers, to see which ones the gateway passes on;</li>
 * <li>anything else: a JSON echo of what arrived: method, raw path and query, headers, and the body's
 *     length and SHA-256 (read as a stream, never held).</li>
 * </ul>
 */
final class EchoUpstream implements AutoCloseable {

    static final String PROBLEM_BODY = "{\"type\":\"urn:test:conflict\",\"title\":\"Conflict\",\"status\":%d,\"detail\":\"from upstream\"}";

    private final String name;
    private final AtomicBoolean hangHealth = new AtomicBoolean();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;
    private int port;

    private EchoUpstream(String name) {
        this.name = name;
    }

    static EchoUpstream start(String name) {
        EchoUpstream upstream = new EchoUpstream(name);
        upstream.listen(0);
        return upstream;
    }

    private void listen(int wanted) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    /** Takes the service away: its port refuses connections until {@link #restart()}. */
    void stop() {
        server.stop(0);
    }

    void restart() {
        listen(port);
    }

    AtomicBoolean hangHealth() {
        return hangHealth;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.endsWith("/health")) {
                health(exchange);
            } else if (path.endsWith("/hang")) {
                awaitRelease(60);
                send(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            } else if (path.contains("/generate/")) {
                String[] args = path.substring(path.indexOf("/generate/") + "/generate/".length()).split("/");
                generate(exchange, Long.parseLong(args[0]), Long.parseLong(args[1]));
            } else if (path.endsWith("/refuse-early")) {
                refuseEarly(exchange);
            } else if (path.contains("/status/")) {
                status(exchange, Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)));
            } else {
                echo(exchange);
            }
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        if (hangHealth.get()) {
            awaitRelease(30);
        }
        send(exchange, 200, "application/json",
                ("{\"status\":\"ok\",\"service\":\"" + name + "\",\"version\":\"test\"}").getBytes(StandardCharsets.UTF_8));
    }

    private void generate(HttpExchange exchange, long seed, long length) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.getResponseHeaders().set("ETag", "\"generated-" + length + "\"");
        exchange.sendResponseHeaders(200, length);
        try (OutputStream out = exchange.getResponseBody(); InputStream in = new GeneratedBytes(seed, length)) {
            in.transferTo(out);
        }
    }

    /**
     * What storaged and ingestd (Tomcat) do with a declared length over their cap: answer 413 before
     * reading the body, swallow at most 2 MiB of it, then close the connection.
     */
    private void refuseEarly(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Connection", "close");
        send(exchange, 413, "application/problem+json", PROBLEM_BODY.formatted(413).getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
        InputStream body = exchange.getRequestBody();
        body.readNBytes(2 * 1024 * 1024);
    }

    private void status(HttpExchange exchange, int code) throws IOException {
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        var headers = exchange.getResponseHeaders();
        headers.set("ETag", "\"v7\"");
        headers.set("Content-Range", "bytes 0-9/100");
        headers.set("Retry-After", "3");
        headers.set("X-End-To-End", "kept");
        headers.set("Connection", "X-Hop-Response");
        headers.set("X-Hop-Response", "dropped");
        headers.set("Keep-Alive", "timeout=5");
        headers.set("Proxy-Authenticate", "Basic realm=\"upstream\"");
        headers.set("Trailer", "X-Checksum");
        headers.set("Upgrade", "h2c");
        byte[] body = code == 204 || code == 304 ? new byte[0] : PROBLEM_BODY.formatted(code).getBytes(StandardCharsets.UTF_8);
        send(exchange, code, "application/problem+json", body);
    }

    private void echo(HttpExchange exchange) throws IOException {
        GeneratedBytes.Digest body;
        try (InputStream in = exchange.getRequestBody()) {
            body = GeneratedBytes.sha256(in);
        }
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("upstream", name);
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", exchange.getRequestURI().getRawPath());
        echo.put("query", exchange.getRequestURI().getRawQuery());
        echo.put("headers", headers);
        echo.put("body_bytes", body.bytes());
        echo.put("body_sha256", body.hex());
        send(exchange, 200, "application/json", LakehouseJson.mapper().writeValueAsBytes(echo));
    }

    private static void send(HttpExchange exchange, int code, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        if (head && body.length > 0) {
            // as Tomcat answers a HEAD: the length the GET's body would have, and no body
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        }
        boolean empty = body.length == 0 || head;
        exchange.sendResponseHeaders(code, empty ? -1 : body.length);
        if (!empty) {
            exchange.getResponseBody().write(body);
        }
    }

    private void awaitRelease(int seconds) {
        try {
            release.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
