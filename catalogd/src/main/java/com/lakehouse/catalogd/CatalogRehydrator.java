package com.lakehouse.catalogd;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Loads the catalog from storaged when the service starts, in the background: startup does not
 * fail or wait when storaged is down; the catalog answers 503 until a load succeeds, retrying every
 * {@code retry}.
 */
public class CatalogRehydrator implements SmartLifecycle {

    private static final Log LOG = LogFactory.getLog(CatalogRehydrator.class);

    private final CatalogStore store;
    private final Catalog catalog;
    private final Duration retry;
    private volatile Thread loader;

    public CatalogRehydrator(CatalogStore store, Catalog catalog, Duration retry) {
        this.store = store;
        this.catalog = catalog;
        this.retry = retry;
    }

    @Override
    public void start() {
        loader = Thread.ofVirtual().name("catalog-rehydrate").start(this::loadUntilDone);
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
