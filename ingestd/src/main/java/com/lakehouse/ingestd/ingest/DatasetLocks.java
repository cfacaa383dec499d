package com.lakehouse.ingestd.ingest;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises ingests of one dataset inside this process, so the "is this object live?" look-ups
 * and the clean-up after a failed register never race another ingest of the same name. Striped:
 * a fixed set of locks, so no map of names grows without bound.
 */
final class DatasetLocks {

    private final ReentrantLock[] stripes;

    DatasetLocks(int stripes) {
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    /** Waits for the dataset's lock; closing the result releases it. */
    Held lock(String dataset) {
        ReentrantLock lock = stripes[Math.floorMod(dataset.hashCode(), stripes.length)];
        lock.lock();
        return lock::unlock;
    }

    /** A held lock. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
