package com.lakehouse.observerd.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * In-memory DuckDB connections for writing and reading journal Parquet files. Extensions are never
 * installed or loaded (ARCHITECTURE: DuckDB never touches the network); parquet is built in.
 */
final class DuckDb {

    private DuckDb() {
    }

    static Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = connection.createStatement()) {
            st.execute("SET autoinstall_known_extensions = false");
            st.execute("SET autoload_known_extensions = false");
            st.execute("SET threads = 1");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** DuckDB's message without the absolute local directory (SPEC §2: no host paths in logs). */
    static String redact(String message, Path dir) {
        return message == null ? "" : message.replace(dir.toAbsolutePath().toString(), "<data_dir>");
    }

    /** A path as a SQL string literal. */
    static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
