package com.lakehouse.catalogd.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.lakehouse.catalogd.catalog.Catalog;
import com.lakehouse.catalogd.catalog.CatalogChange;
import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.duckdb.DuckDbSql;
import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.text.HostPaths;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalog changes as Parquet rows, written and read by an in-memory DuckDB (the one Parquet path of
 * the fleet). One row per change; schema and objects are nested lists, so the files are readable
 * with any Parquet tool: {@code SELECT * FROM '_catalog/changes/*.parquet'}.
 */
public final class ManifestParquet implements AutoCloseable {

    private static final String SCHEMA_TYPE = "STRUCT(name VARCHAR, type VARCHAR, nullable BOOLEAN)[]";
    private static final String OBJECTS_TYPE = "STRUCT(key VARCHAR, size BIGINT, etag VARCHAR, row_count BIGINT)[]";
    private static final String SCHEMA_JSON = "[{\"name\":\"VARCHAR\",\"type\":\"VARCHAR\",\"nullable\":\"BOOLEAN\"}]";
    private static final String OBJECTS_JSON = "[{\"key\":\"VARCHAR\",\"size\":\"BIGINT\",\"etag\":\"VARCHAR\",\"row_count\":\"BIGINT\"}]";
    private static final String COLUMNS = "sequence BIGINT, kind VARCHAR, name VARCHAR, dataset_id VARCHAR, version BIGINT, "
            + "schema_fingerprint VARCHAR, schema " + SCHEMA_TYPE + ", objects " + OBJECTS_TYPE + ", "
            + "row_count BIGINT, created_at VARCHAR, updated_at VARCHAR";

    static final String REGISTERED = "register";
    static final String DELETED = "delete";
    static final String CHECKPOINT = "checkpoint";

    private final JsonMapper json = LakehouseJson.mapper();
    private final InMemoryDuckDb duckdb = new InMemoryDuckDb();

    /** Writes the changes, in order, as one Parquet file. */
    public synchronized void write(List<CatalogChange> changes, Path target) {
        try (Statement statement = duckdb.connection().createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE changes (" + COLUMNS + ")");
            try (PreparedStatement insert = duckdb.connection().prepareStatement("INSERT INTO changes VALUES (?, ?, ?, ?, ?, ?, "
                    + "from_json(?, '" + SCHEMA_JSON + "'), from_json(?, '" + OBJECTS_JSON + "'), ?, ?, ?)")) {
                for (CatalogChange change : changes) {
                    bind(insert, change);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            statement.execute("COPY (SELECT * FROM changes) TO " + DuckDbSql.literal(target) + " (FORMAT parquet, COMPRESSION zstd)");
            statement.execute("DROP TABLE changes");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write catalog Parquet: " + HostPaths.redact(e.getMessage(), target.getParent(), "<scratch>"));
        }
    }

    /** Every change in the files, by sequence (and within a snapshot by name and version). */
    public synchronized List<CatalogChange> read(List<Path> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        String list = String.join(", ", files.stream().map(DuckDbSql::literal).toList());
        String sql = "SELECT sequence, kind, name, dataset_id, version, schema_fingerprint, CAST(to_json(schema) AS VARCHAR), "
                + "CAST(to_json(objects) AS VARCHAR), row_count, created_at, updated_at FROM read_parquet([" + list + "]) "
                + "ORDER BY sequence, CASE kind WHEN '" + CHECKPOINT + "' THEN 1 ELSE 0 END, name, version";
        List<CatalogChange> changes = new ArrayList<>();
        try (Statement statement = duckdb.connection().createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                changes.add(change(rows));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read catalog Parquet: " + HostPaths.redact(e.getMessage(), files.getFirst().getParent(), "<scratch>"));
        }
        return changes;
    }

    /**
     * The rows of one file, each decoded on its own: a row that cannot be decoded (unknown kind,
     * schema or objects that are not the expected lists) comes back with its problem instead of
     * failing the file. A file that is not catalog Parquet at all throws.
     */
    public synchronized List<Decoded> decode(Path file) {
        String sql = "SELECT sequence, kind, name, dataset_id, version, schema_fingerprint, CAST(to_json(schema) AS VARCHAR), "
                + "CAST(to_json(objects) AS VARCHAR), row_count, created_at, updated_at FROM read_parquet(" + DuckDbSql.literal(file)
                + ") ORDER BY sequence, CASE kind WHEN '" + CHECKPOINT + "' THEN 1 ELSE 0 END, name, version";
        List<Decoded> decoded = new ArrayList<>();
        try (Statement statement = duckdb.connection().createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                long sequence = rows.getLong(1);
                try {
                    decoded.add(new Decoded(sequence, change(rows), null));
                } catch (RuntimeException e) {
                    decoded.add(new Decoded(sequence, null, "row " + sequence + " cannot be decoded: "
                            + firstLine(HostPaths.redact(String.valueOf(e.getMessage()), file.getParent(), "<scratch>"))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("not a catalog Parquet file: " + firstLine(HostPaths.redact(e.getMessage(), file.getParent(), "<scratch>")));
        }
        return decoded;
    }

    /** DuckDB follows its message with the statement, whose file path it may cut short (past redaction). */
    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** One decoded row: the change, or why it could not be decoded. */
    public record Decoded(long sequence, CatalogChange change, String problem) {
    }

    private void bind(PreparedStatement insert, CatalogChange change) throws SQLException {
        insert.setLong(1, change.sequence());
        for (int i = 2; i <= 11; i++) {
            insert.setObject(i, null);
        }
        switch (change) {
            case CatalogChange.Registered r -> {
                DatasetManifest m = r.manifest();
                insert.setString(2, REGISTERED);
                insert.setString(3, m.name());
                insert.setString(4, m.datasetId());
                insert.setLong(5, m.version());
                insert.setString(6, m.schemaFingerprint());
                insert.setString(7, json.writeValueAsString(m.schema()));
                insert.setString(8, json.writeValueAsString(m.objects()));
                insert.setLong(9, m.rowCount());
                insert.setString(10, m.createdAt());
                insert.setString(11, m.updatedAt());
            }
            case CatalogChange.Deleted d -> {
                insert.setString(2, DELETED);
                insert.setString(3, d.name());
                insert.setString(4, d.datasetId());
                insert.setString(11, d.deletedAt());
            }
            case CatalogChange.Checkpoint c -> insert.setString(2, CHECKPOINT);
        }
    }

    private CatalogChange change(ResultSet row) throws SQLException {
        long sequence = row.getLong(1);
        String kind = row.getString(2);
        return switch (kind) {
            case REGISTERED -> new CatalogChange.Registered(sequence, new DatasetManifest(row.getString(4), row.getString(3),
                    row.getLong(5), row.getString(6),
                    json.readValue(row.getString(7), new TypeReference<List<SchemaColumn>>() { }),
                    json.readValue(row.getString(8), new TypeReference<List<DataObject>>() { }),
                    row.getLong(9), row.getString(10), row.getString(11)));
            case DELETED -> new CatalogChange.Deleted(sequence, row.getString(3), row.getString(4), row.getString(11));
            case CHECKPOINT -> new CatalogChange.Checkpoint(sequence);
            default -> throw new IllegalStateException("unknown catalog change kind '" + kind + "' at sequence " + sequence);
        };
    }

    @Override
    public void close() {
        duckdb.close();
    }
}
