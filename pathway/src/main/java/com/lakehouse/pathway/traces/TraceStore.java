package com.lakehouse.pathway.traces;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.shared.error.ConflictException;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.http.LakehouseJson;

import tools.jackson.databind.JsonNode;

/**
 * The Mem0-style operations over traces (SPEC §9). Every mutation is logged before memory
 * changes, so a failed append changes nothing and an acknowledged one survives a crash. Traces
 * are immutable records, so what a caller gets back can never alter what is stored.
 */
public final class TraceStore {

    /** How a history walk ended. */
    public enum HistoryEnd { ORIGIN, MISSING_PREDECESSOR, CYCLE }

    public record History(List<Trace> chain, HistoryEnd end) {
    }

    /** The trace after an add, and whether it already existed (idempotent replay). */
    public record Added(Trace trace, boolean existing) {
    }

    public record Stats(long traces, long retired, long logLines, long logBytes, TraceLog.ReplayReport replay, long quarantined) {
    }

    /** The defaults of {@link PathwayProperties}' limits. */
    public static final TraceBounds DEFAULT_BOUNDS = new TraceBounds(262_144, 32, 64, 256, 4096);

    private final TraceBounds bounds;
    private final TraceLog log;
    private final TraceSearchIndex index;
    private final Clock clock;
    private final Map<String, Trace> traces = new HashMap<>();
    /** SHA-256 of canonical content → uid of the live trace holding it, for idempotent adds. */
    private final Map<String, String> liveByContent = new HashMap<>();
    /** The reverse of liveByContent for every live trace, so forgetting one is a lookup, not a scan. */
    private final Map<String, String> digestByUid = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TraceLog.ReplayReport replay;
    /** Where the snapshot lives; null when the store keeps none. */
    private final Path snapshotFile;
    /** The log length the newest snapshot reflects (-1: none), so an unchanged store is not written again. */
    private volatile long snapshotLength;
    private volatile Thread snapshotter;

    /** A replay this long writes a snapshot right after startup, not only at shutdown. */
    static final long SNAPSHOT_AFTER_LINES = 1_000;
    private static final Log LOG = LogFactory.getLog(TraceStore.class);

    /** A store without a snapshot: every start replays the whole log. */
    TraceStore(TraceLog log, TraceSearchIndex index, Clock clock) {
        this(log, index, clock, null);
    }

    /** A store with the default bounds (tests and benches). */
    TraceStore(TraceLog log, TraceSearchIndex index, Clock clock, Path snapshotFile) {
        this(log, index, clock, snapshotFile, DEFAULT_BOUNDS);
    }

    /**
     * Recovers the state from the snapshot in {@code snapshotFile} and the log's suffix after it,
     * or from the whole log when there is no usable snapshot (null: never use one). After a long
     * replay, or one that quarantined lines, a new snapshot is written in the background; another at
     * {@link #close()}.
     */
    public TraceStore(TraceLog log, TraceSearchIndex index, Clock clock, Path snapshotFile, TraceBounds bounds) {
        this(log, index, clock, snapshotFile, bounds, null);
    }

    /**
     * As {@link #TraceStore(TraceLog, TraceSearchIndex, Clock, Path, TraceBounds)}, taking the
     * snapshot from {@code readAhead} when it read these same files (null: read it here).
     */
    public TraceStore(TraceLog log, TraceSearchIndex index, Clock clock, Path snapshotFile, TraceBounds bounds,
            SnapshotReadAhead readAhead) {
        this.bounds = bounds;
        this.log = log;
        this.index = index;
        this.clock = clock;
        this.snapshotFile = snapshotFile;
        long began = System.nanoTime();
        boolean readingAhead = snapshotFile != null && readAhead != null && readAhead.reads(snapshotFile, log.file());
        Optional<TraceSnapshot.State> snapshot = snapshotFile == null ? Optional.empty()
                : readingAhead ? readAhead.join() : TraceSnapshot.read(snapshotFile, log.file());
        long read = System.nanoTime();
        this.replay = snapshot.flatMap(this::recoverOrDiscard).orElseGet(this::replayAll);
        long fromSnapshot = snapshot.map(s -> s.appliedLines() + s.corruptLines() + s.unknownOpLines()).orElse(0L);
        long replayed = log.lines() - fromSnapshot;
        snapshotLength = snapshot.map(TraceSnapshot.State::logLength).orElse(-1L);
        LOG.info("recovered " + traces.size() + " traces in " + (System.nanoTime() - began) / 1_000_000 + " ms: "
                + fromSnapshot + " log lines from the snapshot (" + (readingAhead ? "read ahead; waited for it " : "read and checked in ")
                + (read - began) / 1_000_000 + " ms), " + replayed + " replayed from the log");
        // After a quarantine too: the snapshot then covers the lines set aside, so the next start
        // neither copies them aside again nor reports them again.
        if (snapshotFile != null && (replayed >= SNAPSHOT_AFTER_LINES || log.quarantined() > 0)) {
            snapshotter = Thread.ofVirtual().name("trace-snapshot").start(this::snapshotQuietly);
        }
    }

