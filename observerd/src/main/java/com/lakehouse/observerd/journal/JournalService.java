package com.lakehouse.observerd.journal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.shared.error.LakehouseException;
import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.journal.JournalEvent;
import com.lakehouse.shared.storage.StoredObject;

/** The journal as its routes see it: durable appends, and reads over the WAL buffer plus the stored files. */
public class JournalService {

    static final String DEFAULT_SOURCE = "unknown";

    private static final Log LOG = LogFactory.getLog(JournalService.class);
    private static final Comparator<JournalEvent> NEWEST_FIRST =
            Comparator.comparing(JournalEvent::timestamp, Comparator.nullsFirst(Comparator.naturalOrder())).reversed();

    private final WriteAheadLog wal;
    private final JournalFiles files;
    private final JournalFlusher flusher;
    private final JournalRegistration registration;
    private final JournalFlushScheduler scheduler;
    private final int flushRows;
    private final int maxPending;
    private final long flushEveryMs;
    private final Clock clock;
    private final JournalLimits limits;

    public JournalService(WriteAheadLog wal, JournalFiles files, JournalFlusher flusher, JournalRegistration registration,
            JournalFlushScheduler scheduler, int flushRows, int maxPending, long flushEveryMs, Clock clock) {
        this(wal, files, flusher, registration, scheduler, flushRows, maxPending, flushEveryMs, clock, JournalLimits.DEFAULTS);
    }

    public JournalService(WriteAheadLog wal, JournalFiles files, JournalFlusher flusher, JournalRegistration registration,
            JournalFlushScheduler scheduler, int flushRows, int maxPending, long flushEveryMs, Clock clock,
            JournalLimits limits) {
        this.limits = limits;
        this.wal = wal;
        this.files = files;
        this.flusher = flusher;
        this.registration = registration;
        this.scheduler = scheduler;
        this.flushRows = flushRows;
        this.maxPending = maxPending;
        this.flushEveryMs = flushEveryMs;
        this.clock = clock;
    }

    /** Validates the batch, then makes it durable; returns only once every event is on disk. */
    public int append(List<JournalEvent> events) {
        return append(events, UnaryOperator.identity());
    }

    /**
     * Validates the batch (every member within its bound, as sent), then lets {@code attribute} check
     * and stamp who sent it, then makes it durable; returns only once every event is on disk.
     */
    public int append(List<JournalEvent> events, UnaryOperator<List<JournalEvent>> attribute) {
        List<JournalEvent> valid = attribute.apply(JournalEvents.normalize(events, limits, DEFAULT_SOURCE, clock.instant()));
        int pending = wal.bufferedCount();
        if (pending + valid.size() > maxPending) {
            // The WAL's events are also held in memory until flushed: refuse rather than grow the
            // heap while storaged or catalogd is away. Senders keep theirs and retry.
            scheduler.requestFlush();
            throw new UnavailableException("the journal holds " + pending + " unflushed event(s), its bound is "
                    + maxPending + " (journal_max_pending); nothing was recorded, retry after the next flush",
                    java.time.Duration.ofSeconds(5), null);
        }
        try {
            wal.append(valid);
        } catch (IOException e) {
            LOG.error("journal: write-ahead log append failed (" + e.getClass().getSimpleName() + ")");
            throw new UnavailableException("the journal's write-ahead log cannot be written; nothing was recorded");
        }
        if (wal.activeCount() >= flushRows) {
            scheduler.requestFlush();
        }
        return valid.size();
    }

    /** The entity's events, newest first. */
    public List<JournalEvent> entity(String entityId, int limit) {
        List<JournalEvent> buffered = wal.buffered().stream().filter(e -> entityId.equals(e.entityId())).toList();
        List<JournalEvent> stored = files.entity(files.list(), entityId, limit);
        return merge(buffered, stored, limit);
    }

    /** The newest events, buffered or stored. */
    public List<JournalEvent> recent(int limit) {
        List<JournalEvent> buffered = wal.buffered();
        List<JournalEvent> tail = buffered.subList(Math.max(0, buffered.size() - limit), buffered.size());
        List<JournalEvent> stored = files.recent(files.list(), limit);
        return merge(tail, stored, limit);
    }

    public FlushResult flush() {
        return flusher.flush();
    }

    public JournalStats stats() {
        Integer fileCount;
        try {
            List<StoredObject> listed = files.list();
            fileCount = listed.size();
        } catch (LakehouseException e) {
            fileCount = null;
        }
        return new JournalStats(wal.bufferedCount(), wal.sealedSegments().size(), flusher.flushedRows(),
                flusher.filesWritten(), fileCount, registration.pendingCount(), flusher.flushErrors(),
                flusher.lastFlushAt(), flusher.lastError(), wal.skippedLines(), wal.quarantinedLines(), flushRows,
                flushEveryMs);
    }

    /**
     * Newest first by timestamp; among equal timestamps the buffer (newer arrivals) wins. An event in
     * both places (a flush finished between the two reads, or a client retried a batch) appears once.
     */
    static List<JournalEvent> merge(List<JournalEvent> bufferedOldestFirst, List<JournalEvent> storedNewestFirst,
            int limit) {
        List<JournalEvent> all = new ArrayList<>(bufferedOldestFirst.size() + storedNewestFirst.size());
        for (int i = bufferedOldestFirst.size() - 1; i >= 0; i--) {
            all.add(bufferedOldestFirst.get(i));
        }
        all.addAll(storedNewestFirst);
        all.sort(NEWEST_FIRST);
        Set<String> seen = new HashSet<>();
        List<JournalEvent> out = new ArrayList<>(Math.min(limit, all.size()));
        for (JournalEvent event : all) {
            if (out.size() >= limit) {
                break;
            }
            if (seen.add(event.eventId())) {
                out.add(event);
            }
        }
        return out;
    }
}
