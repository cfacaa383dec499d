package com.lakehouse.vectord.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.health.HealthState;
import com.lakehouse.vectord.engine.Distance;
import com.lakehouse.vectord.engine.IndexSpec;
import com.lakehouse.vectord.engine.IndexingPool;
import com.lakehouse.vectord.engine.VectorItem;

/** An index vectord cannot load is set aside, counted and shown; the others serve (issue 20). */
class IndexQuarantineTest {

    @TempDir
    Path dataDir;

    private IndexingPool pool;
    private IndexRegistry registry;
    private HealthState health;

    @BeforeEach
    void start() throws Exception {
        pool = new IndexingPool(2);
        registry = open();
        for (String name : List.of("good", "bad")) {
            registry.create(new IndexSpec(name, 2, Distance.L2, 16, 50), "test");
            registry.add(name, List.of(new VectorItem("a", new float[] {1, 0}, Map.of("k", "v"))), "test");
        }
        registry.close();
    }

    @AfterEach
    void stop() {
        registry.close();
        pool.close();
    }

    private IndexRegistry open() throws Exception {
        health = new HealthState();
        IndexRegistry r = new IndexRegistry(dataDir, null, pool, 16, Duration.ofMillis(100), new VectorJournal(null), health);
        r.start(Duration.ZERO);
        return r;
    }

    @Test
    void aCorruptCommitIsMovedAsideAndTheOthersServe() throws Exception {
        List<Path> segments = files(dataDir.resolve("bad")).stream()
                .filter(p -> p.getFileName().toString().startsWith("segments_")).toList();
        assertThat(segments).isNotEmpty();
        for (Path segment : segments) {
            Files.write(segment, "not a lucene commit".getBytes());
        }
        List<String> before = names(dataDir.resolve("bad"));

        registry = open();

        assertThat(registry.get("good").count()).isEqualTo(1);
        assertThat(registry.search("good", new float[] {1, 0}, 1, 10, null)).hasSize(1);
        assertThatThrownBy(() -> registry.get("bad")).isInstanceOf(NotFoundException.class);
        assertThat(health.snapshot().status()).isEqualTo(HealthState.DEGRADED);
        assertThat(health.quarantinedCount()).isEqualTo(1);
        Path kept = onlyQuarantined();
        assertThat(kept.getFileName().toString()).startsWith("bad.");
        assertThat(names(kept)).as("nothing deleted").containsExactlyInAnyOrderElementsOf(before);
        assertThat(Files.exists(dataDir.resolve("bad"))).isFalse();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> shown = (List<Map<String, String>>) registry.stats().get("quarantined");
        assertThat(shown).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("index", "bad");
            assertThat(e.get("kept_at")).startsWith(".quarantine/bad.").doesNotContain(dataDir.toString());
        });
    }

    @Test
    void missingSegmentFilesQuarantineTooAndTheNameCanBeCreatedAgain() throws Exception {
        for (Path file : files(dataDir.resolve("bad"))) {
            String name = file.getFileName().toString();
            if (!name.startsWith("segments_") && !name.equals("write.lock")) {
                Files.delete(file);
            }
        }

        registry = open();

        assertThat(registry.get("good").count()).isEqualTo(1);
        assertThat(health.quarantinedCount()).isEqualTo(1);
        registry.create(new IndexSpec("bad", 2, Distance.L2, 16, 50), "test");
        assertThat(registry.get("bad").count()).isZero();
        assertThat(onlyQuarantined()).exists();
    }

    @Test
    void aStrayDirectoryOfFilesIsKeptAsideAndAnEmptyOneIgnored() throws Exception {
        Files.createDirectories(dataDir.resolve("stray"));
        Files.writeString(dataDir.resolve("stray/notes.txt"), "hand made");
        Files.createDirectories(dataDir.resolve("empty"));

        registry = open();

        assertThat(registry.list()).extracting(IndexSummary::name).containsExactlyInAnyOrder("good", "bad");
        assertThat(health.quarantinedCount()).isEqualTo(1);
        assertThat(Files.readString(onlyQuarantined().resolve("notes.txt"))).isEqualTo("hand made");
        assertThat(Files.isDirectory(dataDir.resolve("empty"))).isTrue();
    }

    @Test
    void aCleanStartIsOk() throws Exception {
        registry = open();
        assertThat(health.snapshot().status()).isEqualTo(HealthState.OK);
        assertThat((List<?>) registry.stats().get("quarantined")).isEmpty();
    }

    private Path onlyQuarantined() throws Exception {
        List<Path> kept = files(dataDir.resolve(IndexQuarantine.DIRECTORY));
        assertThat(kept).hasSize(1);
        return kept.getFirst();
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }

    private static List<String> names(Path dir) throws Exception {
        return files(dir).stream().map(p -> p.getFileName().toString()).filter(n -> !n.equals("write.lock")).toList();
    }
}
