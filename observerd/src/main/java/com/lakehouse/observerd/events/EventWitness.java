package com.lakehouse.observerd.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * The observer (SPEC §10): every event enters the ring and the counters under one lock, so the
 * stats are exact however many senders race, and is then appended to the JSONL log.
 */
public class EventWitness {

    static final String UNKNOWN = "unknown";

    private final EventRing ring;
    private final EventLog log;
    private final Map<String, Long> bySource = new TreeMap<>();
    private final Map<String, Long> byKind = new TreeMap<>();
    private long total;
    private long evicted;

    public EventWitness(int capacity, EventLog log) {
        this.ring = new EventRing(capacity);
        this.log = log;
    }

    /** Records an event; never fails. A blank source or kind is recorded as {@code unknown}. */
    public ObservedEvent record(String source, String kind, JsonNode payload) {
        String s = source == null || source.isBlank() ? UNKNOWN : source;
        String k = kind == null || kind.isBlank() ? UNKNOWN : kind;
        ObservedEvent event;
        synchronized (this) {
            total++;
            event = new ObservedEvent(total, Instant.now().toString(), s, k, payload);
            if (ring.add(event)) {
                evicted++;
            }
            bySource.merge(s, 1L, Long::sum);
            byKind.merge(k, 1L, Long::sum);
        }
        // Outside the lock: a slow disk delays this sender only, not the others or the stats.
        log.append(event);
        return event;
    }

    /** Newest first; null filters match everything. */
    public synchronized List<ObservedEvent> events(String source, String kind, int limit) {
        return ring.newest(source, kind, limit);
    }

    public synchronized ObserverStats stats() {
        return new ObserverStats(total, new TreeMap<>(bySource), new TreeMap<>(byKind), ring.size(), ring.capacity(),
                evicted, log.errors());
    }

    public int capacity() {
        return ring.capacity();
    }
}
