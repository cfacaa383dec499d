package com.lakehouse.vectord.engine;

import java.util.Map;

/** One search result: the item's id, its distance under the index's metric, its metadata. */
public record SearchHit(String id, float distance, Map<String, Object> metadata) {
}
