package com.lakehouse.pathway.traces;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The store's state and its search index as they stood after the first {@code logLength} bytes of
 * the trace log, in one file beside it, so a start reads it and replays only the log's suffix
 * instead of parsing and indexing every line again.
 *
 * <p>The log stays the source of truth. The snapshot records the length and CRC-32 of the log
 * prefix it reflects and is used only when the log on disk still begins with those bytes; it ends
 * with the CRC-32 of its own content. (CRC-32 finds any torn write, flipped bits or other log, as
 * a digest would, at zlib's speed before the JIT has warmed up; nobody forges a local file.) A snapshot that is torn, corrupt, from another log, or
 * longer than the log (lines lost in a crash) is discarded and the state rebuilt from the log. It
 * is written to a temporary file, forced, and renamed over the old one, so a crash while writing
 * leaves the previous snapshot (or none), never half of one.
 */
final class TraceSnapshot {

    private static final Log LOG = LogFactory.getLog(TraceSnapshot.class);
    /** "PWN2": each trace carries its digest; a "PWN1" snapshot is not read (the log rebuilds it). */
    private static final int MAGIC = 0x50574e32;
    private static final int CHECKSUM_BYTES = 8;

    /**
     * What the store holds after the log prefix: every trace (the last line of each uid), the
     * content digests of the live ones, the search index, and the replay counts a full replay of
     * that prefix would report.
     */
    record State(long logLength, long appliedLines, long corruptLines, long unknownOpLines,
            List<Trace> traces, Map<String, String> digestByUid, Map<String, String> liveByContent,
            TraceSearchIndex.Image index) {
    }

    private TraceSnapshot() {
    }

    /** Writes the snapshot of {@code state}, whose prefix is the first logLength bytes of {@code log}. */
    static void write(Path file, Path log, State state) throws IOException {
        long prefixChecksum = checksumPrefix(log, state.logLength());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        CRC32 crc = new CRC32();
        try (OutputStream raw = Files.newOutputStream(temp);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(raw, crc), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeLong(state.logLength());
            out.writeLong(prefixChecksum);
            out.writeLong(state.appliedLines());
            out.writeLong(state.corruptLines());
            out.writeLong(state.unknownOpLines());
            out.writeInt(state.traces().size());
            for (Trace trace : state.traces()) {
                String digest = state.digestByUid().get(trace.uid());
                writeTrace(out, trace, digest, digest != null && trace.uid().equals(state.liveByContent().get(digest)));
            }
            out.writeLong(state.index().sequence());
            out.writeInt(state.index().files().size());
            for (Map.Entry<String, byte[]> f : state.index().files().entrySet()) {
                writeString(out, f.getKey());
                out.writeInt(f.getValue().length);
                out.write(f.getValue());
            }
            out.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The snapshot in {@code file} when it is whole and the log still begins with the prefix it
     * reflects; empty (with the reason logged) otherwise, or when there is none. The log's prefix
     * is checked on another thread while the snapshot is parsed.
     */
    static Optional<State> read(Path file, Path log) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer header = ByteBuffer.wrap(bytes);
            if (bytes.length < 28 + CHECKSUM_BYTES || header.getInt() != MAGIC) {
                return discard(file, "it is not a trace snapshot");
            }
            long length = header.getLong();
            long recordedPrefix = header.getLong();
            long logSize = Files.size(log);
            if (logSize < length) {
                return discard(file, "the log is shorter (" + logSize + " bytes) than the " + length
                        + " bytes the snapshot reflects");
            }
            CompletableFuture<Long> prefix = CompletableFuture.supplyAsync(() -> {
                try {
                    return checksumPrefix(log, length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - CHECKSUM_BYTES);
            if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - CHECKSUM_BYTES, CHECKSUM_BYTES).getLong()) {
                prefix.cancel(false);
                return discard(file, "its checksum does not match its content");
            }
            State state = parse(ByteBuffer.wrap(bytes, 0, bytes.length - CHECKSUM_BYTES), length);
            if (prefix.join() != recordedPrefix) {
                return discard(file, "the log's first " + length + " bytes are not the ones it was made from");
            }
            return Optional.of(state);
        } catch (IOException | RuntimeException e) {
            return discard(file, "it cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Optional<State> discard(Path file, String why) {
        LOG.warn("trace snapshot " + file.getFileName() + " discarded, rebuilding from the log: " + why);
        return Optional.empty();
    }

    /** The body after the header's magic, log length and prefix checksum. */
    private static State parse(ByteBuffer in, long logLength) {
        in.position(20);
        long applied = in.getLong();
        long corrupt = in.getLong();
        long unknown = in.getLong();
        int count = in.getInt();
        List<Trace> traces = new ArrayList<>(count);
        Map<String, String> digestByUid = HashMap.newHashMap(count);
        Map<String, String> liveByContent = HashMap.newHashMap(count);
        for (int i = 0; i < count; i++) {
            Trace trace = readTrace(in);
            traces.add(trace);
            String digest = readAscii(in);
            boolean holder = in.get() != 0;
            if (digest != null) {
                // The maps share the trace's uid and one digest string: a third of the strings a
                // start once made for them.
                digestByUid.put(trace.uid(), digest);
                if (holder) {
                    liveByContent.put(digest, trace.uid());
                }
            }
        }
        long sequence = in.getLong();
        int files = in.getInt();
        Map<String, byte[]> indexFiles = new LinkedHashMap<>();
        for (int i = 0; i < files; i++) {
            String name = readString(in);
            byte[] data = new byte[in.getInt()];
            in.get(data);
            indexFiles.put(name, data);
        }
        if (in.hasRemaining()) {
            throw new IllegalStateException("trailing bytes after the index");
        }
        return new State(logLength, applied, corrupt, unknown, traces, digestByUid, liveByContent,
                new TraceSearchIndex.Image(indexFiles, sequence));
    }

    /**
     * CRC-32 of the first {@code length} bytes of {@code file}: zlib's native code, fast even before
     * the JIT has compiled anything, which is when a start needs it.
     */
    static long checksumPrefix(Path file, long length) throws IOException {
        CRC32 crc = new CRC32();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
            long left = length;
            while (left > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                int n = channel.read(buffer, length - left);
                if (n < 0) {
                    throw new IOException("the log ended at " + (length - left) + " of " + length + " bytes");
                }
                buffer.flip();
                crc.update(buffer);
                left -= n;
            }
        }
        return crc.getValue();
    }

    /**
     * One trace, then the SHA-256 of its content when it is live (null otherwise) and whether it is
     * the trace an idempotent add of that content finds: the two maps of {@link State}, each entry
     * beside its trace. (Every liveByContent entry is some live trace's digest and uid.) An
     * updatedAt equal to createdAt, as every trace never changed has, is written as a flag.
     */
    private static void writeTrace(DataOutputStream out, Trace trace, String digest, boolean holder) throws IOException {
        writeString(out, trace.uid());
        writeString(out, trace.content());
        out.writeInt(trace.tags().size());
        for (String tag : trace.tags()) {
            writeString(out, tag);
        }
        writeString(out, trace.createdAt());
        boolean unchanged = trace.updatedAt().equals(trace.createdAt());
        out.writeBoolean(unchanged);
        if (!unchanged) {
            writeString(out, trace.updatedAt());
        }
        writeString(out, trace.predecessor());
        out.writeBoolean(trace.retired());
        out.writeLong(trace.replayCount());
        writeString(out, digest);
        out.writeBoolean(holder);
    }

    private static Trace readTrace(ByteBuffer in) {
        String uid = readString(in);
        String content = readString(in);
        int tagCount = in.getInt();
        List<String> tags = new ArrayList<>(tagCount);
        for (int i = 0; i < tagCount; i++) {
            tags.add(readString(in));
        }
        String createdAt = readString(in);
        String updatedAt = in.get() != 0 ? createdAt : readString(in);
        return new Trace(uid, content, tags, createdAt, updatedAt, readString(in), in.get() != 0, in.getLong());
    }

    /** A length-prefixed UTF-8 string (-1 for null); content may exceed writeUTF's 64 KiB. */
    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** A string written by {@link #writeString} that is known to be ASCII (a hex digest): no UTF-8 decoding. */
    private static String readAscii(ByteBuffer in) {
        return readString(in, StandardCharsets.ISO_8859_1);
    }

    private static String readString(ByteBuffer in) {
        return readString(in, StandardCharsets.UTF_8);
    }

    private static String readString(ByteBuffer in, Charset charset) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, charset);
        in.position(in.position() + length);
        return value;
    }

}
