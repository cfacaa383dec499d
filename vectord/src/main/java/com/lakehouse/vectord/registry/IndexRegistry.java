package com.lakehouse.vectord.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.lucene.store.AlreadyClosedException;

import com.lakehouse.shared.health.HealthState;
import com.lakehouse.shared.error.ConflictException;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.files.FileTrees;
import com.lakehouse.vectord.engine.IndexSpec;
import com.lakehouse.vectord.engine.IndexingPool;
import com.lakehouse.vectord.engine.SearchHit;
import com.lakehouse.vectord.engine.StoredItem;
import com.lakehouse.vectord.engine.VectorIndex;
import com.lakehouse.vectord.engine.VectorItem;
import com.lakehouse.vectord.persist.IndexPublisher;

/**
 * The served indexes by name, and every operation on them (SPEC §7): each mutation is journaled
 * and followed by a coalesced commit. Creation and deletion are serialized; everything else runs
 * concurrently, under each index's own locking.
 */
public final class IndexRegistry implements AutoCloseable {

    private static final Log LOG = LogFactory.getLog(IndexRegistry.class);

    private final Path dataDir;
    private final IndexPublisher publisher;
    private final IndexingPool pool;
    private final double ramBufferMb;
    private final VectorJournal journal;
    private final CommitCounters totals = new CommitCounters();
    private final CommitScheduler scheduler;
    private final IndexMerger merger = new IndexMerger();
    private final Map<String, ManagedIndex> indexes = new ConcurrentHashMap<>();
    private final Map<String, Long> restoreMillis = new ConcurrentHashMap<>();
    private final SafeMessages messages;
    private final IndexQuarantine quarantine;

    /**
     * @param publisher null when {@code storaged_url} is empty: indexes then live in the local data directory only
     */
    public IndexRegistry(Path dataDir, IndexPublisher publisher, IndexingPool pool, double ramBufferMb,
            Duration commitDebounce, VectorJournal journal) {
        this(dataDir, publisher, pool, ramBufferMb, commitDebounce, journal, new HealthState());
    }

    /** @param health where indexes that cannot be loaded at startup are reported (quarantined) */
    public IndexRegistry(Path dataDir, IndexPublisher publisher, IndexingPool pool, double ramBufferMb,
            Duration commitDebounce, VectorJournal journal, HealthState health) {
        this.quarantine = new IndexQuarantine(dataDir, health);
        this.dataDir = dataDir;
        this.publisher = publisher;
        this.pool = pool;
        this.ramBufferMb = ramBufferMb;
        this.journal = journal;
        this.scheduler = new CommitScheduler(commitDebounce, new IndexCommitter(publisher, totals), totals);
        this.messages = new SafeMessages(dataDir);
    }

    /** Opens or restores every index; commits those whose storage copy lags behind. */
    public void start(Duration storageWait) throws IOException {
        for (IndexLoader.Loaded loaded : new IndexLoader(dataDir, publisher, pool, ramBufferMb, storageWait, quarantine).loadAll()) {
            ManagedIndex managed = loaded.index();
            managed.index().onBackgroundChange(() -> scheduler.mutated(managed));
            indexes.put(managed.name(), managed);
            if (loaded.restoreMillis() >= 0) {
                restoreMillis.put(managed.name(), loaded.restoreMillis());
            }
            if (managed.dirty()) {
                scheduler.mutated(managed);
            }
        }
        LOG.info("vectord: serving " + indexes.size() + " index(es)");
    }

    public synchronized IndexSummary create(IndexSpec spec, String actor) throws IOException {
        if (indexes.containsKey(spec.name())) {
            throw new ConflictException("vector index '" + spec.name() + "' already exists");
        }
        Path dir = dataDir.resolve(spec.name());
        FileTrees.deleteTree(dir);
        ManagedIndex managed = new ManagedIndex(VectorIndex.create(dir, spec, pool, ramBufferMb));
        managed.index().onBackgroundChange(() -> scheduler.mutated(managed));
        indexes.put(spec.name(), managed);
        scheduler.mutated(managed);
        IndexSummary summary = IndexSummary.of(spec, 0);
        journal.record(spec.name(), "create", null, null, summary, actor);
        return summary;
    }

    public List<IndexSummary> list() {
        List<IndexSummary> all = new ArrayList<>();
        for (ManagedIndex managed : indexes.values()) {
            try {
                all.add(summary(managed));
            } catch (AlreadyClosedException e) {
                // deleted while listing
            }
        }
        all.sort(Comparator.comparing(IndexSummary::name));
        return all;
    }

    public IndexSummary get(String name) {
        return call(name, this::summary);
    }

    private IndexSummary summary(ManagedIndex managed) {
        return IndexSummary.of(managed.index().spec(), managed.index().count());
    }

    /** Deletes the index and its stored copy: the commit point first, so storage never names missing files. */
    public synchronized void delete(String name, String actor) throws IOException {
        ManagedIndex managed = require(name);
        IndexSummary before = summary(managed);
        managed.publishLock().lock();
        try {
            if (publisher != null) {
                publisher.deleteCommitPoint(name);
            }
            managed.markDropped();
            indexes.remove(name);
            managed.index().drop();
        } finally {
            managed.publishLock().unlock();
        }
        if (publisher != null) {
            publisher.deleteFiles(name);
        }
        journal.record(name, "delete", null, before, null, actor);
    }

