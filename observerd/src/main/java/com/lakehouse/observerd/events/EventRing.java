package com.lakehouse.observerd.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last {@code capacity} observer events in arrival order. A full ring evicts its oldest event
 * rather than refusing the new one (ADR-005: a witness that turns bursts into errors is worse than
 * one that forgets the distant past). Not thread-safe: {@link EventWitness} guards it.
 */
final class EventRing {

    private final int capacity;
    private final ArrayDeque<ObservedEvent> events;

    EventRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** Adds an event; returns true when the oldest one was evicted to make room. */
    boolean add(ObservedEvent event) {
        boolean evicted = false;
        if (events.size() >= capacity) {
            events.pollFirst();
            evicted = true;
        }
        events.addLast(event);
        return evicted;
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
