package com.lakehouse.shared.catalog;

import java.util.Map;

import com.lakehouse.shared.error.FieldLimit;
import com.lakehouse.shared.error.UnprocessableException;
import com.lakehouse.shared.text.Utf8;

/**
 * The bounds of a dataset schema (docs/SPEC.md §2.5), one home for ingestd, which refuses a CSV header
 * over them before a byte is converted, and catalogd, which refuses a register over them. DuckDB and
 * Parquet take far more; these keep a schema something a person, a view and an Iceberg client can read.
 */
public final class SchemaLimits {

    /** Most columns of one dataset. */
    public static final int MAX_COLUMNS = 1024;
    /** Most UTF-8 bytes of one column name. */
    public static final int MAX_COLUMN_NAME_BYTES = 255;

    private SchemaLimits() {
    }

    /** Refuses a column count over {@link #MAX_COLUMNS}: 413 naming {@code field}. */
    public static void checkColumnCount(int count, String field) {
        if (count > MAX_COLUMNS) {
            throw new FieldLimit(field, MAX_COLUMNS, null).tooLarge("has " + count + " columns");
        }
    }

    /** Refuses a column name over {@link #MAX_COLUMN_NAME_BYTES} or holding a control character: 422 naming {@code field}. */
    public static void checkColumnName(String name, String field) {
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new UnprocessableException(field + " holds a control character", Map.of("field", field));
        }
        int bytes = Utf8.length(name);
        if (bytes > MAX_COLUMN_NAME_BYTES) {
            throw new FieldLimit(field, MAX_COLUMN_NAME_BYTES, null).unprocessable("is " + bytes + " bytes");
        }
    }
}
