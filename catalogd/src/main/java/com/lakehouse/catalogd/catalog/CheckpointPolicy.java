package com.lakehouse.catalogd.catalog;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Snapshots the catalog every {@code every} changes, in the background: a register never waits on
 * it, and one checkpoint runs at a time. A failed checkpoint is retried after the next change; the
 * change files it would have replaced are still there, so nothing is lost meanwhile.
 */
public class CheckpointPolicy implements AutoCloseable {

    private static final Log LOG = LogFactory.getLog(CheckpointPolicy.class);

    private final CatalogStore store;
    private final int every;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("catalog-checkpoint").factory());
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong lastCheckpoint = new AtomicLong(-1);

    public CheckpointPolicy(CatalogStore store, int every) {
        this.store = store;
        this.every = every;
    }

    /** Called with the loaded state, so the count starts from what storaged already holds. */
    public void startFrom(long catalogVersion) {
        lastCheckpoint.compareAndSet(-1, catalogVersion);
    }

    /** The catalog_version of the newest finished checkpoint (or of the loaded state), once no checkpoint runs. */
    long settledCheckpoint() {
        return running.get() ? -1 : lastCheckpoint.get();
    }

    public void afterChange(CatalogState state) {
        long last = Math.max(0, lastCheckpoint.get());
        if (every <= 0 || state.catalogVersion() - last < every || !running.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> {
            try {
                store.checkpoint(state);
                lastCheckpoint.set(state.catalogVersion());
                LOG.info("catalog checkpoint at catalog_version " + state.catalogVersion());
            } catch (RuntimeException e) {
                LOG.warn("catalog checkpoint at " + state.catalogVersion() + " failed: " + e.getMessage());
            } finally {
                running.set(false);
            }
        });
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
