package com.lakehouse.observerd.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import com.lakehouse.shared.catalog.SchemaColumn;

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

    /**
     * SPEC §5's fingerprint, computed as ingestd computes it: SHA-256 (lowercase hex) over the
     * columns in order, each {@code name 0x1F type}, joined by {@code 0x1E}; nullability is not part of it.
     */
    public static String fingerprint(List<SchemaColumn> columns) {
        String canonical = columns.stream().map(c -> c.name() + '\u001F' + c.type())
                .collect(Collectors.joining("\u001E"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** DDL of a table with this schema, for DuckDB. */
    static String createTable(String table) {
        return "CREATE TABLE " + table + " ("
                + COLUMNS.stream().map(c -> '"' + c + "\" VARCHAR").collect(Collectors.joining(", ")) + ")";
    }

    /** The quoted column list, for SELECTs that keep the file order. */
    static String selectList() {
        return COLUMNS.stream().map(c -> '"' + c + '"').collect(Collectors.joining(", "));
    }
}
