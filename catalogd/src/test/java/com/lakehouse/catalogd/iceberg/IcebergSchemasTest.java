package com.lakehouse.catalogd.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

import com.lakehouse.shared.catalog.SchemaColumn;

class IcebergSchemasTest {

    @Test
    void ingestTypesMapToTheirIcebergTwinsInColumnOrder() {
        Schema schema = IcebergSchemas.of(List.of(new SchemaColumn("id", "BIGINT", false),
                new SchemaColumn("score", "DOUBLE", true), new SchemaColumn("ok", "BOOLEAN", true),
                new SchemaColumn("day", "DATE", true), new SchemaColumn("at", "TIMESTAMP", true),
                new SchemaColumn("name", "VARCHAR", true), new SchemaColumn("price", "DECIMAL(18,3)", true)));

        assertThat(schema.columns()).extracting(Types.NestedField::fieldId).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(schema.columns()).allMatch(Types.NestedField::isOptional);
        assertThat(schema.columns()).extracting(Types.NestedField::type).containsExactly(Types.LongType.get(),
                Types.DoubleType.get(), Types.BooleanType.get(), Types.DateType.get(), Types.TimestampType.withoutZone(),
                Types.StringType.get(), Types.DecimalType.of(18, 3));
    }

    @Test
    void aTypeWithoutAnIcebergTwinIsRefused() {
        assertThatThrownBy(() -> IcebergSchemas.type("INTERVAL")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("INTERVAL");
        assertThat(IcebergSchemas.representable(List.of(new SchemaColumn("d", "INTERVAL", true)))).isFalse();
        assertThat(IcebergSchemas.representable(List.of(new SchemaColumn("d", "DATE", true)))).isTrue();
    }
}
