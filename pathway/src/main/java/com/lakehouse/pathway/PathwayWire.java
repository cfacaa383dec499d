package com.lakehouse.pathway;

import java.util.List;

/** Wire types of pathway's routes other than the trace itself. */
final class PathwayWire {

    private PathwayWire() {
    }

    /** {@code POST /pathway/search}. {@code mode} is {@code bm25} (the default and only mode). */
    record SearchRequest(String query, List<String> tags, Integer limit, String mode) {
    }

    record SearchHit(double score, Trace trace) {
    }

    record SearchResponse(List<SearchHit> results) {
    }

    /** The chain newest first, and why the walk stopped: origin, missing_predecessor or cycle. */
    record HistoryResponse(String uid, List<Trace> traces, String end) {
    }

    record StatsResponse(long traces, long retired, long logLines, long logBytes, long replayedLines,
            long skippedCorrupt, long skippedTruncated, long skippedUnknownOp, long quarantined, String quarantineFile,
            long journalDropped) {
    }
}
