package com.lakehouse.catalogd.iceberg;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.catalogd.catalog.RegisterHook;
import com.lakehouse.catalogd.catalog.Registration;
import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;

/**
 * The catalog's register hook: a group's new versions of a dataset become one Iceberg commit before
 * the catalog persists them, and a register's new files have their footers read before it queues
 * for the catalog's lock. A schema Iceberg cannot express is no reason to refuse a register (such a
 * dataset stays out of the Iceberg view); nor is a long history without metadata (a catalog older
 * than the Iceberg view): loading the table rebuilds it, outside the catalog's lock.
 */
final class IcebergRegisterHook implements RegisterHook {

    private static final Log LOG = LogFactory.getLog(IcebergRegisterHook.class);
    /** Versions before the new ones whose missing metadata a register rebuilds itself; a longer gap is left to the next load. */
    static final int REGISTER_REBUILD_LIMIT = 8;
    /** At most this many footers read ahead per register; the rest are read under the lock as before. */
    static final int PREFETCH_LIMIT = 32;

    private final IcebergTables tables;
    private final PrefetchedFooters footers;

    IcebergRegisterHook(IcebergTables tables, PrefetchedFooters footers) {
        this.tables = tables;
        this.footers = footers;
    }

    @Override
    public void beforeAcknowledge(List<DatasetManifest> history, int added) {
        if (IcebergSchemas.representable(history.getLast().schema())
                && tables.write(history, added, REGISTER_REBUILD_LIMIT + added).isEmpty()) {
            LOG.info("iceberg: " + history.getLast().name() + " has more than " + REGISTER_REBUILD_LIMIT
                    + " versions without metadata; its next load rebuilds them");
        }
    }

    @Override
    public void prepare(Registration request, Optional<DatasetManifest> current) {
        if (!IcebergSchemas.representable(request.schema())) {
            return;
        }
        Set<String> present = current.map(m -> m.objects().stream().map(IcebergRegisterHook::identity)
                .collect(Collectors.toSet())).orElse(Set.of());
        request.objects().stream().filter(o -> !present.contains(identity(o))).limit(PREFETCH_LIMIT)
                .forEach(footers::prefetch);
    }

    private static String identity(DataObject object) {
        return object.key() + "\u0000" + object.etag();
    }
}
