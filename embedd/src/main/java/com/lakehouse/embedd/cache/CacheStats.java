package com.lakehouse.embedd.cache;

/** {@code GET /embed/stats}: lookups per text since start, and how full the cache is. */
public record CacheStats(long hits, long misses, double hitRate, long size, long capacity) {
}
