package com.lakehouse.catalogd.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.iceberg.Metrics;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.DateTimeUtil;
import org.junit.jupiter.api.Test;

import com.lakehouse.shared.catalog.SchemaColumn;

class FileMetricsTest {

    private static final Schema SCHEMA = IcebergSchemas.of(List.of(new SchemaColumn("id", "BIGINT", false),
            new SchemaColumn("name", "VARCHAR", true), new SchemaColumn("at", "TIMESTAMP", true),
            new SchemaColumn("day", "DATE", true), new SchemaColumn("score", "DOUBLE", true)));

    private static Object lower(Metrics metrics, String column) {
        Types.NestedField field = SCHEMA.findField(column);
        return Conversions.fromByteBuffer(field.type(), metrics.lowerBounds().get(field.fieldId()));
    }

    private static Object upper(Metrics metrics, String column) {
        Types.NestedField field = SCHEMA.findField(column);
        return Conversions.fromByteBuffer(field.type(), metrics.upperBounds().get(field.fieldId()));
    }

    @Test
    void rowGroupsAreSummedAndBoundedTogether() {
        Metrics metrics = FileMetrics.of(SCHEMA, 30, List.of(
                new FooterStats("id", 10, 0L, 80, "5", "90", true),
                new FooterStats("id", 20, 1L, 160, "-3", "40", true),
                new FooterStats("at", 10, 0L, 80, "2024-01-01 10:00:00", "2024-01-02 00:00:00.5", true),
                new FooterStats("day", 10, 0L, 40, "2024-01-01", "2026-09-26", true)));

        int id = SCHEMA.findField("id").fieldId();
        assertThat(metrics.recordCount()).isEqualTo(30);
        assertThat(metrics.valueCounts()).containsEntry(id, 30L);
        assertThat(metrics.nullValueCounts()).containsEntry(id, 1L);
        assertThat(metrics.columnSizes()).containsEntry(id, 240L);
        assertThat(lower(metrics, "id")).isEqualTo(-3L);
        assertThat(upper(metrics, "id")).isEqualTo(90L);
        assertThat(lower(metrics, "at")).isEqualTo(DateTimeUtil.isoTimestampToMicros("2024-01-01T10:00:00"));
        assertThat(upper(metrics, "at")).isEqualTo(DateTimeUtil.isoTimestampToMicros("2024-01-02T00:00:00.5"));
        assertThat(lower(metrics, "day")).isEqualTo(DateTimeUtil.isoDateToDays("2024-01-01"));
    }

    @Test
    void longStringsAreTruncatedTheWayIcebergDoes() {
        String min = "a".repeat(40);
        String max = "b".repeat(40);
        Metrics metrics = FileMetrics.of(SCHEMA, 2, List.of(new FooterStats("name", 2, 0L, 100, min, max, true)));

        assertThat(lower(metrics, "name").toString()).isEqualTo("a".repeat(16));
        assertThat(upper(metrics, "name").toString()).isEqualTo("b".repeat(15) + "c");
    }

    @Test
    void aBoundThatMightBeWrongIsLeftOut() {
        Metrics metrics = FileMetrics.of(SCHEMA, 20, List.of(
                new FooterStats("name", 10, 0L, 100, "abc", "abd", false),
                new FooterStats("id", 10, null, 80, "1", "2", true),
                new FooterStats("id", 10, 0L, 80, null, null, true),
                new FooterStats("score", 10, 0L, 80, "1.5", "nan", true)));

        int name = SCHEMA.findField("name").fieldId();
        int id = SCHEMA.findField("id").fieldId();
        int score = SCHEMA.findField("score").fieldId();
        assertThat(metrics.lowerBounds()).doesNotContainKeys(name, id, score);
        assertThat(metrics.upperBounds()).doesNotContainKeys(name, id, score);
        assertThat(metrics.nullValueCounts()).doesNotContainKey(id);
        assertThat(metrics.valueCounts()).containsEntry(id, 20L);
    }
}
