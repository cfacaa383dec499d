package com.lakehouse.ingestd.convert;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.duckdb.DuckDBConnection;

import com.lakehouse.ingestd.csv.ColumnType;
import com.lakehouse.ingestd.csv.CsvProfile;
import com.lakehouse.shared.error.UnprocessableException;

/**
 * CSV to Parquet (Snappy) with an in-process DuckDB whose memory is capped and which spills to a
 * temporary directory, so a file of any size converts in bounded memory. Types are never left to
 * DuckDB's own sniffing: the scanner's types go in as an explicit column list. Should DuckDB still
 * refuse a value in a typed column, that column is re-run as VARCHAR (which holds any value
 * unchanged) rather than lose the value; a failure that is no conversion error becomes a 422 that
 * names the line.
 *
 * <p>One database for the service; each conversion runs on a connection of its own, so several
 * ingests can convert at once under the one memory limit.
 */
public final class ParquetConverter implements AutoCloseable {

    private static final Log LOG = LogFactory.getLog(ParquetConverter.class);

    /** DuckDB's default, kept as the floor: a record longer than this needs a larger line buffer. */
    private static final long MIN_MAX_LINE_SIZE = 2L * 1024 * 1024;

    private final DuckDBConnection database;

    /**
     * Opens the in-memory database.
     *
     * @param tempDirectory where DuckDB spills when a conversion passes its memory limit
     * @param memoryLimit   DuckDB's {@code memory_limit}, e.g. {@code 256MB}
     * @param threads       DuckDB's {@code threads}
     */
    public ParquetConverter(Path tempDirectory, String memoryLimit, int threads) {
        Properties settings = new Properties();
        settings.setProperty("memory_limit", memoryLimit);
        settings.setProperty("threads", Integer.toString(threads));
        settings.setProperty("temp_directory", tempDirectory.toAbsolutePath().toString());
        // httpfs is not bundled and must never be fetched: DuckDB here reads and writes local files only.
        settings.setProperty("autoinstall_known_extensions", "false");
        settings.setProperty("autoload_known_extensions", "false");
        try {
            this.database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", settings);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open DuckDB: " + e.getMessage(), e);
        }
    }

    /**
     * Converts {@code csv} to {@code parquet}.
     *
     * @param profile the scan's profile of the file: column names and types, rows, longest record
     * @return the profile as converted: the same, or with columns DuckDB could not type widened to VARCHAR
     * @throws UnprocessableException when DuckDB cannot read the file, naming line and cause
     */
    public CsvProfile convert(Path csv, CsvProfile profile, Path parquet) {
        CsvProfile attempt = profile;
        for (int tries = 0; tries <= profile.columns().size(); tries++) {
            try (Connection connection = database.duplicate(); Statement statement = connection.createStatement()) {
                long written = statement.executeLargeUpdate(CopyStatement.of(csv, attempt, parquet, maxLineSize(profile)));
                if (written != profile.rows()) {
                    // A disagreement here would lose or invent rows: refuse rather than register it.
                    throw new UnprocessableException("DuckDB read " + written + " rows where the file has "
                            + profile.rows() + " data rows; the file was not ingested");
                }
                return attempt;
            } catch (SQLException e) {
                DuckDbFailure failure = DuckDbFailure.parse(e.getMessage(), csv);
                int column = failure.columnIndex(attempt);
                if (!failure.isConversion() || column < 0 || attempt.columns().get(column).type() == ColumnType.VARCHAR) {
                    throw failure.toException();
                }
                LOG.info("DuckDB refused a value in column '" + attempt.columns().get(column).name() + "' as "
                        + attempt.columns().get(column).type() + " at line " + failure.line() + "; re-running it as VARCHAR");
                attempt = attempt.withType(column, ColumnType.VARCHAR);
            }
        }
        throw new UnprocessableException("DuckDB could not convert the file after widening every column");
    }

    private static long maxLineSize(CsvProfile profile) {
        // Room for the longest record plus DuckDB's own look-ahead.
        return Math.max(MIN_MAX_LINE_SIZE, profile.maxRecordBytes() * 2 + 1024);
    }

    @Override
    public void close() {
        try {
            database.close();
        } catch (SQLException e) {
            LOG.warn("closing DuckDB: " + e.getMessage());
        }
    }
}
