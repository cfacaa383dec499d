package com.lakehouse.vectord.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.files.FileTrees;
import com.lakehouse.vectord.engine.IndexingPool;
import com.lakehouse.vectord.engine.VectorIndex;
import com.lakehouse.vectord.persist.Envelope;
import com.lakehouse.vectord.persist.IndexPublisher;
import com.lakehouse.vectord.persist.RemoteKeys;

/**
 * Brings every index up at startup: from its local directory when that holds a commit, otherwise
 * restored from its commit point in storaged. For a local index it also learns which files storage
 * already has (those the commit point names, at the same size), deletes stored files no commit point
 * names (left by a crash between upload and commit point), and reports whether storage lags behind.
 */
final class IndexLoader {

    private static final Log LOG = LogFactory.getLog(IndexLoader.class);
    private static final String RESTORING = ".restore-";

    private final Path dataDir;
    private final IndexPublisher publisher;
    private final IndexingPool pool;
    private final double ramBufferMb;
    private final Duration storageWait;
    private final SafeMessages messages;
    private final IndexQuarantine quarantine;

    IndexLoader(Path dataDir, IndexPublisher publisher, IndexingPool pool, double ramBufferMb, Duration storageWait,
            IndexQuarantine quarantine) {
        this.dataDir = dataDir;
        this.quarantine = quarantine;
        this.publisher = publisher;
        this.pool = pool;
        this.ramBufferMb = ramBufferMb;
        this.storageWait = storageWait;
        this.messages = new SafeMessages(dataDir);
    }

    /** An opened index and how long its restore took (-1 when it was opened locally). */
    record Loaded(ManagedIndex index, long restoreMillis) {
    }

    /**
     * Every index that loads. One that does not is quarantined ({@link IndexQuarantine}) and the
     * rest still load: a local directory that cannot be opened is moved aside, and then restored
     * from storaged when storage has the index.
     */
    List<Loaded> loadAll() throws IOException {
        Files.createDirectories(dataDir);
        Set<String> local = localIndexes();
        List<String> remote = publisher == null ? List.of() : remoteIndexes();
        List<Loaded> loaded = new ArrayList<>();
        for (String name : List.copyOf(local)) {
            try {
                loaded.add(new Loaded(openLocal(name, remote.contains(name)), -1));
            } catch (IOException | RuntimeException e) {
                String reason = "cannot open: " + messages.of(e);
                LOG.error("vectord: index '" + name + "' " + reason);
                quarantine.local(name, reason);
                local.remove(name);
            }
        }
        for (String name : remote) {
            if (!local.contains(name)) {
                try {
                    long start = System.nanoTime();
                    ManagedIndex restored = restore(name);
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    LOG.info("vectord: restored index '" + name + "' from storaged in " + millis + " ms");
                    loaded.add(new Loaded(restored, millis));
                } catch (IOException | RuntimeException e) {
                    String reason = "cannot restore from storaged: " + messages.of(e);
                    LOG.error("vectord: index '" + name + "' " + reason);
                    quarantine.remote(name, RemoteKeys.commitPoint(name), reason);
                }
            }
        }
        return loaded;
    }

    private Set<String> localIndexes() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (Stream<Path> dirs = Files.list(dataDir)) {
            for (Path dir : dirs.sorted().toList()) {
                String name = dir.getFileName().toString();
                if (name.startsWith(RESTORING)) {
                    FileTrees.deleteTree(dir);
                } else if (name.equals(IndexQuarantine.DIRECTORY) || !Files.isDirectory(dir)) {
                    continue;
                } else if (VectorIndex.committedSpec(dir).filter(s -> s.name().equals(name)).isPresent()) {
                    names.add(name);
                } else if (isEmpty(dir)) {
                    LOG.warn("vectord: ignoring empty directory '" + name + "' in data_dir");
                } else {
                    // Not an index vectord can read (a corrupt commit, or files put there by hand):
                    // set aside, so a restore from storaged never overwrites it.
                    quarantine.local(name, "no readable committed vector index named '" + name + "' in it");
                }
            }
        }
        return names;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** The index names in storaged; waits a little for a storaged that is still starting. */
    private List<String> remoteIndexes() {
        long deadline = System.nanoTime() + storageWait.toNanos();
        while (true) {
            try {
                return publisher.indexes();
            } catch (UnavailableException e) {
                if (System.nanoTime() > deadline) {
                    LOG.error("vectord: storaged unreachable at startup; serving local indexes only: " + e.getMessage());
                    return List.of();
                }
                sleep();
            }
        }
    }

    private ManagedIndex openLocal(String name, boolean inStorage) throws IOException {
        ManagedIndex managed = new ManagedIndex(VectorIndex.open(dataDir.resolve(name), pool, ramBufferMb));
        if (publisher == null) {
            managed.published(managed.index().version());
            return managed;
        }
        Optional<Envelope> envelope = inStorage ? publisher.envelope(name) : Optional.empty();
        Map<String, Long> stored = publisher.files(name);
        Set<String> named = envelope.map(e -> Set.copyOf(e.files())).orElse(Set.of());
        for (Map.Entry<String, Long> file : stored.entrySet()) {
            Path localFile = managed.index().path().resolve(file.getKey());
            if (!named.contains(file.getKey())) {
                publisher.deleteFile(name, file.getKey());
            } else if (Files.isRegularFile(localFile) && Files.size(localFile) == file.getValue()) {
                managed.remote().add(file.getKey(), file.getValue());
            }
        }
        boolean current = envelope.isPresent()
                && envelope.get().files().equals(managed.index().committedFiles())
                && managed.remote().names().containsAll(named);
        if (current) {
            managed.published(managed.index().version());
        }
        return managed;
    }

    private ManagedIndex restore(String name) throws IOException {
        Envelope envelope = publisher.envelope(name)
                .orElseThrow(() -> new IOException("commit point vanished during startup"));
        Path staging = dataDir.resolve(RESTORING + name);
        FileTrees.deleteTree(staging);
        long downloadStart = System.nanoTime();
        publisher.download(envelope, staging);
        long downloadMillis = (System.nanoTime() - downloadStart) / 1_000_000;
        if (VectorIndex.committedSpec(staging).filter(s -> s.name().equals(name)).isEmpty()) {
            FileTrees.deleteTree(staging);
            throw new IOException("the stored files do not form a vectord index named '" + name + "'");
        }
        Path target = dataDir.resolve(name);
        FileTrees.deleteTree(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        ManagedIndex managed = new ManagedIndex(VectorIndex.open(target, pool, ramBufferMb));
        long bytes = 0;
        for (String file : envelope.files()) {
            long size = Files.size(target.resolve(file));
            managed.remote().add(file, size);
            bytes += size;
        }
        LOG.info("vectord: index '" + name + "': downloaded " + envelope.files().size() + " files, " + bytes
                + " bytes, in " + downloadMillis + " ms");
        managed.published(managed.index().version());
        int count = managed.index().count();
        if (count != envelope.ids().size()) {
            LOG.warn("vectord: index '" + name + "' restored " + count + " items, its commit point lists "
                    + envelope.ids().size());
        }
        return managed;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for storaged", e);
        }
    }
}
