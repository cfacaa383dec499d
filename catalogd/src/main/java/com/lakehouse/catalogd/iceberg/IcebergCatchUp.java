package com.lakehouse.catalogd.iceberg;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.catalogd.catalog.CommitListener;
import com.lakehouse.shared.catalog.DatasetManifest;

/**
 * Brings each table's Iceberg metadata up to its dataset's newest version after the catalog has
 * committed it, on one background thread, off the register's path: a register is acknowledged once
 * the catalog's own change is durable, and the Iceberg commit (footer reads, manifest, manifest
 * list, metadata JSON through storaged: ~75% of a register's serial part in the soak, issue 21)
 * no longer holds the catalog's lock. While it writes one group's versions the next groups collect,
 * and the next write commits all of a dataset's waiting versions at once.
 *
 * <p>Nothing an engine sees depends on it having run: loading a table ({@link IcebergCatalogView})
 * writes whatever metadata is still missing first, under the same {@link IcebergTables} lock, so
 * every acknowledged version is a snapshot of the table an engine loads, also after a kill -9
 * between a register's acknowledgment and this write. A write that fails (storaged unavailable) is
 * retried with a growing pause; a newer history of the same dataset replaces a waiting one.
 * Bounded: at most one waiting history per dataset.
 */
public final class IcebergCatchUp implements CommitListener, AutoCloseable {

    private static final Log LOG = LogFactory.getLog(IcebergCatchUp.class);
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final IcebergTables tables;
    /** The newest committed history of each dataset whose metadata is behind, oldest entry first. Guarded by this. */
    private final Map<String, List<DatasetManifest>> behind = new LinkedHashMap<>();
    private final Thread worker;
    private boolean writing;
    private boolean closed;

    public IcebergCatchUp(IcebergTables tables) {
        this.tables = tables;
        // A platform thread: it is one, and it loads Iceberg's classes and waits on storaged for long stretches.
        this.worker = Thread.ofPlatform().name("iceberg-catch-up").daemon().unstarted(this::run);
        this.worker.start();
    }

    @Override
    public void committed(List<DatasetManifest> history) {
        if (history.isEmpty() || !IcebergSchemas.representable(history.getLast().schema())) {
            return;
        }
        synchronized (this) {
            behind.put(history.getLast().name(), history);
            notifyAll();
        }
    }

    /**
     * Waits until every history committed so far has been written or has failed once (for tests and
     * for a clean stop): true when nothing is waiting, false on timeout.
     */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((!behind.isEmpty() || writing) && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return behind.isEmpty() && !writing;
    }

    /** Datasets whose newest versions wait for their metadata. */
    public synchronized int waiting() {
        return behind.size();
    }

    private void run() {
        Duration pause = FIRST_RETRY;
        while (true) {
            List<DatasetManifest> history;
            synchronized (this) {
                while (behind.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                Iterator<List<DatasetManifest>> first = behind.values().iterator();
                history = first.next();
                first.remove();
                writing = true;
            }
            boolean written = write(history);
            synchronized (this) {
                writing = false;
                if (!written) {
                    behind.putIfAbsent(history.getLast().name(), history);
                }
                notifyAll();
            }
            if (written) {
                pause = FIRST_RETRY;
            } else if (!sleep(pause)) {
                return;
            } else {
                pause = pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : pause.multipliedBy(2);
            }
        }
    }

    private boolean write(List<DatasetManifest> history) {
        DatasetManifest newest = history.getLast();
        long started = System.nanoTime();
        try {
            tables.write(history);
            LOG.info("iceberg: " + newest.name() + " written up to v" + newest.version() + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            return true;
        } catch (RuntimeException | Error e) {
            // An Error too (an OutOfMemoryError once killed this thread for good, and the view stopped
            // following the catalog): the write is given up, the thread stays, and it tries again.
            LOG.warn("iceberg: metadata of " + newest.name() + " v" + newest.version() + " not written yet ("
                    + e + "); retrying, and the next load of the table writes it");
            return false;
        }
    }

    private boolean sleep(Duration pause) {
        try {
            synchronized (this) {
                if (!closed) {
                    wait(pause.toMillis());
                }
                return !closed;
            }
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        worker.join(Duration.ofSeconds(10).toMillis());
    }
}
