package com.lakehouse.catalogd.catalog;

import static com.lakehouse.catalogd.catalog.CatalogFixtures.FP_A;
import static com.lakehouse.catalogd.catalog.CatalogFixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.lakehouse.shared.catalog.DatasetManifest;

/** The commit listener (the Iceberg view's catch-up) hears of a dataset's new versions after they are durable. */
class CommitListenerTest {

    private final CatalogTest.InMemoryStore store = new CatalogTest.InMemoryStore();
    private final CatalogTest.RecordingJournal journal = new CatalogTest.RecordingJournal();
    private final CheckpointPolicy checkpoints = new CheckpointPolicy(store, 0);
    private final List<List<Long>> calls = new CopyOnWriteArrayList<>();
    /** How many changes the store held when the listener heard: the listener hears after the persist. */
    private final List<Integer> persistedAtCall = new CopyOnWriteArrayList<>();
    private volatile boolean failing;
    private Catalog catalog;

    @BeforeEach
    void loadEmptyCatalog() {
        CommitListener listener = history -> {
            persistedAtCall.add(store.changes.size());
            calls.add(history.stream().map(DatasetManifest::version).toList());
            if (failing) {
                throw new IllegalStateException("the Iceberg view is broken");
            }
        };
        catalog = new Catalog(store, new CatalogJournal(journal), checkpoints,
                Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC), listener);
        catalog.loaded(CatalogState.empty());
    }

    @AfterEach
    void close() {
        journal.close();
        checkpoints.close();
    }

    @Test
    void theListenerHearsEveryVersionWithTheNewOneLastAfterThePersistAndNotOfUnchangedRegisters() {
        catalog.register(registration("orders", FP_A, null, "k1"), "a");
        catalog.register(registration("orders", FP_A, "append", "k2"), "a");
        catalog.register(registration("orders", FP_A, "append", "k2"), "a");

        assertThat(calls).containsExactly(List.of(1L), List.of(1L, 2L));
        assertThat(persistedAtCall).containsExactly(1, 2);
    }

    @Test
    void aFailingListenerLeavesTheRegisterAcknowledged() {
        catalog.register(registration("orders", FP_A, null, "k1"), "a");
        failing = true;

        assertThat(catalog.register(registration("orders", FP_A, null, "k2"), "a").manifest().version()).isEqualTo(2);

        assertThat(catalog.manifest("orders").version()).isEqualTo(2);
        assertThat(store.changes).hasSize(2);
    }

    @Test
    void afterADeleteTheListenerHearsFromVersionOneAgain() {
        catalog.register(registration("orders", FP_A, null, "k1"), "a");
        catalog.delete("orders", "a");
        catalog.register(registration("orders", FP_A, null, "k9"), "a");

        assertThat(calls.getLast()).containsExactly(1L);
    }
}
