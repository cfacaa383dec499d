package com.lakehouse.catalogd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.catalogd.catalog.CatalogChange;
import com.lakehouse.catalogd.catalog.CatalogState;
import com.lakehouse.catalogd.catalog.DatasetIds;
import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.duckdb.OfflineDuckDb;

/** The Parquet codec against a real DuckDB. */
class ManifestParquetTest {

    private final ManifestParquet parquet = new ManifestParquet();

    @AfterEach
    void close() {
        parquet.close();
    }

    private static DatasetManifest manifest(String name, long version, String etag) {
        return new DatasetManifest(DatasetIds.of(name).toString(), name, version, "c".repeat(64),
                List.of(new SchemaColumn("id", "BIGINT", false), new SchemaColumn("note, \"quoted\" ü", "VARCHAR", true)),
                List.of(new DataObject("datasets/" + name + "/it's a key ü.parquet", 1234, etag, 42),
                        new DataObject("datasets/" + name + "/b.parquet", 0, null, 0)),
                42, "2026-05-01T10:00:00Z", "2026-05-01T10:00:0" + version + ".123456Z");
    }

    @Test
    void changesRoundTripExactlyInSequenceOrder(@TempDir Path dir) {
        List<CatalogChange> first = List.of(new CatalogChange.Registered(1, manifest("orders", 1, "\"e1\"")));
        List<CatalogChange> second = List.of(new CatalogChange.Deleted(2, "orders", DatasetIds.of("orders").toString(),
                "2026-05-01T11:00:00Z"));
        Path a = dir.resolve("b.parquet");
        Path b = dir.resolve("a.parquet");
        parquet.write(first, a);
        parquet.write(second, b);
        assertThat(parquet.read(List.of(b, a))).containsExactly(first.getFirst(), second.getFirst());
    }

    @Test
    void aSnapshotRoundTripsEveryVersionAndItsCheckpoint(@TempDir Path dir) {
        CatalogState state = CatalogState.empty()
                .apply(new CatalogChange.Registered(1, manifest("orders", 1, "e1")))
                .apply(new CatalogChange.Registered(2, manifest("orders", 2, "e2")))
                .apply(new CatalogChange.Registered(3, manifest("alpha", 1, "e3")))
                .apply(new CatalogChange.Registered(4, manifest("zulu", 1, "e4")))
                .apply(new CatalogChange.Deleted(5, "zulu", "id", "2026-05-01T11:00:00Z"));
        Path file = dir.resolve("snapshot.parquet");
        parquet.write(state.asSnapshot(), file);
        CatalogState loaded = CatalogState.replay(parquet.read(List.of(file)));
        assertThat(loaded.catalogVersion()).isEqualTo(5);
        assertThat(loaded.currentManifests()).isEqualTo(state.currentManifests());
        assertThat(loaded.history("orders")).isEqualTo(state.history("orders"));
    }

    @Test
    void theFileIsPlainParquetWithNestedColumns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.parquet");
        parquet.write(List.of(new CatalogChange.Registered(9, manifest("orders", 1, "e"))), file);
        try (var db = OfflineDuckDb.open(Map.of()); var st = db.createStatement();
                ResultSet rows = st.executeQuery("SELECT name, version, objects[1].row_count, len(schema) FROM read_parquet('"
                        + file.toAbsolutePath() + "')")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("orders");
            assertThat(rows.getLong(2)).isEqualTo(1);
            assertThat(rows.getLong(3)).isEqualTo(42);
            assertThat(rows.getLong(4)).isEqualTo(2);
        }
    }

    @Test
    void noFilesMeanNoChanges() {
        assertThat(parquet.read(List.of())).isEmpty();
    }

    @Test
    void aCorruptFileFailsWithoutNamingTheHostPath(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.parquet"), "not parquet");
        assertThatThrownBy(() -> parquet.read(List.of(file))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot read catalog Parquet")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(dir.toAbsolutePath().toString()));
    }

    @Test
    void decodeGivesEachRowOrThrowsForAFileThatIsNotCatalogParquet(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.parquet");
        parquet.write(List.of(new CatalogChange.Registered(4, manifest("orders", 1, "e")), new CatalogChange.Checkpoint(4)), good);
        assertThat(parquet.decode(good)).extracting(ManifestParquet.Decoded::problem).containsOnlyNulls();
        assertThat(parquet.decode(good)).hasSize(2);

        Path bad = Files.writeString(dir.resolve("bad.parquet"), "{\"not\": \"parquet\"}");
        assertThatThrownBy(() -> parquet.decode(bad)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("not a catalog Parquet file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("/tmp").doesNotContain("\n"));
    }
}
