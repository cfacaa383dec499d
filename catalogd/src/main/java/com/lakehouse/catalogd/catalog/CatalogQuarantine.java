package com.lakehouse.catalogd.catalog;

import java.util.ArrayList;
import java.util.List;

import com.lakehouse.shared.health.HealthState;

/**
 * The stored catalog records a load could not apply (issue 20): each one is counted in
 * {@link HealthState} (so {@code /health} says {@code degraded}) and listed here for
 * {@code GET /catalog/stats}. The records themselves are copied aside by the store, never deleted.
 */
public final class CatalogQuarantine {

    static final String SOURCE = "catalog state";
    private static final int SHOWN = 100;

    private final HealthState health;
    private final List<Entry> entries = new ArrayList<>();
    private long count;

    public CatalogQuarantine(HealthState health) {
        this.health = health;
    }

    /** One record of {@code key} was skipped; its file is kept at {@code keptAt}. */
    public synchronized void record(String key, String keptAt, String reason) {
        count++;
        if (entries.size() < SHOWN) {
            entries.add(new Entry(key, keptAt, reason));
        }
        health.quarantined(SOURCE, keptAt, key + ": " + reason);
    }

    public synchronized long count() {
        return count;
    }

    /** The first {@value #SHOWN} records set aside, in the order they were found. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * @param key    where the record was ({@code _catalog/changes/...} or {@code _catalog/snapshots/...})
     * @param keptAt the copy under {@code _catalog/quarantine/}
     * @param reason why it could not be applied
     */
    public record Entry(String key, String keptAt, String reason) {
    }
}
