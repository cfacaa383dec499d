package com.lakehouse.embedd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.testing.Closeables;
import com.lakehouse.shared.testing.ServiceProcess;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * embedd as the launcher runs it (its exec jar, so the ONNX native libraries load from the fat
 * jar), called over real HTTP. Four processes: the local model with and without a cache, and the
 * Ollama provider with and without a cache against a loopback fake of Ollama's wire shape.
 */
class EmbeddIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path work;

    static FakeOllama ollama;
    static ServiceProcess local;
    static ServiceProcess localUncached;
    /** batch_timeout 1 ms: no machine embeds a 1,024-text batch that fast, so its 504 does not depend on the CPU. */
    static ServiceProcess localImpatient;
    static ServiceProcess viaOllama;
    static ServiceProcess viaOllamaUncached;

    @BeforeAll
    static void start() throws Exception {
        ollama = new FakeOllama();
        CompletableFuture<ServiceProcess> a = boot("local", Map.of("max_parallel", "2"));
        CompletableFuture<ServiceProcess> b = boot("local-uncached", Map.of("cache_size", "0", "max_body_bytes", "65536"));
        CompletableFuture<ServiceProcess> e = boot("local-impatient", Map.of("cache_size", "0", "batch_timeout", "1ms"));
        CompletableFuture<ServiceProcess> c = boot("ollama", Map.of("provider", "ollama",
                "ollama_url", ollama.url().toString(), "batch_timeout", "2s"));
        CompletableFuture<ServiceProcess> d = boot("ollama-uncached", Map.of("provider", "ollama",
                "ollama_url", ollama.url().toString(), "cache_size", "0"));
        local = a.join();
        localUncached = b.join();
        viaOllama = c.join();
        viaOllamaUncached = d.join();
        localImpatient = e.join();
    }

    private static CompletableFuture<ServiceProcess> boot(String dir, Map<String, String> settings) {
        return CompletableFuture.supplyAsync(() -> {
            ServiceProcess.Builder builder = ServiceProcess.builder("embedd", work.resolve(dir)).heap("512m");
            settings.forEach((k, v) -> builder.property("lakehouse.embedd." + k, v));
            return builder.start();
        });
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(local, localUncached, viaOllama, viaOllamaUncached, localImpatient, ollama);
    }

    @BeforeEach
    void resetOllama() {
        ollama.reset();
    }

    // --- local provider ---------------------------------------------------------------------

    @Test
    void localVectorsAre384DimensionalUnitLengthAndDeterministic() throws Exception {
        List<String> texts = List.of("licensed electrician, commercial wiring", "CDL class A truck driver");
        JsonNode first = embed(localUncached, texts, null).body();
        JsonNode again = embed(localUncached, texts, null).body();
        assertThat(first.get("model").asString()).isEqualTo("all-minilm-l6-v2");
        assertThat(first.get("dimension").asInt()).isEqualTo(384);
        List<float[]> vectors = vectors(first);
        assertThat(vectors).hasSize(2).allSatisfy(v -> {
            assertThat(v).hasSize(384);
            assertThat(Math.sqrt(dot(v, v))).isCloseTo(1.0, within(1e-5));
        });
        assertThat(vectors(again).get(0)).containsExactly(vectors.get(0));
        // Alone or beside another text: the same vector (texts never share an inference).
        assertThat(vectors(embed(localUncached, List.of(texts.get(1)), null).body()).getFirst())
                .containsExactly(vectors.get(1));
    }

    @Test
    void semanticallyCloseStaffingPhrasesScoreHigherThanUnrelatedOnes() throws Exception {
        List<float[]> v = vectors(embed(local, List.of(
                "forklift operator with OSHA certification",
                "warehouse forklift driver, safety certified",
                "pastry chef for a french bakery",
                "registered nurse for the ICU night shift",
                "RN, intensive care unit, nights"), null).body());
        assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(2)) + 0.2);
        assertThat(dot(v.get(3), v.get(4))).isGreaterThan(dot(v.get(3), v.get(2)) + 0.2);
        assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(4)));
    }

    @Test
    void modelsAreListedWithDimensionAndProvider() throws Exception {
        JsonNode models = get(local, "/embed/models").body();
        assertThat(models.get("default_model").asString()).isEqualTo("all-minilm-l6-v2");
        assertThat(models.get("models").get(0).get("dimension").asInt()).isEqualTo(384);
        assertThat(models.get("models").get(0).get("provider").asString()).isEqualTo("local");
        JsonNode remote = get(viaOllama, "/embed/models").body().get("models").get(0);
        assertThat(remote.get("name").asString()).isEqualTo("nomic-embed-text");
        assertThat(remote.get("dimension").asInt()).isEqualTo(768);
        assertThat(remote.get("provider").asString()).isEqualTo("ollama");
    }

    @Test
    void everyBadInputGetsItsStatus() throws Exception {
        assertThat(post(local, "{\"texts\":[]}").status()).isEqualTo(400);
        assertThat(post(local, "{}").status()).isEqualTo(400);
        Reply empty = post(local, "{\"texts\":[\"ok\",\"\"]}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("detail").asString()).contains("texts[1]");
        String tooMany = JSON.writeValueAsString(Map.of("texts", IntStream.range(0, 1025).mapToObj(i -> "t" + i).toList()));
        assertThat(post(local, tooMany).body().get("detail").asString()).contains("max_batch");
        assertThat(post(local, tooMany).status()).isEqualTo(400);
        Reply unknown = post(local, "{\"texts\":[\"ok\"],\"model\":\"nomic-embed-text\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("detail").asString()).contains("unknown model");
        assertThat(post(viaOllama, "{\"texts\":[\"ok\"],\"model\":\"all-minilm-l6-v2\"}").status()).isEqualTo(400);
        assertThat(post(local, "{\"texts\":[\"unterminated").status()).isEqualTo(400);
        // Under Tomcat's 2 MiB swallow limit, so the client reads the 413 rather than a reset.
        // Two texts of 50,000 bytes: each under max_text_bytes (64 KiB), the body over a 64 KiB cap.
        String overCap = "{\"texts\":[\"" + "x".repeat(50_000) + "\",\"" + "y".repeat(50_000) + "\"]}";
        Reply tooLarge = post(localUncached, overCap);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body().get("detail").asString()).contains("65536");
        assertThat(post(local, overCap).status()).as("8 MiB default cap").isEqualTo(200);
        Reply longText = post(local, "{\"texts\":[\"ok\",\"" + "x".repeat(65_537) + "\"]}");
        assertThat(longText.status()).as("one text over max_text_bytes").isEqualTo(413);
        assertThat(longText.body().get("field").asString()).isEqualTo("texts[1]");
        assertThat(longText.body().get("limit").asInt()).isEqualTo(65536);
        assertThat(ollama.requests()).isEmpty();
    }

    @Test
    void aLocalBatchOverBatchTimeoutIs504() throws Exception {
        List<String> texts = IntStream.range(0, 1024).mapToObj(i -> "timeout probe text number " + i).toList();
        Reply reply = embed(localImpatient, texts, null);
        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.body().get("detail").asString()).contains("batch_timeout");
    }

    @Test
    void aLargeBatchDoesNotStarveASmallOne() throws Exception {
        long missesBefore = get(local, "/embed/stats").body().get("misses").asLong();
        List<String> big = IntStream.range(0, 1024).mapToObj(i -> "big batch candidate profile " + i).toList();
        CompletableFuture<Reply> large = CompletableFuture.supplyAsync(() -> embedUnchecked(local, big));
        // The big request has looked up all its texts (so its chunks are queued) before the small one goes in.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (get(local, "/embed/stats").body().get("misses").asLong() < missesBefore + 1024 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        Reply small = embed(local, List.of("a small request that must not wait for the big one"), null);
        assertThat(small.status()).isEqualTo(200);
        assertThat(large).as("the big batch is still running when the small one is answered").isNotDone();
        assertThat(large.get().status()).isEqualTo(200);
        assertThat(large.get().body().get("vectors").size()).isEqualTo(1024);
    }

    @Test
    void statsAreExactUnderFiftyConcurrentCallers() throws Exception {
        List<String> warm = List.of("warm one", "warm two", "warm three", "warm four");
        embed(local, warm, null);
        JsonNode before = get(local, "/embed/stats").body();
        List<float[]> warmVectors = vectors(embed(local, warm, null).body());
        try (ExecutorService callers = Executors.newFixedThreadPool(50)) {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int c = 0; c < 50; c++) {
                List<String> texts = List.of(warm.get(0), "fresh a " + c, warm.get(1), warm.get(2), "fresh b " + c, warm.get(3));
                replies.add(callers.submit(() -> embed(local, texts, null)));
            }
            for (Future<Reply> reply : replies) {
                List<float[]> v = vectors(reply.get().body());
                assertThat(v.get(0)).containsExactly(warmVectors.get(0));
                assertThat(v.get(5)).containsExactly(warmVectors.get(3));
            }
        }
        JsonNode after = get(local, "/embed/stats").body();
        assertThat(after.get("hits").asLong() - before.get("hits").asLong()).isEqualTo(4 + 50 * 4);
        assertThat(after.get("misses").asLong() - before.get("misses").asLong()).isEqualTo(50 * 2);
        assertThat(after.get("size").asLong() - before.get("size").asLong()).isEqualTo(100);
        assertThat(after.get("capacity").asLong()).isEqualTo(10_000);
        assertThat(after.get("hit_rate").asDouble()).isBetween(0.0, 1.0);
    }

    // --- ollama provider --------------------------------------------------------------------

    @Test
    void ollamaGetsOneBatchRequestAndTheVectorsComeBackInOrder() throws Exception {
        List<String> texts = IntStream.range(0, 100).mapToObj(i -> "ollama batch text " + i).toList();
        Reply reply = embed(viaOllama, texts, null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("model").asString()).isEqualTo("nomic-embed-text");
        assertThat(reply.body().get("dimension").asInt()).isEqualTo(768);
        assertThat(ollama.requests()).singleElement().satisfies(r -> {
            assertThat(r.get("model").asString()).isEqualTo("nomic-embed-text");
            assertThat(r.get("input").size()).isEqualTo(100);
        });
        List<float[]> v = vectors(reply.body());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(v.get(i)).containsExactly(FakeOllama.vectorOf(texts.get(i), 768));
        }
    }

    @Test
    void aMixedBatchSendsOnlyItsMissesUpstreamAndKeepsOrder() throws Exception {
        embed(viaOllama, List.of("mixed x", "mixed y"), "nomic-embed-text");
        List<String> texts = List.of("mixed z", "mixed x", "mixed w", "mixed y", "mixed z");
        Reply reply = embed(viaOllama, texts, null);
        assertThat(ollama.inputs()).containsExactly(List.of("mixed x", "mixed y"), List.of("mixed z", "mixed w"));
        List<float[]> v = vectors(reply.body());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(v.get(i)).containsExactly(FakeOllama.vectorOf(texts.get(i), 768));
        }
        embed(viaOllama, texts, null);
        assertThat(ollama.requests()).hasSize(2);
    }

    @Test
    void cacheSizeZeroPassesEveryRequestThrough() throws Exception {
        embed(viaOllamaUncached, List.of("pass through"), null);
        embed(viaOllamaUncached, List.of("pass through"), null);
        assertThat(ollama.inputs()).containsExactly(List.of("pass through"), List.of("pass through"));
        JsonNode stats = get(viaOllamaUncached, "/embed/stats").body();
        assertThat(stats.get("size").asLong()).isZero();
        assertThat(stats.get("capacity").asLong()).isZero();
        assertThat(stats.get("hits").asLong()).isZero();
    }

    @Test
    void ollamaErrorsAre502WithOllamasOwnText() throws Exception {
        ollama.mode(FakeOllama.Mode.MODEL_NOT_FOUND);
        Reply notFound = embed(viaOllama, List.of("error probe 1"), null);
        assertThat(notFound.status()).isEqualTo(502);
        assertThat(notFound.body().get("detail").asString()).contains("model 'nomic-embed-text' not found");
        assertThat(notFound.body().get("upstream_status").asInt()).isEqualTo(404);

        ollama.mode(FakeOllama.Mode.RUNNER_CRASHED);
        Reply crashed = embed(viaOllama, List.of("error probe 2"), null);
        assertThat(crashed.status()).isEqualTo(502);
        assertThat(crashed.body().get("detail").asString()).contains("llama runner process has terminated");

        ollama.mode(FakeOllama.Mode.HTML_GATEWAY_ERROR);
        assertThat(embed(viaOllama, List.of("error probe 3"), null).body().get("detail").asString()).contains("Bad Gateway");

        ollama.mode(FakeOllama.Mode.WRONG_DIMENSION);
        Reply wrongDim = embed(viaOllama, List.of("error probe 4"), null);
        assertThat(wrongDim.status()).isEqualTo(502);
        assertThat(wrongDim.body().get("detail").asString()).contains("3-d");

        // Failures are not cached: the next good answer is fetched and used.
        ollama.mode(FakeOllama.Mode.NORMAL);
        assertThat(vectors(embed(viaOllama, List.of("error probe 1"), null).body()).getFirst())
                .containsExactly(FakeOllama.vectorOf("error probe 1", 768));
    }

    @Test
    void aHangingOllamaIs504AtBatchTimeout() throws Exception {
        ollama.mode(FakeOllama.Mode.HANG);
        long started = System.nanoTime();
        Reply reply = embed(viaOllama, List.of("hang probe"), null);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.body().get("detail").asString()).contains("batch_timeout");
        assertThat(elapsedMs).isBetween(1_900L, 10_000L);
    }

    @Test
    void anUnreachableOllamaIs502() {
        com.lakehouse.embedd.ollama.OllamaProvider provider = new com.lakehouse.embedd.ollama.OllamaProvider(
                java.net.URI.create("http://127.0.0.1:" + com.lakehouse.shared.testing.FreePort.find()),
                "nomic-embed-text", 768, HTTP);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> provider.embed(provider.models().getFirst(), List.of("anyone there"), Duration.ofSeconds(5)))
                .isInstanceOf(com.lakehouse.shared.error.UpstreamFailureException.class)
                .hasMessageContaining("unreachable");
    }

    // --- helpers ----------------------------------------------------------------------------

    record Reply(int status, JsonNode body) {
    }

    private static Reply embed(ServiceProcess service, List<String> texts, String model) throws Exception {
        Map<String, Object> body = model == null ? Map.of("texts", texts) : Map.of("texts", texts, "model", model);
        return post(service, JSON.writeValueAsString(body));
    }

    private static Reply embedUnchecked(ServiceProcess service, List<String> texts) {
        try {
            return embed(service, texts, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply post(ServiceProcess service, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(service.url("/embed")).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return send(request);
    }

    private static Reply get(ServiceProcess service, String path) throws Exception {
        return send(HttpRequest.newBuilder(service.url(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private static Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Reply(response.statusCode(), body.isEmpty() ? JSON.nullNode() : JSON.readTree(body));
    }

    private static List<float[]> vectors(JsonNode body) {
        List<float[]> out = new ArrayList<>();
        for (JsonNode row : body.get("vectors")) {
            float[] v = new float[row.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = row.get(i).floatValue();
            }
            out.add(v);
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

}
