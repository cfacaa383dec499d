package com.lakehouse.catalogd.iceberg;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.inmemory.InMemoryInputFile;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;

import com.lakehouse.shared.storage.StorageClient;

/**
 * Iceberg's {@link FileIO} over storaged, so the metadata catalogd writes (metadata JSON, manifest
 * lists, manifests) goes through the one holder of S3 credentials. It serves metadata files only:
 * each is small, so a read fetches the whole object and a write uploads the bytes on close.
 *
 * <p>The files it wrote last (up to {@link #RECENT_BYTES} in all) are kept, and reading one of them
 * again is served from memory: a metadata path names immutable content, and the next append of a
 * table reads the manifest list the one before it wrote (a HEAD and a GET through storaged, under
 * the catalog's lock, on every register). Whether a file exists is still asked of storaged, so a
 * deleted metadata file is still noticed and rebuilt.
 */
public final class StoragedFileIO implements FileIO {

    /** What the recent-writes cache may hold, in bytes. */
    static final long RECENT_BYTES = 8L << 20;

    private final StorageClient storage;
    private final StorageLocations locations;
    private final Map<String, byte[]> recent = new LinkedHashMap<>(64, 0.75f, true);
    private long recentBytes;

    public StoragedFileIO(StorageClient storage, StorageLocations locations) {
        this.storage = storage;
        this.locations = locations;
    }

    @Override
    public InputFile newInputFile(String path) {
        return new StoragedInputFile(path, -1);
    }

    @Override
    public InputFile newInputFile(String path, long length) {
        return new StoragedInputFile(path, length);
    }

    private byte[] recent(String path) {
        synchronized (recent) {
            return recent.get(path);
        }
    }

    private void remember(String path, byte[] bytes) {
        if (bytes.length > RECENT_BYTES / 4) {
            return;
        }
        synchronized (recent) {
            byte[] previous = recent.put(path, bytes);
            recentBytes += bytes.length - (previous == null ? 0 : previous.length);
            for (var eldest = recent.entrySet().iterator(); recentBytes > RECENT_BYTES && eldest.hasNext(); ) {
                recentBytes -= eldest.next().getValue().length;
                eldest.remove();
            }
        }
    }

    private void forget(String path) {
        synchronized (recent) {
            byte[] previous = recent.remove(path);
            if (previous != null) {
                recentBytes -= previous.length;
            }
        }
    }

    /** Bytes held by the recent-writes cache (for tests). */
    long recentBytes() {
        synchronized (recent) {
            return recentBytes;
        }
    }

    @Override
    public OutputFile newOutputFile(String path) {
        return new StoragedOutputFile(path);
    }

    @Override
    public void deleteFile(String path) {
        forget(path);
        storage.delete(locations.key(path));
    }

    @Override
    public Map<String, String> properties() {
        return Map.of();
    }

    private boolean exists(String path) {
        return storage.head(locations.key(path)).isPresent();
    }

    private final class StoragedInputFile implements InputFile {

        private final String path;
        private long length;

        StoragedInputFile(String path, long length) {
            this.path = path;
            this.length = length;
        }

        @Override
        public long getLength() {
            byte[] cached = recent(path);
            if (cached != null) {
                return cached.length;
            }
            if (length < 0) {
                length = storage.head(locations.key(path))
                        .orElseThrow(() -> new org.apache.iceberg.exceptions.NotFoundException("no object at %s", path))
                        .size();
            }
            return length;
        }

        @Override
        public SeekableInputStream newStream() {
            byte[] bytes = recent(path);
            if (bytes != null) {
                return new InMemoryInputFile(path, bytes).newStream();
            }
            try {
                bytes = storage.getBytes(locations.key(path));
            } catch (com.lakehouse.shared.error.NotFoundException e) {
                throw new org.apache.iceberg.exceptions.NotFoundException(e, "no object at %s", path);
            }
            return new InMemoryInputFile(path, bytes).newStream();
        }

        @Override
        public String location() {
            return path;
        }

        @Override
        public boolean exists() {
            return StoragedFileIO.this.exists(path);
        }
    }

    private final class StoragedOutputFile implements OutputFile {

        private final String path;

        StoragedOutputFile(String path) {
            this.path = path;
        }

        @Override
        public PositionOutputStream create() {
            if (exists(path)) {
                throw new AlreadyExistsException("object already exists: %s", path);
            }
            return createOrOverwrite();
        }

        @Override
        public PositionOutputStream createOrOverwrite() {
            return new UploadOnClose(path);
        }

        @Override
        public String location() {
            return path;
        }

        @Override
        public InputFile toInputFile() {
            return newInputFile(path);
        }
    }

    /** Buffers the (small) metadata file and uploads it in one PUT when the writer closes it. */
    private final class UploadOnClose extends PositionOutputStream {

        private final String path;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private boolean closed;

        UploadOnClose(String path) {
            this.path = path;
        }

        @Override
        public long getPos() {
            return buffer.size();
        }

        @Override
        public void write(int b) {
            buffer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                byte[] bytes = buffer.toByteArray();
                forget(path);
                storage.put(locations.key(path), bytes);
                remember(path, bytes);
            }
        }
    }
}
