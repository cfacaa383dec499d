package com.lakehouse.ingestd.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.lakehouse.ingestd.csv.ColumnType;
import com.lakehouse.ingestd.csv.CsvProfile;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.error.ConflictException;

class SchemaAlignmentTest {

    private static final List<SchemaColumn> EXISTING = List.of(
            new SchemaColumn("id", "BIGINT", false), new SchemaColumn("rate", "DOUBLE", true), new SchemaColumn("hired", "DATE", true));

    private static CsvProfile file(String... namesAndTypes) {
        List<CsvProfile.Column> columns = new java.util.ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            ColumnType type = ColumnType.valueOf(namesAndTypes[i + 1]);
            columns.add(new CsvProfile.Column(namesAndTypes[i], type, true, type, 0, null));
        }
        return new CsvProfile(columns, 2, 20);
    }

    @Test
    void theFilesOwnTypesWhenTheyAreTheDatasets() {
        assertThat(SchemaAlignment.toExisting("d", file("id", "BIGINT", "rate", "DOUBLE", "hired", "DATE"), EXISTING)).isEmpty();
    }

    @Test
    void otherTypesAreReadAsTheDatasetsTypes() {
        CsvProfile aligned = SchemaAlignment.toExisting("d", file("id", "BIGINT", "rate", "BIGINT", "hired", "VARCHAR"), EXISTING)
                .orElseThrow();
        assertThat(aligned.schema()).extracting(SchemaColumn::type).containsExactly("BIGINT", "DOUBLE", "DATE");
    }

    @Test
    void aValueTheScanSawNotFitIsA409WithItsLineBeforeDuckDbCouldRoundIt() {
        CsvProfile.Column rate = new CsvProfile.Column("id", ColumnType.DOUBLE, false, ColumnType.DOUBLE, 0, null,
                java.util.Map.of(ColumnType.BIGINT, new CsvProfile.ValueAt(2, "1.5")));
        CsvProfile profile = new CsvProfile(List.of(rate, new CsvProfile.Column("rate", ColumnType.DOUBLE, true, ColumnType.DOUBLE, 0, null),
                new CsvProfile.Column("hired", ColumnType.DATE, true, ColumnType.DATE, 0, null)), 1, 10);
        assertThatThrownBy(() -> SchemaAlignment.toExisting("d", profile, EXISTING))
                .isInstanceOf(ConflictException.class).hasMessageContaining("line 2").hasMessageContaining("\"1.5\"")
                .hasMessageContaining("'id'");
    }

    @Test
    void aTypeIngestdDoesNotWriteLeavesTheDecisionToCatalogd() {
        List<SchemaColumn> decimal = List.of(new SchemaColumn("id", "DECIMAL(18,3)", true));
        assertThat(SchemaAlignment.toExisting("d", file("id", "BIGINT"), decimal)).isEmpty();
    }

    @Test
    void anotherSetOfColumnsIsA409NamingTheColumn() {
        assertThatThrownBy(() -> SchemaAlignment.toExisting("d", file("id", "BIGINT", "pay", "DOUBLE", "hired", "DATE"), EXISTING))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'pay'").hasMessageContaining("'rate'");
        assertThatThrownBy(() -> SchemaAlignment.toExisting("d", file("id", "BIGINT", "rate", "DOUBLE"), EXISTING))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'hired'").hasMessageContaining("lacks");
        assertThatThrownBy(() -> SchemaAlignment.toExisting("d",
                file("id", "BIGINT", "rate", "DOUBLE", "hired", "DATE", "extra", "VARCHAR"), EXISTING))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'extra'");
    }
}
