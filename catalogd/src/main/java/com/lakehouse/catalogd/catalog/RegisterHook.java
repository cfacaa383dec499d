package com.lakehouse.catalogd.catalog;

import java.util.List;
import java.util.Optional;

import com.lakehouse.shared.catalog.DatasetManifest;

/**
 * What must be durable before a register is acknowledged, beside the catalog's own change: the
 * Iceberg metadata of the new versions (com.lakehouse.catalogd.iceberg). It runs under the mutation
 * lock before the group's changes are persisted, once per dataset of the group; when it throws, that
 * dataset's registers answer 503 and none of its versions is kept.
 * It must be idempotent: a register retried after a failure runs it again.
 */
@FunctionalInterface
public interface RegisterHook {

    RegisterHook NONE = (history, added) -> { };

    /**
     * @param history every version of the dataset, oldest first, the ones being registered last
     * @param added how many of the last versions are being registered (1 or more: a group commit
     *        may register several versions of one dataset)
     */
    void beforeAcknowledge(List<DatasetManifest> history, int added);

    /**
     * Work a register can do before it queues for the mutation lock (e.g. reading its new files'
     * footers), so the part under the lock is shorter. {@code current} is the dataset's newest
     * version as published when the register arrived, a hint only: what is decided under the lock
     * may differ. Must not throw; a failure here only means the work is done again under the lock.
     */
    default void prepare(Registration request, Optional<DatasetManifest> current) {
    }
}
