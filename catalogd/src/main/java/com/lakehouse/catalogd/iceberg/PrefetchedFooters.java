package com.lakehouse.catalogd.iceberg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.error.LakehouseException;
import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.error.UpstreamTimeoutException;

/**
 * Footers read ahead, before a register queues for the catalog's lock, and taken (once) by the
 * Iceberg write under it: the range GETs and the footer parse of a group's new files no longer add
 * to the serial part of a register. Bounded: what a refused register left behind is dropped
 * oldest first. Keyed by key, size and etag, so a replaced object is read again. A footer that
 * cannot be read for good (no such object, not Parquet) is kept as that failure, so the write does
 * not ask storaged again; storaged unavailable or slow is not kept: the write asks again and fails
 * the register if it must.
 */
public final class PrefetchedFooters implements FooterSource {

    /** Footers kept for registers still queued; a footer is a few statistics per column. */
    static final int CAPACITY = 1024;

    private final FooterSource source;
    private final Map<String, Read> ready = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Read> eldest) {
            return size() > CAPACITY;
        }
    };

    /** A footer read ahead: its statistics, or why it cannot be read. */
    private record Read(List<FooterStats> stats, RuntimeException failure) {
    }

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
        Read read;
        try {
            read = new Read(source.read(object.key(), object.size()), null);
        } catch (UnavailableException | UpstreamTimeoutException e) {
            return;
        } catch (LakehouseException | IllegalStateException e) {
            read = new Read(null, e);
        } catch (RuntimeException e) {
            return;
        }
        synchronized (ready) {
            ready.put(id, read);
        }
    }

    @Override
    public List<FooterStats> read(DataObject object) {
        Read read;
        synchronized (ready) {
            read = ready.remove(id(object));
        }
        if (read == null) {
            return source.read(object.key(), object.size());
        }
        if (read.failure() != null) {
            throw read.failure();
        }
        return read.stats();
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
