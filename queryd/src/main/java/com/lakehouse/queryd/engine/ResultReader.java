package com.lakehouse.queryd.engine;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Turns an open result into a response body. The executor has asked DuckDB for {@code maxRows + 1}
 * rows, so a reader that sees more than {@code maxRows} knows the result was truncated.
 */
@FunctionalInterface
public interface ResultReader<T> {

    T read(ResultSet result, int maxRows) throws SQLException;
}
