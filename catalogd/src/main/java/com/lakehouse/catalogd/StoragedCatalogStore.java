package com.lakehouse.catalogd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.shared.files.FileTrees;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.storage.StoredObject;

/**
 * The catalog as Parquet under {@code _catalog/} in storaged:
 * <ul>
 *   <li>{@code _catalog/changes/<catalog_version>.parquet}: one immutable file per change (a dataset
 *   version or a delete), named by the {@code catalog_version} it produces, zero-padded so key order
 *   is replay order;</li>
 *   <li>{@code _catalog/snapshots/<catalog_version>.parquet}: every version of every dataset at that
 *   point, after which older changes and snapshots are removed.</li>
 * </ul>
 * A load reads the newest snapshot and the changes after it. Because a change's key is its sequence,
 * a put whose answer was lost (so the register was refused) is overwritten by the next change.
 */
public final class StoragedCatalogStore implements CatalogStore {

    static final String PREFIX = "_catalog/";
    static final String CHANGES = PREFIX + "changes/";
    static final String SNAPSHOTS = PREFIX + "snapshots/";
    private static final Pattern KEY = Pattern.compile("^_catalog/(changes|snapshots)/(\\d{12})\\.parquet$");
    private static final Log LOG = LogFactory.getLog(StoragedCatalogStore.class);

    private final StorageClient storage;
    private final ManifestParquet parquet;
    private final Path scratch;

    public StoragedCatalogStore(StorageClient storage, ManifestParquet parquet, Path scratch) {
        this.storage = storage;
        this.parquet = parquet;
        this.scratch = scratch;
    }

    static String changeKey(long sequence) {
        return CHANGES + "%012d.parquet".formatted(sequence);
    }

    static String snapshotKey(long sequence) {
        return SNAPSHOTS + "%012d.parquet".formatted(sequence);
    }

    @Override
    public void append(CatalogChange change) {
        String key = changeKey(change.sequence());
        try {
            upload(List.of(change), key);
        } catch (RuntimeException e) {
            forget(key);
            throw e;
        }
    }

    @Override
    public CatalogState load() {
        List<StoredObject> objects = storage.listAll(PREFIX);
        long snapshot = latest(objects, "snapshots").orElse(0);
        List<String> keys = new ArrayList<>();
        if (snapshot > 0) {
            keys.add(snapshotKey(snapshot));
        }
        for (StoredObject object : objects) {
            Matcher key = KEY.matcher(object.key());
            if (!key.matches()) {
                if (!object.key().startsWith(SNAPSHOTS) && !object.key().startsWith(CHANGES)) {
                    LOG.warn("catalog load: ignoring foreign object " + object.key());
                }
                continue;
            }
            if (key.group(1).equals("changes") && Long.parseLong(key.group(2)) > snapshot) {
                keys.add(object.key());
            }
        }
        Path dir = tempDir("load-");
        try {
            List<Path> files = new ArrayList<>();
            for (String key : keys) {
                Path file = dir.resolve(Integer.toString(files.size()) + ".parquet");
                storage.download(key, file);
                files.add(file);
            }
            return CatalogState.replay(parquet.read(files));
        } finally {
            deleteTree(dir);
        }
    }

    @Override
    public void checkpoint(CatalogState state) {
        long sequence = state.catalogVersion();
        upload(state.asSnapshot(), snapshotKey(sequence));
        for (StoredObject object : storage.listAll(PREFIX)) {
            Matcher key = KEY.matcher(object.key());
            if (key.matches() && (Long.parseLong(key.group(2)) < sequence
                    || key.group(1).equals("changes") && Long.parseLong(key.group(2)) == sequence)) {
                storage.delete(object.key());
            }
        }
    }

    private void upload(List<CatalogChange> rows, String key) {
        Path dir = tempDir("write-");
        try {
            Path file = dir.resolve("catalog.parquet");
            parquet.write(rows, file);
            storage.put(key, file);
        } finally {
            deleteTree(dir);
        }
    }

    /** Best effort: a refused change should not reappear at the next load. */
    private void forget(String key) {
        try {
            storage.delete(key);
        } catch (RuntimeException e) {
            LOG.debug("could not remove refused change " + key + ": " + e.getMessage());
        }
    }

    private static OptionalLong latest(List<StoredObject> objects, String kind) {
        return objects.stream().map(o -> KEY.matcher(o.key())).filter(Matcher::matches)
                .filter(m -> m.group(1).equals(kind)).mapToLong(m -> Long.parseLong(m.group(2))).max();
    }

    private Path tempDir(String prefix) {
        try {
            Files.createDirectories(scratch);
            return Files.createTempDirectory(scratch, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create scratch directory under data_dir", e);
        }
    }

    private static void deleteTree(Path dir) {
        try {
            FileTrees.deleteTree(dir);
        } catch (IOException e) {
            LOG.debug("scratch cleanup failed: " + e.getClass().getSimpleName());
        }
    }
}
