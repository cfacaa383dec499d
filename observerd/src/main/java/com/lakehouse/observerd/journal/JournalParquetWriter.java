package com.lakehouse.observerd.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.duckdb.DuckDBConnection;

import com.lakehouse.shared.duckdb.DuckDbSql;
import com.lakehouse.shared.duckdb.OfflineDuckDb;
import com.lakehouse.shared.journal.JournalEvent;
import com.lakehouse.shared.text.HostPaths;

/** Writes journal events as one Snappy Parquet file with {@link JournalSchema}'s columns, through DuckDB. */
public class JournalParquetWriter {

    private final Path tempDir;

    /** @param tempDir where files are written before upload */
    public JournalParquetWriter(Path tempDir) {
        this.tempDir = tempDir;
    }

    /** Deletes files a crash left behind mid-write; they were never uploaded, their events are in the WAL. */
    public JournalParquetWriter removeLeftovers() {
        if (Files.isDirectory(tempDir)) {
            try (Stream<Path> files = Files.list(tempDir)) {
                for (Path file : files.filter(p -> p.getFileName().toString().startsWith("journal-")).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clean the journal's temporary directory", e);
            }
        }
        return this;
    }

    /** Writes the events, in their order, to a new temporary file the caller deletes. */
    public Path write(List<JournalEvent> events) {
        try {
            Files.createDirectories(tempDir);
            Path file = Files.createTempFile(tempDir, "journal-", ".parquet");
            // DuckDB refuses to COPY over an existing file on some platforms; it creates it itself.
            Files.delete(file);
            try (Connection connection = OfflineDuckDb.open(Map.of("threads", "1"))) {
                try (Statement st = connection.createStatement()) {
                    st.execute(JournalSchema.createTable("batch"));
                }
                load(connection.unwrap(DuckDBConnection.class), events);
                try (Statement st = connection.createStatement()) {
                    st.execute("COPY batch TO " + DuckDbSql.literal(file) + " (FORMAT parquet, COMPRESSION snappy)");
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a journal Parquet file", e);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB could not write the journal Parquet file: "
                    + HostPaths.redact(e.getMessage(), tempDir, "<data_dir>"));
        }
    }

    private static void load(DuckDBConnection connection, List<JournalEvent> events) throws SQLException {
        try (var appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "batch")) {
            for (JournalEvent e : events) {
                appender.beginRow();
                for (String value : new String[] {e.eventId(), e.timestamp(), e.entityType(), e.entityId(), e.field(),
                        e.action(), e.oldValue(), e.newValue(), e.actor(), e.source()}) {
                    if (value == null) {
                        appender.appendNull();
                    } else {
                        appender.append(value);
                    }
                }
                appender.endRow();
            }
        }
    }
}
