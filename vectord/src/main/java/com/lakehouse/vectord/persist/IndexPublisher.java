package com.lakehouse.vectord.persist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.storage.StoredObject;
import com.lakehouse.vectord.engine.IndexSpec;
import com.lakehouse.vectord.engine.LocalCommit;

/**
 * Moves indexes between the local data directory and storaged (SPEC §7). A commit uploads the
 * Lucene files storage does not have yet, then PUTs the commit point: a reader of storage sees the
 * previous complete index or the new one, never a mix. Files the new commit no longer uses are
 * deleted after the commit point is written.
 */
public final class IndexPublisher {

    private static final Log LOG = LogFactory.getLog(IndexPublisher.class);

    private final StorageClient storage;

    public IndexPublisher(StorageClient storage) {
        this.storage = storage;
    }

    public PublishResult publish(LocalCommit commit, RemoteFiles remote) throws IOException {
        IndexSpec spec = commit.spec();
        List<String> files = commit.files();
        List<Runnable> uploads = new ArrayList<>();
        AtomicLong bytes = new AtomicLong();
        int reused = 0;
        for (String file : files) {
            Path local = commit.directory().resolve(file);
            long size = Files.size(local);
            if (remote.contains(file, size)) {
                reused++;
                continue;
            }
            uploads.add(() -> {
                storage.put(RemoteKeys.file(spec.name(), file), local);
                remote.add(file, size);
                bytes.addAndGet(size);
            });
        }
        Transfers.runAll(uploads);
        Envelope envelope = new Envelope(Envelope.CURRENT_VERSION, spec.name(), spec.dimension(),
                spec.distance().wireName(), new Envelope.Params(spec.m(), spec.efConstruction()),
                commit.ids(), commit.metadata(), files, commit.generation());
        Transfers.withRetry(() -> storage.put(RemoteKeys.commitPoint(spec.name()), CommitPointFormat.encode(envelope)));
        removeStale(spec.name(), remote, Set.copyOf(files));
        return new PublishResult(uploads.size(), bytes.get(), reused);
    }

    private void removeStale(String index, RemoteFiles remote, Set<String> live) {
        for (String file : remote.names()) {
            if (!live.contains(file)) {
                try {
                    storage.delete(RemoteKeys.file(index, file));
                    remote.remove(file);
                } catch (RuntimeException e) {
                    // harmless: no commit point names it; the next commit tries again
                    LOG.warn("vectord: could not delete stale file of index '" + index + "': " + e.getMessage());
                }
            }
        }
    }

    /** The names of every index with a commit point in storage. */
    public List<String> indexes() {
        List<String> names = new ArrayList<>();
        for (StoredObject object : storage.listAll(RemoteKeys.PREFIX)) {
            RemoteKeys.indexOfCommitPoint(object.key()).ifPresent(names::add);
        }
        return names;
    }

    public Optional<Envelope> envelope(String index) {
        try {
            return Optional.of(CommitPointFormat.decode(storage.getBytes(RemoteKeys.commitPoint(index))));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The data files in storage under the index's prefix, with their sizes. */
    public Map<String, Long> files(String index) {
        Map<String, Long> files = new LinkedHashMap<>();
        String prefix = RemoteKeys.filePrefix(index);
        for (StoredObject object : storage.listAll(prefix)) {
            files.put(object.key().substring(prefix.length()), object.size());
        }
        return files;
    }

    /** Downloads every file of the commit point into {@code target}. */
    public void download(Envelope envelope, Path target) throws IOException {
        Files.createDirectories(target);
        List<Runnable> downloads = new ArrayList<>();
        for (String file : envelope.files()) {
            downloads.add(() -> storage.download(RemoteKeys.file(envelope.name(), file), target.resolve(file)));
        }
        try {
            Transfers.runAll(downloads);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Deletes one data file; failures are the caller's to judge. */
    public void deleteFile(String index, String file) {
        storage.delete(RemoteKeys.file(index, file));
    }

    /** Removes the commit point (this must succeed: it is what makes the index exist in storage). */
    public void deleteCommitPoint(String index) {
        Transfers.withRetry(() -> storage.delete(RemoteKeys.commitPoint(index)));
    }

    /** Removes every data file of the index; best effort, as no commit point refers to them any more. */
    public void deleteFiles(String index) {
        try {
            for (String file : files(index).keySet()) {
                deleteFile(index, file);
            }
        } catch (RuntimeException e) {
            LOG.warn("vectord: could not remove every file of deleted index '" + index + "': " + e.getMessage());
        }
    }
}
