package com.lakehouse.queryd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.duckdb.OfflineDuckDb;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.storage.StoredObject;

/** Registers datasets as ingestd would: a Parquet file written by DuckDB, put through storaged, registered with catalogd. */
final class TestDatasets {

    private final Path work;
    private final StorageClient storage;
    private final CatalogClient catalog;
    private final AtomicInteger files = new AtomicInteger();

    TestDatasets(Path work, StorageClient storage, CatalogClient catalog) {
        this.work = work;
        this.storage = storage;
        this.catalog = catalog;
    }

    /** One new version of {@code name} holding the rows of {@code select}; mode is replace or append. */
    void register(String name, String select, String mode) throws Exception {
        Path file = work.resolve("parquet-" + files.incrementAndGet() + ".parquet");
        List<SchemaColumn> schema = new ArrayList<>();
        long rows;
        try (Connection c = OfflineDuckDb.open(Map.of()); Statement st = c.createStatement()) {
            st.execute("COPY (" + select + ") TO '" + file.toAbsolutePath() + "' (FORMAT parquet)");
            try (var rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + file.toAbsolutePath() + "')")) {
                while (rs.next()) {
                    schema.add(new SchemaColumn(rs.getString(1), rs.getString(2), true));
                }
            }
            try (var rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + file.toAbsolutePath() + "')")) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        String fingerprint = sha256(schema.toString().getBytes());
        String key = "datasets/" + name + "/" + fingerprint + "/" + sha256(Files.readAllBytes(file)) + ".parquet";
        StoredObject stored = storage.put(key, file);
        catalog.register(new RegisterRequest(name, fingerprint, schema,
                List.of(new DataObject(key, Files.size(file), stored.etag(), rows)), mode));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
