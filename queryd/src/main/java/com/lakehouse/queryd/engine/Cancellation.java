package com.lakehouse.queryd.engine;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The handle by which a statement is cancelled from another thread (a timeout, a client that hung
 * up): {@link Statement#cancel()} interrupts the DuckDB connection and frees its threads at once.
 * A cancel that comes before the statement exists takes effect when it is attached.
 */
final class Cancellation {

    private Statement statement;
    private boolean cancelled;

    synchronized void attach(Statement running) {
        statement = running;
        if (cancelled) {
            cancelQuietly(running);
        }
    }

    /** Called before the statement closes, so a late cancel never reaches a closed statement. */
    synchronized void detach() {
        statement = null;
    }

    synchronized void cancel() {
        cancelled = true;
        if (statement != null) {
            cancelQuietly(statement);
        }
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    private static void cancelQuietly(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException ignored) {
            // the statement finished between the decision and the cancel
        }
    }
}
