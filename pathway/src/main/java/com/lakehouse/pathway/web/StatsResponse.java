package com.lakehouse.pathway.web;

/** {@code GET /pathway/stats}: the store, its last replay, quarantined lines and journal events dropped. */
public record StatsResponse(long traces, long retired, long logLines, long logBytes, long replayedLines,
        long skippedCorrupt, long skippedTruncated, long skippedUnknownOp, long quarantined, String quarantineFile,
        long journalDropped) {
}
