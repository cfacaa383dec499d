package com.lakehouse.observerd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.lakehouse.shared.http.LakehouseJson;

import tools.jackson.databind.JsonNode;

/** A real HTTP client for the ITs: JSON in, status and parsed body out. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    record Response(int status, JsonNode body, String text) {
    }

    static Response get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    static Response post(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Response post(URI uri, Object body) {
        return post(uri, LakehouseJson.mapper().writeValueAsString(body));
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            if (response.body() != null && !response.body().isEmpty()) {
                try {
                    body = LakehouseJson.mapper().readTree(response.body());
                } catch (RuntimeException e) {
                    body = null;
                }
            }
            return new Response(response.statusCode(), body, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
