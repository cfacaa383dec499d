package com.lakehouse.catalogd.catalog;

import com.lakehouse.shared.catalog.DatasetManifest;

/**
 * One durable step of the catalog, numbered by the {@code catalog_version} it produces. The
 * catalog is the fold of its changes in sequence order, which is how a restart rebuilds it.
 */
public sealed interface CatalogChange {

    /** The {@code catalog_version} after this change. */
    long sequence();

    /** A new version of a dataset (its first, after a delete too). */
    record Registered(long sequence, DatasetManifest manifest) implements CatalogChange {
    }

    /** A dataset and its history leave the catalog; its data objects stay for GC. */
    record Deleted(long sequence, String name, String datasetId, String deletedAt) implements CatalogChange {
    }

    /**
     * Marks a snapshot: the snapshot's Registered rows carry its sequence, and this row keeps the
     * sequence even when the catalog it snapshots is empty.
     */
    record Checkpoint(long sequence) implements CatalogChange {
    }
}
