package com.lakehouse.queryd.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.lakehouse.queryd.sandbox.ErrorRedactor;
import com.lakehouse.queryd.sandbox.VettedQuery;
import com.lakehouse.queryd.views.ViewGenerations;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.error.UpstreamTimeoutException;
import com.lakehouse.shared.text.Durations;

/**
 * Runs vetted statements, each on a connection of its own so queries run in parallel. Execution
 * happens on platform threads: a DuckDB call is native code and would pin a virtual thread's
 * carrier for its whole length. Each statement is cancelled through the driver when it outlives the
 * statement timeout, which frees its DuckDB threads for the next query at once.
 */
public final class QueryExecutor {

    /** What a 503 for a full queue tells the client to wait. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final DuckDbEngine engine;
    private final ViewGenerations generations;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Duration timeout;
    private final ErrorRedactor redactor;

    public QueryExecutor(DuckDbEngine engine, ViewGenerations generations, ExecutorService workers,
                         ScheduledExecutorService timer, Duration timeout, ErrorRedactor redactor) {
        this.engine = engine;
        this.generations = generations;
        this.workers = workers;
        this.timer = timer;
        this.timeout = timeout;
        this.redactor = redactor;
    }

    /**
     * @throws InvalidRequestException  DuckDB refused or failed the statement (400, message redacted)
     * @throws UpstreamTimeoutException the statement ran past the timeout and was cancelled (504)
     */
    public <T> Executed<T> run(VettedQuery query, int maxRows, ResultReader<T> reader) {
        return onWorker(() -> execute(query, maxRows, reader));
    }

    /**
     * Executes {@code query} for a streaming answer: the statement runs now (its errors and its
     * timeout answer as for {@link #run}), its rows are read later by {@link #drain}. The caller
     * closes the returned result.
     */
    public OpenResult open(VettedQuery query, long maxRows) {
        return onWorker(() -> openNow(query, maxRows));
    }

    /** Reads an open result into {@code out} on a query thread (DuckDB calls pin a virtual thread), then closes it. */
    public long drain(OpenResult open, ResultSink sink) {
        try (open) {
            return onWorkerOrHere(() -> {
                try {
                    return sink.write(open.result(), open.maxRows());
                } catch (SQLException e) {
                    throw new InvalidRequestException(redactor.redact(e.getMessage()));
                }
            });
        }
    }

    /** Writes rows somewhere while they are read. */
    @FunctionalInterface
    public interface ResultSink {
        long write(java.sql.ResultSet result, long maxRows) throws SQLException, java.io.IOException;
    }

    private OpenResult openNow(VettedQuery query, long maxRows) {
        AtomicBoolean timedOut = new AtomicBoolean();
        ViewGenerations.Lease lease = generations.acquire();
        Connection connection = null;
        Statement statement = null;
        try {
            connection = engine.connect();
            statement = connection.createStatement();
            Statement running = statement;
            ScheduledFuture<?> canceller = timer.schedule(() -> cancel(running, timedOut), timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                return new OpenResult(lease, connection, statement, statement.executeQuery(query.limitedTo(maxRows + 1)), maxRows);
            } finally {
                canceller.cancel(false);
            }
        } catch (SQLException e) {
            new OpenResult(lease, connection, statement, null, 0).close();
            if (timedOut.get()) {
                throw new UpstreamTimeoutException("statement cancelled after the " + Durations.describe(timeout)
                        + " statement timeout");
            }
            throw new InvalidRequestException(redactor.redact(connection == null ? e.getMessage() : messageFor(connection, query, e)));
        }
    }

    /**
     * An admitted export is read to its end even when the queue is full at that moment: on this
     * thread then, rather than failing a response whose status is already sent.
     */
    private <T> T onWorkerOrHere(java.util.concurrent.Callable<T> work) {
        try {
            return onWorker(work);
        } catch (UnavailableException busy) {
            if (!(busy.getCause() instanceof RejectedExecutionException)) {
                throw busy;
            }
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private <T> T onWorker(java.util.concurrent.Callable<T> work) {
        Future<T> future;
        try {
            future = workers.submit(work);
        } catch (RejectedExecutionException e) {
            throw new UnavailableException("queryd is busy: every worker runs a statement and the queue is full"
                    + " (workers, queue_limit); retry shortly", RETRY_AFTER, e);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while the statement ran");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private <T> Executed<T> execute(VettedQuery query, int maxRows, ResultReader<T> reader) {
        long started = System.nanoTime();
        AtomicBoolean timedOut = new AtomicBoolean();
        try (ViewGenerations.Lease lease = generations.acquire();
             Connection connection = engine.connect();
             Statement statement = connection.createStatement()) {
            ScheduledFuture<?> canceller = timer.schedule(() -> cancel(statement, timedOut),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
            try (var result = statement.executeQuery(query.limitedTo(maxRows + 1L))) {
                T value = reader.read(result, maxRows);
                return new Executed<>(value, (System.nanoTime() - started) / 1_000_000);
            } catch (SQLException e) {
                if (timedOut.get()) {
                    throw new UpstreamTimeoutException("statement cancelled after the " + Durations.describe(timeout)
                            + " statement timeout");
                }
                throw new InvalidRequestException(redactor.redact(messageFor(connection, query, e)));
            } finally {
                canceller.cancel(false);
            }
        } catch (SQLException e) {
            throw new InvalidRequestException(redactor.redact(e.getMessage()));
        }
    }

    /**
     * DuckDB's message about the caller's own text. The statement ran wrapped in a LIMIT, so a
     * syntax or binding error would point into our wrapper: preparing the statement as written (one
     * vetted statement, so preparing runs nothing) gives the message with the caller's positions.
     */
    private static String messageFor(Connection connection, VettedQuery query, SQLException failure) {
        if (!query.limitable()) {
            return failure.getMessage();
        }
        try (var prepared = connection.prepareStatement(query.sql())) {
            return failure.getMessage();
        } catch (SQLException asWritten) {
            return asWritten.getMessage();
        }
    }

    private static void cancel(Statement statement, AtomicBoolean timedOut) {
        timedOut.set(true);
        try {
            statement.cancel();
        } catch (SQLException ignored) {
            // the statement finished (or its connection closed) between the timer firing and the cancel
        }
    }
}
