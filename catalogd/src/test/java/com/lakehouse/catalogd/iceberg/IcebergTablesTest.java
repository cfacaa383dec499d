package com.lakehouse.catalogd.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.SchemaColumn;

class IcebergTablesTest {

    private static final List<SchemaColumn> SCHEMA = List.of(new SchemaColumn("id", "BIGINT", false),
            new SchemaColumn("city", "VARCHAR", true));

    private MemoryFileIO io;
    private IcebergTables tables;
    private String bucket;
    private final List<String> footersRead = new ArrayList<>();

    @BeforeEach
    void setUp() {
        io = new MemoryFileIO();
        bucket = "b" + UUID.randomUUID().toString().substring(0, 8);
        tables = new IcebergTables(io, new StorageLocations(bucket), (key, size) -> {
            footersRead.add(key);
            long n = Long.parseLong(key.replaceAll("\\D", ""));
            return List.of(new FooterStats("id", 10, 0L, 80, Long.toString(n * 100), Long.toString(n * 100 + 9), true),
                    new FooterStats("city", 10, 2L, 40, "Berlin", "Zurich", true));
        });
    }

    private static DatasetManifest version(long version, String createdAt, String... keys) {
        List<DataObject> objects = new ArrayList<>();
        for (String key : keys) {
            objects.add(new DataObject(key, 1000, "etag-" + key, 10));
        }
        return new DatasetManifest("11111111-2222-5333-8444-555555555555", "trips", version, "f".repeat(64), SCHEMA,
                objects, 10L * keys.length, createdAt, createdAt.replace("00Z", version + "0Z"));
    }

    /** v1 = {d1}, v2 appends d2, v3 replaces everything with d3. */
    private static List<DatasetManifest> history() {
        return List.of(version(1, "2026-01-01T00:00:00Z", "datasets/trips/d1.parquet"),
                version(2, "2026-01-01T00:00:00Z", "datasets/trips/d1.parquet", "datasets/trips/d2.parquet"),
                version(3, "2026-01-01T00:00:00Z", "datasets/trips/d3.parquet"));
    }

