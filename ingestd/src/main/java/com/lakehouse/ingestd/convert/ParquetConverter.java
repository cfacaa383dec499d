package com.lakehouse.ingestd.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.Semaphore;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.duckdb.DuckDBConnection;

import com.lakehouse.ingestd.csv.ColumnType;
import com.lakehouse.ingestd.csv.CsvProfile;
import com.lakehouse.shared.duckdb.OfflineDuckDb;
import com.lakehouse.shared.error.ConflictException;
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

    /**
     * CSV text per Parquet row group. DuckDB keeps a row group per thread in memory while it writes
     * them in order; at its default of 122,880 rows the benchmark's 683-byte records made 84 MB
     * groups that overran the 384MB limit and spilled (3.5 s against 1.9-2.1 s at 20,480-30,720 rows).
     */
    static final long ROW_GROUP_CSV_BYTES = 16L << 20;
    /** DuckDB's vector size: row groups are whole vectors, at least one. */
    private static final long VECTOR_ROWS = 2048;
    private static final long DEFAULT_ROW_GROUP_ROWS = 122_880;

    /** Arrow memory of all streamed conversions at once (a stream holds a few batches of a few MB). */
    private static final long STREAM_MEMORY_BYTES = 256L << 20;
    /**
     * Uploads converted as they arrive at once. Each holds a few row blocks on the heap (~35 MB for
     * the benchmark's rows); more uploads at once are converted after they arrive, as before.
     */
    static final int MAX_STREAMS = 2;

    private final DuckDBConnection database;
    private final BufferAllocator arrow = new RootAllocator(STREAM_MEMORY_BYTES);
    private final Semaphore streams = new Semaphore(MAX_STREAMS);

    /**
     * Opens the in-memory database.
     *
     * @param tempDirectory where DuckDB spills when a conversion passes its memory limit
     * @param memoryLimit   DuckDB's {@code memory_limit}, e.g. {@code 256MB}
     * @param threads       DuckDB's {@code threads}
     */
    public ParquetConverter(Path tempDirectory, String memoryLimit, int threads) {
        // httpfs is not bundled and must never be fetched: DuckDB here reads and writes local files only.
        Map<String, String> settings = Map.of("memory_limit", memoryLimit, "threads", Integer.toString(threads),
                "temp_directory", tempDirectory.toAbsolutePath().toString());
        try {
            this.database = (DuckDBConnection) OfflineDuckDb.open(settings);
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
        return convert(csv, profile, parquet, true);
    }

    /**
     * Converts {@code csv} to {@code parquet} with exactly the profile's types, as an append to an
     * existing dataset needs: a value that does not convert is a 409 naming its column, line and
     * value, never a widened column.
     *
     * @throws ConflictException a value does not fit its column's type
     */
    public void convertExactly(Path csv, CsvProfile profile, Path parquet) {
        convert(csv, profile, parquet, false);
    }

    private CsvProfile convert(Path csv, CsvProfile profile, Path parquet, boolean widen) {
        CsvProfile attempt = profile;
        long rowGroupRows = rowGroupRows(csvBytes(csv), profile.rows());
        for (int tries = 0; tries <= profile.columns().size(); tries++) {
            try (Connection connection = database.duplicate(); Statement statement = connection.createStatement()) {
                long written = statement.executeLargeUpdate(CopyStatement.of(csv, attempt, parquet, maxLineSize(profile), rowGroupRows));
                if (written != profile.rows()) {
                    // A disagreement here would lose or invent rows: refuse rather than register it.
                    throw new UnprocessableException("DuckDB read " + written + " rows where the file has "
                            + profile.rows() + " data rows; the file was not ingested");
                }
                return attempt;
            } catch (SQLException e) {
                DuckDbFailure failure = DuckDbFailure.parse(e.getMessage(), csv);
                int column = failure.columnIndex(attempt);
                if (!widen && failure.isConversion()) {
                    throw failure.toConflict();
                }
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

    /**
     * A conversion that runs during the upload, fed by the scan (see {@link ParquetStream}).
     *
     * @param parquet where the streamed file is written (scratch space of this ingest)
     * @return the stream, or null when {@link #MAX_STREAMS} are running (this upload is then
     *         converted after it arrives); closing the stream frees its place
     */
    public ParquetStream stream(Path parquet) {
        if (!streams.tryAcquire()) {
            return null;
        }
        try {
            return new ParquetStream(database, arrow.newChildAllocator("ingest-stream", 0, STREAM_MEMORY_BYTES), parquet,
                    streams::release);
        } catch (RuntimeException e) {
            streams.release();
            throw e;
        }
    }

    /**
     * Rows per row group so that a group holds about {@link #ROW_GROUP_CSV_BYTES} of the CSV:
     * narrow rows keep DuckDB's default, wide ones get smaller groups, so the memory a conversion
     * needs depends on neither the file's length nor its row width.
     */
    static long rowGroupRows(long csvBytes, long rows) {
        long bytesPerRow = Math.max(1, csvBytes / Math.max(1, rows));
        long wholeVectors = ROW_GROUP_CSV_BYTES / bytesPerRow / VECTOR_ROWS * VECTOR_ROWS;
        return Math.clamp(wholeVectors, VECTOR_ROWS, DEFAULT_ROW_GROUP_ROWS);
    }

    private static long csvBytes(Path csv) {
        try {
            return Files.size(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled CSV's size", e);
        }
    }

    private static long maxLineSize(CsvProfile profile) {
        // Room for the longest record plus DuckDB's own look-ahead.
        return Math.max(MIN_MAX_LINE_SIZE, profile.maxRecordBytes() * 2 + 1024);
    }

    @Override
    public void close() {
        try {
            arrow.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the Arrow allocator: " + e.getMessage());
        }
        try {
            database.close();
        } catch (SQLException e) {
            LOG.warn("closing DuckDB: " + e.getMessage());
        }
    }
}
