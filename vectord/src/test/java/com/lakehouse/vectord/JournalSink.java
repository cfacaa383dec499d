package com.lakehouse.vectord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.lakehouse.shared.http.LakehouseJson;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/** A real HTTP endpoint standing in for observerd's {@code POST /journal/events}, keeping what arrives. */
final class JournalSink implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    JournalSink() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/journal/events", exchange -> {
            JsonNode batch = LakehouseJson.mapper().readTree(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            batch.get("events").forEach(events::add);
            byte[] reply = "{\"accepted\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<JsonNode> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
