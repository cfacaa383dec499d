package com.lakehouse.shared.journal;

import java.util.List;

/** {@code POST /journal/events}: what a service sends to observerd, acknowledged after the WAL append. */
public record JournalBatch(List<JournalEvent> events) {

    public JournalBatch {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
