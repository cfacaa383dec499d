package com.lakehouse.observerd.journal;

import java.util.List;
import java.util.stream.Collectors;

import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.duckdb.DuckDbSql;

/**
 * The one schema of every journal Parquet file and of the catalog dataset {@code lakehouse_journal}:
 * the SPEC §10 event members, all VARCHAR so any entity's values fit one table.
 */
public final class JournalSchema {

    /** The catalog name of the journal files (a system dataset). */
    public static final String DATASET = "lakehouse_journal";

    /** Column names in file order. */
    public static final List<String> COLUMNS = List.of("event_id", "timestamp", "entity_type", "entity_id", "field",
            "action", "old_value", "new_value", "actor", "source");

    private static final List<String> NULLABLE = List.of("field", "old_value", "new_value");

    private JournalSchema() {
    }

    public static List<SchemaColumn> columns() {
        return COLUMNS.stream().map(name -> new SchemaColumn(name, "VARCHAR", NULLABLE.contains(name))).toList();
    }

    /** DDL of a table with this schema, for DuckDB. */
    static String createTable(String table) {
        return "CREATE TABLE " + table + " ("
                + COLUMNS.stream().map(c -> DuckDbSql.identifier(c) + " VARCHAR").collect(Collectors.joining(", ")) + ")";
    }

    /** The quoted column list, for SELECTs that keep the file order. */
    static String selectList() {
        return COLUMNS.stream().map(DuckDbSql::identifier).collect(Collectors.joining(", "));
    }
}
