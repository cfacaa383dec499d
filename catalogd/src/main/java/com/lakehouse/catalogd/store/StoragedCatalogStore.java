package com.lakehouse.catalogd.store;

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

import com.lakehouse.catalogd.catalog.CatalogChange;
import com.lakehouse.catalogd.catalog.CatalogQuarantine;
import com.lakehouse.catalogd.catalog.CatalogState;
import com.lakehouse.catalogd.catalog.CatalogStore;
import com.lakehouse.shared.files.FileTrees;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.storage.StoredObject;

/**
 * The catalog as Parquet under {@code _catalog/} in storaged:
 * <ul>
 *   <li>{@code _catalog/changes/<catalog_version>.parquet}: one immutable file per persisted write
 *   (a dataset version, a delete, or the consecutive versions of one group commit), named by the
 *   {@code catalog_version} its first change produces, zero-padded so key order is replay order;</li>
 *   <li>{@code _catalog/snapshots/<catalog_version>.parquet}: every version of every dataset at that
 *   point, after which older changes and snapshots are removed.</li>
 * </ul>
 * A load reads the newest snapshot and the changes after it. Because a write's key is its first
 * sequence, a put whose answer was lost (so the registers were refused) is overwritten by the next
 * write. A snapshot is taken of published state, which ends a write's last sequence, so no file
 * straddles a snapshot.
 */
public final class StoragedCatalogStore implements CatalogStore {

    static final String PREFIX = "_catalog/";
    static final String CHANGES = PREFIX + "changes/";
    static final String SNAPSHOTS = PREFIX + "snapshots/";
    static final String QUARANTINE = PREFIX + "quarantine/";
    private static final Pattern KEY = Pattern.compile("^_catalog/(changes|snapshots)/(\\d{12})\\.parquet$");
    private static final Log LOG = LogFactory.getLog(StoragedCatalogStore.class);

    private final StorageClient storage;
    private final ManifestParquet parquet;
    private final Path scratch;
    private final CatalogQuarantine quarantine;

    public StoragedCatalogStore(StorageClient storage, ManifestParquet parquet, Path scratch, CatalogQuarantine quarantine) {
        this.storage = storage;
        this.parquet = parquet;
        this.scratch = scratch;
        this.quarantine = quarantine;
    }

    public static String changeKey(long sequence) {
        return CHANGES + "%012d.parquet".formatted(sequence);
    }

    static String snapshotKey(long sequence) {
        return SNAPSHOTS + "%012d.parquet".formatted(sequence);
    }

    /**
     * One file for the group, named by its first sequence: a group whose put answer was lost (so
     * its registers were refused) is overwritten by the next write, which starts at the same sequence.
     */
    @Override
    public void append(List<CatalogChange> changes) {
        String key = changeKey(changes.getFirst().sequence());
        try {
            upload(changes, key);
        } catch (RuntimeException e) {
            forget(key);
            throw e;
        }
    }

    /**
     * The newest snapshot and the changes after it. A storaged failure throws (the load is retried);
     * a file or row that cannot be applied (not catalog Parquet, a row that does not decode, a name
     * or type outside the grammar, a sequence other than its key's) is skipped, its file copied to
     * {@code _catalog/quarantine/} (the original stays where it is, never deleted) and counted, and
     * the load goes on: a record written by hand never stops catalogd from starting.
     */
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
                if (!object.key().startsWith(SNAPSHOTS) && !object.key().startsWith(CHANGES)
                        && !object.key().startsWith(QUARANTINE)) {
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
            List<CatalogChange> changes = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                Path file = dir.resolve(i + ".parquet");
                storage.download(keys.get(i), file);
                changes.addAll(applicable(keys.get(i), file));
            }
            return CatalogState.replay(changes);
        } finally {
            deleteTree(dir);
        }
    }

    /** The rows of {@code file} (downloaded from {@code key}) that may be applied; the others are quarantined. */
    private List<CatalogChange> applicable(String key, Path file) {
        Matcher name = KEY.matcher(key);
        long sequence = name.matches() ? Long.parseLong(name.group(2)) : -1;
        List<ManifestParquet.Decoded> rows;
        try {
            rows = parquet.decode(file);
        } catch (RuntimeException e) {
            setAside(key, file, List.of(String.valueOf(e.getMessage())));
            return List.of();
        }
        List<CatalogChange> good = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean changes = name.matches() && name.group(1).equals("changes");
        for (int i = 0; i < rows.size(); i++) {
            ManifestParquet.Decoded row = rows.get(i);
            // a change file holds consecutive sequences from its key's; a snapshot's rows all carry its own
            long expected = changes ? sequence + i : sequence;
            String problem = row.problem() != null ? row.problem()
                    : StoredChanges.problem(row.change(), expected).orElse(null);
            if (problem == null) {
                good.add(row.change());
            } else {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            setAside(key, file, problems);
        }
        return good;
    }

    /** Copies the file under {@code _catalog/quarantine/} and counts each bad record; a failed copy fails the load. */
    private void setAside(String key, Path file, List<String> problems) {
        String keptAt = QUARANTINE + key.substring(PREFIX.length());
        storage.put(keptAt, file);
        for (String problem : problems) {
            quarantine.record(key, keptAt, problem);
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
