package com.lakehouse.sparkcheck;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Lakehouse as any client sees it: the gateway's catalog, ingest and SQL routes. */
final class Gateway {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final String token;

    Gateway(String base, String token) {
        this.base = base;
        this.token = token;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** queryd's answer to {@code sql}: {"columns","rows","row_count","truncated"}. */
    JsonNode sql(String sql) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("sql", sql).put("max_rows", 10000);
        return send(request("/v1/sql").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    /** Ingests a CSV under {@code name} (SPEC §5) as a multipart upload. */
    JsonNode ingest(String name, String mode, String csv) throws IOException, InterruptedException {
        String boundary = "spark-check-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + ".csv\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        String path = "/v1/ingest?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&mode=" + mode;
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
        if (token != null && !token.isEmpty()) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }
}