    /** Upserts a validated batch. @return {added, count} */
    public AddOutcome add(String name, List<VectorItem> items, String actor) {
        return call(name, managed -> {
            int added = managed.index().add(items);
            scheduler.mutated(managed);
            int count = managed.index().count();
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("added", added);
            change.put("count", count);
            change.put("ids", items.stream().limit(100).map(VectorItem::id).toList());
            journal.record(name, "add", "items", null, change, actor);
            return new AddOutcome(added, count);
        });
    }

    /** The counts after an add. */
    public record AddOutcome(int added, int count) {
    }

    public List<SearchHit> search(String name, float[] query, int k, int ef, Map<String, Object> filter) {
        return call(name, managed -> {
            requireDimension(managed, query.length, "vector");
            return managed.index().search(query, k, ef, filter);
        });
    }

    public int dimension(String name) {
        return call(name, managed -> managed.index().spec().dimension());
    }

    public IndexSpec spec(String name) {
        return call(name, managed -> managed.index().spec());
    }

    public StoredItem item(String name, String id) {
        Optional<StoredItem> item = call(name, managed -> managed.index().find(id));
        return item.orElseThrow(() -> new NotFoundException("vector index '" + name + "' has no item '" + id + "'"));
    }

    /** Deletes an item; deleting an absent id is not an error (the outcome is the same). */
    public void deleteItem(String name, String id, String actor) {
        call(name, managed -> {
            if (managed.index().delete(id)) {
                scheduler.mutated(managed);
                journal.record(name, "delete_item", "items", Map.of("id", id), null, actor);
            }
            return null;
        });
    }

    public MergeResult merge(String sourceName, String destName, boolean clearSource, String actor) {
        if (destName == null || destName.isBlank()) {
            throw new InvalidRequestException("dest is required");
        }
        if (sourceName.equals(destName)) {
            throw new InvalidRequestException("cannot merge index '" + sourceName + "' into itself");
        }
        ManagedIndex source = require(sourceName);
        ManagedIndex dest = require(destName);
        try {
            MergeResult result = merger.merge(source.index(), dest.index(), clearSource);
            scheduler.mutated(dest);
            scheduler.mutated(source);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("dest", destName);
            change.put("clear_source", clearSource);
            change.put("moved", result.moved());
            change.put("skipped", result.skipped());
            journal.record(sourceName, "merge", "items", null, change, actor);
            return result;
        } catch (AlreadyClosedException e) {
            throw new NotFoundException("a vector index of the merge was deleted meanwhile");
        } catch (IOException e) {
            throw new UncheckedIOException(messages.of(e), e);
        }
    }

    /** Commit figures for {@code GET /vectors/stats}. */
    public Map<String, Object> stats() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("persistence", publisher == null ? "local" : "storaged");
        out.putAll(totals.toMap());
        Map<String, Object> perIndex = new LinkedHashMap<>();
        for (ManagedIndex managed : indexes.values().stream().sorted(Comparator.comparing(ManagedIndex::name)).toList()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            try {
                entry.put("count", managed.index().count());
            } catch (AlreadyClosedException e) {
                continue;
            }
            entry.putAll(managed.counters().toMap());
            entry.put("commit_pending", scheduler.pending(managed));
            entry.put("stored_files", managed.remote().size());
            Long restored = restoreMillis.get(managed.name());
            if (restored != null) {
                entry.put("restore_ms", restored);
            }
            perIndex.put(managed.name(), entry);
        }
        out.put("indexes", perIndex);
        out.put("quarantined", quarantine.entries());
        out.put("journal", journal.stats());
        return out;
    }

    private void requireDimension(ManagedIndex managed, int length, String what) {
        int dimension = managed.index().spec().dimension();
        if (length != dimension) {
            throw new InvalidRequestException(what + " has " + length + " dimensions, index '" + managed.name()
                    + "' expects " + dimension);
        }
    }

    private ManagedIndex require(String name) {
        ManagedIndex managed = indexes.get(name);
        if (managed == null) {
            throw new NotFoundException("no vector index named '" + name + "'");
        }
        return managed;
    }

    private <T> T call(String name, IndexCall<T> action) {
        ManagedIndex managed = require(name);
        try {
            return action.apply(managed);
        } catch (AlreadyClosedException e) {
            throw new NotFoundException("no vector index named '" + name + "'");
        } catch (IOException e) {
            throw new UncheckedIOException(messages.of(e), e);
        }
    }

    @FunctionalInterface
    private interface IndexCall<T> {
        T apply(ManagedIndex managed) throws IOException;
    }

    /** Commits what changed since the last commit, then closes every index. */
    @Override
    public void close() {
        scheduler.close();
        for (ManagedIndex managed : indexes.values()) {
            scheduler.flush(managed);
            try {
                managed.index().close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("vectord: closing index '" + managed.name() + "': " + messages.of(e));
            }
        }
        indexes.clear();
    }
}
