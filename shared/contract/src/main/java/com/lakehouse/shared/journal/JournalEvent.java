package com.lakehouse.shared.journal;

/**
 * One mutation anywhere in the fleet (SPEC §10). Values are JSON text (or null), so one Parquet
 * schema holds every entity's changes.
 */
public record JournalEvent(
        String eventId,
        String timestamp,
        String entityType,
        String entityId,
        String field,
        String action,
        String oldValue,
        String newValue,
        String actor,
        String source) {
}
