package com.lakehouse.vectord.engine;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.BytesRef;

import com.lakehouse.shared.files.FileTrees;

/**
 * One vector index: a Lucene index in its own directory with an HNSW field.
 *
 * <p>Writes (add, delete, commit) take a per-index lock and end by refreshing the near-real-time
 * searcher, so a writer sees its own writes. Searches take no lock: they use the last refreshed
 * searcher, so a long batch add never blocks them; they see the batch when it is complete.
 * Lucene commits happen only through {@link #commit()}, which the persistence layer schedules.
 */
public final class VectorIndex implements Closeable {

    /** Below this many items a batch is written on the caller's thread; above it, fanned out. */

    private final IndexSpec spec;
    private final Path path;
    private final Directory directory;
    private final SnapshotDeletionPolicy snapshots;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final IndexingPool pool;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicLong version = new AtomicLong();
    private volatile Runnable changeListener = () -> { };

    private VectorIndex(IndexSpec spec, Path path, IndexingPool pool, double ramBufferMb) throws IOException {
        this.spec = spec;
        this.path = path;
        this.pool = pool;
        // small NRT segments (single adds) stay in memory until a merge or commit writes them out
        this.directory = new NRTCachingDirectory(FSDirectory.open(path), 8, 64);
        this.snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
        IndexWriterConfig config = new IndexWriterConfig()
                .setCodec(new IndexCodec(spec))
                .setIndexDeletionPolicy(snapshots)
                .setRAMBufferSizeMB(ramBufferMb)
                .setMergeScheduler(new NotifyingMergeScheduler(this::merged))
                .setCommitOnClose(false)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        IndexWriter opened = new IndexWriter(directory, config);
        try {
            this.writer = opened;
            this.searchers = new SearcherManager(writer, true, false, null);
        } catch (IOException | RuntimeException e) {
            opened.rollback();
            directory.close();
            throw e;
        }
        try {
            requireCurrentLayout();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /**
     * Refuses an index whose ids are not binary doc values: vectord kept ids and metadata in stored
     * fields until 2026-11-23, and such an index can neither be read nor take new items.
     */
    private void requireCurrentLayout() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                FieldInfo id = leaf.reader().getFieldInfos().fieldInfo(VectorDocuments.ID);
                if (id != null && id.getDocValuesType() != DocValuesType.BINARY) {
                    throw new IOException("index '" + spec.name() + "' was written by an older vectord that kept ids in "
                            + "stored fields; delete it and re-create it");
                }
            }
        } finally {
            searchers.release(searcher);
        }
    }

    /** Creates an empty index in {@code path} (which must not hold one) and commits it locally with its spec. */
    public static VectorIndex create(Path path, IndexSpec spec, IndexingPool pool, double ramBufferMb) throws IOException {
        Files.createDirectories(path);
        VectorIndex index = new VectorIndex(spec, path, pool, ramBufferMb);
        index.writeLock.lock();
        try {
            index.writer.setLiveCommitData(IndexSpecCodec.toMap(spec).entrySet());
            index.writer.commit();
        } finally {
            index.writeLock.unlock();
        }
        return index;
    }

    /** Opens the index committed in {@code path}; its spec comes from the commit. */
    public static VectorIndex open(Path path, IndexingPool pool, double ramBufferMb) throws IOException {
        return new VectorIndex(readSpec(path), path, pool, ramBufferMb);
    }

    /** The spec of the last commit in {@code path}, if the directory holds a readable vectord index. */
    public static Optional<IndexSpec> committedSpec(Path path) {
        if (!Files.isDirectory(path)) {
            return Optional.empty();
        }
        try (Directory dir = FSDirectory.open(path)) {
            if (!DirectoryReader.indexExists(dir)) {
                return Optional.empty();
            }
            return Optional.of(IndexSpecCodec.fromMap(SegmentInfos.readLatestCommit(dir).getUserData()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static IndexSpec readSpec(Path path) throws IOException {
        return committedSpec(path).orElseThrow(() -> new IOException("no vectord index in " + path.getFileName()));
    }

    public IndexSpec spec() {
        return spec;
    }

    public Path path() {
        return path;
    }

    /** Mutations so far; a commit remembers the figure it contains. */
    public long version() {
        return version.get();
    }

    /**
     * Upserts a validated batch: an id seen before is replaced, an item without metadata keeps the
     * metadata its id had (earlier in the batch or in the index). Duplicate ids in one batch: the last wins.
     *
     * @return the number of distinct ids written
     */
    public int add(List<VectorItem> items) throws IOException {
        writeLock.lock();
        try {
            Map<String, VectorItem> resolved = resolve(items);
            write(new ArrayList<>(resolved.values()));
            durable();
            afterMutation();
            return resolved.size();
        } finally {
            writeLock.unlock();
        }
    }

    private Map<String, VectorItem> resolve(List<VectorItem> items) throws IOException {
        Map<String, VectorItem> byId = new LinkedHashMap<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            ItemLookup lookup = new ItemLookup(searcher);
            boolean empty = searcher.getIndexReader().numDocs() == 0;
            for (VectorItem item : items) {
                Map<String, Object> metadata = item.metadata();
                if (metadata == null) {
                    VectorItem earlier = byId.get(item.id());
                    metadata = earlier != null ? earlier.metadata()
                            : empty ? Map.of() : lookup.metadataOf(item.id()).orElse(Map.of());
                }
                byId.put(item.id(), new VectorItem(item.id(), item.vector(), metadata));
            }
        } finally {
            searchers.release(searcher);
        }
        return byId;
    }

    /**
     * Writes the batch as one Lucene update block: the old versions of its ids are deleted and its
     * documents added atomically, so a failure part-way (a document Lucene refuses, a full disk)
     * leaves none of the batch in the writer, never a prefix that the next refresh or commit would
     * make live without a journal entry. The price: a block is indexed by one thread, so a large
     * batch no longer spreads over the indexing pool.
     */
    private void write(List<VectorItem> items) throws IOException {
        List<BytesRef> ids = new ArrayList<>(items.size());
        List<Document> docs = new ArrayList<>(items.size());
        for (VectorItem item : items) {
            ids.add(new BytesRef(item.id()));
            docs.add(VectorDocuments.of(item.id(), item.vector(), item.metadata(), spec.distance()));
        }
        writer.updateDocuments(new TermInSetQuery(VectorDocuments.ID, ids), docs);
    }

    /** Deletes an item. @return whether it existed */
    public boolean delete(String id) throws IOException {
        writeLock.lock();
        try {
            if (find(id).isEmpty()) {
                return false;
            }
            writer.deleteDocuments(VectorDocuments.idTerm(id));
            durable();
            afterMutation();
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    /** Called after each background merge: its new segments are a change a commit should publish. */
    public void onBackgroundChange(Runnable listener) {
        this.changeListener = listener;
    }

    private void merged() {
        version.incrementAndGet();
        changeListener.run();
    }

    /**
     * A local Lucene commit (fsync'd) before the caller is answered: an acknowledged add or delete
     * survives kill -9 of vectord. Publishing to storaged stays debounced; at restart a local commit
     * newer than the stored copy is published (IndexLoader). Adds are serialized by the write lock
     * anyway, so this costs one fsync per acknowledged batch.
     */
    private void durable() throws IOException {
        writer.commit();
    }

    private void afterMutation() throws IOException {
        searchers.maybeRefreshBlocking();
        version.incrementAndGet();
    }

    /**
     * The {@code k} nearest items to {@code query}; {@code ef} is the number of HNSW candidates
     * explored (Lucene's k), at least {@code k}. With a filter, only matching items are collected
     * during the graph walk (Lucene falls back to an exact scan when few match), so k matches come
     * back whenever k exist.
     */
    public List<SearchHit> search(float[] query, int k, int ef, Map<String, Object> filter) throws IOException {
        int candidates = Math.max(k, ef);
        IndexSearcher searcher = searchers.acquire();
        try {
            // the graph walk keeps `candidates` nearest; only the best k of them are read back
            TopDocs top = searcher.search(new KnnFloatVectorQuery(VectorDocuments.VECTOR, query, candidates,
                    MetadataTerms.filter(filter)), k);
            return new ItemLookup(searcher).hits(top.scoreDocs, spec.distance(), query);
        } finally {
            searchers.release(searcher);
        }
    }

    public Optional<StoredItem> find(String id) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return new ItemLookup(searcher).find(id);
        } finally {
            searchers.release(searcher);
        }
    }

    public int count() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every live item of the current searcher, vectors included. */
    public void forEach(Consumer<StoredItem> action) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            new ItemLookup(searcher).forEach(true, action);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Every live id of the current searcher. */
    public Set<String> ids() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Set<String> ids = new HashSet<>();
            new ItemLookup(searcher).forEachId(ids::add);
            return ids;
        } finally {
            searchers.release(searcher);
        }
    }

    /** Removes every item (the index and its spec stay). */
    public void deleteAll() throws IOException {
        writeLock.lock();
        try {
            writer.deleteDocuments(new MatchAllDocsQuery());
            afterMutation();
        } finally {
            writeLock.unlock();
        }
    }

    /** The files of the last local commit, sorted. */
    public List<String> committedFiles() throws IOException {
        List<String> files = new ArrayList<>(SegmentInfos.readLatestCommit(directory).files(true));
        files.sort(null);
        return files;
    }

    /** Runs {@code action} with this index's write lock held; for operations spanning two indexes. */
    public <T> T underWriteLock(IoSupplier<T> action) throws IOException {
        writeLock.lock();
        try {
            return action.get();
        } finally {
            writeLock.unlock();
        }
    }

    /** Merges the index down to one segment (one HNSW graph): the fastest shape to search. */
    public void forceMerge() throws IOException {
        writeLock.lock();
        try {
            writer.forceMerge(1);
            searchers.maybeRefreshBlocking();
        } finally {
            writeLock.unlock();
        }
    }

    /** Commits locally and holds the commit for publishing; the caller closes it. */
    public LocalCommit commit() throws IOException {
        writeLock.lock();
        try {
            // read before committing: a merge that lands during the commit then counts as a later change
            long contained = version.get();
            writer.setLiveCommitData(IndexSpecCodec.toMap(spec).entrySet());
            writer.commit();
            IndexCommit commit = snapshots.snapshot();
            searchers.maybeRefreshBlocking();
            return new LocalCommit(this, commit, searchers.acquire(), contained);
        } finally {
            writeLock.unlock();
        }
    }

    void release(IndexCommit commit, IndexSearcher searcher) {
        try {
            searchers.release(searcher);
            snapshots.release(commit);
            if (writer.isOpen()) {
                writer.deleteUnusedFiles();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes without committing: what was not committed is dropped, as after a crash. */
    @Override
    public void close() throws IOException {
        writeLock.lock();
        try {
            searchers.close();
            writer.rollback();
            directory.close();
        } finally {
            writeLock.unlock();
        }
    }

    /** Closes and removes the index's directory. */
    public void drop() throws IOException {
        close();
        FileTrees.deleteTree(path);
    }

    /** A supplier that may fail with an IOException. */
    @FunctionalInterface
    public interface IoSupplier<T> {
        T get() throws IOException;
    }
}
