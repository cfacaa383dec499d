package com.lakehouse.ingestd.convert;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.duckdb.DuckDBConnection;

import com.lakehouse.ingestd.csv.ColumnType;
import com.lakehouse.ingestd.csv.CsvProfile;
import com.lakehouse.ingestd.csv.CsvRowSink;

/**
 * Converts a CSV to Parquet while it is still being uploaded: the scan hands over each value, and
 * DuckDB writes the rows to Parquet as they come, taking them as Arrow columns, so the conversion
 * ends about when the upload does and DuckDB never parses the CSV again.
 *
 * <p>Three threads share the work: the request thread reads and spools the upload, the scan's
 * thread checks it and copies the values into {@link RowBlock}s, and this stream's COPY thread
 * turns each block into Arrow columns (parsing the typed values) inside DuckDB's pull and lets
 * DuckDB encode them. A queue of two blocks between the last two bounds the memory: a slow DuckDB
 * slows the upload instead of filling memory.
 *
 * <p>The first rows wait until the sample has decided the types. Whatever makes the streamed
 * types wrong (a later value that widens a column) or stops the stream (a refused file, a broken
 * upload, DuckDB failing) abandons it: the caller then converts the spooled file the ordinary way,
 * so the stream can only save time, never change what is stored.
 */
public final class ParquetStream implements CsvRowSink, AutoCloseable {

    private static final Log LOG = LogFactory.getLog(ParquetStream.class);
    private static final AtomicLong STREAMS = new AtomicLong();

    /** Rows per block and Arrow batch: whole DuckDB vectors, a few MB of typical rows. */
    static final int BATCH_ROWS = 8192;
    /** Rows held while the sample decides the types; a larger sample is converted the ordinary way. */
    static final long MAX_EARLY_BYTES = 32L << 20;

    private static final Object END = new Object();
    private static final Object ABANDONED = new Object();

    private enum State { SAMPLING, STREAMING, COMPLETE, ABANDONED }

    private final DuckDBConnection database;
    private final BufferAllocator allocator;
    private final Path parquet;
    private final Runnable onClose;
    private boolean closed;
    private final BlockingQueue<Object> full = new ArrayBlockingQueue<>(3);
    private final ConcurrentLinkedQueue<RowBlock> free = new ConcurrentLinkedQueue<>();

    private State state = State.SAMPLING;
    private List<String> names;
    private RowBlock block;
    private final List<RowBlock> early = new ArrayList<>();
    private long earlyBytes;
    private List<ColumnType> types;
    private Thread copy;
    private volatile boolean copyEnded;
    private volatile String abandonedBecause;
    private volatile long written = -1;

    /** @param onClose runs once, when the stream is closed */
    ParquetStream(DuckDBConnection database, BufferAllocator allocator, Path parquet, Runnable onClose) {
        this.database = database;
        this.allocator = allocator;
        this.parquet = parquet;
        this.onClose = onClose;
    }

    @Override
    public void header(List<String> names) {
        this.names = List.copyOf(names);
        block = new RowBlock(names.size(), BATCH_ROWS);
    }

    @Override
    public void value(int column, byte[] bytes, int offset, int length) {
        if (state == State.SAMPLING || state == State.STREAMING) {
            block.add(column, bytes, offset, length);
        }
    }

    @Override
    public void nullValue(int column) {
        if (state == State.SAMPLING || state == State.STREAMING) {
            block.addNull();
        }
    }

    @Override
    public void endRow() {
        if (block != null && block.rows() == BATCH_ROWS) {
            if (state == State.STREAMING) {
                hand(block);
                block = nextBlock();
            } else if (state == State.SAMPLING) {
                early.add(block);
                earlyBytes += block.bytes();
                block = nextBlock();
                if (earlyBytes > MAX_EARLY_BYTES) {
                    abandon("the sample rows hold more than " + MAX_EARLY_BYTES + " bytes");
                }
            }
        }
    }

    @Override
    public void typesDecided(List<ColumnType> types, long bytesSoFar, long rowsSoFar) {
        if (state != State.SAMPLING) {
            return;
        }
        this.types = List.copyOf(types);
        long rowGroupRows = ParquetConverter.rowGroupRows(bytesSoFar, rowsSoFar);
        String table = "ingest_stream_" + STREAMS.incrementAndGet();
        Schema schema = ArrowRows.schema(names, this.types);
        copy = Thread.ofPlatform().name("ingestd-parquet-stream").daemon().start(() -> runCopy(table, schema, rowGroupRows));
        state = State.STREAMING;
        for (RowBlock held : early) {
            hand(held);
        }
        early.clear();
    }

    @Override
    public void giveUp(String reason) {
        abandon(reason);
    }

    /** The scan accepted the whole file: the last rows go to DuckDB and the stream ends. */
    public void complete() {
        if (state == State.SAMPLING) {
            // A file shorter than the sample: there never was a stream, which is no news.
            state = State.ABANDONED;
            return;
        }
        if (state != State.STREAMING) {
            return;
        }
        if (block.rows() > 0) {
            hand(block);
            block = null;
        }
        if (state == State.STREAMING && offer(END)) {
            state = State.COMPLETE;
        }
    }

