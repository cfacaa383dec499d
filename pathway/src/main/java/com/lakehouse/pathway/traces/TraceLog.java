package com.lakehouse.pathway.traces;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.text.Utf8;

import tools.jackson.databind.JsonNode;

/**
 * The append-only JSONL log every mutation goes to before it is acknowledged. Each line holds the
 * operation and the whole resulting trace, so replay is "the last line for a uid wins".
 *
 * <p>Lines are written whole under one lock (two writers never interleave). Durability is a group
 * commit: a writer waits until a force covering its line has happened, and one force serves every
 * writer queued behind it. Replay never fails: a line it cannot apply (not JSON, not a trace, an
 * unknown operation, a trace the index cannot hold, or one whose application throws) is skipped,
 * copied as it is to {@code <log>.quarantine.jsonl} beside the log (never deleted), counted, and
 * reported to the {@link QuarantineListener} (the service's {@code /health} says degraded). A
 * truncated last line (a crash mid-write, never acknowledged) is copied there too and cut off so the
 * next append starts clean; it is counted as truncated, not reported.
 */
public final class TraceLog implements Closeable {

    static final Set<String> OPERATIONS = Set.of("add", "update", "revise", "retire", "replay");
    private static final Log LOG = LogFactory.getLog(TraceLog.class);

    /** Told of each line set aside: where the copy is (relative to the data directory) and why. */
    @FunctionalInterface
    public interface QuarantineListener {
        void quarantined(String where, String reason);

        QuarantineListener NONE = (where, reason) -> { };
    }

    private final Path file;
    private final Path quarantineFile;
    private final QuarantineListener listener;
    private final AtomicLong quarantined = new AtomicLong();
    private final boolean fsync;
    private final FileChannel channel;
    private final Object syncLock = new Object();
    private long writtenSeq;
    /** A failed append could not be cut off: the log may end in half a line. Guarded by this. */
    private boolean torn;
    private volatile long syncedSeq;
    private final AtomicLong lines = new AtomicLong();

    /** What replay saw. */
    public record ReplayReport(long applied, long corrupt, long truncated, long unknownOp) {
    }

    /** A line as replay hands it to the store: the operation, the trace, and its content as a tree. */
    record Entry(String op, Trace trace, JsonNode content) {
    }

    TraceLog(Path file, boolean fsync) {
        this(file, fsync, QuarantineListener.NONE);
    }

    public TraceLog(Path file, boolean fsync, QuarantineListener listener) {
        this(file, fsync, listener, channel -> channel);
    }

