package com.lakehouse.observerd.events;

import tools.jackson.databind.JsonNode;

/**
 * An observer event as observerd keeps it: what the sender said, plus the order and time of arrival.
 *
 * @param seq        arrival order, from 1, unique within one run of observerd
 * @param receivedAt ISO-8601 instant of arrival
 * @param source     the sending service or tool ({@code unknown} when it did not say)
 * @param kind       what happened ({@code unknown} when it did not say)
 * @param payload    any JSON the sender attached
 * @param actor      the sender as observerd saw it ({@code token:primary}, {@code anonymous}...), never what it claimed
 */
public record ObservedEvent(long seq, String receivedAt, String source, String kind, JsonNode payload, String actor) {

    public ObservedEvent(long seq, String receivedAt, String source, String kind, JsonNode payload) {
        this(seq, receivedAt, source, kind, payload, null);
    }
}
