package com.lakehouse.shared.duckdb;

import java.nio.file.Path;

/** Quoting for the SQL text services build for DuckDB: string literals and identifiers. */
public final class DuckDbSql {

    private DuckDbSql() {
    }

    /** {@code value} as a SQL string literal: single quotes doubled. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A local file or directory as a string literal of its absolute path. */
    public static String literal(Path path) {
        return literal(path.toAbsolutePath().toString());
    }

    /** {@code name} as a quoted identifier: double quotes doubled. */
    public static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
