package com.lakehouse.vectord.engine;

import java.util.Map;

/**
 * One item to add: its id, its vector, and its metadata; {@code metadata == null} means "keep what
 * the item had", an empty map clears it.
 */
public record VectorItem(String id, float[] vector, Map<String, Object> metadata) {
}
