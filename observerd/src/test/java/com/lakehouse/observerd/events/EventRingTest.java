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
        EventRing ring = new EventRing(3);
        for (long i = 1; i <= 3; i++) {
            assertThat(ring.add(event(i, "a", "k"))).isFalse();
        }
        assertThat(ring.add(event(4, "a", "k"))).isTrue();
        assertThat(ring.add(event(5, "a", "k"))).isTrue();
        assertThat(ring.size()).isEqualTo(3);
        assertThat(ring.newest(null, null, 10)).extracting(ObservedEvent::seq).containsExactly(5L, 4L, 3L);
    }

    @Test
    void newestFirstWithFiltersAndLimit() {
        EventRing ring = new EventRing(10);
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
        assertThatThrownBy(() -> new EventRing(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
