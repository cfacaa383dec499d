package com.lakehouse.observerd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.testing.FreePort;
import com.lakehouse.shared.testing.ServiceProcess;

import tools.jackson.databind.JsonNode;

/** The observer half of observerd as a real process over real HTTP (SPEC §10, ADR-005). */
class ObserverdIT {

    private static final int CAPACITY = 50;

    @TempDir
    static Path work;

    private static ServiceProcess observerd;

    @BeforeAll
    static void start() {
        // No storaged behind the dead port: the observer needs none, and the journal's flushes just fail.
        observerd = ServiceProcess.builder("observerd", work)
                .property("lakehouse.observerd.ring_capacity", CAPACITY)
                .property("lakehouse.observerd.storaged_url", "http://127.0.0.1:" + FreePort.find())
                .property("lakehouse.observerd.catalogd_url", "http://127.0.0.1:" + FreePort.find())
                .start();
    }

    @AfterAll
    static void stop() {
        observerd.close();
    }

    private static Http.Response emit(ServiceProcess service, String source, String kind, Object payload) {
        return Http.post(service.url("/observer/event"), Map.of("source", source, "kind", kind, "payload", payload));
    }

    @Test
    void fullRingEvictsTheOldestAndListsNewestFirst() {
        for (int i = 0; i < CAPACITY + 10; i++) {
            assertThat(emit(observerd, "evict", "tick", Map.of("i", i)).status()).isEqualTo(202);
        }
        JsonNode all = Http.get(observerd.url("/observer/events?limit=" + CAPACITY)).body();
        assertThat(all.get("count").asInt()).isEqualTo(CAPACITY);
        JsonNode events = all.get("events");
        assertThat(events.get(0).get("payload").get("i").asInt()).isEqualTo(CAPACITY + 9);
        assertThat(events.get(CAPACITY - 1).get("payload").get("i").asInt()).isEqualTo(10);
        JsonNode stats = Http.get(observerd.url("/observer/stats")).body();
        assertThat(stats.get("ring_size").asInt()).isEqualTo(CAPACITY);
        assertThat(stats.get("capacity").asInt()).isEqualTo(CAPACITY);
        assertThat(stats.get("by_source").get("evict").asLong()).isEqualTo(CAPACITY + 10);
    }

    @Test
    void filtersBySourceAndKindWithALimit() {
        emit(observerd, "filter-a", "x", 1);
        emit(observerd, "filter-b", "x", 2);
        emit(observerd, "filter-a", "y", 3);
        JsonNode bySource = Http.get(observerd.url("/observer/events?source=filter-a")).body().get("events");
        assertThat(bySource).hasSize(2);
        assertThat(bySource.get(0).get("payload").asInt()).isEqualTo(3);
        JsonNode both = Http.get(observerd.url("/observer/events?source=filter-a&kind=x&limit=5")).body().get("events");
        assertThat(both).hasSize(1);
        assertThat(both.get(0).get("payload").asInt()).isEqualTo(1);
        assertThat(Http.get(observerd.url("/observer/events?source=filter-a&limit=1")).body().get("count").asInt())
                .isEqualTo(1);
    }

    @Test
    void statsAreExactUnderFiftyConcurrentSenders() throws Exception {
        int senders = 50;
        int each = 40;
        long before = Http.get(observerd.url("/observer/stats")).body().get("total").asLong();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> failures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            for (int s = 0; s < senders; s++) {
                String source = "conc-" + (s % 5);
                failures.add(pool.submit(() -> {
                    go.await();
                    int bad = 0;
                    for (int i = 0; i < each; i++) {
                        if (emit(observerd, source, i % 2 == 0 ? "conc-even" : "conc-odd", i).status() != 202) {
                            bad++;
                        }
                    }
                    return bad;
                }));
            }
            go.countDown();
            for (Future<Integer> f : failures) {
                assertThat(f.get()).isZero();
            }
        }
        JsonNode stats = Http.get(observerd.url("/observer/stats")).body();
        assertThat(stats.get("total").asLong() - before).isEqualTo(senders * each);
        for (int s = 0; s < 5; s++) {
            assertThat(stats.get("by_source").get("conc-" + s).asLong()).isEqualTo(10L * each);
        }
        assertThat(stats.get("by_kind").get("conc-even").asLong()).isEqualTo(senders * each / 2);
        assertThat(stats.get("by_kind").get("conc-odd").asLong()).isEqualTo(senders * each / 2);
        assertThat(stats.get("persist_errors").asLong()).isZero();
    }

    @Test
    void eventsAreAppendedToTheJsonlLog() throws Exception {
        emit(observerd, "persisted", "mark", Map.of("marker", "jsonl-42"));
        Path log = work.resolve("data/observerd/events.jsonl");
        assertThat(Files.readAllLines(log)).anySatisfy(line -> assertThat(line)
                .contains("\"source\":\"persisted\"").contains("jsonl-42"));
    }

    @Test
    void anyJsonIsAcceptedButABodyThatIsNotJsonIsRefused() {
        assertThat(Http.post(observerd.url("/observer/event"), "[1,2]").status()).isEqualTo(202);
        assertThat(Http.post(observerd.url("/observer/event"), "{\"kind\":\"no-source\"}").status()).isEqualTo(202);
        Http.Response malformed = Http.post(observerd.url("/observer/event"), "{\"source\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("status").asInt()).isEqualTo(400);
        assertThat(Http.get(observerd.url("/observer/events?limit=0")).status()).isEqualTo(400);
        assertThat(Http.get(observerd.url("/observer/events?limit=" + (CAPACITY + 1))).status()).isEqualTo(400);
        assertThat(Http.get(observerd.url("/observer/events?limit=abc")).status()).isEqualTo(400);
    }

    @Test
    void anUnwritableDataDirIsCountedWhileEveryEventIsStillAccepted(@TempDir Path other) throws Exception {
        Path blocker = Files.writeString(other.resolve("blocker"), "a file where the data dir should be");
        try (ServiceProcess broken = ServiceProcess.builder("observerd", other)
                .property("lakehouse.observerd.data_dir", blocker.resolve("observerd"))
                .property("lakehouse.observerd.storaged_url", "http://127.0.0.1:" + FreePort.find())
                .start()) {
            for (int i = 0; i < 5; i++) {
                assertThat(emit(broken, "unwritable", "k", i).status()).isEqualTo(202);
            }
            JsonNode stats = Http.get(broken.url("/observer/stats")).body();
            assertThat(stats.get("total").asLong()).isEqualTo(5);
            assertThat(stats.get("persist_errors").asLong()).isEqualTo(5);
            assertThat(stats.get("ring_size").asInt()).isEqualTo(5);
            assertThat(Http.get(broken.url("/observer/events")).body().get("count").asInt()).isEqualTo(5);
            // The journal cannot acknowledge what it cannot make durable: 503, not a false 202.
            Http.Response journal = Http.post(broken.url("/journal/events"),
                    "{\"events\":[{\"entity_type\":\"t\",\"entity_id\":\"i\",\"action\":\"add\"}]}");
            assertThat(journal.status()).isEqualTo(503);
            assertThat(journal.text()).doesNotContain(other.toString());
            assertThat(broken.logTail(200)).contains("cannot persist events").doesNotContain(other.toString());
            assertThat(broken.isAlive()).isTrue();
        }
    }
}
