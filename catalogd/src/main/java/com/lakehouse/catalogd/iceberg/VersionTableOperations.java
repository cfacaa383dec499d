package com.lakehouse.catalogd.iceberg;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.iceberg.LocationProviders;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.LocationProvider;
import org.apache.iceberg.io.PositionOutputStream;

/**
 * Iceberg's {@link TableOperations} for turning one dataset version into one commit: it starts
 * from the previous version's metadata (or none), writes the committed metadata JSON at the
 * location the catalog names for this version, and numbers the snapshot with the version, so
 * snapshot ids are the same whenever the metadata is (re)built. The Lakehouse catalog, not this
 * class, is the pointer to the current metadata: nothing here is a second source of truth.
 */
final class VersionTableOperations implements TableOperations {

    private final FileIO io;
    private final String tableLocation;
    private final TableMetadata base;
    private final String metadataLocation;
    private final long snapshotId;
    private TableMetadata committed;

    VersionTableOperations(FileIO io, String tableLocation, TableMetadata base, String metadataLocation, long snapshotId) {
        this.io = io;
        this.tableLocation = tableLocation;
        this.base = base;
        this.metadataLocation = metadataLocation;
        this.snapshotId = snapshotId;
    }

    @Override
    public TableMetadata current() {
        return committed != null ? committed : base;
    }

    @Override
    public TableMetadata refresh() {
        return current();
    }

    @Override
    public void commit(TableMetadata from, TableMetadata metadata) {
        if (committed != null || from != base) {
            throw new CommitFailedException("one dataset version is one commit on top of the version before it");
        }
        String json = TableMetadataParser.toJson(metadata);
        try (PositionOutputStream out = io.newOutputFile(metadataLocation).createOrOverwrite()) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + metadataLocation, e);
        }
        committed = TableMetadataParser.fromJson(metadataLocation, json);
    }

    @Override
    public FileIO io() {
        return io;
    }

    @Override
    public String metadataFileLocation(String fileName) {
        return tableLocation + "/metadata/" + fileName;
    }

    @Override
    public LocationProvider locationProvider() {
        return LocationProviders.locationsFor(tableLocation, Map.of());
    }

    @Override
    public long newSnapshotId() {
        return snapshotId;
    }
}
