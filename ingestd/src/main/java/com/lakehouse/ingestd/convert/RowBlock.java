package com.lakehouse.ingestd.convert;

import java.util.Arrays;

/**
 * Rows of raw CSV values in one flat byte array, as the scan hands them over: cheap to fill on the
 * scan's thread, turned into Arrow columns on DuckDB's side. Blocks are reused, so after the
 * first few the arrays stop growing.
 */
final class RowBlock {

    private final int columns;
    private byte[] data = new byte[1 << 20];
    private int size;
    /** Value i is {@code data[starts[i] .. starts[i] + lengths[i])}; a length of -1 is a NULL. */
    private int[] starts;
    private int[] lengths;
    private int values;
    /** Bytes per column in this block, so the Arrow columns can be sized once. */
    private final long[] columnBytes;

    RowBlock(int columns, int rows) {
        this.columns = columns;
        this.starts = new int[columns * rows];
        this.lengths = new int[columns * rows];
        this.columnBytes = new long[columns];
    }

    /** The next value, of the given column (values come row by row, column by column). */
    void add(int column, byte[] bytes, int offset, int length) {
        if (size + length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + length));
        }
        System.arraycopy(bytes, offset, data, size, length);
        slot(size, length);
        columnBytes[column] += length;
        size += length;
    }

    void addNull() {
        slot(size, -1);
    }

    private void slot(int start, int length) {
        if (values == starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
            lengths = Arrays.copyOf(lengths, lengths.length * 2);
        }
        starts[values] = start;
        lengths[values] = length;
        values++;
    }

    /** Complete rows so far (a row is complete once all its columns have a value). */
    int rows() {
        return values / columns;
    }

    long bytes() {
        return size;
    }

    byte[] data() {
        return data;
    }

    int start(int value) {
        return starts[value];
    }

    /** The value's length, or -1 for NULL. */
    int length(int value) {
        return lengths[value];
    }

    long columnBytes(int column) {
        return columnBytes[column];
    }

    void clear() {
        size = 0;
        values = 0;
        Arrays.fill(columnBytes, 0);
    }
}
