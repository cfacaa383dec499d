package com.lakehouse.shared.catalog;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The column types a dataset schema may name (SPEC §5): a closed grammar of DuckDB type names, so
 * that a type recorded in the catalog can be spliced into DDL ({@code CAST(NULL AS <type>)}) without
 * becoming SQL of its own. It holds the types ingestd's scan produces plus the parameterised and
 * nested forms DuckDB writes for Parquet it reads back: {@code DECIMAL(p,s)}, {@code VARCHAR(n)},
 * {@code T[]}, {@code T[n]}. Anything else (quotes, semicolons, comments, function calls, unknown
 * words) is refused.
 */
public final class ColumnTypes {

    /** DuckDB's scalar type names and the aliases it prints for them. */
    private static final Set<String> SCALARS = Set.of(
            "BOOLEAN", "BOOL", "TINYINT", "SMALLINT", "INTEGER", "INT", "BIGINT", "HUGEINT",
            "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT",
            "FLOAT", "REAL", "DOUBLE", "DECIMAL", "NUMERIC",
            "VARCHAR", "TEXT", "STRING", "BLOB", "UUID", "JSON", "BIT",
            "DATE", "TIME", "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS", "TIMESTAMPTZ",
            "TIMESTAMP WITH TIME ZONE", "TIME WITH TIME ZONE", "TIMETZ", "INTERVAL");

    /** A scalar name (one or several words), an optional {@code (n)} or {@code (p,s)}, then list or array suffixes. */
    private static final Pattern SHAPE = Pattern.compile(
            "([A-Z_]+(?: [A-Z_]+)*)(?:\\((\\d{1,2})(?:, ?(\\d{1,2}))?\\))?((?:\\[\\d{0,9}\\])*)");

    private ColumnTypes() {
    }

    /** Whether {@code type} is a DuckDB type name of the closed grammar; case does not matter. */
    public static boolean isValid(String type) {
        if (type == null || type.length() > 64) {
            return false;
        }
        var m = SHAPE.matcher(type.strip().toUpperCase(Locale.ROOT));
        if (!m.matches() || !SCALARS.contains(m.group(1))) {
            return false;
        }
        if (m.group(2) == null) {
            return true;
        }
        // Only DECIMAL/NUMERIC take a scale; VARCHAR(n) takes a length that DuckDB ignores.
        boolean decimal = m.group(1).equals("DECIMAL") || m.group(1).equals("NUMERIC");
        if (!decimal) {
            return m.group(3) == null && m.group(1).equals("VARCHAR");
        }
        int precision = Integer.parseInt(m.group(2));
        int scale = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return precision >= 1 && precision <= 38 && scale <= precision;
    }
}
