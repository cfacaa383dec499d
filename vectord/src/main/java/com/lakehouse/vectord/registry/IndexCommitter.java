package com.lakehouse.vectord.registry;

import java.io.IOException;
import java.time.Instant;

import com.lakehouse.vectord.engine.LocalCommit;
import com.lakehouse.vectord.persist.IndexPublisher;
import com.lakehouse.vectord.persist.PublishResult;

/**
 * One commit of one index: a local Lucene commit, then (when storaged is configured) its new files
 * and its LHV1 commit point. Serialized per index with deletion by the index's publish lock, so a
 * deleted index is never published again.
 */
final class IndexCommitter {

    private final IndexPublisher publisher;
    private final CommitCounters totals;

    /** @param publisher null when persistence is local only (storaged_url empty) */
    IndexCommitter(IndexPublisher publisher, CommitCounters totals) {
        this.publisher = publisher;
        this.totals = totals;
    }

    boolean remote() {
        return publisher != null;
    }

    void commit(ManagedIndex managed) throws IOException {
        managed.publishLock().lock();
        try {
            if (managed.dropped()) {
                return;
            }
            long start = System.nanoTime();
            try (LocalCommit commit = managed.index().commit()) {
                PublishResult result = publisher == null ? new PublishResult(0, 0, 0)
                        : publisher.publish(commit, managed.remote());
                long millis = (System.nanoTime() - start) / 1_000_000;
                String at = Instant.now().toString();
                managed.counters().committed(result, millis, at);
                totals.committed(result, millis, at);
                managed.published(commit.version());
            }
        } finally {
            managed.publishLock().unlock();
        }
    }
}
