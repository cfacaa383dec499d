package com.lakehouse.catalogd.catalog;

import com.lakehouse.shared.catalog.DatasetManifest;

/** What a register does to the catalog, decided before anything is persisted. */
public sealed interface RegisterDecision {

    /** Same fingerprint and the same object set: nothing to persist (idempotent 200). */
    record Unchanged(DatasetManifest current) implements RegisterDecision {
    }

    /** Another fingerprint for an existing name: 409, nothing changes. */
    record Conflict(DatasetManifest current) implements RegisterDecision {
    }

    /** A new dataset ({@code previous} null, 201) or a new version of one (200). */
    record Changed(DatasetManifest previous, DatasetManifest manifest) implements RegisterDecision {

        public boolean created() {
            return previous == null;
        }
    }
}
