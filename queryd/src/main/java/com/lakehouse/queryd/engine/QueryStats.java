package com.lakehouse.queryd.engine;

import java.util.concurrent.atomic.AtomicLong;

/** What {@code GET /sql/stats} reports of the executor: statements running now and how past ones ended. */
public final class QueryStats {

    private final AtomicLong running = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong cancelledOnDisconnect = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    void started() {
        running.incrementAndGet();
    }

    /** The worker is free again; {@code outcome} says how the statement ended. */
    void finished(Outcome outcome) {
        running.decrementAndGet();
        switch (outcome) {
            case COMPLETED -> completed.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
            case TIMED_OUT -> timedOut.incrementAndGet();
            case CLIENT_GONE -> cancelledOnDisconnect.incrementAndGet();
        }
    }

    void rejected() {
        rejected.incrementAndGet();
    }

    enum Outcome { COMPLETED, FAILED, TIMED_OUT, CLIENT_GONE }

    /**
     * @param running               statements on a worker now
     * @param completed             statements that ran to the end
     * @param failed                statements DuckDB refused or failed
     * @param timedOut              statements cancelled at the statement timeout
     * @param cancelledOnDisconnect statements cancelled because their client closed the connection
     * @param rejected              requests answered 503 because every worker was busy and the queue full
     */
    public record Snapshot(long running, long completed, long failed, long timedOut, long cancelledOnDisconnect,
                           long rejected) {
    }

    public Snapshot snapshot() {
        return new Snapshot(running.get(), completed.get(), failed.get(), timedOut.get(), cancelledOnDisconnect.get(),
                rejected.get());
    }
}
