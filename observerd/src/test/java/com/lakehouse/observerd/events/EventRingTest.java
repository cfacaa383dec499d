package com.lakehouse.observerd.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.NullNode;

class EventRingTest {

    private static ObservedEvent event(long seq, String source, String kind) {
        return new ObservedEvent(seq, "2026-01-01T00:00:00Z", source, kind, NullNode.getInstance());
    }

    @Test
    void fullRingEvictsTheOldest() {
        EventRing ring = new EventRing(3, 1 << 20);
        for (long i = 1; i <= 3; i++) {
            assertThat(ring.add(event(i, "a", "k"))).isZero();
        }
        assertThat(ring.add(event(4, "a", "k"))).isOne();
        assertThat(ring.add(event(5, "a", "k"))).isOne();
        assertThat(ring.size()).isEqualTo(3);
        assertThat(ring.newest(null, null, 10)).extracting(ObservedEvent::seq).containsExactly(5L, 4L, 3L);
    }

    @Test
    void newestFirstWithFiltersAndLimit() {
        EventRing ring = new EventRing(10, 1 << 20);
        ring.add(event(1, "ingestd", "ingest"));
        ring.add(event(2, "vectord", "add"));
        ring.add(event(3, "ingestd", "ingest"));
        ring.add(event(4, "ingestd", "error"));
        assertThat(ring.newest("ingestd", null, 10)).extracting(ObservedEvent::seq).containsExactly(4L, 3L, 1L);
        assertThat(ring.newest(null, "ingest", 10)).extracting(ObservedEvent::seq).containsExactly(3L, 1L);
        assertThat(ring.newest("ingestd", "ingest", 1)).extracting(ObservedEvent::seq).containsExactly(3L);
        assertThat(ring.newest("nobody", null, 10)).isEmpty();
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new EventRing(0, 1 << 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void largePayloadsAreBoundedByBytesLongBeforeTheCount() {
        EventRing ring = new EventRing(10_000, 100_000);
        tools.jackson.databind.node.StringNode big = tools.jackson.databind.node.StringNode.valueOf("x".repeat(10_000));
        int evicted = 0;
        for (int i = 1; i <= 100; i++) {
            evicted += ring.add(new ObservedEvent(i, "2026-01-01T00:00:00Z", "s", "k", big));
        }
        // each event weighs ~20 KiB (two bytes a char), so four fit in 100,000 bytes
        assertThat(ring.size()).isEqualTo(4);
        assertThat(evicted).isEqualTo(96);
        assertThat(ring.bytes()).isLessThanOrEqualTo(100_000);
        assertThat(ring.newest(null, null, 1).get(0).seq()).isEqualTo(100);
    }

    @Test
    void anEventHeavierThanTheWholeRingIsStillKeptAlone() {
        EventRing ring = new EventRing(10, 1000);
        ring.add(event(1, "a", "k"));
        ring.add(new ObservedEvent(2, "t", "a", "k", tools.jackson.databind.node.StringNode.valueOf("y".repeat(5000))));
        assertThat(ring.size()).isOne();
        assertThat(ring.newest(null, null, 5).get(0).seq()).isEqualTo(2);
    }
}
