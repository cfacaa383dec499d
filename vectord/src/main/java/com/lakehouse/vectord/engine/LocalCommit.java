package com.lakehouse.vectord.engine;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.search.IndexSearcher;

/**
 * A Lucene commit held open for publishing: its files cannot be deleted, and the searcher shows
 * exactly its contents, until {@link #close()}.
 */
public final class LocalCommit implements Closeable {

    private final VectorIndex index;
    private final IndexCommit commit;
    private final IndexSearcher searcher;
    private final long version;

    LocalCommit(VectorIndex index, IndexCommit commit, IndexSearcher searcher, long version) {
        this.index = index;
        this.commit = commit;
        this.searcher = searcher;
        this.version = version;
    }

    public IndexSpec spec() {
        return index.spec();
    }

    public Path directory() {
        return index.path();
    }

    /** The mutation count this commit contains; a later mutation means another commit is due. */
    public long version() {
        return version;
    }

    public long generation() {
        return commit.getGeneration();
    }

    /** The names of every file the commit consists of, segments_N included, sorted. */
    public List<String> files() {
        try {
            Collection<String> names = commit.getFileNames();
            List<String> sorted = new ArrayList<>(names);
            sorted.sort(null);
            return sorted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every live id, in index order. */
    public List<String> ids() throws IOException {
        List<String> ids = new ArrayList<>(searcher.getIndexReader().numDocs());
        new ItemLookup(searcher).forEachId(ids::add);
        return ids;
    }

    /** The metadata of every item that has some. */
    public Map<String, Map<String, Object>> metadata() throws IOException {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        new ItemLookup(searcher).forEach(false, item -> {
            if (!item.metadata().isEmpty()) {
                all.put(item.id(), item.metadata());
            }
        });
        return all;
    }

    @Override
    public void close() {
        index.release(commit, searcher);
    }
}
