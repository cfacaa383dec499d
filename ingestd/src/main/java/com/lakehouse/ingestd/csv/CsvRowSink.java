package com.lakehouse.ingestd.csv;

import java.util.List;

/**
 * Receives the values of a scan as it goes, for a conversion that runs while the upload is still
 * arriving. Called on the scan's thread, in file order; a value's bytes are only valid during the
 * call. Rows come before their types are known (the sample decides them), so a sink holds the
 * first rows until {@link #typesDecided}.
 */
public interface CsvRowSink {

    /** The header row: the columns every row has, in order. */
    void header(List<String> names);

    /** One non-empty value of the current row: {@code bytes[offset .. offset + length)}, quoting removed. */
    void value(int column, byte[] bytes, int offset, int length);

    /** One empty value of the current row (a NULL, as DuckDB reads it). */
    void nullValue(int column);

    /** The current row is complete and well-formed. */
    void endRow();

    /**
     * The sample is complete: every column's sampled type is known, in header order.
     *
     * @param bytesSoFar bytes of the file up to the end of the last sample row
     * @param rowsSoFar  data rows so far (the sample)
     */
    void typesDecided(List<ColumnType> types, long bytesSoFar, long rowsSoFar);

    /**
     * The scan stops feeding the sink: a value after the sample did not fit its column's sampled
     * type (the column will be widened, so whatever was converted with the sampled types is of no
     * use), or a value is too long to hand over. No call follows.
     */
    void giveUp(String reason);
}
