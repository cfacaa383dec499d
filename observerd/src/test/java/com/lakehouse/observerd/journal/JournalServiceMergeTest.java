package com.lakehouse.observerd.journal;

import static com.lakehouse.observerd.journal.JournalTestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.journal.JournalEvent;

class JournalServiceMergeTest {

    @Test
    void newestFirstAcrossBufferAndFilesWithoutDuplicates() {
        List<JournalEvent> buffered = List.of(event("b1", "2026-01-01T00:00:05.000000Z", "x"),
                event("b2", "2026-01-01T00:00:07.000000Z", "x"),
                event("s2", "2026-01-01T00:00:04.000000Z", "x"));
        List<JournalEvent> stored = List.of(event("s1", "2026-01-01T00:00:06.000000Z", "x"),
                event("s2", "2026-01-01T00:00:04.000000Z", "x"));
        assertThat(JournalService.merge(buffered, stored, 10)).extracting(JournalEvent::eventId)
                .containsExactly("b2", "s1", "b1", "s2");
        assertThat(JournalService.merge(buffered, stored, 2)).extracting(JournalEvent::eventId)
                .containsExactly("b2", "s1");
    }

    @Test
    void equalTimestampsPutLaterArrivalsFirst() {
        String t = "2026-01-01T00:00:00.000000Z";
        List<JournalEvent> buffered = List.of(event("first", t, "x"), event("second", t, "x"));
        assertThat(JournalService.merge(buffered, List.of(event("stored", t, "x")), 10))
                .extracting(JournalEvent::eventId).containsExactly("second", "first", "stored");
    }
}
