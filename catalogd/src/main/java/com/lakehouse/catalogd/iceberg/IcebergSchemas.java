package com.lakehouse.catalogd.iceberg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

import com.lakehouse.shared.catalog.SchemaColumn;

/**
 * A dataset's schema (DuckDB type names, SPEC §5) as an Iceberg schema. Field ids are the column
 * positions from 1, the order Iceberg itself assigns to a new table, so the name mapping built from
 * it resolves DuckDB's Parquet columns (which carry no field ids) by name. Every field is optional:
 * nullability is not part of a dataset's fingerprint, so a later version may hold nulls anywhere.
 */
public final class IcebergSchemas {

    private static final Pattern DECIMAL = Pattern.compile("^(?:DECIMAL|NUMERIC)\\s*\\((\\d+)\\s*,\\s*(\\d+)\\)$");

    private IcebergSchemas() {
    }

    public static Schema of(List<SchemaColumn> columns) {
        List<Types.NestedField> fields = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            SchemaColumn column = columns.get(i);
            fields.add(Types.NestedField.optional(i + 1, column.name(), type(column.type())));
        }
        return new Schema(fields);
    }

    /** Whether every column has an Iceberg type: datasets that do not are left out of the Iceberg view. */
    public static boolean representable(List<SchemaColumn> columns) {
        try {
            columns.forEach(c -> type(c.type()));
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /** The Iceberg type of a DuckDB type name; a type without an Iceberg twin is refused, never guessed. */
    public static Type type(String duckdbType) {
        String t = duckdbType.trim().toUpperCase(Locale.ROOT);
        Matcher decimal = DECIMAL.matcher(t);
        if (decimal.matches()) {
            return Types.DecimalType.of(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
        }
        return switch (t) {
            case "BIGINT", "INT8", "LONG" -> Types.LongType.get();
            case "INTEGER", "INT", "INT4", "SMALLINT", "INT2", "TINYINT", "INT1" -> Types.IntegerType.get();
            case "DOUBLE", "FLOAT8" -> Types.DoubleType.get();
            case "FLOAT", "REAL", "FLOAT4" -> Types.FloatType.get();
            case "BOOLEAN", "BOOL" -> Types.BooleanType.get();
            case "DATE" -> Types.DateType.get();
            case "TIMESTAMP", "DATETIME", "TIMESTAMP_US" -> Types.TimestampType.withoutZone();
            case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> Types.TimestampType.withZone();
            case "TIME" -> Types.TimeType.get();
            case "VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR" -> Types.StringType.get();
            case "BLOB", "BYTEA", "VARBINARY" -> Types.BinaryType.get();
            case "UUID" -> Types.UUIDType.get();
            default -> throw new UnsupportedOperationException("column type " + duckdbType
                    + " has no Iceberg equivalent the Lakehouse maps");
        };
    }
}
