package com.lakehouse.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.testing.Await;
import com.lakehouse.shared.testing.FakeObserverd;
import com.lakehouse.shared.testing.ServiceProcess;

import tools.jackson.databind.JsonNode;

/** pathway as the launcher runs it: a real JVM over HTTP, killed with SIGKILL and restarted. */
class PathwayIT {

    @TempDir
    static Path work;

    private static ServiceProcess pathway;
    private static FakeObserverd journal;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        journal = FakeObserverd.start();
        pathway = ServiceProcess.builder("pathway", work)
                .property("lakehouse.pathway.data_dir", work.resolve("data"))
                .property("lakehouse.pathway.observerd_url", journal.url())
                .property("lakehouse.pathway.max_body_bytes", 4096)
                .start();
    }

    @AfterAll
    static void stop() {
        pathway.close();
        journal.close();
    }

    /** The journal's actions on one trace, in arrival order. */
    private static List<String> actions(String uid) {
        return journal.events().stream().filter(e -> e.get("entity_id").asString().equals(uid))
                .map(e -> e.get("action").asString()).toList();
    }

    record Response(int status, JsonNode body, String raw) {
    }

    private static Response call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(pathway.url(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? null : LakehouseJson.mapper().readTree(response.body());
        return new Response(response.statusCode(), json, response.body());
    }

    @Test
    void everyOperationAndStatusOverHttp() throws Exception {
        Response added = call("POST", "/pathway/traces", "{\"content\":{\"candidate\":\"W00042\",\"note\":\"forklift certified\"},\"tags\":[\"il\"]}");
        assertThat(added.status()).isEqualTo(201);
        String uid = added.body().get("uid").asString();
        assertThat(added.body().get("content").get("candidate").asString()).isEqualTo("W00042");
        assertThat(added.body().get("replay_count").asLong()).isZero();

        Response replay = call("POST", "/pathway/traces?idempotent=true", "{\"content\":{\"note\":\"forklift certified\",\"candidate\":\"W00042\"}}");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body().get("uid").asString()).isEqualTo(uid);
        assertThat(replay.body().get("replay_count").asLong()).isEqualTo(1);

        Response updated = call("PUT", "/pathway/traces/" + uid, "{\"content\":{\"candidate\":\"W00042\",\"note\":\"placed\"}}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("uid").asString()).isEqualTo(uid);

        Response revised = call("POST", "/pathway/traces/" + uid + "/revise", "{\"content\":{\"note\":\"placed at Joliet DC\"}}");
        assertThat(revised.status()).isEqualTo(201);
        String revisedUid = revised.body().get("uid").asString();
        assertThat(revised.body().get("predecessor").asString()).isEqualTo(uid);

        Response history = call("GET", "/pathway/traces/" + revisedUid + "/history", null);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().get("traces").valueStream().map(t -> t.get("uid").asString()).toList())
                .containsExactly(revisedUid, uid);
        assertThat(history.body().get("end").asString()).isEqualTo("origin");

        assertThat(call("POST", "/pathway/search", "{\"query\":\"joliet\"}").body().get("results").size()).isEqualTo(1);
        Response retired = call("POST", "/pathway/traces/" + revisedUid + "/retire", null);
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.body().get("retired").asBoolean()).isTrue();
        assertThat(call("POST", "/pathway/search", "{\"query\":\"joliet\"}").body().get("results").size()).isZero();
        assertThat(call("GET", "/pathway/traces/" + revisedUid, null).body().get("retired").asBoolean()).isTrue();

        Await.until("the journal events of both traces", () -> actions(uid).size() == 3 && actions(revisedUid).size() == 2);
        assertThat(actions(uid)).containsExactly("add", "replay", "update");
        assertThat(actions(revisedUid)).containsExactly("revise", "retire");
        assertThat(journal.events()).allSatisfy(e -> assertThat(e.get("entity_type").asString()).isEqualTo("trace"));
    }

    @Test
    void badInputGetsProblemJsonAndChangesNothing() throws Exception {
        long before = call("GET", "/pathway/stats", null).body().get("traces").asLong();

        assertProblem(call("POST", "/pathway/traces", "{\"content\": "), 400);
        assertProblem(call("POST", "/pathway/traces", "{\"tags\":[\"x\"]}"), 400);
        assertProblem(call("POST", "/pathway/traces", "{\"content\":null}"), 400);
        assertProblem(call("POST", "/pathway/traces", "{\"content\":1,\"tags\":[\"\"]}"), 400);
        assertProblem(call("POST", "/pathway/traces", "{\"content\":\"" + "x".repeat(5000) + "\"}"), 413);
        assertProblem(call("GET", "/pathway/traces/no-such-uid", null), 404);
        assertProblem(call("GET", "/pathway/traces/no-such-uid/history", null), 404);
        assertProblem(call("PUT", "/pathway/traces/no-such-uid", "{\"content\":1}"), 404);
        assertProblem(call("POST", "/pathway/traces/no-such-uid/revise", "{\"content\":1}"), 404);
        assertProblem(call("POST", "/pathway/traces/no-such-uid/retire", null), 404);
        assertProblem(call("POST", "/pathway/search", "{\"query\":\"x\",\"limit\":0}"), 400);
        assertProblem(call("POST", "/pathway/search", "{\"query\":\"x\",\"mode\":\"psychic\"}"), 400);

        assertThat(call("GET", "/pathway/stats", null).body().get("traces").asLong()).isEqualTo(before);
    }

    @Test
    void aKillNineLosesNothingAcknowledgedUnderConcurrentWriters() throws Exception {
        List<Future<String>> acks = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 300; i++) {
                int n = i;
                acks.add(pool.submit(() -> {
                    Response r = call("POST", "/pathway/traces", "{\"content\":{\"n\":" + n + ",\"text\":\"crash test " + n + "\"},\"tags\":[\"crash\"]}");
                    assertThat(r.status()).isEqualTo(201);
                    return r.body().get("uid").asString();
                }));
            }
        }
        List<String> uids = new ArrayList<>();
        for (Future<String> ack : acks) {
            uids.add(ack.get());
        }

        pathway.kill();
        pathway.restart();

        for (String uid : uids) {
            assertThat(call("GET", "/pathway/traces/" + uid, null).status()).isEqualTo(200);
        }
        JsonNode stats = call("GET", "/pathway/stats", null).body();
        assertThat(stats.get("skipped_corrupt").asLong() + stats.get("skipped_truncated").asLong()).isZero();
        assertThat(call("POST", "/pathway/search", "{\"query\":\"crash\",\"tags\":[\"crash\"],\"limit\":100}")
                .body().get("results").size()).isEqualTo(100);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("detail").asString()).isNotBlank();
    }

}
