package com.lakehouse.catalogd.iceberg;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.lakehouse.catalogd.store.InMemoryDuckDb;
import com.lakehouse.shared.http.ServiceClient;
import com.lakehouse.shared.storage.StorageKeys;

/**
 * The column statistics in a Parquet file's footer, read without downloading the file: two range
 * GETs through storaged (the 8-byte tail, then the footer), placed at the end of a sparse local
 * file of the object's size, which DuckDB's {@code parquet_metadata()} then reads as it would the
 * real file (it only touches the footer). A data file of GiBs costs a few KiB of transfer.
 */
public final class ParquetFooters implements FooterSource, AutoCloseable {

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final String SQL = "SELECT path_in_schema, num_values, stats_null_count, total_compressed_size, "
            + "stats_min_value, stats_max_value, coalesce(min_is_exact AND max_is_exact, false) "
            + "FROM parquet_metadata(?) ORDER BY row_group_id, column_id";

    private final ServiceClient storaged;
    private final Path scratch;
    private final InMemoryDuckDb duckdb = new InMemoryDuckDb();

    public ParquetFooters(ServiceClient storaged, Path scratch) {
        this.storaged = storaged;
        this.scratch = scratch;
    }

    @Override
    public List<FooterStats> read(String key, long size) {
        if (size < 12) {
            throw new IllegalStateException("object " + key + " is too small to be Parquet (" + size + " bytes)");
        }
        byte[] tail = range(key, size - 8, size - 1);
        if (!startsWithMagic(tail, 4)) {
            throw new IllegalStateException("object " + key + " does not end like a Parquet file");
        }
        long footerLength = Integer.toUnsignedLong(ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        if (footerLength + 12 > size) {
            throw new IllegalStateException("object " + key + " has a footer longer than the file");
        }
        byte[] footer = range(key, size - 8 - footerLength, size - 1);
        Path file = null;
        try {
            Files.createDirectories(scratch);
            file = Files.createTempFile(scratch, "footer-", ".parquet");
            try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
                sparse.setLength(size);
                sparse.write(MAGIC);
                sparse.seek(size - footer.length);
                sparse.write(footer);
            }
            return query(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the footer of " + key + " in the scratch directory", e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /** One query at a time on the shared DuckDB; the range GETs before it run in parallel. */
    private synchronized List<FooterStats> query(Path file) {
        List<FooterStats> stats = new ArrayList<>();
        try (PreparedStatement statement = duckdb.connection().prepareStatement(SQL)) {
            statement.setString(1, file.toAbsolutePath().toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long nulls = rows.getLong(3);
                    Long nullCount = rows.wasNull() ? null : nulls;
                    stats.add(new FooterStats(rows.getString(1), rows.getLong(2), nullCount, rows.getLong(4),
                            rows.getString(5), rows.getString(6), rows.getBoolean(7)));
                }
            }
        } catch (SQLException e) {
            // DuckDB names the scratch file; the message is kept free of host paths (SPEC §2).
            throw new IllegalStateException("cannot read a Parquet footer: "
                    + String.valueOf(e.getMessage()).replace(file.toAbsolutePath().toString(), "<footer>"));
        }
        return stats;
    }

    private byte[] range(String key, long first, long last) {
        HttpRequest request = storaged.request("/storage/object/" + StorageKeys.encodePath(key))
                .header("Range", "bytes=" + first + "-" + last).GET().build();
        byte[] body = storaged.sendOk(request).body();
        if (body.length != last - first + 1) {
            throw new IllegalStateException("storaged answered " + body.length + " bytes for a range of "
                    + (last - first + 1) + " of " + key);
        }
        return body;
    }

    private static boolean startsWithMagic(byte[] bytes, int offset) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[offset + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        duckdb.close();
    }
}
