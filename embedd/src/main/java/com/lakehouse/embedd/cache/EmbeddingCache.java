package com.lakehouse.embedd.cache;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Vectors by {@link CacheKey}, bounded to {@code capacity} entries (Caffeine's size eviction, an
 * LRU with frequency-aware admission). Capacity 0 stores nothing: every lookup is a miss and the
 * provider sees every text. Hits and misses count one per text looked up, with adders, so they are
 * exact however many requests run at once.
 */
public final class EmbeddingCache {

    private final long capacity;
    private final Cache<CacheKey, float[]> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public EmbeddingCache(long capacity) {
        this.capacity = capacity;
        // Maintenance on the calling thread: eviction is done when put returns, so size() is exact.
        this.entries = capacity == 0 ? null
                : Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
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
        if (entries != null) {
            entries.cleanUp();
            size = entries.estimatedSize();
        }
        return new CacheStats(h, m, h + m == 0 ? 0.0 : (double) h / (h + m), size, capacity);
    }
}
