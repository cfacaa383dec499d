package com.lakehouse.shared.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Opens an in-memory DuckDB database that never installs or loads an extension: DuckDB never
 * reaches for the network (ARCHITECTURE: offline); Parquet and CSV are built in. Every service that
 * runs DuckDB (ingestd, catalogd, queryd, observerd) opens it here.
 */
public final class OfflineDuckDb {

    private OfflineDuckDb() {
    }

    /**
     * A new in-memory database with {@code settings} (DuckDB configuration options, e.g.
     * {@code threads}, {@code memory_limit}) set at open time, extensions off.
     */
    public static Connection open(Map<String, String> settings) throws SQLException {
        Properties config = new Properties();
        config.putAll(settings);
        config.setProperty("autoinstall_known_extensions", "false");
        config.setProperty("autoload_known_extensions", "false");
        return DriverManager.getConnection("jdbc:duckdb:", config);
    }
}
