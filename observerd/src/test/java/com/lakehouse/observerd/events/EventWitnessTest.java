package com.lakehouse.observerd.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.http.LakehouseJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;

class EventWitnessTest {

    @TempDir
    Path dir;

    @Test
    void statsAreExactUnderFiftyConcurrentSenders() throws Exception {
        EventWitness witness = new EventWitness(100, 1 << 20, 1000, new EventLog(dir.resolve("events.jsonl")));
        int senders = 50;
        int each = 200;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            for (int s = 0; s < senders; s++) {
                String source = "svc" + (s % 5);
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        witness.record(source, i % 2 == 0 ? "even" : "odd", IntNode.valueOf(i));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        ObserverStats stats = witness.stats();
        assertThat(stats.total()).isEqualTo(senders * each);
        assertThat(stats.bySource()).hasSize(5).allSatisfy((k, v) -> assertThat(v).isEqualTo(10L * each));
        assertThat(stats.byKind()).containsEntry("even", senders * each / 2L).containsEntry("odd", senders * each / 2L);
        assertThat(stats.ringSize()).isEqualTo(100);
        assertThat(stats.evicted()).isEqualTo(senders * each - 100L);
        assertThat(stats.persistErrors()).isZero();
        assertThat(Files.readAllLines(dir.resolve("events.jsonl"))).hasSize(senders * each);
    }

    @Test
    void eachEventIsAJsonLineWithItsPayload() throws Exception {
        EventWitness witness = new EventWitness(10, 1 << 20, 1000, new EventLog(dir.resolve("sub/events.jsonl")));
        JsonNode payload = LakehouseJson.mapper().readTree("{\"rows\":3,\"name\":\"a\\nb\"}");
        witness.record("ingestd", "ingest", payload);
        List<String> lines = Files.readAllLines(dir.resolve("sub/events.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode line = LakehouseJson.mapper().readTree(lines.get(0));
        assertThat(line.get("source").stringValue()).isEqualTo("ingestd");
        assertThat(line.get("payload")).isEqualTo(payload);
        assertThat(line.get("received_at").stringValue()).endsWith("Z");
    }

    @Test
    void persistFailureIsCountedAndTheEventStillRecorded() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        EventWitness witness = new EventWitness(10, 1 << 20, 1000, new EventLog(blocker.resolve("events.jsonl")));
        for (int i = 0; i < 3; i++) {
            witness.record("a", "k", IntNode.valueOf(i));
        }
        ObserverStats stats = witness.stats();
        assertThat(stats.total()).isEqualTo(3);
        assertThat(stats.ringSize()).isEqualTo(3);
        assertThat(stats.persistErrors()).isEqualTo(3);
        assertThat(witness.events(null, null, 10)).hasSize(3);
    }

    @Test
    void persistenceResumesOnceTheDirectoryIsWritable() throws Exception {
        Path blocker = Files.writeString(dir.resolve("later"), "x");
        EventWitness witness = new EventWitness(10, 1 << 20, 1000, new EventLog(blocker.resolve("events.jsonl")));
        witness.record("a", "k", IntNode.valueOf(1));
        Files.delete(blocker);
        witness.record("a", "k", IntNode.valueOf(2));
        assertThat(witness.stats().persistErrors()).isEqualTo(1);
        assertThat(Files.readAllLines(blocker.resolve("events.jsonl"))).hasSize(1);
    }

    @Test
    void blankSourceAndKindAreUnknown() {
        EventWitness witness = new EventWitness(10, 1 << 20, 1000, new EventLog(dir.resolve("e.jsonl")));
        ObservedEvent event = witness.record(" ", null, IntNode.valueOf(1));
        assertThat(event.source()).isEqualTo("unknown");
        assertThat(event.kind()).isEqualTo("unknown");
        assertThat(witness.stats().bySource()).containsEntry("unknown", 1L);
    }

    @Test
    void countersStopGrowingPastMaxCounterKeys(@TempDir Path dir) {
        EventWitness witness = new EventWitness(10, 1 << 20, 3, new EventLog(dir.resolve("bounded.jsonl")));
        for (int i = 0; i < 50; i++) {
            witness.record("made-up-" + i, "kind-" + i, null);
        }
        witness.record("made-up-0", "kind-0", null);
        ObserverStats stats = witness.stats();
        assertThat(stats.bySource()).hasSize(4).containsEntry("made-up-0", 2L).containsEntry(EventWitness.OTHER, 47L);
        assertThat(stats.byKind()).hasSize(4).containsEntry(EventWitness.OTHER, 47L);
        assertThat(stats.total()).isEqualTo(51);
    }
}
