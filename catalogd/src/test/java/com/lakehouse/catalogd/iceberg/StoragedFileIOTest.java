package com.lakehouse.catalogd.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.junit.jupiter.api.Test;

import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.storage.StoredObject;

/** The recent-writes cache: a file just written is read back from memory; existence is still asked of storaged. */
class StoragedFileIOTest {

    /** A storaged of one map, counting the calls that reach it. */
    private static final class MapStorage extends StorageClient {
        final Map<String, byte[]> objects = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        MapStorage() {
            super(null);
        }

        @Override
        public StoredObject put(String key, byte[] bytes) {
            calls.add("PUT " + key);
            objects.put(key, bytes);
            return new StoredObject(key, bytes.length, "e", null);
        }

        @Override
        public byte[] getBytes(String key) {
            calls.add("GET " + key);
            byte[] bytes = objects.get(key);
            if (bytes == null) {
                throw new com.lakehouse.shared.error.NotFoundException(key);
            }
            return bytes;
        }

        @Override
        public Optional<StoredObject> head(String key) {
            calls.add("HEAD " + key);
            return Optional.ofNullable(objects.get(key)).map(b -> new StoredObject(key, b.length, "e", null));
        }

        @Override
        public void delete(String key) {
            calls.add("DELETE " + key);
            objects.remove(key);
        }
    }

    private final MapStorage storage = new MapStorage();
    private final StoragedFileIO io = new StoragedFileIO(storage, new StorageLocations("bucket"));

    private void write(String path, String content) throws IOException {
        try (PositionOutputStream out = io.newOutputFile(path).createOrOverwrite()) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String read(InputFile file) throws IOException {
        try (var in = file.newStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aFileJustWrittenIsReadFromMemory() throws IOException {
        write("s3://bucket/datasets/t/metadata/snap-1.avro", "list one");
        storage.calls.clear();

        InputFile file = io.newInputFile("s3://bucket/datasets/t/metadata/snap-1.avro");

        assertThat(file.getLength()).isEqualTo(8);
        assertThat(read(file)).isEqualTo("list one");
        assertThat(storage.calls).isEmpty();
        assertThat(file.exists()).isTrue();
        assertThat(storage.calls).containsExactly("HEAD datasets/t/metadata/snap-1.avro");
    }

    @Test
    void aDeletedFileIsNoLongerServedAndOthersAreReadThroughStoraged() throws IOException {
        write("s3://bucket/datasets/t/metadata/a.json", "a");
        storage.objects.put("datasets/t/metadata/b.json", "b".getBytes(StandardCharsets.UTF_8));
        io.deleteFile("s3://bucket/datasets/t/metadata/a.json");
        storage.calls.clear();

        assertThat(read(io.newInputFile("s3://bucket/datasets/t/metadata/b.json"))).isEqualTo("b");
        assertThat(storage.calls).containsExactly("GET datasets/t/metadata/b.json");
        assertThat(io.newInputFile("s3://bucket/datasets/t/metadata/a.json").exists()).isFalse();
        assertThat(io.recentBytes()).isZero();
    }

    @Test
    void theCacheIsBoundedByBytes() throws IOException {
        String big = "x".repeat((int) (StoragedFileIO.RECENT_BYTES / 8));
        for (int i = 0; i < 20; i++) {
            write("s3://bucket/datasets/t/metadata/m" + i + ".avro", big);
        }

        assertThat(io.recentBytes()).isLessThanOrEqualTo(StoragedFileIO.RECENT_BYTES);
        storage.calls.clear();
        read(io.newInputFile("s3://bucket/datasets/t/metadata/m0.avro"));
        assertThat(storage.calls).containsExactly("GET datasets/t/metadata/m0.avro");
    }
}
