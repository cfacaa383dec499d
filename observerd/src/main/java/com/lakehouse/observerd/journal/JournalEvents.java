package com.lakehouse.observerd.journal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.lakehouse.shared.auth.RequestActor;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.journal.JournalEvent;

/**
 * Validation and normalisation of incoming journal events, all-or-nothing per batch (SPEC §2).
 * {@code entity_type}, {@code entity_id} and {@code action} are required; a missing {@code event_id}
 * is generated, a missing {@code timestamp} is the time of arrival, a missing {@code actor} is
 * {@code anonymous}. Timestamps are rewritten in one fixed-width UTC form so that text order is time
 * order, in the buffer and in the Parquet files alike.
 */
final class JournalEvents {

    /** Microsecond precision, always six digits: {@code 2026-11-22T18:55:34.123456Z}. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    static final int MAX_EVENTS = 10_000;
    private static final int MAX_NAME_CHARS = 1024;

    private JournalEvents() {
    }

    static List<JournalEvent> normalize(List<JournalEvent> events, String defaultSource, Instant now) {
        if (events == null || events.isEmpty()) {
            throw new InvalidRequestException("events must hold at least one event");
        }
        if (events.size() > MAX_EVENTS) {
            throw new InvalidRequestException("at most " + MAX_EVENTS + " events per request, got " + events.size());
        }
        List<JournalEvent> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            out.add(normalize(events.get(i), i, defaultSource, now));
        }
        return out;
    }

    private static JournalEvent normalize(JournalEvent e, int index, String defaultSource, Instant now) {
        if (e == null) {
            throw invalid(index, "event", "is null");
        }
        String entityType = required(e.entityType(), index, "entity_type");
        String entityId = required(e.entityId(), index, "entity_id");
        String action = required(e.action(), index, "action");
        String eventId = blank(e.eventId()) ? UUID.randomUUID().toString() : bounded(e.eventId(), index, "event_id");
        String actor = blank(e.actor()) ? RequestActor.ANONYMOUS : bounded(e.actor(), index, "actor");
        String source = blank(e.source()) ? defaultSource : bounded(e.source(), index, "source");
        String field = e.field() == null ? null : bounded(e.field(), index, "field");
        return new JournalEvent(eventId, timestamp(e.timestamp(), index, now), entityType, entityId, field, action,
                e.oldValue(), e.newValue(), actor, source);
    }

    static String timestamp(String value, int index, Instant now) {
        if (blank(value)) {
            return TIMESTAMP.format(now);
        }
        try {
            return TIMESTAMP.format(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw invalid(index, "timestamp", "is not an ISO-8601 instant such as 2026-01-02T03:04:05Z: '"
                    + abbreviate(value) + "'");
        }
    }

    private static String required(String value, int index, String member) {
        if (blank(value)) {
            throw invalid(index, member, "is required");
        }
        return bounded(value, index, member);
    }

    private static String bounded(String value, int index, String member) {
        if (value.length() > MAX_NAME_CHARS) {
            throw invalid(index, member, "is longer than " + MAX_NAME_CHARS + " characters");
        }
        return value;
    }

    private static InvalidRequestException invalid(int index, String member, String problem) {
        return new InvalidRequestException("events[" + index + "]." + member + " " + problem,
                Map.of("index", index, "member", member));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
