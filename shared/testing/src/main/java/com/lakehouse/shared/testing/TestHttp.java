package com.lakehouse.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.lakehouse.shared.http.LakehouseJson;

import tools.jackson.databind.JsonNode;

/**
 * The one HTTP helper of the tests: a real {@link HttpClient} (HTTP/1.1, as the fleet speaks it),
 * requests with a timeout, checked exceptions turned into test failures, JSON bodies parsed with the
 * fleet's own mapper. Module helpers (storaged's object routes, vectord's index routes) build their
 * requests and send them here.
 */
public final class TestHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = newClient();

    private TestHttp() {
    }

    /** A new client like the shared one, for tests that need their own connection pool. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Sends {@code request} with the shared client and a 60 s timeout; the body as text. */
    public static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(CLIENT, request, TIMEOUT, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code request} with {@code client}, {@code timeout} and {@code body}. */
    public static <T> HttpResponse<T> send(HttpClient client, HttpRequest.Builder request, Duration timeout,
            HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.timeout(timeout).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** GET {@code url} with {@code headers} given as name, value, name, value... */
    public static HttpResponse<String> get(String url, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(URI.create(url)).GET(), headers));
    }

    /** POST {@code body} (text) to {@code url} with {@code headers} as name, value... */
    public static HttpResponse<String> post(String url, String body, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)),
                headers));
    }

    public static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        return headers.length > 0 ? request.headers(headers) : request;
    }

    /** POSTs {@code json} (text as is; any other object serialized with the fleet's mapper). */
    public static HttpResponse<String> postJson(URI uri, Object json) {
        String text = json instanceof String s ? s : LakehouseJson.mapper().writeValueAsString(json);
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    /** The body parsed as JSON, or {@code null} when it is empty or not JSON. */
    public static JsonNode json(HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isEmpty()) {
            return null;
        }
        try {
            return LakehouseJson.mapper().readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
