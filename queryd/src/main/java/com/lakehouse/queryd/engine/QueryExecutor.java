package com.lakehouse.queryd.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

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
 * carrier for its whole length. A statement is cancelled through the driver (a DuckDB interrupt,
 * which frees its threads for the next query at once) when it outlives the statement timeout or
 * when the client that asked for it has closed its connection (checked while the caller waits).
 * The worker pool is bounded ({@code workers}, {@code queue_limit}): a submit past it is 503.
 */
public final class QueryExecutor {

    /** What a 503 for a full queue tells the client to wait. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** How often a waiting request looks whether its client is still there. */
    private static final long CLIENT_CHECK_MS = 200;
    /** For statements of queryd's own (warm-up, table listing): no client to lose. */
    public static final BooleanSupplier NO_CLIENT = () -> false;

    private final DuckDbEngine engine;
    private final ViewGenerations generations;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Duration timeout;
    private final ErrorRedactor redactor;
    private final QueryStats stats = new QueryStats();

    public QueryExecutor(DuckDbEngine engine, ViewGenerations generations, ExecutorService workers,
                         ScheduledExecutorService timer, Duration timeout, ErrorRedactor redactor) {
        this.engine = engine;
        this.generations = generations;
        this.workers = workers;
        this.timer = timer;
        this.timeout = timeout;
        this.redactor = redactor;
    }

    public QueryStats.Snapshot stats() {
        return stats.snapshot();
    }

    /** {@link #run(VettedQuery, int, ResultReader, BooleanSupplier)} of a statement no client waits for. */
    public <T> Executed<T> run(VettedQuery query, int maxRows, ResultReader<T> reader) {
        return run(query, maxRows, reader, NO_CLIENT);
    }

    /**
     * @param clientGone whether the client that asked has closed its connection; checked while the
     *                   statement runs, and when true the statement is cancelled
     * @throws InvalidRequestException  DuckDB refused or failed the statement (400, message redacted)
     * @throws UpstreamTimeoutException the statement ran past the timeout and was cancelled (504)
     * @throws UnavailableException     every worker busy and the queue full (503 with Retry-After),
     *                                  or the client left and the statement was cancelled
     */
    public <T> Executed<T> run(VettedQuery query, int maxRows, ResultReader<T> reader, BooleanSupplier clientGone) {
        Cancellation cancellation = new Cancellation();
        return onWorker(() -> execute(query, maxRows, reader, cancellation), cancellation, clientGone);
    }

    /**
     * Executes {@code query} for a streaming answer: the statement runs now (its errors, its timeout
     * and its client's disconnect answer as for {@link #run}), its rows are read later by
     * {@link #drain}. The caller closes the returned result.
     */
    public OpenResult open(VettedQuery query, long maxRows, BooleanSupplier clientGone) {
        Cancellation cancellation = new Cancellation();
        return onWorker(() -> openNow(query, maxRows, cancellation), cancellation, clientGone);
    }

    /**
     * Reads an open result into {@code out} on a query thread (DuckDB calls pin a virtual thread),
     * then closes it. A client that leaves now makes the next write fail, which ends the read.
     */
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

    private OpenResult openNow(VettedQuery query, long maxRows, Cancellation cancellation) {
        AtomicBoolean timedOut = new AtomicBoolean();
        ViewGenerations.Lease lease = generations.acquire();
        Connection connection = null;
        Statement statement = null;
        QueryStats.Outcome outcome = QueryStats.Outcome.FAILED;
        stats.started();
        try {
            requireClient(cancellation);
            connection = engine.connect();
            statement = connection.createStatement();
            cancellation.attach(statement);
            ScheduledFuture<?> canceller = timer.schedule(() -> timeOut(cancellation, timedOut), timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                OpenResult open = new OpenResult(lease, connection, statement, statement.executeQuery(query.limitedTo(maxRows + 1)), maxRows);
                outcome = QueryStats.Outcome.COMPLETED;
                return open;
            } finally {
                canceller.cancel(false);
                cancellation.detach();
            }
        } catch (SQLException e) {
            new OpenResult(lease, connection, statement, null, 0).close();
            outcome = outcomeOf(timedOut, cancellation);
            throw failure(outcome, connection == null ? e.getMessage() : messageFor(connection, query, e));
        } catch (RuntimeException e) {
            new OpenResult(lease, connection, statement, null, 0).close();
            throw e;
        } finally {
            stats.finished(cancellation.cancelled() && outcome == QueryStats.Outcome.FAILED ? QueryStats.Outcome.CLIENT_GONE : outcome);
        }
    }

