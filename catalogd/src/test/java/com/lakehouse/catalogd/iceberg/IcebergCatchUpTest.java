package com.lakehouse.catalogd.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.testing.Await;

/** The Iceberg view written behind the catalog's commits: coalesced per dataset, retried after a failure. */
class IcebergCatchUpTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<SchemaColumn> SCHEMA = List.of(new SchemaColumn("id", "BIGINT", false));

    private MemoryFileIO io;
    private IcebergTables tables;
    private IcebergCatchUp catchUp;

    @BeforeEach
    void setUp() {
        io = new MemoryFileIO();
        String bucket = "b" + UUID.randomUUID().toString().substring(0, 8);
        tables = new IcebergTables(io, new StorageLocations(bucket), (key, size) -> List.of());
        catchUp = new IcebergCatchUp(tables);
    }

    @AfterEach
    void close() throws InterruptedException {
        io.hold.countDown();
        catchUp.close();
    }

    private static List<DatasetManifest> appends(String name, int count) {
        List<DatasetManifest> history = new ArrayList<>();
        List<DataObject> objects = new ArrayList<>();
        for (int v = 1; v <= count; v++) {
            objects.add(new DataObject("datasets/" + name + "/d" + v + ".parquet", 1000, "etag-" + v, 10));
            history.add(new DatasetManifest("11111111-2222-5333-8444-55555555555" + (name.length() % 10), name, v, "f".repeat(64),
                    SCHEMA, List.copyOf(objects), 10L * v, "2026-01-01T00:00:00Z", "2026-01-01T00:00:0" + (v % 10) + "Z"));
        }
        return history;
    }

    private List<String> metadataWritten() {
        synchronized (io.written) {
            return io.written.stream().filter(path -> path.endsWith(".metadata.json")).toList();
        }
    }

    private TableMetadata written(DatasetManifest newest) {
        return TableMetadataParser.read(io, tables.metadataLocation(newest));
    }

    @Test
    void aCommittedHistoryGetsItsMetadataInTheBackground() throws Exception {
        List<DatasetManifest> history = appends("trips", 2);

        catchUp.committed(history);

        assertThat(catchUp.awaitIdle(WAIT)).isTrue();
        assertThat(written(history.getLast()).snapshots()).extracting(Snapshot::snapshotId).containsExactly(1L, 2L);
    }

    /** Commits that arrive while one write runs are one later write: only the newest history of a dataset waits. */
    @Test
    void commitsDuringAWriteAreCoalescedIntoOneCommitOfTheNewestHistory() throws Exception {
        List<DatasetManifest> history = appends("trips", 5);
        io.hold = new CountDownLatch(1);
        catchUp.committed(history.subList(0, 1));
        while (catchUp.waiting() > 0) {
            Thread.onSpinWait();
        }
        catchUp.committed(history.subList(0, 2));
        catchUp.committed(history.subList(0, 3));
        catchUp.committed(history);
        assertThat(catchUp.waiting()).isEqualTo(1);

        io.hold.countDown();

        assertThat(catchUp.awaitIdle(WAIT)).isTrue();
        assertThat(metadataWritten()).containsExactly(tables.metadataLocation(history.get(0)), tables.metadataLocation(history.getLast()));
        assertThat(written(history.getLast()).snapshots()).extracting(Snapshot::snapshotId).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aFailedWriteIsRetriedUntilItLands() throws Exception {
        List<DatasetManifest> history = appends("trips", 3);
        io.failuresLeft.set(2);

        catchUp.committed(history);

        Await.until("the metadata of the newest version", () -> io.newInputFile(tables.metadataLocation(history.getLast())).exists());
        assertThat(catchUp.awaitIdle(WAIT)).isTrue();
        assertThat(written(history.getLast()).snapshots()).hasSize(3);
        assertThat(io.failuresLeft).hasValue(0);
    }

    /** An Error in a write (an OutOfMemoryError once ended the thread for good) is given up and retried. */
    @Test
    void anErrorInAWriteDoesNotStopTheCatchUp() throws Exception {
        List<DatasetManifest> history = appends("trips", 2);
        io.failure = new OutOfMemoryError("Java heap space (thrown by the test)");
        io.failuresLeft.set(1);

        catchUp.committed(history);

        Await.until("the metadata of the newest version", () -> io.newInputFile(tables.metadataLocation(history.getLast())).exists());
        assertThat(catchUp.awaitIdle(WAIT)).isTrue();
        assertThat(written(history.getLast()).snapshots()).hasSize(2);
    }

    @Test
    void aSchemaIcebergCannotExpressIsLeftOut() throws Exception {
        DatasetManifest odd = appends("odd", 1).getFirst();
        DatasetManifest unrepresentable = new DatasetManifest(odd.datasetId(), odd.name(), 1, odd.schemaFingerprint(),
                List.of(new SchemaColumn("span", "INTERVAL", true)), odd.objects(), odd.rowCount(), odd.createdAt(), odd.updatedAt());

        catchUp.committed(List.of(unrepresentable));

        assertThat(catchUp.waiting()).isZero();
        assertThat(catchUp.awaitIdle(WAIT)).isTrue();
        assertThat(io.written).isEmpty();
    }
}
