package com.lakehouse.queryd.engine;

import java.nio.file.Path;

/**
 * How the DuckDB database is set up.
 *
 * @param cacheDir    the only directory queries may read (the Parquet cache); relative paths resolve
 *                    against the working directory and stay relative in view definitions
 * @param tempDir     where DuckDB spills when a query outgrows the memory limit
 * @param memoryLimit DuckDB {@code memory_limit}
 * @param threads     DuckDB worker threads, 0 for DuckDB's default
 * @param maxTempDirectorySize the most DuckDB may spill into {@code tempDir}, e.g. {@code "4GiB"}
 */
public record EngineSettings(Path cacheDir, Path tempDir, String memoryLimit, int threads, String maxTempDirectorySize) {

    /**
     * {@code dir} relative to the working directory when it lies under it, else as given: DuckDB
     * keeps relative paths as written in views, settings, plans and {@code filename} columns.
     */
    public static Path underWorkdir(Path dir) {
        Path workdir = Path.of("").toAbsolutePath();
        Path absolute = dir.toAbsolutePath().normalize();
        return absolute.startsWith(workdir) && !absolute.equals(workdir) ? workdir.relativize(absolute) : dir;
    }
}
