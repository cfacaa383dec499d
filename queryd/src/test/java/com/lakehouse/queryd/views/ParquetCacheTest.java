package com.lakehouse.queryd.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.storage.StorageClient;

class ParquetCacheTest {

    @TempDir
    Path dir;
    private final StorageClient storage = mock(StorageClient.class);
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void downloadsWriteTenBytes() {
        doAnswer(call -> {
            Files.write(call.getArgument(1, Path.class), new byte[10]);
            return null;
        }).when(storage).download(any(), any());
    }

    @Test
    void downloadsOnceAndReusesTheCopy() {
        ParquetCache cache = new ParquetCache(dir, 100, storage, clock);
        Path first = cache.ensure("datasets/a/fp/x.parquet");
        Path again = cache.ensure("datasets/a/fp/x.parquet");
        assertThat(first).isEqualTo(again).exists();
        assertThat(first.getFileName().toString()).matches("[0-9a-f]{64}\\.parquet");
        verify(storage, times(1)).download(eq("datasets/a/fp/x.parquet"), any());
    }

    @Test
    void evictsLeastRecentlyUsedButNeverAProtectedFile() {
        ParquetCache cache = new ParquetCache(dir, 25, storage, clock);
        Path oldest = cache.ensure("k1");
        clock.advance();
        Path middle = cache.ensure("k2");
        clock.advance();
        Path newest = cache.ensure("k3");
        clock.advance();
        List<Path> evicted = cache.evict(Set.of(oldest));
        assertThat(evicted).containsExactly(middle);
        assertThat(oldest).exists();
        assertThat(middle).doesNotExist();
        assertThat(newest).exists();
        assertThat(cache.totalBytes()).isEqualTo(20);
    }

    @Test
    void keepsProtectedFilesEvenOverTheCap() {
        ParquetCache cache = new ParquetCache(dir, 5, storage, clock);
        Path a = cache.ensure("k1");
        Path b = cache.ensure("k2");
        assertThat(cache.evict(Set.of(a, b))).isEmpty();
        assertThat(a).exists();
        assertThat(b).exists();
    }

    @Test
    void markUsedRefreshesRecency() {
        ParquetCache cache = new ParquetCache(dir, 15, storage, clock);
        Path a = cache.ensure("k1");
        clock.advance();
        Path b = cache.ensure("k2");
        clock.advance();
        cache.markUsed(List.of(a));
        assertThat(cache.evict(Set.of())).containsExactly(b);
    }

    @Test
    void reusesCompleteFilesFromAnEarlierRunAndDropsPartialOnes() throws Exception {
        ParquetCache first = new ParquetCache(dir, 100, storage, clock);
        Path kept = first.ensure("k1");
        Files.writeString(dir.resolve("junk.parquet.partial"), "half");
        ParquetCache second = new ParquetCache(dir, 100, storage, clock);
        assertThat(second.contains(kept)).isTrue();
        assertThat(dir.resolve("junk.parquet.partial")).doesNotExist();
        second.ensure("k1");
        verify(storage, times(1)).download(eq("k1"), any());
    }

    private static final class MutableClock extends Clock {
        private long millis = 1_000;

        void advance() {
            millis += 1_000;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
