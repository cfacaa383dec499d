package com.lakehouse.shared.concurrent;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.lakehouse.shared.error.UnavailableException;

/**
 * A fixed number of requests of one kind at once; the next waits at most {@code wait} for a turn and
 * is then refused with 503 and {@code Retry-After}, so a burst queues briefly instead of piling up
 * work (spool files, heap, threads) without bound. Fair: the longest waiter goes first.
 */
public final class AdmissionSlots {

    private final Semaphore slots;
    private final int capacity;
    private final Duration wait;
    private final String what;
    private final String keys;

    /**
     * @param what what a slot is for, plural, for the refusal: "ingests", "registers"
     * @param keys the configuration keys that set capacity and wait, named in the refusal so an
     *             operator knows what to raise: "[ingestd] max_concurrent_ingests, ingest_queue_wait"
     */
    public AdmissionSlots(int capacity, Duration wait, String what, String keys) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.slots = new Semaphore(capacity, true);
        this.capacity = capacity;
        this.wait = wait;
        this.what = what;
        this.keys = keys;
    }

    /** A held slot; closing it gives it back (once). */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes a slot, waiting up to the configured wait; else 503 with Retry-After. */
    public Slot acquire() {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new UnavailableException("all " + capacity + " slots for " + what + " stayed busy for "
                    + wait.toMillis() + " ms (" + keys + "); nothing changed, retry shortly",
                    Duration.ofSeconds(Math.max(1, wait.toSeconds())), null);
        }
        return new Slot() {
            private boolean released;

            @Override
            public synchronized void close() {
                if (!released) {
                    released = true;
                    slots.release();
                }
            }
        };
    }

    /** Runs {@code work} holding a slot; the slot comes back however it ends. */
    public <T> T run(Supplier<T> work) {
        try (Slot slot = acquire()) {
            return work.get();
        }
    }

    /** Slots free now. */
    public int available() {
        return slots.availablePermits();
    }
}
