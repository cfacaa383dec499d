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
    /** Where sources and kinds past {@code maxCounterKeys} distinct names are counted. */
    static final String OTHER = "(other)";

    private final EventRing ring;
    private final EventLog log;
    private final Map<String, Long> bySource = new TreeMap<>();
    private final Map<String, Long> byKind = new TreeMap<>();
    private final int maxCounterKeys;
    private long total;
    private long evicted;

    /**
     * @param maxCounterKeys distinct sources (and, apart, kinds) counted by name; senders that make up
     *                       names cannot grow the counters without bound, later names count as {@code (other)}
     */
    public EventWitness(int capacity, long maxBytes, int maxCounterKeys, EventLog log) {
        this.ring = new EventRing(capacity, maxBytes);
        this.maxCounterKeys = maxCounterKeys;
        this.log = log;
    }

    /** Records an event; never fails. A blank source or kind is recorded as {@code unknown}. */
    public ObservedEvent record(String source, String kind, JsonNode payload) {
        return record(source, kind, null, payload);
    }

    /** Records an event with the actor observerd saw; never fails. */
    public ObservedEvent record(String source, String kind, String actor, JsonNode payload) {
        String s = source == null || source.isBlank() ? UNKNOWN : source;
        String k = kind == null || kind.isBlank() ? UNKNOWN : kind;
        ObservedEvent event;
        synchronized (this) {
            total++;
            event = new ObservedEvent(total, Instant.now().toString(), s, k, payload, actor);
            evicted += ring.add(event);
            count(bySource, s);
            count(byKind, k);
        }
        // Outside the lock: a slow disk delays this sender only, not the others or the stats.
        log.append(event);
        return event;
    }

    private void count(Map<String, Long> counters, String name) {
        String key = counters.containsKey(name) || counters.size() < maxCounterKeys ? name : OTHER;
        counters.merge(key, 1L, Long::sum);
    }

    /** Newest first; null filters match everything. */
    public synchronized List<ObservedEvent> events(String source, String kind, int limit) {
        return ring.newest(source, kind, limit);
    }

    public synchronized ObserverStats stats() {
        return new ObserverStats(total, new TreeMap<>(bySource), new TreeMap<>(byKind), ring.size(), ring.capacity(),
                ring.bytes(), ring.maxBytes(), evicted, log.errors());
    }

    public int capacity() {
        return ring.capacity();
    }
}
