package com.lakehouse.vectord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import com.lakehouse.shared.files.FileTrees;
import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.testing.Closeables;
import com.lakehouse.shared.testing.FakeObserverd;
import com.lakehouse.shared.testing.S3ProxyServer;
import com.lakehouse.shared.testing.ServiceProcess;

/**
 * vectord as a real process over a real storaged over a real S3 server: every route and failure of
 * SPEC §7, persistence through LHV1 commit points, crash and restore. The last tests kill and
 * restart the service; the earlier ones share one fleet.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VectordIT {

    private static final Duration DEBOUNCE = Duration.ofMillis(300);

    @TempDir
    static Path work;

    static S3ProxyServer s3;
    static ServiceProcess storaged;
    static ServiceProcess vectord;
    static FakeObserverd journal;
    static VectordHttp api;
    static VectordHttp storage;

    @BeforeAll
    static void fleet() throws Exception {
        s3 = S3ProxyServer.start(Files.createDirectories(work.resolve("s3")));
        storaged = ServiceProcess.builder("storaged", Files.createDirectories(work.resolve("storaged")))
                .env(s3.credentialsEnv()).properties(s3.storagedProperties()).start();
        journal = FakeObserverd.start();
        vectord = ServiceProcess.builder("vectord", Files.createDirectories(work.resolve("vectord")))
                .heap("768m")
                .property("lakehouse.vectord.storaged_url", storaged.baseUrl())
                .property("lakehouse.vectord.observerd_url", journal.url())
                .property("lakehouse.vectord.commit_debounce", DEBOUNCE.toMillis() + "ms")
                .start();
        api = new VectordHttp(vectord.baseUrl());
        storage = new VectordHttp(storaged.baseUrl());
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(vectord, storaged, s3, journal);
    }

    // ---- index lifecycle -------------------------------------------------------------------

    @Test
    @Order(1)
    void createListGetAndDeleteAnIndexWithItsStoredCommitPoint() {
        assertThat(create("life", 4, "cosine").status()).isEqualTo(201);
        assertThat(create("life", 4, "cosine").status()).isEqualTo(409);
        assertThat(create("bad/name", 4, "cosine").status()).isEqualTo(422);
        assertThat(create(".hidden", 4, "cosine").status()).isEqualTo(422);
        assertThat(create("dim0", 0, "cosine").status()).isEqualTo(422);
        assertThat(create("dim4097", 4097, "cosine").status()).isEqualTo(422);
        assertThat(create("dist", 4, "hamming").status()).isEqualTo(400);
        assertThat(api.post("/vectors/index", "{\"name\":\"nodim\"}").status()).isEqualTo(400);
        assertThat(create("dim4096", 4096, "dot").status()).isEqualTo(201);

        JsonNode listed = api.get("/vectors/index").json().get("indexes");
        assertThat(listed.findValuesAsString("name")).contains("life", "dim4096").doesNotContain("dim0", "nodim");
        JsonNode one = api.get("/vectors/index/life").json();
        assertThat(one.get("dimension").asInt()).isEqualTo(4);
        assertThat(one.get("distance").asString()).isEqualTo("cosine");
        assertThat(one.get("count").asInt()).isZero();
        assertThat(api.get("/vectors/index/absent").status()).isEqualTo(404);

        eventually(() -> storage.get("/storage/object/_vectors/life.lhv1").status() == 200);
        assertThat(api.delete("/vectors/index/life").status()).isEqualTo(204);
        assertThat(api.get("/vectors/index/life").status()).isEqualTo(404);
        assertThat(api.delete("/vectors/index/life").status()).isEqualTo(404);
        assertThat(storage.get("/storage/object/_vectors/life.lhv1").status()).isEqualTo(404);
        assertThat(storage.get("/storage/list?prefix=_vectors/life/").json().get("objects")).isEmpty();
        assertThat(api.delete("/vectors/index/dim4096").status()).isEqualTo(204);
    }

    // ---- adds --------------------------------------------------------------------------------

    @Test
    @Order(2)
    void aBatchWithOneBadItemIsRefusedWholeAndTheErrorNamesTheItem() {
        create("valid", 3, "cosine");
        assertRejected(batch(item("a", 1, 0, 0), item("b", 0, 1, 0), item("", 0, 0, 1)), 2, "empty id");
        assertRejected(batch(item("a", 1, 0, 0), item("b", 0, 1)), 1, "dimensions");
        assertRejected(batch(item("a", 1, 0, 0), item("b", 1e39, 0, 0)), 1, "non-finite");
        assertRejected(batch(item("a", 0, 0, 0)), 0, "zero vector");
        assertThat(api.post("/vectors/index/valid/add", "{\"items\":[{\"id\":\"n\",\"vector\":[NaN,0,0]}]}").status())
                .isEqualTo(400);
        assertThat(api.post("/vectors/index/valid/add", "{\"items\":[]}").status()).isEqualTo(400);
        assertThat(api.post("/vectors/index/valid/add", "{not json").status()).isEqualTo(400);
        assertThat(api.post("/vectors/index/absent/add", batch(item("a", 1, 0, 0))).status()).isEqualTo(404);
        assertThat(api.get("/vectors/index/valid").json().get("count").asInt()).isZero();

        create("l2zero", 3, "l2");
        assertThat(api.post("/vectors/index/l2zero/add", batch(item("z", 0, 0, 0))).status()).isEqualTo(200);
    }

    private void assertRejected(Map<String, Object> body, int itemIndex, String reason) {
        VectordHttp.Reply reply = api.post("/vectors/index/valid/add", body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).contains("items[" + itemIndex + "]").contains(reason);
        assertThat(reply.json().get("item").asInt()).isEqualTo(itemIndex);
    }

    @Test
    @Order(3)
    void upsertByIdKeepsMetadataWhenOmittedAndClearsItWithAnEmptyObject() {
        create("upsert", 3, "cosine");
        VectordHttp.Reply first = api.post("/vectors/index/upsert/add",
                batch(item("a", Map.of("color", "red"), 1, 0, 0), item("b", null, 0, 1, 0)));
        assertThat(first.json().get("added").asInt()).isEqualTo(2);
        assertThat(first.json().get("count").asInt()).isEqualTo(2);

        VectordHttp.Reply again = api.post("/vectors/index/upsert/add", batch(item("a", null, 0, 0, 1)));
        assertThat(again.json().get("count").asInt()).isEqualTo(2);
        JsonNode a = api.get("/vectors/index/upsert/items/a").json();
        assertThat(a.get("vector").get(2).asDouble()).isEqualTo(1.0);
        assertThat(a.get("metadata").get("color").asString()).isEqualTo("red");

        api.post("/vectors/index/upsert/add", batch(item("a", Map.of(), 0, 0, 1)));
        assertThat(api.get("/vectors/index/upsert/items/a").json().get("metadata").isEmpty()).isTrue();
        assertThat(api.get("/vectors/index/upsert/items/missing").status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void aDeletedItemIsGoneAndItsIdCanBeAddedAgain() {
        create("tomb", 3, "cosine");
        api.post("/vectors/index/tomb/add", batch(item("x/1", 1, 0, 0), item("y", 0, 1, 0)));
        assertThat(api.delete("/vectors/index/tomb/items/x/1").status()).isEqualTo(204);
        assertThat(api.get("/vectors/index/tomb/items/x/1").status()).isEqualTo(404);
        assertThat(api.delete("/vectors/index/tomb/items/x/1").status()).isEqualTo(204);
        assertThat(ids(search("tomb", 10, null, 1, 0, 0))).containsExactly("y");
        assertThat(api.get("/vectors/index/tomb").json().get("count").asInt()).isEqualTo(1);

        api.post("/vectors/index/tomb/add", batch(item("x/1", Map.of("v", 2), 1, 0, 0)));
        assertThat(ids(search("tomb", 10, null, 1, 0, 0))).containsExactly("x/1", "y");
        assertThat(api.get("/vectors/index/tomb").json().get("count").asInt()).isEqualTo(2);
        assertThat(api.delete("/vectors/index/absent/items/x").status()).isEqualTo(404);
    }

    // ---- search ------------------------------------------------------------------------------

    @Test
    @Order(5)
    void anExactRequeryReturnsTheItemFirstAtDistanceZeroUnderEveryMetric() {
        float[][] vectors = randomUnitVectors(300, 16, 11);
        for (String distance : List.of("cosine", "l2", "dot")) {
            String name = "exact-" + distance;
            create(name, 16, distance);
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < vectors.length; i++) {
                items.add(Map.of("id", "v" + i, "vector", vectors[i]));
            }
            assertThat(api.post("/vectors/index/" + name + "/add", Map.of("items", items)).status()).isEqualTo(200);
            for (int i = 0; i < vectors.length; i += 37) {
                JsonNode hits = search(name, 5, null, vectors[i]).get("hits");
                assertThat(hits.get(0).get("id").asString()).as(distance).isEqualTo("v" + i);
                assertThat(hits.get(0).get("distance").asDouble()).as(distance).isLessThan(1e-5);
                assertThat(hits.get(1).get("distance").asDouble()).isGreaterThanOrEqualTo(hits.get(0).get("distance").asDouble());
            }
        }
        JsonNode l2 = search("exact-l2", 1, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).get("hits");
        // squared Euclidean: a unit vector is at distance 1 from the origin
        assertThat(l2.get(0).get("distance").asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(api.post("/vectors/index/exact-l2/search", Map.of("vector", new float[3])).status()).isEqualTo(400);
        assertThat(api.post("/vectors/index/exact-l2/search", Map.of("vector", vectors[0], "k", 0)).status()).isEqualTo(400);
        assertThat(api.post("/vectors/index/exact-l2/search", Map.of("vector", vectors[0], "k", 1001)).status()).isEqualTo(400);
        assertThat(api.post("/vectors/index/absent/search", Map.of("vector", vectors[0])).status()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void aFilterStillReturnsKHitsWhenKMatch() {
        create("filtered", 16, "cosine");
        float[][] vectors = randomUnitVectors(2_000, 16, 5);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            items.add(Map.of("id", "f" + i, "vector", vectors[i],
                    "metadata", Map.of("group", "g" + (i % 100), "even", i % 2 == 0, "rank", i)));
        }
        api.post("/vectors/index/filtered/add", Map.of("items", items));

        JsonNode hits = search("filtered", 10, Map.of("group", "g7"), vectors[0]).get("hits");
        assertThat(hits).hasSize(10);
        hits.forEach(h -> assertThat(h.get("metadata").get("group").asString()).isEqualTo("g7"));

        JsonNode two = search("filtered", 30, Map.of("group", "g3", "even", false), vectors[1]).get("hits");
        assertThat(two).hasSize(20);
        two.forEach(h -> assertThat(h.get("metadata").get("even").asBoolean()).isFalse());

        assertThat(search("filtered", 10, Map.of("rank", 42.0), vectors[2]).get("hits")).hasSize(1);
        assertThat(search("filtered", 10, Map.of("group", List.of("g1", "g2")), vectors[2]).get("hits")).hasSize(10);
        assertThat(search("filtered", 10, Map.of("group", "none"), vectors[2]).get("hits")).isEmpty();
    }

    // ---- merge -------------------------------------------------------------------------------

    @Test
    @Order(7)
    void mergeMovesWhatDestLacksIsIdempotentAndRefusesNonsense() {
        create("msrc", 3, "cosine");
        create("mdest", 3, "cosine");
        create("mother", 4, "cosine");
        api.post("/vectors/index/msrc/add", batch(item("a", Map.of("k", 1), 1, 0, 0), item("b", null, 0, 1, 0),
                item("c", null, 0, 0, 1)));
        api.post("/vectors/index/mdest/add", batch(item("c", null, 1, 1, 0)));

        JsonNode merged = api.post("/vectors/index/msrc/merge", Map.of("dest", "mdest")).json();
        assertThat(merged.get("moved").asInt()).isEqualTo(2);
        assertThat(merged.get("skipped").asInt()).isEqualTo(1);
        assertThat(merged.get("dest_count").asInt()).isEqualTo(3);
        assertThat(api.get("/vectors/index/mdest/items/a").json().get("metadata").get("k").asInt()).isEqualTo(1);
        assertThat(api.get("/vectors/index/mdest/items/c").json().get("vector").get(1).asDouble()).isEqualTo(1.0);

        JsonNode rerun = api.post("/vectors/index/msrc/merge", Map.of("dest", "mdest", "clear_source", true)).json();
        assertThat(rerun.get("moved").asInt()).isZero();
        assertThat(rerun.get("dest_count").asInt()).isEqualTo(3);
        assertThat(rerun.get("source_count").asInt()).isZero();

        assertThat(api.post("/vectors/index/mdest/merge", Map.of("dest", "mdest")).status()).isEqualTo(400);
        assertThat(api.post("/vectors/index/mdest/merge", Map.of("dest", "mother")).status()).isEqualTo(400);
        assertThat(api.post("/vectors/index/mdest/merge", Map.of("dest", "absent")).status()).isEqualTo(404);
        assertThat(api.post("/vectors/index/absent/merge", Map.of("dest", "mdest")).status()).isEqualTo(404);
    }

    // ---- journal, body cap ---------------------------------------------------------------------

    @Test
    @Order(8)
    void everyMutationIsJournaledWithItsActor() {
        eventually(() -> actions("upsert").containsAll(List.of("create", "add"))
                && actions("tomb").contains("delete_item") && actions("msrc").contains("merge")
                && actions("life").contains("delete"));
        assertThat(journal.events()).allSatisfy(e -> {
            assertThat(e.get("actor").asString()).isEqualTo("anonymous");
            assertThat(e.get("entity_type").asString()).isEqualTo("vector_index");
        });
    }

    private List<String> actions(String index) {
        return journal.events().stream().filter(e -> e.get("entity_id").asString().equals(index))
                .map(e -> e.get("action").asString()).toList();
    }

    @Test
    @Order(9)
    void bodiesOverSixtyFourMebibytesAreRefusedBeforeParsing() {
        assertThat(api.declaredLengthStatus("/vectors/index/valid/add", 64L * 1024 * 1024 + 1)).isEqualTo(413);
    }

    // ---- persistence ---------------------------------------------------------------------------

    @Test
    @Order(10)
    void theCommitPointIsAnLhv1EnvelopeNamingUploadedFilesAndUnchangedFilesAreNotUploadedAgain() {
        create("persist", 8, "cosine");
        float[][] vectors = randomUnitVectors(500, 8, 3);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            items.add(i % 2 == 0 ? Map.of("id", "p" + i, "vector", vectors[i])
                    : Map.of("id", "p" + i, "vector", vectors[i], "metadata", Map.of("odd", true)));
        }
        api.post("/vectors/index/persist/add", Map.of("items", items));
        JsonNode envelope = awaitEnvelope("persist", 500);
        assertThat(envelope.get("version").asInt()).isEqualTo(2);
        assertThat(envelope.get("dimension").asInt()).isEqualTo(8);
        assertThat(envelope.get("distance").asString()).isEqualTo("cosine");
        assertThat(envelope.get("params").get("m").asInt()).isEqualTo(16);
        assertThat(envelope.get("params").get("ef_construction").asInt()).isEqualTo(200);
        assertThat(envelope.get("metadata").size()).isEqualTo(250);
        List<String> stored = storage.get("/storage/list?prefix=_vectors/persist/").json().get("objects")
                .findValuesAsString("key");
        envelope.get("files").forEach(f -> assertThat(stored).contains("_vectors/persist/" + f.asString()));
        eventually(() -> !indexStats("persist").get("commit_pending").asBoolean());
        JsonNode settled = indexStats("persist");

        // a delete adds a live-docs file and a new segments_N; the segment files themselves are unchanged
        assertThat(api.delete("/vectors/index/persist/items/p7").status()).isEqualTo(204);
        awaitEnvelope("persist", 499);
        eventually(() -> !indexStats("persist").get("commit_pending").asBoolean());
        JsonNode stats = indexStats("persist");
        assertThat(stats.get("files_reused").asLong() - settled.get("files_reused").asLong())
                .as("unchanged segment files are not uploaded again").isPositive();
        assertThat(stats.get("files_uploaded").asLong() - settled.get("files_uploaded").asLong())
                .as("only the new live-docs file and segments_N go up").isLessThanOrEqualTo(3);
    }

    @Test
    @Order(11)
    void aBurstOfAThousandSingleAddsCostsABoundedNumberOfCommits() {
        create("burst", 8, "cosine");
        float[][] vectors = randomUnitVectors(1_000, 8, 21);
        eventually(() -> indexStats("burst").get("commits").asLong() >= 1 && !indexStats("burst").get("commit_pending").asBoolean());
        long before = indexStats("burst").get("commits").asLong();
        long start = System.nanoTime();
        for (int i = 0; i < vectors.length; i++) {
            assertThat(api.post("/vectors/index/burst/add", batch(item("b" + i, null, toDoubles(vectors[i])))).status())
                    .isEqualTo(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        awaitEnvelope("burst", 1_000);
        eventually(() -> !indexStats("burst").get("commit_pending").asBoolean());
        long commits = indexStats("burst").get("commits").asLong() - before;
        long bound = (long) Math.ceil(seconds / (DEBOUNCE.toMillis() / 1000.0)) + 2;
        System.out.printf("burst: 1000 adds in %.1f s cost %d commits (bound %d)%n", seconds, commits, bound);
        assertThat(commits).isBetween(1L, Math.min(bound, 200));
        assertThat(journal.events().stream().filter(e -> e.get("entity_id").asString().equals("burst")).count())
                .isGreaterThan(0);
    }

    @Test
    @Order(12)
    void searchesAnswerWhileTenThousandVectorsAreAdded() throws Exception {
        create("busy", 384, "cosine");
        float[][] seed = randomUnitVectors(1_000, 384, 8);
        api.post("/vectors/index/busy/add", Map.of("items", itemsOf("s", seed)));
        byte[] bigBatch = LakehouseJson.mapper().writeValueAsBytes(Map.of("items", itemsOf("x", randomUnitVectors(10_000, 384, 9))));
        assertThat(bigBatch.length).as("over the fleet's default 16 MiB cap").isGreaterThan(16 * 1024 * 1024);

        CompletableFuture<VectordHttp.Reply> add = CompletableFuture.supplyAsync(() -> api.postBytes("/vectors/index/busy/add", bigBatch));
        List<Long> latencies = new ArrayList<>();
        while (!add.isDone()) {
            long start = System.nanoTime();
            JsonNode hits = search("busy", 10, null, seed[latencies.size() % seed.length]).get("hits");
            latencies.add((System.nanoTime() - start) / 1_000_000);
            assertThat(hits).hasSize(10);
        }
        VectordHttp.Reply reply = add.get();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("count").asInt()).isEqualTo(11_000);
        System.out.println("searches during the 10,000-vector add: " + latencies.size() + ", latencies ms " + latencies);
        assertThat(latencies.size()).as("searches answered while the add ran").isGreaterThanOrEqualTo(5);
        assertThat(latencies.stream().sorted().toList().get(latencies.size() / 2)).as("median ms").isLessThan(1_000L);
    }

    @Test
    @Order(13)
    void aKillAfterTheDebounceWindowLosesNothing() {
        create("crash", 8, "l2");
        float[][] vectors = randomUnitVectors(200, 8, 31);
        api.post("/vectors/index/crash/add", Map.of("items", itemsOf("c", vectors)));
        api.delete("/vectors/index/crash/items/c5");
        eventually(() -> !indexStats("crash").get("commit_pending").asBoolean()
                && indexStats("crash").get("count").asInt() == 199);
        String before = search("crash", 10, null, toDoubles(vectors[7])).toString();

        vectord.kill();
        vectord.restart();
        assertThat(api.get("/vectors/index/crash").json().get("count").asInt()).isEqualTo(199);
        assertThat(api.get("/vectors/index/crash/items/c5").status()).isEqualTo(404);
        assertThat(search("crash", 10, null, toDoubles(vectors[7])).toString()).isEqualTo(before);
    }

    @Test
    @Order(14)
    void aRestartWithTheDataDirectoryWipedRestoresEveryIndexFromStoraged() throws Exception {
        List<String> names = new ArrayList<>();
        api.get("/vectors/index").json().get("indexes").forEach(i -> names.add(i.get("name").asString()));
        for (String name : names) {
            eventually(() -> !indexStats(name).get("commit_pending").asBoolean());
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (String name : List.of("persist", "filtered", "busy", "crash", "burst")) {
            int dim = api.get("/vectors/index/" + name).json().get("dimension").asInt();
            double[] query = toDoubles(randomUnitVectors(1, dim, 77)[0]);
            answers.put(name, search(name, 10, null, query).toString());
        }
        String listing = api.get("/vectors/index").json().toString();

        vectord.kill();
        FileTrees.deleteTree(work.resolve("vectord/data/vectord"));
        vectord.restart();

        assertThat(api.get("/vectors/index").json().toString()).isEqualTo(listing);
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            int dim = api.get("/vectors/index/" + answer.getKey()).json().get("dimension").asInt();
            double[] query = toDoubles(randomUnitVectors(1, dim, 77)[0]);
            assertThat(search(answer.getKey(), 10, null, query).toString()).as(answer.getKey()).isEqualTo(answer.getValue());
        }
        assertThat(api.get("/vectors/index/upsert/items/a").json().get("metadata").isEmpty()).isTrue();
        assertThat(api.get("/vectors/index/tomb/items/x/1").json().get("metadata").get("v").asInt()).isEqualTo(2);
        assertThat(indexStats("busy").has("restore_ms")).isTrue();
        assertThat(vectord.logTail(400)).doesNotContain(work.toAbsolutePath().toString());
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * The promise of an add's 200 (docs/vectord.md): the batch is committed on vectord's disk. Four
     * writers add batches while vectord is killed with SIGKILL right after acknowledgments arrive
     * (inside the commit debounce window); after the restart every acknowledged batch is there
     * whole and no batch is there in part.
     */
    @Test
    @Order(15)
    void aKillRightAfterAcknowledgedAddsLosesNoneAndShowsNoPartialBatch() throws Exception {
        create("acked", 4, "cosine");
        int batchSize = 10;
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.add(CompletableFuture.runAsync(() -> {
                for (int b = 0; !stop.get() && b < 1000; b++) {
                    String batch = "w" + writer + "b" + b + "-";
                    sent.add(batch);
                    try {
                        VectordHttp.Reply reply = api.post("/vectors/index/acked/add",
                                Map.of("items", itemsOf(batch, randomUnitVectors(batchSize, 4, writer * 1000L + b))));
                        if (reply.status() == 200) {
                            acknowledged.add(batch);
                        }
                    } catch (RuntimeException killed) {
                        return;
                    }
                }
            }));
        }
        eventually(() -> acknowledged.size() >= 20);
        vectord.kill();
        stop.set(true);
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, java.util.concurrent.TimeUnit.SECONDS);
        vectord.restart();

        for (String batch : List.copyOf(sent)) {
            int present = 0;
            for (int i = 0; i < batchSize; i++) {
                if (api.get("/vectors/index/acked/items/" + batch + i).status() == 200) {
                    present++;
                }
            }
            if (acknowledged.contains(batch)) {
                assertThat(present).as("acknowledged batch " + batch).isEqualTo(batchSize);
            } else {
                assertThat(present).as("unacknowledged batch " + batch + " is all or nothing").isIn(0, batchSize);
            }
        }
    }

    private static VectordHttp.Reply create(String name, int dimension, String distance) {
        return api.post("/vectors/index", Map.of("name", name, "dimension", dimension, "distance", distance));
    }

    private static Map<String, Object> item(String id, double... vector) {
        return Map.of("id", id, "vector", vector);
    }

    private static Map<String, Object> item(String id, Map<String, Object> metadata, double... vector) {
        Map<String, Object> item = new HashMap<>();
        item.put("id", id);
        item.put("vector", vector);
        if (metadata != null) {
            item.put("metadata", metadata);
        }
        return item;
    }

    @SafeVarargs
    private static Map<String, Object> batch(Map<String, Object>... items) {
        return Map.of("items", List.of(items));
    }

    private static List<Map<String, Object>> itemsOf(String prefix, float[][] vectors) {
        List<Map<String, Object>> items = new ArrayList<>(vectors.length);
        for (int i = 0; i < vectors.length; i++) {
            items.add(Map.of("id", prefix + i, "vector", vectors[i]));
        }
        return items;
    }

    private static JsonNode search(String index, int k, Map<String, Object> filter, double... vector) {
        Map<String, Object> body = new HashMap<>();
        body.put("vector", vector);
        body.put("k", k);
        if (filter != null) {
            body.put("filter", filter);
        }
        VectordHttp.Reply reply = api.post("/vectors/index/" + index + "/search", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode search(String index, int k, Map<String, Object> filter, float[] vector) {
        return search(index, k, filter, toDoubles(vector));
    }

    private static List<String> ids(JsonNode reply) {
        return reply.get("hits").findValuesAsString("id");
    }

    private static JsonNode indexStats(String name) {
        return api.get("/vectors/stats").json().get("indexes").get(name);
    }

    /** Waits for the stored commit point to list {@code count} ids, and returns its envelope. */
    private static JsonNode awaitEnvelope(String name, int count) {
        JsonNode[] envelope = new JsonNode[1];
        eventually(() -> {
            byte[] bytes = storage.getBytes("/storage/object/_vectors/" + name + ".lhv1");
            if (bytes == null) {
                return false;
            }
            assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("LHV1");
            int length = ByteBuffer.wrap(bytes, 4, 4).getInt();
            envelope[0] = LakehouseJson.mapper().readTree(new String(bytes, 8, length, StandardCharsets.UTF_8));
            return envelope[0].get("ids").size() == count;
        });
        return envelope[0];
    }

    private static float[][] randomUnitVectors(int n, int dim, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[n][dim];
        for (float[] v : out) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                v[d] = (float) (random.nextDouble() * 2 - 1);
                norm += v[d] * v[d];
            }
            for (int d = 0; d < dim; d++) {
                v[d] /= (float) Math.sqrt(norm);
            }
        }
        return out;
    }

    private static double[] toDoubles(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 60 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
