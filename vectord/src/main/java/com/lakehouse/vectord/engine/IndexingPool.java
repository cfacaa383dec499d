package com.lakehouse.vectord.engine;

import java.io.Closeable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform threads that build HNSW graphs: a large batch is fanned out over the cores, one
 * segment (and graph) per thread. They are platform threads on purpose: graph building is
 * pure CPU, and on virtual threads it would occupy the carriers that searches need to stay responsive.
 */
public final class IndexingPool implements Closeable {

    private final int parallelism;
    private final ExecutorService indexers;

    public IndexingPool(int parallelism) {
        this.parallelism = Math.max(1, parallelism);
        this.indexers = Executors.newFixedThreadPool(this.parallelism, daemons("vectord-index"));
    }

    /** One thread per available core. */
    public static IndexingPool forCores() {
        return new IndexingPool(Runtime.getRuntime().availableProcessors());
    }

    public int parallelism() {
        return parallelism;
    }

    ExecutorService indexers() {
        return indexers;
    }

    @Override
    public void close() {
        indexers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
