package com.lakehouse.queryd.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Set;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType.ArrowTypeID;
import org.duckdb.DuckDBResultSet;

import com.lakehouse.queryd.sandbox.ErrorRedactor;
import com.lakehouse.shared.error.UnprocessableException;

/**
 * Re-encodes a DuckDB result as an Arrow IPC stream. DuckDB exports its result through the Arrow C
 * data interface, so column types are DuckDB's own Arrow mapping; the last batch is cut at
 * {@code maxRows}. Text columns have queryd's local directories replaced by placeholders (SPEC §2);
 * a local directory inside a nested or other text value is refused (422: JSON rewrites those).
 */
public final class ArrowStreamReader implements ResultReader<ArrowResult> {

    private static final int BATCH_ROWS = 8192;
    /** Types whose values may hold text that {@link #redact} does not rewrite in place. */
    private static final Set<ArrowTypeID> NESTED_OR_OTHER_TEXT = Set.of(ArrowTypeID.Utf8View, ArrowTypeID.LargeUtf8,
            ArrowTypeID.List, ArrowTypeID.LargeList, ArrowTypeID.FixedSizeList, ArrowTypeID.ListView,
            ArrowTypeID.LargeListView, ArrowTypeID.Struct, ArrowTypeID.Map, ArrowTypeID.Union);

    private final BufferAllocator root;
    private final ErrorRedactor paths;
    private final long maxResultBytes;

    /** @param maxResultBytes size of the encoded stream past which the answer is 413 */
    public ArrowStreamReader(BufferAllocator root, ErrorRedactor paths, long maxResultBytes) {
        this.root = root;
        this.paths = paths;
        this.maxResultBytes = maxResultBytes;
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
                        redact(batch);
                        writer.writeBatch();
                        rows += count;
                        if (out.size() > maxResultBytes) {
                            throw JsonRowsReader.tooLarge(maxResultBytes, rows - count);
                        }
                    }
                }
                writer.end();
            }
        } catch (IOException e) {
            throw new SQLException("cannot encode the result as Arrow: " + e.getMessage(), e);
        }
        return new ArrowResult(out.toByteArray(), rows, truncated);
    }

    /** Rewrites every VARCHAR value that names a local directory; refuses one inside any other type. */
    private void redact(VectorSchemaRoot batch) {
        int count = batch.getRowCount();
        for (FieldVector vector : batch.getFieldVectors()) {
            if (vector instanceof VarCharVector text) {
                rewrite(text, count);
            } else if (NESTED_OR_OTHER_TEXT.contains(vector.getField().getType().getTypeID())) {
                for (int i = 0; i < count; i++) {
                    Object value = vector.getObject(i);
                    if (value != null && !paths.paths(value.toString()).equals(value.toString())) {
                        throw new UnprocessableException("column '" + paths.paths(vector.getName())
                                + "' holds a local path inside a nested value; ask for JSON (Accept: application/json)");
                    }
                }
            }
        }
    }

    private void rewrite(VarCharVector text, int count) {
        byte[][] values = new byte[count][];
        boolean changed = false;
        for (int i = 0; i < count; i++) {
            if (text.isNull(i)) {
                continue;
            }
            String value = new String(text.get(i), StandardCharsets.UTF_8);
            String redacted = paths.paths(value);
            changed |= redacted != value;
            values[i] = redacted.getBytes(StandardCharsets.UTF_8);
        }
        if (!changed) {
            return;
        }
        // Variable-width values are written in order: the whole vector is rebuilt.
        text.reset();
        for (int i = 0; i < count; i++) {
            if (values[i] == null) {
                text.setNull(i);
            } else {
                text.setSafe(i, values[i]);
            }
        }
        text.setValueCount(count);
    }
}
