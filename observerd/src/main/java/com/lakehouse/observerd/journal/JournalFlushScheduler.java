package com.lakehouse.observerd.journal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

/**
 * When the journal flushes: at start (what a previous run left in the WAL), every {@code flush_every},
 * when {@code flush_rows} events are waiting ({@link #requestFlush}), and once more at shutdown after
 * the web server has stopped taking requests. Flushes run on one thread, never on a request's.
 */
public class JournalFlushScheduler implements SmartLifecycle {

    /** Below the web server's phases, so this stops after it: the last flush sees the last request. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Log LOG = LogFactory.getLog(JournalFlushScheduler.class);

    /**
     * After a failed flush, flush_rows requests wait this long (at most flush_every): while storaged
     * is down every journal append would otherwise start a flush that fails at once, and log it.
     */
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);

    private final WriteAheadLog wal;
    private final JournalRegistration registration;
    private final JournalFlusher flusher;
    private final Duration every;
    private final Duration retryDelay;
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private volatile long retryNotBefore = System.nanoTime();

    public JournalFlushScheduler(WriteAheadLog wal, JournalRegistration registration, JournalFlusher flusher,
            Duration every) {
        this.wal = wal;
        this.registration = registration;
        this.flusher = flusher;
        this.every = every;
        this.retryDelay = every.compareTo(MAX_RETRY_DELAY) < 0 ? every : MAX_RETRY_DELAY;
    }

    @Override
    public void start() {
        try {
            wal.open();
            registration.load();
        } catch (IOException | RuntimeException e) {
            // Not fatal: the observer half works without a data directory, and journal appends answer
            // 503 until the directory can be written.
            LOG.error("journal: cannot open the write-ahead log (" + e.getClass().getSimpleName()
                    + "); journal events are refused until the data directory is writable");
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("journal-flush").daemon().factory());
        executor.scheduleWithFixedDelay(this::flushQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Asks for a flush soon; requests made while one is queued are merged, and requests soon after a
     * failed flush are left to the timer.
     */
    public void requestFlush() {
        ScheduledExecutorService current = executor;
        if (current == null || backingOff() || !requested.compareAndSet(false, true)) {
            return;
        }
        try {
            current.execute(() -> {
                requested.set(false);
                // Checked again here: a flush that was running when this was queued may have failed.
                if (!backingOff()) {
                    flushQuietly();
                }
            });
        } catch (RejectedExecutionException e) {
            requested.set(false);
        }
    }

    private boolean backingOff() {
        return System.nanoTime() - retryNotBefore < 0;
    }

    private void flushQuietly() {
        try {
            if (flusher.flush().error() != null) {
                retryNotBefore = System.nanoTime() + retryDelay.toNanos();
            }
        } catch (RuntimeException e) {
            LOG.error("journal: flush failed unexpectedly (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.shutdown();
            try {
                current.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        FlushResult last = flusher.flush();
        if (last.error() != null) {
            LOG.warn("journal: shutdown flush incomplete; " + last.buffered() + " event(s) stay in the WAL for the next start");
        }
        wal.close();
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
