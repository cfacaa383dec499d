package com.lakehouse.pathway;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The store's state and its search index as they stood after the first {@code logLength} bytes of
 * the trace log, in one file beside it, so a start reads it and replays only the log's suffix
 * instead of parsing and indexing every line again.
 *
 * <p>The log stays the source of truth. The snapshot records the SHA-256 of the log prefix it
 * reflects and is used only when the log on disk still begins with exactly those bytes; it ends
 * with the SHA-256 of its own content. A snapshot that is torn, corrupt, from another log, or
 * longer than the log (lines lost in a crash) is discarded and the state rebuilt from the log. It
 * is written to a temporary file, forced, and renamed over the old one, so a crash while writing
 * leaves the previous snapshot (or none), never half of one.
 */
final class TraceSnapshot {

    private static final Log LOG = LogFactory.getLog(TraceSnapshot.class);
    private static final int MAGIC = 0x50574e31; // "PWN1"
    private static final int HASH_BYTES = 32;

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
        byte[] prefixHash = hashPrefix(log, state.logLength());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        MessageDigest digest = sha256();
        try (OutputStream raw = Files.newOutputStream(temp);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(raw, digest), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeLong(state.logLength());
            out.write(prefixHash);
            out.writeLong(state.appliedLines());
            out.writeLong(state.corruptLines());
            out.writeLong(state.unknownOpLines());
            out.writeInt(state.traces().size());
            for (Trace trace : state.traces()) {
                writeTrace(out, trace);
            }
            writeMap(out, state.digestByUid());
            writeMap(out, state.liveByContent());
            out.writeLong(state.index().sequence());
            out.writeInt(state.index().files().size());
            for (Map.Entry<String, byte[]> f : state.index().files().entrySet()) {
                writeString(out, f.getKey());
                out.writeInt(f.getValue().length);
                out.write(f.getValue());
            }
            out.flush();
            raw.write(digest.digest());
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The snapshot in {@code file} when it is whole and the log still begins with the prefix it
     * reflects; empty (with the reason logged) otherwise, or when there is none.
     */
    static Optional<State> read(Path file, Path log) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Parsed parsed = parse(file);
            long length = parsed.state().logLength();
            long logSize = Files.size(log);
            if (logSize < length) {
                return discard(file, "the log is shorter (" + logSize + " bytes) than the " + length
                        + " bytes the snapshot reflects");
            }
            if (!Arrays.equals(hashPrefix(log, length), parsed.prefixHash())) {
                return discard(file, "the log's first " + length + " bytes are not the ones it was made from");
            }
            return Optional.of(parsed.state());
        } catch (IOException | RuntimeException e) {
            return discard(file, "it cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Optional<State> discard(Path file, String why) {
        LOG.warn("trace snapshot " + file.getFileName() + " discarded, rebuilding from the log: " + why);
        return Optional.empty();
    }

    private record Parsed(State state, byte[] prefixHash) {
    }

    private static Parsed parse(Path file) throws IOException {
        long size = Files.size(file);
        if (size < HASH_BYTES + 4) {
            throw new IOException("too short");
        }
        MessageDigest digest = sha256();
        byte[] expected;
        Parsed parsed;
        try (InputStream raw = Files.newInputStream(file)) {
            // Only the body goes through the digest; the trailing hash is read after it.
            DataInputStream in = new DataInputStream(new BufferedInputStream(
                    new DigestInputStream(new BoundedInputStream(raw, size - HASH_BYTES), digest), 1 << 16));
            if (in.readInt() != MAGIC) {
                throw new IOException("not a trace snapshot");
            }
            long logLength = in.readLong();
            byte[] prefixHash = in.readNBytes(HASH_BYTES);
            long applied = in.readLong();
            long corrupt = in.readLong();
            long unknown = in.readLong();
            int count = in.readInt();
            List<Trace> traces = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                traces.add(readTrace(in));
            }
            Map<String, String> digestByUid = readMap(in);
            Map<String, String> liveByContent = readMap(in);
            long sequence = in.readLong();
            int files = in.readInt();
            Map<String, byte[]> indexFiles = new LinkedHashMap<>();
            for (int i = 0; i < files; i++) {
                String name = readString(in);
                indexFiles.put(name, in.readNBytes(in.readInt()));
            }
            if (in.read() != -1) {
                throw new IOException("trailing bytes after the index");
            }
            expected = raw.readNBytes(HASH_BYTES);
            parsed = new Parsed(new State(logLength, applied, corrupt, unknown, traces, digestByUid, liveByContent,
                    new TraceSearchIndex.Image(indexFiles, sequence)), prefixHash);
        }
        if (!MessageDigest.isEqual(expected, digest.digest())) {
            throw new IOException("its checksum does not match its content");
        }
        return parsed;
    }

    /** SHA-256 of the first {@code length} bytes of {@code file}. */
    static byte[] hashPrefix(Path file, long length) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new BoundedInputStream(Files.newInputStream(file), length)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                total += n;
            }
            if (total != length) {
                throw new IOException("the log ended at " + total + " of " + length + " bytes");
            }
        }
        return digest.digest();
    }

    private static void writeTrace(DataOutputStream out, Trace trace) throws IOException {
        writeString(out, trace.uid());
        writeString(out, trace.content());
        out.writeInt(trace.tags().size());
        for (String tag : trace.tags()) {
            writeString(out, tag);
        }
        writeString(out, trace.createdAt());
        writeString(out, trace.updatedAt());
        writeString(out, trace.predecessor());
        out.writeBoolean(trace.retired());
        out.writeLong(trace.replayCount());
    }

    private static Trace readTrace(DataInputStream in) throws IOException {
        String uid = readString(in);
        String content = readString(in);
        int tagCount = in.readInt();
        List<String> tags = new ArrayList<>(tagCount);
        for (int i = 0; i < tagCount; i++) {
            tags.add(readString(in));
        }
        return new Trace(uid, content, tags, readString(in), readString(in), readString(in), in.readBoolean(), in.readLong());
    }

    private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
    }

    private static Map<String, String> readMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, String> map = HashMap.newHashMap(size);
        for (int i = 0; i < size; i++) {
            map.put(readString(in), readString(in));
        }
        return map;
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

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads at most {@code limit} bytes of the stream it wraps. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
