package com.lakehouse.shared.catalog;

/**
 * The answer to a register: {@code outcome} is {@code created} (201), {@code unchanged} (200, the
 * idempotent case) or {@code updated} (200, a new version), beside the current manifest.
 */
public record RegisterResponse(String outcome, DatasetManifest manifest) {

    public static final String CREATED = "created";
    public static final String UNCHANGED = "unchanged";
    public static final String UPDATED = "updated";

    public boolean unchanged() {
        return UNCHANGED.equals(outcome);
    }
}
