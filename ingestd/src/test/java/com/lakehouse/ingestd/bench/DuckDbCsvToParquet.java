package com.lakehouse.ingestd.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The peer of scripts/bench/ingest.sh: DuckDB's own CSV to Parquet conversion of the same file,
 * {@code COPY (FROM read_csv(...)) TO ... (FORMAT parquet)}, with DuckDB's defaults (its own
 * sniffing, Snappy). Prints the milliseconds of the COPY alone (not the JVM start) and the rows.
 *
 * <p>Usage: {@code DuckDbCsvToParquet <in.csv> <out.parquet> <threads>}
 */
public final class DuckDbCsvToParquet {

    private DuckDbCsvToParquet() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]).toAbsolutePath();
        Path parquet = Path.of(args[1]).toAbsolutePath();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = " + Integer.parseInt(args[2]));
            long start = System.nanoTime();
            long rows = s.executeLargeUpdate("COPY (FROM read_csv('" + csv + "')) TO '" + parquet + "' (FORMAT parquet)");
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println(millis + " " + rows + " " + Files.size(parquet));
        }
    }
}
