package com.lakehouse.catalogd.catalog;

import java.util.List;

import com.lakehouse.shared.catalog.DatasetManifest;

/**
 * What must be durable before a register is acknowledged, beside the catalog's own change: the
 * Iceberg metadata of the new version (com.lakehouse.catalogd.iceberg). It runs under the mutation
 * lock before the change is persisted; when it throws, the register answers 503 and nothing changes.
 * It must be idempotent: a register retried after a failure runs it again.
 */
@FunctionalInterface
public interface RegisterHook {

    RegisterHook NONE = history -> { };

    /** @param history every version of the dataset, oldest first, the one being registered last */
    void beforeAcknowledge(List<DatasetManifest> history);
}
