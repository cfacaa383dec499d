package com.lakehouse.observerd.journal;

import com.lakehouse.shared.journal.JournalEvent;

/** Journal events for unit tests. */
final class JournalTestEvents {

    private JournalTestEvents() {
    }

    static JournalEvent event(String id, String timestamp, String entityId) {
        return new JournalEvent(id, timestamp, "dataset", entityId, null, "register", null, "{\"version\":1}",
                "anonymous", "catalogd");
    }

    static JournalEvent event(int n) {
        return event("e" + n, String.format("2026-01-01T00:00:%02d.000000Z", n % 60), "ds" + (n % 3));
    }
}
