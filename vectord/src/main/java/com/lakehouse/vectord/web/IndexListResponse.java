package com.lakehouse.vectord.web;

import java.util.List;

import com.lakehouse.vectord.registry.IndexSummary;

/** GET /vectors/index: every index with its size and settings. */
public record IndexListResponse(List<IndexSummary> indexes) {
}
