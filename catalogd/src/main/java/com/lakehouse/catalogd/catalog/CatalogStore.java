package com.lakehouse.catalogd.catalog;

import java.util.List;

/** Where the catalog's changes live durably (storaged in production, memory in unit tests). */
public interface CatalogStore {

    /**
     * Persists changes of consecutive sequences (a group commit) in one durable write before any of
     * them is acknowledged: after a crash either all of them are there or none.
     *
     * @throws RuntimeException when the changes may not be durable; the caller then leaves memory as it was
     */
    void append(List<CatalogChange> changes);

    /** Persists one change before it is acknowledged. */
    default void append(CatalogChange change) {
        append(List.of(change));
    }

    /** The catalog as persisted: the latest snapshot plus every change after it. */
    CatalogState load();

    /** Writes a snapshot of {@code state} so later loads replay less; failures only cost restart time. */
    void checkpoint(CatalogState state);
}
