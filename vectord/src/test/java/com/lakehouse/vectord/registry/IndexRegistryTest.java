package com.lakehouse.vectord.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.error.ConflictException;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.vectord.engine.Distance;
import com.lakehouse.vectord.engine.IndexSpec;
import com.lakehouse.vectord.engine.IndexingPool;
import com.lakehouse.vectord.engine.VectorItem;

/** The registry with local-only persistence (storaged_url empty): coalesced commits, restart, merge rules. */
class IndexRegistryTest {

    private static final Duration DEBOUNCE = Duration.ofMillis(200);

    @TempDir
    Path dataDir;

    private IndexingPool pool;
    private IndexRegistry registry;

    @BeforeEach
    void start() throws Exception {
        pool = new IndexingPool(2);
        registry = open();
    }

    @AfterEach
    void stop() {
        registry.close();
        pool.close();
    }

    private IndexRegistry open() throws Exception {
        IndexRegistry r = new IndexRegistry(dataDir, null, pool, 16, DEBOUNCE, new VectorJournal(null));
        r.start(Duration.ZERO);
        return r;
    }

    @Test
    void aBurstOfSingleAddsIsCoalescedIntoFewCommits() throws Exception {
        registry.create(new IndexSpec("burst", 2, Distance.L2, 16, 50), "test");
        long start = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            registry.add("burst", List.of(new VectorItem("i" + i, new float[] {i, 1}, null)), "test");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (commitsPending("burst") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long commits = (long) stats("burst").get("commits");
        System.out.printf("300 single adds in %.2f s, %d commits%n", seconds, commits);
        assertThat(commits).isBetween(1L, (long) Math.ceil(seconds / 0.2) + 2);
    }

    @Test
    void whatWasCommittedSurvivesARestartAndDeleteRemovesTheDirectory() throws Exception {
        registry.create(new IndexSpec("keep", 2, Distance.COSINE, 16, 50), "test");
        registry.add("keep", List.of(new VectorItem("a", new float[] {1, 0}, Map.of("k", "v"))), "test");
        registry.close();
        registry = open();
        assertThat(registry.get("keep").count()).isEqualTo(1);
        assertThat(registry.item("keep", "a").metadata()).isEqualTo(Map.of("k", "v"));
        assertThatThrownBy(() -> registry.create(new IndexSpec("keep", 2, Distance.COSINE, 16, 50), "t"))
                .isInstanceOf(ConflictException.class);

        registry.delete("keep", "test");
        assertThat(Files.exists(dataDir.resolve("keep"))).isFalse();
        assertThatThrownBy(() -> registry.get("keep")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void mergeRefusesSelfDimensionMismatchUnknownAndZeroVectorsIntoCosine() throws Exception {
        registry.create(new IndexSpec("a", 2, Distance.L2, 16, 50), "t");
        registry.create(new IndexSpec("b", 3, Distance.L2, 16, 50), "t");
        registry.create(new IndexSpec("c", 2, Distance.COSINE, 16, 50), "t");
        registry.add("a", List.of(new VectorItem("z", new float[] {0, 0}, null)), "t");
        assertThatThrownBy(() -> registry.merge("a", "a", false, "t")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> registry.merge("a", "b", false, "t")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> registry.merge("a", "nope", false, "t")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> registry.merge("a", "c", true, "t")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("zero vector");
        assertThat(registry.get("a").count()).as("nothing changed").isEqualTo(1);
        assertThat(registry.get("c").count()).isZero();
    }

    private boolean commitsPending(String name) {
        return (boolean) stats(name).get("commit_pending");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> stats(String name) {
        return (Map<String, Object>) ((Map<String, Object>) registry.stats().get("indexes")).get(name);
    }
}
