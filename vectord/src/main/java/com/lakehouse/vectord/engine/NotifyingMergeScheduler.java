package com.lakehouse.vectord.engine;

import java.io.IOException;

import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.MergePolicy;

/**
 * Lucene's background merge scheduler, telling the index when a merge has finished. A merge changes
 * which segments (and so which HNSW graphs) the index consists of; publishing that promptly keeps a
 * restored copy answering exactly like the live index.
 */
final class NotifyingMergeScheduler extends ConcurrentMergeScheduler {

    private final Runnable afterMerge;

    NotifyingMergeScheduler(Runnable afterMerge) {
        this.afterMerge = afterMerge;
    }

    @Override
    protected void doMerge(MergeSource mergeSource, MergePolicy.OneMerge merge) throws IOException {
        super.doMerge(mergeSource, merge);
        afterMerge.run();
    }
}
