package com.lakehouse.catalogd.catalog;

/** Where the catalog's changes live durably (storaged in production, memory in unit tests). */
public interface CatalogStore {

    /**
     * Persists one change before it is acknowledged.
     *
     * @throws RuntimeException when the change may not be durable; the caller then leaves memory as it was
     */
    void append(CatalogChange change);

    /** The catalog as persisted: the latest snapshot plus every change after it. */
    CatalogState load();

    /** Writes a snapshot of {@code state} so later loads replay less; failures only cost restart time. */
    void checkpoint(CatalogState state);
}
