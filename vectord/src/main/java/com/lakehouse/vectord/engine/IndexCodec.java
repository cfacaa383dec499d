package com.lakehouse.vectord.engine;

import java.io.IOException;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

/**
 * Lucene's default codec with the float HNSW format built with this index's M and efConstruction.
 *
 * <p>Only writing needs the parameters: the files are plain {@code Lucene99HnswVectorsFormat}, so a
 * reader opens them through Lucene's own SPI. The wrapper keeps that format's name and only lifts its
 * 1,024-dimension guard to SPEC's 4,096 (the file format has no such limit).
 */
final class IndexCodec extends Lucene104Codec {

    private final KnnVectorsFormat vectors;

    IndexCodec(IndexSpec spec) {
        // No merge workers: with an executor Lucene merges graphs by re-inserting every vector of
        // the smaller segments on two threads; without one it joins them (MergingHnswGraphBuilder),
        // which on 100,000 vectors cut a bulk load's time by a quarter. Merges of different
        // segments still run side by side on the merge scheduler's threads.
        this.vectors = new WideFormat(new Lucene99HnswVectorsFormat(spec.m(), spec.efConstruction()));
    }

    @Override
    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return vectors;
    }

    private static final class WideFormat extends KnnVectorsFormat {
        private final KnnVectorsFormat delegate;

        WideFormat(KnnVectorsFormat delegate) {
            super(delegate.getName());
            this.delegate = delegate;
        }

        @Override
        public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
            return delegate.fieldsWriter(state);
        }

        @Override
        public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
            return delegate.fieldsReader(state);
        }

        @Override
        public int getMaxDimensions(String fieldName) {
            return IndexSpec.MAX_DIMENSION;
        }
    }
}
