package com.lakehouse.observerd.events;

import java.util.Map;

/** {@code GET /observer/stats} (SPEC §10): counts since start, by source and by kind. */
public record ObserverStats(
        long total,
        Map<String, Long> bySource,
        Map<String, Long> byKind,
        int ringSize,
        int capacity,
        long ringBytes,
        long ringMaxBytes,
        long evicted,
        long persistErrors) {
}
