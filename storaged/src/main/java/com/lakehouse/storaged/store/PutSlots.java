package com.lakehouse.storaged.store;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.lakehouse.shared.error.UnavailableException;

/**
 * Upload slots (SPEC §3): {@code max_concurrent_puts} for any caller and {@code fleet_put_slots}
 * more that only the fleet's own writes (ingest, catalog, vector commits, journal flushes) take. A
 * PUT past its pool waits up to {@code put_queue_wait}, then gets 503 with Retry-After, so a burst of
 * uploads degrades into retries instead of into memory pressure, and outside uploads that hold all
 * of theirs never block a service's write.
 */
public final class PutSlots {

    private final Pool outside;
    private final Pool fleet;
    private final Duration wait;

    public PutSlots(int outsideSlots, int fleetSlots, Duration wait) {
        this.outside = new Pool(outsideSlots, "upload slots");
        this.fleet = new Pool(fleetSlots, "upload slots reserved for the fleet's services");
        this.wait = wait;
    }

    /** A held slot; closing it gives it back. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** @param fromFleet whether the request carries the fleet's service header */
    public Slot acquire(boolean fromFleet) {
        return (fromFleet ? fleet : outside).acquire(wait);
    }

    private record Pool(Semaphore slots, int capacity, String name) {
        Pool(int capacity, String name) {
            this(new Semaphore(capacity, true), capacity, name);
        }

        Slot acquire(Duration wait) {
            boolean acquired;
            try {
                acquired = slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                acquired = false;
            }
            if (!acquired) {
                throw new UnavailableException("all " + capacity + " " + name + " are busy; retry shortly",
                        Duration.ofSeconds(Math.max(1, wait.toSeconds())), null);
            }
            return slots::release;
        }
    }
}