    /** The whole log, the last line of a uid winning; then the live traces are indexed in one pass. */
    private TraceLog.ReplayReport replayAll() {
        Map<String, JsonNode> contents = new HashMap<>();
        TraceLog.ReplayReport report = log.replay(entry -> {
            traces.put(entry.trace().uid(), entry.trace());
            contents.put(entry.trace().uid(), entry.content());
        });
        long unindexable = 0;
        for (Trace trace : List.copyOf(traces.values())) {
            if (!trace.retired()) {
                JsonNode content = contents.get(trace.uid());
                try {
                    index.putNew(trace, content);
                    rememberContent(trace.uid(), CanonicalJson.digest(content));
                } catch (RuntimeException e) {
                    // The log pass kept it; the index cannot: set it aside like a line replay cannot apply.
                    traces.remove(trace.uid());
                    log.quarantine(LakehouseJson.mapper().writeValueAsString(Map.of("op", "unindexable", "trace", trace)),
                            "cannot be indexed: " + e.getClass().getSimpleName());
                    unindexable++;
                }
            }
        }
        return unindexable == 0 ? report
                : new TraceLog.ReplayReport(report.applied() - unindexable, report.corrupt() + unindexable,
                        report.truncated(), report.unknownOp());
    }

    /**
     * The snapshot's state brought up to date from the log; when it cannot be loaded after all (its
     * index will not restore), everything is cleared and the caller replays the whole log.
     */
    private Optional<TraceLog.ReplayReport> recoverOrDiscard(TraceSnapshot.State snapshot) {
        try {
            return Optional.of(recover(snapshot));
        } catch (RuntimeException e) {
            LOG.warn("trace snapshot cannot be loaded, rebuilding from the log: " + e.getMessage());
            traces.clear();
            digestByUid.clear();
            liveByContent.clear();
            index.clear();
            return Optional.empty();
        }
    }

    /** The snapshot's state, then each line of the log after it applied as the mutation applied it. */
    private TraceLog.ReplayReport recover(TraceSnapshot.State snapshot) {
        for (Trace trace : snapshot.traces()) {
            traces.put(trace.uid(), trace);
        }
        digestByUid.putAll(snapshot.digestByUid());
        liveByContent.putAll(snapshot.liveByContent());
        index.restore(snapshot.index());
        return log.replay(snapshot.logLength(),
                new TraceLog.ReplayReport(snapshot.appliedLines(), snapshot.corruptLines(), 0, snapshot.unknownOpLines()),
                this::applyLogged);
    }

    /** Applies one line of the log's suffix; should that fail, memory is as before and the line is quarantined. */
    private void applyLogged(TraceLog.Entry entry) {
        Trace previous = traces.get(entry.trace().uid());
        try {
            applyLoggedLine(entry);
        } catch (RuntimeException e) {
            if (previous == null) {
                traces.remove(entry.trace().uid());
            } else {
                traces.put(previous.uid(), previous);
            }
            throw e;
        }
    }

    private void applyLoggedLine(TraceLog.Entry entry) {
        Trace trace = entry.trace();
        Trace previous = traces.put(trace.uid(), trace);
        boolean wasLive = previous != null && !previous.retired();
        if (wasLive && !trace.retired() && "replay".equals(entry.op())) {
            return; // an idempotent add counted again: same content, same document
        }
        if (trace.retired()) {
            forgetContent(trace.uid());
            if (wasLive) {
                index.remove(trace.uid());
            }
            return;
        }
        apply(trace, CanonicalJson.digest(entry.content()), entry.content(), wasLive ? previous : null);
    }

