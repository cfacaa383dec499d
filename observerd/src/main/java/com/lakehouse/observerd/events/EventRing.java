package com.lakehouse.observerd.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last {@code capacity} observer events in arrival order, holding at most {@code maxBytes} of
 * them (each weighs its estimated heap, {@link #weightOf}), so a burst of large payloads cannot
 * exhaust the heap under a count bound sized for small ones. A full ring evicts its oldest event
 * rather than refusing the new one (ADR-005: a witness that turns bursts into errors is worse than
 * one that forgets the distant past). Not thread-safe: {@link EventWitness} guards it.
 */
final class EventRing {

    /** The record, its strings and a payload tree's nodes, roughly, on top of the payload's JSON text. */
    static final int EVENT_OVERHEAD_BYTES = 256;

    private final int capacity;
    private final long maxBytes;
    private final ArrayDeque<ObservedEvent> events;
    private long bytes;

    EventRing(int capacity, long maxBytes) {
        if (capacity < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("capacity and max bytes must be at least 1");
        }
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.events = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /**
     * Adds an event, evicting the oldest until both bounds hold (an event heavier than the whole
     * ring is kept alone: the body cap bounds it, and the newest event must stay readable).
     *
     * @return how many events were evicted to make room
     */
    int add(ObservedEvent event) {
        long weight = weightOf(event);
        int evicted = 0;
        while (!events.isEmpty() && (events.size() >= capacity || bytes + weight > maxBytes)) {
            bytes -= weightOf(events.pollFirst());
            evicted++;
        }
        events.addLast(event);
        bytes += weight;
        return evicted;
    }

    /** Estimated heap of one event: the payload's JSON text (two bytes a char) plus a fixed overhead. */
    static long weightOf(ObservedEvent event) {
        long payload = event.payload() == null ? 0 : event.payload().toString().length();
        return EVENT_OVERHEAD_BYTES + 2L * (payload + event.source().length() + event.kind().length());
    }

    long bytes() {
        return bytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Newest first, at most {@code limit}, keeping those whose source and kind match (null matches all). */
    List<ObservedEvent> newest(String source, String kind, int limit) {
        List<ObservedEvent> out = new ArrayList<>(Math.min(limit, events.size()));
        Iterator<ObservedEvent> it = events.descendingIterator();
        while (it.hasNext() && out.size() < limit) {
            ObservedEvent event = it.next();
            if ((source == null || source.equals(event.source())) && (kind == null || kind.equals(event.kind()))) {
                out.add(event);
            }
        }
        return out;
    }

    int size() {
        return events.size();
    }

    int capacity() {
        return capacity;
    }
}
