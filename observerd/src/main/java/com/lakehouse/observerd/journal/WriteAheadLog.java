package com.lakehouse.observerd.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.journal.JournalEvent;

/**
 * The unflushed part of the journal, on disk and in memory. Appends go to {@code journal-wal.jsonl}
 * and are forced to disk before {@link #append} returns, so an acknowledged event survives kill -9.
 * A flush first {@link #seal seals} the active file (an atomic rename into {@code journal-wal.sealed/});
 * events appended meanwhile start a new active file, and only the sealed segment is removed once its
 * Parquet file is stored ({@link #complete}). {@link #open} replays both after a restart; a last line
 * cut short by a crash was never acknowledged and is dropped.
 */
public class WriteAheadLog implements AutoCloseable {

    static final String ACTIVE_FILE = "journal-wal.jsonl";
    static final String SEALED_DIR = "journal-wal.sealed";
    static final String QUARANTINE_FILE = "journal-wal.quarantine.jsonl";

    /** Told of each WAL line replay set aside: where its copy is (relative to the data directory) and why. */
    @FunctionalInterface
    public interface QuarantineListener {
        void quarantined(String where, String reason);

        QuarantineListener NONE = (where, reason) -> { };
    }

    private static final Log LOG = LogFactory.getLog(WriteAheadLog.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path active;
    private final Path sealedDir;
    private final Path quarantine;
    private final QuarantineListener listener;
    private long quarantinedLines;
    private final Clock clock;
    private final List<JournalEvent> activeEvents = new ArrayList<>();
    private final TreeMap<String, WalSegment> sealed = new TreeMap<>();
    private FileChannel channel;
    private boolean recovered;
    private long sealSeq;
    private long skippedLines;

    public WriteAheadLog(Path dataDir, Clock clock) {
        this(dataDir, clock, QuarantineListener.NONE);
    }

    public WriteAheadLog(Path dataDir, Clock clock, QuarantineListener listener) {
        this.listener = listener;
        this.quarantine = dataDir.resolve(QUARANTINE_FILE);
        this.active = dataDir.resolve(ACTIVE_FILE);
        this.sealedDir = dataDir.resolve(SEALED_DIR);
        this.clock = clock;
    }

    /**
     * What a WAL file held: the complete events, how many lines were cut short or unreadable, and
     * those lines themselves.
     */
    public record Replay(List<JournalEvent> events, int skippedLines, List<Rejected> rejected) {
    }

    /** A line replay could not apply; {@code torn} for a last line a crash cut short (never acknowledged). */
    public record Rejected(String line, String reason, boolean torn) {
    }

    /**
     * Recovers what a previous run left: the active file is sealed as it is, every sealed segment is
     * loaded. Idempotent; {@link #append} calls it when startup could not (an unwritable directory).
     */
    public synchronized void open() throws IOException {
        if (recovered) {
            return;
        }
        Files.createDirectories(sealedDir);
        // Sequence numbers continue across restarts, so names sort in sealing order even within one millisecond.
        sealedFiles().forEach(p -> sealSeq = Math.max(sealSeq, sequenceOf(p)));
        if (Files.exists(active)) {
            moveActiveToSealed(nextName());
        }
        for (Path file : sealedFiles()) {
            Replay replay = read(file);
            skippedLines += replay.skippedLines();
            setAside(file, replay.rejected());
            if (replay.events().isEmpty()) {
                Files.delete(file);
                continue;
            }
            if (!replay.rejected().isEmpty()) {
                rewrite(file, replay.events());
            }
            String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
            sealed.put(name, new WalSegment(name, file, replay.events()));
        }
        recovered = true;
        if (!sealed.isEmpty()) {
            LOG.info("journal: replayed " + bufferedCount() + " unflushed event(s) in " + sealed.size() + " segment(s)");
        }
    }

    /** Appends the events as JSON lines and forces them to disk; all or none become part of the log. */
    public synchronized void append(List<JournalEvent> events) throws IOException {
        open();
        StringBuilder text = new StringBuilder(events.size() * 256);
        for (JournalEvent event : events) {
            text.append(LakehouseJson.mapper().writeValueAsString(event)).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        FileChannel ch = channel();
        long start = ch.position();
        try {
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            ch.force(false);
        } catch (IOException e) {
            undo(ch, start);
            throw e;
        }
        activeEvents.addAll(events);
    }

    /** Seals the active file if it holds events: it becomes an immutable segment awaiting flush. */
    public synchronized Optional<WalSegment> seal() throws IOException {
        open();
        if (activeEvents.isEmpty()) {
            return Optional.empty();
        }
        closeChannel();
        String name = nextName();
        Path target = moveActiveToSealed(name);
        WalSegment segment = new WalSegment(name, target, activeEvents);
        sealed.put(name, segment);
        activeEvents.clear();
        return Optional.of(segment);
    }

    /** Sealed segments, oldest first. */
    public synchronized List<WalSegment> sealedSegments() {
        return List.copyOf(sealed.values());
    }

    /** Drops a segment whose events are now stored elsewhere. */
    public synchronized void complete(WalSegment segment) throws IOException {
        Files.deleteIfExists(segment.path());
        sealed.remove(segment.name());
    }

    /** Every unflushed event, oldest first. */
    public synchronized List<JournalEvent> buffered() {
        List<JournalEvent> all = new ArrayList<>(bufferedCount());
        sealed.values().forEach(s -> all.addAll(s.events()));
        all.addAll(activeEvents);
        return all;
    }

    public synchronized int bufferedCount() {
        return activeEvents.size() + sealed.values().stream().mapToInt(s -> s.events().size()).sum();
    }

    /** Events appended since the last seal: what {@code flush_rows} is compared with. */
    public synchronized int activeCount() {
        return activeEvents.size();
    }

    /** Lines dropped during replay because a crash cut them short or they were unreadable. */
    public synchronized long skippedLines() {
        return skippedLines;
    }

    /**
     * Reads a WAL file. Only newline-terminated lines count: a write is acknowledged after its newline
     * reached the disk, so a tail without one is a write that a crash interrupted.
     */
    public static Replay read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<JournalEvent> events = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            if (i > start) {
                String problem;
                try {
                    JournalEvent event = LakehouseJson.mapper().readValue(bytes, start, i - start, JournalEvent.class);
                    problem = missingMember(event);
                    if (problem == null) {
                        events.add(event);
                    }
                } catch (RuntimeException e) {
                    problem = "not a journal event (" + e.getClass().getSimpleName() + ")";
                }
                if (problem != null) {
                    rejected.add(new Rejected(new String(bytes, start, i - start, StandardCharsets.UTF_8), problem, false));
                }
            }
            start = i + 1;
        }
        if (start < bytes.length) {
            rejected.add(new Rejected(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8),
                    "cut short by a crash", true));
        }
        if (!rejected.isEmpty()) {
            LOG.warn("journal: skipped " + rejected.size() + " incomplete or unreadable line(s) in " + file.getFileName());
        }
        return new Replay(events, rejected.size(), List.copyOf(rejected));
    }

    /** What an event needs to be flushed: the members every accepted event has. */
    private static String missingMember(JournalEvent e) {
        if (e == null) {
            return "null";
        }
        if (blank(e.eventId()) || blank(e.timestamp()) || blank(e.entityType()) || blank(e.entityId())
                || blank(e.action())) {
            return "missing event_id, timestamp, entity_type, entity_id or action";
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Copies rejected lines to the quarantine file (never deleted); each one that is not a torn tail
     * is counted and reported (the service's /health says degraded).
     */
    private void setAside(Path file, List<Rejected> rejected) {
        for (Rejected r : rejected) {
            try {
                Files.write(quarantine, (r.line() + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                LOG.error("journal: cannot copy a skipped WAL line to " + QUARANTINE_FILE + ": " + e.getMessage());
            }
            if (!r.torn()) {
                quarantinedLines++;
                listener.quarantined(QUARANTINE_FILE, r.reason() + " (from " + file.getFileName() + ")");
            }
        }
    }

    /**
     * Replaces a segment by its good events once its rejected lines are kept in the quarantine file,
     * so the next start neither sets them aside again nor reports them again.
     */
    private static void rewrite(Path file, List<JournalEvent> events) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        StringBuilder text = new StringBuilder();
        for (JournalEvent event : events) {
            text.append(LakehouseJson.mapper().writeValueAsString(event)).append('\n');
        }
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            ch.force(false);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** WAL lines set aside as unappliable since start. */
    public synchronized long quarantinedLines() {
        return quarantinedLines;
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(active, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            long size = channel.size();
            channel.position(size);
            if (size > 0 && !endsWithNewline(channel, size)) {
                // A failed write we could not undo left half a line: end it, so the next event starts
                // a line of its own and replay skips only the broken one.
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
            }
        }
        return channel;
    }

    private static boolean endsWithNewline(FileChannel ch, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        ch.read(last, size - 1);
        return last.get(0) == '\n';
    }

    private void undo(FileChannel ch, long start) {
        try {
            ch.truncate(start);
            ch.position(start);
        } catch (IOException e) {
            closeChannel();
        }
    }

    private List<Path> sealedFiles() throws IOException {
        try (Stream<Path> files = Files.list(sealedDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    /** The sequence part of a sealed file's name ({@code <stamp>-<seq>-<random>.jsonl}), or 0. */
    private static long sequenceOf(Path file) {
        String[] parts = file.getFileName().toString().split("-");
        try {
            return parts.length >= 3 ? Long.parseLong(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Path moveActiveToSealed(String name) throws IOException {
        Path target = sealedDir.resolve(name + ".jsonl");
        Files.move(active, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private String nextName() {
        sealSeq++;
        return STAMP.format(clock.instant()) + "-" + String.format("%010d", sealSeq) + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the data was forced already; a close failure loses nothing
            }
            channel = null;
        }
    }

    @Override
    public synchronized void close() {
        closeChannel();
    }
}
