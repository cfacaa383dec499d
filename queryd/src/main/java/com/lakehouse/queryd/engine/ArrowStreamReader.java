package com.lakehouse.queryd.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.duckdb.DuckDBResultSet;

/**
 * Re-encodes a DuckDB result as an Arrow IPC stream. DuckDB exports its result through the Arrow C
 * data interface, so column types are DuckDB's own Arrow mapping; the last batch is cut at
 * {@code maxRows}.
 */
public final class ArrowStreamReader implements ResultReader<ArrowResult> {

    private static final int BATCH_ROWS = 8192;

    private final BufferAllocator root;

    public ArrowStreamReader(BufferAllocator root) {
        this.root = root;
    }

    @Override
    public ArrowResult read(ResultSet result, int maxRows) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = 0;
        boolean truncated = false;
        try (BufferAllocator allocator = root.newChildAllocator("sql-arrow", 0, Long.MAX_VALUE);
             ArrowReader reader = (ArrowReader) result.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, BATCH_ROWS)) {
            VectorSchemaRoot batch = reader.getVectorSchemaRoot();
            try (ArrowStreamWriter writer = new ArrowStreamWriter(batch, null, out)) {
                writer.start();
                while (!truncated && reader.loadNextBatch()) {
                    int count = batch.getRowCount();
                    if (rows + count > maxRows) {
                        truncated = true;
                        count = (int) (maxRows - rows);
                        batch.setRowCount(count);
                    }
                    if (count > 0) {
                        writer.writeBatch();
                        rows += count;
                    }
                }
                writer.end();
            }
        } catch (IOException e) {
            throw new SQLException("cannot encode the result as Arrow: " + e.getMessage(), e);
        }
        return new ArrowResult(out.toByteArray(), rows, truncated);
    }
}
