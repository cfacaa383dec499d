package com.lakehouse.embedd.cache;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Vectors by {@link CacheKey}, bounded to {@code capacity} entries and to {@code maxBytes} of heap
 * (Caffeine's weight eviction, an LRU with frequency-aware admission). Both bounds are one weight:
 * an entry weighs its estimated bytes, but never less than {@code maxBytes / capacity}, so a total
 * weight within {@code maxBytes} keeps both the bytes and the entry count within their bounds, and
 * a model with 4096-d vectors cannot hold 10,000 × 16 KiB. Capacity 0 stores nothing: every lookup is a miss and the
 * provider sees every text. Hits and misses count one per text looked up, with adders, so they are
 * exact however many requests run at once.
 */
public final class EmbeddingCache {

    /** A key's strings, the array header and Caffeine's node, roughly; the vector's floats come on top. */
    static final int ENTRY_OVERHEAD_BYTES = 256;

    private final long capacity;
    private final long maxBytes;
    private final Cache<CacheKey, float[]> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public EmbeddingCache(long capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        long floor = capacity == 0 ? 0 : Math.max(1, maxBytes / capacity);
        // Maintenance on the calling thread: eviction is done when put returns, so size() is exact.
        this.entries = capacity == 0 || maxBytes == 0 ? null
                : Caffeine.newBuilder().maximumWeight(maxBytes)
                        .weigher((CacheKey key, float[] vector) -> (int) Math.min(Integer.MAX_VALUE,
                                Math.max(floor, bytesOf(key, vector))))
                        .executor(Runnable::run).build();
    }

    static long bytesOf(CacheKey key, float[] vector) {
        return ENTRY_OVERHEAD_BYTES + 2L * key.model().length() + 4L * vector.length;
    }

    /** The cached vector, counting a hit or a miss. */
    public Optional<float[]> lookup(CacheKey key) {
        float[] vector = entries == null ? null : entries.getIfPresent(key);
        (vector == null ? misses : hits).increment();
        return Optional.ofNullable(vector);
    }

    public void put(CacheKey key, float[] vector) {
        if (entries != null) {
            entries.put(key, vector);
        }
    }

    public boolean enabled() {
        return entries != null;
    }

    public CacheStats stats() {
        long h = hits.sum();
        long m = misses.sum();
        long size = 0;
        long weight = 0;
        if (entries != null) {
            entries.cleanUp();
            size = entries.estimatedSize();
            weight = entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
        }
        return new CacheStats(h, m, h + m == 0 ? 0.0 : (double) h / (h + m), size, capacity, weight, maxBytes);
    }
}
