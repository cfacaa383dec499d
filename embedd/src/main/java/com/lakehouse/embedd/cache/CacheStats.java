package com.lakehouse.embedd.cache;

/**
 * {@code GET /embed/stats}: lookups per text since start, and how full the cache is: {@code size}
 * entries of {@code capacity}, {@code bytes} (its weight: estimated bytes, at least
 * {@code max_bytes / capacity} an entry) of {@code max_bytes}.
 */
public record CacheStats(long hits, long misses, double hitRate, long size, long capacity, long bytes, long maxBytes) {
}
