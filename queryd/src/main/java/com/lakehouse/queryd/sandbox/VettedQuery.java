package com.lakehouse.queryd.sandbox;

/**
 * A statement the sandbox let through, in the form it is to be executed.
 *
 * @param sql       the one statement, without a trailing semicolon
 * @param limitable a plain query that may be wrapped as {@code SELECT * FROM (...) LIMIT n}; EXPLAIN,
 *                  DESCRIBE, SHOW and SUMMARIZE answer small results and run as they are
 */
public record VettedQuery(String sql, boolean limitable) {

    /** The statement wrapped so DuckDB produces at most {@code rows} rows. */
    public String limitedTo(long rows) {
        // The newline ends a trailing "-- comment" of the caller before the closing parenthesis.
        return limitable ? "SELECT * FROM (" + sql + "\n) LIMIT " + rows : sql;
    }
}
