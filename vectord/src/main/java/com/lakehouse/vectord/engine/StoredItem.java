package com.lakehouse.vectord.engine;

import java.util.Map;

/** An item as the index holds it; metadata is empty, never null, when it has none. */
public record StoredItem(String id, float[] vector, Map<String, Object> metadata) {
}
