package com.lakehouse.ingestd.ingest;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises ingests of the same content into one dataset inside this process (the lock name is
 * {@code <dataset>/<sha256 of the CSV>}, the part of the object key that does not depend on the
 * schema), so the "is this object stored?" look-up, the register and the clean-up after a failed
 * register never race another ingest that would use the same object. Ingests of other content into
 * the same dataset do not wait. Striped: a fixed set of locks, so no map of names grows without bound.
 */
final class DatasetLocks {

    private final ReentrantLock[] stripes;

    DatasetLocks(int stripes) {
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    /** Waits for the lock of {@code name}; closing the result releases it. */
    Held lock(String name) {
        ReentrantLock lock = stripes[Math.floorMod(name.hashCode(), stripes.length)];
        lock.lock();
        return lock::unlock;
    }

    /** A held lock. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
