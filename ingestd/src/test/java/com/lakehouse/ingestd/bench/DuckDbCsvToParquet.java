package com.lakehouse.ingestd.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import com.lakehouse.shared.duckdb.OfflineDuckDb;

/**
 * The peer of scripts/bench/ingest.sh: DuckDB's own CSV to Parquet conversion of the same file,
 * {@code COPY (FROM read_csv(...)) TO ... (FORMAT parquet)}, with DuckDB's defaults (its own
 * sniffing, Snappy). Prints the milliseconds of the COPY alone (not the JVM start), the rows, the
 * Parquet bytes and the CPU milliseconds the process spent in the COPY (DuckDB's threads included).
 *
 * <p>Usage: {@code DuckDbCsvToParquet <in.csv> <out.parquet> <threads>}
 */
public final class DuckDbCsvToParquet {

    private DuckDbCsvToParquet() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]).toAbsolutePath();
        Path parquet = Path.of(args[1]).toAbsolutePath();
        try (Connection c = OfflineDuckDb.open(Map.of()); Statement s = c.createStatement()) {
            s.execute("SET threads = " + Integer.parseInt(args[2]));
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            long rows = s.executeLargeUpdate("COPY (FROM read_csv('" + csv + "')) TO '" + parquet + "' (FORMAT parquet)");
            long millis = (System.nanoTime() - start) / 1_000_000;
            long cpuMillis = (processCpuNanos() - cpuStart) / 1_000_000;
            System.out.println(millis + " " + rows + " " + Files.size(parquet) + " " + cpuMillis);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
