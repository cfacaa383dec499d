package com.lakehouse.vectord.persist;

import java.util.List;
import java.util.Map;

/**
 * The JSON envelope of an LHV1 commit point (SPEC §7), version 2: the index's spec, the full id
 * list (the canonical id set, independent of which items have metadata), metadata by id, and the
 * names of the Lucene files the commit consists of (stored under {@code _vectors/<name>/}).
 * {@code generation} is Lucene's commit generation, for diagnostics.
 */
public record Envelope(int version, String name, int dimension, String distance, Params params,
        List<String> ids, Map<String, Map<String, Object>> metadata, List<String> files, long generation) {

    public static final int CURRENT_VERSION = 2;

    public Envelope {
        ids = ids == null ? List.of() : ids;
        metadata = metadata == null ? Map.of() : metadata;
        files = files == null ? List.of() : files;
    }

    /** HNSW build parameters. */
    public record Params(int m, int efConstruction) {
    }
}
