package com.lakehouse.queryd.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.lakehouse.queryd.views.ViewGenerations;

/**
 * An executed statement whose rows have not been read yet: the result, its statement and
 * connection, and the lease that keeps its files from eviction. Streaming answers hold one while the
 * response is written; closing it frees everything.
 */
public final class OpenResult implements AutoCloseable {

    private final ViewGenerations.Lease lease;
    private final Connection connection;
    private final Statement statement;
    private final ResultSet result;
    private final long maxRows;

    OpenResult(ViewGenerations.Lease lease, Connection connection, Statement statement, ResultSet result, long maxRows) {
        this.lease = lease;
        this.connection = connection;
        this.statement = statement;
        this.result = result;
        this.maxRows = maxRows;
    }

    ResultSet result() {
        return result;
    }

    /** The most rows the answer may hold; the statement was asked for one more, to know about truncation. */
    public long maxRows() {
        return maxRows;
    }

    @Override
    public void close() {
        try (lease; connection; statement; result) {
            // closed in reverse order by try-with-resources
        } catch (SQLException ignored) {
            // nothing more to free
        }
    }
}
