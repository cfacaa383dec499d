package com.lakehouse.catalogd.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.health.HealthState;

/** The loader's effect on /health: retries stay ok, a dead loader is failing. */
class CatalogRehydratorTest {

    private final CatalogTest.InMemoryStore store = new CatalogTest.InMemoryStore();
    private final CatalogTest.RecordingJournal journal = new CatalogTest.RecordingJournal();
    private final CheckpointPolicy checkpoints = new CheckpointPolicy(store, 0);
    private final Catalog catalog = new Catalog(store, new CatalogJournal(journal), checkpoints, Clock.systemUTC());
    private final HealthState health = new HealthState();

    @AfterEach
    void close() {
        journal.close();
        checkpoints.close();
    }

    @Test
    void aLoaderThatRunsOutOfHeapLeavesHealthFailingNotOk() {
        CatalogStore dying = new DelegatingStore(store) {
            @Override
            public CatalogState load() {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        new CatalogRehydrator(dying, catalog, Duration.ofMillis(1), health).run();
        assertThat(catalog.isLoaded()).isFalse();
        assertThat(health.snapshot().status()).isEqualTo(HealthState.FAILING);
        assertThat(health.snapshot().problems()).singleElement().asString().contains("catalog loader died", "OutOfMemoryError");
    }

    @Test
    void anUnreachableStoragedIsRetriedAndHealthStaysOk() {
        AtomicInteger attempts = new AtomicInteger();
        CatalogStore flaky = new DelegatingStore(store) {
            @Override
            public CatalogState load() {
                if (attempts.incrementAndGet() < 3) {
                    throw new UnavailableException("storaged is unreachable");
                }
                return super.load();
            }
        };
        new CatalogRehydrator(flaky, catalog, Duration.ofMillis(1), health).run();
        assertThat(catalog.isLoaded()).isTrue();
        assertThat(attempts).hasValue(3);
        assertThat(health.snapshot().status()).isEqualTo(HealthState.OK);
    }

    private static class DelegatingStore implements CatalogStore {
        private final CatalogStore delegate;

        DelegatingStore(CatalogStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void append(List<CatalogChange> changes) {
            delegate.append(changes);
        }

        @Override
        public CatalogState load() {
            return delegate.load();
        }

        @Override
        public void checkpoint(CatalogState state) {
            delegate.checkpoint(state);
        }
    }
}