    /**
     * Writes a snapshot of the state as it stands: copied under the write lock (nothing changes
     * meanwhile, so it reflects exactly the log's current length), written to disk outside it.
     */
    void snapshot() throws IOException {
        if (snapshotFile == null) {
            return;
        }
        TraceSnapshot.State state;
        lock.writeLock().lock();
        try {
            long length = log.bytes();
            if (length == snapshotLength) {
                return;
            }
            long corrupt = replay.corrupt();
            long unknown = replay.unknownOp();
            state = new TraceSnapshot.State(length, log.lines() - corrupt - unknown, corrupt, unknown,
                    List.copyOf(traces.values()), Map.copyOf(digestByUid), Map.copyOf(liveByContent), index.image());
        } finally {
            lock.writeLock().unlock();
        }
        long began = System.nanoTime();
        TraceSnapshot.write(snapshotFile, log.file(), state);
        snapshotLength = state.logLength();
        LOG.info("trace snapshot written: " + state.traces().size() + " traces, " + state.logLength() + " log bytes, in "
                + (System.nanoTime() - began) / 1_000_000 + " ms");
    }

    private void snapshotQuietly() {
        try {
            snapshot();
        } catch (IOException | RuntimeException e) {
            LOG.warn("trace snapshot not written (the next start replays the log): " + e.getMessage());
        }
    }

    /** On the way down: the snapshot of the final state, so the next start replays nothing. */
    public void close() throws InterruptedException {
        Thread running = snapshotter;
        if (running != null) {
            running.join();
        }
        snapshotQuietly();
    }

    public Added add(JsonNode content, List<String> tags, boolean idempotent) {
        String text = checked(content, tags);
        List<String> cleanTags = cleanTags(tags);
        String digest = CanonicalJson.digest(content);
        return mutate(() -> {
            String existingUid = idempotent ? liveByContent.get(digest) : null;
            if (existingUid != null) {
                Trace replayed = traces.get(existingUid).replayed(now());
                long seq = write("replay", replayed);
                traces.put(replayed.uid(), replayed);
                return new Logged<>(new Added(replayed, true), seq);
            }
            String now = now();
            Trace trace = new Trace(UUID.randomUUID().toString(), text, cleanTags, now, now, null, false, 0);
            long seq = write("add", trace);
            apply(trace, digest, content, null);
            return new Logged<>(new Added(trace, false), seq);
        });
    }

    public Trace update(String uid, JsonNode content, List<String> tags) {
        String text = checked(content, tags);
        List<String> cleanTags = tags == null ? null : cleanTags(tags);
        String digest = CanonicalJson.digest(content);
        return mutate(() -> {
            Trace current = require(uid);
            if (current.retired()) {
                throw new ConflictException("trace " + uid + " is retired; revise it to record a new version");
            }
            Trace updated = current.withContent(text, cleanTags, now());
            long seq = write("update", updated);
            apply(updated, digest, content, current);
            return new Logged<>(updated, seq);
        });
    }

    public Trace revise(String uid, JsonNode content, List<String> tags) {
        String text = checked(content, tags);
        String digest = CanonicalJson.digest(content);
        return mutate(() -> {
            Trace predecessor = require(uid);
            String now = now();
            List<String> newTags = tags == null ? predecessor.tags() : cleanTags(tags);
            Trace revision = new Trace(UUID.randomUUID().toString(), text, newTags, now, now, uid, false, 0);
            long seq = write("revise", revision);
            apply(revision, digest, content, null);
            return new Logged<>(revision, seq);
        });
    }

    public Trace retire(String uid) {
        return mutate(() -> {
            Trace current = require(uid);
            if (current.retired()) {
                return new Logged<>(current, NOTHING_WRITTEN);
            }
            Trace retired = current.retire(now());
            long seq = write("retire", retired);
            traces.put(uid, retired);
            forgetContent(uid);
            index.remove(uid);
            return new Logged<>(retired, seq);
        });
    }

    /** A change's answer and the log line that records it ({@link #NOTHING_WRITTEN} when nothing changed). */
    private record Logged<T>(T result, long seq) {
    }

    private static final long NOTHING_WRITTEN = 0;

    /**
     * Runs a change under the store's write lock, then waits outside it until the change's log line
     * is on disk, so concurrent writers share one force. Readers may see the change a moment before
     * it is durable; its writer is answered only after.
     */
    private <T> T mutate(Supplier<Logged<T>> change) {
        Logged<T> logged;
        lock.writeLock().lock();
        try {
            logged = change.get();
        } finally {
            lock.writeLock().unlock();
        }
        if (logged.seq() != NOTHING_WRITTEN) {
            durable(logged.seq());
        }
        return logged.result();
    }

