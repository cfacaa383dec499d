package com.lakehouse.storaged.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PutCapsTest {

    private final PutCaps caps = new PutCaps(100, Map.of("datasets/", 1000L, "datasets/huge/", 5000L, "tmp/", 10L));

    @Test
    void longestMatchingPrefixWins() {
        assertThat(caps.capFor(new ObjectKey("datasets/a.parquet"))).isEqualTo(1000);
        assertThat(caps.capFor(new ObjectKey("datasets/huge/a.parquet"))).isEqualTo(5000);
        assertThat(caps.capFor(new ObjectKey("tmp/x"))).isEqualTo(10);
    }

    @Test
    void otherKeysGetTheDefault() {
        assertThat(caps.capFor(new ObjectKey("vectors/x"))).isEqualTo(100);
        assertThat(caps.capFor(new ObjectKey("datasets"))).isEqualTo(100);
    }
}
