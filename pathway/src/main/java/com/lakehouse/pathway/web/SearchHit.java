package com.lakehouse.pathway.web;

import com.lakehouse.pathway.traces.Trace;

/** One result of {@code POST /pathway/search}: the trace and its bm25 score. */
public record SearchHit(double score, Trace trace) {
}
