package com.lakehouse.vectord.registry;

import java.util.concurrent.locks.ReentrantLock;

import com.lakehouse.vectord.engine.VectorIndex;
import com.lakehouse.vectord.persist.RemoteFiles;

/**
 * A served index with its persistence state: which files storage holds, the last published
 * mutation count, commit figures, and the lock that serializes its commits with its deletion.
 */
final class ManagedIndex {

    private final VectorIndex index;
    private final RemoteFiles remote = new RemoteFiles();
    private final CommitCounters counters = new CommitCounters();
    private final ReentrantLock publishLock = new ReentrantLock();
    private volatile boolean dropped;
    private volatile long publishedVersion = -1;

    // commit scheduling state, guarded by this object's monitor (see CommitScheduler)
    boolean scheduled;
    boolean running;
    int consecutiveFailures;

    ManagedIndex(VectorIndex index) {
        this.index = index;
    }

    VectorIndex index() {
        return index;
    }

    String name() {
        return index.spec().name();
    }

    RemoteFiles remote() {
        return remote;
    }

    CommitCounters counters() {
        return counters;
    }

    ReentrantLock publishLock() {
        return publishLock;
    }

    boolean dropped() {
        return dropped;
    }

    void markDropped() {
        dropped = true;
    }

    /** Whether mutations happened since the last published commit. */
    boolean dirty() {
        return index.version() > publishedVersion;
    }

    void published(long version) {
        publishedVersion = Math.max(publishedVersion, version);
    }
}
