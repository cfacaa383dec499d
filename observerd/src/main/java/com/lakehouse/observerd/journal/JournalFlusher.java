package com.lakehouse.observerd.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.error.LakehouseException;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.storage.StoredObject;
import com.lakehouse.shared.text.HostPaths;

/**
 * Moves the journal from the WAL to storage: each sealed segment becomes one Parquet file under
 * {@code journal/}, stored, remembered for registration, and only then dropped from the WAL. A failure
 * stops the flush where it is; what is left stays in the WAL and the next flush retries it.
 */
public class JournalFlusher {

    private static final Log LOG = LogFactory.getLog(JournalFlusher.class);

    private final WriteAheadLog wal;
    private final JournalParquetWriter writer;
    private final StorageClient storage;
    private final JournalRegistration registration;
    private final Clock clock;
    private final Path dataDir;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong flushedRows = new AtomicLong();
    private final AtomicLong filesWritten = new AtomicLong();
    private final AtomicLong flushErrors = new AtomicLong();
    private volatile String lastFlushAt;
    private volatile String lastError;

    public JournalFlusher(WriteAheadLog wal, JournalParquetWriter writer, StorageClient storage,
            JournalRegistration registration, Clock clock, Path dataDir) {
        this.wal = wal;
        this.writer = writer;
        this.storage = storage;
        this.registration = registration;
        this.clock = clock;
        this.dataDir = dataDir;
    }

    /** Stores every unflushed event and registers the files; one flush at a time. */
    public FlushResult flush() {
        lock.lock();
        try {
            List<String> keys = new ArrayList<>();
            long rows = 0;
            String error = null;
            try {
                // Segments left by a failed flush or a previous run go first, so files keep time order.
                rows += storeSealed(keys);
                wal.seal();
                rows += storeSealed(keys);
            } catch (IOException | RuntimeException e) {
                error = failed("storing journal files", e);
            }
            int registered = 0;
            try {
                registered = registration.registerPending();
            } catch (IOException | RuntimeException e) {
                String failure = failed("registering " + JournalSchema.DATASET, e);
                error = error == null ? failure : error;
            }
            if (error == null) {
                lastError = null;
            }
            return new FlushResult(rows, keys, registered, wal.bufferedCount(), error);
        } finally {
            lock.unlock();
        }
    }

    private long storeSealed(List<String> keys) throws IOException {
        long rows = 0;
        for (WalSegment segment : wal.sealedSegments()) {
            if (!segment.events().isEmpty()) {
                store(segment);
                keys.add(segment.objectKey());
                rows += segment.events().size();
            }
            wal.complete(segment);
        }
        return rows;
    }

    private void store(WalSegment segment) throws IOException {
        Path file = writer.write(segment.events());
        try {
            StoredObject stored = storage.put(segment.objectKey(), file);
            registration.add(new DataObject(segment.objectKey(), stored.size(), stored.etag(), segment.events().size()));
        } finally {
            Files.deleteIfExists(file);
        }
        flushedRows.addAndGet(segment.events().size());
        filesWritten.incrementAndGet();
        lastFlushAt = clock.instant().toString();
        LOG.info("journal: stored " + segment.events().size() + " event(s) as " + segment.objectKey());
    }

    private String failed(String what, Exception e) {
        flushErrors.incrementAndGet();
        String reason = e instanceof LakehouseException ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + HostPaths.redact(e.getMessage(), dataDir, "<data_dir>");
        lastError = what + " failed: " + reason;
        LOG.warn("journal: " + lastError + "; the events stay in the WAL and the next flush retries");
        return lastError;
    }

    public long flushedRows() {
        return flushedRows.get();
    }

    public long filesWritten() {
        return filesWritten.get();
    }

    public long flushErrors() {
        return flushErrors.get();
    }

    public String lastFlushAt() {
        return lastFlushAt;
    }

    public String lastError() {
        return lastError;
    }
}
