package com.lakehouse.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.testing.ServiceProcess;

import tools.jackson.databind.JsonNode;

/**
 * Issue 20 over HTTP: the 32,767-byte tag is refused before the log is touched, and a log holding
 * lines pathway cannot apply (written by hand) still starts, serves the other traces and says
 * degraded in /health and its stats.
 */
class PathwayQuarantineIT {

    @TempDir
    Path work;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> call(ServiceProcess pathway, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(pathway.url(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return LakehouseJson.mapper().readTree(response.body());
    }

    @Test
    void aHugeTagIsRefusedAndUnappliableLinesAreQuarantinedAtStart() throws Exception {
        Path data = work.resolve("data");
        try (ServiceProcess pathway = ServiceProcess.builder("pathway", work)
                .property("lakehouse.pathway.data_dir", data).start()) {
            String uid = json(call(pathway, "POST", "/pathway/traces", "{\"content\":{\"note\":\"kept\"},\"tags\":[\"k\"]}"))
                    .get("uid").asString();
            long bytes = json(call(pathway, "GET", "/pathway/stats", null)).get("log_bytes").asLong();

            HttpResponse<String> huge = call(pathway, "POST", "/pathway/traces",
                    "{\"content\":1,\"tags\":[\"" + "t".repeat(32_767) + "\"]}");
            assertThat(huge.statusCode()).isEqualTo(413);
            assertThat(huge.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json(huge).get("field").asString()).isEqualTo("tags[0]");
            assertThat(json(huge).get("limit").asInt()).isEqualTo(256);
            assertThat(json(call(pathway, "GET", "/pathway/stats", null)).get("log_bytes").asLong()).isEqualTo(bytes);

            pathway.stop();
            // What the old pathway left: a tag Lucene cannot index, then garbage, then a good line.
            Files.writeString(data.resolve("traces.jsonl"),
                    "{\"op\":\"add\",\"trace\":{\"uid\":\"huge\",\"content\":1,\"tags\":[\"" + "t".repeat(32_767) + "\"]}}\n"
                            + "{\"op\":\"add\",\"trace\"\n"
                            + "{\"op\":\"add\",\"trace\":{\"uid\":\"later\",\"content\":{\"note\":\"later\"},\"tags\":[]}}\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            pathway.restart();

            assertThat(call(pathway, "GET", "/pathway/traces/" + uid, null).statusCode()).isEqualTo(200);
            assertThat(call(pathway, "GET", "/pathway/traces/later", null).statusCode()).isEqualTo(200);
            assertThat(call(pathway, "GET", "/pathway/traces/huge", null).statusCode()).isEqualTo(404);
            HttpResponse<String> health = call(pathway, "GET", "/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(json(health).get("status").asString()).as(health.body()).isEqualTo("degraded");
            JsonNode stats = json(call(pathway, "GET", "/pathway/stats", null));
            assertThat(stats.get("quarantined").asLong()).isEqualTo(2);
            assertThat(stats.get("quarantine_file").asString()).isEqualTo("traces.quarantine.jsonl");
            assertThat(Files.readAllLines(data.resolve("traces.quarantine.jsonl"))).hasSize(2);
            assertThat(call(pathway, "POST", "/pathway/traces", "{\"content\":2}").statusCode()).isEqualTo(201);
        }
    }
}
