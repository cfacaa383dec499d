package com.lakehouse.catalogd.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.lakehouse.catalogd.catalog.CatalogChange;
import com.lakehouse.catalogd.catalog.DatasetIds;
import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.SchemaColumn;

/** What a load refuses to apply from storage. */
class StoredChangesTest {

    private static DatasetManifest manifest(String name, String type) {
        return new DatasetManifest(DatasetIds.of("x").toString(), name, 1, "c".repeat(64),
                List.of(new SchemaColumn("id", type, false)), List.of(new DataObject("k", 1, "e", 1)), 1,
                "2026-05-01T10:00:00Z", "2026-05-01T10:00:00Z");
    }

    @Test
    void aWellFormedChangeApplies() {
        assertThat(StoredChanges.problem(new CatalogChange.Registered(3, manifest("orders", "BIGINT")), 3)).isEmpty();
        assertThat(StoredChanges.problem(new CatalogChange.Deleted(4, "orders", "id", "t"), 4)).isEmpty();
        assertThat(StoredChanges.problem(new CatalogChange.Checkpoint(5), 5)).isEmpty();
    }

    @Test
    void aTypeOutsideTheGrammarANameOutsideItOrAnotherSequenceIsRefused() {
        String hostile = "INTEGER) AS a UNION ALL SELECT 42 UNION ALL SELECT CAST(NULL AS INTEGER";
        assertThat(StoredChanges.problem(new CatalogChange.Registered(3, manifest("orders", hostile)), 3))
                .hasValueSatisfying(p -> assertThat(p).contains("schema[0].type"));
        assertThat(StoredChanges.problem(new CatalogChange.Registered(3, manifest("Bad-Name", "BIGINT")), 3))
                .hasValueSatisfying(p -> assertThat(p).contains("invalid dataset name"));
        assertThat(StoredChanges.problem(new CatalogChange.Deleted(3, "../x", "id", "t"), 3)).isPresent();
        assertThat(StoredChanges.problem(new CatalogChange.Registered(2, manifest("orders", "BIGINT")), 3))
                .hasValueSatisfying(p -> assertThat(p).contains("sequence 2"));
    }

    @Test
    void storedSizesAreNotHeldToTheConfiguredLimits() {
        List<SchemaColumn> wide = java.util.stream.IntStream.range(0, 2000)
                .mapToObj(i -> new SchemaColumn("c" + i, "VARCHAR", true)).toList();
        DatasetManifest manifest = new DatasetManifest("id", "wide", 1, "c".repeat(64), wide, List.of(), 0, "t", "t");
        assertThat(StoredChanges.problem(new CatalogChange.Registered(1, manifest), 1)).isEmpty();
    }
}
