package com.lakehouse.vectord.engine;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;

/** Reads items back out of one point-in-time searcher: by id, or all of them in index order. */
final class ItemLookup {

    private static final Set<String> ID_ONLY = Set.of(VectorDocuments.ID);
    private static final Set<String> ID_AND_METADATA = Set.of(VectorDocuments.ID, VectorDocuments.METADATA);

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
        return doc.isEmpty() ? Optional.empty() : Optional.of(item(doc.get()));
    }

    /** The metadata an existing item has, if the item exists. */
    Optional<Map<String, Object>> metadataOf(String id) throws IOException {
        Optional<Integer> doc = docOf(id);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(VectorDocuments.metadata(searcher.storedFields().document(doc.get(), ID_AND_METADATA)));
    }

    StoredItem item(int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int local = doc - leaf.docBase;
        Document stored = leaf.reader().storedFields().document(local, ID_AND_METADATA);
        return new StoredItem(stored.get(VectorDocuments.ID), vector(leaf.reader(), local),
                VectorDocuments.metadata(stored));
    }

    /** A search hit: id, metadata, and the distance recomputed from the stored vector. */
    SearchHit hit(ScoreDoc scoreDoc, Distance distance, float[] query) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(scoreDoc.doc, leaves));
        int local = scoreDoc.doc - leaf.docBase;
        Document stored = leaf.reader().storedFields().document(local, ID_AND_METADATA);
        return new SearchHit(stored.get(VectorDocuments.ID), distance.between(query, vector(leaf.reader(), local)),
                VectorDocuments.metadata(stored));
    }

    /** Every live item, segment by segment; {@code withVectors=false} skips reading vectors. */
    void forEach(boolean withVectors, Consumer<StoredItem> action) throws IOException {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            LeafReader reader = leaf.reader();
            Bits live = reader.getLiveDocs();
            StoredFields fields = reader.storedFields();
            FloatVectorValues vectors = withVectors ? reader.getFloatVectorValues(VectorDocuments.VECTOR) : null;
            KnnVectorValues.DocIndexIterator cursor = vectors == null ? null : vectors.iterator();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                Document stored = fields.document(doc, ID_AND_METADATA);
                float[] vector = null;
                if (cursor != null && cursor.docID() < doc && cursor.advance(doc) == doc) {
                    vector = vectors.vectorValue(cursor.index()).clone();
                }
                action.accept(new StoredItem(stored.get(VectorDocuments.ID), vector, VectorDocuments.metadata(stored)));
            }
        }
    }

    /** Every live id, in index order. */
    void forEachId(Consumer<String> action) throws IOException {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            LeafReader reader = leaf.reader();
            Bits live = reader.getLiveDocs();
            StoredFields fields = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    action.accept(fields.document(doc, ID_ONLY).get(VectorDocuments.ID));
                }
            }
        }
    }

    private static float[] vector(LeafReader reader, int doc) throws IOException {
        FloatVectorValues values = reader.getFloatVectorValues(VectorDocuments.VECTOR);
        KnnVectorValues.DocIndexIterator cursor = values.iterator();
        if (cursor.advance(doc) != doc) {
            throw new IllegalStateException("document without a vector");
        }
        return values.vectorValue(cursor.index()).clone();
    }
}
