package com.lakehouse.catalogd;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One in-memory DuckDB for the service's life, opened on first use: opening one per file cost
 * ~100 ms, more than the work. DuckDB never reaches for the network or installs anything
 * (ARCHITECTURE: offline). Callers serialize their use of it.
 */
public final class InMemoryDuckDb implements AutoCloseable {

    private Connection db;

    public synchronized Connection connection() throws SQLException {
        if (db == null || db.isClosed()) {
            Properties config = new Properties();
            config.setProperty("autoinstall_known_extensions", "false");
            config.setProperty("autoload_known_extensions", "false");
            config.setProperty("threads", "1");
            db = DriverManager.getConnection("jdbc:duckdb:", config);
        }
        return db;
    }

    @Override
    public synchronized void close() {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException e) {
                // closing an in-memory database at shutdown: nothing is lost
            }
            db = null;
        }
    }
}
