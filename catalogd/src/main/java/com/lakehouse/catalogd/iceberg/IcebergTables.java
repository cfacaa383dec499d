package com.lakehouse.catalogd.iceberg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SnapshotUpdate;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.Transactions;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMappingParser;

import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.error.LakehouseException;

/**
 * Writes a dataset's versions as an Iceberg table, with Iceberg's own transactions, manifest and
 * metadata writers: version N is snapshot N, tagged {@code vN}; a version that only adds files is
 * an append, one that drops or rewrites any file an overwrite.
 *
 * <p>Each version's metadata JSON sits at a location derived from the version's catalog record
 * (name, version, timestamps, objects), so the catalog alone says where a table's metadata is, and
 * a write is idempotent: a version whose metadata exists is not written again. A version whose
 * metadata is missing (deleted, or registered before this view existed) is rebuilt from the newest
 * version that still has its metadata, or from version 1.
 */
public final class IcebergTables {

    private static final Log LOG = LogFactory.getLog(IcebergTables.class);
    static final String TAG_PREFIX = "v";
    static final String SUMMARY_VERSION = "lakehouse.version";
    /** Tables whose newest metadata stays parsed in memory. */
    private static final int CACHED = 256;
    /**
     * At most this many versions in one Iceberg transaction: a rebuild of a long history writes a
     * metadata JSON every so many versions, so its memory stays bounded and a rebuild cut short
     * resumes from the last one written. A transaction's memory grows with its versions times the
     * table's manifests (each fast append's snapshot keeps the manifest list it read, one manifest
     * per version): 64 versions of a table at ~1,100 versions exhausted catalogd's 256 MiB heap in
     * a 10-minute soak once the background writer had fallen behind (docs/BENCHMARKS.md, "Soak").
     */
    static final int MAX_VERSIONS_PER_COMMIT = 8;

