package com.lakehouse.catalogd.catalog;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

import com.lakehouse.shared.health.HealthState;

/**
 * Loads the catalog from storaged when the service starts, in the background: startup does not
 * fail or wait when storaged is down; the catalog answers 503 until a load succeeds, retrying every
 * {@code retry}. A storaged that cannot be reached is not a failure of the service ({@code /health}
 * stays up, the catalog routes say "loading"); a record that cannot be applied is quarantined by the
 * store ({@code degraded}); a loader that dies is {@code failing}.
 */
public class CatalogRehydrator implements SmartLifecycle {

    private static final Log LOG = LogFactory.getLog(CatalogRehydrator.class);
    static final String COMPONENT = "catalog";

    private final CatalogStore store;
    private final Catalog catalog;
    private final Duration retry;
    private final HealthState health;
    private volatile Thread loader;

    public CatalogRehydrator(CatalogStore store, Catalog catalog, Duration retry, HealthState health) {
        this.store = store;
        this.catalog = catalog;
        this.retry = retry;
        this.health = health;
    }

    @Override
    public void start() {
        loader = Thread.ofVirtual().name("catalog-rehydrate").start(this::run);
    }

    /**
     * A loader that dies (an Error such as running out of heap, or anything the retry loop does not
     * expect) leaves the catalog unloaded for good: {@code /health} then says {@code failing} (503),
     * never {@code ok}.
     */
    void run() {
        try {
            loadUntilDone();
        } catch (Throwable e) {
            health.failed(COMPONENT, "the catalog loader died (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); catalog routes answer 503 until catalogd is restarted");
            if (e instanceof Error error && !(e instanceof OutOfMemoryError)) {
                throw error;
            }
        }
    }

    private void loadUntilDone() {
        int attempt = 0;
        while (!catalog.isLoaded() && !Thread.currentThread().isInterrupted()) {
            attempt++;
            try {
                CatalogState state = store.load();
                catalog.loaded(state);
                LOG.info("catalog loaded from storaged: " + state.datasetCount() + " datasets at catalog_version "
                        + state.catalogVersion());
                return;
            } catch (RuntimeException e) {
                LOG.warn("catalog load attempt " + attempt + " failed (" + e.getMessage() + "); retrying in "
                        + retry.toMillis() + " ms, answering 503 meanwhile");
            }
            try {
                Thread.sleep(retry);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        Thread running = loader;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        Thread running = loader;
        return running != null && running.isAlive();
    }
}
