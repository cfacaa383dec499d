package com.lakehouse.vectord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;

import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.testing.TestHttp;

/** vectord's routes for the ITs: JSON in, status and parsed JSON out, sent through the shared TestHttp. */
final class VectordHttp {

    private final HttpClient http = TestHttp.newClient();
    private final URI base;

    VectordHttp(URI base) {
        this.base = base;
    }

    record Reply(int status, String body) {
        JsonNode json() {
            return LakehouseJson.mapper().readTree(body);
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    Reply post(String path, Object body) {
        String json = body instanceof String s ? s : LakehouseJson.mapper().writeValueAsString(body);
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply postBytes(String path, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * Sends only the request head of a POST declaring {@code contentLength} bytes and returns the status
     * line's code: a server that refuses on the declared length answers without the body (sending the
     * body would race its early answer and surface as a broken pipe).
     */
    int declaredLengthStatus(String path, long contentLength) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + contentLength + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] getBytes(String path) {
        HttpResponse<byte[]> response = TestHttp.send(http, HttpRequest.newBuilder(base.resolve(path)).GET(),
                Duration.ofMinutes(2), HttpResponse.BodyHandlers.ofByteArray());
        return response.statusCode() == 200 ? response.body() : null;
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpResponse<String> response = TestHttp.send(http, builder, Duration.ofMinutes(3), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
