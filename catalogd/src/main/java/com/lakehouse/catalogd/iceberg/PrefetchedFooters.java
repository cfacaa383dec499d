package com.lakehouse.catalogd.iceberg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lakehouse.shared.catalog.DataObject;

/**
 * Footers read ahead, before a register queues for the catalog's lock, and taken (once) by the
 * Iceberg write under it: the range GETs and the footer parse of a group's new files no longer add
 * to the serial part of a register. Bounded: what a refused register left behind is dropped
 * oldest first. Keyed by key, size and etag, so a replaced object is read again.
 */
public final class PrefetchedFooters implements FooterSource {

    /** Footers kept for registers still queued; a footer is a few statistics per column. */
    static final int CAPACITY = 1024;

    private final FooterSource source;
    private final Map<String, List<FooterStats>> ready = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<FooterStats>> eldest) {
            return size() > CAPACITY;
        }
    };

    public PrefetchedFooters(FooterSource source) {
        this.source = source;
    }

    /** Reads the object's footer now; a failure is ignored (the write reads it again, and fails there if it must). */
    public void prefetch(DataObject object) {
        String id = id(object);
        synchronized (ready) {
            if (ready.containsKey(id)) {
                return;
            }
        }
        List<FooterStats> stats;
        try {
            stats = source.read(object.key(), object.size());
        } catch (RuntimeException e) {
            return;
        }
        synchronized (ready) {
            ready.put(id, stats);
        }
    }

    @Override
    public List<FooterStats> read(DataObject object) {
        List<FooterStats> stats;
        synchronized (ready) {
            stats = ready.remove(id(object));
        }
        return stats != null ? stats : source.read(object.key(), object.size());
    }

    @Override
    public List<FooterStats> read(String key, long size) {
        return source.read(key, size);
    }

    /** Footers read ahead and not yet taken (for tests and stats). */
    int held() {
        synchronized (ready) {
            return ready.size();
        }
    }

    private static String id(DataObject object) {
        return object.key() + "\u0000" + object.size() + "\u0000" + object.etag();
    }
}
