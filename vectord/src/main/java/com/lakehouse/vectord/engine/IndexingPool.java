package com.lakehouse.vectord.engine;

import java.io.Closeable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform threads that build HNSW graphs: one pool fans a large batch out over the cores, the
 * other runs Lucene's parallel graph merges. They are platform threads on purpose: graph building is
 * pure CPU, and on virtual threads it would occupy the carriers that searches need to stay responsive.
 */
public final class IndexingPool implements Closeable {

    private final int parallelism;
    private final ExecutorService indexers;
    private final ExecutorService mergers;

    public IndexingPool(int parallelism) {
        this.parallelism = Math.max(1, parallelism);
        this.indexers = Executors.newFixedThreadPool(this.parallelism, daemons("vectord-index"));
        this.mergers = Executors.newFixedThreadPool(this.parallelism, daemons("vectord-merge"));
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

    ExecutorService mergers() {
        return mergers;
    }

    @Override
    public void close() {
        indexers.shutdownNow();
        mergers.shutdownNow();
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