    private <T> Executed<T> execute(VettedQuery query, int maxRows, ResultReader<T> reader, Cancellation cancellation) {
        long started = System.nanoTime();
        AtomicBoolean timedOut = new AtomicBoolean();
        QueryStats.Outcome outcome = QueryStats.Outcome.FAILED;
        stats.started();
        try (ViewGenerations.Lease lease = generations.acquire();
             Connection connection = engine.connect();
             Statement statement = connection.createStatement()) {
            requireClient(cancellation);
            cancellation.attach(statement);
            ScheduledFuture<?> canceller = timer.schedule(() -> timeOut(cancellation, timedOut),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
            try (var result = statement.executeQuery(query.limitedTo(maxRows + 1L))) {
                T value = reader.read(result, maxRows);
                outcome = QueryStats.Outcome.COMPLETED;
                return new Executed<>(value, (System.nanoTime() - started) / 1_000_000);
            } catch (SQLException e) {
                outcome = outcomeOf(timedOut, cancellation);
                throw failure(outcome, messageFor(connection, query, e));
            } finally {
                canceller.cancel(false);
                cancellation.detach();
            }
        } catch (SQLException e) {
            throw new InvalidRequestException(redactor.redact(e.getMessage()));
        } finally {
            stats.finished(cancellation.cancelled() && outcome == QueryStats.Outcome.FAILED ? QueryStats.Outcome.CLIENT_GONE : outcome);
        }
    }

    /** A statement whose client left while it waited in the queue never starts. */
    private static void requireClient(Cancellation cancellation) {
        if (cancellation.cancelled()) {
            throw clientGone();
        }
    }

    private static void timeOut(Cancellation cancellation, AtomicBoolean timedOut) {
        timedOut.set(true);
        cancellation.cancel();
    }

    private static QueryStats.Outcome outcomeOf(AtomicBoolean timedOut, Cancellation cancellation) {
        if (timedOut.get()) {
            return QueryStats.Outcome.TIMED_OUT;
        }
        return cancellation.cancelled() ? QueryStats.Outcome.CLIENT_GONE : QueryStats.Outcome.FAILED;
    }

    private RuntimeException failure(QueryStats.Outcome outcome, String message) {
        return switch (outcome) {
            case TIMED_OUT -> new UpstreamTimeoutException("statement cancelled after the " + Durations.describe(timeout)
                    + " statement timeout");
            case CLIENT_GONE -> clientGone();
            default -> new InvalidRequestException(redactor.redact(message));
        };
    }

    private static UnavailableException clientGone() {
        return new UnavailableException("the client closed the connection: the statement was cancelled");
    }

    /**
     * An admitted export is read to its end even when the queue is full at that moment: on this
     * thread then, rather than failing a response whose status is already sent.
     */
    private <T> T onWorkerOrHere(Callable<T> work) {
        try {
            return onWorker(work, new Cancellation(), NO_CLIENT);
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

    private <T> T onWorker(Callable<T> work, Cancellation cancellation, BooleanSupplier clientGone) {
        Future<T> future;
        try {
            future = workers.submit(work);
        } catch (RejectedExecutionException e) {
            stats.rejected();
            throw new UnavailableException("queryd is busy: every worker runs a statement and the queue is full"
                    + " (workers, queue_limit); retry shortly", RETRY_AFTER, e);
        }
        try {
            while (true) {
                try {
                    return future.get(CLIENT_CHECK_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    if (!cancellation.cancelled() && clientGone.getAsBoolean()) {
                        cancellation.cancel(); // the worker ends the statement, counts it and is free
                    }
                }
            }
        } catch (InterruptedException e) {
            cancellation.cancel();
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
}
