package com.lakehouse.vectord.registry;

import com.lakehouse.vectord.engine.IndexSpec;

/** An index as {@code GET /vectors/index} lists it. */
public record IndexSummary(String name, int dimension, String distance, int count, int m, int efConstruction) {

    static IndexSummary of(IndexSpec spec, int count) {
        return new IndexSummary(spec.name(), spec.dimension(), spec.distance().wireName(), count, spec.m(),
                spec.efConstruction());
    }
}
