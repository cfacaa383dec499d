package com.lakehouse.ingestd.convert;

import java.nio.file.Path;

import com.lakehouse.ingestd.csv.CsvProfile;
import com.lakehouse.shared.duckdb.DuckDbSql;

/**
 * The one SQL statement a conversion runs: DuckDB's CSV reader with every option pinned (RFC 4180
 * quoting, header, explicit column types, no sniffing) copied to Snappy Parquet. Names and paths
 * go in as SQL string literals, quotes doubled, so no header name can change the statement.
 */
final class CopyStatement {

    private CopyStatement() {
    }

    static String of(Path csv, CsvProfile profile, Path parquet, long maxLineSize, long rowGroupRows) {
        StringBuilder columns = new StringBuilder("{");
        for (int i = 0; i < profile.columns().size(); i++) {
            CsvProfile.Column column = profile.columns().get(i);
            if (i > 0) {
                columns.append(", ");
            }
            columns.append(DuckDbSql.literal(column.name())).append(": ").append(DuckDbSql.literal(column.type().name()));
        }
        columns.append('}');
        return "COPY (SELECT * FROM read_csv(" + DuckDbSql.literal(csv)
                + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"'"
                + ", strict_mode = true, null_padding = false, max_line_size = " + maxLineSize
                + ", columns = " + columns + "))" + toParquet(parquet, rowGroupRows);
    }

    /** The whole of a registered table (the streamed Arrow batches) to Snappy Parquet, rows in order. */
    static String fromTable(String table, Path parquet, long rowGroupRows) {
        return "COPY (SELECT * FROM " + table + ")" + toParquet(parquet, rowGroupRows);
    }

    private static String toParquet(Path parquet, long rowGroupRows) {
        return " TO " + DuckDbSql.literal(parquet)
                + " (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE " + rowGroupRows + ")";
    }
}
