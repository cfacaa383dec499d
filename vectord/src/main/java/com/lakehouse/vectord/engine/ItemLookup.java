package com.lakehouse.vectord.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;

/**
 * Reads items back out of one point-in-time searcher: by id, as search hits, or all of them in
 * index order. Doc values and vectors are forward-only cursors, so every read goes through a
 * {@link LeafItems} that is only ever asked for increasing doc ids of one segment.
 */
final class ItemLookup {

    private final IndexSearcher searcher;

    ItemLookup(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** The global doc id of the live document with this id. */
    Optional<Integer> docOf(String id) throws IOException {
        TopDocs top = searcher.search(new TermQuery(VectorDocuments.idTerm(id)), 1);
        return top.scoreDocs.length == 0 ? Optional.empty() : Optional.of(top.scoreDocs[0].doc);
    }

    Optional<StoredItem> find(String id) throws IOException {
        Optional<Integer> doc = docOf(id);
        return doc.isEmpty() ? Optional.empty() : Optional.of(item(doc.get(), true));
    }

    /** The metadata an existing item has, if the item exists. */
    Optional<Map<String, Object>> metadataOf(String id) throws IOException {
        Optional<Integer> doc = docOf(id);
        return doc.isEmpty() ? Optional.empty() : Optional.of(item(doc.get(), false).metadata());
    }

    private StoredItem item(int doc, boolean withVector) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        return new LeafItems(leaf.reader(), withVector).item(doc - leaf.docBase);
    }

    /**
     * Search hits for {@code docs}, nearest first: id, metadata, and the distance recomputed from
     * the stored vector ({@link Distance#between}).
     */
    List<SearchHit> hits(ScoreDoc[] docs, Distance distance, float[] query) throws IOException {
        ScoreDoc[] inDocOrder = docs.clone();
        Arrays.sort(inDocOrder, Comparator.comparingInt(d -> d.doc));
        List<SearchHit> hits = new ArrayList<>(docs.length);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        LeafItems items = null;
        for (ScoreDoc scoreDoc : inDocOrder) {
            if (leaf == null || scoreDoc.doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(scoreDoc.doc, leaves));
                items = new LeafItems(leaf.reader(), true);
            }
            int local = scoreDoc.doc - leaf.docBase;
            hits.add(new SearchHit(items.id(local), distance.between(query, items.vector(local)), items.metadata(local)));
        }
        hits.sort(Comparator.comparingDouble(SearchHit::distance));
        return hits;
    }

    /** Every live item, segment by segment; {@code withVectors=false} skips reading vectors. */
    void forEach(boolean withVectors, Consumer<StoredItem> action) throws IOException {
        forEachLive(withVectors, LeafItems::item, action);
    }

    /** Every live id, in index order. */
    void forEachId(Consumer<String> action) throws IOException {
        forEachLive(false, LeafItems::id, action);
    }

    /** Reads what {@code read} takes from each live document, segment by segment, in index order. */
    private <T> void forEachLive(boolean withVectors, DocRead<T> read, Consumer<T> action) throws IOException {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            LeafReader reader = leaf.reader();
            Bits live = reader.getLiveDocs();
            LeafItems items = new LeafItems(reader, withVectors);
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    action.accept(read.read(items, doc));
                }
            }
        }
    }

    /** One value of one document of a segment. */
    @FunctionalInterface
    private interface DocRead<T> {
        T read(LeafItems items, int doc) throws IOException;
    }

    private static final class LeafItems {
        private final BinaryDocValues ids;
        private final BinaryDocValues metadata;
        private final FloatVectorValues vectors;
        private final KnnVectorValues.DocIndexIterator vectorCursor;

        LeafItems(LeafReader reader, boolean withVectors) throws IOException {
            this.ids = reader.getBinaryDocValues(VectorDocuments.ID);
            this.metadata = reader.getBinaryDocValues(VectorDocuments.METADATA);
            this.vectors = withVectors ? reader.getFloatVectorValues(VectorDocuments.VECTOR) : null;
            this.vectorCursor = vectors == null ? null : vectors.iterator();
        }

        /** The item at {@code doc}, its vector only if this cursor reads vectors. */
        StoredItem item(int doc) throws IOException {
            return new StoredItem(id(doc), vectors == null ? null : vector(doc), metadata(doc));
        }

        String id(int doc) throws IOException {
            if (ids == null || !ids.advanceExact(doc)) {
                throw new IllegalStateException("document " + doc + " has no id");
            }
            return ids.binaryValue().utf8ToString();
        }

        Map<String, Object> metadata(int doc) throws IOException {
            return metadata != null && metadata.advanceExact(doc) ? VectorDocuments.metadata(metadata.binaryValue()) : Map.of();
        }

        float[] vector(int doc) throws IOException {
            if (vectorCursor == null || vectorCursor.advance(doc) != doc) {
                throw new IllegalStateException("document " + doc + " has no vector");
            }
            return vectors.vectorValue(vectorCursor.index()).clone();
        }
    }
}