    private final FileIO io;
    private final StorageLocations locations;
    private final FooterSource footers;
    private final ReentrantLock writes = new ReentrantLock();
    /**
     * The newest parsed metadata of each table, by table name: a location names immutable content,
     * so only its existence is re-checked. Only the newest: each version's metadata holds every
     * snapshot and tag before it, so keeping the last 256 versions of one often-appended table held
     * hundreds of thousands of snapshots (catalogd's RSS grew with the soak's history, issue 21);
     * a commit needs only the newest as its base.
     */
    private final Map<String, Parsed> parsed = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > CACHED;
        }
    });

    private record Parsed(String location, TableMetadata metadata) {
    }

    public IcebergTables(FileIO io, StorageLocations locations, FooterSource footers) {
        this.io = io;
        this.locations = locations;
        this.footers = footers;
    }

    public String tableLocation(String name) {
        return locations.location("datasets/" + name);
    }

    /** Where the metadata JSON of this dataset version lives. */
    public String metadataLocation(DatasetManifest version) {
        return tableLocation(version.name()) + "/metadata/%05d-%s.metadata.json".formatted(version.version(), digest(version));
    }

    /**
     * The table as of the last version of {@code history} (oldest first), writing whatever metadata
     * of these versions is missing: from the newest version whose metadata exists (or version 1),
     * every later version as one Iceberg commit (at most {@link #MAX_VERSIONS_PER_COMMIT} a commit),
     * one snapshot (and tag) each, in one metadata JSON at the newest version's location. Only the
     * newest version's metadata location is ever read as a table's base, so the versions of one
     * commit before it need no metadata file of their own: each is a snapshot of every later
     * metadata. Safe to call again: existing metadata is read, not rewritten.
     */
    public TableMetadata write(List<DatasetManifest> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one version");
        }
        writes.lock();
        try {
            int next = history.size();
            TableMetadata base = null;
            while (next > 0) {
                Optional<TableMetadata> existing = existing(history.get(next - 1));
                if (existing.isPresent()) {
                    base = existing.get();
                    break;
                }
                next--;
            }
            if (next < history.size() - 1) {
                LOG.info("iceberg: writing metadata of " + history.getLast().name() + " from version "
                        + (next + 1) + " to " + history.size());
            }
            for (int from = next; from < history.size(); from += MAX_VERSIONS_PER_COMMIT) {
                base = commit(base, history, from, Math.min(history.size(), from + MAX_VERSIONS_PER_COMMIT));
            }
            return base;
        } finally {
            writes.unlock();
        }
    }

    private Optional<TableMetadata> existing(DatasetManifest version) {
        String location = metadataLocation(version);
        if (!io.newInputFile(location).exists()) {
            parsed.computeIfPresent(version.name(), (name, cached) -> cached.location().equals(location) ? null : cached);
            return Optional.empty();
        }
        Parsed cached = parsed.get(version.name());
        if (cached != null && cached.location().equals(location)) {
            return Optional.of(cached.metadata());
        }
        try {
            TableMetadata metadata = TableMetadataParser.read(io, location);
            remember(version, location, metadata);
            return Optional.of(metadata);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Versions {@code from} (inclusive) to {@code to} (exclusive) of {@code history} as one Iceberg
     * transaction on {@code base}: a snapshot and a tag per version, one metadata JSON, written at
     * the location of version {@code to - 1}.
     */
    private TableMetadata commit(TableMetadata base, List<DatasetManifest> history, int from, int to) {
        DatasetManifest last = history.get(to - 1);
        String name = last.name();
        String location = metadataLocation(last);
        VersionTableOperations ops = new VersionTableOperations(io, tableLocation(name), base, location);
        Transaction tx = null;
        for (int i = from; i < to; i++) {
            DatasetManifest version = history.get(i);
            DatasetManifest previous = i == 0 ? null : history.get(i - 1);
            Schema schema = IcebergSchemas.of(version.schema());
            ops.numberNextSnapshot(version.version());
            if (tx == null) {
                tx = base == null
                        ? Transactions.createTableTransaction(name, ops, TableMetadata.newTableMetadata(schema,
                                PartitionSpec.unpartitioned(), SortOrder.unsorted(), tableLocation(name), properties(schema, version)))
                        : Transactions.newTransaction(name, ops);
            }
            Set<String> before = previous == null ? Set.of() : identities(previous.objects());
            Set<String> now = identities(version.objects());
            List<DataObject> added = version.objects().stream().filter(o -> !before.contains(identity(o))).toList();
            List<DataObject> removed = previous == null ? List.of()
                    : previous.objects().stream().filter(o -> !now.contains(identity(o))).toList();
            if (removed.isEmpty()) {
                // A fast append adds one manifest and never rewrites earlier ones: a merge append reads
                // and rewrites every manifest past Iceberg's merge threshold (100), on each append, under
                // the catalog's register, so an often-appended dataset made every register slower (the
                // soak's appends reached 6-13 s after ~500 versions).
                AppendFiles append = tx.newFastAppend();
                added.forEach(o -> append.appendFile(dataFile(schema, o)));
                summarize(append, version).commit();
            } else {
                OverwriteFiles overwrite = tx.newOverwrite();
                removed.forEach(o -> overwrite.deleteFile(dataFile(o, new Metrics(o.rowCount()))));
                added.forEach(o -> overwrite.addFile(dataFile(schema, o)));
                summarize(overwrite, version).commit();
            }
            tx.manageSnapshots().createTag(TAG_PREFIX + version.version(), version.version()).commit();
        }
        tx.commitTransaction();
        TableMetadata committed = ops.current();
        remember(last, location, committed);
        return committed;
    }

    /** Keeps {@code metadata} as its table's: the last one read or written is the base of the next commit. */
    private void remember(DatasetManifest version, String location, TableMetadata metadata) {
        parsed.put(version.name(), new Parsed(location, metadata));
    }

    /** The snapshot names the catalog record it mirrors. */
    private static <T extends SnapshotUpdate<T>> T summarize(T update, DatasetManifest version) {
        return update.set(SUMMARY_VERSION, Long.toString(version.version()))
                .set("lakehouse.dataset-id", version.datasetId())
                .set("lakehouse.updated-at", String.valueOf(version.updatedAt()));
    }

    private static Map<String, String> properties(Schema schema, DatasetManifest version) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(TableProperties.FORMAT_VERSION, "2");
        // The Lakehouse owns its files (queryd and older versions read them): no engine's
        // maintenance (expire_snapshots, remove_orphan_files, purge) may delete them.
        properties.put(TableProperties.GC_ENABLED, "false");
        // DuckDB's Parquet carries no field ids: engines resolve columns by name through this.
        properties.put(TableProperties.DEFAULT_NAME_MAPPING, NameMappingParser.toJson(MappingUtil.create(schema)));
        properties.put("lakehouse.dataset-id", version.datasetId());
        return properties;
    }

    private DataFile dataFile(Schema schema, DataObject object) {
        return dataFile(object, metrics(schema, object));
    }

    private DataFile dataFile(DataObject object, Metrics metrics) {
        return DataFiles.builder(PartitionSpec.unpartitioned())
                .withPath(locations.location(object.key()))
                .withFormat(FileFormat.PARQUET)
                .withFileSizeInBytes(object.size())
                .withMetrics(metrics)
                .build();
    }

    /**
     * Column statistics from the file's footer; a file whose footer cannot be read still gets its
     * row count (statistics only help pruning), but storaged being unreachable fails the write.
     */
    private Metrics metrics(Schema schema, DataObject object) {
        try {
            return FileMetrics.of(schema, object.rowCount(), footers.read(object.key(), object.size()));
        } catch (com.lakehouse.shared.error.UnavailableException | com.lakehouse.shared.error.UpstreamTimeoutException e) {
            throw e;
        } catch (LakehouseException | IllegalStateException e) {
            LOG.warn("iceberg: no column statistics for " + object.key() + ": " + e.getMessage());
            return new Metrics(object.rowCount());
        }
    }

    private static Set<String> identities(List<DataObject> objects) {
        return objects.stream().map(IcebergTables::identity).collect(Collectors.toSet());
    }

    private static String identity(DataObject object) {
        return object.key() + "\u0000" + object.etag();
    }

    /** Names the exact catalog record, so a version registered again after a delete gets fresh metadata. */
    static String digest(DatasetManifest version) {
        List<String> objects = new ArrayList<>(version.objects().stream().map(IcebergTables::identity).toList());
        Collections.sort(objects);
        String record = String.join("\n", version.datasetId(), Long.toString(version.version()),
                String.valueOf(version.createdAt()), String.valueOf(version.updatedAt()), version.schemaFingerprint(),
                String.join("\n", objects));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(record.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
