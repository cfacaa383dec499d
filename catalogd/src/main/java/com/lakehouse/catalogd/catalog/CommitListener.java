package com.lakehouse.catalogd.catalog;

import java.util.List;

import com.lakehouse.shared.catalog.DatasetManifest;

/**
 * Told of each dataset a group commit added versions to, once the group's changes are durable and
 * published: what is derived from the catalog (the Iceberg view, com.lakehouse.catalogd.iceberg)
 * follows from here, off the register's path. It is called under the mutation lock, in commit
 * order, so it must only take note (no I/O, no waiting); whatever it throws is logged and changes
 * nothing: the registers are already durable.
 */
@FunctionalInterface
public interface CommitListener {

    CommitListener NONE = history -> { };

    /** @param history every version of the dataset, oldest first, the group's new ones last */
    void committed(List<DatasetManifest> history);
}