    /** {@code wrap} lets a test put a failing channel around the file's. */
    TraceLog(Path file, boolean fsync, QuarantineListener listener, UnaryOperator<FileChannel> wrap) {
        this.file = file;
        this.listener = listener;
        String name = file.getFileName().toString();
        this.quarantineFile = file.resolveSibling(name.replaceFirst("\\.jsonl$", "") + ".quarantine.jsonl");
        this.fsync = fsync;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.channel = wrap.apply(
                    FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ));
            channel.position(channel.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the trace log " + file.getFileName(), e);
        }
    }

    /** Reads every line, handing valid entries to {@code apply}; cuts off a torn last line. */
    ReplayReport replay(java.util.function.Consumer<Entry> apply) {
        return replay(0, new ReplayReport(0, 0, 0, 0), apply);
    }

    /**
     * Reads the lines from byte {@code from} on (the end of a prefix a snapshot already reflects,
     * whose counts are {@code before}), handing valid entries to {@code apply}; cuts off a torn
     * last line. The report counts the whole log, prefix included.
     */
    ReplayReport replay(long from, ReplayReport before, java.util.function.Consumer<Entry> apply) {
        long applied = before.applied();
        long corrupt = before.corrupt();
        long truncated = 0;
        long unknown = before.unknownOp();
        long goodEnd = from;
        long offset = from;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(from);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    offset++;
                    if (buffer[i] != '\n') {
                        line.write(buffer[i]);
                        continue;
                    }
                    goodEnd = offset;
                    String text = line.toString(StandardCharsets.UTF_8);
                    switch (parse(text)) {
                        case Parsed.Ok ok -> {
                            try {
                                apply.accept(ok.entry());
                                applied++;
                            } catch (RuntimeException e) {
                                quarantine(text, "cannot be applied: " + e.getClass().getSimpleName());
                                corrupt++;
                            }
                        }
                        case Parsed.Unknown u -> {
                            quarantine(text, "unknown operation");
                            unknown++;
                        }
                        case Parsed.Corrupt c -> {
                            quarantine(text, c.reason());
                            corrupt++;
                        }
                    }
                    line.reset();
                }
            }
            if (line.size() > 0) {
                truncated++;
                keepAside(line.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            LOG.error("cannot read the trace log " + file.getFileName() + ": " + e.getMessage());
        }
        if (truncated > 0) {
            cutTo(goodEnd);
        }
        lines.set(applied + corrupt + unknown);
        if (corrupt + truncated + unknown > 0) {
            LOG.warn("trace log replay skipped " + corrupt + " corrupt, " + truncated + " truncated and " + unknown
                    + " unknown-operation line(s)");
        }
        return new ReplayReport(applied, corrupt, truncated, unknown);
    }

    private sealed interface Parsed {
        record Ok(Entry entry) implements Parsed {
        }

        record Unknown() implements Parsed {
        }

        record Corrupt(String reason) implements Parsed {
        }
    }

    private static Parsed parse(String line) {
        if (line.isBlank()) {
            return new Parsed.Corrupt("blank line");
        }
        try {
            JsonNode node = LakehouseJson.mapper().readTree(line);
            String op = node.path("op").asString(null);
            JsonNode t = node.get("trace");
            if (op == null || t == null || !t.isObject() || t.path("uid").asString("").isEmpty() || !t.has("content")) {
                return new Parsed.Corrupt("not a trace log line (op, trace.uid, trace.content)");
            }
            if (!OPERATIONS.contains(op)) {
                return new Parsed.Unknown();
            }
            List<String> tags = t.path("tags").isArray()
                    ? t.path("tags").valueStream().map(v -> v.asString()).toList() : List.of();
            for (String tag : tags) {
                if (Utf8.length(tag) > TraceBounds.LUCENE_MAX_TERM_BYTES) {
                    return new Parsed.Corrupt("a tag longer than the index's longest term ("
                            + TraceBounds.LUCENE_MAX_TERM_BYTES + " bytes)");
                }
            }
            JsonNode content = t.get("content");
            Trace trace = new Trace(t.get("uid").asString(), LakehouseJson.mapper().writeValueAsString(content), tags,
                    t.path("created_at").asString(null), t.path("updated_at").asString(null),
                    t.path("predecessor").isNull() ? null : t.path("predecessor").asString(null),
                    t.path("retired").asBoolean(false), t.path("replay_count").asLong(0));
            return new Parsed.Ok(new Entry(op, trace, content));
        } catch (RuntimeException e) {
            return new Parsed.Corrupt("not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Writes one line (handed to the OS, not yet forced) and returns its sequence number for
     * {@link #awaitDurable}. All or nothing: should the write fail part-way, the bytes it wrote are
     * truncated away before this throws, so the next acknowledged line is not glued to half a line
     * and swallowed at replay (issue 21). Should even the truncation fail, the next append first
     * ends the torn line, so replay loses only the line that was never acknowledged.
     */
    long append(String op, Trace trace) {
        byte[] bytes = (LakehouseJson.mapper().writeValueAsString(new LogLine(op, trace)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        long mySeq;
        synchronized (this) {
            long start = -1;
            try {
                if (torn) {
                    endTornLine();
                }
                start = channel.position();
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                if (start >= 0) {
                    undo(start);
                }
                throw new UncheckedIOException("cannot append to the trace log", e);
            }
            mySeq = ++writtenSeq;
            lines.incrementAndGet();
        }
        return mySeq;
    }

    /** Cuts the log back to {@code start}, where the failed line began. */
    private void undo(long start) {
        try {
            channel.truncate(start);
            channel.position(start);
        } catch (IOException e) {
            torn = true;
            LOG.error("cannot cut a failed append off the trace log (" + e.getMessage() + "); the next append ends it");
        }
    }

    /** After an undo that failed: positions at the end and ends a partial line there with a newline. */
    private void endTornLine() throws IOException {
        long size = channel.size();
        channel.position(size);
        if (size > 0) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            if (last.get(0) != '\n') {
                ByteBuffer newline = ByteBuffer.wrap(new byte[] {'\n'});
                while (newline.hasRemaining()) {
                    channel.write(newline);
                }
            }
        }
        torn = false;
    }

    /**
     * Returns once the line with this sequence number is on disk (when fsync is on). Callers wait
     * here outside any lock of their own, so one force serves every writer queued behind it.
     */
    void awaitDurable(long seq) {
        if (fsync) {
            syncUpTo(seq);
        }
    }

    private record LogLine(String op, Trace trace) {
    }

    private void syncUpTo(long seq) {
        if (syncedSeq >= seq) {
            return;
        }
        synchronized (syncLock) {
            if (syncedSeq >= seq) {
                return;
            }
            long target;
            synchronized (this) {
                target = writtenSeq;
            }
            try {
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot force the trace log to disk", e);
            }
            syncedSeq = target;
        }
    }

    long lines() {
        return lines.get();
    }

    /** Lines set aside since this log was opened. */
    long quarantined() {
        return quarantined.get();
    }

    Path quarantineFile() {
        return quarantineFile;
    }

    /**
     * Copies a line replay could not apply to the quarantine file, counts it and tells the listener.
     * Also used by the store for a trace whose indexing failed after the log pass.
     */
    void quarantine(String line, String reason) {
        keepAside(line);
        quarantined.incrementAndGet();
        listener.quarantined(quarantineFile.getFileName().toString(), reason);
    }

    private void keepAside(String line) {
        try {
            Files.write(quarantineFile, (line + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.error("cannot copy a skipped line to " + quarantineFile.getFileName() + ": " + e.getMessage());
        }
    }

    public Path file() {
        return file;
    }

    long bytes() {
        try {
            return channel.size();
        } catch (IOException e) {
            return -1;
        }
    }

    private void cutTo(long length) {
        try {
            channel.truncate(length);
            channel.position(length);
        } catch (IOException e) {
            LOG.error("cannot cut the torn last line off the trace log: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
