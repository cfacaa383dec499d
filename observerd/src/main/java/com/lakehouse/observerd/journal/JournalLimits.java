package com.lakehouse.observerd.journal;

/**
 * The bounds of a journal batch (SPEC §2.5), checked before anything reaches the write-ahead log.
 *
 * @param maxEvents     events in one {@code POST /journal/events} (413 past it)
 * @param maxNameBytes  each of event_id, entity_type, entity_id, field, action, actor, source, in UTF-8 bytes (413)
 * @param maxValueBytes each of old_value and new_value, in UTF-8 bytes (413)
 * @param maxValueDepth nesting depth of a value that is JSON text (422)
 */
public record JournalLimits(int maxEvents, int maxNameBytes, int maxValueBytes, int maxValueDepth) {

    public static final JournalLimits DEFAULTS = new JournalLimits(10_000, 1024, 1_048_576, 64);
}
