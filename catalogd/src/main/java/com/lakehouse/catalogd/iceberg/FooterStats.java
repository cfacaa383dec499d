package com.lakehouse.catalogd.iceberg;

/**
 * One column chunk's statistics as DuckDB's {@code parquet_metadata()} reports them: values and
 * nulls counted, bounds rendered as text (null when the footer has none).
 *
 * @param column         the top-level column name ({@code path_in_schema})
 * @param valueCount     values in the chunk, nulls included
 * @param nullCount      nulls in the chunk, or null when not recorded
 * @param compressedSize bytes the chunk takes in the file
 * @param min            the lower bound as text, or null
 * @param max            the upper bound as text, or null
 * @param exact          whether the footer says both bounds are the exact values (not truncated)
 */
public record FooterStats(String column, long valueCount, Long nullCount, long compressedSize,
        String min, String max, boolean exact) {
}
