package com.lakehouse.storaged.store;

import java.time.Duration;

import com.lakehouse.shared.concurrent.AdmissionSlots;

/**
 * Upload slots (SPEC §3): {@code max_concurrent_puts} for any caller and {@code fleet_put_slots}
 * more that only the fleet's own writes (ingest, catalog, vector commits, journal flushes) take. Each
 * pool is one shared {@link AdmissionSlots}: a PUT past its pool waits up to {@code put_queue_wait},
 * then gets 503 with Retry-After naming the pool, so a burst of uploads degrades into retries instead
 * of into memory pressure, and outside uploads that hold all of theirs never block a service's write.
 */
public final class PutSlots {

    private final AdmissionSlots outside;
    private final AdmissionSlots fleet;

    public PutSlots(int outsideSlots, int fleetSlots, Duration wait) {
        this.outside = new AdmissionSlots(outsideSlots, wait, "uploads",
                "[storaged] max_concurrent_puts, put_queue_wait");
        this.fleet = new AdmissionSlots(fleetSlots, wait, "uploads reserved for the fleet's services",
                "[storaged] fleet_put_slots, put_queue_wait");
    }

    /**
     * A slot of the caller's pool; closing it gives it back.
     *
     * @param fromFleet whether the request carries the fleet's service header
     */
    public AdmissionSlots.Slot acquire(boolean fromFleet) {
        return (fromFleet ? fleet : outside).acquire();
    }
}