    private Set<String> liveFiles(TableMetadata metadata, long snapshotId) {
        Set<String> paths = new HashSet<>();
        for (ManifestFile manifest : metadata.snapshot(snapshotId).dataManifests(io)) {
            try (ManifestReader<DataFile> reader = ManifestFiles.read(manifest, io)) {
                reader.forEach(file -> paths.add(file.location()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return paths;
    }

    @Test
    void everyVersionIsASnapshotTaggedWithItsNumber() {
        TableMetadata metadata = tables.write(history());

        assertThat(metadata.snapshots()).extracting(Snapshot::snapshotId).containsExactly(1L, 2L, 3L);
        assertThat(metadata.currentSnapshot().snapshotId()).isEqualTo(3L);
        Map<String, SnapshotRef> refs = metadata.refs();
        for (long v = 1; v <= 3; v++) {
            assertThat(refs.get("v" + v).snapshotId()).isEqualTo(v);
            assertThat(refs.get("v" + v).isTag()).isTrue();
            assertThat(metadata.snapshot(v).summary()).containsEntry("lakehouse.version", Long.toString(v));
        }
        assertThat(metadata.snapshot(1).operation()).isEqualTo(DataOperations.APPEND);
        assertThat(metadata.snapshot(2).operation()).isEqualTo(DataOperations.APPEND);
        assertThat(metadata.snapshot(3).operation()).isEqualTo(DataOperations.OVERWRITE);
        String d = "s3://" + bucket + "/datasets/trips/";
        assertThat(liveFiles(metadata, 1)).containsExactly(d + "d1.parquet");
        assertThat(liveFiles(metadata, 2)).containsExactlyInAnyOrder(d + "d1.parquet", d + "d2.parquet");
        assertThat(liveFiles(metadata, 3)).containsExactly(d + "d3.parquet");
        assertThat(metadata.location()).isEqualTo("s3://" + bucket + "/datasets/trips");
        assertThat(metadata.metadataFileLocation()).isEqualTo(tables.metadataLocation(history().get(2)));
    }

    /** Versions written together (the catch-up behind a group commit): one Iceberg commit, one metadata JSON, every version its own tagged snapshot. */
    @Test
    void aGroupOfNewVersionsIsOneCommitWithASnapshotEach() {
        List<DatasetManifest> appends = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int v = 1; v <= 6; v++) {
            keys.add("datasets/trips/d" + v + ".parquet");
            appends.add(version(v, "2026-01-01T00:00:00Z", keys.toArray(String[]::new)));
        }
        TableMetadata one = tables.write(appends.subList(0, 1));
        io.written.clear();
        footersRead.clear();

        TableMetadata grouped = tables.write(appends);

        assertThat(io.written).filteredOn(path -> path.endsWith(".metadata.json"))
                .containsExactly(tables.metadataLocation(appends.getLast()));
        assertThat(footersRead).containsExactly("datasets/trips/d2.parquet", "datasets/trips/d3.parquet",
                "datasets/trips/d4.parquet", "datasets/trips/d5.parquet", "datasets/trips/d6.parquet");
        assertThat(grouped.metadataFileLocation()).isEqualTo(tables.metadataLocation(appends.getLast()));
        assertThat(grouped.previousFiles()).extracting(TableMetadata.MetadataLogEntry::file).contains(one.metadataFileLocation());
        assertThat(grouped.snapshots()).extracting(Snapshot::snapshotId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(grouped.currentSnapshot().snapshotId()).isEqualTo(6L);
        String d = "s3://" + bucket + "/datasets/trips/d";
        for (long v = 1; v <= 6; v++) {
            assertThat(grouped.refs().get("v" + v).snapshotId()).isEqualTo(v);
            assertThat(grouped.snapshot(v).summary()).containsEntry("lakehouse.version", Long.toString(v));
            assertThat(grouped.snapshot(v).operation()).isEqualTo(DataOperations.APPEND);
            assertThat(liveFiles(grouped, v)).hasSize((int) v).contains(d + v + ".parquet");
        }
        // The next register builds on the group's metadata; the versions inside the group need no file of their own.
        keys.add("datasets/trips/d7.parquet");
        appends.add(version(7, "2026-01-01T00:00:00Z", keys.toArray(String[]::new)));
        io.written.clear();
        TableMetadata seven = tables.write(appends);
        assertThat(io.written).filteredOn(path -> path.endsWith(".metadata.json")).containsExactly(tables.metadataLocation(appends.getLast()));
        assertThat(seven.snapshots()).hasSize(7);
        assertThat(seven.snapshot(7L).parentId()).isEqualTo(6L);
    }

    /** A rebuild of a long history writes a metadata JSON every so many versions, so it is never one huge transaction. */
    @Test
    void aLongRebuildIsCommittedInBoundedSteps() {
        List<DatasetManifest> appends = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int count = IcebergTables.MAX_VERSIONS_PER_COMMIT + 3;
        for (int v = 1; v <= count; v++) {
            keys.add("datasets/trips/d" + v + ".parquet");
            appends.add(version(v, "2026-01-01T00:00:00Z", keys.toArray(String[]::new)));
        }

        TableMetadata all = tables.write(appends);

        assertThat(io.written).filteredOn(path -> path.endsWith(".metadata.json")).containsExactly(
                tables.metadataLocation(appends.get(IcebergTables.MAX_VERSIONS_PER_COMMIT - 1)), tables.metadataLocation(appends.getLast()));
        assertThat(all.snapshots()).hasSize(count);
        assertThat(all.refs()).containsKey("v" + count).containsKey("v1");
        assertThat(liveFiles(all, count)).hasSize(count);
    }

    /** The metadata kept after a write (the next commit's base, what loadTable serves) is what was written. */
    @Test
    void theMetadataKeptIsTheMetadataWritten() throws IOException {
        TableMetadata two = tables.write(history().subList(0, 2));
        TableMetadata three = tables.write(history());

        for (TableMetadata kept : List.of(two, three)) {
            String written;
            try (var in = io.newInputFile(kept.metadataFileLocation()).newStream()) {
                written = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertThat(org.apache.iceberg.TableMetadataParser.toJson(kept)).isEqualTo(written);
        }
    }

    @Test
    void theTableIsReadOnlyForEngineMaintenanceAndMapsColumnsByName() {
        TableMetadata metadata = tables.write(history());

        assertThat(metadata.properties()).containsEntry(TableProperties.GC_ENABLED, "false");
        assertThat(metadata.formatVersion()).isEqualTo(2);
        var mapping = NameMappingParser.fromJson(metadata.properties().get(TableProperties.DEFAULT_NAME_MAPPING));
        assertThat(mapping.find("id").id()).isEqualTo(metadata.schema().findField("id").fieldId());
        assertThat(mapping.find("city").id()).isEqualTo(metadata.schema().findField("city").fieldId());
        assertThat(metadata.schema().findType("id")).isEqualTo(Types.LongType.get());
    }

    @Test
    void manifestsCarryTheFooterStatistics() throws IOException {
        TableMetadata metadata = tables.write(history().subList(0, 1));
        ManifestFile manifest = metadata.currentSnapshot().dataManifests(io).getFirst();
        try (ManifestReader<DataFile> reader = ManifestFiles.read(manifest, io)) {
            DataFile file = reader.iterator().next();
            int id = metadata.schema().findField("id").fieldId();
            int city = metadata.schema().findField("city").fieldId();
            assertThat(file.recordCount()).isEqualTo(10);
            assertThat(file.nullValueCounts()).containsEntry(city, 2L).containsEntry(id, 0L);
            assertThat((Long) Conversions.fromByteBuffer(Types.LongType.get(), file.lowerBounds().get(id))).isEqualTo(100L);
            assertThat((Long) Conversions.fromByteBuffer(Types.LongType.get(), file.upperBounds().get(id))).isEqualTo(109L);
            assertThat(Conversions.fromByteBuffer(Types.StringType.get(), file.upperBounds().get(city)).toString()).isEqualTo("Zurich");
        }
    }

    @Test
    void writingAgainWritesNothingAndGivesTheSameMetadata() {
        TableMetadata first = tables.write(history());
        io.written.clear();
        footersRead.clear();

        TableMetadata again = tables.write(history());

        assertThat(io.written).isEmpty();
        assertThat(footersRead).isEmpty();
        assertThat(again.metadataFileLocation()).isEqualTo(first.metadataFileLocation());
    }

    @Test
    void aNewVersionBuildsOnThePreviousMetadataAndReadsOnlyNewFooters() {
        TableMetadata two = tables.write(history().subList(0, 2));
        io.written.clear();
        footersRead.clear();

        TableMetadata three = tables.write(history());

        assertThat(footersRead).containsExactly("datasets/trips/d3.parquet");
        assertThat(io.written).contains(tables.metadataLocation(history().get(2)))
                .doesNotContain(two.metadataFileLocation(), tables.metadataLocation(history().get(0)));
        assertThat(three.previousFiles()).extracting(TableMetadata.MetadataLogEntry::file).contains(two.metadataFileLocation());
    }

    @Test
    void deletedMetadataIsRebuiltFromTheCatalogRecords() {
        TableMetadata original = tables.write(history());
        Set<String> all = Set.copyOf(io.written);
        all.forEach(io::deleteFile);
        assertThat(io.newInputFile(original.metadataFileLocation()).exists()).isFalse();

        TableMetadata rebuilt = tables.write(history());

        assertThat(rebuilt.metadataFileLocation()).isEqualTo(original.metadataFileLocation());
        assertThat(io.newInputFile(rebuilt.metadataFileLocation()).exists()).isTrue();
        assertThat(rebuilt.snapshots()).extracting(Snapshot::snapshotId).containsExactly(1L, 2L, 3L);
        assertThat(rebuilt.refs().keySet()).contains("v1", "v2", "v3");
        assertThat(liveFiles(rebuilt, 1)).hasSize(1);
    }

    @Test
    void aNameRegisteredAgainAfterADeleteGetsFreshMetadata() {
        DatasetManifest before = version(1, "2026-01-01T00:00:00Z", "datasets/trips/d1.parquet");
        DatasetManifest after = version(1, "2026-02-01T00:00:00Z", "datasets/trips/d9.parquet");
        tables.write(List.of(before));

        TableMetadata recreated = tables.write(List.of(after));

        assertThat(tables.metadataLocation(after)).isNotEqualTo(tables.metadataLocation(before));
        assertThat(recreated.snapshots()).hasSize(1);
        assertThat(liveFiles(recreated, 1)).containsExactly("s3://" + bucket + "/datasets/trips/d9.parquet");
    }

    @Test
    void anObjectRewrittenInPlaceIsAnOverwriteOfTheSamePath() {
        DatasetManifest v1 = version(1, "2026-01-01T00:00:00Z", "datasets/trips/d1.parquet");
        DataObject rewritten = new DataObject("datasets/trips/d1.parquet", 2000, "etag-new", 20);
        DatasetManifest v2 = new DatasetManifest(v1.datasetId(), v1.name(), 2, v1.schemaFingerprint(), SCHEMA,
                List.of(rewritten), 20, v1.createdAt(), "2026-01-01T00:00:20Z");

        TableMetadata metadata = tables.write(List.of(v1, v2));

        assertThat(metadata.snapshot(2).operation()).isEqualTo(DataOperations.OVERWRITE);
        assertThat(liveFiles(metadata, 2)).containsExactly("s3://" + bucket + "/datasets/trips/d1.parquet");
        assertThat(liveFiles(metadata, 1)).containsExactly("s3://" + bucket + "/datasets/trips/d1.parquet");
    }

    @Test
    void anEmptyFirstVersionIsAnEmptySnapshot() {
        TableMetadata metadata = tables.write(List.of(version(1, "2026-01-01T00:00:00Z")));

        assertThat(metadata.refs().get("v1").snapshotId()).isEqualTo(1L);
        assertThat(liveFiles(metadata, 1)).isEmpty();
    }

    @Test
    void theMetadataLocationNamesTheVersionAndItsRecord() {
        DatasetManifest v2 = history().get(1);
        assertThat(tables.metadataLocation(v2)).matches("s3://" + bucket + "/datasets/trips/metadata/00002-[0-9a-f]{16}\\.metadata\\.json");
        assertThat(IcebergTables.digest(v2)).isEqualTo(IcebergTables.digest(history().get(1)));
        assertThat(IcebergTables.digest(v2)).isNotEqualTo(IcebergTables.digest(history().get(0)));
    }
}
