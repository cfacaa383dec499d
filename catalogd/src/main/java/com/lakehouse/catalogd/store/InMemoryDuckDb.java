package com.lakehouse.catalogd.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import com.lakehouse.shared.duckdb.OfflineDuckDb;

/**
 * One in-memory DuckDB for the service's life, opened on first use: opening one per file cost
 * ~100 ms, more than the work. Opened through {@link OfflineDuckDb}, so it never reaches for the
 * network. Callers serialize their use of it.
 */
public final class InMemoryDuckDb implements AutoCloseable {

    private Connection db;

    public synchronized Connection connection() throws SQLException {
        if (db == null || db.isClosed()) {
            db = OfflineDuckDb.open(Map.of("threads", "1"));
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
