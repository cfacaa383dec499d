package com.lakehouse.vectord.api;

import java.util.List;
import java.util.Map;

import com.lakehouse.vectord.engine.SearchHit;
import com.lakehouse.vectord.registry.IndexSummary;

/** Response bodies of the vectors routes. */
final class WireResponses {

    private WireResponses() {
    }

    record IndexList(List<IndexSummary> indexes) {
    }

    record Added(int added, int count) {
    }

    record Hits(List<SearchHit> hits) {
    }

    record Item(String id, float[] vector, Map<String, Object> metadata) {
    }
}
