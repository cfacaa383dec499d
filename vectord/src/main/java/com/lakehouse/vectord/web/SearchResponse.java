package com.lakehouse.vectord.web;

import java.util.List;

import com.lakehouse.vectord.engine.SearchHit;

/** POST /vectors/index/{name}/search: the nearest items, best first. */
public record SearchResponse(List<SearchHit> hits) {
}
