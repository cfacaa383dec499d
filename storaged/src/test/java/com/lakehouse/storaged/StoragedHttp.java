package com.lakehouse.storaged;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.lakehouse.shared.storage.StorageKeys;
import com.lakehouse.shared.testing.TestHttp;

/** storaged's routes for the ITs, sent through the shared TestHttp; keys are percent-encoded the way StorageClient does it. */
final class StoragedHttp {

    private final URI base;
    private final HttpClient http = TestHttp.newClient();

    StoragedHttp(URI base) {
        this.base = base;
    }

    URI objectUri(String key) {
        return URI.create(base + "/storage/object/" + StorageKeys.encodePath(key));
    }

    HttpResponse<String> put(String key, byte[] body) {
        return send(HttpRequest.newBuilder(objectUri(key)).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<byte[]> get(String key, String range) {
        HttpRequest.Builder request = HttpRequest.newBuilder(objectUri(key)).GET();
        if (range != null) {
            request.header("Range", range);
        }
        return sendBytes(request);
    }

    HttpResponse<String> head(String key) {
        return send(HttpRequest.newBuilder(objectUri(key)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> delete(String key) {
        return send(HttpRequest.newBuilder(objectUri(key)).DELETE());
    }

    HttpResponse<String> list(String query) {
        return send(HttpRequest.newBuilder(URI.create(base + "/storage/list" + query)).GET());
    }

    /** A request to a raw path (already encoded as the test wants it on the wire). */
    HttpResponse<String> raw(String method, String rawPath, HttpRequest.BodyPublisher body) {
        return send(HttpRequest.newBuilder(URI.create(base + rawPath)).method(method, body));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return TestHttp.send(http, request, Duration.ofMinutes(5), HttpResponse.BodyHandlers.ofString());
    }

    java.util.concurrent.CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
        return http.sendAsync(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
        return TestHttp.send(http, request, Duration.ofMinutes(5), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<InputStream> sendStreaming(HttpRequest.Builder request) {
        return TestHttp.send(http, request, Duration.ofMinutes(10), HttpResponse.BodyHandlers.ofInputStream());
    }
}
