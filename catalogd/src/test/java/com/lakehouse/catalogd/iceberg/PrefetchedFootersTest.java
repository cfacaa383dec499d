package com.lakehouse.catalogd.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.error.UnavailableException;

class PrefetchedFootersTest {

    private final List<String> reads = new ArrayList<>();
    private volatile RuntimeException failing;
    private final PrefetchedFooters footers = new PrefetchedFooters((key, size) -> {
        reads.add(key);
        if (failing != null) {
            throw failing;
        }
        return List.of(new FooterStats("id", size, 0L, 8, key, key, true));
    });

    private static DataObject object(String key, String etag) {
        return new DataObject(key, 100, etag, 10);
    }

    @Test
    void aFooterReadAheadIsTakenOnceWithoutReadingAgain() {
        footers.prefetch(object("d1", "e1"));
        footers.prefetch(object("d1", "e1"));

        assertThat(footers.read(object("d1", "e1"))).extracting(FooterStats::min).containsExactly("d1");
        assertThat(reads).containsExactly("d1");
        assertThat(footers.held()).isZero();
        footers.read(object("d1", "e1"));
        assertThat(reads).containsExactly("d1", "d1");
    }

    @Test
    void anObjectWithAnotherEtagIsReadAgain() {
        footers.prefetch(object("d1", "e1"));

        footers.read(object("d1", "e2"));

        assertThat(reads).containsExactly("d1", "d1");
    }

    @Test
    void aReadAheadThatFoundStoragedAwayIsReadAgainWhenNeeded() {
        failing = new UnavailableException("storaged is away", java.time.Duration.ofSeconds(1), null);
        footers.prefetch(object("d1", "e1"));
        failing = null;

        assertThat(footers.read(object("d1", "e1"))).hasSize(1);
        assertThat(reads).containsExactly("d1", "d1");
    }

    @Test
    void aFooterThatCannotBeReadForGoodIsNotAskedForAgain() {
        failing = new IllegalStateException("object d1 does not end like a Parquet file");
        footers.prefetch(object("d1", "e1"));
        failing = null;

        assertThatThrownBy(() -> footers.read(object("d1", "e1"))).hasMessageContaining("Parquet");
        assertThat(reads).containsExactly("d1");
    }

    @Test
    void footersNeverTakenAreBounded() {
        for (int i = 0; i < PrefetchedFooters.CAPACITY + 10; i++) {
            footers.prefetch(object("d" + i, "e"));
        }

        assertThat(footers.held()).isEqualTo(PrefetchedFooters.CAPACITY);
    }
}
