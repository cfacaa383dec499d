package com.lakehouse.pathway.web;

import java.util.List;

import com.lakehouse.pathway.traces.Trace;

/** {@code GET /pathway/traces/{uid}/history}: the chain newest first, and why the walk stopped: origin, missing_predecessor or cycle. */
public record HistoryResponse(String uid, List<Trace> traces, String end) {
}
