package com.lakehouse.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.lakehouse.shared.http.LakehouseJson;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * A real HTTP endpoint standing in for observerd's {@code POST /journal/events} (SPEC §10): it
 * answers 202 as observerd does and keeps the events that arrive, so a test can read what a service
 * journaled. With a token, only batches carrying {@code Authorization: Bearer <token>} are kept.
 */
public final class FakeObserverd implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private FakeObserverd(String token) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/journal/events", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (token == null || ("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                LakehouseJson.mapper().readTree(body).get("events").forEach(events::add);
            }
            byte[] answer = "{\"accepted\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(202, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** A sink that keeps every batch. */
    public static FakeObserverd start() {
        return new FakeObserverd(null);
    }

    /** A sink that keeps only batches sent with {@code token}. */
    public static FakeObserverd requiringToken(String token) {
        return new FakeObserverd(token);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The events received so far, in arrival order. */
    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** Stops answering (a test may call it early to play an observerd outage; closing again is a no-op). */
    @Override
    public void close() {
        if (stopped.compareAndSet(false, true)) {
            server.stop(0);
        }
    }
}
