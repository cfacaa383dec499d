package com.lakehouse.queryd.vectors;

import java.util.Map;

/** One hit of a vectord search: the item id, its distance and its metadata (values as JSON gives them). */
public record VectorHit(String id, double distance, Map<String, Object> metadata) {

    public VectorHit {
        metadata = metadata == null ? Map.of() : metadata;
    }
}
