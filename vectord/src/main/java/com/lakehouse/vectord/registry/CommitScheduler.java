package com.lakehouse.vectord.registry;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Coalesces commits: the first mutation after a commit opens a window of {@code debounce}; every
 * mutation inside it rides along in the one commit at its end. A burst of adds therefore costs one
 * commit per window, and an acknowledged write is published at most one window (plus the commit's
 * own time) later. A failed commit is logged, counted, and retried with a growing delay; it never
 * fails the request that caused it.
 */
final class CommitScheduler implements AutoCloseable {

    private static final Log LOG = LogFactory.getLog(CommitScheduler.class);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

    private final Duration debounce;
    private final IndexCommitter committer;
    private final CommitCounters totals;
    private final ScheduledExecutorService timer;

    CommitScheduler(Duration debounce, IndexCommitter committer, CommitCounters totals) {
        this.debounce = debounce;
        this.committer = committer;
        this.totals = totals;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vectord-commit-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /** A mutation happened: make sure a commit follows within the window. */
    void mutated(ManagedIndex managed) {
        synchronized (managed) {
            if (!managed.scheduled && !managed.running) {
                managed.scheduled = true;
                schedule(managed, debounce);
            }
        }
    }

    boolean pending(ManagedIndex managed) {
        synchronized (managed) {
            return managed.scheduled || managed.running;
        }
    }

    private void schedule(ManagedIndex managed, Duration delay) {
        // the timer thread only hands off: commits upload files and run on virtual threads
        timer.schedule(() -> Thread.ofVirtual().name("vectord-commit").start(() -> run(managed)),
                delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(ManagedIndex managed) {
        synchronized (managed) {
            managed.scheduled = false;
            managed.running = true;
        }
        boolean failed = false;
        try {
            committer.commit(managed);
        } catch (Exception e) {
            failed = true;
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            managed.counters().failed(reason);
            totals.failed(reason);
            LOG.warn("vectord: commit of index '" + managed.name() + "' failed, will retry: " + reason);
        }
        synchronized (managed) {
            managed.running = false;
            managed.consecutiveFailures = failed ? managed.consecutiveFailures + 1 : 0;
            if (!managed.dropped() && !managed.scheduled && (failed || managed.dirty())) {
                managed.scheduled = true;
                schedule(managed, failed ? retryDelay(managed.consecutiveFailures) : debounce);
            }
        }
    }

    private Duration retryDelay(int failures) {
        long millis = Math.max(debounce.toMillis(), 250) << Math.min(failures, 8);
        return Duration.ofMillis(Math.min(millis, MAX_RETRY_DELAY.toMillis()));
    }

    /** Commits now if the index changed since its last commit (at shutdown); failures are logged. */
    void flush(ManagedIndex managed) {
        if (!managed.dirty()) {
            return;
        }
        try {
            committer.commit(managed);
        } catch (Exception e) {
            managed.counters().failed(e.getMessage());
            totals.failed(e.getMessage());
            LOG.warn("vectord: final commit of index '" + managed.name() + "' failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
