package com.lakehouse.embedd.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class EmbeddingCacheTest {

    @Test
    void keysSeparateModelsAndHashTheText() {
        assertThat(CacheKey.of("m", "text")).isEqualTo(CacheKey.of("m", "text"));
        assertThat(CacheKey.of("m", "text")).isNotEqualTo(CacheKey.of("n", "text"));
        assertThat(CacheKey.of("m", "text").sha256())
                .isEqualTo("982d9e3eb996f559e633f4d194def3761d909f5a3b647d1a851fead67c32c9d1");
    }

    @Test
    void countsAHitOrAMissPerLookupAndReportsSize() {
        EmbeddingCache cache = new EmbeddingCache(10, 1 << 20);
        CacheKey key = CacheKey.of("m", "a");
        assertThat(cache.lookup(key)).isEmpty();
        cache.put(key, new float[] {1f});
        assertThat(cache.lookup(key)).hasValueSatisfying(v -> assertThat(v).containsExactly(1f));
        assertThat(cache.stats()).isEqualTo(new CacheStats(1, 1, 0.5, 1, 10, (1 << 20) / 10, 1 << 20));
    }

    @Test
    void staysWithinCapacity() {
        EmbeddingCache cache = new EmbeddingCache(5, 1 << 20);
        for (int i = 0; i < 50; i++) {
            cache.put(CacheKey.of("m", "t" + i), new float[] {i});
        }
        assertThat(cache.stats().size()).isEqualTo(5);
    }

    @Test
    void capacityZeroStoresNothingAndCountsEveryLookupAsAMiss() {
        EmbeddingCache cache = new EmbeddingCache(0, 1 << 20);
        CacheKey key = CacheKey.of("m", "a");
        cache.put(key, new float[] {1f});
        assertThat(cache.lookup(key)).isEmpty();
        assertThat(cache.enabled()).isFalse();
        assertThat(cache.stats()).isEqualTo(new CacheStats(0, 1, 0.0, 0, 0, 0, 1 << 20));
    }

    @Test
    void countersAreExactUnderConcurrency() throws Exception {
        EmbeddingCache cache = new EmbeddingCache(100, 1 << 20);
        CacheKey warm = CacheKey.of("m", "warm");
        cache.put(warm, new float[] {1f});
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 50; t++) {
                int caller = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        cache.lookup(warm);
                        cache.lookup(CacheKey.of("m", "cold-" + caller + "-" + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(cache.stats().hits()).isEqualTo(5_000);
        assertThat(cache.stats().misses()).isEqualTo(5_000);
    }

    @Test
    void largeVectorsAreBoundedByBytesBeforeTheEntryCountIsReached() {
        // 1 MiB and 10,000 entries: 4096-d vectors weigh ~16.6 KiB each, so about 63 fit, not 10,000.
        EmbeddingCache cache = new EmbeddingCache(10_000, 1 << 20);
        for (int i = 0; i < 500; i++) {
            cache.put(CacheKey.of("big-model", "t" + i), new float[4096]);
        }
        CacheStats stats = cache.stats();
        assertThat(stats.bytes()).isLessThanOrEqualTo(1 << 20);
        assertThat(stats.size()).isBetween(50L, 64L);
    }

    @Test
    void smallVectorsAreBoundedByTheEntryCount() {
        EmbeddingCache cache = new EmbeddingCache(20, 1 << 20);
        for (int i = 0; i < 500; i++) {
            cache.put(CacheKey.of("m", "t" + i), new float[8]);
        }
        assertThat(cache.stats().size()).isEqualTo(20);
    }
}
