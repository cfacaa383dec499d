package com.lakehouse.storaged.store;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.lakehouse.shared.error.UnavailableException;

/**
 * At most {@code max_concurrent_puts} uploads at once (SPEC §3). A PUT past that waits up to
 * {@code put_queue_wait} for a slot, then gets 503 with Retry-After, so a burst of uploads degrades
 * into retries instead of into memory pressure.
 */
public final class PutSlots {

    private final Semaphore slots;
    private final int capacity;
    private final Duration wait;

    public PutSlots(int capacity, Duration wait) {
        this.slots = new Semaphore(capacity, true);
        this.capacity = capacity;
        this.wait = wait;
    }

    /** A held slot; closing it gives it back. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    public Slot acquire() {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new UnavailableException("all " + capacity + " upload slots are busy; retry shortly",
                    Duration.ofSeconds(Math.max(1, wait.toSeconds())), null);
        }
        return slots::release;
    }
}
