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
import com.lakehouse.shared.error.FieldLimit;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.journal.JournalEvent;
import com.lakehouse.shared.json.JsonDepth;
import com.lakehouse.shared.text.Utf8;

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

    static final int MAX_EVENTS = JournalLimits.DEFAULTS.maxEvents();

    private JournalEvents() {
    }

    static List<JournalEvent> normalize(List<JournalEvent> events, String defaultSource, Instant now) {
        return normalize(events, JournalLimits.DEFAULTS, defaultSource, now);
    }

    static List<JournalEvent> normalize(List<JournalEvent> events, JournalLimits limits, String defaultSource, Instant now) {
        if (events == null || events.isEmpty()) {
            throw new InvalidRequestException("events must hold at least one event");
        }
        if (events.size() > limits.maxEvents()) {
            throw new FieldLimit("events", limits.maxEvents(), "journal_max_events")
                    .tooLarge("holds " + events.size() + " events");
        }
        List<JournalEvent> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            out.add(normalize(events.get(i), i, limits, defaultSource, now));
        }
        return out;
    }

    private static JournalEvent normalize(JournalEvent e, int index, JournalLimits limits, String defaultSource,
            Instant now) {
        if (e == null) {
            throw invalid(index, "event", "is null");
        }
        int names = limits.maxNameBytes();
        String entityType = required(e.entityType(), index, "entity_type", names);
        String entityId = required(e.entityId(), index, "entity_id", names);
        String action = required(e.action(), index, "action", names);
        String eventId = blank(e.eventId()) ? UUID.randomUUID().toString() : bounded(e.eventId(), index, "event_id", names);
        String actor = blank(e.actor()) ? RequestActor.ANONYMOUS : bounded(e.actor(), index, "actor", names);
        String source = blank(e.source()) ? defaultSource : bounded(e.source(), index, "source", names);
        String field = e.field() == null ? null : bounded(e.field(), index, "field", names);
        String oldValue = value(e.oldValue(), index, "old_value", limits);
        String newValue = value(e.newValue(), index, "new_value", limits);
        return new JournalEvent(eventId, timestamp(e.timestamp(), index, now), entityType, entityId, field, action,
                oldValue, newValue, actor, source);
    }

    /** A value's bytes, and its depth when it is JSON text (values that are not JSON are kept as text). */
    private static String value(String value, int index, String member, JournalLimits limits) {
        if (value == null) {
            return null;
        }
        bounded(value, index, member, limits.maxValueBytes(), "journal_max_value_bytes");
        int depth = JsonDepth.ofText(value);
        if (depth > limits.maxValueDepth()) {
            throw new FieldLimit(field(index, member), limits.maxValueDepth(), "journal_max_value_depth")
                    .unprocessable("is nested " + depth + " levels deep", Map.of("index", index, "member", member));
        }
        return value;
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

    private static String required(String value, int index, String member, int maxBytes) {
        if (blank(value)) {
            throw invalid(index, member, "is required");
        }
        return bounded(value, index, member, maxBytes);
    }

    private static String bounded(String value, int index, String member, int maxBytes) {
        return bounded(value, index, member, maxBytes, "journal_max_name_bytes");
    }

    private static String bounded(String value, int index, String member, int maxBytes, String key) {
        // A UTF-8 byte is at most one char, so only a string longer than a quarter of the bound needs counting.
        if (value.length() > maxBytes / 4) {
            int bytes = Utf8.length(value);
            if (bytes > maxBytes) {
                throw new FieldLimit(field(index, member), maxBytes, key)
                        .tooLarge("is " + bytes + " bytes", Map.of("index", index, "member", member));
            }
        }
        return value;
    }

    /** {@code events[3].actor}: where a member of one event of the batch is. */
    private static String field(int index, String member) {
        return "events[" + index + "]." + member;
    }

    private static InvalidRequestException invalid(int index, String member, String problem) {
        return new InvalidRequestException(field(index, member) + " " + problem,
                Map.of("index", index, "member", member));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