    public Trace get(String uid) {
        lock.readLock().lock();
        try {
            return require(uid);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The revision chain from uid back to its origin, newest first; stops at a gap or a loop. */
    public History history(String uid) {
        lock.readLock().lock();
        try {
            List<Trace> chain = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Trace current = require(uid);
            while (true) {
                chain.add(current);
                seen.add(current.uid());
                String previous = current.predecessor();
                if (previous == null) {
                    return new History(chain, HistoryEnd.ORIGIN);
                }
                if (seen.contains(previous)) {
                    return new History(chain, HistoryEnd.CYCLE);
                }
                current = traces.get(previous);
                if (current == null) {
                    return new History(chain, HistoryEnd.MISSING_PREDECESSOR);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Ranked live traces with their scores; retired traces are not in the index at all. */
    public List<Map.Entry<Trace, Float>> search(String query, List<String> tags, int limit) {
        bounds.checkQuery(query);
        bounds.checkTags(tags, "tags");
        List<String> filter = tags == null ? List.of() : cleanTags(tags);
        List<TraceSearchIndex.Match> matches;
        lock.readLock().lock();
        try {
            matches = index.search(query, filter, limit);
            List<Map.Entry<Trace, Float>> out = new ArrayList<>(matches.size());
            for (TraceSearchIndex.Match match : matches) {
                Trace trace = traces.get(match.uid());
                if (trace != null && !trace.retired()) {
                    out.add(Map.entry(trace, match.score()));
                }
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The quarantine file's name beside the log (no host path). */
    public String quarantineFileName() {
        return log.quarantineFile().getFileName().toString();
    }

    public Stats stats() {
        lock.readLock().lock();
        try {
            long retired = traces.values().stream().filter(Trace::retired).count();
            return new Stats(traces.size(), retired, log.lines(), log.bytes(), replay, log.quarantined());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Puts a written trace into memory and the index. A trace without a previous version has a
     * fresh uid, so its document is added without the delete-by-uid an update needs (Lucene
     * resolves every buffered delete against every segment at the next refresh).
     */
    private void apply(Trace trace, String digest, JsonNode content, Trace previous) {
        traces.put(trace.uid(), trace);
        if (previous != null) {
            forgetContent(previous.uid());
            index.put(trace, content);
        } else {
            index.putNew(trace, content);
        }
        rememberContent(trace.uid(), digest);
    }

    private void rememberContent(String uid, String digest) {
        digestByUid.put(uid, digest);
        liveByContent.putIfAbsent(digest, uid);
    }

    private void forgetContent(String uid) {
        String digest = digestByUid.remove(uid);
        if (digest != null) {
            liveByContent.remove(digest, uid);
        }
    }

    /** Writes the line under the caller's lock; memory changes only after this succeeds. */
    private long write(String op, Trace trace) {
        try {
            return log.append(op, trace);
        } catch (RuntimeException e) {
            throw new UnavailableException("the trace log cannot be written; nothing was changed", e);
        }
    }

    /**
     * Waits until the line is on disk. Should the force itself fail, the writer gets a 503 for a
     * change that is in memory and in the OS's copy of the log.
     */
    private void durable(long seq) {
        try {
            log.awaitDurable(seq);
        } catch (RuntimeException e) {
            throw new UnavailableException("the trace log could not be forced to disk", e);
        }
    }

    private Trace require(String uid) {
        return Optional.ofNullable(traces.get(uid))
                .orElseThrow(() -> new NotFoundException("no trace with uid " + uid));
    }

    /**
     * Every field of a mutation within its bound, before anything is written: returns the content's
     * compact JSON text, which is what the log and the trace hold.
     */
    private String checked(JsonNode content, List<String> tags) {
        requireContent(content);
        bounds.checkTags(tags, "tags");
        String text = compact(content);
        bounds.checkContent(content, text);
        return text;
    }

    private static void requireContent(JsonNode content) {
        if (content == null || content.isMissingNode() || content.isNull()) {
            throw new InvalidRequestException("content is required: any JSON value but null");
        }
    }

    private static List<String> cleanTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                throw new InvalidRequestException("tags must be non-empty strings");
            }
            out.add(tag.trim());
        }
        return List.copyOf(out);
    }

    private static String compact(JsonNode content) {
        return LakehouseJson.mapper().writeValueAsString(content);
    }

    private String now() {
        return Instant.now(clock).toString();
    }
}