    /** Stops the stream (the ordinary conversion will run instead); safe to call more than once. */
    public void abandon(String reason) {
        if (state == State.ABANDONED || state == State.COMPLETE) {
            return;
        }
        state = State.ABANDONED;
        if (abandonedBecause == null) {
            abandonedBecause = reason; // the first reason; a DuckDB failure may already be here
        }
        early.clear();
        if (copy != null) {
            full.clear();
            full.offer(ABANDONED);
        }
    }

    /**
     * Waits for DuckDB and says whether the streamed file is the conversion of the file the scan
     * profiled: the whole stream reached DuckDB, every row was written, and the final types are
     * the sampled ones the stream used (a widening gives the stream up already; this is the check
     * that the Parquet about to be stored matches the profile about to be registered).
     *
     * @return the Parquet file, or empty when the spooled CSV must be converted the ordinary way
     */
    public Optional<Path> result(CsvProfile profile) {
        join();
        if (state != State.COMPLETE || written < 0) {
            if (abandonedBecause != null) {
                // The reason explains a "convert" phase in the ingest's log line.
                LOG.info("streamed conversion not used: " + abandonedBecause);
            }
            return Optional.empty();
        }
        List<ColumnType> profiledTypes = profile.columns().stream().map(CsvProfile.Column::type).toList();
        if (written != profile.rows() || !profiledTypes.equals(types)) {
            LOG.info("streamed conversion not used: it wrote " + written + " rows of " + types + " where the file has "
                    + profile.rows() + " rows of " + profiledTypes);
            return Optional.empty();
        }
        return Optional.of(parquet);
    }

    /** Ends the stream if it still runs, waits for DuckDB to let go, and frees the Arrow memory. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (state != State.COMPLETE) {
            abandon("the ingest ended before the stream");
        }
        join();
        full.clear();
        try {
            allocator.close();
        } catch (RuntimeException e) {
            LOG.warn("Arrow memory of a streamed conversion was not all returned: " + e.getMessage());
        } finally {
            onClose.run();
        }
    }

    private RowBlock nextBlock() {
        RowBlock reused = free.poll();
        return reused != null ? reused : new RowBlock(names.size(), BATCH_ROWS);
    }

    /** Queues a block for DuckDB, waiting while it is behind; gives up if DuckDB has stopped. */
    private void hand(RowBlock rows) {
        if (!offer(rows)) {
            abandon("DuckDB stopped taking rows");
        }
    }

    private boolean offer(Object item) {
        try {
            while (!full.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (copyEnded) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void join() {
        if (copy == null) {
            return;
        }
        boolean interrupted = false;
        while (copy.isAlive()) {
            try {
                copy.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void runCopy(String table, Schema schema, long rowGroupRows) {
        try {
            BlockReader reader = new BlockReader(allocator, schema);
            ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
            try {
                Data.exportArrayStream(allocator, reader, stream);
            } catch (RuntimeException e) {
                stream.close();
                reader.close();
                throw e;
            }
            // Closed in reverse: the connection drops the registration, then the stream's release closes the reader.
            try (stream; DuckDBConnection connection = (DuckDBConnection) database.duplicate();
                    Statement statement = connection.createStatement()) {
                connection.registerArrowStream(table, stream);
                written = statement.executeLargeUpdate(CopyStatement.fromTable(table, parquet, rowGroupRows));
            }
        } catch (SQLException | IOException | RuntimeException e) {
            if (abandonedBecause == null) {
                // Not a stream set aside on purpose: DuckDB itself failed, which the fallback may meet too.
                abandonedBecause = "DuckDB failed: " + e.getMessage();
                LOG.warn("streamed conversion failed, the spooled file will be converted instead: " + e.getMessage());
            }
        } finally {
            copyEnded = true;
        }
    }

    /**
     * DuckDB's side of the queue: each {@code loadNextBatch} waits for the next block and makes it
     * the reader's Arrow columns.
     */
    private final class BlockReader extends ArrowReader {

        private final Schema schema;
        private Object last;

        BlockReader(BufferAllocator allocator, Schema schema) {
            super(allocator);
            this.schema = schema;
        }

        // DuckDB pulls from whichever of its threads needs rows; one at a time.
        @Override
        public synchronized boolean loadNextBatch() throws IOException {
            if (last == END) {
                return false;
            }
            if (last == ABANDONED) {
                throw new IOException("the upload's stream was abandoned");
            }
            try {
                last = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for rows");
            }
            if (last == END) {
                return false;
            }
            if (last == ABANDONED) {
                throw new IOException("the upload's stream was abandoned");
            }
            RowBlock rows = (RowBlock) last;
            ArrowRows.fill(getVectorSchemaRoot(), types, rows);
            rows.clear();
            free.offer(rows);
            return true;
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        protected void closeReadSource() {
            // the queue has no source to close
        }

        @Override
        protected Schema readSchema() {
            return schema;
        }
    }
}
